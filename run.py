#!/usr/bin/env python3
"""Start SpasmGuide, or run its tests, setting up whatever is missing first.

    python3 run.py [--content DIR] [--kiosk] ...   start the guide
    python3 run.py test [PYTEST ARGS]              run the whole test suite

On first use this creates a virtual environment in ``.venv`` beside this file and
installs the project into it; later runs reuse it and reinstall only when
``pyproject.toml`` changes. Needs only Python 3.11+ and the package registry.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("SPASMGUIDE_VENV", ROOT / ".venv"))
STAMP = VENV / ".spasmguide-installed"


def venv_python() -> Path:
    """The interpreter inside the project's virtual environment."""
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def install_fingerprint(extras: str) -> str:
    """Changes when what gets installed changes (not when tool settings do)."""
    import tomllib  # here, so Python < 3.11 reaches the friendly version message

    with (ROOT / "pyproject.toml").open("rb") as file:
        project = tomllib.load(file)
    wanted = {k: project.get(k) for k in ("build-system", "project")}
    wanted["extras"] = extras
    return hashlib.sha256(json.dumps(wanted, sort_keys=True).encode()).hexdigest()


def ensure_environment(extras: str) -> Path:
    """Create the virtual environment and install the project if anything is missing."""
    if sys.version_info < (3, 11):  # noqa: UP036 - run.py must explain, not crash
        found = sys.version.split()[0]
        sys.exit(f"SpasmGuide needs Python 3.11 or newer; this is Python {found}.")
    python = venv_python()
    wanted = install_fingerprint(extras)
    installed = STAMP.read_text(encoding="utf-8").split() if STAMP.exists() else []
    if python.exists() and wanted in installed:
        return python
    if not python.exists():
        print(f"Setting up SpasmGuide in {VENV} (first run only) ...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    target = f"{ROOT}[{extras}]" if extras else str(ROOT)
    command = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    # "compat" editable mode puts the project folder on sys.path with a plain .pth line;
    # the default mode installs an import hook that slows every start of the program.
    editable = ["--config-settings", "editable_mode=compat", "--editable", target]
    result = subprocess.run([*command, *editable], check=False)
    if result.returncode != 0:
        sys.exit("Installing SpasmGuide's packages failed; see the messages above.")
    STAMP.write_text(" ".join([*installed, wanted]), encoding="utf-8")
    return python


def main(argv: list[str]) -> int:
    """Set up, then hand over to the app or to pytest inside the environment."""
    if argv[:1] == ["test"]:
        python = ensure_environment("test")
        command = [str(python), "-m", "pytest", *argv[1:]]
    else:
        python = ensure_environment("")
        command = [str(python), "-m", "spasmguide", *argv]
    return subprocess.run(command, cwd=ROOT, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
