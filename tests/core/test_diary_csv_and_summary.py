"""Diary CSV round trips and bad rows by line; the figures the Diary tab draws."""

from __future__ import annotations

import io
import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from spasmguide.core.diary import DiaryStore, Entry, help_hint, treatment_choices
from spasmguide.core.diary.csvio import COLUMNS, export_csv, read_csv, read_csv_file, write_csv
from spasmguide.core.diary.summary import longest, summarise

PLUS_TWO = timezone(timedelta(hours=2))


def at(day: int, hour: int, **kwargs) -> Entry:
    return Entry(when=datetime(2025, 3, day, hour, 30, tzinfo=PLUS_TWO), **kwargs)


def test_export_then_import_into_a_fresh_diary_gives_the_same_entries(tmp_path: Path) -> None:
    source = DiaryStore.open(tmp_path / "a.sqlite3")
    source.save(at(3, 2, leg="left", place="calf", duration_s=120, severity=8,
                   activity="in-bed", helped=("stretch-and-massage", "rest-and-compress"),
                   helped_other="hot water bottle", note='Woke up, "ouch", comma, ÄÖ ✓\nline 2'))
    source.save(at(4, 15))
    out = tmp_path / "diary.csv"
    assert export_csv(source.entries(), out) == 2
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + b",".join(c.encode() for c in COLUMNS))
    assert b"2025-03-03T02:30:00+02:00" in raw
    result = read_csv_file(out)
    assert result.ok
    fresh = DiaryStore.open(tmp_path / "b.sqlite3")
    assert fresh.add_many(result.entries) == (2, 0)
    assert fresh.entries() == source.entries()
    assert fresh.add_many(read_csv_file(out).entries) == (0, 2)  # importing twice adds nothing
    source.close()
    fresh.close()


def test_bad_rows_are_reported_by_line_and_nothing_is_taken() -> None:
    text = (
        "when,leg,severity,duration_seconds,note\n"
        "2025-03-01T22:00:00+00:00,left,5,60,fine\n"
        "yesterday,left,5,60,bad date\n"
        '2025-03-02T22:00:00+00:00,left,5,60,"a note\nover two lines"\n'
        "2025-03-02T22:00:00,left,5,60,no zone\n"
        "2025-03-03T22:00:00+00:00,middle,5,60,bad leg\n"
        "2025-03-04T22:00:00+00:00,left,twelve,60,bad number\n"
        ",left,5,60,no date\n"
        "\n"
        "2025-03-05T22:00:00Z,right,,,Z means UTC\n"
    )
    result = read_csv(io.StringIO(text))
    assert not result.ok
    assert [(b.line, b.column, b.problem) for b in result.bad_rows] == [
        (3, "when", "bad-date"),
        (6, "when", "needs-time-zone"),
        (7, "leg", "unknown-choice"),
        (8, "severity", "not-a-number"),
        (9, "when", "missing"),
    ]
    assert len(result.entries) == 3  # read, but the caller adds none while any row is bad


def test_a_file_without_a_when_column_or_not_utf8_is_refused(tmp_path: Path) -> None:
    assert read_csv(io.StringIO("date,leg\n2025-01-01,left\n")).header_problem == "no-when-column"
    assert read_csv(io.StringIO("")).header_problem == "empty"
    latin = tmp_path / "latin.csv"
    latin.write_bytes("when,note\n2025-01-01T00:00:00+00:00,caf\xe9\n".encode("latin-1"))
    assert read_csv_file(latin).header_problem == "not-utf8"


def test_a_spreadsheet_file_with_its_own_column_order_and_case_imports() -> None:
    text = "Note,When,Where,Leg\nok,2025-03-01T07:00:00-05:00,Foot,RIGHT\n"
    result = read_csv(io.StringIO(text))
    assert result.ok
    [entry] = result.entries
    assert (entry.place, entry.leg, entry.note) == ("foot", "right", "ok")
    assert entry.when.utcoffset() == timedelta(hours=-5)


def test_write_csv_quotes_what_needs_quoting() -> None:
    out = io.StringIO()
    write_csv([at(1, 1, note="a,b")], out)
    assert '"a,b"' in out.getvalue()


def test_summary_counts_weeks_night_and_day_legs_and_severity() -> None:
    entries = [
        at(3, 2, leg="left", severity=8, duration_s=60, helped=("stretch-and-massage",)),
        at(4, 23, leg="left", severity=4, duration_s=180, helped=("stretch-and-massage",)),
        at(5, 14, leg="right", duration_s=30, helped=("rest-and-compress",)),
        at(12, 6, helped=("stretch-and-massage",)),  # no duration: counted, not in the median
    ]
    summary = summarise(entries, today=date(2025, 3, 14), weeks=4)
    assert summary.total == 4
    assert [(w.label, w.count) for w in summary.weeks] == [
        ("2025-W08", 0), ("2025-W09", 0), ("2025-W10", 3), ("2025-W11", 1),
    ]
    assert (summary.night, summary.day) == (3, 1)
    assert summary.legs == {"left": 2, "right": 1, "not-said": 1}
    assert summary.average_severity == 6
    first = summary.treatments[0]
    assert (first.id, first.times, first.median_duration_s) == ("stretch-and-massage", 3, 120)
    document = summary.to_json()
    assert document["per_time_of_day"] == {"night": 3, "day": 1}
    assert document["note"] == "your own record, not evidence"
    json.dumps(document)
    assert [e.duration_s for e in longest(entries, 2)] == [180, 60]


def test_an_empty_diary_summarises_to_zeros() -> None:
    summary = summarise([], today=date(2025, 3, 14), weeks=2)
    assert summary.total == 0 and summary.average_severity is None
    assert [w.count for w in summary.weeks] == [0, 0]


@pytest.mark.parametrize(
    ("kwargs", "level", "reasons"),
    [
        ({"duration_s": 601}, "urgent", ("longer-than-10-minutes",)),
        ({"duration_s": 600}, None, None),
        ({"note": "Calf looks Swollen this morning"}, "see-doctor", ("swelling-or-redness",)),
        ({"helped_other": "skin went red"}, "see-doctor", ("swelling-or-redness",)),
        ({"note": "tired and bored"}, None, None),
        ({"duration_s": 900, "note": "redness"}, "urgent",
         ("longer-than-10-minutes", "swelling-or-redness")),
    ],
)
def test_help_hint_matches_the_level_of_when_to_get_help(kwargs, level, reasons) -> None:
    hint = help_hint(at(1, 1, **kwargs))
    if level is None:
        assert hint is None
    else:
        assert (hint.level, hint.reasons, hint.section) == (level, reasons, "when-to-get-help")


def test_treatment_choices_are_the_packs_treatment_sections(pack) -> None:
    choices = treatment_choices(pack)
    ids = [c.id for c in choices]
    assert "stretch-and-massage" in ids and "rest-and-compress" in ids
    assert "no-relief" not in ids and "looking-after-your-legs" not in ids
    assert all(c.title for c in choices)
