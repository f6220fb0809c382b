"""The default clock keeps counting while the computer sleeps, where the platform allows it."""

from __future__ import annotations

import inspect
import sys
import time

import pytest

from spasmguide.core import clock as clock_module
from spasmguide.core.clock import steady_clock, suspend_aware_clock
from spasmguide.core.timer import RoutineTimer


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="CLOCK_BOOTTIME is Linux's")
def test_on_linux_the_default_clock_counts_suspend() -> None:
    before = time.clock_gettime(time.CLOCK_BOOTTIME)
    now = steady_clock()
    after = time.clock_gettime(time.CLOCK_BOOTTIME)
    assert before <= now <= after
    # CLOCK_MONOTONIC stops in suspend, so it can only lag behind CLOCK_BOOTTIME.
    assert time.monotonic() <= steady_clock() + 1e-3


def test_without_boottime_the_clock_is_monotonic(monkeypatch) -> None:
    monkeypatch.delattr(time, "CLOCK_BOOTTIME", raising=False)
    assert suspend_aware_clock() is time.monotonic


def test_a_kernel_that_refuses_boottime_gives_monotonic(monkeypatch) -> None:
    monkeypatch.setattr(time, "CLOCK_BOOTTIME", 7, raising=False)

    def refuse(_clock_id: int) -> float:
        raise OSError(22, "Invalid argument")

    monkeypatch.setattr(clock_module.time, "clock_gettime", refuse)
    assert suspend_aware_clock() is time.monotonic


def test_the_clock_never_goes_back() -> None:
    readings = [steady_clock() for _ in range(1000)]
    assert readings == sorted(readings)


def test_timers_default_to_it() -> None:
    default = inspect.signature(RoutineTimer.__init__).parameters["clock"].default
    assert default is steady_clock
