"""The Timer tab, one module per part: ``tab`` (the widget, its actions and clocks), ``build``
(its widgets), ``render`` (showing the state) and ``widgets`` (small shared parts)."""

from spasmguide.ui.timer.tab import TimerTab
from spasmguide.ui.timer.widgets import (
    DONE_MESSAGE,
    NO_ROUTINES_MESSAGE,
    ChimeLike,
    FlowRow,
    routine_choice_text,
    routine_total_text,
)

__all__ = [
    "DONE_MESSAGE",
    "NO_ROUTINES_MESSAGE",
    "ChimeLike",
    "FlowRow",
    "TimerTab",
    "routine_choice_text",
    "routine_total_text",
]
