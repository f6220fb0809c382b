"""Cold start to first painted frame, and peak memory: SpasmGuide against a bare PySide6 window.

Each run is a fresh process (offscreen Qt); SpasmGuide starts through its real entry point.
The parent times from spawning the process to the child reporting its first paint of the main
window; the child reports its peak RSS then.

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
    """Print 'painted <peak KiB>' when ``window`` first paints, then quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and watched is window:
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                print(f"painted {peak}", flush=True)
                QTimer.singleShot(0, app.quit)
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
    child = "bare" if kind == "bare" else "app"
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
    parser.add_argument("--child", choices=["bare", "app"])
    parser.add_argument("--settings", default="")
    args = parser.parse_args()
    if args.child == "bare":
        child_bare()
        return
    if args.child == "app":
        child_app(args.settings)
        return
    kinds = ("bare", "app", "app-first")
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
    rows = {}
    for kind, runs in results.items():
        rows[kind] = (
            statistics.median(t for t, _ in runs) * 1000,
            statistics.median(m for _, m in runs),
        )
    print(f"runs per side: {args.runs} (median), offscreen Qt, Python {sys.version.split()[0]}")
    print(f"{'':34}{'first paint ms':>16}{'ratio':>8}{'peak MiB':>10}")
    labels = {
        "bare": "bare PySide6 window",
        "app": "SpasmGuide",
        "app-first": "SpasmGuide, first start (no cache)",
    }
    for kind in kinds:
        ms, mib = rows[kind]
        print(f"{labels[kind]:34}{ms:16.0f}{ms / rows['bare'][0]:8.2f}{mib:10.1f}")
    ratio = rows["app"][0] / rows["bare"][0]
    extra = rows["app"][1] - rows["bare"][1]
    print(f"ratio {ratio:.2f} (target <= 1.3); memory +{extra:.1f} MiB (target <= +30 MiB)")


if __name__ == "__main__":
    main()
