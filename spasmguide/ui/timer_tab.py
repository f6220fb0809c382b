"""The Timer tab (kept for imports: the code lives in :mod:`spasmguide.ui.timer`)."""

from spasmguide.ui.timer import (
    DONE_MESSAGE,
    NO_ROUTINES_MESSAGE,
    ChimeLike,
    FlowRow,
    TimerTab,
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
