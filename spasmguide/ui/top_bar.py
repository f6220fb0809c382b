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
    there is room and move to a second row when large text needs it; when even "When to get
    help" and the search box do not fit side by side, the search box takes a row of its own,
    so "When to get help" is not squeezed to make room for it. Nothing is ever hidden in an
    overflow menu (a pop-up window, which kiosk mode does not allow).
    """

    SPACING = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("toolbar")
        self.setAccessibleName(self.tr("Toolbar"))
        self.help_button = QPushButton(self.tr("When to get help"))
        # The urgent colour and its own mark ("!" on a disc, resources/icons/help-mark.svg),
        # both from the application style sheet: never mistaken for a view control.
        self.help_button.setObjectName("help-button")
        self.help_button.setAccessibleName(self.help_button.text())
        self.help_button.setAccessibleDescription(
            self.tr("Open the advice on when a cramp needs a doctor or urgent help")
        )
        help_font = QFont()
        help_font.setBold(True)  # only the weight is set, so the size follows the app
        self.help_button.setFont(help_font)
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
        self._grid.setColumnStretch(1, 1)
        self._rows = 0
        self._place(1)

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

    def rows(self) -> int:
        """How many rows the bar uses: 1, 2 (view controls below) or 3 (search box too)."""
        return self._rows

    @Slot()
    def fit(self) -> None:
        """As few rows as fit the bar's width at the current text size."""
        margins = self._grid.contentsMargins()
        room = self.width() - margins.left() - margins.right()

        def width(widget: QWidget) -> int:
            return max(widget.sizeHint().width(), widget.minimumSizeHint().width())

        search = self.search_slot.minimumSizeHint().width()
        first_row = width(self.help_slot) + self.SPACING + search
        if first_row + self.SPACING + width(self.controls) <= room:
            self._place(1)
        else:
            self._place(2 if first_row <= room else 3)

    def _place(self, rows: int) -> None:
        if rows == self._rows:
            return
        self._rows = rows
        grid = self._grid
        for widget in (self.help_slot, self.search_slot, self.controls):
            grid.removeWidget(widget)
        left = Qt.AlignmentFlag.AlignLeft
        if rows == 3:
            grid.addWidget(self.help_slot, 0, 0, 1, 2, left)
            grid.addWidget(self.search_slot, 1, 0, 1, 2)
            grid.addWidget(self.controls, 2, 0, 1, 2, left)
            return
        grid.addWidget(self.help_slot, 0, 0)
        grid.addWidget(self.search_slot, 0, 1)
        if rows == 2:
            grid.addWidget(self.controls, 1, 0, 1, 2, left)
        else:
            grid.addWidget(self.controls, 0, 2)

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
