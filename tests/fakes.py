"""Test doubles shared by the test suite."""

from __future__ import annotations


class FakeClock:
    """A monotonic clock that moves only when a test tells it to.

    Call the instance to read it, like ``time.monotonic``.
    """

    def __init__(self, start: float = 1000.0) -> None:
        self.now = float(start)

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Move the clock forward.

        Args:
            seconds: How far; must not be negative (a monotonic clock never goes back).
        """
        if seconds < 0:
            raise ValueError("a monotonic clock cannot go back")
        self.now += seconds

    def __repr__(self) -> str:
        return f"FakeClock(now={self.now})"
