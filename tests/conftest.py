"""Shared test setup: Qt runs offscreen, so tests need no display or window system."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_ACCESSIBILITY", "1")

import pytest

from spasmguide.core.content import Pack, bundled_pack_path, load_pack
from spasmguide.core.search import SearchIndex


@pytest.fixture(autouse=True)
def private_diary(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test gets its own diary file, so no test opens the real one in the data folder."""
    path = tmp_path_factory.mktemp("diary") / "diary.sqlite3"
    monkeypatch.setenv("SPASMGUIDE_DIARY", str(path))
    return path


@pytest.fixture(scope="module")
def pack() -> Pack:
    """The bundled content pack, loaded once per test module."""
    return load_pack(bundled_pack_path())


@pytest.fixture(scope="module")
def index(pack: Pack) -> SearchIndex:
    """A search index over the bundled pack."""
    return SearchIndex.build(pack)


@pytest.fixture(autouse=True)
def kiosk_state_folder(tmp_path_factory, monkeypatch):
    """Kiosk state (the PIN lock-out count) goes to a fresh folder, never a system one."""
    folder = tmp_path_factory.mktemp("kiosk-state")
    monkeypatch.setenv("STATE_DIRECTORY", str(folder))
    monkeypatch.delenv("RUNTIME_DIRECTORY", raising=False)
    return folder
