"""The design tokens: every text and background pair of every theme passes WCAG AA, and the
window shows them: the urgent help button, the theme choice, the status line's link."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from spasmguide.app import build
from spasmguide.cli import LaunchOptions
from spasmguide.core.contrast import AA_BODY_TEXT, NON_TEXT, contrast_ratio
from spasmguide.ui.design import (
    CARE_LEVELS,
    DESKTOP_POINT_SIZE,
    THEME_COLORS,
    application_style_sheet,
    color_fields,
    contrast_pairs,
)


@pytest.mark.parametrize("theme", sorted(THEME_COLORS))
def test_every_token_pair_passes_wcag_aa(theme: str) -> None:
    colors = THEME_COLORS[theme]
    failures = {
        what: round(contrast_ratio(fg, bg), 2)
        for what, fg, bg, minimum in contrast_pairs(colors)
        if contrast_ratio(fg, bg) < minimum
    }
    assert failures == {}


def test_every_colour_token_is_used_in_a_checked_pair() -> None:
    colors = THEME_COLORS["light"]
    used = {value for _, fg, bg, _ in contrast_pairs(colors) for value in (fg, bg)}
    unchecked = [
        name for name in color_fields()
        if name not in ("hover", "alternate_base") and getattr(colors, name) not in used
    ]
    assert unchecked == []


def test_minimums_are_the_wcag_ones() -> None:
    assert AA_BODY_TEXT == 4.5 and NON_TEXT == 3.0
    minimums = {m for _, _, _, m in contrast_pairs(THEME_COLORS["light"])}
    assert minimums == {4.5, 3.0}


def test_body_text_is_about_19_px_on_the_desktop() -> None:
    assert 18.0 <= DESKTOP_POINT_SIZE * 96 / 72 <= 20.0


def test_the_style_sheet_sets_no_font_size_and_names_the_help_button() -> None:
    for colors in THEME_COLORS.values():
        sheet = application_style_sheet(colors)
        assert "font-size" not in sheet
        assert "#help-button" in sheet and colors.help_background in sheet


def test_care_levels_are_fixed() -> None:
    assert CARE_LEVELS == ("emergency", "urgent", "non-urgent", "information")


# -- in the window ---------------------------------------------------------------------------

@pytest.fixture
def window_parts(qtbot, tmp_path: Path):
    components = build(LaunchOptions(settings=tmp_path / "settings.ini"))
    qtbot.addWidget(components.window)
    components.window.resize(1280, 720)
    components.window.show()
    qtbot.waitExposed(components.window)
    return components


def test_light_dark_and_high_contrast_are_chosen_in_the_window(window_parts, qtbot) -> None:
    controls = window_parts.extras["view_controls"]
    appearance = window_parts.extras["appearance"]
    appearance.set_theme("light")
    controls.dark.click()
    assert appearance.effective_theme() == "dark" and controls.dark.isChecked()
    assert QApplication.palette().color(QApplication.palette().ColorRole.Base).name() == (
        THEME_COLORS["dark"].base
    )
    controls.contrast.click()
    assert appearance.effective_theme() == "high-contrast"
    controls.contrast.click()
    assert appearance.effective_theme() == "dark"
    controls.dark.click()
    assert appearance.effective_theme() == "light" and not controls.dark.isChecked()


def test_help_button_wears_the_urgent_colour_and_a_mark(window_parts) -> None:
    window = window_parts.window
    appearance = window_parts.extras["appearance"]
    for theme in ("light", "dark", "high-contrast"):
        appearance.set_theme(theme)
        image = window.help_button.grab().toImage()
        colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3)
                   for y in range(0, image.height(), 3)}
        assert THEME_COLORS[theme].help_background in colours, theme
        # No view control wears it.
        controls = window_parts.extras["view_controls"]
        for button in (controls.larger, controls.contrast, controls.dark):
            other = button.grab().toImage()
            seen = {other.pixelColor(x, y).name() for x in range(0, other.width(), 3)
                    for y in range(0, other.height(), 3)}
            assert THEME_COLORS[theme].help_background not in seen, (theme, button.text())
    assert not window.help_button.icon().isNull()


def test_status_line_link_opens_when_to_get_help(window_parts) -> None:
    window = window_parts.window
    window.show_tab("about")
    assert 'href="#help"' in window.disclaimer_label.text()
    window.disclaimer_label.linkActivated.emit("#help")
    assert window.current_tab_id() == "overview"
    assert window.readers["overview"].current_section_id() == window.pack.help_section
