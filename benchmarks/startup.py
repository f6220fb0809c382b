"""Cold start to first painted frame, and peak memory: SpasmGuide against a bare PySide6 window.

Each run is a fresh process (offscreen Qt); SpasmGuide starts through its real entry point.
The parent times from spawning the process to the child reporting that the main window's first
frame is painted; the child reports its peak RSS then.

    .venv/bin/python benchmarks/startup.py [--runs N] [--shape] [--instructions]
"""

from __future__ import annotations

# A child process (one measured start) must carry nothing the program would not import
# itself, so the measuring parent's modules are imported inside its functions.
import importlib
import os
import resource
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QWidget

ROOT = Path(__file__).resolve().parents[1]

LABELS = {
    "bare": "bare PySide6 window",
    "app": "SpasmGuide",
    "app-first": "SpasmGuide, first start (no cache)",
    "shape0": "same widgets, plain Qt",
    "shape1": "  + the Qt namespace",
    "shape2": "  + a proxy of Fusion",
}


def report_first_paint(app: QCoreApplication, window: QWidget) -> None:
    """Print 'painted <peak KiB>' once ``window``'s first frame is painted, then quit.

    Qt paints a window and then its children in one pass; a zero timer started from the
    window's first paint event fires when that pass, the whole first frame, is done.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer

    def frame_done() -> None:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"painted {peak}", flush=True)
        os._exit(0)  # what happens after the first frame is not measured

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


def measure(
    kind: str, home: Path, *, fresh_cache: bool = False, count_instructions: bool = False
) -> tuple[float, float]:
    """One cold start: (seconds to first paint, peak MiB), or with ``count_instructions``
    (instructions in millions, 0) counted by valgrind's callgrind, the same on every run.

    Everything the program writes (settings, log, pack cache) goes under ``home``.
    ``fresh_cache`` starts with an empty cache folder: the first start after installing or
    after editing the content pack.
    """
    import shutil
    import subprocess
    import time

    cache = home / "cache"
    if fresh_cache:
        shutil.rmtree(cache, ignore_errors=True)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CACHE_HOME": str(cache),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "PYTHONHASHSEED": "0",
    }
    # Measure an installed program as people run it: with its bytecode cached after the
    # warm-up run (a shell may set PYTHONDONTWRITEBYTECODE, which would recompile every time).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    child = "app" if kind.startswith("app") else kind
    command = [sys.executable, __file__, "--child", child, "--settings", str(home / "settings.ini")]
    if count_instructions:
        command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command]
    start = time.perf_counter()
    proc = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE if count_instructions else None,
        text=True,
        env=env,
    )
    stdout, stderr = proc.communicate(timeout=600)
    elapsed = time.perf_counter() - start
    if not stdout.startswith("painted"):
        raise RuntimeError(f"{kind} did not paint: {stdout!r}")
    if count_instructions:
        collected = [line for line in stderr.splitlines() if "Collected :" in line]
        if not collected:
            raise RuntimeError(f"valgrind gave no count for {kind}")
        return int(collected[-1].split(":")[-1].strip()) / 1e6, 0.0
    return elapsed, int(stdout.split()[1]) / 1024


def run_child(kind: str, settings: str) -> None:
    """One measured start, in this (child) process."""
    if kind == "bare":
        child_bare()
    elif kind.startswith("shape"):
        child_shape(int(kind[-1]))
    else:
        child_app(settings)


def main() -> None:
    import argparse
    import tempfile

    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--shape",
        action="store_true",
        help="also time SpasmGuide's first frame rebuilt from plain Qt widgets",
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count instructions with valgrind (one run each, steady on a noisy machine)",
    )
    args = parser.parse_args()
    kinds: tuple[str, ...] = ("bare", "app", "app-first")
    if args.shape:
        kinds += ("shape0", "shape1", "shape2")
    if args.instructions:
        count_instructions(kinds)
        return
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


def count_instructions(kinds: tuple[str, ...]) -> None:
    """Instructions to the first painted frame, each side once (the count barely varies)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        counts = {}
        for kind in kinds:
            where = home / "first" if kind == "app-first" else home
            if kind != "app-first":
                measure(kind, where)  # bytecode and pack cache in place, as on a later start
            counts[kind] = measure(
                kind, where, fresh_cache=kind == "app-first", count_instructions=True
            )[0]
    print(f"instructions to the first painted frame (valgrind), Python {sys.version.split()[0]}")
    for kind in kinds:
        print(f"{LABELS[kind]:36}{counts[kind]:8.0f} M{counts[kind] / counts['bare']:8.2f}")


def report(results: dict[str, list[tuple[float, float]]], runs: int) -> None:
    """Median and best run of each side, and the median of paired ratios.

    Each round starts bare, then SpasmGuide, one after the other; on a machine whose speed
    drifts (a shared virtual machine), the ratio within a round is steadier than the ratio
    of the two medians, so it is the headline figure.
    """
    import statistics

    bare = [t for t, _ in results["bare"]]
    labels = {kind: label for kind, label in LABELS.items() if kind in results}
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
    if sys.argv[1:2] == ["--child"]:  # --child KIND --settings FILE, from measure()
        run_child(sys.argv[2], sys.argv[4])
    else:
        main()
