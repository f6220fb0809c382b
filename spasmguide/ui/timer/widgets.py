"""The timer's small parts: the chime protocol, its messages and styles, routine lengths in
words, and the row of buttons that flows onto more rows when narrow."""


from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QTimer, Slot
from PySide6.QtGui import (
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QWidget,
)

from spasmguide.core.routines import Routine, Step
from spasmguide.core.timer import (
    StepRun,
    expand_runs,
    format_seconds_short,
)


class ChimeLike(Protocol):
    """What the tab needs from a chime (see :class:`spasmguide.ui.chime.Chime`)."""

    @property
    def available(self) -> bool: ...

    def play(self) -> bool: ...


DONE_MESSAGE = QT_TRANSLATE_NOOP(
    "TimerTab", "Done. If the cramp has not eased, see When to get help."
)
NO_ROUTINES_MESSAGE = QT_TRANSLATE_NOOP("TimerTab", "There are no routines in this guide.")
CHECKIN_MESSAGE = QT_TRANSLATE_NOOP(
    "TimerTab", "Is it easing? When the twitching stops, press Next step."
)
REST_INSTRUCTION = QT_TRANSLATE_NOOP("TimerTab", "Rest. Let your leg relax and breathe slowly.")
KIND_LABELS = {
    "stretch": QT_TRANSLATE_NOOP("TimerTab", "Stretch"),
    "compress": QT_TRANSLATE_NOOP("TimerTab", "Compress"),
    "compress-cold": QT_TRANSLATE_NOOP("TimerTab", "Cold compress"),
    "compress-warm": QT_TRANSLATE_NOOP("TimerTab", "Warm compress"),
    "rest": QT_TRANSLATE_NOOP("TimerTab", "Rest"),
    "other": QT_TRANSLATE_NOOP("TimerTab", "Step"),
}
"""The timer's own words (English here; ``TimerTab`` shows them in the reader's language):
its messages, the core timer's ``CHECKIN_MESSAGE`` and rest between repeats, and the names
of the kinds of step (for a step the pack gives no label)."""


def step_label(step: Step) -> str:
    """A step's short name: the pack's label, else the name of its kind, translated."""
    if step.label:
        return step.label
    return QCoreApplication.translate("TimerTab", KIND_LABELS.get(step.kind, "Step"))


def run_title(run: StepRun) -> str:
    """A run's short title, translated: "Hold stretch 20 s — 2 of 3", "Rest 10 s"."""
    title = step_label(run.step)
    if run.seconds is not None:
        title = f"{title} {format_seconds_short(run.seconds)}"
    if run.repeats > 1 and not run.between_repeats:
        title = QCoreApplication.translate("TimerTab", "%1 — %2 of %3").replace(
            "%3", str(run.repeats)
        ).replace("%2", str(run.repeat)).replace("%1", title)
    return title


def run_instruction(run: StepRun) -> str:
    """What to do in a run: the pack's words, or the timer's own for a rest between repeats."""
    if run.between_repeats:
        return QCoreApplication.translate("TimerTab", REST_INSTRUCTION)
    return run.instruction

# A calm highlight for the step-change cue: noticeable, not alarming.
CUE_STYLE = """
QFrame#timerCue { border: 3px solid transparent; border-radius: 12px; }
QFrame#timerCue[flash="true"] { border-color: palette(highlight); }
QFrame#timerGlance { border: 3px solid palette(mid); border-radius: 12px; }
QFrame#timerGlance[state="running"] { border: 3px solid palette(highlight); }
QFrame#timerGlance[state="paused"] { border: 3px dashed palette(text); }
QFrame#timerGlance[state="done"] { border: 3px solid palette(mid); }
"""


BASE_POINT_SIZE = 14.0
"""The text size the sizes below were chosen for; they grow and shrink with the app's text."""


def routine_total_text(routine: Routine) -> str:
    """How long a routine takes, in words: "about 2 min", "3 min 30 s", "until it eases"."""
    runs = expand_runs(routine)
    if any(run.seconds is None for run in runs):
        return QCoreApplication.translate("TimerTab", "until the cramp eases")
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
