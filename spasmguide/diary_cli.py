"""``spasmguide diary export|import|summary``: the cramp diary from the command line.

Importing this module loads no Qt; only the default diary location asks Qt (its core part,
which needs no display) where application data belongs, so the window and this agree.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TextIO

from spasmguide.core.diary.summary import DEFAULT_WEEKS

PROBLEMS = {
    "missing": "a value is needed",
    "bad-date": "not a date and time in ISO 8601 form (2025-03-14T02:40:00+00:00)",
    "needs-time-zone": "the date and time need a time-zone offset, such as +00:00",
    "not-a-number": "not a number",
    "unknown-choice": "not one of the choices",
    "out-of-range": "out of range",
    "bad-id": "not a treatment id (lower-case words joined by hyphens)",
    "too-long": "longer than 4000 characters",
    "too-many-columns": "more values than the header has columns",
    "too-many-rows": "too many rows for a diary",
    "not-csv": "not readable as CSV",
}
HEADER_PROBLEMS = {
    "empty": "the file is empty",
    "no-when-column": "the header row has no 'when' column",
    "not-utf8": "the file is not UTF-8 text; save it as CSV UTF-8 and try again",
    "not-csv": "the file is not CSV",
}
REASONS = {
    "read-only": "the diary's folder or disk is read-only",
    "disk-full": "the disk is full",
    "cannot-open": "the diary file cannot be opened",
    "busy": "the diary is busy in another program; try again",
    "damaged": "the diary file is damaged",
    "newer-version": "the diary was written by a newer SpasmGuide; update this one first",
    "io": "the disk reported an error",
}


def add_diary_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``diary`` and its sub-commands to the top-level command list."""
    diary = commands.add_parser("diary", help="export, import or summarise the cramp diary")
    diary.add_argument(
        "--diary", type=Path, metavar="FILE", default=argparse.SUPPRESS,
        help="the diary file to use (default: the one the window uses)",
    )
    actions = diary.add_subparsers(dest="diary_command", metavar="ACTION", required=True)
    export = actions.add_parser("export", help="write every entry to a CSV file")
    export.add_argument("--csv", type=Path, metavar="OUT.csv", required=True,
                        help="the file to write ('-' for standard output)")
    imported = actions.add_parser(
        "import", help="add the entries of a CSV file (all or nothing; bad rows by line)"
    )
    imported.add_argument("csv", type=Path, metavar="IN.csv")
    summary = actions.add_parser("summary", help="counts per week, per leg and per time of day")
    summary.add_argument("--json", action="store_true", help="print JSON")
    summary.add_argument("--weeks", type=int, default=DEFAULT_WEEKS, metavar="N",
                         help=f"weeks in the per-week counts (default {DEFAULT_WEEKS})")


def run_diary(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run a ``diary`` sub-command; the exit code."""
    from spasmguide.core.diary import DiaryError, DiaryStore
    from spasmguide.diary_location import diary_path

    path = diary_path(getattr(args, "diary", None))
    action = args.diary_command
    store = None
    try:
        if path.exists() or action == "import":
            store = DiaryStore.open(path)
            for notice in store.notices:
                print(f"note: the diary file was damaged; it was set aside as {notice.backup} "
                      "and a new diary started", file=err)
        if action == "export":
            return _export(store, args.csv, out, err)
        if action == "import":
            assert store is not None
            return _import(store, args.csv, out, err)
        return _summary(store, args.json, args.weeks, out)
    except DiaryError as exc:
        print(f"spasmguide: diary {path}: {REASONS.get(exc.reason, exc.reason)}", file=err)
        return 1
    finally:
        if store is not None:
            store.close()


def _export(store, target: Path, out: TextIO, err: TextIO) -> int:  # type: ignore[no-untyped-def]
    from spasmguide.core.diary.csvio import export_csv, write_csv

    entries = store.entries() if store is not None else []
    if str(target) == "-":
        write_csv(entries, out)
        return 0
    try:
        count = export_csv(entries, target)
    except OSError as exc:
        print(f"spasmguide: could not write {target}: {exc.strerror or exc}", file=err)
        return 1
    print(f"Exported {count} entr{'y' if count == 1 else 'ies'} to {target}", file=out)
    return 0


def _import(store, source: Path, out: TextIO, err: TextIO) -> int:  # type: ignore[no-untyped-def]
    from spasmguide.core.diary.csvio import read_csv_file

    try:
        result = read_csv_file(source)
    except OSError as exc:
        print(f"spasmguide: could not read {source}: {exc.strerror or exc}", file=err)
        return 1
    if result.header_problem:
        print(f"{source}: {HEADER_PROBLEMS[result.header_problem]}", file=err)
        return 1
    if result.bad_rows:
        for bad in result.bad_rows:
            column = f"{bad.column}: " if bad.column else ""
            print(f"{source}:{bad.line}: {column}{PROBLEMS.get(bad.problem, bad.problem)}",
                  file=err)
        count = len(result.bad_rows)
        print(f"Nothing was imported: {count} bad row{'s' if count != 1 else ''}. "
              "Fix them and import the file again.", file=err)
        return 1
    added, already = store.add_many(result.entries, checked=True)
    print(f"Imported {added} entr{'y' if added == 1 else 'ies'}"
          + (f"; {already} already in the diary were kept as they are" if already else ""),
          file=out)
    return 0


def _summary(store, as_json: bool, weeks: int, out: TextIO) -> int:  # type: ignore[no-untyped-def]
    from spasmguide.core.diary.summary import summarise

    entries = store.entries() if store is not None else []
    summary = summarise(entries, today=date.today(), weeks=max(1, weeks))
    document = summary.to_json()
    if as_json:
        import json

        json.dump(document, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    print(f"{summary.total} cramps logged"
          + (f", {summary.first} to {summary.last}" if summary.first else ""), file=out)
    print(f"Night (22:00-07:00): {summary.night}   Day: {summary.day}", file=out)
    for leg, count in summary.legs.items():
        print(f"Leg {leg}: {count}", file=out)
    if summary.average_severity is not None:
        print(f"Average severity: {summary.average_severity:.1f} of 10 "
              f"({summary.rated} rated)", file=out)
    for figure in summary.treatments:
        median = ("" if figure.median_duration_s is None
                  else f", median length {round(figure.median_duration_s)} s")
        print(f"Helped: {figure.id}: ticked {figure.times} times{median}", file=out)
    if summary.treatments:
        print("(your own record, not evidence)", file=out)
    return 0
