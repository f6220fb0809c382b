"""The "Log a cramp" form: a few taps, only "when" needed, nothing lost if saving fails."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import QDateTime, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QDateTimeEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from spasmguide.core.diary import (
    ACTIVITIES,
    LEGS,
    PLACES,
    DiaryError,
    DiaryStore,
    Entry,
    EntryError,
    HelpHint,
    TreatmentChoice,
    help_hint,
)
from spasmguide.core.diary.model import SEVERITY_MAX
from spasmguide.ui.diary.words import activity_name, leg_choice, place_name, reason_text

TOUCH_PX = 44


def name_controls(root: QWidget) -> None:
    """Give every button and the text field inside every spin box a name screen readers say
    (a button's own text; a spin box's name), where none was set."""
    for button in root.findChildren(QAbstractButton):
        if not button.accessibleName() and button.text():
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
    for spin in root.findChildren(QAbstractSpinBox):
        edit = spin.findChild(QLineEdit)
        if edit is not None and not edit.accessibleName():
            edit.setAccessibleName(spin.accessibleName())


class ChoiceRow(QWidget):
    """Buttons for one choice: at most one pressed, pressing it again clears the choice.

    Signals:
        value_changed(str): the chosen value, or "" when none.
    """

    value_changed = Signal(str)

    def __init__(
        self, name: str, choices: Sequence[tuple[str, str]], columns: int = 6,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for index, (value, text) in enumerate(choices):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setMinimumHeight(TOUCH_PX)
            button.setMinimumWidth(TOUCH_PX)
            button.setAccessibleName(f"{name}: {text}")
            button.clicked.connect(lambda _on=False, v=value: self._on_button_clicked(v))
            grid.addWidget(button, index // columns, index % columns)
            self.buttons[value] = button

    def value(self) -> str:
        """The chosen value, or ""."""
        return next((v for v, b in self.buttons.items() if b.isChecked()), "")

    def set_value(self, value: str) -> None:
        """Choose ``value`` ("" or an unknown value clears the choice)."""
        for v, button in self.buttons.items():
            button.setChecked(v == value)

    def _on_button_clicked(self, value: str) -> None:
        chosen = value if self.buttons[value].isChecked() else ""
        self.set_value(chosen)
        self.value_changed.emit(chosen)


class HelpPanel(QFrame):
    """The calm word about help an entry calls for, with a way to the advice.

    Signals:
        help_requested(): "When to get help" was pressed.
    """

    help_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diary-help")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel()
        bold = QFont()
        bold.setBold(True)
        self.heading.setFont(bold)
        self.heading.setWordWrap(True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("When to get help"))
        self.button.setMinimumHeight(TOUCH_PX)
        self.button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.button.clicked.connect(self.help_requested)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addWidget(self.button)
        self.level = ""
        self.hide()

    def show_hint(self, hint: HelpHint | None) -> None:
        """Show the words for ``hint``, or hide when there is none."""
        self.level = hint.level if hint else ""
        if hint is None:
            self.hide()
            return
        if hint.level == "urgent":
            self.heading.setText(self.tr("Urgent: a cramp longer than 10 minutes"))
            self.text.setText(self.tr(
                "A cramp that lasts longer than 10 minutes needs urgent medical help. If it "
                "is still going, call your doctor, an urgent care service or your local "
                "emergency number."
            ))
        else:
            self.heading.setText(self.tr("See a doctor: swelling or redness"))
            self.text.setText(self.tr(
                "A leg that looks swollen or red should be checked by a doctor. Book an "
                "appointment with your doctor soon."
            ))
        self.setAccessibleName(self.heading.text())
        self.setAccessibleDescription(self.text.text())
        self.show()


class DiaryForm(QWidget):
    """Log a new cramp or change one. Only "when" is needed; everything else may stay empty.

    Saving goes straight to the store in one transaction. If the disk refuses, the message
    says why and every field keeps what was typed, so the person can try again.

    Signals:
        saved(object): the entry as stored.
        cancelled(): the person left the form without saving.
        help_requested(): "When to get help" was pressed.
    """

    saved = Signal(object)
    cancelled = Signal()
    help_requested = Signal()

    def __init__(
        self,
        store: DiaryStore,
        treatments: Sequence[TreatmentChoice],
        now: Callable[[], datetime] = lambda: datetime.now().astimezone(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("diary-form")
        self._store = store
        self._now = now
        self._editing: Entry | None = None
        self._zone: tzinfo | None = None
        self._build(treatments)
        self.start_new()

    # -- building

    def _build(self, treatments: Sequence[TreatmentChoice]) -> None:
        page = QWidget()
        form = QVBoxLayout(page)
        form.setSpacing(10)
        self.title = QLabel()
        title_font = QFont()
        title_font.setBold(True)
        title_font.setPointSizeF(self.font().pointSizeF() * 1.4)
        self.title.setFont(title_font)
        form.addWidget(self.title)

        form.addWidget(self._label(self.tr("When did it start?")))
        quick = QHBoxLayout()
        self.now_button = self._quick(self.tr("Just now"), quick, self._on_now_clicked)
        self.earlier_button = self._quick(
            self.tr("Earlier today"), quick, self._on_earlier_clicked
        )
        self.last_night_button = self._quick(
            self.tr("Last night"), quick, self._on_last_night_clicked
        )
        self.when_edit = QDateTimeEdit()
        self.when_edit.setAccessibleName(self.tr("Date and time the cramp started"))
        self.when_edit.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setMinimumHeight(TOUCH_PX)
        quick.addWidget(self.when_edit, 1)
        form.addLayout(quick)

        self.leg = ChoiceRow(self.tr("Which leg"), [(v, leg_choice(v)) for v in LEGS])
        self.place = ChoiceRow(self.tr("Where"), [(v, place_name(v)) for v in PLACES])
        for label, row in ((self.tr("Which leg?"), self.leg), (self.tr("Where?"), self.place)):
            form.addWidget(self._label(label))
            form.addWidget(row)

        form.addWidget(self._label(self.tr("How long did it last? (leave at 0 if unsure)")))
        length = QHBoxLayout()
        self.minutes = self._spin(self.tr("Minutes"), 0, 24 * 60 - 1, self.tr(" min"))
        self.seconds = self._spin(self.tr("Seconds"), 0, 59, self.tr(" s"))
        length.addWidget(self.minutes)
        length.addWidget(self.seconds)
        self.from_timer = QLabel()
        self.from_timer.setWordWrap(True)
        length.addWidget(self.from_timer, 1)
        form.addLayout(length)

        form.addWidget(self._label(self.tr("How bad was it? (0 is no pain, 10 is the worst)")))
        self.severity = ChoiceRow(
            self.tr("How bad"), [(str(n), str(n)) for n in range(SEVERITY_MAX + 1)], columns=11
        )
        form.addWidget(self.severity)

        form.addWidget(self._label(self.tr("What was happening?")))
        self.activity = ChoiceRow(
            self.tr("What was happening"), [(v, activity_name(v)) for v in ACTIVITIES]
        )
        form.addWidget(self.activity)

        form.addWidget(self._label(self.tr("What helped?")))
        self.treatments: dict[str, QCheckBox] = {}
        ticks = QGridLayout()
        for index, choice in enumerate(treatments):
            box = QCheckBox(choice.title)
            box.setMinimumHeight(32)
            ticks.addWidget(box, index // 2, index % 2)
            self.treatments[choice.id] = box
        form.addLayout(ticks)
        self.helped_other = QLineEdit()
        self.helped_other.setPlaceholderText(self.tr("Something else that helped"))
        self.helped_other.setAccessibleName(self.tr("Something else that helped"))
        self.helped_other.setMinimumHeight(TOUCH_PX)
        form.addWidget(self.helped_other)

        form.addWidget(self._label(self.tr("Note")))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Anything else: medicines, how you slept, …"))
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 16)
        form.addWidget(self.note)
        form.addStretch(1)

        scroll = QScrollArea()
        scroll.setObjectName("diary-form-scroll")
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll = scroll

        self.help_panel = HelpPanel()
        self.help_panel.help_requested.connect(self.help_requested)
        self.error = QLabel()
        self.error.setObjectName("diary-error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setAccessibleName(self.tr("Problem saving"))
        self.error.hide()
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        for button in (self.save_button, self.cancel_button):
            button.setMinimumHeight(48)
            button.setMinimumWidth(120)
        bold = QFont()
        bold.setBold(True)
        self.save_button.setFont(bold)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)

        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addWidget(scroll, 1)
        root.addWidget(self.help_panel)
        root.addWidget(self.error)
        root.addLayout(buttons)

        name_controls(self)
        self.minutes.valueChanged.connect(self._update_hint)
        self.seconds.valueChanged.connect(self._update_hint)
        self.note.textChanged.connect(self._update_hint)
        self.helped_other.textChanged.connect(self._update_hint)

    def _label(self, text: str) -> QLabel:
        label = QLabel(text)
        bold = QFont()
        bold.setBold(True)
        label.setFont(bold)
        label.setWordWrap(True)
        return label

    def _quick(self, text: str, row: QHBoxLayout, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(TOUCH_PX)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def _spin(self, name: str, low: int, high: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        spin.setAccessibleName(name)
        spin.setMinimumHeight(TOUCH_PX)
        spin.setMinimumWidth(110)
        return spin

    # -- filling in

    def start_new(self, duration_s: int | None = None) -> None:
        """Empty the form for a new cramp that started now (``duration_s`` from the timer)."""
        self._editing = None
        self._zone = None
        self.title.setText(self.tr("Log a cramp"))
        self._set_when(self._now())
        for row in (self.leg, self.place, self.severity, self.activity):
            row.set_value("")
        self._set_duration(duration_s)
        self.from_timer.setText(
            self.tr("Filled in from the timer. Change it if the cramp itself was shorter.")
            if duration_s else ""
        )
        for box in self.treatments.values():
            box.setChecked(False)
        self.helped_other.clear()
        self.note.clear()
        self.error.hide()
        self.scroll.verticalScrollBar().setValue(0)
        self._update_hint()

    def edit(self, entry: Entry) -> None:
        """Fill the form with an entry to change it."""
        self.start_new()
        self._editing = entry
        self._zone = entry.when.tzinfo
        self.title.setText(self.tr("Change this entry"))
        self._set_when(entry.when)
        self.leg.set_value(entry.leg)
        self.place.set_value(entry.place)
        self.severity.set_value("" if entry.severity is None else str(entry.severity))
        self.activity.set_value(entry.activity)
        self._set_duration(entry.duration_s)
        for treatment, box in self.treatments.items():
            box.setChecked(treatment in entry.helped)
        self.helped_other.setText(entry.helped_other)
        self.note.setPlainText(entry.note)
        self._update_hint()

    def _set_when(self, when: datetime) -> None:
        self.when_edit.setDateTime(QDateTime(when.replace(tzinfo=None)))

    def _set_duration(self, seconds: int | None) -> None:
        minutes, rest = divmod(int(seconds or 0), 60)
        self.minutes.setValue(min(minutes, self.minutes.maximum()))
        self.seconds.setValue(rest)

    def when(self) -> datetime:
        """The start time shown, with its time-zone offset."""
        naive = self.when_edit.dateTime().toPython().replace(second=0, microsecond=0)
        if self._zone is not None:
            return naive.replace(tzinfo=self._zone)
        zone = self._now().tzinfo
        return naive.replace(tzinfo=zone) if zone is not None else naive.astimezone()

    def entry(self) -> Entry:
        """What the form holds, as an entry (not yet checked)."""
        seconds = self.minutes.value() * 60 + self.seconds.value()
        severity = self.severity.value()
        helped = tuple(t for t, box in self.treatments.items() if box.isChecked())
        if self._editing is not None:  # keep ticks of treatments this pack no longer has
            helped += tuple(t for t in self._editing.helped if t not in self.treatments)
        return Entry(
            when=self.when(),
            leg=self.leg.value(),
            place=self.place.value(),
            duration_s=seconds or None,
            severity=int(severity) if severity else None,
            activity=self.activity.value(),
            helped=helped,
            helped_other=self.helped_other.text(),
            note=self.note.toPlainText(),
            id=self._editing.id if self._editing else "",
        )

    # -- actions

    @Slot()
    def save(self) -> Entry | None:
        """Save what the form holds; on failure say why and keep every field as it is."""
        entry = self.entry()
        try:
            stored = self._store.save(entry)
        except EntryError as exc:
            self._show_error(self._entry_problem(exc))
            return None
        except DiaryError as exc:
            self._show_error(reason_text(exc.reason))
            return None
        self.error.hide()
        self._editing = replace(stored)
        self.saved.emit(stored)
        return stored

    def _entry_problem(self, exc: EntryError) -> str:
        if exc.field == "when":
            return self.tr("Choose when the cramp started.")
        if exc.problem == "too-long":
            return self.tr("The note is too long; keep it under 4000 characters.")
        return self.tr("One of the answers could not be saved; check it and try again.")

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _on_now_clicked(self) -> None:
        self._set_when(self._now())

    def _on_earlier_clicked(self) -> None:
        now = self._now()
        earlier = max(now - timedelta(hours=1), now.replace(hour=0, minute=0))
        self._set_when(earlier)
        self.when_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_last_night_clicked(self) -> None:
        now = self._now()
        night = now.replace(hour=3, minute=0, second=0, microsecond=0)
        if now.hour < 3:
            night -= timedelta(days=1)
        self._set_when(night)
        self.when_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_cancel_button_clicked(self) -> None:
        self.error.hide()
        self.cancelled.emit()

    def _update_hint(self) -> None:
        seconds = self.minutes.value() * 60 + self.seconds.value()
        probe = Entry(
            when=self._now(), duration_s=seconds or None,
            helped_other=self.helped_other.text(), note=self.note.toPlainText(),
        )
        self.help_panel.show_hint(help_hint(probe))
