"""Start the guide offscreen on each content pack named, as a person would, and report.

For each folder: build the window through the program's composition root, show it, wait
for its first frame, then print one line ``START <folder> <pack id> | <notice>`` and close
it. Used by the tests to prove that no pack, however made, stops the guide from starting.

    python tests/start_offscreen.py SETTINGS.ini CACHE_DIR PACK_DIR [PACK_DIR ...]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from spasmguide.app import build
    from spasmguide.cli import LaunchOptions

    settings, cache, *packs = argv
    app = QApplication([sys.argv[0]])
    for folder in packs:
        options = LaunchOptions(content=Path(folder), settings=Path(settings))
        components = build(options, pack_cache=Path(cache))
        window = components.window
        loop = QEventLoop()
        window.settled.connect(loop.quit)
        window.show()
        QTimer.singleShot(60_000, loop.quit)  # the caller's timeout reports a hang
        loop.exec()
        for reader in window.readers.values():  # every list item's tooltip, as hovering shows
            reader.ensure_built()
            for row in range(reader.section_list.count()):
                reader.section_list.item(row).toolTip()
        notice = window.notice.label.text() if window.notice.isVisibleTo(window) else ""
        print(f"START {folder} {components.pack.id} | {notice}", flush=True)
        window.close()
        window.deleteLater()
        app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
