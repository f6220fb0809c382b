"""Showing a built window as a person meets it a moment after start."""

from __future__ import annotations

from typing import Any

SETTLE_TIMEOUT_MS = 20_000
"""Generous: a slow, busy machine makes the post-start parts one idle moment at a time."""


def show_settled(qtbot: Any, window: Any) -> None:
    """Show ``window`` and wait until it has painted and made what it makes after its first
    frame (the search, the Tab order, the Timer tab, speech), then until it is on screen."""
    with qtbot.waitSignal(window.settled, timeout=SETTLE_TIMEOUT_MS):
        window.show()
    qtbot.waitExposed(window)
