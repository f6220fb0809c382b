"""``spasmguide diary``: export, import and summary, always on a diary file the test names."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from spasmguide.core.diary import DiaryStore, Entry
from spasmguide.diary_location import DIARY_ENV, diary_path


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "spasmguide", *args], capture_output=True, text=True, timeout=60,
        env={**os.environ, **(env or {})},
    )


def fill(path: Path) -> list[Entry]:
    store = DiaryStore.open(path)
    zone = timezone(timedelta(hours=1))
    saved = [
        store.save(Entry(when=datetime.now(zone).replace(hour=3, minute=0, second=0,
                                                         microsecond=0) - timedelta(days=1),
                         leg="left", duration_s=60, helped=("stretch-and-massage",))),
        store.save(Entry(when=datetime.now(zone).replace(hour=15, minute=0, second=0,
                                                         microsecond=0) - timedelta(days=2),
                         leg="right", note="in town, fine")),
    ]
    store.close()
    return saved


def test_export_import_and_summary_round_trip(tmp_path: Path) -> None:
    first, fresh = tmp_path / "first.sqlite3", tmp_path / "fresh" / "diary.sqlite3"
    fill(first)
    out = tmp_path / "diary.csv"
    exported = run("--diary", str(first), "diary", "export", "--csv", str(out))
    assert exported.returncode == 0, exported.stderr
    assert "Exported 2 entries" in exported.stdout
    imported = run("diary", "--diary", str(fresh), "import", str(out))
    assert imported.returncode == 0, imported.stderr
    assert "Imported 2 entries" in imported.stdout
    summary = run("diary", "summary", "--json", env={DIARY_ENV: str(fresh)})
    assert summary.returncode == 0, summary.stderr
    document = json.loads(summary.stdout)
    assert document["total"] == 2
    assert document["per_leg"] == {"left": 1, "right": 1}
    assert document["per_time_of_day"] == {"night": 1, "day": 1}
    assert sum(week["count"] for week in document["per_week"]) == 2
    assert document["treatments"][0]["id"] == "stretch-and-massage"


def test_import_with_bad_rows_adds_nothing_and_names_the_lines(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite3"
    kept = fill(path)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "when,leg,severity\n2025-01-01T03:00:00+00:00,left,3\n2025-01-02,left,3\n"
        "2025-01-03T03:00:00+00:00,left,eleven\n",
        encoding="utf-8",
    )
    result = run("--diary", str(path), "diary", "import", str(bad))
    assert result.returncode == 1
    assert f"{bad}:3: when: the date and time need a time-zone offset" in result.stderr
    assert f"{bad}:4: severity: not a number" in result.stderr
    assert "Nothing was imported" in result.stderr and "Traceback" not in result.stderr
    store = DiaryStore.open(path)
    assert {e.id for e in store.entries()} == {e.id for e in kept}
    store.close()


def test_summary_and_export_of_a_missing_diary_create_no_file(tmp_path: Path) -> None:
    path = tmp_path / "none" / "diary.sqlite3"
    summary = run("--diary", str(path), "diary", "summary")
    assert summary.returncode == 0 and "0 cramps logged" in summary.stdout
    exported = run("--diary", str(path), "diary", "export", "--csv", "-")
    assert exported.returncode == 0 and exported.stdout.startswith("id,when,leg,where,")
    assert not path.parent.exists()


def test_a_file_that_is_no_csv_is_a_clear_error(tmp_path: Path) -> None:
    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"when\n\xe9\xe9\n")
    result = run("--diary", str(tmp_path / "d.sqlite3"), "diary", "import", str(latin))
    assert result.returncode == 1
    assert "not UTF-8" in result.stderr and "Traceback" not in result.stderr


def test_the_option_wins_over_the_environment_which_wins_over_the_default(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv(DIARY_ENV, str(tmp_path / "env.sqlite3"))
    assert diary_path(tmp_path / "option.sqlite3") == tmp_path / "option.sqlite3"
    assert diary_path() == tmp_path / "env.sqlite3"
