"""The kiosk's full-window overlays: "Still there?" and the attract screen between visitors.

Each is a child of the main window that covers all of it, never a new window.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

__all__ = ["AttractOverlay", "Cover", "WarningOverlay", "centred", "panel"]


class Cover(QFrame):
    """An overlay that is a child of the main window and covers all of it."""

    def __init__(self, window: QWidget, name: str) -> None:
        super().__init__(window)
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(False)
        self.hide()

    def cover(self) -> None:
        """Fill the parent window and sit on top."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()

    def open(self) -> None:
        """Show over everything."""
        self.cover()
        self.show()


def panel(*widgets: QWidget) -> QFrame:
    """A rounded panel holding ``widgets`` one under another, centred."""
    frame = QFrame()
    frame.setObjectName("kiosk-panel")
    frame.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(48, 40, 48, 40)
    layout.setSpacing(24)
    for widget in widgets:
        layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
    return frame


def centred(cover: QFrame, content: QWidget) -> None:
    """Put ``content`` in the middle of ``cover``."""
    layout = QVBoxLayout(cover)
    layout.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(content)
    row.addStretch(1)
    layout.addLayout(row)
    layout.addStretch(1)


class WarningOverlay(Cover):
    """ "Still there?" with a countdown and one big Continue button (WCAG 2.2.1).

    Signals:
        continue_requested(): the person is still there.
    """

    continue_requested = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window, "kiosk-warning")
        self.setAccessibleName(self.tr("Still there?"))
        self.title = QLabel(self.tr("Still there?"))
        self.title.setObjectName("kiosk-title")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMinimumWidth(520)
        self.continue_button = QPushButton(self.tr("Continue"))
        self.continue_button.setObjectName("kiosk-big-button")
        self.continue_button.setAccessibleName(self.tr("Continue reading"))
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self._on_continue_button_clicked)
        centred(self, panel(self.title, self.message, self.continue_button))

    def set_seconds_left(self, seconds: float) -> None:
        """Show how long until the guide starts over."""
        whole = max(0, math.ceil(seconds))
        if whole == 1:
            text = self.tr("The guide will start over for the next person in 1 second.")
        else:
            text = self.tr(
                "The guide will start over for the next person in %1 seconds."
            ).replace("%1", str(whole))
        if self.message.text() != text:
            self.message.setText(text)
            self.message.setAccessibleName(text)

    @Slot()
    def _on_continue_button_clicked(self) -> None:
        self.continue_requested.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # A tap anywhere on the dimmed screen also means "still here".
        event.accept()
        self.continue_requested.emit()


class AttractOverlay(Cover):
    """The screen between visitors. Its words drift slowly so nothing burns into the panel."""

    DRIFT_MS = 1000
    DRIFT_PX = 120

    def __init__(self, window: QWidget, clock: Callable[[], float]) -> None:
        super().__init__(window, "kiosk-attract")
        self._clock = clock
        self.setAccessibleName(self.tr("Leg cramp? Touch to start"))
        self.content = QWidget(self)
        self.content.setObjectName("kiosk-attract-content")
        title = QLabel(self.accessibleName())
        title.setObjectName("kiosk-attract-title")
        text = QLabel(self.tr("Plain advice on leg muscle spasms: what they are, what helps, "
                              "and when to get help."))
        text.setObjectName("kiosk-attract-text")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)  # a longer language ("¿Calambre en la pierna? …") wraps
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self.content)
        layout.setSpacing(24)
        layout.addWidget(title)
        layout.addWidget(text)
        self.drift = QTimer(self)
        self.drift.setInterval(self.DRIFT_MS)
        self.drift.timeout.connect(self._on_drift_timeout)

    def open(self) -> None:
        super().open()
        self.place()
        self.drift.start()

    def hideEvent(self, event: Any) -> None:
        drift = getattr(self, "drift", None)  # the base class hides before it exists
        if drift is not None:
            drift.stop()
        super().hideEvent(event)

    def offset(self) -> QPoint:
        """Where the words are now, relative to the centre (a slow Lissajous path)."""
        t = self._clock()
        return QPoint(round(self.DRIFT_PX * math.sin(t / 23.0)),
                      round(self.DRIFT_PX * 0.6 * math.sin(t / 31.0 + 1.0)))

    def place(self) -> None:
        """Put the words at the current drift position."""
        width = max(200, min(self.width() - 2 * self.DRIFT_PX, 1100))
        self.content.setFixedWidth(width)
        layout = self.content.layout()
        assert layout is not None
        # Wrapped words need the height that goes with this width, not their one-line height.
        self.content.setFixedHeight(layout.totalHeightForWidth(width))
        centre = self.rect().center() - self.content.rect().center()
        self.content.move(centre + self.offset())

    @Slot()
    def _on_drift_timeout(self) -> None:
        self.place()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.place()
