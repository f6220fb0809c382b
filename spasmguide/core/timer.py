"""The routine timer: walks a person through a routine's steps and keeps exact time.

Time comes from an injected monotonic clock. The engine stores when the current step started and
derives everything else from ``clock()``: remaining time is ``deadline - clock()``, never a count of
ticks. The next step starts at the previous step's deadline (not at the moment someone noticed),
so lateness never adds up, and a computer that slept for an hour catches up in one :meth:`update`.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable
from dataclasses import dataclass

from spasmguide.core.clock import steady_clock
from spasmguide.core.routines import DEFAULT_REST_INSTRUCTION, Routine, Step

Clock = Callable[[], float]


class TimerState(enum.Enum):
    """Where the timer is in its routine."""

    IDLE = "idle"
    LEAD_IN = "lead_in"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class EventKind(enum.Enum):
    """What :meth:`RoutineTimer.update` can report."""

    STEP_CHANGED = "step_changed"
    FINISHED = "finished"
    CHECKIN = "checkin"
    HELP_ADVICE = "help_advice"


@dataclass(frozen=True)
class StepRun:
    """One timed pass through a step, after repeats and rests are laid out in a flat list.

    Attributes:
        step: The step being done (a rest between repeats gets its own ``Step``).
        step_index: Index of the routine step this run comes from.
        repeat: Which repeat this is, from 1.
        repeats: How many repeats the step has.
        seconds: Length of this run; ``None`` for an open-ended step that counts up.
        between_repeats: True for a rest inserted between two repeats.
    """

    step: Step
    step_index: int
    repeat: int
    repeats: int
    seconds: float | None
    between_repeats: bool = False

    @property
    def counts_up(self) -> bool:
        """True for an open-ended run with no set length."""
        return self.seconds is None

    @property
    def instruction(self) -> str:
        """The instruction to show for this run."""
        return self.step.instruction

    @property
    def title(self) -> str:
        """A short title such as "Hold stretch — 2 of 3" or "Rest 15 s"."""
        if self.between_repeats:
            return f"{self.step.short_label} {format_seconds_short(self.seconds or 0)}"
        base = self.step.short_label
        if self.seconds is not None:
            base = f"{base} {format_seconds_short(self.seconds)}"
        if self.repeats > 1:
            base = f"{base} — {self.repeat} of {self.repeats}"
        return base


@dataclass(frozen=True)
class TimerEvent:
    """Something that happened in the routine.

    Attributes:
        kind: What happened.
        run_index: The run that is current after the event (for ``FINISHED``, the last run).
        at: The clock time when it was due (a step's true deadline), not when it was noticed.
        message: Text for the person, where the event carries one.
    """

    kind: EventKind
    run_index: int
    at: float
    message: str = ""


def format_seconds_short(seconds: float) -> str:
    """Format a length for a title: ``"30 s"``, ``"2 min"``, ``"1 min 30 s"``."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, rest = divmod(whole, 60)
    return f"{minutes} min" if rest == 0 else f"{minutes} min {rest} s"


def format_clock(seconds: float | None, *, counting_up: bool = False) -> str:
    """Format a time as ``mm:ss`` (or ``h:mm:ss`` from one hour).

    A countdown rounds up, so it shows ``00:30`` for a whole 30-second step and reaches ``00:00``
    only when the step is over. A count-up rounds down, like a stopwatch.

    Args:
        seconds: The time to show; ``None`` shows ``--:--``.
        counting_up: Round down instead of up.

    Returns:
        The formatted time.
    """
    if seconds is None:
        return "--:--"
    seconds = max(0.0, seconds)
    # A tiny tolerance keeps float noise (29.0000000001) from showing one second too many.
    whole = math.floor(seconds + 1e-6) if counting_up else math.ceil(seconds - 1e-6)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


def expand_runs(routine: Routine, adjusted_seconds: float | None = None) -> tuple[StepRun, ...]:
    """Lay a routine's steps out as a flat list of runs.

    Args:
        routine: The routine.
        adjusted_seconds: New length for the routine's adjustable step, if any.

    Returns:
        One run per repeat, with a rest run between repeats where the step asks for one.
    """
    adjustable = routine.adjustable_index
    runs: list[StepRun] = []
    for index, step in enumerate(routine.steps):
        seconds: float | None = step.seconds
        if adjusted_seconds is not None and index == adjustable:
            seconds = adjusted_seconds
        for repeat in range(1, step.repeats + 1):
            runs.append(StepRun(step, index, repeat, step.repeats, seconds))
            if step.rest_seconds and repeat < step.repeats:
                rest = Step(
                    instruction=DEFAULT_REST_INSTRUCTION,
                    seconds=step.rest_seconds,
                    kind="rest",
                )
                runs.append(StepRun(rest, index, repeat, step.repeats, step.rest_seconds, True))
    return tuple(runs)


class RoutineTimer:
    """Guides a person through one routine, step by step, with exact timing.

    Nothing happens on its own: the caller calls :meth:`update` whenever it likes (on a repaint
    timer, or exactly at :meth:`next_deadline`), and :meth:`update` catches up on everything that
    became due since the last call.

    Attributes:
        LEAD_IN_S: Length of the "get ready" count before the first step.
        CHECKIN_EVERY_S: How often an open-ended step asks whether the cramp is easing.
        HELP_AFTER_S: How long after the cramp began an open-ended step shows the advice to
            get medical help. The cramp began when Start was pressed, or earlier if the person
            says so with :meth:`set_cramp_began`.
    """

    LEAD_IN_S: float = 3.0
    CHECKIN_EVERY_S: float = 120.0
    HELP_AFTER_S: float = 600.0

    CHECKIN_MESSAGE = "Is it easing? When the twitching stops, press Next step."
    HELP_MESSAGE = (
        "If your cramp has lasted more than 10 minutes in total, get medical help today. "
        "See When to get help."
    )

    def __init__(self, routine: Routine, clock: Clock = steady_clock) -> None:
        """Create a timer for a routine, in the idle state.

        Args:
            routine: The routine to guide.
            clock: A monotonic clock returning seconds (by default one that counts suspend).
        """
        self._routine = routine
        self._clock = clock
        self._adjusted: float | None = None
        self._runs = expand_runs(routine)
        self._state = TimerState.IDLE
        self._paused_from = TimerState.RUNNING
        self._index = 0
        # Clock time when the current run (or the lead-in) began, moved on by pauses.
        self._started_at = 0.0
        self._paused_at = 0.0
        self._finished_at = 0.0
        self._checkins_sent = 0
        self._help_sent = False
        self._pending: list[TimerEvent] = []
        # When the cramp began (clock time), and, before a start, how long before Start.
        self._cramp_began_at = 0.0
        self._cramp_offset = 0.0

    def __repr__(self) -> str:
        return (
            f"RoutineTimer({self._routine.id!r}, state={self._state.value}, "
            f"run={self._index + 1}/{len(self._runs)})"
        )

    # ---- what the caller reads

    @property
    def routine(self) -> Routine:
        """The routine being guided."""
        return self._routine

    @property
    def runs(self) -> tuple[StepRun, ...]:
        """Every run of the routine in order, with repeats and rests laid out."""
        return self._runs

    @property
    def adjusted_seconds(self) -> float | None:
        """The length chosen for the adjustable step, or ``None`` for the routine's own."""
        return self._adjusted

    @property
    def state(self) -> TimerState:
        """The timer's state as of the last call (call :meth:`update` to catch up first)."""
        return self._state

    @property
    def is_active(self) -> bool:
        """True while a routine is under way (lead-in, running or paused)."""
        return self._state in (TimerState.LEAD_IN, TimerState.RUNNING, TimerState.PAUSED)

    @property
    def is_ticking(self) -> bool:
        """True while time is passing for the routine (lead-in or running, not paused)."""
        return self._state in (TimerState.LEAD_IN, TimerState.RUNNING)

    @property
    def in_lead_in(self) -> bool:
        """True during the "get ready" count, also when it is paused."""
        return self._state is TimerState.LEAD_IN or (
            self._state is TimerState.PAUSED and self._paused_from is TimerState.LEAD_IN
        )

    @property
    def index(self) -> int:
        """Index of the current run in :attr:`runs`."""
        return self._index

    @property
    def current(self) -> StepRun:
        """The current run (the first one before starting, the last one when finished)."""
        return self._runs[self._index]

    @property
    def next_run(self) -> StepRun | None:
        """The run after the current one, for a preview; ``None`` at the last run."""
        if self._state is TimerState.FINISHED or self._index + 1 >= len(self._runs):
            return None
        return self._runs[self._index + 1]

    def _now(self) -> float:
        """The clock time the routine has reached (frozen while paused)."""
        if self._state is TimerState.PAUSED:
            return self._paused_at
        return self._clock()

    @property
    def lead_in_remaining(self) -> float:
        """Seconds left of the "get ready" count (0 outside the lead-in)."""
        if not self.in_lead_in:
            return 0.0
        return max(0.0, self._started_at + self.LEAD_IN_S - self._now())

    @property
    def elapsed(self) -> float:
        """Seconds spent in the current run (0 before it starts)."""
        if self._state is TimerState.IDLE or self.in_lead_in:
            return 0.0
        if self._state is TimerState.FINISHED:
            return self.current.seconds or 0.0
        return max(0.0, self._now() - self._started_at)

    @property
    def remaining(self) -> float | None:
        """Seconds left in the current run; ``None`` for an open-ended run."""
        run = self.current
        if self._state is TimerState.FINISHED:
            return 0.0
        if run.seconds is None:
            return None
        return max(0.0, run.seconds - self.elapsed)

    @property
    def deadline(self) -> float | None:
        """Clock time when the current run (or the lead-in) ends, while time is passing."""
        if self._state is TimerState.LEAD_IN:
            return self._started_at + self.LEAD_IN_S
        if self._state is TimerState.RUNNING and self.current.seconds is not None:
            return self._started_at + self.current.seconds
        return None

    @property
    def total_seconds(self) -> float:
        """Length of all timed runs together (open-ended runs count as 0)."""
        return sum(run.seconds or 0.0 for run in self._runs)

    @property
    def progress(self) -> float:
        """How much of the routine is done, from 0.0 to 1.0."""
        if self._state is TimerState.FINISHED:
            return 1.0
        if self._state is TimerState.IDLE or self.in_lead_in:
            return 0.0
        total = self.total_seconds
        if total <= 0:
            return self._index / len(self._runs)
        done = sum(run.seconds or 0.0 for run in self._runs[: self._index])
        seconds = self.current.seconds
        if seconds is not None:
            done += min(self.elapsed, seconds)
        return min(1.0, done / total)

    @property
    def cramp_offset(self) -> float:
        """Seconds the cramp had lasted when the routine started (0 for "just now")."""
        return self._cramp_offset

    @property
    def cramp_seconds(self) -> float | None:
        """Seconds since the cramp began, pauses included; None when no routine is under way."""
        if not self.is_active:
            return None
        return max(0.0, self._clock() - self._cramp_began_at)

    @property
    def help_advice(self) -> bool:
        """True during an open-ended run once the cramp has lasted :attr:`HELP_AFTER_S`."""
        return (
            self._state in (TimerState.RUNNING, TimerState.PAUSED)
            and self.current.counts_up
            and self._clock() >= self._help_due()
        )

    def set_cramp_began(self, seconds_ago: float) -> None:
        """Say the cramp began ``seconds_ago`` before now (before Start, when not yet started).

        The advice to get help comes when the cramp, not the routine, has lasted
        :attr:`HELP_AFTER_S`.
        """
        if not seconds_ago >= 0:  # also refuses NaN
            raise ValueError("seconds_ago must be 0 or more")
        self._cramp_offset = float(seconds_ago)
        if self.is_active:
            self._cramp_began_at = self._clock() - self._cramp_offset

    @property
    def checkins_due(self) -> int:
        """How many check-in times an open-ended run has passed."""
        if self._state not in (TimerState.RUNNING, TimerState.PAUSED) or not self.current.counts_up:
            return 0
        return int((self.elapsed + 1e-9) // self.CHECKIN_EVERY_S)

    def next_deadline(self) -> float | None:
        """Clock time of the next thing due: a step's end, a check-in or the help advice.

        Returns:
            The time, or ``None`` when nothing is due (idle, paused or finished).
        """
        if self._state is TimerState.LEAD_IN:
            return self._started_at + self.LEAD_IN_S
        if self._state is not TimerState.RUNNING:
            return None
        run = self.current
        if run.seconds is not None:
            return self._started_at + run.seconds
        due = [self._started_at + (self._checkins_sent + 1) * self.CHECKIN_EVERY_S]
        if not self._help_sent:
            due.append(self._help_due())
        return min(due)

    # ---- operations

    def start(self, *, adjusted_seconds: float | None = None, lead_in: bool = True) -> None:
        """Start the routine from its first step (from idle or after it finished).

        Args:
            adjusted_seconds: New length for the routine's adjustable step (a quick duration),
                or ``None`` for the length in the routine.
            lead_in: Begin with the "get ready" count.
        """
        if self.is_active:
            return
        if adjusted_seconds is not None and adjusted_seconds <= 0:
            raise ValueError("adjusted_seconds must be more than 0")
        self._adjusted = adjusted_seconds
        self._runs = expand_runs(self._routine, adjusted_seconds)
        self._index = 0
        self._checkins_sent = 0
        self._help_sent = False
        self._started_at = self._clock()
        self._cramp_began_at = self._started_at - self._cramp_offset
        if lead_in and self.LEAD_IN_S > 0:
            self._state = TimerState.LEAD_IN
        else:
            self._state = TimerState.RUNNING
            self._pending.append(TimerEvent(EventKind.STEP_CHANGED, 0, self._started_at))

    def pause(self) -> None:
        """Stop the clock, keeping the exact time left."""
        if not self.is_ticking:
            return
        self._catch_up(self._clock())
        if not self.is_ticking:
            return
        self._paused_from = self._state
        self._paused_at = self._clock()
        self._state = TimerState.PAUSED

    def resume(self) -> None:
        """Carry on from where :meth:`pause` stopped."""
        if self._state is not TimerState.PAUSED:
            return
        self._started_at += self._clock() - self._paused_at
        self._state = self._paused_from

    def toggle(self) -> None:
        """Start, pause or resume, whichever fits the state (the Space key)."""
        if self._state in (TimerState.IDLE, TimerState.FINISHED):
            self.start(adjusted_seconds=self._adjusted)
        elif self._state is TimerState.PAUSED:
            self.resume()
        else:
            self.pause()

    def reset(self) -> None:
        """Go back to the first step, stopped. The chosen quick duration is kept."""
        self._state = TimerState.IDLE
        self._index = 0
        self._checkins_sent = 0
        self._help_sent = False
        self._cramp_offset = 0.0
        self._pending.clear()

    def next_step(self) -> None:
        """Skip to the next run now (finishing the routine after the last one)."""
        if not self.is_active:
            return
        now = self._clock()
        if self.in_lead_in:
            self._go_to(0, now)
            return
        if self._index + 1 >= len(self._runs):
            self._finish(now)
            return
        self._go_to(self._index + 1, now)

    def previous_step(self) -> None:
        """Go back to the previous run and start it again (the first run restarts)."""
        if not self.is_active:
            return
        now = self._clock()
        target = 0 if self.in_lead_in else max(0, self._index - 1)
        self._go_to(target, now)

    def update(self) -> list[TimerEvent]:
        """Catch up with the clock and report what happened since the last call.

        Passes every deadline that has gone by, however many (a computer that slept for an hour
        comes back at the right step), and reports check-ins and the help advice of an
        open-ended step.

        Returns:
            The events in the order they were due, including those from operations such as
            :meth:`next_step` since the last call.
        """
        if self._state in (TimerState.LEAD_IN, TimerState.RUNNING):
            self._catch_up(self._clock())
        events, self._pending = self._pending, []
        return events

    # ---- internals

    def _help_due(self) -> float:
        return self._cramp_began_at + self.HELP_AFTER_S

    def _go_to(self, index: int, now: float) -> None:
        was_paused = self._state is TimerState.PAUSED
        self._index = index
        self._started_at = now
        self._checkins_sent = 0
        self._help_sent = False
        if was_paused:
            # Stay paused, with the whole of the new step ahead.
            self._paused_at = now
            self._paused_from = TimerState.RUNNING
        else:
            self._state = TimerState.RUNNING
        self._pending.append(TimerEvent(EventKind.STEP_CHANGED, index, now))

    def _finish(self, at: float) -> None:
        self._state = TimerState.FINISHED
        self._finished_at = at
        self._pending.append(TimerEvent(EventKind.FINISHED, self._index, at))

    def _catch_up(self, now: float) -> None:
        while True:
            if self._state is TimerState.LEAD_IN:
                end = self._started_at + self.LEAD_IN_S
                if now < end:
                    return
                self._state = TimerState.RUNNING
                self._index = 0
                self._started_at = end
                self._pending.append(TimerEvent(EventKind.STEP_CHANGED, 0, end))
                continue
            if self._state is not TimerState.RUNNING:
                return
            run = self.current
            if run.seconds is None:
                self._open_ended_events(now)
                return
            end = self._started_at + run.seconds
            if now < end:
                return
            if self._index + 1 >= len(self._runs):
                self._finish(end)
                return
            self._index += 1
            self._started_at = end
            self._checkins_sent = 0
            self._help_sent = False
            self._pending.append(TimerEvent(EventKind.STEP_CHANGED, self._index, end))

    def _open_ended_events(self, now: float) -> None:
        elapsed = now - self._started_at
        due = int((elapsed + 1e-9) // self.CHECKIN_EVERY_S)
        if due > self._checkins_sent:
            # After a long sleep, one check-in is enough: asking ten times helps nobody.
            self._checkins_sent = due
            at = self._started_at + due * self.CHECKIN_EVERY_S
            self._pending.append(
                TimerEvent(EventKind.CHECKIN, self._index, at, self.CHECKIN_MESSAGE)
            )
        if not self._help_sent and now >= self._help_due():
            self._help_sent = True
            at = max(self._started_at, self._help_due())
            self._pending.append(
                TimerEvent(EventKind.HELP_ADVICE, self._index, at, self.HELP_MESSAGE)
            )
