#!/usr/bin/env python3
"""Start SpasmGuide, or run its tests, setting up whatever is missing first.

    python3 run.py [--content DIR] [--kiosk] ...   start the guide
    python3 run.py test [PYTEST ARGS]              run the whole test suite
    python3 run.py build [--no-deb]                the self-contained program in dist/
                                                   (and on Linux its .deb packages)
    python3 run.py build-pack DIR ...              a .deb for each content pack folder

On first use this creates a virtual environment in ``.venv`` beside this file and
installs the project into it; later runs reuse it and reinstall only when
``pyproject.toml`` changes what gets installed. Needs only Python 3.11+ and the
package registry.

Every start passes through here, so the everyday path is kept cheap: it compares the
install stamp with ``pyproject.toml``'s size and modification time using nothing but
``os``, then replaces this process with the environment's Python. The heavier modules
(``venv``, ``tomllib``, ``hashlib``, ``json``, ``subprocess``) load only when something
has to be checked or installed.
"""

from __future__ import annotations

import os
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
PYPROJECT = os.path.join(ROOT, "pyproject.toml")
VENV = os.environ.get("SPASMGUIDE_VENV") or os.path.join(ROOT, ".venv")
STAMP = os.path.join(VENV, ".spasmguide-installed")

VENV_HELP = (
    "Python could not create a virtual environment here. On Debian or Ubuntu, install the\n"
    "python3-venv package first (as root: apt-get install python3-venv; otherwise with sudo),\n"
    "then run this command again."
)


def venv_python() -> str:
    """The interpreter inside the project's virtual environment."""
    if os.name == "nt":
        return os.path.join(VENV, "Scripts", "python.exe")
    return os.path.join(VENV, "bin", "python")


def read_stamp() -> list[list[str]]:
    """The install stamp's lines: ``extras mtime_ns size fingerprint`` each."""
    try:
        with open(STAMP, encoding="utf-8") as file:
            return [line.split() for line in file if len(line.split()) == 4]
    except OSError:
        return []


def pyproject_stat() -> tuple[str, str]:
    """``pyproject.toml``'s modification time and size, as the stamp stores them."""
    info = os.stat(PYPROJECT)
    return str(info.st_mtime_ns), str(info.st_size)


def install_fingerprint(extras: str) -> str:
    """Changes when what gets installed changes (not when tool settings do)."""
    import hashlib
    import json
    import tomllib

    with open(PYPROJECT, "rb") as file:
        project = tomllib.load(file)
    wanted = {k: project.get(k) for k in ("build-system", "project")}
    wanted["extras"] = extras
    return hashlib.sha256(json.dumps(wanted, sort_keys=True).encode()).hexdigest()


def is_installed(extras: str) -> bool:
    """Cheap check: the environment exists and was stamped for this very pyproject.toml."""
    if not os.path.exists(venv_python()):
        return False
    key = [extras or "-", *pyproject_stat()]
    return any(line[:3] == key for line in read_stamp())


def ensure_environment(extras: str) -> str:
    """Create the virtual environment and install the project if anything is missing."""
    if sys.version_info < (3, 11):  # noqa: UP036 - run.py must explain, not crash
        found = sys.version.split()[0]
        sys.exit(f"SpasmGuide needs Python 3.11 or newer; this is Python {found}.")
    python = venv_python()
    if is_installed(extras):
        return python
    wanted = install_fingerprint(extras)
    known = {line[3] for line in read_stamp() if line[0] == (extras or "-")}
    covered = [extras or "-"]
    if not (os.path.exists(python) and wanted in known):
        install(python, extras)
        if extras:  # installing extras installs the program itself too
            covered.append("-")
    # Else pyproject.toml was touched but installs the same things: only the stamp is renewed.
    lines = [line for line in read_stamp() if line[0] not in covered]
    for name in covered:
        fingerprint = wanted if name == (extras or "-") else install_fingerprint("")
        lines.append([name, *pyproject_stat(), fingerprint])
    with open(STAMP, "w", encoding="utf-8") as file:
        file.writelines(" ".join(line) + "\n" for line in lines)
    return python


def install(python: str, extras: str) -> None:
    """Make the environment if needed and install the project into it (editable)."""
    import subprocess

    if not os.path.exists(python):
        import importlib.util

        print(
            f"Setting up SpasmGuide in {VENV} (first run only). This downloads about 740 MB\n"
            "of packages (mostly Qt) and takes a few minutes.",
            file=sys.stderr,
        )
        if importlib.util.find_spec("ensurepip") is None:
            sys.exit(VENV_HELP)
        import venv

        try:
            venv.EnvBuilder(with_pip=True, clear=os.path.exists(VENV)).create(VENV)
        except (OSError, subprocess.CalledProcessError) as exc:
            sys.exit(f"{VENV_HELP}\n({exc})")
        if not os.path.exists(python):
            sys.exit(VENV_HELP)
    target = f"{ROOT}[{extras}]" if extras else ROOT
    command = [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    # "compat" editable mode puts the project folder on sys.path with a plain .pth line;
    # the default mode installs an import hook that slows every start of the program.
    editable = ["--config-settings", "editable_mode=compat", "--editable", target]
    result = subprocess.run([*command, *editable], check=False)
    if result.returncode != 0:
        sys.exit("Installing SpasmGuide's packages failed; see the messages above.")


def hand_over(command: list[str]) -> int:
    """Become ``command`` (same process id, no launcher left waiting), or run it on Windows."""
    sys.stdout.flush()
    sys.stderr.flush()
    if os.name == "nt":  # Windows has no real exec: the parent would return at once.
        import subprocess

        return subprocess.run(command, check=False).returncode
    os.execv(command[0], command)
    return 127  # not reached


def main(argv: list[str]) -> int:
    """Set up, then hand over to the app or to pytest inside the environment."""
    if argv[:1] == ["test"]:
        python = ensure_environment("test")
        os.chdir(ROOT)  # pytest finds its settings and tests from the project folder
        return hand_over([python, "-m", "pytest", *argv[1:]])
    if argv[:1] in (["build"], ["build-pack"]):
        python = ensure_environment("build")
        return hand_over([python, os.path.join(ROOT, "packaging", "build.py"), *argv])
    python = ensure_environment("")
    return hand_over([python, "-m", "spasmguide", *argv])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
