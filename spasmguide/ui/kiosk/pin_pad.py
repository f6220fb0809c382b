"""The staff exit: a PIN pad inside the window. The digits live only in its memory."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spasmguide.ui.kiosk.overlays import Cover, centred

__all__ = ["PinPad", "StaffCorner"]


class StaffCorner(QWidget):
    """The blank bottom-right corner where staff tap five times to open the PIN pad.

    It is no control: it takes no focus, shows nothing and sits apart from every button.
    """

    SIZE = 64

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk-staff-corner")
        self.setFixedSize(self.SIZE, self.SIZE)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)


class PinPad(Cover):
    """The staff exit: an in-window PIN pad. The digits live only in this object's memory.

    Signals:
        pin_entered(str): OK was pressed with these digits.
        cancelled(): Cancel was pressed.
    """

    pin_entered = Signal(str)
    cancelled = Signal()

    MAX_DIGITS = 12

    def __init__(self, window: QWidget) -> None:
        super().__init__(window, "kiosk-pin")
        self.setAccessibleName(self.tr("Staff exit"))
        self._digits = ""
        title = QLabel(self.tr("Staff exit"))
        title.setObjectName("kiosk-title")
        self.display = QLabel()
        self.display.setAccessibleName(self.tr("PIN entered"))
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setMinimumWidth(240)
        self.message = QLabel(self.tr("Enter the staff PIN."))
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        grid_holder = QWidget()
        grid = QGridLayout(grid_holder)
        grid.setSpacing(8)
        self.digit_buttons: list[QPushButton] = []
        for number, (row, column) in zip(
            "1234567890", [(r, c) for r in range(3) for c in range(3)] + [(3, 1)], strict=True
        ):
            button = QPushButton(number)
            button.setAccessibleName(self.tr("Digit %1").replace("%1", number))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, d=number: self.add_digit(d))
            grid.addWidget(button, row, column)
            self.digit_buttons.append(button)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete last digit"))
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.ok_button = QPushButton(self.tr("OK"))
        self.ok_button.setAccessibleName(self.tr("Check PIN"))
        self.ok_button.clicked.connect(self._on_ok_button_clicked)
        grid.addWidget(self.delete_button, 3, 0)
        grid.addWidget(self.ok_button, 3, 2)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel staff exit"))
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        # Words on the left, keys on the right: short enough for a 600 px high screen.
        frame = QFrame()
        frame.setObjectName("kiosk-panel")
        frame.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        words = QVBoxLayout()
        words.setSpacing(16)
        for widget in (title, self.display):
            words.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        # The whole column's width, so a longer message wraps onto lines it has room for.
        words.addWidget(self.message)
        words.addStretch(1)
        words.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout(frame)
        row.setContentsMargins(32, 24, 32, 24)
        row.setSpacing(32)
        row.addLayout(words)
        row.addWidget(grid_holder)
        centred(self, frame)
        self._show_digits()

    def digit_count(self) -> int:
        """How many digits are entered (the digits themselves are never exposed)."""
        return len(self._digits)

    def add_digit(self, digit: str) -> None:
        """Append one digit (a pad key)."""
        if digit.isdigit() and len(self._digits) < self.MAX_DIGITS:
            self._digits += digit
            self._show_digits()

    def clear(self) -> None:
        """Forget the digits."""
        self._digits = ""
        self._show_digits()

    def set_locked(self, seconds: float) -> None:
        """Disable the keys while locked out and say for how long."""
        locked = seconds > 0
        for button in [*self.digit_buttons, self.ok_button, self.delete_button]:
            button.setEnabled(not locked)
        if locked:
            self.message.setText(
                self.tr("Too many wrong PINs. Try again in %1 s.").replace(
                    "%1", str(math.ceil(seconds))
                )
            )

    def _show_digits(self) -> None:
        self.display.setText("●" * len(self._digits) if self._digits else "–")

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        self._digits = self._digits[:-1]
        self._show_digits()

    @Slot()
    def _on_ok_button_clicked(self) -> None:
        digits, self._digits = self._digits, ""
        self._show_digits()
        self.pin_entered.emit(digits)

    @Slot()
    def _on_cancel_button_clicked(self) -> None:
        self.clear()
        self.cancelled.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit():
            self.add_digit(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self._on_delete_button_clicked()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_ok_button_clicked()
        elif event.key() == Qt.Key.Key_Escape:
            self._on_cancel_button_clicked()
        event.accept()


