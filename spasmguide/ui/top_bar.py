"""The bar above the tabs: "When to get help" first and most visible, then the tool bar."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtGui import (
    QFont,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QWidget,
)


class TopBar(QWidget):
    """The bar across the top: "When to get help", the search box and the view controls.

    "When to get help" always comes first. The view controls sit beside the search box when
    there is room and move to a second row when large text needs it, so nothing is ever
    hidden in an overflow menu (a pop-up window, which kiosk mode does not allow).
    """

    SPACING = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("toolbar")
        self.setAccessibleName(self.tr("Toolbar"))
        self.help_button = QPushButton(self.tr("When to get help"))
        self.help_button.setObjectName("help-button")
        self.help_button.setAccessibleName(self.help_button.text())
        self.help_button.setAccessibleDescription(
            self.tr("Open the advice on when a cramp needs a doctor or urgent help")
        )
        help_font = QFont()
        help_font.setBold(True)  # only the weight is set, so the size follows the app
        self.help_button.setFont(help_font)
        # The urgent colour and its own mark ("!" on a disc, resources/icons/help-mark.svg),
        # both from the application style sheet: never mistaken for a view control.
        # "When to get help" and anything added beside it (the "Is it serious?" button).
        self.help_slot = QWidget()
        self.help_slot.setObjectName("help-slot")
        help_layout = QHBoxLayout(self.help_slot)
        help_layout.setContentsMargins(0, 0, 0, 0)
        help_layout.setSpacing(self.SPACING)
        help_layout.addWidget(self.help_button)
        self.search_slot = QWidget()
        self.search_slot.setObjectName("search-slot")
        QHBoxLayout(self.search_slot).setContentsMargins(0, 0, 0, 0)
        self.controls = QWidget()
        self.controls.setObjectName("view-controls-slot")
        controls_layout = QHBoxLayout(self.controls)
        controls_layout.setContentsMargins(0, 0, 0, 0)
        controls_layout.setSpacing(self.SPACING)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(6, 4, 6, 4)
        self._grid.setSpacing(self.SPACING)
        self._grid.addWidget(self.help_slot, 0, 0)
        self._grid.addWidget(self.search_slot, 0, 1)
        self._grid.setColumnStretch(1, 1)
        self._wrapped: bool | None = None
        self._place_controls(False)

    def set_search_box(self, box: QWidget) -> None:
        """Put the search box beside the help button."""
        layout = self.search_slot.layout()
        assert layout is not None
        layout.addWidget(box)
        self.fit()

    def add_beside_help(self, widget: QWidget) -> None:
        """Add a button just after "When to get help"."""
        layout = self.help_slot.layout()
        assert layout is not None
        layout.addWidget(widget)
        self.fit()

    def add_control(self, widget: QWidget) -> None:
        """Add a view control at the end of the bar."""
        layout = self.controls.layout()
        assert layout is not None
        layout.addWidget(widget)
        self.fit()

    def wrapped(self) -> bool:
        """True when the view controls sit on a second row."""
        return bool(self._wrapped)

    @Slot()
    def fit(self) -> None:
        """One row when everything fits at the current text size, two rows otherwise."""
        margins = self._grid.contentsMargins()
        def width(widget: QWidget) -> int:
            return max(widget.sizeHint().width(), widget.minimumSizeHint().width())

        needed = (
            width(self.help_slot)
            + self.search_slot.minimumSizeHint().width()
            + width(self.controls)
            + 2 * self.SPACING
            + margins.left()
            + margins.right()
        )
        self._place_controls(needed > self.width())

    def _place_controls(self, wrap: bool) -> None:
        if wrap == self._wrapped:
            return
        self._wrapped = wrap
        self._grid.removeWidget(self.controls)
        if wrap:
            self._grid.addWidget(self.controls, 1, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)
        else:
            self._grid.addWidget(self.controls, 0, 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self, self.fit)

    def event(self, event: QEvent) -> bool:
        # A child's size changed (a style sheet's larger font, a longer label): fit again.
        if event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self, self.fit)
        return super().event(event)
