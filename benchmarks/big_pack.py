"""A tab of many sections: how long it takes to open, and what one scroll step costs.

A tab is laid out as one document and the section being read is found by halving over the
headings, so both should grow no faster than the tab. The same run times a small tab as
baseline for growth, and Qt's own Markdown import of the same text as the floor:

    .venv/bin/python benchmarks/big_pack.py [--sections 1000 10000] [--steps 200]

Targets: a 10,000-section tab opens in under 1 s, and a scroll step takes less than one
frame (16 ms) including the section list following along.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from spasmguide.core.content import Section, Tab
from spasmguide.ui.reader import TabReader


def make_tab(count: int) -> Tab:
    """``count`` small sections, each a paragraph with bold words and an internal link."""
    sections = tuple(
        Section(
            id=f"part-{n}",
            title=f"Part {n}: what to do",
            markdown=(
                f"Some **plain** words about part {n}, with a [link](#part-{max(0, n - 1)}) "
                "to the part before it."
            ),
            text=f"Some plain words about part {n}.",
            line=1 + 6 * n,
        )
        for n in range(count)
    )
    return Tab("big", "Big tab", "big.md", sections)


def measure(app: QApplication, count: int, steps: int) -> dict[str, float]:
    """Seconds to open the tab (list and page made, text laid out, first frame painted),
    to jump to its end once, and the median and worst scroll step with the list following."""
    reader = TabReader(make_tab(count), help_section="part-0")
    reader.resize(1280, 720)
    started = time.perf_counter()
    reader.show()  # makes the list and the page, and lays out the text
    app.processEvents()  # the first frame
    opened = time.perf_counter() - started
    bar = reader.page.verticalScrollBar()
    started = time.perf_counter()
    bar.setValue(bar.maximum())
    app.processEvents()
    to_end = time.perf_counter() - started
    times = []
    for step in range(steps):
        value = (step * 7919 * 37) % max(1, bar.maximum())  # jumps all over the tab
        started = time.perf_counter()
        bar.setValue(value)  # the section list follows inside this call
        times.append(time.perf_counter() - started)
    assert reader.section_list.currentRow() == reader.section_at(bar.value())
    reader.close()
    reader.deleteLater()
    app.processEvents()
    return {
        "open": opened,
        "to_end": to_end,
        "median": statistics.median(times),
        "worst": max(times),
    }


def qt_alone(count: int) -> float:
    """The same-run baseline: Qt turning the same Markdown into a document, nothing else."""
    from PySide6.QtGui import QTextDocument

    from spasmguide.ui.page_document import MARKDOWN_FEATURES

    tab = make_tab(count)
    text = "\n".join(f"## {s.title}\n\n{s.markdown}\n" for s in tab.sections)
    started = time.perf_counter()
    QTextDocument().setMarkdown(text, MARKDOWN_FEATURES)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", type=int, nargs="+", default=[100, 1_000, 10_000])
    parser.add_argument("--steps", type=int, default=200)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    print(
        f"{'sections':>9} {'open (s)':>9} {'Qt setMarkdown alone (s)':>25} "
        f"{'jump to end (s)':>16} {'scroll step median (ms)':>24} {'worst (ms)':>11}"
    )
    for count in args.sections:
        m = measure(app, count, args.steps)
        print(
            f"{count:>9,} {m['open']:>9.3f} {qt_alone(count):>25.3f} {m['to_end']:>16.3f} "
            f"{m['median'] * 1000:>24.3f} {m['worst'] * 1000:>11.3f}"
        )


if __name__ == "__main__":
    main()
