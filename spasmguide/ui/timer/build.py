"""Making the Timer tab's widgets: the glance panel, the details that scroll, the controls."""


from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from spasmguide.core.routines import Routine
from spasmguide.ui.appearance import give_ring_room
from spasmguide.ui.plain import plain_label
from spasmguide.ui.timer.widgets import CUE_STYLE, FlowRow, routine_choice_text, step_label


class TimerBuild:
    """The Timer tab's widgets, made once (mixed into :class:`TimerTab`)."""

    def _build(self) -> None:
        self.setStyleSheet(CUE_STYLE)
        # The routine's details scroll (large text reflows instead of being clipped); the
        # step, its time and the controls are outside the scroll area and never move.
        page = QWidget()
        page.setObjectName("timerPage")
        outer = QVBoxLayout(page)
        outer.setSpacing(12)
        outer.setContentsMargins(0, 0, 0, 0)

        chooser_row = QHBoxLayout()
        chooser_label = QLabel(self.tr("Routine:"))
        self._set_font(chooser_label, self.TEXT_PT, bold=True)
        self._chooser = QComboBox()
        self._chooser.setAccessibleName(self.tr("Routine"))
        self._set_font(self._chooser, self.TEXT_PT)
        self._chooser.setMinimumHeight(44)
        self._chooser.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for routine in self._routines:
            self._chooser.addItem(routine_choice_text(routine), routine.id)
        chooser_label.setBuddy(self._chooser)
        chooser_row.addWidget(chooser_label)
        chooser_row.addWidget(self._chooser, 1)
        outer.addLayout(chooser_row)

        self._summary = plain_label(QLabel())  # text from the pack
        self._summary.setWordWrap(True)
        self._set_font(self._summary, self.TEXT_PT)
        outer.addWidget(self._summary)

        self._quick_row = QWidget()
        quick_layout = QHBoxLayout(self._quick_row)
        quick_layout.setContentsMargins(0, 0, 0, 0)
        self._quick_label = plain_label(QLabel())  # text from the pack
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
        self._phase = plain_label(QLabel())  # text from the pack
        self._set_font(self._phase, self.PHASE_PT, bold=True)
        self._phase.setAccessibleName(self.tr("Step"))
        self._phase.setWordWrap(True)
        self._instruction = plain_label(QLabel())  # text from the pack
        self._instruction.setWordWrap(True)
        self._set_font(self._instruction, self.INSTRUCTION_PT)
        self._instruction.setMinimumHeight(90)
        self._instruction.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The current step's picture, large, beside its instruction (none for most rests).
        self._picture = QLabel()
        self._picture.setObjectName("timerPicture")
        self._picture.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self._picture.hide()
        self._picture_key: tuple[object, ...] = ()
        self._countdown = QLabel()
        self._countdown.setAccessibleName(self.tr("Time remaining"))
        self._set_font(self._countdown, self.COUNTDOWN_PT, bold=True)
        self._countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._count_up_caption = QLabel(self.tr("Time so far"))
        self._set_font(self._count_up_caption, self.TEXT_PT)
        self._count_up_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._count_up_caption.hide()
        self._count_up = QLabel()
        self._count_up.setAccessibleName(self.tr("Time so far"))
        self._set_font(self._count_up, self.COUNTDOWN_PT, bold=True)
        self._count_up.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._count_up.hide()
        self._note = plain_label(QLabel())  # text from the pack
        self._note.setWordWrap(True)
        self._set_font(self._note, self.TEXT_PT)
        self._note.setAccessibleName(self.tr("Safety note"))
        self._message_label = plain_label(QLabel())  # text from the pack
        self._message_label.setWordWrap(True)
        self._set_font(self._message_label, self.PHASE_PT, bold=True)
        self._message_label.setAccessibleName(self.tr("Message"))
        self._help_button = QPushButton(self.tr("When to get help"))
        self._help_button.setAccessibleName(self._help_button.text())
        self._set_font(self._help_button, self.TEXT_PT, bold=True)
        self._help_button.setMinimumHeight(48)
        self._help_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self._help_button.clicked.connect(self._on_help_button_clicked)
        self._help_button.hide()
        # The diary's "Log this cramp" (desktop only: see offer_log_cramp).
        self._log_button = QPushButton(self.tr("Log this cramp in your diary"))
        self._log_button.setObjectName("timer-log-cramp")
        self._log_button.setAccessibleName(self._log_button.text())
        self._set_font(self._log_button, self.TEXT_PT)
        self._log_button.setMinimumHeight(48)
        self._log_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self._log_button.clicked.connect(self._on_log_button_clicked)
        self._log_button.hide()
        self._log_offered = False
        # The step's name and its time sit in a panel above the scrolling part (see below),
        # so they are on screen at every window and text size.
        step_row = QHBoxLayout()
        step_row.addWidget(self._picture, 0, Qt.AlignmentFlag.AlignTop)
        step_row.addWidget(self._instruction, 1)
        cue_layout.addLayout(step_row)
        for widget in (
            self._note,
            self._message_label,
            self._help_button,
            self._log_button,
        ):
            cue_layout.addWidget(widget)
        cue_layout.addStretch(1)
        middle.addWidget(self._cue, 3)

        side = QVBoxLayout()
        steps_label = QLabel(self.tr("Steps"))
        self._set_font(steps_label, self.TEXT_PT, bold=True)
        self._steps = QListWidget()
        self._steps.setAccessibleName(self.tr("Steps"))
        give_ring_room(self._steps)
        self._set_font(self._steps, self.TEXT_PT)
        self._steps.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self._steps.setWordWrap(True)
        # Every step is shown at full height: the page scrolls, never a list inside it.
        self._steps.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._next_preview = plain_label(QLabel())  # text from the pack
        self._next_preview.setWordWrap(True)
        self._set_font(self._next_preview, self.TEXT_PT)
        self._next_preview.setAccessibleName(self.tr("Next step preview"))
        side.addWidget(steps_label)
        side.addWidget(self._steps, 1)
        side.addWidget(self._next_preview)
        middle.addLayout(side, 2)
        outer.addLayout(middle, 1)

        self._progress = QProgressBar()
        self._progress.setAccessibleName(self.tr("Routine progress"))
        self._progress.setRange(0, 1000)
        self._progress.setTextVisible(True)
        self._progress.setFormat(self.tr("%p% done"))
        self._progress.setMinimumHeight(28)
        self._set_font(self._progress, self.TEXT_PT)

        self._glance = QFrame()
        self._glance.setObjectName("timerGlance")
        glance_layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self._glance)
        self._glance_layout = glance_layout
        glance_layout.setContentsMargins(8, 4, 8, 4)
        glance_layout.setSpacing(0)
        for widget in (self._phase, self._countdown, self._count_up_caption, self._count_up):
            glance_layout.addWidget(widget)
        self._phase.setAlignment(Qt.AlignmentFlag.AlignCenter)
        glance_layout.setStretchFactor(self._phase, 1)  # in one row, the words get the room

        buttons = FlowRow()
        buttons.setObjectName("timerButtons")
        self._button_row = buttons
        self._start_button = self._button(self.tr("Start"), self._on_start_button_clicked)
        self._pause_button = self._button(self.tr("Pause"), self._on_pause_button_clicked)
        self._resume_button = self._button(self.tr("Resume"), self._on_resume_button_clicked)
        self._previous_button = self._button(
            self.tr("Previous step"), self._on_previous_button_clicked
        )
        self._next_button = self._button(self.tr("Next step"), self._on_next_button_clicked)
        self._reset_button = self._button(self.tr("Reset"), self._on_reset_button_clicked)
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
        self._scroll.setAccessibleName(self.tr("Timer routine"))
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

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text)
        self._set_font(button, self.BUTTON_PT, bold=True)
        button.setMinimumHeight(self.BUTTON_MIN_HEIGHT)
        button.setMinimumWidth(120)
        button.clicked.connect(slot)
        return button

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
        self._quick_label.setText(self.tr("%1 for:").replace("%1", step_label(step)))
        default = step.seconds // 60 if step.seconds else None
        self._chosen_minutes = None
        for position, minutes in enumerate(routine.custom_minutes):
            is_default = minutes == default
            count = str(minutes)
            text = (self.tr("%1 min (usual)") if is_default else self.tr("%1 min")).replace(
                "%1", count
            )
            button = QPushButton(text)
            button.setAccessibleName(self.tr("%1 minutes").replace("%1", count))
            button.setAccessibleDescription(
                (
                    self.tr("Choose %1 minutes for %2, the usual time. Then press Start.")
                    if is_default
                    else self.tr("Choose %1 minutes for %2. Then press Start.")
                ).replace("%2", step_label(step).lower()).replace("%1", count)
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
