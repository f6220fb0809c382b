"""The INI settings store: typed values, bad values ignored, nothing written when read-only."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from spasmguide.settings_store import SettingsStore

GARBAGE = b"[window]\nlast_tab=\x00\xff\xfe\n[view\ntext_scale=9999\n"


def test_values_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    store = SettingsStore(path)
    store.set("view/text_scale", 150)
    store.set("window/geometry", b"\x01\x02")
    store.save()
    again = SettingsStore(path)
    assert again.get("view/text_scale") == 150
    assert again.get("window/geometry") == b"\x01\x02"


def test_read_only_store_never_writes_or_renames(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    path.write_bytes(GARBAGE)
    store = SettingsStore(path, read_only=True)
    store.set("view/text_scale", 200)
    store.save()
    assert path.read_bytes() == GARBAGE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.ini"]
    assert store.get("view/text_scale") == 200  # in memory only


linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="XDG_CONFIG_HOME is how Linux names the folder"
)


@linux_only
def test_the_settings_file_lives_where_the_readme_says(tmp_path: Path, monkeypatch, qapp) -> None:
    from spasmguide.settings_store import default_settings_path

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert default_settings_path() == tmp_path / "SpasmGuide" / "settings.ini"
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "~/.config/SpasmGuide/settings.ini" in readme


@linux_only
def test_settings_from_the_older_deeper_folder_are_moved_up(
    tmp_path: Path, monkeypatch, qapp
) -> None:
    from spasmguide.settings_store import default_settings_path

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    old = tmp_path / "SpasmGuide" / "SpasmGuide" / "settings.ini"
    old.parent.mkdir(parents=True)
    old.write_text("[view]\ntext_scale=150\n", encoding="utf-8")
    path = default_settings_path()
    assert path == tmp_path / "SpasmGuide" / "settings.ini"
    assert not old.exists()
    assert SettingsStore(path).get("view/text_scale") == 150
