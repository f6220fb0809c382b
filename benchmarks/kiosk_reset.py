"""Kiosk reset cycles: does wiping the session between visitors leak memory or widgets?

    python benchmarks/kiosk_reset.py [CYCLES]

Builds the real kiosk window offscreen, types a search, opens the keypad and the PIN pad,
then resets the session CYCLES times (10,000 by default). Prints the resident memory growth
(target: at most 2 MiB) and the widget count before and after. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from spasmguide.app import build
from spasmguide.cli import LaunchOptions

TARGET_MIB = 2.0


def rss_kib() -> int:
    """Resident set size now, from /proc (Linux), else the peak from getrusage."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def main(cycles: int = 10_000) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        ini = Path(folder) / "kiosk.ini"
        ini.write_text("[kiosk]\nkiosk = true\n", encoding="utf-8")
        components = build(LaunchOptions(kiosk=True, config=ini, settings=Path(folder) / "s.ini"))
        controller = components.extras["kiosk"]
        window = components.window
        window.show()
        app.processEvents()

        def one_cycle(i: int) -> None:
            if controller.search_box is not None:
                controller.search_box.setText(f"cramp at night {i}")
            if controller.keypad is not None and i % 10 == 0:
                controller.keypad.open()
            if i % 50 == 0:
                controller.open_pin_pad()
            controller.reset_session()
            controller.dismiss_attract()
            if i % 100 == 0:
                QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                app.processEvents()

        for i in range(200):  # warm up caches, fonts and style sheets first
            one_cycle(i)
        app.processEvents()
        widgets_before = len(QApplication.allWidgets())
        before = rss_kib()
        start = time.perf_counter()
        for i in range(cycles):
            one_cycle(i)
        elapsed = time.perf_counter() - start
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        after = rss_kib()
        widgets_after = len(QApplication.allWidgets())
        growth_mib = (after - before) / 1024
        print(f"kiosk reset cycles: {cycles}")
        print(f"time: {elapsed:.2f} s ({elapsed / cycles * 1000:.3f} ms per reset)")
        print(f"RSS before: {before / 1024:.1f} MiB, after: {after / 1024:.1f} MiB, "
              f"growth: {growth_mib:+.2f} MiB (target <= {TARGET_MIB:g} MiB: "
              f"{'met' if growth_mib <= TARGET_MIB else 'NOT met'})")
        print(f"widgets before: {widgets_before}, after: {widgets_after}")
        controller.uninstall()
        controller.admin_quit_requested = True
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
