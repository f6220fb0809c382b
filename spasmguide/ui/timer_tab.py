"""The Timer tab: guides a person through a stretch or compress routine, step by step."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QFont,
    QFontMetrics,
    QHideEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from spasmguide.core.clock import steady_clock
from spasmguide.core.routines import Routine
from spasmguide.core.timer import (
    EventKind,
    RoutineTimer,
    StepRun,
    TimerEvent,
    TimerState,
    expand_runs,
    format_clock,
)
from spasmguide.ui.appearance import give_ring_room

log = logging.getLogger(__name__)


class ChimeLike(Protocol):
    """What the tab needs from a chime (see :class:`spasmguide.ui.chime.Chime`)."""

    @property
    def available(self) -> bool: ...

    def play(self) -> bool: ...


DONE_MESSAGE = "Done. If the cramp has not eased, see When to get help."
NO_ROUTINES_MESSAGE = "There are no routines in this guide."

# A calm highlight for the step-change cue: noticeable, not alarming.
_CUE_STYLE = """
QFrame#timerCue { border: 3px solid transparent; border-radius: 12px; }
QFrame#timerCue[flash="true"] { background-color: #fff1c2; border-color: #d99a00; }
QFrame#timerGlance { border: 3px solid palette(mid); border-radius: 12px; }
QFrame#timerGlance[state="running"] { border: 3px solid palette(highlight); }
QFrame#timerGlance[state="paused"] { border: 3px dashed palette(text); }
QFrame#timerGlance[state="done"] { border: 3px solid palette(mid); }
"""


BASE_POINT_SIZE = 11.0
"""The text size the sizes below were chosen for; they grow and shrink with the app's text."""


def routine_total_text(routine: Routine) -> str:
    """How long a routine takes, in words: "about 2 min", "3 min 30 s", "until it eases"."""
    runs = expand_runs(routine)
    if any(run.seconds is None for run in runs):
        return "until the cramp eases"
    total = int(sum(run.seconds or 0 for run in runs))
    minutes, seconds = divmod(total, 60)
    if not minutes:
        return f"{seconds} s"
    return f"{minutes} min {seconds} s" if seconds else f"{minutes} min"


def routine_choice_text(routine: Routine) -> str:
    """The routine chooser's line: its title and how long it takes."""
    return f"{routine.title} ({routine_total_text(routine)})"


class FlowRow(QWidget):
    """Buttons in one row when they fit, otherwise in as many rows as they need.

    Hidden buttons take no room, so Start/Pause and the rest never get cut off.
    """

    SPACING = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._buttons: list[QWidget] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(self.SPACING)
        self._columns = 0

    def add(self, button: QWidget) -> None:
        button.setParent(self)  # a child from the start, never a window of its own
        self._buttons.append(button)
        button.installEventFilter(self)
        self.arrange()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent,
                            QEvent.Type.FontChange):
            QTimer.singleShot(0, self, self.arrange)
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()

    @Slot()
    def arrange(self) -> None:
        shown = [b for b in self._buttons if not b.isHidden()]
        if not shown:
            return
        widest = max(b.sizeHint().width() for b in shown)
        width = max(1, self.width())
        columns = max(1, min(len(shown), (width + self.SPACING) // (widest + self.SPACING)))
        key = (columns, tuple(id(b) for b in shown))
        if key == self._columns:
            return
        self._columns = key  # type: ignore[assignment]
        for button in self._buttons:
            self._grid.removeWidget(button)
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 0)
        for place, button in enumerate(shown):
            self._grid.addWidget(button, place // columns, place % columns)
        for column in range(columns):
            self._grid.setColumnStretch(column, 1)
        self.updateGeometry()


class TimerTab(QWidget):
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
    """

    status_changed = Signal(str)
    help_requested = Signal()

    VISIBLE_REPAINT_MS = 100
    HIDDEN_REPAINT_MS = 1000
    FLASH_MS = 800
    # Longer waits are split up, so a very long step never overflows a QTimer interval.
    MAX_WAIT_MS = 60_000

    COUNTDOWN_PT = 60
    INSTRUCTION_PT = 22
    PHASE_PT = 18
    TEXT_PT = 15
    BUTTON_PT = 16
    BUTTON_MIN_HEIGHT = 56

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

    def _build(self) -> None:
        self.setStyleSheet(_CUE_STYLE)
        # Everything but the buttons scrolls, so large text reflows instead of being clipped,
        # and Start, Pause and Reset stay in view.
        page = QWidget()
        page.setObjectName("timerPage")
        outer = QVBoxLayout(page)
        outer.setSpacing(12)
        outer.setContentsMargins(0, 0, 0, 0)

        chooser_row = QHBoxLayout()
        chooser_label = QLabel("Routine:")
        self._set_font(chooser_label, self.TEXT_PT, bold=True)
        self._chooser = QComboBox()
        self._chooser.setAccessibleName("Routine")
        self._set_font(self._chooser, self.TEXT_PT)
        self._chooser.setMinimumHeight(44)
        self._chooser.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for routine in self._routines:
            self._chooser.addItem(routine_choice_text(routine), routine.id)
        chooser_label.setBuddy(self._chooser)
        chooser_row.addWidget(chooser_label)
        chooser_row.addWidget(self._chooser, 1)
        outer.addLayout(chooser_row)

        self._summary = QLabel()
        self._summary.setWordWrap(True)
        self._set_font(self._summary, self.TEXT_PT)
        outer.addWidget(self._summary)

        self._quick_row = QWidget()
        quick_layout = QHBoxLayout(self._quick_row)
        quick_layout.setContentsMargins(0, 0, 0, 0)
        self._quick_label = QLabel()
        self._set_font(self._quick_label, self.TEXT_PT)
        quick_layout.addWidget(self._quick_label)
        self._quick_buttons: list[QPushButton] = []
        self._quick_layout = quick_layout
        quick_layout.addStretch(1)
        outer.addWidget(self._quick_row)
        self._build_cramp_start_row(outer)

        middle = QHBoxLayout()
        self._cue = QFrame()
        self._cue.setObjectName("timerCue")
        self._cue.setProperty("flash", False)
        cue_layout = QVBoxLayout(self._cue)
        self._phase = QLabel()
        self._set_font(self._phase, self.PHASE_PT, bold=True)
        self._phase.setAccessibleName("Step")
        self._phase.setWordWrap(True)
        self._instruction = QLabel()
        self._instruction.setWordWrap(True)
        self._set_font(self._instruction, self.INSTRUCTION_PT)
        self._instruction.setMinimumHeight(90)
        self._instruction.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._countdown = QLabel()
        self._countdown.setAccessibleName("Time remaining")
        self._set_font(self._countdown, self.COUNTDOWN_PT, bold=True)
        self._countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._count_up_caption = QLabel("Time so far")
        self._set_font(self._count_up_caption, self.TEXT_PT)
        self._count_up_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._count_up_caption.hide()
        self._count_up = QLabel()
        self._count_up.setAccessibleName("Time so far")
        self._set_font(self._count_up, self.COUNTDOWN_PT, bold=True)
        self._count_up.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._count_up.hide()
        self._note = QLabel()
        self._note.setWordWrap(True)
        self._set_font(self._note, self.TEXT_PT)
        self._note.setAccessibleName("Safety note")
        self._message_label = QLabel()
        self._message_label.setWordWrap(True)
        self._set_font(self._message_label, self.PHASE_PT, bold=True)
        self._message_label.setAccessibleName("Message")
        self._help_button = QPushButton("When to get help")
        self._help_button.setAccessibleName("When to get help")
        self._set_font(self._help_button, self.TEXT_PT, bold=True)
        self._help_button.setMinimumHeight(48)
        self._help_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self._help_button.clicked.connect(self._on_help_button_clicked)
        self._help_button.hide()
        # The step's name and its time sit in a panel above the scrolling part (see below),
        # so they are on screen at every window and text size.
        for widget in (
            self._instruction,
            self._note,
            self._message_label,
            self._help_button,
        ):
            cue_layout.addWidget(widget)
        cue_layout.addStretch(1)
        middle.addWidget(self._cue, 3)

        side = QVBoxLayout()
        steps_label = QLabel("Steps")
        self._set_font(steps_label, self.TEXT_PT, bold=True)
        self._steps = QListWidget()
        self._steps.setAccessibleName("Steps")
        give_ring_room(self._steps)
        self._set_font(self._steps, self.TEXT_PT)
        self._steps.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self._steps.setWordWrap(True)
        self._next_preview = QLabel()
        self._next_preview.setWordWrap(True)
        self._set_font(self._next_preview, self.TEXT_PT)
        self._next_preview.setAccessibleName("Next step preview")
        side.addWidget(steps_label)
        side.addWidget(self._steps, 1)
        side.addWidget(self._next_preview)
        middle.addLayout(side, 2)
        outer.addLayout(middle, 1)

        self._progress = QProgressBar()
        self._progress.setAccessibleName("Routine progress")
        self._progress.setRange(0, 1000)
        self._progress.setTextVisible(True)
        self._progress.setFormat("%p% done")
        self._progress.setMinimumHeight(28)
        self._set_font(self._progress, self.TEXT_PT)

        self._glance = QFrame()
        self._glance.setObjectName("timerGlance")
        glance_layout = QVBoxLayout(self._glance)
        glance_layout.setContentsMargins(8, 4, 8, 4)
        glance_layout.setSpacing(0)
        for widget in (self._phase, self._countdown, self._count_up_caption, self._count_up):
            glance_layout.addWidget(widget)
        self._phase.setAlignment(Qt.AlignmentFlag.AlignCenter)

        buttons = FlowRow()
        buttons.setObjectName("timerButtons")
        self._button_row = buttons
        self._start_button = self._button("Start", self._on_start_button_clicked)
        self._pause_button = self._button("Pause", self._on_pause_button_clicked)
        self._resume_button = self._button("Resume", self._on_resume_button_clicked)
        self._previous_button = self._button("Previous step", self._on_previous_button_clicked)
        self._next_button = self._button("Next step", self._on_next_button_clicked)
        self._reset_button = self._button("Reset", self._on_reset_button_clicked)
        self._controls = (
            self._start_button,
            self._pause_button,
            self._resume_button,
            self._previous_button,
            self._next_button,
            self._reset_button,
        )
        for button in self._controls:
            buttons.add(button)
        self._scroll = QScrollArea()
        self._scroll.setObjectName("timerScroll")
        self._scroll.setAccessibleName("Timer routine")
        self._scroll.setWidget(page)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # What must be read at a glance (the step, its time, Start/Pause) never scrolls: only
        # the routine's details do, and there is one scroll area, never one inside another.
        root = QVBoxLayout(self)
        root.setSpacing(8)
        root.addWidget(self._glance)
        root.addWidget(self._scroll, 1)
        root.addWidget(self._progress)
        root.addWidget(buttons)
        self._fit_step_list()

        self._chooser.currentIndexChanged.connect(self._on_chooser_current_index_changed)

    CRAMP_START_MINUTES = (0, 2, 5)

    def _build_cramp_start_row(self, outer: QVBoxLayout) -> None:
        """One tap to say when the cramp began, so the advice at 10 minutes is on time."""
        self._cramp_row = QWidget()
        self._cramp_row.setObjectName("crampStartRow")
        row = QHBoxLayout(self._cramp_row)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("When did the cramp start?"))
        label.setWordWrap(True)
        self._set_font(label, self.TEXT_PT)
        row.addWidget(label)
        self._cramp_buttons: list[QPushButton] = []
        texts = {
            0: (self.tr("Just now"), self.tr("The cramp started just now")),
            2: (self.tr("2 minutes ago"), self.tr("The cramp started 2 minutes ago")),
            5: (self.tr("5 minutes ago"), self.tr("The cramp started 5 minutes ago")),
        }
        for minutes in self.CRAMP_START_MINUTES:
            text, name = texts[minutes]
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.setProperty("minutes", minutes)
            button.setProperty("label", text)
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.setChecked(minutes == 0)
            button.setMinimumHeight(48)
            self._set_font(button, self.TEXT_PT)
            button.clicked.connect(self._on_cramp_button_clicked)
            row.addWidget(button)
            self._cramp_buttons.append(button)
        row.addStretch(1)
        outer.addWidget(self._cramp_row)

    def cramp_start_buttons(self) -> list[QPushButton]:
        """The "when did the cramp start?" choices, as shown (for tests and the kiosk)."""
        return list(self._cramp_buttons)

    def set_cramp_began(self, minutes_ago: int) -> None:
        """Count the advice at 10 minutes from ``minutes_ago`` before now."""
        if self._timer is None:
            return
        self._timer.set_cramp_began(minutes_ago * 60)
        for button in self._cramp_buttons:
            button.setChecked(button.property("minutes") == minutes_ago)
        self.refresh()

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

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        self._set_font(button, self.BUTTON_PT, bold=True)
        button.setMinimumHeight(self.BUTTON_MIN_HEIGHT)
        button.setMinimumWidth(120)
        button.clicked.connect(slot)
        return button

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

    def _scaled_font(self, size: float, *, bold: bool = False) -> QFont:
        """A font ``size`` points at normal text size, scaled with the app's text size."""
        font = QFont(self.font())
        font.setPointSizeF(size * self.font().pointSizeF() / BASE_POINT_SIZE)
        font.setBold(bold)
        return font

    def _fit_glance(self) -> None:
        """Keep the countdown as big as the text size asks, but never taller than a fifth
        of the tab, so the step, the time and Start/Pause fit on a 600 px high screen."""
        wanted = self._scaled_font(self.COUNTDOWN_PT, bold=True)
        room = max(24, self.height() // 5)
        for clock in (self._countdown, self._count_up):
            font = QFont(wanted)
            if QFontMetrics(font).height() > room:
                font.setPixelSize(room * 4 // 5)
            clock.setFont(font)
        phase = self._scaled_font(self.PHASE_PT, bold=True)
        if QFontMetrics(phase).height() > max(20, self.height() // 10):
            phase.setPixelSize(max(16, self.height() // 14))
        self._phase.setFont(phase)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_glance()

    def _fit_step_list(self) -> None:
        """Show at least four steps whatever the text size."""
        self._steps.setMinimumHeight(self._steps.fontMetrics().height() * 5 + 12)

    def _set_font(self, widget: QWidget, size: float, *, bold: bool = False) -> None:
        """Give ``widget`` a scaled font, and remember it so text-size changes reach it."""
        # Quick-duration buttons are replaced when the routine changes: drop the old ones.
        self._sized = [e for e in self._sized if e[0] is not widget and isValid(e[0])]
        self._sized.append((widget, size, bold))
        widget.setFont(self._scaled_font(size, bold=bold))

    def changeEvent(self, event: QEvent) -> None:
        """Follow the app's text size: children with their own sizes are rescaled here."""
        super().changeEvent(event)
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

    def _build_quick_buttons(self, routine: Routine) -> None:
        for button in self._quick_buttons:
            self._quick_layout.removeWidget(button)
            button.deleteLater()
        self._quick_buttons = []
        adjustable = routine.adjustable_index
        if not routine.custom_minutes or adjustable is None:
            self._quick_row.hide()
            return
        step = routine.steps[adjustable]
        self._quick_label.setText(f"{step.short_label} for:")
        default = step.seconds // 60 if step.seconds else None
        self._chosen_minutes = None
        for position, minutes in enumerate(routine.custom_minutes):
            is_default = minutes == default
            text = f"{minutes} min (usual)" if is_default else f"{minutes} min"
            button = QPushButton(text)
            button.setAccessibleName(f"{minutes} minutes")
            button.setAccessibleDescription(
                f"Choose {minutes} minutes for {step.short_label.lower()}"
                + (", the usual time" if is_default else "")
                + ". Then press Start."
            )
            button.setProperty("minutes", minutes)
            button.setProperty("label", text)
            self._set_font(button, self.BUTTON_PT)
            button.setMinimumHeight(48)
            button.setMinimumWidth(96)
            button.setCheckable(True)
            button.setChecked(is_default)
            button.clicked.connect(self._on_quick_button_clicked)
            self._quick_layout.insertWidget(1 + position, button)
            self._quick_buttons.append(button)
        self._quick_row.show()

    def _check_cramp_button(self, minutes: int) -> None:
        for button in self._cramp_buttons:
            button.setChecked(button.property("minutes") == minutes)

    def _show_no_routines(self) -> None:
        self._cramp_row.hide()
        self._chooser.setEnabled(False)
        self._quick_row.hide()
        self._instruction.setText(NO_ROUTINES_MESSAGE)
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
            self._message = DONE_MESSAGE
        elif EventKind.HELP_ADVICE in kinds:
            self._message = self.help_message()
        elif EventKind.CHECKIN in kinds:
            self._message = self._timer.CHECKIN_MESSAGE
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
            self._phase.setText("Done")
            self._instruction.setText("You have finished the routine.")
            self._note.setText("")
        elif timer.in_lead_in:
            count = math.ceil(timer.lead_in_remaining - 1e-6)
            self._phase.setText(f"Get ready… {max(1, count)}")
            lead_in = str(max(1, count))
            self._instruction.setText(f"First: {run.instruction}")
            self._note.setText(run.step.note)
        else:
            paused = " (paused)" if state is TimerState.PAUSED else ""
            self._phase.setText(f"Step {number} of {len(runs)}: {run.title}{paused}")
            self._instruction.setText(run.instruction)
            self._note.setText(run.step.note)
        self._note.setVisible(bool(self._note.text()))

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

        self._progress.setValue(round(timer.progress * 1000))
        self._render_steps(timer)
        self._render_buttons(timer)
        self._announce(timer)
        self._emit_status(timer)

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
            preview = f"Next: {nxt.title}" if nxt is not None else "Next: the end of the routine"
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
        if 0 <= current < self._steps.count():
            self._steps.scrollToItem(self._steps.item(current))

    @staticmethod
    def _step_text(index: int, run: StepRun, current: int) -> str:
        text = f"{index + 1}. {run.title}"
        if index == current:
            return f"▶ {text} (now)"
        if index == current + 1:
            return f"   {text} (next)"
        if index < current:
            return f"✓ {text}"
        return f"   {text}"

    def _render_buttons(self, timer: RoutineTimer) -> None:
        state = timer.state
        focus = QApplication.focusWidget()
        toggles = (self._start_button, self._pause_button, self._resume_button)
        had_focus = focus in toggles

        self._start_button.setVisible(state in (TimerState.IDLE, TimerState.FINISHED))
        self._start_button.setText("Start again" if state is TimerState.FINISHED else "Start")
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
            name, description = "Done", DONE_MESSAGE
        elif timer.in_lead_in:
            name, description = f"Get ready. First: {run.instruction}", run.step.note
        else:
            name = f"Step {timer.index + 1} of {len(timer.runs)}: {run.instruction}"
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
            text = f"Timer · Get ready {count}"
        else:
            if run.counts_up:
                shown = format_clock(timer.elapsed, counting_up=True)
            else:
                shown = format_clock(timer.remaining)
            paused = " paused" if timer.state is TimerState.PAUSED else ""
            text = f"Timer {shown}{paused} · {run.step.short_label}"
        if text != self._status:
            self._status = text
            self.status_changed.emit(text)
