"""The Timer tab: guides a person through a stretch or compress routine, step by step."""


from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QHideEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QWidget,
)
from shiboken6 import isValid

from spasmguide.core.clock import steady_clock
from spasmguide.core.routines import Routine
from spasmguide.core.timer import (
    EventKind,
    RoutineTimer,
    TimerEvent,
    TimerState,
    format_clock,
)
from spasmguide.ui.timer.build import TimerBuild
from spasmguide.ui.timer.render import TimerRender
from spasmguide.ui.timer.widgets import (
    CHECKIN_MESSAGE,
    DONE_MESSAGE,
    NO_ROUTINES_MESSAGE,
    ChimeLike,
)

log = logging.getLogger(__name__)


class TimerTab(TimerBuild, TimerRender, QWidget):
    """Routine chooser, big countdown, step list and controls for the routine timer.

    The engine keeps time; this widget only asks it for the time. A precise single-shot timer
    fires at the engine's next deadline so steps change on time, and a repaint timer runs about
    ten times a second while the tab is visible and once a second while it is hidden (the
    status text keeps going). While nothing runs, no timer is active.

    Keys (while the tab or a widget in it has focus): Space starts, pauses or resumes,
    R resets, N goes to the next step.

    Signals:
        status_changed(str): Short live text for the window's status area, such as
            "Timer 02:15 · Hold stretch"; empty when no routine is under way.
        help_requested(): The person pressed "When to get help" (shown at the end of a
            routine and with the advice after 10 minutes of an open-ended step).
        log_cramp_requested(int): "Log this cramp" was pressed on the done screen (only
            offered after :meth:`offer_log_cramp`); the seconds the routine ran.
    """

    status_changed = Signal(str)
    help_requested = Signal()
    log_cramp_requested = Signal(int)

    VISIBLE_REPAINT_MS = 100
    HIDDEN_REPAINT_MS = 1000
    FLASH_MS = 800
    # Longer waits are split up, so a very long step never overflows a QTimer interval.
    MAX_WAIT_MS = 60_000

    COUNTDOWN_PT = 60
    INSTRUCTION_PT = 22
    PHASE_PT = 18
    TEXT_PT = 15
    BUTTON_PT = 14  # body size: large text alone makes them big enough
    BUTTON_MIN_HEIGHT = 48
    SHORT_TAB_PX = 420
    """Below this height the glance panel lies in one row and the progress bar steps aside."""

    def __init__(
        self,
        routines: Sequence[Routine],
        clock: Callable[[], float] = steady_clock,
        chime: ChimeLike | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Build the tab. Nothing starts until the person presses Start.

        Args:
            routines: The routines to offer, in order.
            clock: A monotonic clock returning seconds (a fake one in tests).
            chime: Plays a sound at each step change; made here (and silent if there is no
                sound) when not given.
            parent: Parent widget.
        """
        super().__init__(parent)
        self._routines = tuple(routines)
        self._clock = clock
        if chime is None:
            from spasmguide.ui.chime import Chime

            chime = Chime(parent=self)
        self._chime = chime
        self._timer: RoutineTimer | None = None
        self._message = ""
        self._status = ""
        self._list_key: tuple[object, ...] | None = None
        self._announced: tuple[object, ...] | None = None
        self._cues = 0
        self._sized: list[tuple[QWidget, float, bool]] = []
        self._chosen_minutes: int | None = None

        self._build()
        self._build_timers()
        self._build_shortcuts()
        if self._routines:
            self._select(0)
        else:
            self._show_no_routines()

    # ------------------------------------------------------------------ public API

    @property
    def timer(self) -> RoutineTimer | None:
        """The engine for the chosen routine (``None`` when there are no routines)."""
        return self._timer

    @property
    def chime(self) -> ChimeLike:
        """The chime in use."""
        return self._chime

    @property
    def cue_count(self) -> int:
        """How many step-change or end cues have been shown so far."""
        return self._cues

    def routines(self) -> tuple[Routine, ...]:
        """The routines on offer."""
        return self._routines

    def is_running(self) -> bool:
        """True while a routine is under way: getting ready, running or paused."""
        return self._timer is not None and self._timer.is_active

    def is_flashing(self) -> bool:
        """True while the visual cue of a step change is showing."""
        return bool(self._cue.property("flash"))

    def status_text(self) -> str:
        """The current status-area text (empty when no routine is under way)."""
        return self._status

    def select_routine(self, routine_id: str) -> bool:
        """Choose a routine by id, stopping any routine under way.

        Returns:
            False when there is no routine with that id.
        """
        for index, routine in enumerate(self._routines):
            if routine.id == routine_id:
                self._chooser.setCurrentIndex(index)
                return True
        return False

    def start(self, minutes: int | None = None) -> None:
        """Start the chosen routine with the 3-2-1 lead-in.

        Args:
            minutes: Quick duration for the routine's adjustable step, or ``None``.
        """
        if self._timer is None:
            return
        if self._timer.is_active:
            self._timer.reset()
        if minutes is None:
            minutes = self._chosen_minutes
        seconds = None if minutes is None else minutes * 60
        if minutes is None and self._timer.state is TimerState.FINISHED:
            seconds = self._timer.adjusted_seconds
        self._message = ""
        self._run_started_at = self._clock()  # for the diary: how long the routine ran
        self._timer.start(adjusted_seconds=seconds)
        self._after_action()

    def choose_minutes(self, minutes: int) -> None:
        """Choose a quick duration for the adjustable step; Start then uses it."""
        self._chosen_minutes = minutes
        for button in self._quick_buttons:
            button.setChecked(button.property("minutes") == minutes)
        self.refresh()

    def pause(self) -> None:
        """Pause the routine, keeping the exact time left."""
        if self._timer is not None:
            self._timer.pause()
            self._after_action()

    def resume(self) -> None:
        """Carry on after a pause."""
        if self._timer is not None:
            self._timer.resume()
            self._after_action()

    def toggle(self) -> None:
        """Start, pause or resume, whichever fits (what Space does)."""
        if self._timer is None:
            return
        if self._timer.state in (TimerState.IDLE, TimerState.FINISHED):
            self.start()
        elif self._timer.state is TimerState.PAUSED:
            self.resume()
        else:
            self.pause()

    def reset(self) -> None:
        """Stop and go back to the first step. No timer runs afterwards."""
        if self._timer is not None:
            self._timer.reset()
        self._check_cramp_button(0)
        self._message = ""
        self._after_action()

    def stop(self) -> None:
        """Stop any routine under way and go back to the first routine (a kiosk reset).

        The next person starts fresh: nothing shows which routine the last one chose.
        """
        self.reset()
        if self._routines and self._chooser.currentIndex() != 0:
            self._chooser.setCurrentIndex(0)

    def next_step(self) -> None:
        """Skip to the next step now."""
        if self._timer is not None and self._timer.is_active:
            self._timer.next_step()
            self._after_action()

    def previous_step(self) -> None:
        """Go back to the previous step and start it again."""
        if self._timer is not None and self._timer.is_active:
            self._timer.previous_step()
            self._after_action()

    def refresh(self) -> None:
        """Catch up with the clock, give cues for what happened, and repaint.

        The timers call this; tests with a fake clock call it after moving the clock.
        """
        if self._timer is None:
            return
        self._handle(self._timer.update())
        self._render()
        self._sync_timers()

    # ------------------------------------------------------------------ building

    def set_cramp_began(self, minutes_ago: int) -> None:
        """Count the advice at 10 minutes from ``minutes_ago`` before now."""
        if self._timer is None:
            return
        self._timer.set_cramp_began(minutes_ago * 60)
        for button in self._cramp_buttons:
            button.setChecked(button.property("minutes") == minutes_ago)
        self.refresh()

    def done_message(self) -> str:
        """The message at the end of a routine, in the reader's language."""
        return self.tr(DONE_MESSAGE)

    def help_message(self) -> str:
        """The advice shown when the cramp has lasted 10 minutes, in the reader's language."""
        return self.tr(
            "If your cramp has lasted more than 10 minutes in total, get medical help today. "
            "See When to get help."
        )

    @Slot()
    def _on_cramp_button_clicked(self) -> None:
        button = self.sender()
        minutes = button.property("minutes") if button is not None else None
        if isinstance(minutes, int):
            self.set_cramp_began(minutes)

    def _build_timers(self) -> None:
        # Repaints only; the engine, not this timer, decides what the time is.
        self._repaint_timer = QTimer(self)
        self._repaint_timer.setSingleShot(True)
        self._repaint_timer.timeout.connect(self._on_repaint_timer_timeout)
        # Fires exactly at the next step end so the chime and the change come on time.
        self._deadline_timer = QTimer(self)
        self._deadline_timer.setSingleShot(True)
        self._deadline_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._deadline_timer.timeout.connect(self._on_deadline_timer_timeout)
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(self.FLASH_MS)
        self._flash_timer.timeout.connect(self._on_flash_timer_timeout)

    def _build_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self._space_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), self)
        self._space_shortcut.setContext(context)
        self._space_shortcut.activated.connect(self._on_space_shortcut_activated)
        self._reset_shortcut = QShortcut(QKeySequence(Qt.Key.Key_R), self)
        self._reset_shortcut.setContext(context)
        self._reset_shortcut.activated.connect(self._on_reset_shortcut_activated)
        self._next_shortcut = QShortcut(QKeySequence(Qt.Key.Key_N), self)
        self._next_shortcut.setContext(context)
        self._next_shortcut.activated.connect(self._on_next_shortcut_activated)

    # ------------------------------------------------------------------ slots

    @Slot(int)
    def _on_chooser_current_index_changed(self, index: int) -> None:
        if 0 <= index < len(self._routines):
            self._select(index)

    @Slot()
    def _on_start_button_clicked(self) -> None:
        self.start()

    @Slot()
    def _on_pause_button_clicked(self) -> None:
        self.pause()

    @Slot()
    def _on_resume_button_clicked(self) -> None:
        self.resume()

    @Slot()
    def _on_reset_button_clicked(self) -> None:
        self.reset()

    @Slot()
    def _on_next_button_clicked(self) -> None:
        self.next_step()

    @Slot()
    def _on_previous_button_clicked(self) -> None:
        self.previous_step()

    @Slot()
    def _on_help_button_clicked(self) -> None:
        self.help_requested.emit()

    # ------------------------------------------------------------------ diary hook

    def offer_log_cramp(self) -> None:
        """Show "Log this cramp in your diary" on the done screen (the desktop has a diary)."""
        self._log_offered = True
        self.refresh()

    @Slot()
    def _on_log_button_clicked(self) -> None:
        started = getattr(self, "_run_started_at", None)
        ended = getattr(self, "_run_ended_at", None)
        seconds = 0
        if started is not None and ended is not None and self._timer is not None:
            seconds = max(0, round(ended - started - self._timer.LEAD_IN_S))
        self.log_cramp_requested.emit(seconds)

    @Slot()
    def _on_quick_button_clicked(self) -> None:
        button = self.sender()
        minutes = button.property("minutes") if button is not None else None
        if isinstance(minutes, int):
            self.choose_minutes(minutes)

    @Slot()
    def _on_space_shortcut_activated(self) -> None:
        # The shortcut takes Space before a focused button sees it. Space on a focused button
        # should press that button, as everywhere else; elsewhere it starts, pauses or resumes.
        focus = QApplication.focusWidget()
        toggles = (self._start_button, self._pause_button, self._resume_button)
        if isinstance(focus, QAbstractButton) and focus not in toggles and self.isAncestorOf(focus):
            if focus.isEnabled():
                focus.click()
            return
        if isinstance(focus, QComboBox) and self.isAncestorOf(focus):
            focus.showPopup()
            return
        self.toggle()

    @Slot()
    def _on_reset_shortcut_activated(self) -> None:
        self.reset()

    @Slot()
    def _on_next_shortcut_activated(self) -> None:
        self.next_step()

    @Slot()
    def _on_repaint_timer_timeout(self) -> None:
        self.refresh()

    @Slot()
    def _on_deadline_timer_timeout(self) -> None:
        self.refresh()

    @Slot()
    def _on_flash_timer_timeout(self) -> None:
        self._set_flash(False)

    # ------------------------------------------------------------------ Qt overrides

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_glance()
        self._fit_step_list()  # wrapped steps take more or fewer lines at a new width
        self.refresh()  # the step's picture is sized to the tab

    def changeEvent(self, event: QEvent) -> None:
        """Follow the app's text size: children with their own sizes are rescaled here."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.refresh()  # the step's picture in the new theme's colours
        if event.type() == QEvent.Type.FontChange:
            self._sized = [e for e in self._sized if isValid(e[0])]
            for widget, size, bold in self._sized:
                widget.setFont(self._scaled_font(size, bold=bold))
            self._list_key = None  # the step list rebuilds its bold current row
            self._fit_step_list()
            self._fit_glance()
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Repaint often again now that the countdown can be seen."""
        super().showEvent(event)
        prepare = getattr(self._chime, "prepare", None)
        if callable(prepare):
            prepare()  # load the sound before the first step ends, not during start-up
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        """Slow down repaints while another tab is shown; the timer keeps running."""
        super().hideEvent(event)
        self._sync_timers()

    # ------------------------------------------------------------------ internals

    def _select(self, index: int) -> None:
        if self._timer is not None and self._timer.is_active:
            self._timer.reset()
        routine = self._routines[index]
        self._timer = RoutineTimer(routine, clock=self._clock)
        self._message = ""
        self._list_key = None
        self._announced = None
        if self._chooser.currentIndex() != index:
            self._chooser.setCurrentIndex(index)
        self._summary.setText(routine.summary + (f" {routine.note}" if routine.note else ""))
        self._build_quick_buttons(routine)
        self._cramp_row.setVisible(any(step.counts_up for step in routine.steps))
        self._check_cramp_button(0)
        self._after_action()

    def _check_cramp_button(self, minutes: int) -> None:
        for button in self._cramp_buttons:
            button.setChecked(button.property("minutes") == minutes)

    def _show_no_routines(self) -> None:
        self._cramp_row.hide()
        self._chooser.setEnabled(False)
        self._quick_row.hide()
        self._instruction.setText(self.tr(NO_ROUTINES_MESSAGE))
        self._countdown.setText(format_clock(0))
        for button in self._controls:
            button.setEnabled(False)
        self._pause_button.hide()
        self._resume_button.hide()

    def _after_action(self) -> None:
        self.refresh()
        self._keep_countdown_in_view()

    def _keep_countdown_in_view(self) -> None:
        """With large text on a small screen, scroll so the step and its time can be seen."""
        if not self.is_running():
            return  # before a start, the page stays at the top where the routine is chosen
        self._scroll.ensureWidgetVisible(self._instruction, 0, 8)

    def _handle(self, events: list[TimerEvent]) -> None:
        """Give one cue for everything that happened (several after a long sleep)."""
        if not events or self._timer is None:
            return
        kinds = {event.kind for event in events}
        if EventKind.FINISHED in kinds:
            self._message = self.done_message()
            self._run_ended_at = max(e.at for e in events if e.kind is EventKind.FINISHED)
        elif EventKind.HELP_ADVICE in kinds:
            self._message = self.help_message()
        elif EventKind.CHECKIN in kinds:
            self._message = self.tr(CHECKIN_MESSAGE)
        elif EventKind.STEP_CHANGED in kinds:
            self._message = ""
        self._cue_now()
        self._keep_countdown_in_view()

    def _cue_now(self) -> None:
        self._cues += 1
        self._set_flash(True)
        self._flash_timer.start()
        try:
            self._chime.play()
        except Exception:  # the chime is a nicety; the visual cue is already showing
            log.debug("chime failed", exc_info=True)

    def _set_flash(self, on: bool) -> None:
        if bool(self._cue.property("flash")) == on:
            return
        self._cue.setProperty("flash", on)
        # Re-polish so the [flash="true"] style rule applies to the new property value.
        style = self._cue.style()
        style.unpolish(self._cue)
        style.polish(self._cue)
        self._cue.update()

    def _sync_timers(self) -> None:
        """Run the repaint and deadline timers only while time is passing."""
        timer = self._timer
        if timer is None or not timer.is_ticking:
            self._repaint_timer.stop()
            self._deadline_timer.stop()
            return
        now = self._clock()
        if self.isVisible():
            wait_ms = self.VISIBLE_REPAINT_MS
        else:
            # Once a second, just after the shown second changes, so the status text is exact.
            left = timer.lead_in_remaining if timer.in_lead_in else timer.remaining
            if left is None:
                left = -timer.elapsed
            fraction = left - math.floor(left)
            wait_ms = int(fraction * 1000) + 5 if fraction > 0.005 else self.HIDDEN_REPAINT_MS
            wait_ms = min(self.HIDDEN_REPAINT_MS, max(20, wait_ms))
        self._repaint_timer.start(wait_ms)
        deadline = timer.next_deadline()
        if deadline is not None:
            wait = max(0, math.ceil((deadline - now) * 1000))
            self._deadline_timer.start(min(wait, self.MAX_WAIT_MS))
        else:
            self._deadline_timer.stop()

    # ------------------------------------------------------------------ painting
