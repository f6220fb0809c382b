"""Care cards on the page: coloured panels whose heading starts with the level, in every theme."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextTable

from spasmguide.app import build
from spasmguide.cli import LaunchOptions
from spasmguide.ui.care_card_view import CARD_LEVEL_PROPERTY, card_colours
from spasmguide.ui.design import THEME_COLORS


@pytest.fixture
def parts(qtbot, tmp_path: Path):
    components = build(LaunchOptions(settings=tmp_path / "settings.ini"))
    qtbot.addWidget(components.window)
    components.window.resize(1280, 720)
    components.window.show()
    qtbot.waitExposed(components.window)
    components.window.show_help()
    return components


def _cards(document) -> list[QTextTable]:
    return [
        frame for frame in document.rootFrame().childFrames()
        if isinstance(frame, QTextTable) and frame.format().property(CARD_LEVEL_PROPERTY)
    ]


def test_help_levels_are_cards_whose_heading_says_the_level_first(parts) -> None:
    page = parts.window.readers["overview"].page
    cards = _cards(page.document())
    levels = [c.format().property(CARD_LEVEL_PROPERTY) for c in cards]
    assert levels == ["emergency", "urgent", "non-urgent"]
    text = page.toPlainText()
    # Screen readers read the page's text: the level comes first, then the heading, then signs.
    for heading in ("Emergency: Call", "Urgent: Get help today if:",
                    "Non-urgent: See a doctor soon if:"):
        assert heading in text
    assert "::: care" not in text


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_cards_take_the_colours_of_the_theme_shown(parts, qtbot, theme: str) -> None:
    parts.extras["appearance"].set_theme(theme)
    page = parts.window.readers["overview"].page
    colours = THEME_COLORS[theme]

    def painted() -> bool:
        for card in _cards(page.document()):
            level = card.format().property(CARD_LEVEL_PROPERTY)
            band, band_text, body_bg, _ = card_colours(level, colours)
            head = card.cellAt(0, 0)
            if head.format().background().color().name() != band:
                return False
            if card.cellAt(1, 0).format().background().color().name() != body_bg:
                return False
            if head.firstCursorPosition().charFormat().foreground().color().name() != band_text:
                return False
        return True

    qtbot.waitUntil(painted)


def test_no_blank_line_above_a_card_or_under_its_heading(parts) -> None:
    from PySide6.QtGui import QTextCursor

    document = parts.window.readers["overview"].page.document()
    cards = _cards(document)
    assert cards
    for card in cards:
        body = card.cellAt(1, 0)
        first = body.firstCursorPosition().block()
        assert first.text().strip(), "an empty line opens the card's body"
        before = document.findBlock(card.firstPosition() - 1)
        if not before.text():  # only the line Qt keeps between two cards may be empty
            assert QTextCursor(before.previous()).currentTable() is not None
    # Nothing was lost on the way: every sign is still there, in order.
    text = document.toPlainText()
    for sign in ("your leg hurts or is swollen", "you think you may have a blood clot",
                 "your cramps keep coming back", "Most leg cramps are not serious."):
        assert sign in text
    assert text.index("Most leg cramps") < text.index("Emergency: Call")
