"""Start-up: what SpasmGuide adds to a bare PySide6 window, and what a person waits for.

Every figure is a fresh process under offscreen Qt, measured from process start:

- bare:      a PySide6 window with one label (PySide6's defaults), the baseline;
- floor:     the same kind of window in plain PySide6 with no program behind it: a tool bar
             with a search field and five buttons, six tabs, a section list beside a Markdown
             page of about 2,000 words, a status line, Fusion and the ``Qt`` namespace;
- first:     SpasmGuide's first painted frame, started as ``python -m spasmguide``;
- ready:     time to interactive: a query is typed as soon as the window is shown (the keys are
             posted to the search box) and the clock stops when its results are painted;
- launcher:  the first frame started as people start it, ``python3 run.py``: the launcher's
             own interpreter plus SpasmGuide's;
- built:     the first frame of the self-contained program that ``python3 run.py build``
             made (``dist/spasmguide/spasmguide``), when there is one or ``--built`` names it.
             Its entry point repeats the ``sitecustomize`` hook below, which a frozen program
             does not read.

Instructions are counted with valgrind (callgrind), which gives the same count on a busy
machine; wall-clock times are paired with the bare window within each round and are only as
steady as the machine. Nothing is added to the program to measure it: a ``sitecustomize``
module, found through ``PYTHONPATH`` in the measured process only, wraps ``spasmguide.app.build``
once the program has imported it.

    .venv/bin/python benchmarks/startup.py [--runs N] [--no-instructions] [--no-wall-clock]
                                           [--built PROGRAM]
"""

from __future__ import annotations

# The measured processes import this module only after SpasmGuide is built, so the
# measuring parent's modules are imported inside its functions.
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QWidget

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUERY = "calf cramp at night"
"""What the time-to-interactive run types into the search box at the first frame."""

LABELS = {
    "bare": "bare PySide6 window",
    "floor": "plain-PySide6 floor (same parts)",
    "first": "SpasmGuide first frame",
    "ready": "SpasmGuide time to interactive",
    "launcher": "first frame via python3 run.py",
    "built": "first frame, built program (dist/)",
}
BUILT_DEFAULT = os.path.join(ROOT, "dist", "spasmguide", "spasmguide")
TARGETS = {"first": 380, "ready": 600}
"""Most instructions (millions) SpasmGuide may add to the bare window's first frame."""
LAUNCHER_TARGET = 30

SITECUSTOMIZE = """\
import os, sys
if os.environ.get("SPASMGUIDE_BENCH") and sys.prefix != sys.base_prefix:
    class _WatchBuild:
        def find_spec(self, name, path=None, target=None):
            if name != "spasmguide.app":
                return None
            sys.meta_path.remove(self)
            import importlib.util
            spec = importlib.util.find_spec(name)
            run = spec.loader.exec_module
            def exec_module(module):
                run(module)
                sys.path.append(os.environ["SPASMGUIDE_BENCH_DIR"])
                import startup
                startup.watch(module, os.environ["SPASMGUIDE_BENCH"])
            spec.loader.exec_module = exec_module
            return spec
    sys.meta_path.insert(0, _WatchBuild())
"""


def done_after_this_paint() -> None:
    """Print ``painted <peak KiB>`` once the paint pass under way is over, then exit.

    Qt paints a widget and then its children in one pass; a zero timer started from the
    widget's paint event fires when that pass is done.
    """
    from PySide6.QtCore import QTimer

    def finish() -> None:
        try:
            import resource
        except ImportError:  # Windows: no peak figure
            peak = 0
        else:
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"painted {peak}", flush=True)
        os._exit(0)  # what happens after this is not measured

    QTimer.singleShot(0, finish)


def on_first_paint(widget: QWidget, action: Any, when: Any = None) -> None:
    """Call ``action()`` at ``widget``'s first paint for which ``when()`` holds."""
    from PySide6.QtCore import QEvent, QObject

    class Spy(QObject):
        seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (
                not self.seen
                and watched is widget
                and event.type() == QEvent.Type.Paint
                and (when is None or when())
            ):
                self.seen = True
                action()
            return False

    widget.installEventFilter(Spy(widget))


def post_keys(target: QWidget, text: str) -> None:
    """Queue a key press and release for each character, as a keyboard would."""
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    for char in text:
        key = Qt.Key.Key_Space if char == " " else Qt.Key(ord(char.upper()))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            QCoreApplication.postEvent(target, event)


def watch(app_module: Any, mode: str) -> None:
    """Wrap ``build`` so the window it makes reports ``mode``'s end point.

    ``launch`` (in ``spasmguide.app.start``) calls ``build`` by its own name, so that is the
    name wrapped.
    """
    starter = sys.modules["spasmguide.app.start"]
    real_build = starter.build

    def build_and_watch(*args: Any, **kwargs: Any) -> Any:
        components = real_build(*args, **kwargs)
        window = components.window
        window.resize(1280, 720)
        if mode == "first":
            on_first_paint(window, done_after_this_paint)
            return components
        box = components.extras["search_box"]
        real_set_results_page = window.set_results_page

        def set_results_page(results: Any) -> None:
            real_set_results_page(results)
            on_first_paint(
                results,
                done_after_this_paint,
                lambda: box.text() == QUERY and bool(results.hits()),
            )

        window.set_results_page = set_results_page
        from PySide6.QtCore import QEvent, QObject

        class ShowSpy(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if watched is window and event.type() == QEvent.Type.Show:
                    window.removeEventFilter(self)
                    post_keys(box, QUERY)
                return False

        window.installEventFilter(ShowSpy(window))
        return components

    starter.build = build_and_watch


def child_bare() -> None:
    """A plain PySide6 window with one label: the least any Qt program pays."""
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Hello"))
    on_first_paint(window, done_after_this_paint)
    window.resize(1280, 720)
    window.show()
    app.exec()


def floor_text() -> str:
    """About 2,000 words of the bundled guide's Markdown, whole paragraphs."""
    folder = os.path.join(ROOT, "resources", "content", "en")
    kept: list[str] = []
    words = 0
    for name in ("overview.md", "treatments.md", "causes.md", "muscle-types.md"):
        with open(os.path.join(folder, name), encoding="utf-8") as file:
            for paragraph in file.read().split("\n\n"):
                if words >= 2000:
                    break
                kept.append(paragraph)
                words += len(paragraph.split())
    return "\n\n".join(kept)


def child_floor() -> None:
    """SpasmGuide's kind of window in plain PySide6, with none of the program.

    What PySide6 itself charges for these parts: anything above it is the program's.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QApplication,
        QLineEdit,
        QListWidget,
        QMainWindow,
        QPushButton,
        QSplitter,
        QTabWidget,
        QTextBrowser,
        QToolBar,
        QWidget,
    )

    app = QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    window = QMainWindow()
    bar = QToolBar()
    bar.setMovable(False)
    search = QLineEdit()
    search.setPlaceholderText("Search")
    bar.addWidget(QPushButton("When to get help"))
    bar.addWidget(search)
    for text in ("A-", "A+", "High contrast", "Read aloud"):
        bar.addWidget(QPushButton(text))
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    text = floor_text()
    sections = QListWidget()
    sections.addItems([line[3:] for line in text.splitlines() if line.startswith("## ")])
    page = QTextBrowser()
    page.setMarkdown(text)
    page.setAlignment(Qt.AlignmentFlag.AlignLeft)
    split = QSplitter(Qt.Orientation.Horizontal)
    split.addWidget(sections)
    split.addWidget(page)
    tabs = QTabWidget()
    tabs.addTab(split, "Overview")
    for title in ("Treatments", "Causes", "Muscle types", "Timer", "About"):
        tabs.addTab(QWidget(), title)
    window.setCentralWidget(tabs)
    window.statusBar().showMessage("General information, not a diagnosis.")
    on_first_paint(window, done_after_this_paint)
    window.resize(1280, 720)
    window.show()
    app.exec()


def launcher_python() -> str:
    """The interpreter people type ``python3`` for: the one this environment was made from."""
    return getattr(sys, "_base_executable", None) or sys.executable


BUILT_PROGRAM: list[str] = []
"""The built program measured (set from the command line)."""


def measure(kind: str, home: Path, *, count_instructions: bool = False) -> dict[str, float]:
    """One cold start of ``kind``.

    Returns ``seconds`` and ``peak_mib``; with ``count_instructions`` instead ``minstr``
    (millions of instructions, valgrind) and, for the launcher, ``launcher_minstr``: what
    ran before ``run.py`` handed over to the program's interpreter.
    """
    import glob
    import subprocess
    import time

    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "PYTHONHASHSEED": "0",
        "PYTHONPATH": str(home / "hook"),
        "SPASMGUIDE_BENCH_DIR": os.path.dirname(os.path.abspath(__file__)),
        "SPASMGUIDE_BENCH": "ready" if kind == "ready" else "first",
    }
    # Measure an installed program as people run it: with its bytecode cached after the
    # warm-up run (a shell may set PYTHONDONTWRITEBYTECODE, which would recompile every time).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    settings = ["--settings", str(home / "settings.ini")]
    if kind in ("bare", "floor"):
        command = [sys.executable, os.path.abspath(__file__), "--child", kind]
    elif kind == "launcher":
        command = [launcher_python(), os.path.join(ROOT, "run.py"), *settings]
    elif kind == "built":
        command = [BUILT_PROGRAM[0], *settings]
    else:
        command = [sys.executable, "-m", "spasmguide", *settings]
    out = home / "callgrind"
    if count_instructions:
        for old in glob.glob(f"{out}*"):
            os.remove(old)
        # Valgrind starts counting afresh when a process replaces itself (run.py's execv),
        # so the count so far is written out just before: the launcher's own share.
        command = [
            "valgrind", "--tool=callgrind", f"--callgrind-out-file={out}.%p",
            "--trace-children=yes", "--dump-before=*execv*", *command,
        ]
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, env=env, timeout=900, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if not proc.stdout.startswith("painted"):
        raise RuntimeError(f"{kind} did not finish: {proc.stdout!r} {proc.stderr[-2000:]}")
    if not count_instructions:
        return {"seconds": elapsed, "peak_mib": int(proc.stdout.split()[1]) / 1024}
    collected = [line for line in proc.stderr.splitlines() if "Collected :" in line]
    if not collected:
        raise RuntimeError(f"valgrind gave no count for {kind}")
    total = int(collected[-1].split(":")[-1].strip()) / 1e6
    before_exec = 0
    for dump in glob.glob(f"{out}.*.*"):  # numbered dumps: parts written before an execv
        with open(dump, encoding="utf-8") as file:
            before_exec += sum(int(line.split()[1]) for line in file if line.startswith("totals:"))
    return {"minstr": total + before_exec / 1e6, "launcher_minstr": before_exec / 1e6}


def count_interpreter(python: str) -> float:
    """Millions of instructions for ``python -c pass``: an interpreter start, nothing else."""
    import subprocess

    proc = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", python, "-c", "pass"],
        capture_output=True, text=True, check=True,
    )
    line = [line for line in proc.stderr.splitlines() if "Collected :" in line][-1]
    return int(line.split(":")[-1].strip()) / 1e6


def main() -> None:
    import argparse
    import tempfile
    from pathlib import Path

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="wall-clock rounds (default 5)")
    parser.add_argument("--no-instructions", action="store_true", help="skip valgrind")
    parser.add_argument("--no-wall-clock", action="store_true", help="skip the timed rounds")
    parser.add_argument("--built", metavar="PROGRAM", help="the built program to measure "
                        "(default: dist/spasmguide/spasmguide when it exists)")
    args = parser.parse_args()
    BUILT_PROGRAM[:] = [args.built or BUILT_DEFAULT]
    kinds = tuple(k for k in LABELS if k != "built" or os.path.isfile(BUILT_PROGRAM[0]))
    if args.built and "built" not in kinds:
        parser.error(f"no program at {args.built}")
    print(f"Python {sys.version.split()[0]}, PySide6 {pyside_version()}, offscreen Qt")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        (home / "hook").mkdir()
        (home / "hook" / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
        for kind in kinds:  # bytecode, pack cache and file cache in place, as on a later start
            measure(kind, home)
        if not args.no_instructions:
            report_instructions({kind: measure(kind, home, count_instructions=True)
                                 for kind in kinds})
        if not args.no_wall_clock:
            rounds: dict[str, list[dict[str, float]]] = {kind: [] for kind in kinds}
            for _ in range(args.runs):
                for kind in kinds:
                    rounds[kind].append(measure(kind, home))
            report_wall_clock(rounds, args.runs)


def pyside_version() -> str:
    from importlib.metadata import version

    return version("PySide6_Essentials")


def report_instructions(counts: dict[str, dict[str, float]]) -> None:
    """Each side once: valgrind's count barely varies between runs."""
    bare = counts["bare"]["minstr"]
    print("\nInstructions from process start (valgrind), millions")
    print(f"{'':36}{'M instr':>9}{'x bare':>8}{'added':>8}{'target':>9}")
    for kind, label in LABELS.items():
        if kind not in counts:
            continue
        total = counts[kind]["minstr"]
        added = f"{total - bare:+8.0f}" if kind != "bare" else ""
        target = f"{'<= ' + str(TARGETS[kind]):>9}" if kind in TARGETS else ""
        print(f"{label:36}{total:9.0f}{total / bare:8.2f}{added:>8}{target}")
    for kind, target in TARGETS.items():
        added = counts[kind]["minstr"] - bare
        verdict = "met" if added <= target else "NOT met"
        print(f"  {LABELS[kind]}: adds {added:.0f} M to bare (target <= {target} M): {verdict}")
    floor = counts["floor"]["minstr"]
    print(f"  first frame / floor: {counts['first']['minstr'] / floor:.2f}")
    if "built" in counts:
        ratio = counts["built"]["minstr"] / counts["first"]["minstr"]
        # Within half a per cent is the same start: the two differ only in how files are found.
        verdict = "no slower" if ratio <= 1.005 else "SLOWER"
        print(f"  built program / source run (python -m spasmguide): {ratio:.2f}: {verdict}")
    launcher = counts["launcher"]["launcher_minstr"]
    python = count_interpreter(launcher_python())
    # run.py's own work is what its process runs beyond an interpreter start; below a few
    # M it is lost in the difference between the two starts, so it is shown as at most that.
    own = max(launcher - python, 0.0)
    verdict = "met" if own <= LAUNCHER_TARGET else "NOT met"
    print(
        f"  launcher: {launcher:.0f} M before it hands over; an interpreter start alone "
        f"(`python3 -c pass`) is {python:.0f} M here, so run.py's own work is about "
        f"{own:.0f} M (target <= {LAUNCHER_TARGET} M): {verdict}"
    )


def report_wall_clock(rounds: dict[str, list[dict[str, float]]], runs: int) -> None:
    """Medians, and the median of ratios to the bare window within each round.

    On a machine whose speed drifts, the ratio within a round is steadier than the ratio of
    two medians, so it is the headline figure; it is still only as steady as the machine.
    """
    import statistics

    bare = [r["seconds"] for r in rounds["bare"]]
    print(f"\nWall clock, {runs} rounds (paired with the bare window within each round)")
    print(f"{'':36}{'median ms':>10}{'best ms':>9}{'x bare':>8}{'peak MiB':>10}")
    for kind, label in LABELS.items():
        if kind not in rounds:
            continue
        times = [r["seconds"] for r in rounds[kind]]
        paired = statistics.median(t / b for t, b in zip(times, bare, strict=True))
        peak = statistics.median(r["peak_mib"] for r in rounds[kind])
        print(
            f"{label:36}{statistics.median(times) * 1000:10.0f}{min(times) * 1000:9.0f}"
            f"{paired:8.2f}{peak:10.1f}"
        )
    extra = statistics.median(r["peak_mib"] for r in rounds["first"]) - statistics.median(
        r["peak_mib"] for r in rounds["bare"]
    )
    print(f"memory: first frame peak is bare + {extra:.1f} MiB (target <= + 30 MiB)")
    if "built" in rounds:
        paired = statistics.median(
            built["seconds"] / first["seconds"]
            for built, first in zip(rounds["built"], rounds["first"], strict=True)
        )
        print(f"built program / source run, paired within each round: {paired:.2f}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:  # --child KIND, from measure()
        child_bare() if sys.argv[2] == "bare" else child_floor()
    else:
        main()
