"""When the kiosk warns and when it starts over, from user activity and an injected clock."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from spasmguide.core.kiosk.config import (
    IDLE_TIMEOUT_DEFAULT_S,
    IDLE_WARNING_DEFAULT_S,
    TIMER_CAP_DEFAULT_S,
)


class IdleState(enum.Enum):
    """What the kiosk should show now."""

    ACTIVE = "active"
    WARNING = "warning"
    RESET = "reset"


@dataclass(frozen=True)
class IdleStatus:
    """The result of :meth:`IdlePolicy.poll`.

    ``seconds_left`` is the time until the warning (ACTIVE), until the reset (WARNING), or 0.
    ``held`` is True while a running timer is holding the warning off.
    """

    state: IdleState
    seconds_left: float = 0.0
    held: bool = False

    def __repr__(self) -> str:
        held = ", held" if self.held else ""
        return f"IdleStatus({self.state.value}, {self.seconds_left:.1f}s{held})"


class IdlePolicy:
    """When to warn and when to reset, from user activity and an injected clock.

    After ``timeout_s`` without input the warning starts; ``warning_s`` later the session is
    due for reset. While ``is_busy()`` is true (a routine timer is counting down) the warning
    waits until ``cap_s`` of no input instead, so a person stretching is not interrupted, but
    an abandoned timer cannot keep the last person's session on screen for ever. The warning
    always lasts its full length, however it started.
    """

    def __init__(
        self,
        timeout_s: float = IDLE_TIMEOUT_DEFAULT_S,
        warning_s: float = IDLE_WARNING_DEFAULT_S,
        *,
        cap_s: float = TIMER_CAP_DEFAULT_S,
        clock: Callable[[], float],
        is_busy: Callable[[], bool] = lambda: False,
    ) -> None:
        if timeout_s <= 0 or warning_s <= 0 or cap_s < 0:
            raise ValueError("idle timeout and warning must be positive, the cap not negative")
        self.timeout_s = float(timeout_s)
        self.warning_s = float(warning_s)
        self.cap_s = float(cap_s)
        self.is_busy = is_busy
        self._clock = clock
        self._last = clock()
        self._warning_since: float | None = None
        self.resets = 0

    def __repr__(self) -> str:
        return (f"IdlePolicy(timeout={self.timeout_s:g}s, warning={self.warning_s:g}s, "
                f"cap={self.cap_s:g}s, {self.poll_peek()!r})")

    @property
    def warning(self) -> bool:
        """True while the "Still there?" warning is due."""
        return self._warning_since is not None

    def activity(self) -> None:
        """A person touched, clicked, typed or scrolled: start counting again."""
        self._last = self._clock()
        self._warning_since = None

    def continue_(self) -> None:
        """The person answered the warning: a whole idle period again (any number of times)."""
        self.activity()

    def restart(self) -> None:
        """Begin a fresh session (after a reset)."""
        self.activity()

    def _limit(self) -> tuple[float, bool]:
        if self.is_busy():
            return max(self.timeout_s, self.cap_s), True
        return self.timeout_s, False

    def poll_peek(self) -> IdleStatus:
        """The status now, without changing state."""
        now = self._clock()
        if self._warning_since is not None:
            left = self._warning_since + self.warning_s - now
            return IdleStatus(IdleState.RESET if left <= 0 else IdleState.WARNING, max(0.0, left))
        limit, busy = self._limit()
        left = self._last + limit - now
        if left > 0:
            held = busy and now - self._last >= self.timeout_s
            return IdleStatus(IdleState.ACTIVE, left, held=held)
        return IdleStatus(IdleState.WARNING, self.warning_s)

    def poll(self) -> IdleStatus:
        """Advance the state machine and say what to show.

        Returns RESET exactly once when the warning runs out; the policy then starts a new
        session by itself.
        """
        now = self._clock()
        if self._warning_since is None:
            limit, busy = self._limit()
            left = self._last + limit - now
            if left > 0:
                held = busy and now - self._last >= self.timeout_s
                return IdleStatus(IdleState.ACTIVE, left, held=held)
            self._warning_since = now
        left = self._warning_since + self.warning_s - now
        if left > 0:
            return IdleStatus(IdleState.WARNING, left)
        self.resets += 1
        self.restart()
        return IdleStatus(IdleState.RESET)


class TapCounter:
    """The hidden staff gesture: ``count`` taps within ``window_s`` seconds."""

    def __init__(self, clock: Callable[[], float], count: int = 5, window_s: float = 3.0) -> None:
        self._clock = clock
        self.count = count
        self.window_s = window_s
        self._taps: list[float] = []

    def tap(self) -> bool:
        """Record a tap; True when this tap completes the gesture (the count starts over)."""
        now = self._clock()
        self._taps = [t for t in self._taps if now - t <= self.window_s]
        self._taps.append(now)
        if len(self._taps) >= self.count:
            self._taps.clear()
            return True
        return False

    def clear(self) -> None:
        """Forget the taps so far."""
        self._taps.clear()
