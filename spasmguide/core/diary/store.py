"""The diary's SQLite file: opened safely, migrated step by step, one transaction per save.

- WAL journal with ``synchronous=FULL``: a save that returned is on disk, and a process killed
  mid-write leaves the file as it was before that save.
- ``PRAGMA user_version`` is the schema version; :data:`MIGRATIONS` bring any older file up to
  date, each step in its own transaction. A file from a newer program is left alone.
- A damaged file is set aside as ``<name>.corrupt`` (never deleted) and a fresh diary started;
  :attr:`DiaryStore.notices` says so.
- A write that fails (read-only folder, full disk) raises :class:`DiaryWriteError` with a
  reason id, and nothing half-written stays behind.
"""

from __future__ import annotations

import contextlib
import errno
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from spasmguide.core.diary.model import Entry
from spasmguide.core.diary.summary import SummaryRow

DIARY_FILE_NAME = "diary.sqlite3"
BUSY_TIMEOUT_S = 5.0


class DiaryError(Exception):
    """The diary could not do what was asked. ``reason`` is an id the UI turns into words:

    ``read-only``, ``disk-full``, ``cannot-open``, ``busy``, ``damaged``, ``newer-version``
    or ``io``.
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class DiaryOpenError(DiaryError):
    """The diary file could not be opened (nothing was changed on disk)."""


class DiaryWriteError(DiaryError):
    """A save, delete or import did not happen; the diary is as it was before."""


@dataclass(frozen=True)
class DiaryNotice:
    """Something the person should know about their diary file. ``kind`` is an id."""

    kind: str
    path: Path
    backup: Path | None = None


def reason_for(exc: BaseException) -> str:
    """The reason id for an SQLite or operating-system error."""
    if isinstance(exc, sqlite3.Error):
        name = getattr(exc, "sqlite_errorname", "") or ""
        text = str(exc).lower()
        for prefix, reason in (
            ("SQLITE_READONLY", "read-only"),
            ("SQLITE_FULL", "disk-full"),
            ("SQLITE_CANTOPEN", "cannot-open"),
            ("SQLITE_BUSY", "busy"),
            ("SQLITE_LOCKED", "busy"),
            ("SQLITE_CORRUPT", "damaged"),
            ("SQLITE_NOTADB", "damaged"),
        ):
            if name.startswith(prefix):
                return reason
        if "readonly" in text or "read-only" in text:
            return "read-only"
        if "disk is full" in text:
            return "disk-full"
        if "not a database" in text or "malformed" in text:
            return "damaged"
        return "io"
    if isinstance(exc, OSError):
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return "read-only"
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return "disk-full"
        return "cannot-open"
    return "io"


# -- schema ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Migration:
    """One step of the schema: ``apply`` turns version ``version - 1`` into ``version``."""

    version: int
    apply: Callable[[sqlite3.Connection], None]


def _v1_entries(conn: sqlite3.Connection) -> None:
    conn.execute(
        """
        CREATE TABLE entries (
            uid TEXT PRIMARY KEY NOT NULL,
            started_at TEXT NOT NULL,       -- ISO 8601 with the offset it was logged in
            started_utc INTEGER NOT NULL,   -- seconds since 1970, for ordering
            leg TEXT NOT NULL DEFAULT '',
            place TEXT NOT NULL DEFAULT '',
            duration_s INTEGER,
            severity INTEGER,
            activity TEXT NOT NULL DEFAULT '',
            helped TEXT NOT NULL DEFAULT '[]',  -- JSON list of treatment section ids
            helped_other TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            saved_utc INTEGER NOT NULL
        )
        """
    )
    conn.execute("CREATE INDEX entries_by_time ON entries (started_utc DESC, uid)")


MIGRATIONS: tuple[Migration, ...] = (Migration(1, _v1_entries),)
"""Every schema step in order. Add a step; never change one that has shipped."""

SCHEMA_VERSION = MIGRATIONS[-1].version


def schema_version(conn: sqlite3.Connection) -> int:
    """The file's ``PRAGMA user_version``."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring the file up to the newest version, one transaction per step; the new version.

    Raises:
        DiaryOpenError: ``newer-version`` when the file was written by a newer program.
    """
    current = schema_version(conn)
    latest = migrations[-1].version if migrations else 0
    if current > latest:
        raise DiaryOpenError("newer-version", f"schema {current}, this program knows {latest}")
    for step in migrations:
        if step.version <= current:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            step.apply(conn)
            conn.execute(f"PRAGMA user_version = {int(step.version)}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        current = step.version
    return current


# -- the store -------------------------------------------------------------------------------

_COLUMNS = (
    "uid, started_at, started_utc, leg, place, duration_s, severity, activity, helped, "
    "helped_other, note, saved_utc"
)


def _row(entry: Entry, saved_utc: int) -> tuple[object, ...]:
    return (
        entry.id,
        entry.when.isoformat(timespec="seconds"),
        int(entry.when.timestamp()),
        entry.leg,
        entry.place,
        entry.duration_s,
        entry.severity,
        entry.activity,
        # Checked ids are lower-case letters, digits and hyphens: nothing to escape.
        "[" + ",".join(f'"{h}"' for h in entry.helped) + "]",
        entry.helped_other,
        entry.note,
        saved_utc,
    )


def _entry(row: Sequence[object]) -> Entry:
    uid, started_at, leg, place, duration, severity, activity, helped, other, note = row
    treatments = _treatments(str(helped))
    return Entry(
        when=datetime.fromisoformat(str(started_at)),
        leg=str(leg),
        place=str(place),
        duration_s=None if duration is None else int(duration),  # type: ignore[call-overload]
        severity=None if severity is None else int(severity),  # type: ignore[call-overload]
        activity=str(activity),
        helped=treatments,
        helped_other=str(other),
        note=str(note),
        id=str(uid),
    )


def _treatments(helped: str) -> tuple[str, ...]:
    """The ids in a stored ``helped`` list; quick for the usual shapes, JSON otherwise."""
    if helped == "[]":
        return ()
    inner = helped[2:-2]
    if helped.startswith('["') and helped.endswith('"]') and "\\" not in inner:
        return tuple(inner.split('","'))
    try:
        return tuple(str(h) for h in json.loads(helped))
    except (ValueError, TypeError):
        return ()


_SELECT = (
    "SELECT uid, started_at, leg, place, duration_s, severity, activity, helped, "
    "helped_other, note FROM entries"
)


class DiaryStore:
    """The diary file. Open it with :meth:`open`; close it when done.

    Attributes:
        path: The database file.
        notices: What happened while opening (a damaged file set aside), for the UI to say.
        connection: The SQLite connection (tests use it to simulate a full disk).
    """

    def __init__(
        self, path: Path, connection: sqlite3.Connection, notices: list[DiaryNotice],
        now: Callable[[], datetime],
    ) -> None:
        self.path = path
        self.connection = connection
        self.notices = notices
        self._now = now

    def __repr__(self) -> str:
        return f"DiaryStore({str(self.path)!r})"

    @classmethod
    def open(
        cls, path: Path, *, now: Callable[[], datetime] | None = None,
        migrations: Sequence[Migration] = MIGRATIONS,
    ) -> DiaryStore:
        """Open (and create or migrate) the diary at ``path``.

        Raises:
            DiaryOpenError: the file or its folder cannot be used (``reason`` says why).
        """
        notices: list[DiaryNotice] = []
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DiaryOpenError(reason_for(exc), str(exc)) from exc
        try:
            conn = _connect_checked(path, migrations)
        except _DamagedFileError as damaged:
            backup = set_aside(path)
            notices.append(DiaryNotice("set-aside", path, backup))
            try:
                conn = _connect_checked(path, migrations)
            except _DamagedFileError as again:
                raise DiaryOpenError("damaged", str(again)) from again
            del damaged
        return cls(path, conn, notices, now or (lambda: datetime.now(UTC)))

    def close(self) -> None:
        """Close the file (a closed store must not be used again)."""
        with contextlib.suppress(sqlite3.Error):
            self.connection.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        conn = self.connection
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise DiaryWriteError(reason_for(exc), str(exc)) from exc
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException as exc:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise DiaryWriteError(reason_for(exc), str(exc)) from exc
            raise

    # -- writing

    def save(self, entry: Entry) -> Entry:
        """Add a new entry or replace the one with the same id, in one transaction.

        Returns:
            The entry as stored (with its id).

        Raises:
            EntryError: a value is not acceptable.
            DiaryWriteError: the disk refused; nothing was written.
        """
        entry = entry.checked()
        if not entry.id:
            entry = replace(entry, id=str(uuid.uuid4()))
        saved = int(self._now().timestamp())
        with self._transaction() as conn:
            conn.execute(
                f"INSERT OR REPLACE INTO entries ({_COLUMNS}) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _row(entry, saved),
            )
        return entry

    def delete(self, uid: str) -> bool:
        """Delete one entry; whether it was there."""
        with self._transaction() as conn:
            return conn.execute("DELETE FROM entries WHERE uid = ?", (uid,)).rowcount > 0

    def add_many(self, entries: Iterable[Entry], *, checked: bool = False) -> tuple[int, int]:
        """Add entries in one transaction, keeping any entry already there with the same id.

        ``checked=True`` skips checking entries again that :meth:`Entry.checked` (or the CSV
        reader, which checks every row) already returned.

        Raises:
            EntryError: an entry is not acceptable (nothing was added).
            DiaryWriteError: the disk refused; nothing was added.

        Returns:
            How many were added and how many were already in the diary.
        """
        saved = int(self._now().timestamp())
        rows = []
        for entry in entries:
            if not checked:
                entry = entry.checked()
            if not entry.id:
                entry = replace(entry, id=str(uuid.uuid4()))
            rows.append(_row(entry, saved))
        with self._transaction() as conn:
            before = conn.total_changes
            conn.executemany(
                f"INSERT OR IGNORE INTO entries ({_COLUMNS}) VALUES "
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            added = conn.total_changes - before
        return added, len(rows) - added

    # -- reading

    def _read(self, sql: str, params: Sequence[object] = ()) -> list[Entry]:
        try:
            return [_entry(row) for row in self.connection.execute(sql, params)]
        except sqlite3.Error as exc:
            raise DiaryError(reason_for(exc), str(exc)) from exc

    def get(self, uid: str) -> Entry | None:
        """The entry with this id, or None."""
        found = self._read(f"{_SELECT} WHERE uid = ?", (uid,))
        return found[0] if found else None

    def count(self) -> int:
        """How many entries the diary holds."""
        try:
            return int(self.connection.execute("SELECT count(*) FROM entries").fetchone()[0])
        except sqlite3.Error as exc:
            raise DiaryError(reason_for(exc), str(exc)) from exc

    def entries(self, limit: int | None = None, offset: int = 0) -> list[Entry]:
        """Entries, newest first."""
        sql = f"{_SELECT} ORDER BY started_utc DESC, uid"
        if limit is None:
            return self._read(sql)
        return self._read(f"{sql} LIMIT ? OFFSET ?", (int(limit), int(offset)))

    def entries_between(self, start: datetime, end: datetime) -> list[Entry]:
        """Entries that started at or after ``start`` and before ``end``, oldest first."""
        return self._read(
            f"{_SELECT} WHERE started_utc >= ? AND started_utc < ? ORDER BY started_utc, uid",
            (int(start.timestamp()), int(end.timestamp())),
        )

    def summary_rows(self) -> list[SummaryRow]:
        """What the charts need of every entry, read without making whole entries."""
        try:
            return [
                SummaryRow(date.fromisoformat(day), int(hour), leg, duration, severity,
                           _treatments(helped))
                for day, hour, leg, duration, severity, helped in self.connection.execute(
                    "SELECT substr(started_at, 1, 10), substr(started_at, 12, 2), leg, "
                    "duration_s, severity, helped FROM entries"
                )
            ]
        except (sqlite3.Error, ValueError) as exc:
            reason = reason_for(exc) if isinstance(exc, sqlite3.Error) else "damaged"
            raise DiaryError(reason, str(exc)) from exc

    def integrity(self) -> str:
        """``PRAGMA integrity_check``'s answer ("ok" for a sound file)."""
        return str(self.connection.execute("PRAGMA integrity_check").fetchone()[0])


class _DamagedFileError(Exception):
    pass


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA cache_size = -16000")  # 16 MB: a big import stays in memory
    except BaseException:
        conn.close()
        raise
    return conn


def _connect_checked(path: Path, migrations: Sequence[Migration]) -> sqlite3.Connection:
    """Connect, check and migrate; :class:`_DamagedFileError` when the file is unusable."""
    try:
        conn = _connect(path)
    except sqlite3.Error as exc:
        reason = reason_for(exc)
        if reason == "damaged":
            raise _DamagedFileError(str(exc)) from exc
        raise DiaryOpenError(reason, str(exc)) from exc
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise _DamagedFileError(str(check))
        migrate(conn, migrations)
        try:
            conn.execute(f"SELECT {_COLUMNS} FROM entries LIMIT 0")
        except sqlite3.OperationalError as exc:  # a version number without its tables
            raise _DamagedFileError(str(exc)) from exc
    except sqlite3.Error as exc:
        conn.close()
        reason = reason_for(exc)
        if reason == "damaged":
            raise _DamagedFileError(str(exc)) from exc
        raise DiaryOpenError(reason, str(exc)) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def set_aside(path: Path) -> Path:
    """Rename a damaged diary (and its journal files) to ``.corrupt``; never overwrite one."""
    backup = path.with_name(path.name + ".corrupt")
    number = 2
    while backup.exists():
        backup = path.with_name(f"{path.name}.corrupt-{number}")
        number += 1
    try:
        path.replace(backup)
        for suffix in ("-wal", "-shm"):
            journal = path.with_name(path.name + suffix)
            if journal.exists():
                journal.replace(backup.with_name(backup.name + suffix))
    except OSError as exc:
        raise DiaryOpenError(reason_for(exc), str(exc)) from exc
    return backup


def diary_files(path: Path) -> list[Path]:
    """Every file that belongs to the diary at ``path``: the file, its journals, backups."""
    folder = path.parent
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.startswith(path.name) and p.is_file())


def delete_diary(path: Path) -> list[Path]:
    """Remove the diary and everything that belongs to it; the files removed.

    Raises:
        DiaryWriteError: a file could not be removed (the others are gone).
    """
    removed = []
    failed: OSError | None = None
    for file in diary_files(path):
        try:
            file.unlink()
            removed.append(file)
        except OSError as exc:
            failed = exc
    if failed is not None:
        raise DiaryWriteError(reason_for(failed), str(failed))
    return removed
