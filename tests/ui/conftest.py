"""Set-up shared by the window tests."""

from pathlib import Path

import pytest


@pytest.fixture
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every file the program might write goes under a temporary HOME (and its XDG folders)."""
    home = tmp_path / "home"
    folders = {
        "XDG_CONFIG_HOME": ".config",
        "XDG_DATA_HOME": ".local/share",
        "XDG_CACHE_HOME": ".cache",
        "XDG_STATE_HOME": ".local/state",
        "XDG_RUNTIME_DIR": "runtime",
    }
    for sub in folders.values():
        (home / sub).mkdir(parents=True)
    (home / "runtime").chmod(0o700)
    monkeypatch.setenv("HOME", str(home))
    for name, sub in folders.items():
        monkeypatch.setenv(name, str(home / sub))
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    return home
