"""Cold start to first painted frame, and peak memory: SpasmGuide against a bare PySide6 window.

Each run is a fresh process (offscreen Qt); SpasmGuide starts through its real entry point.
The parent times from spawning the process to the child reporting that the main window's first
frame is painted; the child reports its peak RSS then.

    .venv/bin/python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import importlib
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QWidget

ROOT = Path(__file__).resolve().parents[1]


def report_first_paint(app: QCoreApplication, window: QWidget) -> None:
    """Print 'painted <peak KiB>' once ``window``'s first frame is painted, then quit.

    Qt paints a window and then its children in one pass; a zero timer started from the
    window's first paint event fires when that pass, the whole first frame, is done.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer

    def frame_done() -> None:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"painted {peak}", flush=True)
        app.quit()

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and watched is window and not self.seen:
                self.seen = True
                QTimer.singleShot(0, frame_done)
            return False

    spy = FirstPaint(window)
    window.installEventFilter(spy)


def child_bare() -> None:
    """A plain PySide6 window with one label: the least any Qt program pays."""
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Hello"))
    report_first_paint(app, window)
    window.resize(1280, 720)
    window.show()
    app.exec()


def child_shape(level: int) -> None:
    """SpasmGuide's first frame rebuilt from plain Qt widgets, with none of the program.

    The same widgets the first frame shows (top bar, six tabs, the overview's section list
    and text, status line) and the same overview text. ``level`` adds what every real
    program of this kind pays: 1 = code that uses the ``Qt`` namespace (alignment, keys,
    focus...), 2 = also a proxy of the Fusion style (the base of our focus ring).
    This shows how much of the start-up is PySide6's own price for these parts.
    """
    from PySide6.QtWidgets import (
        QApplication,
        QHBoxLayout,
        QLabel,
        QLineEdit,
        QListWidget,
        QMainWindow,
        QPushButton,
        QSplitter,
        QTabWidget,
        QTextBrowser,
        QWidget,
    )

    app = QApplication([sys.argv[0]])
    if level >= 1:
        from PySide6.QtCore import Qt

        assert Qt.AlignmentFlag.AlignLeft
    if level >= 2:
        from PySide6.QtWidgets import QProxyStyle

        app.setStyle(QProxyStyle("Fusion"))
    window = QMainWindow()
    bar = QWidget()
    row = QHBoxLayout(bar)
    row.addWidget(QPushButton("When to get help"))
    search = QLineEdit()
    search.setPlaceholderText("Search")
    row.addWidget(search, 1)
    for text in ("A-", "A+", "High contrast", "Read aloud"):
        row.addWidget(QPushButton(text))
    row.addWidget(QLabel("100 %"))
    window.setMenuWidget(bar)
    tabs = QTabWidget()
    text = (ROOT / "resources" / "content" / "en" / "overview.md").read_text(encoding="utf-8")
    sections = QListWidget()
    sections.addItems([line[3:] for line in text.splitlines() if line.startswith("## ")])
    page = QTextBrowser()
    page.setMarkdown(text)
    overview = QSplitter()
    overview.addWidget(sections)
    overview.addWidget(page)
    tabs.addTab(overview, "Overview")
    for title in ("Muscle types", "Causes", "Treatments", "Timer", "About"):
        tabs.addTab(QWidget(), title)
    window.setCentralWidget(tabs)
    window.statusBar().addWidget(QLabel("General information, not a diagnosis."))
    report_first_paint(app, window)
    window.resize(1280, 720)
    window.show()
    app.exec()


def child_app(settings: str) -> None:
    """SpasmGuide started through its real entry point, ``python -m spasmguide``.

    The only addition is the paint reporter, attached to the window ``build`` returns.
    Modules are imported in the order the program itself imports them.
    """
    sys.path.insert(0, str(ROOT))
    from spasmguide.__main__ import main  # first, as the program imports it

    app_module = importlib.import_module("spasmguide.app")  # next, as main() does

    real_build = app_module.build

    def build_and_watch(*args: Any, **kwargs: Any) -> Any:
        components = real_build(*args, **kwargs)
        components.window.resize(1280, 720)
        from PySide6.QtWidgets import QApplication

        report_first_paint(QApplication.instance(), components.window)
        return components

    app_module.build = build_and_watch
    main(["--settings", settings])


def measure(kind: str, home: Path, *, fresh_cache: bool = False) -> tuple[float, float]:
    """One cold start: (seconds to first paint, peak MiB).

    Everything the program writes (settings, log, pack cache) goes under ``home``.
    ``fresh_cache`` starts with an empty cache folder: the first start after installing or
    after editing the content pack.
    """
    cache = home / "cache"
    if fresh_cache:
        shutil.rmtree(cache, ignore_errors=True)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CACHE_HOME": str(cache),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    # Measure an installed program as people run it: with its bytecode cached after the
    # warm-up run (a shell may set PYTHONDONTWRITEBYTECODE, which would recompile every time).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    child = "app" if kind.startswith("app") else kind
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", child, "--settings", str(home / "settings.ini")],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(timeout=60)
    if not line.startswith("painted"):
        raise RuntimeError(f"{kind} did not paint: {line!r}")
    return elapsed, int(line.split()[1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--shape",
        action="store_true",
        help="also time SpasmGuide's first frame rebuilt from plain Qt widgets",
    )
    parser.add_argument("--child", choices=["bare", "app", "shape0", "shape1", "shape2"])
    parser.add_argument("--settings", default="")
    args = parser.parse_args()
    if args.child == "bare":
        child_bare()
        return
    if args.child and args.child.startswith("shape"):
        child_shape(int(args.child[-1]))
        return
    if args.child == "app":
        child_app(args.settings)
        return
    kinds: tuple[str, ...] = ("bare", "app", "app-first")
    if args.shape:
        kinds += ("shape0", "shape1", "shape2")
    results: dict[str, list[tuple[float, float]]] = {kind: [] for kind in kinds}
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        measure("bare", home)  # warm the file cache so both sides start equal
        measure("app", home)
        for _ in range(args.runs):
            for kind in kinds:
                if kind == "app-first":
                    results[kind].append(measure(kind, home / "first", fresh_cache=True))
                else:
                    results[kind].append(measure(kind, home))
    report(results, args.runs)


def report(results: dict[str, list[tuple[float, float]]], runs: int) -> None:
    """Median and best run of each side, and the median of paired ratios.

    Each round starts bare, then SpasmGuide, one after the other; on a machine whose speed
    drifts (a shared virtual machine), the ratio within a round is steadier than the ratio
    of the two medians, so it is the headline figure.
    """
    bare = [t for t, _ in results["bare"]]
    labels = {
        "bare": "bare PySide6 window",
        "app": "SpasmGuide",
        "app-first": "SpasmGuide, first start (no cache)",
        "shape0": "same widgets, plain Qt",
        "shape1": "  + the Qt namespace",
        "shape2": "  + a proxy of Fusion",
    }
    labels = {kind: label for kind, label in labels.items() if kind in results}
    print(
        f"{runs} rounds, offscreen Qt, Python {sys.version.split()[0]}; "
        "ratios are against bare PySide6"
    )
    print(f"{'':36}{'median ms':>10}{'best ms':>9}{'paired ratio':>14}{'peak MiB':>10}")
    paired: dict[str, float] = {}
    for kind, label in labels.items():
        times = [t for t, _ in results[kind]]
        paired[kind] = statistics.median(t / b for t, b in zip(times, bare, strict=True))
        print(
            f"{label:36}{statistics.median(times) * 1000:10.0f}{min(times) * 1000:9.0f}"
            f"{paired[kind]:14.2f}{statistics.median(m for _, m in results[kind]):10.1f}"
        )
    extra = statistics.median(m for _, m in results["app"]) - statistics.median(
        m for _, m in results["bare"]
    )
    print(f"ratio {paired['app']:.2f} (target <= 1.3); memory +{extra:.1f} MiB (target <= +30 MiB)")


if __name__ == "__main__":
    main()
