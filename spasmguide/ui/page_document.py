"""A tab's text as one Qt document: Markdown laid out, care cards drawn, links made safe.

Kept apart from :mod:`spasmguide.ui.reader` so that Qt's rich-text types are loaded when a
tab is first shown, not before the window's first frame.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QUrl
from PySide6.QtGui import (
    QColor,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from spasmguide.core.content import Section, Tab
from spasmguide.core.content.files import MAX_FILE_BYTES, PackFileError, read_file_inside
from spasmguide.core.content.markdown import IMAGE_SUFFIXES
from spasmguide.core.record import Record
from spasmguide.ui.care_card_view import insert_section_body
from spasmguide.ui.evidence import badge_html
from spasmguide.ui.reader import breakable, internal_target, markdown_literal, may_leave

log = logging.getLogger(__name__)

MARKDOWN_FEATURES = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectCommonMark.value
    | QTextDocument.MarkdownFeature.MarkdownNoHTML.value
)
"""CommonMark without raw HTML: pack text is never rendered as HTML."""


class PackDocument(QTextDocument):
    """A page's document: pictures come only from ordinary files inside the pack folder.

    Qt would otherwise load an image from any path or URL the text names (a device, a
    named pipe, a file anywhere on the machine). This holds even for a pack that was never
    checked.
    """

    def __init__(self, pack_folder: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = pack_folder

    def loadResource(self, kind: int, name: QUrl) -> Any:
        if kind != QTextDocument.ResourceType.ImageResource.value or self._folder is None:
            return None
        if name.scheme() or name.host() or name.hasQuery() or name.hasFragment():
            return None
        path = name.path()
        if not path.lower().endswith(IMAGE_SUFFIXES):
            return None
        try:
            return QByteArray(read_file_inside(self._folder, path, MAX_FILE_BYTES))
        except PackFileError as exc:
            log.info("picture not shown: %s", exc)
            return None


class LaidOut(Record):
    """A tab's document and where things are in it."""

    document: QTextDocument
    heading_blocks: list[int]
    """Block number of each section's heading, in order."""
    pictures: list[str]
    """The drawings shown on the page."""
    picture_width: int


def lay_out_tab(tab: Tab, pack_folder: Path | None, page: QWidget, help_link: str) -> LaidOut:
    """Lay out the whole tab as one Markdown document: time grows with its length only.

    The headings are written by the program from the section titles (as literal text), so
    the n-th second-level heading is the n-th section. Links that would leave the guide
    lose their link, even in a pack that was never checked. ``help_link`` (HTML, or "") is
    added at the end. ``page`` owns the document and gives the pictures their width.
    """
    sections = tab.sections
    parts = [f"# {markdown_literal(tab.title)}\n"]
    for section in sections:
        parts.append(f"## {markdown_literal(section.title)}\n\n{breakable(section.markdown)}\n")
    document = PackDocument(pack_folder, page)
    document.setUndoRedoEnabled(False)
    document.setMarkdown("\n".join(parts), MARKDOWN_FEATURES)
    document.setDocumentMargin(16)
    _draw_care_cards(document, sections)
    pictures: list[str] = []
    picture_width = 0
    if any(section.pictures for section in sections):
        from spasmguide.ui.pictures import insert_section_pictures, page_picture_width

        picture_width = page_picture_width(page)
        pictures = insert_section_pictures(document, sections, picture_width)
    heading_blocks = _unlink_and_find_headings(
        document, [may_leave(section.markdown) for section in sections]
    )
    heading_blocks = _insert_badges(document, heading_blocks, sections)
    if help_link:
        cursor = QTextCursor(document)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertBlock()
        cursor.insertHtml(help_link)
    return LaidOut(document, heading_blocks, pictures, picture_width)


def word_selections(document: QTextDocument, words: Sequence[str]) -> list[Any]:
    """A highlight on every occurrence of ``words`` (whole words or word starts)."""
    selections: list[QTextEdit.ExtraSelection] = []
    fmt = QTextCharFormat()
    fmt.setBackground(QColor("#ffe066"))
    fmt.setForeground(QColor("#1a1a1a"))
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
    return selections


def section_headings(document: QTextDocument) -> list[QTextBlock]:
    """The blocks of the second-level headings: one for each section, in order."""
    headings = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 2:
            headings.append(block)
        block = block.next()
    return headings


def _draw_care_cards(document: QTextDocument, sections: Sequence[Section]) -> None:
    """Redraw the body of each section that holds care cards with the cards as coloured
    panels (the one-document build lays them out as plain text). Only those sections are
    touched, last first, so the headings before each one stay where they are."""
    if not any(":::" in section.markdown for section in sections):
        return
    headings = section_headings(document)
    if len(headings) != len(sections):
        return
    for index in reversed(range(len(sections))):
        markdown = sections[index].markdown
        if ":::" not in markdown:
            continue
        start = headings[index].next().position()
        if index + 1 < len(headings):
            end = headings[index + 1].position() - 1
        else:
            end = document.characterCount() - 1
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        insert_section_body(cursor, breakable(markdown), MARKDOWN_FEATURES)


def _insert_badges(
    document: QTextDocument, heading_blocks: list[int], sections: Sequence[Section]
) -> list[int]:
    """Put each treatment's evidence badge under its heading; return the headings' new block
    numbers (each badge moves the headings after it down)."""
    moved: list[int] = []
    added = 0
    for number, section in zip(heading_blocks, sections, strict=False):
        moved.append(number + added)
        if section.evidence is None:
            continue
        before = document.blockCount()
        cursor = QTextCursor(document.findBlockByNumber(number + added))
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        cursor.insertHtml(badge_html(section.evidence))
        added += document.blockCount() - before
    return moved


def _unlink_and_find_headings(document: QTextDocument, may_link: Sequence[bool]) -> list[int]:
    """One pass over the blocks: the block number of each second-level heading, and every
    link that leaves the guide turned back into plain text (only in sections whose Markdown
    could hold a link at all, so a long tab of plain text costs one look at each block)."""
    headings: list[int] = []
    titles: list[int] = []
    outside: list[tuple[int, int]] = []
    block: QTextBlock = document.begin()
    section = -1
    number = 0
    look = False
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level == 2:
            headings.append(number)
            section += 1
            look = section < len(may_link) and may_link[section]
        elif level == 1:
            titles.append(number)
        elif look:
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                fmt = fragment.charFormat()
                if fmt.isAnchor() and internal_target(fmt.anchorHref()) is None:
                    outside.append((fragment.position(), fragment.length()))
                fragments += 1
        block = block.next()
        number += 1
    for position, length in outside:
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        fmt = cursor.charFormat()
        fmt.setAnchor(False)
        fmt.setAnchorHref("")
        fmt.clearForeground()
        fmt.setFontUnderline(False)
        cursor.setCharFormat(fmt)
    if outside:
        log.info("%d link(s) that leave the guide shown as plain text", len(outside))
    _space_headings(document, [(n, HEADING_MARGINS[1]) for n in titles])
    _space_headings(document, [(n, HEADING_MARGINS[2]) for n in headings])
    return headings


HEADING_MARGINS = {1: (18.0, 12.0), 2: (16.0, 10.0)}
"""Space above and below a heading, in pixels, as Qt gives HTML headings: Markdown headings
get none, and a heading needs room above it to be seen as the start of a section."""


def _space_headings(document: QTextDocument, blocks: list[tuple[int, tuple[float, float]]]) -> None:
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for number, (top, bottom) in blocks:
        fmt = QTextBlockFormat()
        fmt.setTopMargin(top)
        fmt.setBottomMargin(bottom)
        QTextCursor(document.findBlockByNumber(number)).mergeBlockFormat(fmt)
    cursor.endEditBlock()
