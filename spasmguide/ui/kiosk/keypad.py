"""An on-screen keypad for the search box, docked along the bottom of the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

__all__ = ["Keypad"]


class Keypad(QFrame):
    """An on-screen keypad for the search box, docked along the bottom of the window.

    It types into the box with ordinary key events, so the box behaves as if typed on.
    The keys never take focus, so the box keeps it.

    Signals:
        shown_changed(bool): the keypad appeared (True) or went (False); the window makes
            room for it so the results stay above it.
    """

    shown_changed = Signal(bool)

    ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
    """The letter rows of an English keyboard; a translation gives its language's own
    (``rows()``), so Spanish has its ñ."""
    KEY_HEIGHT = 52  # above the 48 px touch minimum, low enough to leave room for results

    def __init__(self, window: QWidget, box: QLineEdit) -> None:
        super().__init__(window)
        self.setObjectName("kiosk-keypad")
        self.setAccessibleName(self.tr("On-screen keypad"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.box = box
        self.keys: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(0)
        rows = self.rows()
        for index, letters in enumerate(rows):
            row = QHBoxLayout()
            row.setSpacing(0)
            row.addStretch(1)
            for letter in letters:
                row.addWidget(self._key(
                    letter.upper(), self.tr("Letter %1").replace("%1", letter.upper()),
                    lambda _=False, c=letter: self.type_text(c), letter,
                ))
            if index == len(rows) - 1:
                row.addWidget(self._key(
                    self.tr("⌫ Back"), self.tr("Backspace"), self.backspace, "backspace"
                ))
            row.addStretch(1)
            layout.addLayout(row)
        bottom = QHBoxLayout()
        bottom.setSpacing(0)
        bottom.addStretch(1)
        bottom.addWidget(self._key(
            self.tr("Clear"), self.tr("Clear the search"), self.clear_text, "clear"
        ))
        space = self._key(self.tr("Space"), self.tr("Space"), lambda: self.type_text(" "), "space")
        space.setObjectName("kiosk-space")
        bottom.addWidget(space)
        bottom.addWidget(self._key(self.tr("Hide keys"), self.tr("Hide the keypad"), self.hide,
                                   "hide"))
        bottom.addStretch(1)
        layout.addLayout(bottom)
        self.hide()

    def rows(self) -> tuple[str, ...]:
        """The letter rows in the interface language (rows apart by "|"); English's when a
        translation gives none that can be typed."""
        # A translation adds the letters its language needs (Spanish: ñ), in lower case,
        # at most 11 to a row; the comment below is shown to whoever translates it.
        #: The on-screen keypad's letter rows, lower case, rows apart by "|".
        text = self.tr("qwertyuiop|asdfghjkl|zxcvbnm")
        rows = tuple(row for row in text.split("|") if row)
        if not rows or any(len(row) > 11 or not row.isalpha() or not row.islower()
                           for row in rows):
            return self.ROWS
        return rows

    def _key(self, label: str, name: str, slot: Callable[[], None], key_id: str) -> QPushButton:
        button = QPushButton(label)
        button.setAccessibleName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumSize(88 if len(label) == 1 else 140, self.KEY_HEIGHT)
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        button.setAutoRepeat(key_id == "backspace")
        button.clicked.connect(slot)
        self.keys[key_id] = button
        return button

    def open(self) -> None:
        """Show along the bottom edge of the window, above everything else."""
        self.place()
        self.show()
        self.raise_()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown_changed.emit(True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.shown_changed.emit(False)

    def place(self) -> None:
        """Keep to the bottom edge (after a resize)."""
        parent = self.parentWidget()
        if parent is None:
            return
        height = self.sizeHint().height()
        self.setGeometry(0, parent.height() - height, parent.width(), height)

    def _send(self, key: Qt.Key, text: str = "") -> None:
        self.box.setFocus(Qt.FocusReason.OtherFocusReason)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                self.box, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
            )

    def type_text(self, text: str) -> None:
        """Type ``text`` into the box, as a keyboard would."""
        for char in text:
            key = Qt.Key.Key_Space if char == " " else Qt.Key(ord(char.upper()))
            self._send(key, char)

    @Slot()
    def backspace(self) -> None:
        """Delete the character before the cursor."""
        self._send(Qt.Key.Key_Backspace)

    @Slot()
    def clear_text(self) -> None:
        """Empty the box."""
        self.box.selectAll()
        self._send(Qt.Key.Key_Backspace)


