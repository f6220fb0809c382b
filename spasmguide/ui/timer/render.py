"""Showing the timer's state: texts, the step list, which buttons show, fonts that follow the
app's text size, and what screen readers hear."""


from __future__ import annotations

import logging
import math

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QFont,
    QFontMetrics,
    QPixmap,
)
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QListWidgetItem,
    QWidget,
)
from shiboken6 import isValid

from spasmguide.core.content.model import Picture
from spasmguide.core.timer import (
    RoutineTimer,
    StepRun,
    TimerState,
    format_clock,
)
from spasmguide.ui.pictures import ASPECT
from spasmguide.ui.timer.widgets import BASE_POINT_SIZE, run_instruction, run_title, step_label

log = logging.getLogger(__name__)


class TimerRender:
    """Puts the engine's state on screen (mixed into :class:`TimerTab`)."""

    def _scaled_font(self, size: float, *, bold: bool = False) -> QFont:
        """A font ``size`` points at normal text size, scaled with the app's text size."""
        font = QFont(self.font())
        font.setPointSizeF(size * self.font().pointSizeF() / BASE_POINT_SIZE)
        font.setBold(bold)
        return font

    def _fit_glance(self) -> None:
        """Keep the countdown as big as the text size asks, but never taller than a fifth
        of the tab, so the step, the time and Start/Pause fit on a 600 px high screen."""
        short = self.height() < self.SHORT_TAB_PX
        direction = QBoxLayout.Direction.LeftToRight if short else QBoxLayout.Direction.TopToBottom
        if self._glance_layout.direction() != direction:
            self._glance_layout.setDirection(direction)
        self._progress.setVisible(not short)  # the step list shows progress too
        wanted = self._scaled_font(self.COUNTDOWN_PT, bold=True)
        room = max(24, self.height() // 5)
        for clock in (self._countdown, self._count_up):
            font = QFont(wanted)
            if QFontMetrics(font).height() > room:
                font.setPixelSize(room * 4 // 5)
            clock.setFont(font)
        phase = self._scaled_font(self.PHASE_PT, bold=True)
        if short:
            if QFontMetrics(phase).height() > room // 2:
                phase.setPixelSize(max(16, room * 2 // 5))
        elif QFontMetrics(phase).height() > max(20, self.height() // 10):
            phase.setPixelSize(max(16, self.height() // 14))
        self._phase.setFont(phase)

    def _fit_step_list(self) -> None:
        """Make the step list as tall as all its steps (it never scrolls on its own)."""
        steps = self._steps
        rows = sum(max(0, steps.sizeHintForRow(row)) for row in range(steps.count()))
        least = steps.fontMetrics().height() * 2
        steps.setFixedHeight(max(least, rows) + 2 * steps.frameWidth() + 8)

    def _set_font(self, widget: QWidget, size: float, *, bold: bool = False) -> None:
        """Give ``widget`` a scaled font, and remember it so text-size changes reach it."""
        # Quick-duration buttons are replaced when the routine changes: drop the old ones.
        self._sized = [e for e in self._sized if e[0] is not widget and isValid(e[0])]
        self._sized.append((widget, size, bold))
        widget.setFont(self._scaled_font(size, bold=bold))

    def _render(self) -> None:
        timer = self._timer
        if timer is None:
            return
        state = timer.state
        run = timer.current
        runs = timer.runs
        number = timer.index + 1

        lead_in = ""
        if state is TimerState.FINISHED:
            self._phase.setText(self.tr("Done"))
            self._instruction.setText(self.tr("You have finished the routine."))
            self._note.setText("")
        elif timer.in_lead_in:
            count = math.ceil(timer.lead_in_remaining - 1e-6)
            self._phase.setText(self.tr("Get ready…"))  # the count is the big number below
            lead_in = str(max(1, count))
            self._instruction.setText(self.tr("First: %1").replace("%1", run_instruction(run)))
            self._note.setText(run.step.note)
        else:
            step = (
                self.tr("Step %1 of %2: %3 (paused)") if state is TimerState.PAUSED
                else self.tr("Step %1 of %2: %3")
            )
            self._phase.setText(
                step.replace("%3", run_title(run)).replace("%2", str(len(runs)))
                .replace("%1", str(number))
            )
            self._instruction.setText(run_instruction(run))
            self._note.setText(run.step.note)
        self._note.setVisible(bool(self._note.text()))
        self._show_picture(None if state is TimerState.FINISHED else run.step.picture)

        counting_up = run.counts_up and state in (TimerState.RUNNING, TimerState.PAUSED)
        self._countdown.setVisible(not counting_up)
        self._count_up.setVisible(counting_up)
        self._count_up_caption.setVisible(counting_up)
        if counting_up:
            self._count_up.setText(format_clock(timer.elapsed, counting_up=True))
            self._countdown.setText(format_clock(None))
        elif lead_in:
            self._countdown.setText(lead_in)  # the big 3-2-1 where the time will be
            self._count_up.setText(format_clock(0, counting_up=True))
        else:
            remaining = timer.remaining
            if state is TimerState.IDLE and self._chosen_minutes is not None:
                adjustable = timer.routine.adjustable_index
                if adjustable == 0:
                    remaining = self._chosen_minutes * 60
            self._countdown.setText(format_clock(remaining if remaining is not None else 0))
            self._count_up.setText(format_clock(0, counting_up=True))
        look = {
            TimerState.IDLE: "idle", TimerState.LEAD_IN: "running",
            TimerState.RUNNING: "running", TimerState.PAUSED: "paused",
            TimerState.FINISHED: "done",
        }.get(state, "idle")
        if self._glance.property("state") != look:
            self._glance.setProperty("state", look)
            self._glance.style().unpolish(self._glance)
            self._glance.style().polish(self._glance)

        message = self._message
        if counting_up and timer.help_advice:
            message = self.help_message()
        self._message_label.setText(message)
        self._message_label.setVisible(bool(message))
        self._help_button.setVisible(
            state is TimerState.FINISHED or (counting_up and timer.help_advice)
        )
        self._log_button.setVisible(self._log_offered and state is TimerState.FINISHED)

        self._progress.setValue(round(timer.progress * 1000))
        self._render_steps(timer)
        self._render_buttons(timer)
        self._announce(timer)
        self._emit_status(timer)

    def _show_picture(self, picture: Picture | None) -> None:
        """The step's picture, large, in the theme's colours; drawn only once the tab is in
        view (so start-up never loads QtSvg for a tab nobody has opened)."""
        label = self._picture
        if picture is None:
            label.hide()
            label.setAccessibleName("")
            self._picture_key = ()
            return
        if not self.isVisible():
            return
        width = max(120, min(self.width() * 2 // 7, 26 * self.fontMetrics().horizontalAdvance("M")))
        from spasmguide.ui.pictures import picture_colours, picture_image

        key = (picture.name, width, picture_colours())
        if key != self._picture_key:
            self._picture_key = key
            screen = self.screen()
            scale = screen.devicePixelRatio() if screen is not None else 1.0
            image = picture_image(picture.name, width, scale=max(1.0, scale))
            if image is None:
                label.hide()
                return
            label.setPixmap(QPixmap.fromImage(image))
            label.setFixedSize(width, round(width * ASPECT))
        label.setAccessibleName(picture.alt)
        label.setToolTip(picture.alt)
        label.show()

    def _render_steps(self, timer: RoutineTimer) -> None:
        state = timer.state
        current = -1 if state is TimerState.IDLE else timer.index
        if state is TimerState.FINISHED:
            current = len(timer.runs)
        key = (id(timer), timer.runs, current)
        if state is TimerState.FINISHED:
            preview = ""
        else:
            nxt = timer.next_run if state is not TimerState.IDLE else timer.current
            preview = (
                self.tr("Next: %1").replace("%1", run_title(nxt)) if nxt is not None
                else self.tr("Next: the end of the routine")
            )
        self._next_preview.setText(preview)
        if key == self._list_key:
            return
        self._list_key = key
        self._steps.clear()
        for index, run in enumerate(timer.runs):
            item = QListWidgetItem(self._step_text(index, run, current))
            if index == current:
                item.setFont(self._scaled_font(self.TEXT_PT, bold=True))
            self._steps.addItem(item)
        self._fit_step_list()

    def _step_text(self, index: int, run: StepRun, current: int) -> str:
        text = f"{index + 1}. {run_title(run)}"
        if index == current:
            return "▶ " + self.tr("%1 (now)").replace("%1", text)
        if index == current + 1:
            return "   " + self.tr("%1 (next)").replace("%1", text)
        if index < current:
            return f"✓ {text}"
        return f"   {text}"

    def _render_buttons(self, timer: RoutineTimer) -> None:
        state = timer.state
        focus = QApplication.focusWidget()
        toggles = (self._start_button, self._pause_button, self._resume_button)
        had_focus = focus in toggles

        self._start_button.setVisible(state in (TimerState.IDLE, TimerState.FINISHED))
        self._start_button.setText(
            self.tr("Start again") if state is TimerState.FINISHED else self.tr("Start")
        )
        self._pause_button.setVisible(state in (TimerState.LEAD_IN, TimerState.RUNNING))
        self._resume_button.setVisible(state is TimerState.PAUSED)
        active = timer.is_active
        self._previous_button.setEnabled(active)
        self._next_button.setEnabled(active)
        self._reset_button.setEnabled(state is not TimerState.IDLE)
        for button in self._quick_buttons:
            button.setEnabled(not active)
            chosen = timer.adjusted_seconds if active else None
            if chosen is None and self._chosen_minutes is not None:
                chosen = self._chosen_minutes * 60
            if chosen is not None:
                button.setChecked(button.property("minutes") * 60 == chosen)
            # The choice shows by a tick as well as by shade, in every theme.
            tick = "✓ " if button.isChecked() else ""
            button.setText(tick + str(button.property("label")))

        # Keep keyboard focus on whichever of Start / Pause / Resume is now showing.
        if had_focus and isinstance(focus, QWidget) and not focus.isVisibleTo(self):
            for button in toggles:
                if button.isVisibleTo(self):
                    button.setFocus(Qt.FocusReason.OtherFocusReason)
                    break

    def _announce(self, timer: RoutineTimer) -> None:
        """Tell screen readers about a new step (not about every tick of the clock)."""
        key = (id(timer), timer.state is TimerState.FINISHED, timer.in_lead_in, timer.index)
        if key == self._announced:
            return
        self._announced = key
        run = timer.current
        if timer.state is TimerState.FINISHED:
            name, description = self.tr("Done"), self.done_message()
        elif timer.in_lead_in:
            name = self.tr("Get ready. First: %1").replace("%1", run_instruction(run))
            description = run.step.note
        else:
            name = (
                self.tr("Step %1 of %2: %3").replace("%3", run_instruction(run))
                .replace("%2", str(len(timer.runs))).replace("%1", str(timer.index + 1))
            )
            description = run.step.note
        self._instruction.setAccessibleName(name)
        self._instruction.setAccessibleDescription(description)
        try:
            for kind in (QAccessible.Event.NameChanged, QAccessible.Event.DescriptionChanged):
                QAccessible.updateAccessibility(QAccessibleEvent(self._instruction, kind))
        except Exception:  # never let an accessibility bridge problem stop the timer
            log.debug("could not post an accessibility event", exc_info=True)

    def _emit_status(self, timer: RoutineTimer) -> None:
        run = timer.current
        if not timer.is_active:
            text = ""
        elif timer.in_lead_in:
            count = max(1, math.ceil(timer.lead_in_remaining - 1e-6))
            text = self.tr("Timer · Get ready %1").replace("%1", str(count))
        else:
            if run.counts_up:
                shown = format_clock(timer.elapsed, counting_up=True)
            else:
                shown = format_clock(timer.remaining)
            text = (
                self.tr("Timer %1 paused · %2") if timer.state is TimerState.PAUSED
                else self.tr("Timer %1 · %2")
            ).replace("%2", step_label(run.step)).replace("%1", shown)
        if text != self._status:
            self._status = text
            self.status_changed.emit(text)
