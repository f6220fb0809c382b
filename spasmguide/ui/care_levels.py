"""What a care card's level looks like and is called, without Qt's rich-text types.

The search results show each hit's care level with the same words and colours as the cards
on a page (:mod:`spasmguide.ui.care_card_view`), and they appear before any page is laid out.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from spasmguide.ui.design import THEME_COLORS, Theme

__all__ = ["CARE_ICONS", "card_colours", "level_word", "theme_for_palette"]

CARE_ICONS = {"emergency": "⚠", "urgent": "⚠", "non-urgent": "ℹ", "information": "ℹ"}
"""The mark shown before each level's word."""


def level_word(level: str) -> str:
    """The level as a person reads it, translatable."""
    words = {
        "emergency": QCoreApplication.translate("CareCard", "Emergency"),
        "urgent": QCoreApplication.translate("CareCard", "Urgent"),
        "non-urgent": QCoreApplication.translate("CareCard", "Non-urgent"),
        "information": QCoreApplication.translate("CareCard", "Information"),
    }
    return words.get(level, level)


def theme_for_palette(palette: QPalette | None = None) -> Theme:
    """The design theme whose window colour the application palette has (light if none)."""
    palette = palette or QApplication.palette()
    window = palette.color(QPalette.ColorRole.Window).name()
    for theme in THEME_COLORS.values():
        if theme.window == window:
            return theme
    return THEME_COLORS["light"]


def card_colours(level: str, theme: Theme) -> tuple[str, str, str, str]:
    """(band, band text, body background, body text) of a card."""
    t = theme
    if level == "emergency":
        return t.emergency_background, t.emergency_text, t.emergency_background, t.emergency_text
    band, band_text = {
        "urgent": (t.urgent_band, t.urgent_band_text),
        "non-urgent": (t.non_urgent_band, t.non_urgent_band_text),
    }.get(level, (t.information_band, t.information_band_text))
    return band, band_text, t.card_background, t.card_text
