"""Tabs that always fit: a smaller tab font first, rows of buttons when even that is not enough.

Qt's tab bar shows tabs that do not fit behind two small scroll arrows: with large text or a
narrow screen, half the guide hides behind a control too small to touch. When the tabs do not
fit, their words are made smaller first (tab names are for finding a page, not for reading,
and one row keeps the page its height), down to :data:`SMALLEST_POINT_SIZE`. If they still do
not fit, the window shows a strip instead: one button per tab, in as many rows as needed, the
current one checked. Nothing is cut off and every tab stays one tap away.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QGridLayout,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QWidget,
)

from spasmguide.ui.design import SPACE

LARGEST_POINT_SIZE = 18.0
"""The tabs' words grow with the text up to about 130 % of desktop body text, like the kiosk's
fixed-size tabs: names to find a page by, not text to read, so they never take the screen."""

SMALLEST_POINT_SIZE = 12.0
"""The smallest the tab bar's words become before the tabs go into rows."""

__all__ = ["SMALLEST_POINT_SIZE", "TabStrip", "fit_tabs", "shrink_tab_font", "tabs_fit"]


def shrink_tab_font(tabs: QTabWidget) -> bool:
    """Give the tab bar the application's font, or a smaller one that fits every tab in one
    row (never below :data:`SMALLEST_POINT_SIZE`). Returns whether the tabs fit."""
    bar = tabs.tabBar()
    whole = QApplication.font()
    if bar.font() != whole:
        bar.setFont(whole)
    if tabs_fit(tabs):
        return True
    size = whole.pointSizeF()
    if size <= SMALLEST_POINT_SIZE:
        return False
    # Each tab is its words plus a fixed margin: find the size whose words leave room for both.
    metrics = bar.fontMetrics()
    words = sum(metrics.horizontalAdvance(bar.tabText(i)) for i in range(bar.count()))
    margins = sum(bar.tabSizeHint(i).width() for i in range(bar.count())) - words
    room = tabs.width() - margins
    size = max(SMALLEST_POINT_SIZE, size * room / max(1, words))
    font = QFont(whole)
    while True:
        font.setPointSizeF(size)
        bar.setFont(font)
        if tabs_fit(tabs) or size <= SMALLEST_POINT_SIZE:
            return tabs_fit(tabs)
        size = max(SMALLEST_POINT_SIZE, size - 0.5)


def fit_tabs(tabs: QTabWidget, strip: TabStrip | None, layout: QBoxLayout) -> TabStrip | None:
    """Show the tab bar when all tabs fit in it (with smaller words if need be), otherwise a
    strip (made at index 1 of ``layout`` the first time it is needed). Returns the strip, if
    there is one."""
    if tabs.count() == 0:
        return strip
    fits = shrink_tab_font(tabs)
    if fits and strip is None:
        return None
    if strip is None:
        strip = TabStrip(tabs)
        layout.insertWidget(1, strip)
    elif len(strip.buttons()) != tabs.count():
        strip.rebuild()
    tabs.tabBar().setVisible(fits)
    return strip


def tabs_fit(tabs: QTabWidget) -> bool:
    """Whether every tab of ``tabs`` fits in one row of its own width."""
    bar = tabs.tabBar()
    needed = sum(bar.tabSizeHint(index).width() for index in range(bar.count()))
    return needed <= tabs.width()


class TabStrip(QWidget):
    """One checkable button per tab of ``tabs``, flowing onto as many rows as they need."""

    def __init__(self, tabs: QTabWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tab-strip")
        self.setAccessibleName(self.tr("Topics"))
        self._tabs = tabs
        self._buttons: list[QPushButton] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(SPACE["xs"], 2, SPACE["xs"], 2)
        self._grid.setSpacing(2)
        self._key: tuple[int, ...] = ()
        # All its rows, always: the page below scrolls, the tabs never overlap.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        tabs.currentChanged.connect(self._on_current_changed)
        self.rebuild()

    def buttons(self) -> list[QPushButton]:
        """The buttons, one per tab, in tab order."""
        return list(self._buttons)

    def current_button(self) -> QPushButton | None:
        """The button of the tab shown."""
        index = self._tabs.currentIndex()
        return self._buttons[index] if 0 <= index < len(self._buttons) else None

    def rebuild(self) -> None:
        """Make the buttons again from the tabs' titles."""
        for button in self._buttons:
            self._grid.removeWidget(button)
            button.deleteLater()
        self._buttons = []
        for index in range(self._tabs.count()):
            text = self._tabs.tabText(index)  # "&" written "&&", as on the tab
            title = text.replace("&&", "&")
            button = QPushButton(text)
            button.setObjectName("tab-strip-button")
            button.setCheckable(True)
            button.setAutoExclusive(True)
            button.setAccessibleName(title)
            button.setAccessibleDescription(self.tr("Tab"))
            # The kiosk's style makes every button a 48 px target; on the desktop the rows
            # stay as low as a tab bar, so a short window keeps its room for the page.
            button.clicked.connect(lambda _checked=False, i=index: self._tabs.setCurrentIndex(i))
            button.installEventFilter(self)
            self._buttons.append(button)
        self._key = ()
        self._fit_fonts()
        self._on_current_changed(self._tabs.currentIndex())
        self.arrange()

    def _fit_fonts(self) -> None:
        font = QFont(QApplication.font())
        font.setPointSizeF(min(font.pointSizeF(), LARGEST_POINT_SIZE))
        for button in self._buttons:
            if button.font() != font:
                button.setFont(font)

    @Slot()
    def arrange(self) -> None:
        """As many buttons to a row as fit; all rows the same columns."""
        if not self._buttons:
            return
        widest = max(button.sizeHint().width() for button in self._buttons)
        spacing = self._grid.spacing()
        margins = self._grid.contentsMargins()
        room = max(1, self.width() - margins.left() - margins.right())
        columns = max(1, min(len(self._buttons), (room + spacing) // (widest + spacing)))
        key = (columns, len(self._buttons))
        if key == self._key:
            return
        self._key = key
        for button in self._buttons:
            self._grid.removeWidget(button)
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 0)
        for place, button in enumerate(self._buttons):
            self._grid.addWidget(button, place // columns, place % columns)
        for column in range(columns):
            self._grid.setColumnStretch(column, 1)
        self.updateGeometry()

    def rows(self) -> int:
        """How many rows the buttons take."""
        return self._grid.rowCount() if self._buttons else 0

    @Slot(int)
    def _on_current_changed(self, index: int) -> None:
        if 0 <= index < len(self._buttons):
            self._buttons[index].setChecked(True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_fonts()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange:
            self._key = ()
            QTimer.singleShot(0, self, self.arrange)
        return False

    def focus_current(self) -> None:
        """Keyboard focus on the button of the tab shown."""
        button = self.current_button()
        if button is not None:
            button.setFocus(Qt.FocusReason.ShortcutFocusReason)
