"""Tests for the Timer tab, driven by a fake clock: what a person sees and can press."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QLabel, QProgressBar, QPushButton, QTabWidget, QWidget

from spasmguide.core.routines import Routine, Step
from spasmguide.ui.chime import Chime
from spasmguide.ui.timer import DONE_MESSAGE, TimerTab
from tests.fakes import FakeClock

# The offscreen platform used in tests cannot resize windows to their size hints and says so
# whenever a shown top-level window's layout changes; that is not a fault of the tab.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

HOLD = Step("Pull your toes towards you and hold.", 30, "stretch", label="Hold stretch")
REST = Step("Rest your leg.", 10, "rest")
STRETCH = Routine("stretch", "Stretch", "Stretch the calf.", (HOLD, REST))
COMPRESS = Routine(
    "cold",
    "Cold compress",
    "Cool the muscle.",
    (Step("Put the wrapped cold pack on.", 600, "compress-cold", adjustable=True),),
    custom_minutes=(5, 10, 15, 20),
)
UNTIL = Routine(
    "until",
    "Until it eases",
    "Time the cramp.",
    (Step("Rest until it eases.", None, "other", label="Until it eases"),),
)


class FakeChime(QObject):
    def __init__(self, available: bool = True) -> None:
        super().__init__()
        self.available = available
        self.plays = 0

    def play(self) -> bool:
        self.plays += 1
        return self.available


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def chime() -> FakeChime:
    return FakeChime()


@pytest.fixture
def tab(qtbot, clock, chime) -> TimerTab:
    widget = TimerTab([STRETCH, COMPRESS, UNTIL], clock=clock, chime=chime)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def button(tab: QWidget, name: str) -> QPushButton:
    found = [b for b in tab.findChildren(QPushButton) if b.accessibleName() == name]
    assert len(found) == 1, f"expected one button named {name!r}, found {len(found)}"
    return found[0]


def label(tab: QWidget, name: str) -> QLabel:
    (found,) = [w for w in tab.findChildren(QLabel) if w.accessibleName() == name]
    return found


def countdown(tab: QWidget) -> str:
    return label(tab, "Time remaining").text()


def visible_text(tab: QWidget) -> str:
    return " ".join(w.text() for w in tab.findChildren(QLabel) if w.isVisibleTo(tab))


def advance(tab: TimerTab, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    tab.refresh()


def click(qtbot, tab: QWidget, name: str) -> None:
    widget = button(tab, name)
    assert widget.isVisibleTo(tab) and widget.isEnabled(), f"{name} cannot be pressed now"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def running_timers(tab: QWidget) -> list[QTimer]:
    return [t for t in tab.findChildren(QTimer) if t.isActive()]


# ---- controls


def test_every_interactive_widget_has_an_accessible_name(tab):
    for widget in tab.findChildren(QWidget):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisibleTo(tab):
            if widget.parent() is not None and isinstance(widget.parent(), QComboBox):
                continue
            assert widget.accessibleName(), f"{type(widget).__name__} has no accessible name"
    assert tab.findChild(QComboBox).accessibleName() == "Routine"
    assert tab.findChild(QProgressBar).accessibleName() == "Routine progress"


def test_countdown_is_big_enough_to_read_from_across_the_room(qtbot, tab):
    tab.resize(1280, 620)
    countdown = label(tab, "Time remaining")
    # Digits about 2 cm tall on a typical screen (and never taller than a fifth of the tab).
    qtbot.waitUntil(lambda: countdown.fontMetrics().height() >= 64)
    for name in ("Start", "Reset", "Next step"):
        assert button(tab, name).minimumHeight() >= 44


def test_idle_shows_the_first_step_and_only_start(tab):
    assert countdown(tab) == "00:30"
    assert button(tab, "Start").isVisibleTo(tab)
    assert not button(tab, "Pause").isVisibleTo(tab)
    assert not button(tab, "Resume").isVisibleTo(tab)
    assert not button(tab, "Reset").isEnabled()
    assert not button(tab, "Next step").isEnabled()
    assert running_timers(tab) == []


def test_start_counts_three_two_one_then_the_step_counts_down(qtbot, tab, clock):
    click(qtbot, tab, "Start")
    assert "Get ready" in visible_text(tab) and countdown(tab) == "3"
    assert "Pull your toes" in visible_text(tab)
    advance(tab, clock, 1.2)
    assert "Get ready" in visible_text(tab) and countdown(tab) == "2"
    advance(tab, clock, 1.8)
    assert "Step 1 of 2" in visible_text(tab)
    assert countdown(tab) == "00:30"
    advance(tab, clock, 12.5)
    assert countdown(tab) == "00:18"
    assert button(tab, "Pause").isVisibleTo(tab)
    assert not button(tab, "Start").isVisibleTo(tab)


def test_pause_freezes_the_countdown_and_resume_carries_on(qtbot, tab, clock):
    click(qtbot, tab, "Start")
    advance(tab, clock, 3 + 10)
    click(qtbot, tab, "Pause")
    assert countdown(tab) == "00:20"
    qtbot.waitUntil(lambda: running_timers(tab) == [], timeout=3000)  # only the cue fades
    advance(tab, clock, 300)
    assert countdown(tab) == "00:20"
    assert "(paused)" in visible_text(tab)
    click(qtbot, tab, "Resume")
    advance(tab, clock, 5)
    assert countdown(tab) == "00:15"


def test_steps_change_on_their_own_with_a_chime_and_a_flash(qtbot, tab, clock, chime):
    click(qtbot, tab, "Start")
    advance(tab, clock, 3)
    plays = chime.plays
    advance(tab, clock, 30)
    assert "Step 2 of 2" in visible_text(tab)
    assert "Rest your leg." in visible_text(tab)
    assert countdown(tab) == "00:10"
    assert chime.plays == plays + 1
    assert tab.is_flashing()
    qtbot.waitUntil(lambda: not tab.is_flashing(), timeout=3000)


def test_the_end_says_done_and_what_to_do_next(qtbot, tab, clock, chime):
    statuses: list[str] = []
    tab.status_changed.connect(statuses.append)
    click(qtbot, tab, "Start")
    for seconds in (3, 30, 10):
        advance(tab, clock, seconds)
    assert countdown(tab) == "00:00"
    assert DONE_MESSAGE in visible_text(tab)
    assert "When to get help" in DONE_MESSAGE
    assert tab.is_flashing()
    assert chime.plays >= 3  # first step, second step, end
    assert tab.findChild(QProgressBar).value() == 1000
    assert button(tab, "Start").isVisibleTo(tab)
    assert button(tab, "Start").text() == "Start again"
    assert statuses[-1] == ""
    assert not tab.is_running()
    assert [t for t in running_timers(tab) if t.isSingleShot() and t.interval() > 1000] == []


def test_next_and_previous_step_buttons(qtbot, tab, clock):
    click(qtbot, tab, "Start")
    advance(tab, clock, 3 + 5)
    click(qtbot, tab, "Next step")
    assert "Step 2 of 2" in visible_text(tab)
    assert countdown(tab) == "00:10"
    click(qtbot, tab, "Previous step")
    assert "Step 1 of 2" in visible_text(tab)
    assert countdown(tab) == "00:30"


def test_reset_goes_back_and_stops_every_timer(qtbot, tab, clock):
    click(qtbot, tab, "Start")
    advance(tab, clock, 3 + 31)
    click(qtbot, tab, "Reset")
    assert countdown(tab) == "00:30"
    assert button(tab, "Start").isVisibleTo(tab)
    qtbot.waitUntil(lambda: running_timers(tab) == [], timeout=3000)
    assert tab.status_text() == ""


def test_timers_run_only_while_time_passes(qtbot, tab, clock):
    assert running_timers(tab) == []
    click(qtbot, tab, "Start")
    intervals = sorted(t.interval() for t in running_timers(tab))
    assert TimerTab.VISIBLE_REPAINT_MS in intervals
    precise = [t for t in running_timers(tab) if t.timerType() == Qt.TimerType.PreciseTimer]
    assert [t.interval() for t in precise] == [3000]


# ---- keys


def test_space_starts_pauses_and_resumes(qtbot, tab, clock):
    tab.setFocus()
    qtbot.keyClick(tab, Qt.Key.Key_Space)
    assert "Get ready" in visible_text(tab)
    advance(tab, clock, 3 + 4)
    qtbot.keyClick(tab, Qt.Key.Key_Space)
    assert button(tab, "Resume").isVisibleTo(tab)
    advance(tab, clock, 50)
    assert countdown(tab) == "00:26"
    qtbot.keyClick(tab, Qt.Key.Key_Space)
    assert button(tab, "Pause").isVisibleTo(tab)


def test_space_on_a_focused_button_presses_that_button(qtbot, tab, clock):
    click(qtbot, tab, "Start")
    advance(tab, clock, 3 + 20)
    reset = button(tab, "Reset")
    reset.setFocus()
    qtbot.keyClick(reset, Qt.Key.Key_Space)
    assert button(tab, "Start").isVisibleTo(tab)
    assert countdown(tab) == "00:30"


def test_space_keeps_working_after_start_takes_focus_away(qtbot, tab, clock):
    start = button(tab, "Start")
    start.setFocus()
    qtbot.keyClick(start, Qt.Key.Key_Space)
    assert tab.is_running()
    focused = tab.focusWidget()
    qtbot.keyClick(focused, Qt.Key.Key_Space)
    assert button(tab, "Resume").isVisibleTo(tab)


def test_r_resets_and_n_skips(qtbot, tab, clock):
    tab.setFocus()
    qtbot.keyClick(tab, Qt.Key.Key_Space)
    advance(tab, clock, 3)
    qtbot.keyClick(tab, Qt.Key.Key_N)
    assert "Step 2 of 2" in visible_text(tab)
    qtbot.keyClick(tab, Qt.Key.Key_R)
    assert not tab.is_running()
    assert countdown(tab) == "00:30"


def test_keys_do_nothing_when_the_tab_does_not_have_focus(qtbot, tab, clock):
    outside = QPushButton("Elsewhere")
    qtbot.addWidget(outside)
    outside.show()
    qtbot.waitExposed(outside)
    outside.activateWindow()
    outside.setFocus()
    qtbot.keyClick(outside, Qt.Key.Key_N)
    qtbot.keyClick(outside, Qt.Key.Key_R)
    assert not tab.is_running()


# ---- routines with quick times and open-ended steps


def test_quick_durations_are_a_choice_that_start_uses(qtbot, tab, clock):
    tab.findChild(QComboBox).setCurrentIndex(1)
    assert countdown(tab) == "10:00"
    # The usual time is marked and chosen until another is picked.
    assert button(tab, "10 minutes").isChecked()
    assert "usual" in button(tab, "10 minutes").text()
    click(qtbot, tab, "15 minutes")
    assert not tab.is_running()  # choosing is not starting
    assert button(tab, "15 minutes").isChecked() and not button(tab, "10 minutes").isChecked()
    assert countdown(tab) == "15:00"
    click(qtbot, tab, "Start")
    advance(tab, clock, 3)
    assert countdown(tab) == "15:00"
    assert not button(tab, "5 minutes").isEnabled()
    assert button(tab, "15 minutes").isChecked()


def test_lead_in_counts_where_the_countdown_is(qtbot, tab, clock):
    click(qtbot, tab, "Start")
    assert countdown(tab) == "3"
    advance(tab, clock, 1.2)
    assert countdown(tab) == "2"


def test_routine_chooser_shows_each_routines_total_time(tab):
    chooser = tab.findChild(QComboBox)
    texts = [chooser.itemText(i) for i in range(chooser.count())]
    assert texts[0] == "Stretch (40 s)"
    assert texts[1] == "Cold compress (10 min)"
    assert texts[2] == "Until it eases (until the cramp eases)"


def test_quick_durations_are_hidden_for_routines_without_them(tab):
    assert [
        b for b in tab.findChildren(QPushButton) if b.accessibleName().endswith("minutes")
    ] == []


def test_open_ended_step_counts_up_and_gives_calm_advice_at_ten_minutes(qtbot, tab, clock):
    tab.select_routine("until")
    click(qtbot, tab, "Start")
    advance(tab, clock, 3)
    assert not label(tab, "Time remaining").isVisibleTo(tab)
    assert label(tab, "Time so far").text() == "00:00"
    advance(tab, clock, 125)
    assert label(tab, "Time so far").text() == "02:05"
    assert "Is it easing?" in visible_text(tab)
    advance(tab, clock, 600 - 125)
    assert "get medical help" in visible_text(tab)
    click(qtbot, tab, "Next step")
    assert DONE_MESSAGE in visible_text(tab)


def test_the_ten_minute_advice_counts_from_when_the_cramp_started(qtbot, tab, clock):
    tab.select_routine("until")
    click(qtbot, tab, "The cramp started 5 minutes ago")
    click(qtbot, tab, "Start")
    advance(tab, clock, 3 + 290)
    assert "10 minutes" not in visible_text(tab)
    advance(tab, clock, 10)
    assert (
        "If your cramp has lasted more than 10 minutes in total, get medical help today."
        in visible_text(tab)
    )
    assert button(tab, "When to get help").isVisibleTo(tab)


def test_saying_when_the_cramp_started_works_after_start_too(qtbot, tab, clock):
    tab.select_routine("until")
    click(qtbot, tab, "Start")
    advance(tab, clock, 3 + 60)
    click(qtbot, tab, "The cramp started 5 minutes ago")
    assert button(tab, "The cramp started 5 minutes ago").isChecked()
    advance(tab, clock, 300 - 1)
    assert "more than 10 minutes in total" not in visible_text(tab)
    advance(tab, clock, 1)
    assert "more than 10 minutes in total" in visible_text(tab)


def test_cramp_start_choice_shows_only_for_an_open_ended_routine(qtbot, tab):
    tab.select_routine("stretch")
    assert not button(tab, "The cramp started just now").isVisibleTo(tab)
    tab.select_routine("until")
    assert button(tab, "The cramp started just now").isVisibleTo(tab)
    assert button(tab, "The cramp started just now").isChecked()
    click(qtbot, tab, "The cramp started 2 minutes ago")
    click(qtbot, tab, "Start")
    click(qtbot, tab, "Reset")
    assert button(tab, "The cramp started just now").isChecked()


# ---- status area, hiding and sound


def test_status_text_follows_the_countdown(qtbot, tab, clock):
    with qtbot.waitSignal(tab.status_changed, timeout=1000) as blocker:
        click(qtbot, tab, "Start")
    assert blocker.args == ["Timer · Get ready 3"]
    advance(tab, clock, 3 + 15)
    assert tab.status_text() == "Timer 00:15 · Hold stretch"


def test_timer_keeps_running_on_another_tab(qtbot, clock, chime):
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    timer_tab = TimerTab([STRETCH], clock=clock, chime=chime)
    tabs.addTab(QLabel("Guide"), "Guide")
    tabs.addTab(timer_tab, "Timer")
    tabs.setCurrentIndex(1)
    tabs.show()
    qtbot.waitExposed(tabs)
    timer_tab.start()
    tabs.setCurrentIndex(0)
    assert not timer_tab.isVisible()
    repaint = [t for t in running_timers(timer_tab) if t.timerType() != Qt.TimerType.PreciseTimer]
    assert repaint and all(t.interval() <= TimerTab.HIDDEN_REPAINT_MS for t in repaint)
    assert all(t.interval() > TimerTab.VISIBLE_REPAINT_MS for t in repaint)
    advance(timer_tab, clock, 3)
    advance(timer_tab, clock, 31)
    assert timer_tab.status_text() == "Timer 00:09 · Rest"
    assert chime.plays == 2
    tabs.setCurrentIndex(1)
    assert countdown(timer_tab) == "00:09"


def test_real_clock_smoke_the_step_ends_by_itself(qtbot, chime):
    """One short real-time run: the precise timer, not a test, moves the routine on."""
    quick = Routine("quick", "Quick", "Quick.", (Step("Hold.", 1, "stretch"),))
    widget = TimerTab([quick], chime=chime)
    qtbot.addWidget(widget)
    widget.show()
    widget.timer.LEAD_IN_S = 0.2
    widget.start()
    qtbot.waitUntil(lambda: DONE_MESSAGE in visible_text(widget), timeout=5000)
    assert chime.plays == 2


def test_without_sound_the_visual_cue_still_shows(qtbot, clock):
    silent = FakeChime(available=False)
    widget = TimerTab([STRETCH], clock=clock, chime=silent)
    qtbot.addWidget(widget)
    widget.start()
    advance(widget, clock, 3)
    assert widget.is_flashing()
    assert widget.cue_count == 1


def test_a_chime_that_raises_does_not_stop_the_timer(qtbot, clock):
    class BrokenChime(FakeChime):
        def play(self) -> bool:
            raise RuntimeError("audio device vanished")

    widget = TimerTab([STRETCH], clock=clock, chime=BrokenChime())
    qtbot.addWidget(widget)
    widget.start()
    advance(widget, clock, 3 + 30)
    assert widget.is_flashing()
    assert label(widget, "Time remaining").text() == "00:10"


def test_chime_falls_back_quietly_when_qtmultimedia_cannot_load(qtbot, monkeypatch, caplog):
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    monkeypatch.setattr(Chime, "_reported", False)
    caplog.set_level("INFO", logger="spasmguide.ui.chime")
    first = Chime()
    second = Chime()
    assert not first.available and not second.available
    assert first.play() is False
    messages = [r.getMessage() for r in caplog.records if r.name == "spasmguide.ui.chime"]
    assert len(messages) == 1
    assert "visual cue" in messages[0]


def test_a_tab_made_without_a_chime_works_with_or_without_sound(qtbot, clock):
    widget = TimerTab([STRETCH], clock=clock)
    qtbot.addWidget(widget)
    assert isinstance(widget.chime, Chime)
    widget.start()
    advance(widget, clock, 3)
    assert widget.is_flashing()


def test_step_changes_are_told_to_screen_readers(qtbot, tab, clock):
    instruction = next(
        w for w in tab.findChildren(QLabel) if w.accessibleName().startswith("Step 1 of 2")
    )
    click(qtbot, tab, "Start")
    assert instruction.accessibleName().startswith("Get ready")
    advance(tab, clock, 3 + 30)
    assert instruction.accessibleName() == "Step 2 of 2: Rest your leg."


def test_no_routines_shows_a_plain_message(qtbot):
    widget = TimerTab([], clock=FakeClock(), chime=FakeChime())
    qtbot.addWidget(widget)
    assert "no routines" in visible_text(widget).lower()
    assert not button(widget, "Start").isEnabled()


def test_when_to_get_help_is_offered_at_the_end(qtbot, tab, clock):
    assert not button(tab, "When to get help").isVisibleTo(tab)
    click(qtbot, tab, "Start")
    advance(tab, clock, 3)
    advance(tab, clock, 40)
    with qtbot.waitSignal(tab.help_requested, timeout=1000):
        click(qtbot, tab, "When to get help")


def test_chime_loads_sound_only_when_first_needed(qtbot, monkeypatch, caplog):
    # Start-up must not pay for loading QtMultimedia; the Timer tab prepares it when opened.
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)
    monkeypatch.setattr(Chime, "_reported", False)
    caplog.set_level("INFO", logger="spasmguide.ui.chime")
    chime = Chime()
    assert not [r for r in caplog.records if r.name == "spasmguide.ui.chime"]
    assert chime.available is False
    assert [r for r in caplog.records if r.name == "spasmguide.ui.chime"]


def test_timer_text_grows_with_the_apps_text_size(qtbot, clock):
    from PySide6.QtWidgets import QApplication

    widget = TimerTab([STRETCH], clock=clock, chime=FakeChime())
    qtbot.addWidget(widget)
    widget.resize(1900, 1900)  # room enough that the countdown is not capped by height
    widget.show()
    countdown = label(widget, "Time remaining")
    start_button = button(widget, "Start")
    before = countdown.fontMetrics().height(), start_button.font().pointSizeF()
    original = QApplication.font()
    bigger = QApplication.font()
    bigger.setPointSizeF(original.pointSizeF() * 2)
    try:
        QApplication.setFont(bigger)
        def grown() -> bool:
            height = countdown.fontMetrics().height()
            capped = countdown.font().pixelSize() > 0  # as tall as a fifth of the tab allows
            return height > before[0] * 1.8 or (capped and height > before[0] * 1.2)

        qtbot.waitUntil(grown)
        assert start_button.font().pointSizeF() > before[1] * 1.8
    finally:
        QApplication.setFont(original)


def test_large_text_keeps_the_step_and_time_in_view_above_the_details(qtbot, clock):
    widget = TimerTab([STRETCH], clock=clock, chime=FakeChime())
    qtbot.addWidget(widget)
    widget.resize(900, 420)
    widget.show()
    big = widget.font()
    big.setPointSizeF(big.pointSizeF() * 2.5)
    widget.setFont(big)
    countdown = label(widget, "Time remaining")
    start = button(widget, "Start")
    qtbot.waitUntil(lambda: start.font().pointSizeF() > 30)
    # The countdown shrinks to fit a short tab; the details scroll under it.
    assert countdown.height() <= widget.height() // 4
    assert start.isVisible() and start.geometry().bottom() <= widget.height()
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    clock.advance(4)
    widget.refresh()
    # The countdown is inside the tab's visible area, not scrolled out of sight.
    top_left = countdown.mapTo(widget, countdown.rect().topLeft())
    assert top_left.y() >= 0 and top_left.y() + countdown.height() // 2 <= widget.height()


def test_stop_forgets_the_last_persons_routine(qtbot, clock):
    other = Routine(id="other", title="Other", summary="", steps=STRETCH.steps)
    widget = TimerTab([STRETCH, other], clock=clock, chime=FakeChime())
    qtbot.addWidget(widget)
    widget.select_routine("other")
    widget.start()
    widget.stop()
    assert not widget.is_running()
    assert widget.findChild(QComboBox).currentData() == STRETCH.id
