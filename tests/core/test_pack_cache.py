"""The pack cache gives exactly what a full load gives, and never a stale or broken pack."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from spasmguide.core import pack_cache
from spasmguide.core.content import ContentError, bundled_pack_path, load_pack
from spasmguide.core.pack_cache import load_pack_cached


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(bundled_pack_path(), folder)
    return folder


@pytest.fixture
def full_loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every full (uncached) load, by folder."""
    calls: list[Path] = []

    def counting_load(path: Path | str):  # type: ignore[no-untyped-def]
        calls.append(Path(path))
        return load_pack(path)

    monkeypatch.setattr(pack_cache, "load_pack", counting_load)
    return calls


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    """The cache folder (not made yet: the cache makes it)."""
    return tmp_path / "cache"


def cache_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("pack-*.bin")) if cache.exists() else []


def test_second_start_reads_the_cache_and_gets_the_same_pack(
    pack_dir: Path, cache: Path, full_loads: list[Path]
) -> None:
    first = load_pack_cached(pack_dir, cache)
    second = load_pack_cached(pack_dir, cache)
    assert full_loads == [pack_dir]  # the second came from the cache
    assert second == first == load_pack(pack_dir)
    assert second.routines == first.routines and second.routines
    assert second.synonyms.alternatives("cramp") == first.synonyms.alternatives("cramp")
    assert second.synonyms.examples == first.synonyms.examples
    assert second.path == pack_dir
    assert len(cache_files(cache)) == 1


def test_an_edited_file_is_read_again(
    pack_dir: Path, cache: Path, full_loads: list[Path]
) -> None:
    load_pack_cached(pack_dir, cache)
    tab_file = pack_dir / "causes.md"
    text = tab_file.read_text(encoding="utf-8")
    tab_file.write_text(text.replace("## ", "## Edited ", 1), encoding="utf-8")
    edited = load_pack_cached(pack_dir, cache)
    assert len(full_loads) == 2
    causes = edited.tab("causes")
    assert causes is not None and causes.sections[0].title.startswith("Edited ")


def test_same_size_edit_with_a_new_time_is_read_again(
    pack_dir: Path, cache: Path, full_loads: list[Path]
) -> None:
    load_pack_cached(pack_dir, cache)
    pack_toml = pack_dir / "pack.toml"
    before = pack_toml.stat()
    text = pack_toml.read_text(encoding="utf-8")
    version = load_pack(pack_dir).version
    new_version = "9" + version[1:]
    pack_toml.write_text(text.replace(f'"{version}"', f'"{new_version}"', 1), encoding="utf-8")
    assert pack_toml.stat().st_size == before.st_size
    os.utime(pack_toml, ns=(before.st_atime_ns, before.st_mtime_ns + 5_000_000_000))
    reloaded = load_pack_cached(pack_dir, cache)
    assert len(full_loads) == 2
    assert reloaded.version == new_version


def test_a_new_file_in_the_pack_is_noticed(
    pack_dir: Path, cache: Path, full_loads: list[Path]
) -> None:
    (pack_dir / "synonyms.toml").unlink()
    without = load_pack_cached(pack_dir, cache)
    assert not without.synonyms
    shutil.copy(bundled_pack_path() / "synonyms.toml", pack_dir / "synonyms.toml")
    with_synonyms = load_pack_cached(pack_dir, cache)
    assert len(full_loads) == 2
    assert with_synonyms.synonyms.alternatives("cramp")


def test_a_broken_pack_is_never_cached(
    pack_dir: Path, cache: Path, full_loads: list[Path]
) -> None:
    (pack_dir / "causes.md").write_bytes(b"\xff\xfe not text")
    for _ in range(2):
        with pytest.raises(ContentError, match=r"causes\.md:1: .*UTF-8"):
            load_pack_cached(pack_dir, cache)
    assert len(full_loads) == 2
    assert cache_files(cache) == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-10],  # cut short
        lambda data: data[:4] + bytes([data[4] ^ 0xFF]) + data[5:],  # a flipped byte
        lambda data: b"",  # empty
        lambda data: b"\x00" * 4 + b"not marshal data",
    ],
)
def test_a_damaged_cache_file_means_a_normal_load(
    pack_dir: Path, cache: Path, full_loads: list[Path], damage
) -> None:  # type: ignore[no-untyped-def]
    good = load_pack_cached(pack_dir, cache)
    (cached,) = cache_files(cache)
    cached.write_bytes(damage(cached.read_bytes()))
    assert load_pack_cached(pack_dir, cache) == good
    assert len(full_loads) == 2
    assert load_pack_cached(pack_dir, cache) == good  # rewritten, so used again
    assert len(full_loads) == 2


def test_another_program_version_does_not_use_the_cache(
    pack_dir: Path, cache: Path, full_loads: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_pack_cached(pack_dir, cache)
    monkeypatch.setattr(pack_cache, "__version__", "99.0.0")
    load_pack_cached(pack_dir, cache)
    assert len(full_loads) == 2


def test_packs_in_two_folders_are_kept_apart(
    pack_dir: Path, cache: Path, full_loads: list[Path]
) -> None:
    other = pack_dir.parent / "other"
    shutil.copytree(pack_dir, other)
    text = (other / "pack.toml").read_text(encoding="utf-8")
    (other / "pack.toml").write_text(text.replace('title = "', 'title = "Clinic ', 1))
    assert load_pack_cached(pack_dir, cache).title != load_pack_cached(other, cache).title
    assert load_pack_cached(pack_dir, cache).path == pack_dir
    assert load_pack_cached(other, cache).path == other
    assert len(full_loads) == 2


def test_an_unwritable_cache_folder_still_loads(pack_dir: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder would go")
    assert load_pack_cached(pack_dir, blocker) == load_pack(pack_dir)


def test_no_cache_folder_means_no_cache(
    pack_dir: Path, full_loads: list[Path]
) -> None:
    load_pack_cached(pack_dir, None)
    load_pack_cached(pack_dir, None)
    assert len(full_loads) == 2
