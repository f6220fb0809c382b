"""Cold start to first painted frame, and peak memory: SpasmGuide against a bare PySide6 window.

Each run is a fresh process (offscreen Qt). The parent times from spawning the process to the
child reporting its first paint of the main window; the child reports its peak RSS then.

    .venv/bin/python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def child(kind: str, settings: str) -> None:
    """Build the window, print 'painted <peak KiB>' on its first paint, and exit."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication([sys.argv[0]])
    if kind == "bare":
        window = QMainWindow()
        window.setCentralWidget(QLabel("Hello"))
    else:
        sys.path.insert(0, str(ROOT))
        from spasmguide.app import build
        from spasmguide.cli import LaunchOptions

        window = build(LaunchOptions(settings=Path(settings))).window

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and watched is window:
                peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
                print(f"painted {peak}", flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    spy = FirstPaint()
    window.installEventFilter(spy)
    window.resize(1280, 720)
    window.show()
    app.exec()


def measure(kind: str, settings: str) -> tuple[float, float]:
    """One cold start: (seconds to first paint, peak MiB)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # Measure an installed program as people run it: with its bytecode cached after the
    # warm-up run (a shell may set PYTHONDONTWRITEBYTECODE, which would recompile every time).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", kind, "--settings", settings],
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
    if args.child:
        child(args.child, args.settings)
        return
    with tempfile.TemporaryDirectory() as tmp:
        settings = str(Path(tmp) / "settings.ini")
        results: dict[str, list[tuple[float, float]]] = {"bare": [], "app": []}
        measure("bare", settings)  # warm the file cache so both sides start equal
        measure("app", settings)
        for _ in range(args.runs):
            for kind in ("bare", "app"):
                results[kind].append(measure(kind, settings))
    rows = {}
    for kind, runs in results.items():
        rows[kind] = (
            statistics.median(t for t, _ in runs) * 1000,
            statistics.median(m for _, m in runs),
        )
    print(f"runs per side: {args.runs} (median), offscreen Qt, Python {sys.version.split()[0]}")
    print(f"{'':12}{'first paint ms':>16}{'peak MiB':>12}")
    for kind, label in (("bare", "bare PySide6"), ("app", "SpasmGuide")):
        ms, mib = rows[kind]
        print(f"{label:12}{ms:16.0f}{mib:12.1f}")
    ratio = rows["app"][0] / rows["bare"][0]
    extra = rows["app"][1] - rows["bare"][1]
    print(f"ratio {ratio:.2f} (target <= 1.3); memory +{extra:.1f} MiB (target <= +30 MiB)")


if __name__ == "__main__":
    main()
