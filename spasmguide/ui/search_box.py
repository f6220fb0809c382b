"""The always-visible search field.

Kept apart from the results page so that the window's first frame needs only this small
widget; the index and the results page are made just after it (see ``spasmguide.app``).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QSizePolicy, QWidget

__all__ = ["SearchBox"]


class SearchBox(QLineEdit):
    """The always-visible search field; arrow keys, Enter and Esc drive the results.

    Signals:
        move_requested(int): Up (-1) or Down (+1) was pressed: move through the results.
        activate_requested(): Enter was pressed: open the selected or top result.
        escape_requested(): Esc was pressed.
    """

    move_requested = Signal(int)
    activate_requested = Signal()
    escape_requested = Signal()

    def __init__(self, examples: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search-box")
        self.setAccessibleName(self.tr("Search"))
        self.setAccessibleDescription(self.tr(
            "Search the guide. Results appear below as you type; "
            "use the arrow keys to move and Enter to open one."
        ))
        shown = ", ".join(examples[:2])
        self.setPlaceholderText(
            self.tr("Search: %1…").replace("%1", shown) if shown
            else self.tr("Search the guide")
        )
        self.setClearButtonEnabled(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._on_self_text_changed)

    def sizeHint(self) -> QSize:
        """Room for about twelve letters; the toolbar gives the box any space left over.

        QLineEdit asks for far more, which with large text pushed other toolbar controls
        into the overflow menu.
        """
        hint = super().sizeHint()
        return QSize(self.minimumSizeHint().width(), hint.height())

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        hint = super().minimumSizeHint()
        return QSize(metrics.horizontalAdvance("x") * 12 + 40, hint.height())

    @Slot(str)
    def _on_self_text_changed(self, text: str) -> None:
        # The clear button calls clear(), which keeps the old text in the undo history.
        # In kiosk mode Ctrl+Z would then bring back the previous person's search.
        if not text and self.isUndoAvailable():
            self.setText("")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Up:
            self.move_requested.emit(-1)
        elif key == Qt.Key.Key_Down:
            self.move_requested.emit(1)
        elif key == Qt.Key.Key_PageUp:
            self.move_requested.emit(-5)
        elif key == Qt.Key.Key_PageDown:
            self.move_requested.emit(5)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activate_requested.emit()
        elif key == Qt.Key.Key_Escape:
            self.escape_requested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
