"""The INI settings store: typed values, bad values ignored, nothing written when read-only."""

from __future__ import annotations

from pathlib import Path

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
