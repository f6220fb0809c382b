"""Care cards drawn into a page: a coloured panel whose heading band starts with its level.

The text of a section is inserted part by part: plain Markdown as it is, each card
(:mod:`spasmguide.core.care_cards`) as a one-column table with a coloured heading row and
a body row, in the colours of the theme shown (design tokens). The level word begins the
heading, so screen readers, which read the page's text, say it first.
"""

from __future__ import annotations

from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
    QTextTableFormat,
)

from spasmguide.core.care_cards import CareCard, split_care_cards
from spasmguide.ui.care_levels import CARE_ICONS, card_colours, level_word, theme_for_palette
from spasmguide.ui.design import SPACE, Theme

__all__ = [
    "CARD_LEVEL_PROPERTY",
    "CARE_ICONS",
    "card_colours",
    "insert_section_body",
    "level_word",
    "recolour_cards",
    "theme_for_palette",
]

CARD_LEVEL_PROPERTY = 0x100000 + 1
"""A user property of each card's table format (QTextFormat.UserProperty + 1): its level."""

def insert_section_body(
    cursor: QTextCursor, markdown: str, features: QTextDocument.MarkdownFeature
) -> None:
    """Insert a section's Markdown at ``cursor``, drawing its care cards as panels."""
    theme = theme_for_palette()
    for part in split_care_cards(markdown):
        if isinstance(part, CareCard):
            table = _insert_card(cursor, part, features, theme)
            cursor.setPosition(table.lastPosition() + 1)  # just after the card
        else:
            _insert_markdown(cursor, part, features)


def _insert_markdown(
    cursor: QTextCursor, markdown: str, features: QTextDocument.MarkdownFeature
) -> None:
    """Insert Markdown at ``cursor`` without the empty line Qt leaves above it.

    Markdown inserted into an empty block (a fresh table cell, the block after a card)
    starts in a new block, and the empty one stays above it as a blank line. That block
    takes the first inserted block's place instead: its format, its list, its text.
    """
    empty = cursor.block()
    was_empty = empty.length() <= 1
    cursor.insertMarkdown(markdown, features)
    if not was_empty or not empty.isValid() or empty.length() > 1:
        return  # the text went into the block itself (a paragraph does): nothing to do
    first = empty.next()
    if not first.isValid():
        return
    if QTextCursor(first).currentTable() is not QTextCursor(empty).currentTable():
        return
    if QTextCursor(empty).currentTable() is not None:
        table = QTextCursor(empty).currentTable()
        if table.cellAt(empty.position()) != table.cellAt(first.position()):
            return
    merge = QTextCursor(empty)
    merge.setBlockFormat(first.blockFormat())
    merge.setBlockCharFormat(first.charFormat())
    items = first.textList()
    if items is not None:
        items.add(empty)
    merge.deleteChar()  # the line break between them: the first block's text moves up


def _insert_card(
    cursor: QTextCursor, card: CareCard, features: QTextDocument.MarkdownFeature, theme: Theme
) -> QTextTable:
    table_format = QTextTableFormat()
    table_format.setBorder(3)
    table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    table_format.setCellSpacing(0)
    table_format.setCellPadding(SPACE["s"])
    table_format.setMargin(SPACE["s"])
    table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table_format.setProperty(CARD_LEVEL_PROPERTY, card.level)
    block = cursor.block()
    before = block.previous()
    if (
        block.length() <= 1
        and before.isValid()
        and before.length() > 1
        and QTextCursor(before).currentFrame() == QTextCursor(block).currentFrame()
    ):
        cursor.deletePreviousChar()  # no blank line between the text and the card
    table = cursor.insertTable(2, 1, table_format)

    head_cursor = table.cellAt(0, 0).firstCursorPosition()
    heading = QTextCharFormat()
    heading.setFontWeight(QFont.Weight.Bold)
    head_cursor.insertText(
        f"{CARE_ICONS.get(card.level, '')} {level_word(card.level)}: {card.title}", heading
    )
    body = table.cellAt(1, 0)
    body_cursor = body.firstCursorPosition()
    _insert_markdown(body_cursor, card.markdown, features)
    _paint(table, card.level, theme)
    return table


def _paint(table: QTextTable, level: str, theme: Theme) -> None:
    """Give a card's table the colours of its level in ``theme``."""
    band, band_text, body_bg, body_text = card_colours(level, theme)
    table_format = table.format()
    table_format.setBorderBrush(QBrush(QColor(band)))
    table_format.setBackground(QColor(body_bg))
    table.setFormat(table_format)
    for row, (background, text) in enumerate(((band, band_text), (body_bg, body_text))):
        cell = table.cellAt(row, 0)
        cell_format = cell.format().toTableCellFormat()
        cell_format.setBackground(QColor(background))
        cell.setFormat(cell_format)
        # The text in the card's colours (an emergency card is a coloured panel, light text).
        span = cell.firstCursorPosition()
        span.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
        colour = QTextCharFormat()
        colour.setForeground(QColor(text))
        span.mergeCharFormat(colour)


def recolour_cards(document: QTextDocument) -> int:
    """Repaint every card of a built page in the theme now shown; return how many."""
    theme = theme_for_palette()
    count = 0
    for frame in document.rootFrame().childFrames():
        level = frame.format().property(CARD_LEVEL_PROPERTY)
        if isinstance(frame, QTextTable) and isinstance(level, str):
            _paint(frame, level, theme)
            count += 1
    return count
