"""Tests for the routine timer engine, driven by a fake clock (no sleeping)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spasmguide.core.routines import Routine, Step
from spasmguide.core.timer import (
    EventKind,
    RoutineTimer,
    TimerState,
    expand_runs,
    format_clock,
)
from tests.fakes import FakeClock


def make_routine(*steps: Step, custom: tuple[int, ...] = ()) -> Routine:
    return Routine("test", "Test routine", "For tests.", tuple(steps), custom_minutes=custom)


HOLD = Step("Hold the stretch.", 30, "stretch", label="Hold stretch")
REST = Step("Rest.", 10, "rest")
COMPRESS = Step("Put the compress on.", 600, "compress-cold", adjustable=True)
OPEN = Step("Rest until it eases.", None, "other", label="Until it eases")


def started(routine: Routine, clock: FakeClock, *, lead_in: bool = False) -> RoutineTimer:
    timer = RoutineTimer(routine, clock=clock)
    timer.start(lead_in=lead_in)
    return timer


def kinds(events: list) -> list[EventKind]:
    return [event.kind for event in events]


# ---- formatting


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (30, "00:30"),
        (29.001, "00:30"),
        (29.0, "00:29"),
        (0.2, "00:01"),
        (0, "00:00"),
        (-3, "00:00"),
        (600, "10:00"),
        (3725, "1:02:05"),
        (None, "--:--"),
    ],
)
def test_countdown_rounds_up_so_it_reaches_zero_only_at_the_end(seconds, text):
    assert format_clock(seconds) == text


def test_count_up_rounds_down_like_a_stopwatch():
    assert format_clock(59.9, counting_up=True) == "00:59"
    assert format_clock(60.0, counting_up=True) == "01:00"


# ---- layout of runs


def test_repeats_expand_with_rests_between_but_not_after_the_last():
    step = Step("Hold.", 30, "stretch", repeats=3, rest_seconds=15, label="Hold stretch")
    runs = expand_runs(make_routine(step, REST))
    assert [run.title for run in runs] == [
        "Hold stretch 30 s — 1 of 3",
        "Rest 15 s",
        "Hold stretch 30 s — 2 of 3",
        "Rest 15 s",
        "Hold stretch 30 s — 3 of 3",
        "Rest 10 s",
    ]
    assert [run.seconds for run in runs] == [30, 15, 30, 15, 30, 10]


def test_custom_duration_changes_only_the_adjustable_step():
    timer = RoutineTimer(make_routine(HOLD, COMPRESS, REST), clock=FakeClock())
    timer.start(adjusted_seconds=5 * 60, lead_in=False)
    assert [run.seconds for run in timer.runs] == [30, 300, 10]
    assert timer.total_seconds == 340


# ---- running through steps


def test_steps_advance_exactly_at_their_deadlines():
    clock = FakeClock()
    timer = started(make_routine(HOLD, REST), clock)
    assert kinds(timer.update()) == [EventKind.STEP_CHANGED]
    clock.advance(29.999)
    assert timer.update() == []
    assert timer.index == 0
    assert format_clock(timer.remaining) == "00:01"
    clock.advance(0.001)
    events = timer.update()
    assert kinds(events) == [EventKind.STEP_CHANGED]
    assert timer.index == 1
    assert timer.remaining == pytest.approx(10)
    clock.advance(10)
    assert kinds(timer.update()) == [EventKind.FINISHED]
    assert timer.state is TimerState.FINISHED
    assert timer.remaining == 0
    assert timer.progress == 1.0


def test_lead_in_counts_three_seconds_before_the_first_step():
    clock = FakeClock()
    timer = started(make_routine(HOLD), clock, lead_in=True)
    assert timer.state is TimerState.LEAD_IN
    assert timer.lead_in_remaining == pytest.approx(3)
    assert timer.remaining == 30  # the first step's full time waits for the lead-in
    clock.advance(2.5)
    assert timer.update() == []
    assert format_clock(timer.lead_in_remaining) == "00:01"
    clock.advance(0.5)
    events = timer.update()
    assert kinds(events) == [EventKind.STEP_CHANGED]
    assert events[0].at == pytest.approx(1003.0)
    assert timer.state is TimerState.RUNNING
    assert timer.remaining == pytest.approx(30)


def test_pause_and_resume_keep_the_exact_time_left():
    clock = FakeClock()
    timer = started(make_routine(HOLD, REST), clock)
    clock.advance(12.345)
    timer.pause()
    assert timer.state is TimerState.PAUSED
    left = timer.remaining
    clock.advance(3600)  # an hour away from the computer
    timer.update()
    assert timer.remaining == left
    assert timer.next_deadline() is None
    timer.resume()
    assert timer.remaining == pytest.approx(30 - 12.345)
    clock.advance(30 - 12.345 - 0.01)
    timer.update()
    assert timer.index == 0
    clock.advance(0.01)
    timer.update()
    assert timer.index == 1


def test_pause_during_lead_in_resumes_the_lead_in():
    clock = FakeClock()
    timer = started(make_routine(HOLD), clock, lead_in=True)
    clock.advance(1)
    timer.pause()
    clock.advance(100)
    timer.resume()
    assert timer.state is TimerState.LEAD_IN
    assert timer.lead_in_remaining == pytest.approx(2)


def test_next_and_previous_step_restart_the_step_they_land_on():
    clock = FakeClock()
    routine = make_routine(HOLD, REST, HOLD)
    timer = started(routine, clock)
    clock.advance(5)
    timer.next_step()
    assert timer.index == 1
    assert timer.remaining == 10
    clock.advance(4)
    timer.previous_step()
    assert timer.index == 0
    assert timer.remaining == 30
    timer.previous_step()
    assert timer.index == 0


def test_next_step_while_paused_stays_paused_with_the_full_step_ahead():
    clock = FakeClock()
    timer = started(make_routine(HOLD, REST), clock)
    clock.advance(10)
    timer.pause()
    timer.next_step()
    assert timer.state is TimerState.PAUSED
    clock.advance(50)
    assert timer.remaining == 10
    timer.resume()
    clock.advance(10)
    timer.update()
    assert timer.state is TimerState.FINISHED


def test_next_step_on_the_last_step_finishes():
    clock = FakeClock()
    timer = started(make_routine(HOLD), clock)
    timer.update()
    timer.next_step()
    assert kinds(timer.update()) == [EventKind.FINISHED]
    assert timer.state is TimerState.FINISHED


def test_next_step_during_lead_in_starts_the_first_step_now():
    clock = FakeClock()
    timer = started(make_routine(HOLD), clock, lead_in=True)
    timer.next_step()
    assert timer.state is TimerState.RUNNING
    assert timer.remaining == 30


def test_reset_goes_back_to_the_start_and_stops():
    clock = FakeClock()
    timer = started(make_routine(HOLD, REST), clock)
    clock.advance(35)
    timer.update()
    timer.reset()
    assert timer.state is TimerState.IDLE
    assert timer.index == 0
    assert timer.remaining == 30
    assert timer.next_deadline() is None
    clock.advance(1000)
    assert timer.update() == []


def test_start_again_after_finishing_runs_from_the_first_step():
    clock = FakeClock()
    timer = started(make_routine(HOLD), clock)
    clock.advance(30)
    timer.update()
    timer.toggle()
    assert timer.state is TimerState.LEAD_IN
    assert timer.index == 0


def test_toggle_starts_pauses_and_resumes():
    clock = FakeClock()
    timer = RoutineTimer(make_routine(HOLD), clock=clock)
    timer.toggle()
    assert timer.state is TimerState.LEAD_IN
    timer.toggle()
    assert timer.state is TimerState.PAUSED
    timer.toggle()
    assert timer.state is TimerState.LEAD_IN


def test_progress_and_next_preview():
    clock = FakeClock()
    timer = started(make_routine(HOLD, REST), clock)
    assert timer.next_run is not None and timer.next_run.step is REST
    clock.advance(20)
    timer.update()
    assert timer.progress == pytest.approx(0.5)
    clock.advance(10)
    timer.update()
    assert timer.next_run is None
    assert timer.progress == pytest.approx(0.75)


def test_next_deadline_is_the_current_step_end():
    clock = FakeClock()
    timer = started(make_routine(HOLD, REST), clock, lead_in=True)
    assert timer.next_deadline() == pytest.approx(1003)
    clock.advance(3)
    timer.update()
    assert timer.next_deadline() == pytest.approx(1033)
    clock.advance(31)  # noticed a second late: the next step still ends on time
    timer.update()
    assert timer.next_deadline() == pytest.approx(1043)


# ---- long runs and catching up


def test_sleeping_through_the_whole_routine_catches_up_in_one_update():
    clock = FakeClock()
    step = Step("Hold.", 30, "stretch", repeats=3, rest_seconds=15)
    timer = started(make_routine(step, REST), clock)
    timer.update()
    clock.advance(3 * 3600)
    events = timer.update()
    assert kinds(events) == [EventKind.STEP_CHANGED] * 5 + [EventKind.FINISHED]
    assert [e.at - 1000 for e in events] == [30, 45, 75, 90, 120, 130]


def test_sleeping_part_way_lands_on_the_right_step_with_the_right_time_left():
    clock = FakeClock()
    timer = started(make_routine(HOLD, REST, HOLD), clock)
    clock.advance(37.5)
    timer.update()
    assert timer.index == 1
    assert timer.remaining == pytest.approx(2.5)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.floats(min_value=0.001, max_value=47.0), min_size=1, max_size=200))
def test_no_drift_however_irregular_the_updates(gaps):
    """A 15-minute routine ends on the second, whenever update() happens to be called."""
    clock = FakeClock()
    step = Step("Hold.", 45, "stretch", repeats=20)  # 20 x 45 s = 15 minutes
    timer = started(make_routine(step), clock)
    seen = []
    for gap in gaps:
        clock.advance(gap)
        seen.extend(timer.update())
    clock.advance(15 * 60)
    seen.extend(timer.update())
    ends = [event.at - 1000 for event in seen if event.at > 1000]
    assert ends == [45 * n for n in range(1, 21)]
    assert seen[-1].kind is EventKind.FINISHED


# ---- open-ended count-up


def test_open_ended_step_counts_up_and_checks_in_every_two_minutes():
    clock = FakeClock()
    timer = started(make_routine(OPEN), clock)
    timer.update()
    assert timer.remaining is None
    assert timer.next_deadline() == pytest.approx(1000 + 120)
    clock.advance(119)
    assert timer.update() == []
    assert format_clock(timer.elapsed, counting_up=True) == "01:59"
    clock.advance(1)
    events = timer.update()
    assert kinds(events) == [EventKind.CHECKIN]
    assert "easing" in events[0].message
    assert timer.checkins_due == 1
    assert timer.next_deadline() == pytest.approx(1000 + 240)


def test_open_ended_step_gives_help_advice_at_ten_minutes_once():
    clock = FakeClock()
    timer = started(make_routine(OPEN), clock)
    clock.advance(599)
    timer.update()
    assert not timer.help_advice
    clock.advance(1)
    events = timer.update()
    assert EventKind.HELP_ADVICE in kinds(events)
    assert timer.help_advice
    advice = next(e for e in events if e.kind is EventKind.HELP_ADVICE)
    assert "medical help" in advice.message
    clock.advance(600)
    assert EventKind.HELP_ADVICE not in kinds(timer.update())
    assert timer.help_advice


def test_open_ended_step_after_an_hour_asleep_checks_in_once():
    clock = FakeClock()
    timer = started(make_routine(OPEN), clock)
    timer.update()
    clock.advance(3600)
    assert kinds(timer.update()) == [EventKind.CHECKIN, EventKind.HELP_ADVICE]
    assert timer.state is TimerState.RUNNING
    assert timer.elapsed == pytest.approx(3600)


def test_open_ended_step_ends_with_next_step():
    clock = FakeClock()
    timer = started(make_routine(HOLD, OPEN), clock)
    clock.advance(30)
    timer.update()
    assert timer.current.counts_up
    clock.advance(75)
    timer.next_step()
    assert timer.state is TimerState.FINISHED


def test_help_advice_counts_from_when_the_cramp_began_not_from_the_step():
    clock = FakeClock()
    timer = RoutineTimer(make_routine(HOLD, OPEN), clock=clock)
    timer.set_cramp_began(5 * 60)
    timer.start(lead_in=False)
    clock.advance(30)  # the hold ends; the open-ended step starts
    timer.update()
    assert timer.current.counts_up
    clock.advance(269)
    assert EventKind.HELP_ADVICE not in kinds(timer.update())
    clock.advance(1)
    events = timer.update()
    assert EventKind.HELP_ADVICE in kinds(events)
    assert "more than 10 minutes in total" in events[-1].message
    assert timer.cramp_seconds == pytest.approx(600)


def test_saying_when_the_cramp_began_during_the_routine_moves_the_advice():
    clock = FakeClock()
    timer = started(make_routine(OPEN), clock)
    clock.advance(60)
    timer.update()
    timer.set_cramp_began(2 * 60)
    clock.advance(480)
    assert EventKind.HELP_ADVICE in kinds(timer.update())
    assert timer.help_advice


def test_a_reset_forgets_when_the_last_cramp_began():
    clock = FakeClock()
    timer = RoutineTimer(make_routine(OPEN), clock=clock)
    timer.set_cramp_began(300)
    timer.reset()
    assert timer.cramp_offset == 0
    timer.start(lead_in=False)
    clock.advance(599)
    assert EventKind.HELP_ADVICE not in kinds(timer.update())


def test_a_cramp_cannot_begin_in_the_future():
    timer = RoutineTimer(make_routine(OPEN), clock=FakeClock())
    with pytest.raises(ValueError):
        timer.set_cramp_began(-1)
    with pytest.raises(ValueError):
        timer.set_cramp_began(float("nan"))


def test_help_advice_uses_the_class_constant_so_it_can_be_shrunk():
    class QuickTimer(RoutineTimer):
        HELP_AFTER_S = 5.0

    clock = FakeClock()
    timer = QuickTimer(make_routine(OPEN), clock=clock)
    timer.start(lead_in=False)
    clock.advance(5)
    assert EventKind.HELP_ADVICE in kinds(timer.update())


# ---- architecture


def test_core_timer_and_routines_do_not_load_qt():
    code = (
        "import sys, spasmguide.core.timer, spasmguide.core.routines; "
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
