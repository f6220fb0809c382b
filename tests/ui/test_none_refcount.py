"""Regression: PySide6 6.12.0 on CPython 3.11 lost one reference to None per void Qt call.

After a few thousand calls the interpreter aborted with ``none_dealloc``. The dependency
pin excludes that release; this test drives thousands of Qt calls through our own widgets
and fails if None's reference count falls, whichever PySide6 gets installed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from spasmguide.app import build
from spasmguide.cli import LaunchOptions

CALLS = 5000


def test_qt_calls_through_our_widgets_do_not_leak_none_references(qtbot, tmp_path: Path) -> None:
    components = build(LaunchOptions(settings=tmp_path / "s.ini"))
    window = components.window
    qtbot.addWidget(window)
    tab_ids = window.tab_ids()
    reader = window.readers["causes"]
    before = sys.getrefcount(None)
    for i in range(CALLS):
        window.tabs.setCurrentIndex(i % len(tab_ids))  # void Qt call
        window.help_button.setObjectName("help-button")  # void Qt call
        reader.section_list.setCurrentRow(i % reader.section_list.count())
        window.notice.label.setText("x")
    after = sys.getrefcount(None)
    # A leaking build drops by at least CALLS * 3; ordinary churn moves a few dozen.
    assert after >= before - 200, f"None refcount fell from {before} to {after}"
