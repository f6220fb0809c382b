"""The diary file: saves, migrations, a damaged file set aside, and a disk that refuses."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from spasmguide.core.diary import DiaryOpenError, DiaryStore, DiaryWriteError, Entry, EntryError
from spasmguide.core.diary.store import (
    MIGRATIONS,
    SCHEMA_VERSION,
    Migration,
    delete_diary,
    diary_files,
    schema_version,
)

LONDON_SUMMER = timezone(timedelta(hours=1))


def entry(hour: int = 3, **kwargs) -> Entry:
    return Entry(when=datetime(2025, 6, 2, hour, 15, tzinfo=LONDON_SUMMER), **kwargs)


@pytest.fixture
def store(tmp_path: Path):
    opened = DiaryStore.open(tmp_path / "data" / "diary.sqlite3")
    yield opened
    opened.close()


def test_a_saved_entry_comes_back_the_same_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite3"
    store = DiaryStore.open(path)
    saved = store.save(entry(
        leg="left", place="calf", duration_s=90, severity=7, activity="in-bed",
        helped=("stretch-and-massage",), helped_other="walked about", note="woke me up",
    ))
    store.close()
    again = DiaryStore.open(path)
    assert again.entries() == [saved]
    assert again.get(saved.id).when.utcoffset() == timedelta(hours=1)
    assert again.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    again.close()


def test_only_when_is_needed_and_bad_values_are_refused(store: DiaryStore) -> None:
    assert store.save(entry()).id
    with pytest.raises(EntryError) as bad:
        store.save(entry(severity=11))
    assert bad.value.field == "severity"
    with pytest.raises(EntryError):
        store.save(Entry(when=datetime(2025, 1, 1, 3)))  # no time zone: ambiguous
    assert store.count() == 1


def test_editing_replaces_and_delete_removes(store: DiaryStore) -> None:
    first = store.save(entry(severity=3))
    store.save(entry(hour=5))
    from dataclasses import replace

    store.save(replace(first, severity=6, note="edited"))
    assert store.count() == 2
    assert store.get(first.id).severity == 6
    assert store.delete(first.id)
    assert store.get(first.id) is None and store.count() == 1


def test_entries_come_newest_first_and_by_period(store: DiaryStore) -> None:
    early, late = store.save(entry(hour=1)), store.save(entry(hour=22))
    assert store.entries() == [late, early]
    start = datetime(2025, 6, 2, 12, tzinfo=UTC)
    assert store.entries_between(start, start + timedelta(days=1)) == [late]


def test_a_new_file_is_migrated_from_version_0(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite3"
    sqlite3.connect(path).close()  # an empty file: user_version 0
    store = DiaryStore.open(path)
    assert schema_version(store.connection) == SCHEMA_VERSION == MIGRATIONS[-1].version
    store.save(entry())
    store.close()


def test_an_older_hand_made_schema_is_migrated_and_keeps_its_entries(tmp_path: Path) -> None:
    """A version-1 file made by hand, opened by a program whose schema has a step 2."""
    path = tmp_path / "diary.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        CREATE TABLE entries (
            uid TEXT PRIMARY KEY NOT NULL, started_at TEXT NOT NULL,
            started_utc INTEGER NOT NULL, leg TEXT NOT NULL DEFAULT '',
            place TEXT NOT NULL DEFAULT '', duration_s INTEGER, severity INTEGER,
            activity TEXT NOT NULL DEFAULT '', helped TEXT NOT NULL DEFAULT '[]',
            helped_other TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
            saved_utc INTEGER NOT NULL);
        INSERT INTO entries (uid, started_at, started_utc, leg, saved_utc)
            VALUES ('abc', '2024-01-05T02:00:00+00:00', 1704420000, 'right', 0);
        PRAGMA user_version = 1;
        """
    )
    conn.close()

    def add_medicines(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE entries ADD COLUMN medicines TEXT NOT NULL DEFAULT ''")

    steps = (*MIGRATIONS, Migration(2, add_medicines))
    store = DiaryStore.open(path, migrations=steps)
    assert schema_version(store.connection) == 2
    columns = [row[1] for row in store.connection.execute("PRAGMA table_info(entries)")]
    assert "medicines" in columns
    [kept] = store.entries()
    assert (kept.id, kept.leg, kept.when.year) == ("abc", "right", 2024)
    store.close()


def test_a_failing_migration_step_leaves_the_file_at_the_last_good_version(
    tmp_path: Path,
) -> None:
    path = tmp_path / "diary.sqlite3"
    DiaryStore.open(path).close()

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("ALTER TABLE entries ADD COLUMN half TEXT")
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        DiaryStore.open(path, migrations=(*MIGRATIONS, Migration(2, broken)))
    store = DiaryStore.open(path)
    assert schema_version(store.connection) == 1
    columns = [row[1] for row in store.connection.execute("PRAGMA table_info(entries)")]
    assert "half" not in columns
    store.close()


def test_a_file_from_a_newer_program_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(DiaryOpenError) as refused:
        DiaryStore.open(path)
    assert refused.value.reason == "newer-version"
    assert path.exists() and not path.with_name(path.name + ".corrupt").exists()


def test_a_damaged_file_is_set_aside_and_a_fresh_diary_started(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite3"
    garbage = b"this is not a database at all\n" * 200
    path.write_bytes(garbage)
    store = DiaryStore.open(path)
    [notice] = store.notices
    assert notice.kind == "set-aside"
    assert notice.backup == path.with_name("diary.sqlite3.corrupt")
    assert notice.backup.read_bytes() == garbage  # nothing lost
    assert store.count() == 0
    store.save(entry())
    store.close()
    # A second damaged file does not overwrite the first backup.
    path.write_bytes(b"x" * 5000)
    second = DiaryStore.open(path)
    assert second.notices[0].backup.name == "diary.sqlite3.corrupt-2"
    assert (tmp_path / "diary.sqlite3.corrupt").read_bytes() == garbage
    second.close()


def test_a_file_with_damaged_pages_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite3"
    store = DiaryStore.open(path)
    for hour in range(20):
        store.save(entry(hour=hour % 24, note="x" * 500))
    store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # scribble over the whole second page
    path.write_bytes(bytes(data))
    reopened = DiaryStore.open(path)
    assert [n.kind for n in reopened.notices] == ["set-aside"]
    assert reopened.integrity() == "ok"
    reopened.close()


def test_a_full_disk_refuses_the_save_and_keeps_what_was_there(store: DiaryStore) -> None:
    kept = store.save(entry())
    pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
    store.connection.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(DiaryWriteError) as full:
        store.add_many([entry(hour=h % 24, note="n" * 3000) for h in range(50)])
    assert full.value.reason == "disk-full"
    assert store.entries() == [kept]


def test_a_read_only_diary_refuses_the_save_with_a_reason(store: DiaryStore) -> None:
    kept = store.save(entry())
    store.connection.execute("PRAGMA query_only = 1")
    with pytest.raises(DiaryWriteError) as refused:
        store.save(entry(hour=9))
    assert refused.value.reason == "read-only"
    assert store.entries() == [kept]


def test_a_folder_that_cannot_be_made_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(DiaryOpenError) as refused:
        DiaryStore.open(blocker / "diary.sqlite3")
    assert refused.value.reason in ("cannot-open", "read-only")


def test_add_many_keeps_entries_already_there(store: DiaryStore) -> None:
    from dataclasses import replace

    there = store.save(entry(note="mine"))
    added, already = store.add_many([replace(there, note="from the file"), entry(hour=8)])
    assert (added, already) == (1, 1)
    assert store.get(there.id).note == "mine"


def test_delete_diary_removes_the_file_its_journals_and_backups(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite3"
    (tmp_path / "diary.sqlite3.corrupt").write_text("old")
    (tmp_path / "settings.ini").write_text("keep me")
    store = DiaryStore.open(path)
    store.save(entry())
    store.close()
    assert path in diary_files(path)
    removed = delete_diary(path)
    assert path in removed and not path.exists()
    assert not (tmp_path / "diary.sqlite3.corrupt").exists()
    assert (tmp_path / "settings.ini").exists()


def test_add_many_checks_every_entry_and_adds_none_when_one_is_bad(store: DiaryStore) -> None:
    with pytest.raises(EntryError):
        store.add_many([entry(), entry(hour=4, helped=('bad "quoted" id',))])
    assert store.count() == 0
