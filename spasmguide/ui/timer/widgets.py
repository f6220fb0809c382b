"""The timer's small parts: the chime protocol, its messages and styles, routine lengths in
words, and the row of buttons that flows onto more rows when narrow."""


from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtGui import (
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QWidget,
)

from spasmguide.core.routines import Routine
from spasmguide.core.timer import (
    expand_runs,
)


class ChimeLike(Protocol):
    """What the tab needs from a chime (see :class:`spasmguide.ui.chime.Chime`)."""

    @property
    def available(self) -> bool: ...

    def play(self) -> bool: ...


DONE_MESSAGE = "Done. If the cramp has not eased, see When to get help."
NO_ROUTINES_MESSAGE = "There are no routines in this guide."

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
