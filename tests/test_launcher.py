"""run.py, the launcher every start goes through: cheap when all is installed, clear when not."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

import run

ROOT = Path(run.__file__).resolve().parent


@pytest.mark.skipif(os.name == "nt", reason="the stand-in interpreter is a shell script")
def test_the_everyday_start_loads_no_install_machinery(tmp_path: Path) -> None:
    # An environment stamped for this very pyproject.toml, whose "Python" hands over to the
    # one running these tests (so it can start SpasmGuide).
    venv = tmp_path / "venv"
    python = Path(run.venv_python().replace(run.VENV, str(venv)))
    python.parent.mkdir(parents=True)
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    mtime_ns, size = run.pyproject_stat()
    (venv / ".spasmguide-installed").write_text(f"- {mtime_ns} {size} any\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-X", "importtime", str(ROOT / "run.py"), "--version"],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
        env={**os.environ, "SPASMGUIDE_VENV": str(venv)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("SpasmGuide ")
    launcher_imports = {line.split("|")[-1].strip() for line in result.stderr.splitlines()
                        if line.startswith("import time:")}
    assert launcher_imports, result.stderr
    for heavy in ("venv", "tomllib", "hashlib", "json", "subprocess"):
        assert heavy not in launcher_imports


def test_a_python_without_venv_support_gets_the_package_to_install(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setattr(run, "VENV", str(tmp_path / "venv"))
    monkeypatch.setattr(run, "STAMP", str(tmp_path / "venv" / ".stamp"))
    real_find_spec = importlib.util.find_spec

    def no_ensurepip(name: str, *args, **kwargs):
        return None if name == "ensurepip" else real_find_spec(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", no_ensurepip)
    with pytest.raises(SystemExit) as stopped:
        run.ensure_environment("")
    assert "python3-venv" in str(stopped.value)
    assert "740 MB" in capsys.readouterr().err
    assert not (tmp_path / "venv").exists()


def test_touching_pyproject_without_changing_it_renews_only_the_stamp(
    tmp_path: Path, monkeypatch
) -> None:
    venv = tmp_path / "venv"
    python = Path(run.venv_python().replace(run.VENV, str(venv)))
    python.parent.mkdir(parents=True)
    python.write_text("", encoding="utf-8")
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_bytes((ROOT / "pyproject.toml").read_bytes())
    monkeypatch.setattr(run, "VENV", str(venv))
    monkeypatch.setattr(run, "STAMP", str(venv / ".stamp"))
    monkeypatch.setattr(run, "PYPROJECT", str(pyproject))
    installs: list[str] = []
    monkeypatch.setattr(run, "install", lambda _python, extras: installs.append(extras))

    run.ensure_environment("")
    assert installs == [""]  # no stamp yet
    assert run.is_installed("")
    os.utime(pyproject, ns=(1, 1))
    assert not run.is_installed("")
    run.ensure_environment("")
    assert installs == [""]  # same contents: no reinstall
    assert run.is_installed("")
    pyproject.write_text(pyproject.read_text() + '\n[project.urls]\nHome = "x"\n')
    run.ensure_environment("")
    assert installs == ["", ""]
    assert not run.is_installed("test")
    run.ensure_environment("test")
    assert installs == ["", "", "test"]
    # Installing with the test extras installed the program too: starting it needs nothing.
    assert run.is_installed("") and run.is_installed("test")
