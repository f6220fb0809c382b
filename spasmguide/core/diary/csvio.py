"""The diary as CSV: to move it to another computer or open it in a spreadsheet.

Columns (UTF-8 with a byte-order mark so spreadsheets see the encoding; a header row first):

    id, when, leg, where, duration_seconds, severity, activity, helped, helped_other, note

``when`` is ISO 8601 with the time-zone offset (``2025-03-14T02:40:00+00:00``); ``helped``
holds treatment section ids separated by ``;``. Only ``when`` must have a value.

Import is all or nothing per file: if any row is bad, nothing is added and every bad row is
reported by its line number, so the file can be fixed and imported again. Entries already in
the diary (the same ``id``) are kept as they are; nothing already there is changed or lost.
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TextIO

from spasmguide.core.diary.model import Entry, EntryError

COLUMNS = (
    "id", "when", "leg", "where", "duration_seconds", "severity", "activity", "helped",
    "helped_other", "note",
)
REQUIRED = ("when",)
MAX_ROWS = 1_000_000
"""A file with more rows than this is not a diary; it is refused rather than read."""


@dataclass(frozen=True)
class BadRow:
    """A row that cannot be imported: its line in the file, the column and a problem id.

    Problem ids: ``missing``, ``bad-date``, ``needs-time-zone``, ``not-a-number``,
    ``unknown-choice``, ``out-of-range``, ``bad-id``, ``too-long``, ``too-many-columns``.
    """

    line: int
    column: str
    problem: str
    value: str = ""

    def __str__(self) -> str:
        return f"line {self.line}: {self.column}: {self.problem}"


@dataclass
class ImportResult:
    """What an import found: good entries, bad rows (then nothing was added) and counts."""

    entries: list[Entry] = field(default_factory=list)
    bad_rows: list[BadRow] = field(default_factory=list)
    header_problem: str = ""
    added: int = 0
    already_there: int = 0

    @property
    def ok(self) -> bool:
        """True when the whole file can be (or was) imported."""
        return not self.bad_rows and not self.header_problem


def write_csv(entries: Iterable[Entry], out: TextIO) -> int:
    """Write entries as CSV (header first); how many rows were written."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    count = 0
    for e in entries:
        writer.writerow((
            e.id,
            e.when.isoformat(timespec="seconds"),
            e.leg,
            e.place,
            "" if e.duration_s is None else e.duration_s,
            "" if e.severity is None else e.severity,
            e.activity,
            ";".join(e.helped),
            e.helped_other,
            e.note,
        ))
        count += 1
    return count


def export_csv(entries: Iterable[Entry], path: Path) -> int:
    """Write entries to a CSV file (UTF-8 with BOM), through a temporary file so a failed
    export never leaves half a file where a good one was. Raises OSError on failure."""
    temporary = path.with_name(path.name + ".part")
    try:
        with temporary.open("w", encoding="utf-8-sig", newline="") as out:
            count = write_csv(entries, out)
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return count


def _number(text: str, column: str, line: int, bad: list[BadRow]) -> int | None:
    if text.isdigit():  # the usual case, and quick
        return int(text)
    text = text.strip()
    if not text:
        return None
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        bad.append(BadRow(line, column, "not-a-number", text))
        return None
    if value != value or value in (float("inf"), float("-inf")):
        bad.append(BadRow(line, column, "not-a-number", text))
        return None
    return round(value)


def parse_fields(fields: Sequence[str], line: int, bad: list[BadRow]) -> Entry | None:
    """One row's values in :data:`COLUMNS` order as an entry; problems go to ``bad``."""
    uid, when_text, leg, place, duration_text, severity_text, activity, helped, other, note = (
        fields
    )
    found = len(bad)
    when_text = when_text.strip()
    when: datetime | None = None
    if not when_text:
        bad.append(BadRow(line, "when", "missing"))
    else:
        try:
            when = datetime.fromisoformat(when_text.replace("Z", "+00:00"))
        except ValueError:
            bad.append(BadRow(line, "when", "bad-date", when_text))
        else:
            if when.utcoffset() is None:
                bad.append(BadRow(line, "when", "needs-time-zone", when_text))
    duration = _number(duration_text, "duration_seconds", line, bad)
    severity = _number(severity_text, "severity", line, bad)
    if len(bad) > found or when is None:
        return None
    helped = helped.strip().lower()
    entry = Entry(
        when,
        leg.strip().lower(),
        place.strip().lower(),
        duration,
        severity,
        activity.strip().lower(),
        tuple(helped.split(";")) if helped else (),
        other,
        note,
        uid.strip() or str(uuid.uuid4()),
    )
    try:
        return entry.checked()
    except EntryError as exc:
        column = {"place": "where", "duration_s": "duration_seconds"}.get(exc.field, exc.field)
        bad.append(BadRow(line, column, exc.problem))
        return None


def read_csv(source: TextIO) -> ImportResult:
    """Read a diary CSV; every bad row is reported with the line it starts on.

    Columns may come in any order and any letter case; columns not listed in
    :data:`COLUMNS` are ignored, missing ones are empty (only ``when`` is needed).
    """
    result = ImportResult()
    reader = csv.reader(source)
    try:
        header = next(reader, None)
    except csv.Error:
        result.header_problem = "not-csv"
        return result
    if header is None:
        result.header_problem = "empty"
        return result
    names = [h.strip().lower().lstrip("\ufeff") for h in header]
    if any(c not in names for c in REQUIRED):
        result.header_problem = "no-when-column"
        return result
    width = len(names)
    # Where each of our columns is in this file; a missing one reads the empty value added
    # at the end of every row.
    where = [names.index(c) if c in names else width for c in COLUMNS]
    entries, bad_rows = result.entries, result.bad_rows
    next_line = reader.line_num + 1
    while True:
        line = next_line
        try:
            values = next(reader, None)
        except csv.Error:
            bad_rows.append(BadRow(line, "", "not-csv"))
            break
        if values is None:
            break
        next_line = reader.line_num + 1
        if not "".join(values).strip():
            continue  # blank lines, as spreadsheets leave at the end
        if len(values) > width:
            bad_rows.append(BadRow(line, "", "too-many-columns"))
            continue
        if len(entries) + len(bad_rows) >= MAX_ROWS:
            bad_rows.append(BadRow(line, "", "too-many-rows"))
            break
        values += [""] * (width + 1 - len(values))
        entry = parse_fields([values[i] for i in where], line, bad_rows)
        if entry is not None:
            entries.append(entry)
    return result


def read_csv_file(path: Path) -> ImportResult:
    """Read a CSV file (UTF-8, with or without BOM). Raises OSError when it cannot be read."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        result = ImportResult()
        result.header_problem = "not-utf8"
        return result
    return read_csv(io.StringIO(text, newline=""))
