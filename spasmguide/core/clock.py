"""The clock every duration in SpasmGuide is measured with.

Routines and the kiosk's idle time must keep counting while a laptop sleeps: a cramp routine
paused by a closed lid is over when the lid opens, and a kiosk that slept through the night
must start over for the next visitor. ``time.monotonic`` on Linux is ``CLOCK_MONOTONIC``,
which stops during suspend; ``CLOCK_BOOTTIME`` is the same clock but counts suspend too.
On Windows and macOS ``time.monotonic`` already counts sleep.
"""

from __future__ import annotations

import time
from collections.abc import Callable

Clock = Callable[[], float]


def _boottime_clock() -> Clock | None:
    """``CLOCK_BOOTTIME`` as a clock, when this platform has it and it works."""
    clock_id = getattr(time, "CLOCK_BOOTTIME", None)
    if clock_id is None:
        return None
    try:
        time.clock_gettime(clock_id)
    except OSError:  # an old kernel, or a sandbox that forbids it
        return None

    def boottime() -> float:
        return time.clock_gettime(clock_id)

    return boottime


def suspend_aware_clock() -> Clock:
    """A monotonic clock in seconds that also counts time spent in suspend where it can."""
    return _boottime_clock() or time.monotonic


steady_clock: Clock = suspend_aware_clock()
"""The default clock for timers and idle time (see the module docstring)."""
