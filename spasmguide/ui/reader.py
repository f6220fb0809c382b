"""A topic tab: the section list beside the tab's text, with internal links and highlights."""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, QUrl, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QResizeEvent,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from spasmguide.core.content import Tab
from spasmguide.ui.appearance import give_ring_room
from spasmguide.ui.care_card_view import insert_section_body, recolour_cards
from spasmguide.ui.evidence import badge_html

log = logging.getLogger(__name__)

MARKDOWN_FEATURES = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectCommonMark.value
    | QTextDocument.MarkdownFeature.MarkdownNoHTML.value
)
"""CommonMark without raw HTML: pack text is never rendered as HTML."""

MAX_TEXT_WIDTH_EM = 40
"""About 70-80 characters a line: comfortable reading."""


def internal_target(url: QUrl) -> str | None:
    """The section or tab id a link points to, or None when the link would leave the guide."""
    text = url.toString()
    if re.fullmatch(r"#[a-z0-9]+(?:-[a-z0-9]+)*", text):
        return text[1:]
    return None


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

    @Slot(QUrl)
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

    def __init__(self, tab: Tab, help_section: str, parent: QWidget | None = None) -> None:
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
        section_list.setAccessibleName(f"Sections in {tab.title}")
        section_list.setAccessibleDescription("Choose a section to read it")
        section_list.setObjectName("section-list")
        section_list.setWordWrap(True)
        section_list.setUniformItemSizes(False)
        section_list.setSpacing(3)  # separate titles that wrap onto two lines
        give_ring_room(section_list)
        for section in tab.sections:
            item = QListWidgetItem(section.title)
            item.setToolTip(section.title)
            section_list.addItem(item)
        if tab.sections:
            section_list.setCurrentRow(0)  # the page opens at the first section

        page = PageView()
        page.setAccessibleName(f"{tab.title} text")
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
        assert layout is not None
        layout.addWidget(splitter)
        if self.isVisible():  # made while showing: lay it out now, before anything paints
            splitter.show()
            layout.activate()

        section_list.currentRowChanged.connect(self._on_section_list_row_changed)
        section_list.itemActivated.connect(self._on_section_list_item_activated)
        page.verticalScrollBar().valueChanged.connect(self._on_page_scrolled)

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
            recolour_cards(self.page.document())  # care cards follow the theme

    def _build_document(self) -> None:
        document = QTextDocument(self.page)
        document.setDocumentMargin(16)
        cursor = QTextCursor(document)
        cursor.insertHtml(f"<h1>{html.escape(self.tab.title)}</h1>")
        for section in self.tab.sections:
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertBlock()
            cursor.insertHtml(
                f'<h2><a name="{html.escape(section.id)}"></a>{html.escape(section.title)}</h2>'
            )
            if section.evidence is not None:  # a treatment's evidence badge, under its title
                cursor.insertBlock()
                cursor.insertHtml(badge_html(section.evidence))
            cursor.insertBlock()
            insert_section_body(cursor, section.markdown, MARKDOWN_FEATURES)  # care cards
        if self.help_section and self.tab.section(self.help_section) is None:
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertBlock()
            cursor.insertHtml(
                f'<p><br>Worried? <a href="#{html.escape(self.help_section)}">'
                "When to get help</a></p>"
            )
        self.page.setDocument(document)

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
        if section_id not in self.section_ids():
            return False
        self.ensure_built()
        self.page.scrollToAnchor(section_id)
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
        selections: list[QTextEdit.ExtraSelection] = []
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffe066"))
        fmt.setForeground(QColor("#1a1a1a"))
        document = self.page.document()
        for word in {w.strip() for w in words if len(w.strip()) >= 2}:
            pattern = re.compile(rf"\b{re.escape(word)}\w*", re.IGNORECASE)
            block = document.begin()
            while block.isValid():
                for match in pattern.finditer(block.text()):
                    cursor = QTextCursor(block)
                    cursor.setPosition(block.position() + match.start())
                    cursor.setPosition(
                        block.position() + match.end(), QTextCursor.MoveMode.KeepAnchor
                    )
                    selection = QTextEdit.ExtraSelection()
                    selection.cursor = cursor
                    selection.format = fmt
                    selections.append(selection)
                block = block.next()
        self.page.setExtraSelections(selections)
        return len(selections)

    def highlighted_words(self) -> list[str]:
        """The text of every highlighted match (what a user sees marked)."""
        return [s.cursor.selectedText() for s in self.page.extraSelections()]

    def _select_in_list(self, section_id: str) -> None:
        ids = self.section_ids()
        if section_id in ids:
            blocked = self.section_list.blockSignals(True)
            self.section_list.setCurrentRow(ids.index(section_id))
            self.section_list.blockSignals(blocked)

    def _heading_tops(self) -> list[tuple[float, str]]:
        document = self.page.document()
        layout = document.documentLayout()
        tops: list[tuple[float, str]] = []
        block = document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                names = it.fragment().charFormat().anchorNames()
                for name in names:
                    tops.append((layout.blockBoundingRect(block).top(), name))
                it += 1
            block = block.next()
        return tops

    @Slot(int)
    def _on_page_scrolled(self, value: int) -> None:
        current = None
        for top, name in self._heading_tops():
            if top <= value + 24:
                current = name
        if current is None and self.tab.sections:
            current = self.tab.sections[0].id
        if current is not None and current != self.current_section_id():
            self._select_in_list(current)

    @Slot(int)
    def _on_section_list_row_changed(self, row: int) -> None:
        if 0 <= row < len(self.tab.sections):
            self.page.scrollToAnchor(self.tab.sections[row].id)

    @Slot(QListWidgetItem)
    def _on_section_list_item_activated(self, item: QListWidgetItem) -> None:
        row = self.section_list.row(item)
        if 0 <= row < len(self.tab.sections):
            self.page.scrollToAnchor(self.tab.sections[row].id)
        self.page.setFocus(Qt.FocusReason.OtherFocusReason)
