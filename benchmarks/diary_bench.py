"""Cramp diary benchmark: opening the Diary tab with years of entries, and a big CSV import.

Run from the repository root::

    .venv/bin/python benchmarks/diary_bench.py            # 5 years daily + 50,000-row file
    .venv/bin/python benchmarks/diary_bench.py --quick    # fewer repetitions

It prints numbers; it asserts nothing. Targets (2-core machine): with five years of daily
entries (about 1,800), open the Diary tab and draw its charts p95 <= 100 ms; import a
50,000-row CSV file <= 2 s. Baselines in the same run give the numbers context: an empty
widget of the same size made and drawn, and a bare ``csv.reader`` + ``executemany`` of the
same rows without any checking.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from spasmguide.core.diary import ACTIVITIES, LEGS, PLACES, DiaryStore, Entry
from spasmguide.core.diary.csvio import export_csv, read_csv_file

SEED = 20250314
TREATMENTS = ("stretch-and-massage", "rest-and-compress", "chamomile-tea", "soak-and-oil-massage")


def entries(count: int, end: datetime, per_day: float) -> list[Entry]:
    """``count`` plausible entries ending at ``end``, ``per_day`` a day on average."""
    rng = random.Random(SEED)
    made = []
    for i in range(count):
        when = end - timedelta(days=i / per_day, hours=rng.randint(0, 23),
                               minutes=rng.randint(0, 59))
        made.append(Entry(
            when=when.replace(second=0, microsecond=0),
            leg=rng.choice((*LEGS, "")),
            place=rng.choice((*PLACES, "")),
            duration_s=rng.choice((None, rng.randint(5, 900))),
            severity=rng.choice((None, rng.randint(0, 10))),
            activity=rng.choice((*ACTIVITIES, "")),
            helped=tuple(rng.sample(TREATMENTS, rng.randint(0, 2))),
            note=rng.choice(("", "woke me up", "after a long walk", "calf tight all day")),
        ))
    return made


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(name: str, seconds: list[float]) -> None:
    ms = [s * 1000 for s in seconds]
    print(f"  {name:<52} p50 {statistics.median(ms):7.1f} ms   p95 {percentile(ms, 0.95):7.1f} ms"
          f"   (n={len(ms)})")


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def open_tab_times(path: Path, repeat: int) -> tuple[list[float], list[float], list[float]]:
    """Make the Diary tab on ``path``, lay it out at 1280x720 and draw it (charts included)."""
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

    from spasmguide.core.content import bundled_pack_path, load_pack
    from spasmguide.core.diary import treatment_choices
    from spasmguide.ui.diary.tab import DiaryTab

    app = QApplication.instance() or QApplication([])
    choices = treatment_choices(load_pack(bundled_pack_path()))
    stores: list[DiaryStore] = []

    def open_and_draw() -> DiaryTab:
        tab = DiaryTab(lambda: stores.append(DiaryStore.open(path)) or stores[-1], choices)
        tab.resize(1280, 640)
        tab.show()
        tab.grab()  # lays out and paints every visible part, the charts included
        return tab

    def baseline() -> None:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        for _ in range(12):
            layout.addWidget(QLabel("A line of text as wide as a chart heading"))
        widget.resize(1280, 640)
        widget.show()
        widget.grab()
        widget.close()
        widget.deleteLater()

    opened, refreshed = [], []
    open_and_draw().close()  # warm up: imports, fonts, style
    for _ in range(repeat):
        start = time.perf_counter()
        tab = open_and_draw()
        opened.append(time.perf_counter() - start)
        start = time.perf_counter()
        tab.refresh()  # what a save does
        tab.charts.grab()
        refreshed.append(time.perf_counter() - start)
        tab.close_store()
        tab.close()
        tab.deleteLater()
        app.processEvents()
    base = timed(baseline, repeat)
    for store in stores:
        store.close()
    return opened, refreshed, base


def import_times(csv_path: Path, folder: Path, repeat: int) -> tuple[list[float], list[float]]:
    """The diary's checked import of ``csv_path`` into a new file, and a bare baseline."""
    ours, bare = [], []
    for i in range(repeat):
        target = folder / f"import-{i}.sqlite3"
        start = time.perf_counter()
        result = read_csv_file(csv_path)
        assert result.ok, result.bad_rows[:3]
        store = DiaryStore.open(target)
        added, _ = store.add_many(result.entries, checked=True)
        ours.append(time.perf_counter() - start)
        assert added == len(result.entries)
        store.close()

        start = time.perf_counter()
        conn = sqlite3.connect(folder / f"bare-{i}.sqlite3")
        conn.execute("CREATE TABLE t (a, b, c, d, e, f, g, h, i, j)")
        with csv_path.open(encoding="utf-8-sig", newline="") as source:
            rows = csv.reader(source)
            next(rows)
            with conn:
                conn.executemany("INSERT INTO t VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
        conn.close()
        bare.append(time.perf_counter() - start)
    return ours, bare


def import_cost(module: str) -> float:
    """Seconds to import a PySide6 module in a fresh interpreter (after QtWidgets)."""
    code = (
        "import time; from PySide6 import QtWidgets; t = time.perf_counter(); "
        f"from PySide6 import {module}; print(time.perf_counter() - t)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    try:
        return float(result.stdout.strip())
    except ValueError:
        return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    repeat = 10 if args.quick else 40
    end = datetime.now(timezone(timedelta(hours=1)))
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        years = folder / "five-years.sqlite3"
        store = DiaryStore.open(years)
        store.add_many(entries(5 * 365 + 1, end, per_day=1.0))
        rows = store.count()
        store.close()
        stress = folder / "stress.sqlite3"
        store = DiaryStore.open(stress)
        store.add_many(entries(50_000, end, per_day=27.0))
        stress_entries = store.entries()
        store.close()
        csv_path = folder / "stress.csv"
        export_csv(stress_entries, csv_path)

        print(f"Diary tab, five years of daily entries ({rows:,} rows), 1280x640:")
        opened, refreshed, base = open_tab_times(years, repeat)
        report("open the tab and draw it, charts included", opened)
        report("redraw list and charts after a save", refreshed)
        report("baseline: 12 labels made and drawn", base)
        print(f"Diary tab, stress file ({len(stress_entries):,} rows):")
        opened, refreshed, _ = open_tab_times(stress, max(5, repeat // 4))
        report("open the tab and draw it, charts included", opened)
        report("redraw list and charts after a save", refreshed)

        print(f"CSV import of {len(stress_entries):,} rows ({csv_path.stat().st_size:,} bytes):")
        ours, bare = import_times(csv_path, folder, 3 if args.quick else 5)
        report("read, check every row and add in one transaction", ours)
        report("baseline: csv.reader + executemany, no checks", bare)

        print("Chart library cost (import after QtWidgets, fresh interpreter):")
        print(f"  QtCharts {import_cost('QtCharts') * 1000:7.1f} ms   "
              f"QtGui (already loaded) {import_cost('QtGui') * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
