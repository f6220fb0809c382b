"""Cache files are written whole or not at all, and damage is noticed when they are read."""

from __future__ import annotations

from pathlib import Path

import pytest

from spasmguide.core.checked_file import read_checked, write_checked


def test_what_is_written_is_read_back(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "cache.bin"
    assert write_checked(path, b"the body", "test cache")
    body = read_checked(path)
    assert body is not None and bytes(body) == b"the body"
    assert [p.name for p in path.parent.iterdir()] == ["cache.bin"]  # no temporary file left


def test_a_missing_file_is_none_and_a_damaged_one_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "cache.bin"
    assert read_checked(path) is None
    write_checked(path, b"the body", "test cache")
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(ValueError, match="checksum"):
        read_checked(path)


def test_a_folder_that_cannot_be_made_is_reported_not_raised(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert not write_checked(blocker / "cache.bin", b"x", "test cache")
    assert blocker.read_text(encoding="utf-8") == "not a folder"
