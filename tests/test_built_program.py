"""The self-contained program that ``python3 run.py build`` makes, run as people run it.

These run only when ``SPASMGUIDE_BUILT_PROGRAM`` names the built program (``.ci/run`` sets it
after building); an old build lying in ``dist/`` is never tested by accident against newer
source. The program is started offscreen, with its own empty settings and cache folders.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from spasmguide import __version__

ROOT = Path(__file__).resolve().parents[1]
BUILT = os.environ.get("SPASMGUIDE_BUILT_PROGRAM", "")

pytestmark = [
    pytest.mark.built,
    pytest.mark.skipif(not BUILT, reason="no built program named (SPASMGUIDE_BUILT_PROGRAM); "
                       "`python3 run.py build` makes one and .ci/run tests it"),
]


@pytest.fixture
def run_built(tmp_path: Path):
    def run(*args: str, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        env = {
            key: value for key, value in os.environ.items()
            if not key.startswith(("PYTHON", "SPASMGUIDE_BENCH"))
        }
        env.update({
            "QT_QPA_PLATFORM": "offscreen",
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "XDG_CACHE_HOME": str(tmp_path / "cache"),
            "XDG_DATA_HOME": str(tmp_path / "data"),
            **(extra_env or {}),
        })
        return subprocess.run([BUILT, *args], capture_output=True, text=True, env=env,
                              timeout=300, cwd=tmp_path, check=False)

    return run


def bundle_root() -> Path:
    """Where the bundle keeps its files (PyInstaller's ``_internal`` folder)."""
    program = Path(BUILT).resolve()
    for candidate in (program.parent / "_internal", program.parent.parent / "Resources",
                      program.parent.parent / "Frameworks"):
        if (candidate / "resources").is_dir():
            return candidate
    raise AssertionError(f"no resources folder next to {program}")


def test_it_says_its_version(run_built) -> None:
    result = run_built("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"SpasmGuide {__version__}"


def test_it_starts_and_paints_its_first_frame(run_built, tmp_path: Path) -> None:
    result = run_built("--settings", str(tmp_path / "settings.ini"), extra_env={
        "SPASMGUIDE_BENCH": "first", "SPASMGUIDE_BENCH_DIR": str(ROOT / "benchmarks"),
    })
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.startswith("painted "), result.stdout + result.stderr[-3000:]


def test_search_answers_as_the_source_does(run_built) -> None:
    built = run_built("search", "cramp", "--json")
    assert built.returncode == 0, built.stderr
    hits = json.loads(built.stdout)
    assert hits and all(hit["title"] and hit["tab_id"] for hit in hits)
    source = subprocess.run([sys.executable, "-m", "spasmguide", "search", "cramp", "--json"],
                            capture_output=True, text=True, timeout=300, cwd=ROOT, check=True)
    assert [h["section"] for h in hits] == [h["section"] for h in json.loads(source.stdout)]


def test_the_bundled_pack_passes_its_check(run_built) -> None:
    packs = sorted((bundle_root() / "resources" / "content").iterdir())
    assert [p.name for p in packs] == sorted(
        p.name for p in (ROOT / "resources" / "content").iterdir() if p.is_dir()
    )
    for pack in packs:
        result = run_built("check-content", str(pack))
        assert result.returncode == 0, result.stdout + result.stderr
        assert result.stdout.startswith("OK:"), result.stdout


def test_every_resource_file_is_carried(run_built) -> None:
    carried = bundle_root() / "resources"
    wanted = [p.relative_to(ROOT / "resources") for p in (ROOT / "resources").rglob("*")
              if p.is_file() and p.suffix != ".py" and "__pycache__" not in p.parts]
    missing = [str(p) for p in wanted if not (carried / p).is_file()]
    assert wanted and missing == []


def test_unused_qt_modules_stay_out() -> None:
    names = {p.name for p in bundle_root().rglob("*")}
    unwanted = [n for n in names if any(part in n for part in (
        "Qt6Quick", "Qt6Qml", "Qt6WebEngine", "Qt63D", "Qt6Pdf", "Qt6VirtualKeyboard",
        "QtQuick", "QtQml", "QtWebEngine", "libqgtk3", "libqeglfs", "libqvnc",
    ))]
    assert unwanted == []
    assert any("QtWidgets" in n for n in names) and any("QtMultimedia" in n for n in names)
