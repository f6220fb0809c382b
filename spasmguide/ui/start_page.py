"""The start page: a few large cards that answer what people arrive with.

"I have a cramp now", "Is it serious?", "Why does it happen?", "What helps?" and "Muscle
types" each lead to a place in the guide. The page only shows cards and says which one was
chosen; the composition root decides where each leads and hides a card whose place the
loaded pack does not have. Plain widgets only: the page is in the first frame.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from spasmguide.ui.design import HEADING_SCALE, READING_MEASURE_EM, SPACE, TOUCH_TARGET_PX

__all__ = ["CARD_IDS", "StartCard", "StartPage"]

CARD_IDS = ("cramp-now", "is-it-serious", "causes", "treatments", "muscle-types")
"""The start page's cards, in the order they are shown."""

TWO_COLUMNS_EM = 44
"""From this width (in "M"s) the cards after the first sit two to a row."""


class ScaledLabel(QLabel):
    """Plain, wrapped text a fixed step of the type scale above the application's text.

    It keeps its size through every text size, theme and style sheet change (a style sheet
    change can hand a widget its parent's font again).
    """

    def __init__(self, text: str, scale: float = 1.0, *, bold: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._scale, self._bold = scale, bold
        # With large text the steps between sizes shrink: a heading never needs to be more
        # than a few points bigger than text that is large already.
        self._most_extra = 8.0 * (scale - 1.0) / 0.5
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._fit()

    def _fit(self) -> None:
        base = QApplication.font()
        wanted = QFont(base)
        size = base.pointSizeF()
        wanted.setPointSizeF(min(size * self._scale, size + self._most_extra))
        wanted.setBold(self._bold)
        if self.font() != wanted:
            self.setFont(wanted)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange,
                            QEvent.Type.ParentChange):
            self._fit()


class StartCard(QPushButton):
    """A large tappable card: a bold title over a line that says where it leads.

    It is a push button, so keyboard users reach it with Tab and press it with Space or
    Enter, and screen readers hear its title as its name and the line as its description.
    """

    def __init__(self, card_id: str, title: str, description: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card_id = card_id
        self.setObjectName("start-card")
        self.setProperty("card", card_id)
        self.setAccessibleName(title)
        self.setAccessibleDescription(description)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(TOUCH_TARGET_PX)
        # Made as the card's children: a label given a parent later refits on ParentChange.
        self.title_label = ScaledLabel(title, HEADING_SCALE["h3"], bold=True, parent=self)
        self.title_label.setObjectName("start-card-title")
        self.description_label = ScaledLabel(description, parent=self)
        self.description_label.setObjectName("start-card-text")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE["m"], SPACE["m"] - 4, SPACE["m"], SPACE["m"] - 4)
        layout.setSpacing(SPACE["xs"])
        for label in (self.title_label, self.description_label):
            # The whole card is one target: a tap on its words presses the card.
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            layout.addWidget(label)
        layout.addStretch(1)  # the words stay at the top of a card taller than they need

    def title(self) -> str:
        """The card's title, as shown."""
        return self.title_label.text()

    def description(self) -> str:
        """The line under the title, as shown."""
        return self.description_label.text()

    def sizeHint(self) -> QSize:
        layout = self.layout()
        hint = layout.totalSizeHint() if layout is not None else super().sizeHint()
        return hint.expandedTo(QSize(TOUCH_TARGET_PX, TOUCH_TARGET_PX))

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        hint = layout.totalMinimumSize() if layout is not None else super().minimumSizeHint()
        return hint.expandedTo(QSize(TOUCH_TARGET_PX, TOUCH_TARGET_PX))


class StartPage(QScrollArea):
    """The guide's first page: a heading and a card for each question people arrive with.

    The cards are made with :meth:`add_card`; :meth:`add_corner_widget` puts a small control
    (such as a language choice) at the top right, beside the heading.

    Signals:
        card_activated(str): the id of the card (or of a card's extra button) pressed.
    """

    card_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start-page")
        self.setAccessibleName(self.tr("Start"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._cards: dict[str, StartCard] = {}
        self._extra: dict[str, QPushButton] = {}
        self._columns = 0

        body = QWidget()
        body.setObjectName("start-page-body")
        outer = QHBoxLayout(body)
        outer.setContentsMargins(SPACE["m"], SPACE["m"], SPACE["m"], SPACE["m"])
        self._column = QWidget()
        self._column.setObjectName("start-column")
        outer.addStretch(1)
        outer.addWidget(self._column, 100)
        outer.addStretch(1)
        column = QVBoxLayout(self._column)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(SPACE["m"])

        heading_row = QHBoxLayout()
        heading_row.setSpacing(SPACE["s"])
        self.heading = ScaledLabel(
            self.tr("What do you need?"), HEADING_SCALE["h2"], bold=True, parent=self._column
        )
        self.heading.setObjectName("start-heading")
        self.heading.setAccessibleName(self.heading.text())
        heading_row.addWidget(self.heading, 1)
        # A small control can be added here, top right (see add_corner_widget).
        self.corner = QWidget()
        self.corner.setObjectName("start-corner")
        corner_layout = QHBoxLayout(self.corner)
        corner_layout.setContentsMargins(0, 0, 0, 0)
        corner_layout.setSpacing(SPACE["s"])
        self.corner.hide()
        heading_row.addWidget(self.corner, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(heading_row)

        self.intro = ScaledLabel(self.tr(
            "Tap what fits you best. The tabs above hold the whole guide."
        ), parent=self._column)
        self.intro.setObjectName("start-intro")
        column.addWidget(self.intro)

        # The first card ("I have a cramp now") spans the width, with its extra button
        # (the timer) under it; the others share a grid of one or two columns.
        self._first = QVBoxLayout()
        self._first.setSpacing(SPACE["s"])
        column.addLayout(self._first)
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(SPACE["m"])
        self._grid.setVerticalSpacing(SPACE["m"])
        column.addLayout(self._grid)
        column.addStretch(1)
        self.setWidget(body)
        self._fit_column()

    # -- what the page holds ---------------------------------------------------------------

    def add_card(self, card_id: str, title: str, description: str) -> StartCard:
        """Add a card; the first one added is the wide one at the top."""
        card = StartCard(card_id, title, description)
        card.clicked.connect(lambda: self.card_activated.emit(card_id))
        self._cards[card_id] = card
        if len(self._cards) == 1:
            self._first.addWidget(card)
        self._arrange()
        return card

    def add_card_button(self, button_id: str, text: str, description: str) -> QPushButton:
        """A plain button under the first card (the timer, one tap from the start)."""
        button = QPushButton(text)
        button.setObjectName("start-card-button")
        button.setAccessibleName(text)
        button.setAccessibleDescription(description)
        button.setMinimumHeight(TOUCH_TARGET_PX)
        button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        button.clicked.connect(lambda: self.card_activated.emit(button_id))
        self._extra[button_id] = button
        self._first.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        return button

    def add_corner_widget(self, widget: QWidget) -> None:
        """Put a small control at the top right of the page, beside the heading."""
        layout = self.corner.layout()
        assert layout is not None
        layout.addWidget(widget)
        self.corner.show()

    def cards(self) -> list[StartCard]:
        """The cards on the page, in order."""
        return list(self._cards.values())

    def card(self, card_id: str) -> StartCard | None:
        """The card ``card_id``, or None when the page has no such card."""
        return self._cards.get(card_id)

    def button(self, button_id: str) -> QPushButton | None:
        """An extra button added with :meth:`add_card_button`, or None."""
        return self._extra.get(button_id)

    def columns(self) -> int:
        """How many cards sit side by side below the first one."""
        return self._columns

    # -- layout ------------------------------------------------------------------------------

    def _fit_column(self) -> None:
        """The column of cards grows with the window up to a comfortable measure."""
        em = max(8, self.fontMetrics().horizontalAdvance("M"))
        self._column.setMaximumWidth(int(READING_MEASURE_EM * 1.25 * em))

    def _arrange(self) -> None:
        """Cards after the first in two columns when there is room, else one."""
        em = max(8, self.fontMetrics().horizontalAdvance("M"))
        # Not viewport(): asked for the first time it costs PySide about 20 ms, in the
        # first frame (see PageView.viewport_size).
        width = self.maximumViewportSize().width()
        columns = 2 if width >= TWO_COLUMNS_EM * em else 1
        rest = list(self._cards.values())[1:]
        key = (columns, len(rest))
        if key == (self._columns, getattr(self, "_arranged", -1)):
            return
        self._columns, self._arranged = columns, len(rest)
        for card in rest:
            self._grid.removeWidget(card)
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 0)
        for place, card in enumerate(rest):
            self._grid.addWidget(card, place // columns, place % columns)
        for column in range(columns):
            self._grid.setColumnStretch(column, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()
        self._fit_intro()

    def _fit_intro(self) -> None:
        """On a short screen with large text the cards come first: the line under the
        heading steps aside when fewer than ten lines of text fit."""
        lines = self.maximumViewportSize().height() // max(1, self.fontMetrics().lineSpacing())
        self.intro.setVisible(lines >= 10)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_column()
            self._columns = 0
            self._arrange()
            self._fit_intro()
