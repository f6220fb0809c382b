"""A topic tab: the section list beside the tab's text, with internal links and highlights."""

from __future__ import annotations

import bisect
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QListView,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from spasmguide.core.content import Tab
from spasmguide.core.content.markdown import MAX_WORD, long_word_line
from spasmguide.core.patterns import LazyPattern
from spasmguide.ui.appearance import give_ring_room
from spasmguide.ui.plain import escape, plain_tooltip

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

log = logging.getLogger(__name__)

MAX_TEXT_WIDTH_EM = 40
"""About 70-80 characters a line: comfortable reading."""


_INTERNAL_RE = LazyPattern(r"#[a-z0-9]+(?:-[a-z0-9]+)*")
_MARKDOWN_ESCAPES = {
    code: f"\\{chr(code)}" for code in range(33, 127) if not chr(code).isalnum()
}
_LONG_WORD_RE = LazyPattern(rf"\S{{{MAX_WORD}}}")
_INTERNAL_LINK_END_RE = LazyPattern(r"\]\(#[a-z0-9]+(?:-[a-z0-9]+)*\)")
_MAY_LINK = ("](", "]:", "<")


def internal_target(url: QUrl | str) -> str | None:
    """The section or tab id a link points to, or None when the link would leave the guide."""
    text = url if isinstance(url, str) else url.toString()
    if _INTERNAL_RE.fullmatch(text):
        return text[1:]
    return None


def may_leave(markdown: str) -> bool:
    """Whether ``markdown`` could hold a link that leaves the guide.

    Without ``](``, ``]:`` or ``<`` there is no inline link, reference or autolink at all;
    the plain ``](#some-id)`` of an internal link is taken out first, so the text of a
    checked pack never needs a closer look.
    """
    if not any(mark in markdown for mark in _MAY_LINK):
        return False
    rest = _INTERNAL_LINK_END_RE.sub("", markdown)
    return any(mark in rest for mark in _MAY_LINK)


def breakable(markdown: str) -> str:
    """``markdown`` with a line-break chance in any word longer than the checker allows
    (Qt takes minutes to lay out a word of many thousand characters)."""
    if long_word_line(markdown) is None:
        return markdown
    return _LONG_WORD_RE.sub(lambda match: match.group() + "\u200b", markdown)


def markdown_literal(text: str) -> str:
    """``text`` as Markdown that shows exactly those characters on one line."""
    return " ".join(text.split()).translate(_MARKDOWN_ESCAPES)


class PageView(QTextBrowser):
    """Read-only text of one tab. Follows no link itself and keeps lines readable.

    Signals:
        link_requested(str): an internal link to a section or tab id was activated.
    """

    link_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        give_ring_room(self)
        # Links are ours to resolve: a default QTextBrowser would load https: or file: URLs.
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAcceptDrops(False)
        self.setUndoRedoEnabled(False)
        self.document().setDocumentMargin(16)
        self.anchorClicked.connect(self._on_anchor_clicked)

    @Slot("QUrl")  # a string: the first frame need not make the QUrl type
    def _on_anchor_clicked(self, url: QUrl) -> None:
        target = internal_target(url)
        if target is None:
            log.info("ignored a link that leaves the guide")
            return
        self.link_requested.emit(target)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_text_column()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # text size changed: the column is in em
            self._fit_text_column()

    def setDocument(self, document: QTextDocument) -> None:
        super().setDocument(document)
        self._fit_text_column()

    def block_top(self, block_number: int) -> float:
        """Where block ``block_number`` starts, in document coordinates."""
        document = self.document()
        block = document.findBlockByNumber(block_number)
        return document.documentLayout().blockBoundingRect(block).top()

    def scroll_to_block(self, block_number: int) -> None:
        """Scroll so the block is at the top; wait until shown if the page is hidden."""
        if not self.isVisible():
            self._pending_block = block_number
            return
        self._pending_block = None
        self.verticalScrollBar().setValue(round(self.block_top(block_number)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        pending = getattr(self, "_pending_block", None)
        if pending is not None:
            self.scroll_to_block(pending)

    def viewport_size(self) -> tuple[int, int]:
        """Width and height of the viewport, worked out as the scroll area lays it out.

        ``viewport()`` would give them too, but the first time a program asks for it,
        PySide works out the viewport's Python class by making every widget class Qt has
        (about 20 ms), and this runs before the window first paints.
        """
        size = self.maximumViewportSize()
        width, height = size.width(), size.height()
        vbar, hbar = self.verticalScrollBar(), self.horizontalScrollBar()
        policy = Qt.ScrollBarPolicy.ScrollBarAlwaysOn
        if vbar.isVisibleTo(self) and self.verticalScrollBarPolicy() != policy:
            width -= vbar.sizeHint().width()
        if hbar.isVisibleTo(self) and self.horizontalScrollBarPolicy() != policy:
            height -= hbar.sizeHint().height()
        return width, height

    def _fit_text_column(self) -> None:
        """Centre a column of comfortable width; let the last section scroll to the top."""
        em = self.fontMetrics().horizontalAdvance("M")
        width, height = self.viewport_size()
        side = max(16, (width - MAX_TEXT_WIDTH_EM * em) // 2)
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        bottom = max(16, height - 4 * em)
        if (fmt.leftMargin(), fmt.rightMargin(), fmt.bottomMargin()) == (side, side, bottom):
            return
        fmt.setLeftMargin(side)
        fmt.setRightMargin(side)
        fmt.setBottomMargin(bottom)
        root.setFrameFormat(fmt)


class TabReader(QWidget):
    """One topic tab: a list of its sections and the whole tab's text, in step.

    Signals:
        link_requested(str): an internal link (section or tab id) was activated.
    """

    link_requested = Signal(str)

    def __init__(
        self,
        tab: Tab,
        help_section: str,
        pack_folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``pack_folder`` is where the tab's pictures may come from (None: no pictures)."""
        super().__init__(parent)
        self.tab = tab
        self.help_section = help_section
        self.setObjectName(f"reader-{tab.id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The list and the page are made when first needed, and the text is laid out when
        # first shown: start-up only pays for the tab it shows.
        self._section_list: QListWidget | None = None
        self._page: PageView | None = None
        self._built = False
        self._rows = {section.id: row for row, section in enumerate(tab.sections)}
        self._heading_blocks: list[int] = []  # block number of each section's heading
        self._pack_folder = pack_folder
        self._pictures: list[str] = []
        self._picture_width = 0

    @property
    def section_list(self) -> QListWidget:
        """The list of this tab's sections."""
        if self._section_list is None:
            self._make_widgets()
        assert self._section_list is not None
        return self._section_list

    @property
    def page(self) -> PageView:
        """The whole tab's text."""
        if self._page is None:
            self._make_widgets()
        assert self._page is not None
        return self._page

    def _make_widgets(self) -> None:
        tab = self.tab
        section_list = QListWidget()
        section_list.setAccessibleName(self.tr("Sections in %1").replace("%1", tab.title))
        section_list.setAccessibleDescription(self.tr("Choose a section to read it"))
        section_list.setObjectName("section-list")
        section_list.setWordWrap(True)
        section_list.setUniformItemSizes(False)
        section_list.setSpacing(3)  # separate titles that wrap onto two lines
        # Titles of different heights are measured a batch at a time while idle, so a tab
        # of thousands of sections opens without measuring every title first.
        section_list.setLayoutMode(QListView.LayoutMode.Batched)
        give_ring_room(section_list)
        section_list.addItems([section.title for section in tab.sections])
        for row, section in enumerate(tab.sections):
            item = section_list.item(row)
            item.setToolTip(plain_tooltip(section.title))
        if tab.sections:
            section_list.setCurrentRow(0)  # the page opens at the first section

        page = PageView()
        page.setAccessibleName(self.tr("%1 text").replace("%1", tab.title))
        page.setObjectName("page")
        page.link_requested.connect(self.link_requested)
        self._section_list, self._page = section_list, page

        splitter = QSplitter()  # side by side
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(section_list)
        splitter.addWidget(page)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 900])
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, splitter, 1)  # all the height; actions added below keep theirs
        if self.isVisible():  # made while showing: lay it out now, before anything paints
            splitter.show()
            layout.activate()

        section_list.currentRowChanged.connect(self._on_section_list_row_changed)
        section_list.itemActivated.connect(self._on_section_list_item_activated)
        page.verticalScrollBar().valueChanged.connect(self._on_page_scrolled)

    def add_action(self, widget: QWidget) -> None:
        """Put a control (such as "Log a cramp") in a row under the tab's text."""
        layout = self.layout()
        assert layout is not None
        layout.addWidget(widget)

    # -- building ---------------------------------------------------------------------------

    def ensure_built(self) -> None:
        """Lay out the tab's text now if it has not been yet."""
        if not self._built:
            self._built = True
            self._build_document()

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_built()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._built:
            from spasmguide.ui.care_card_view import recolour_cards

            recolour_cards(self.page.document())  # care cards follow the theme
            if self._pictures:  # and so do the pictures
                from spasmguide.ui.pictures import add_picture_resources

                add_picture_resources(self.page.document(), self._pictures, self._picture_width)

    def picture_names(self) -> list[str]:
        """The drawings shown on this tab's page, once it is laid out."""
        return list(self._pictures)

    def _build_document(self) -> None:
        """Lay out the whole tab as one document (see :func:`page_document.lay_out_tab`)."""
        from spasmguide.ui.page_document import lay_out_tab  # Qt's text types: on first show

        help_link = ""
        if self.help_section and self.tab.section(self.help_section) is None:
            worried = escape(self.tr("Worried?"))
            link = escape(self.tr("When to get help"))
            help_link = (
                f'<p><br>{worried} <a href="#{escape(self.help_section)}">{link}</a></p>'
            )
        laid_out = lay_out_tab(self.tab, self._pack_folder, self.page, help_link)
        self._heading_blocks = laid_out.heading_blocks
        self._pictures, self._picture_width = laid_out.pictures, laid_out.picture_width
        self.page.setDocument(laid_out.document)

    # -- navigation --------------------------------------------------------------------------

    def section_ids(self) -> list[str]:
        """Ids of this tab's sections, in order."""
        return [s.id for s in self.tab.sections]

    def current_section_id(self) -> str | None:
        """The section the list marks as current (the one being read)."""
        row = self.section_list.currentRow()
        return self.tab.sections[row].id if 0 <= row < len(self.tab.sections) else None

    def show_section(self, section_id: str, highlight: Sequence[str] = ()) -> bool:
        """Scroll the page to a section, mark it in the list and highlight words in it."""
        row = self._rows.get(section_id)
        if row is None:
            return False
        self.ensure_built()
        self._scroll_to_row(row)
        self._select_in_list(section_id)
        self.highlight(highlight)
        return True

    def scroll_to_top(self) -> None:
        """Back to the start of the tab, nothing highlighted."""
        self.page.verticalScrollBar().setValue(0)
        self.highlight(())
        if self.section_list.count():
            self._select_in_list(self.section_ids()[0])
            self.section_list.scrollToTop()

    def highlight(self, words: Sequence[str]) -> int:
        """Mark every occurrence of ``words`` (whole words or word starts). Returns the count."""
        self.ensure_built()
        from spasmguide.ui.page_document import word_selections

        selections = word_selections(self.page.document(), words)
        self.page.setExtraSelections(selections)
        return len(selections)

    def highlighted_words(self) -> list[str]:
        """The text of every highlighted match (what a user sees marked)."""
        return [s.cursor.selectedText() for s in self.page.extraSelections()]

    def _select_in_list(self, section_id: str) -> None:
        row = self._rows.get(section_id)
        if row is not None:
            blocked = self.section_list.blockSignals(True)
            self.section_list.setCurrentRow(row)
            self.section_list.blockSignals(blocked)

    def _scroll_to_row(self, row: int) -> None:
        if 0 <= row < len(self._heading_blocks):
            self.page.scroll_to_block(self._heading_blocks[row])

    def section_at(self, value: int) -> int:
        """The row of the section being read when the page is scrolled to ``value``: the
        last one whose heading is at or above the top, found by halving (a few layout
        look-ups however long the tab is)."""
        blocks = self._heading_blocks
        if not blocks:
            return 0
        page = self.page
        index = bisect.bisect_right(
            range(len(blocks)), value + 24, key=lambda i: page.block_top(blocks[i])
        )
        return max(0, index - 1)

    @Slot(int)
    def _on_page_scrolled(self, value: int) -> None:
        if not self.tab.sections:
            return
        row = self.section_at(value)
        if row != self.section_list.currentRow():
            self._select_in_list(self.tab.sections[row].id)

    @Slot(int)
    def _on_section_list_row_changed(self, row: int) -> None:
        self._scroll_to_row(row)

    @Slot(QListWidgetItem)
    def _on_section_list_item_activated(self, item: QListWidgetItem) -> None:
        self._scroll_to_row(self.section_list.row(item))
        self.page.setFocus(Qt.FocusReason.OtherFocusReason)
