"""Themes and text size for the whole window: light, dark, high contrast, 80 % to 250 %.

Colours are set as a QPalette on the QApplication (Fusion style, which draws from the palette
and nothing else) and in the application style sheet, which also draws a clearly visible
focus ring (see ``ui.focus_ring``). Text size is the application font, so every widget and
every page follows it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFrame,
    QWidget,
)

from spasmguide.core.settings import TEXT_SCALE_MAX, TEXT_SCALE_MIN, THEMES
from spasmguide.settings_store import SettingsStore
from spasmguide.ui.design import (
    DARK,
    DESKTOP_POINT_SIZE,
    HIGH_CONTRAST,
    KIOSK_POINT_SIZE,
    LIGHT,
    THEME_COLORS,
    Theme,
    application_style_sheet,
)
from spasmguide.ui.focus_ring import FRAMED, install_focus_ring

log = logging.getLogger(__name__)

__all__ = [
    "DARK",
    "DESKTOP_POINT_SIZE",
    "HIGH_CONTRAST",
    "KIOSK_POINT_SIZE",
    "LIGHT",
    "THEME_COLORS",
    "Appearance",
    "Theme",
    "build_palette",
    "give_ring_room",
    "next_scale",
]

SCALE_STEPS: tuple[int, ...] = (80, 90, 100, 110, 125, 150, 175, 200, 225, 250)
"""Text sizes that A+ / A- and Ctrl+Plus / Ctrl+Minus step through (per cent)."""
DEFAULT_SCALE = 100
DEFAULT_THEME = "system"

if TYPE_CHECKING:
    from PySide6.QtGui import QShortcut


# The themes' colours are design tokens; they live in spasmguide.ui.design.


def next_scale(scale: int, direction: int) -> int:
    """The next text size up (direction > 0) or down (< 0), clamped to 80..250 %."""
    if direction > 0:
        bigger = [s for s in SCALE_STEPS if s > scale]
        return bigger[0] if bigger else TEXT_SCALE_MAX
    smaller = [s for s in SCALE_STEPS if s < scale]
    return smaller[-1] if smaller else TEXT_SCALE_MIN


def build_palette(theme: Theme) -> QPalette:
    """A complete palette for ``theme``: active, inactive and disabled groups."""
    palette = QPalette()
    role = QPalette.ColorRole
    colors = {
        role.Window: theme.window,
        role.WindowText: theme.window_text,
        role.Base: theme.base,
        role.AlternateBase: theme.alternate_base,
        role.Text: theme.text,
        role.Button: theme.button,
        role.ButtonText: theme.button_text,
        role.BrightText: theme.window_text,
        role.Highlight: theme.highlight,
        role.HighlightedText: theme.highlighted_text,
        role.Link: theme.link,
        role.LinkVisited: theme.link_visited,
        role.PlaceholderText: theme.placeholder,
        role.ToolTipBase: theme.base,
        role.ToolTipText: theme.text,
        # Fusion draws bevels and frames from these.
        role.Light: theme.hover,
        role.Midlight: theme.button,
        role.Mid: theme.frame,
        role.Dark: theme.frame,
        role.Shadow: theme.frame,
        role.Accent: theme.highlight,
    }
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for which, value in colors.items():
            palette.setColor(group, which, QColor(value))
    for which, value in colors.items():
        palette.setColor(QPalette.ColorGroup.Disabled, which, QColor(value))
    for which in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, which, QColor(theme.disabled_text))
    return palette


def give_ring_room(area: QAbstractScrollArea) -> None:
    """Give a list or page the style sheet's border, and its focus ring when it has focus.

    The border and padding together are as wide as the ring, outside the viewport, so the
    ring covers no text. Call before the area is first shown.
    """
    area.setFrameShape(QFrame.Shape.StyledPanel)
    area.setProperty(FRAMED, True)


class Appearance(QObject):
    """Theme and text size of the whole application, remembered on the desktop.

    Signals:
        text_scale_changed(int): the text size now in use, in per cent.
        theme_changed(str): the theme asked for ("system", "light", "dark", "high-contrast").
    """

    text_scale_changed = Signal(int)
    theme_changed = Signal(str)

    def __init__(
        self,
        app: QApplication,
        settings: SettingsStore | None,
        *,
        kiosk: bool = False,
        default_theme: str = DEFAULT_THEME,
        default_scale: int = DEFAULT_SCALE,
        color_scheme: Callable[[], Qt.ColorScheme] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._settings = settings
        # The desktop's light/dark preference; tests pass their own.
        self._color_scheme = color_scheme or QGuiApplication.styleHints().colorScheme
        self.kiosk = kiosk
        self.default_theme = default_theme if default_theme in THEMES else DEFAULT_THEME
        self.default_scale = _clamp(default_scale)
        self.base_point_size = KIOSK_POINT_SIZE if kiosk else DESKTOP_POINT_SIZE
        self._family = app.font().family()
        if settings is not None and not kiosk:
            self._theme = str(settings.get("view/theme"))
            self._scale = int(settings.get("view/text_scale"))
        else:
            self._theme, self._scale = self.default_theme, self.default_scale
        self._theme_before_high_contrast = (
            self._theme if self._theme != "high-contrast" else DEFAULT_THEME
        )
        # Fusion paints with the palette alone, so our colours are what users see.
        if app.property("spasmguide-style") != "Fusion":  # once: setting it repolishes all
            app.setStyle("Fusion")
            app.setProperty("spasmguide-style", "Fusion")
        install_focus_ring(app)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)
        self._apply_theme()
        self._apply_font()

    # -- state ----------------------------------------------------------------------------------

    def text_scale(self) -> int:
        """The text size in per cent (80..250)."""
        return self._scale

    def theme(self) -> str:
        """The theme asked for, which may be "system"."""
        return self._theme

    def effective_theme(self) -> str:
        """The theme shown: "system" resolved to "light" or "dark"."""
        if self._theme != "system":
            return self._theme
        scheme = self._color_scheme()
        return "dark" if scheme == Qt.ColorScheme.Dark else "light"

    def colors(self) -> Theme:
        """The colours of the theme shown."""
        return THEME_COLORS[self.effective_theme()]

    def point_size(self) -> float:
        """The application font size for the current text scale."""
        return self.base_point_size * self._scale / 100

    def body_colors(self) -> tuple[str, str]:
        """Body text and page background (hex) read back from the application's palette."""
        palette = self._app.palette()
        return (
            palette.color(QPalette.ColorRole.Text).name(),
            palette.color(QPalette.ColorRole.Base).name(),
        )

    # -- changes ----------------------------------------------------------------------------

    @Slot(int)
    def set_text_scale(self, scale: int) -> None:
        """Use a text size (per cent); values outside 80..250 are clamped."""
        scale = _clamp(scale)
        if scale == self._scale:
            return
        self._scale = scale
        self._apply_font()
        self._remember("view/text_scale", scale)
        self.text_scale_changed.emit(scale)

    @Slot()
    def larger(self) -> None:
        """One step larger text."""
        self.set_text_scale(next_scale(self._scale, +1))

    @Slot()
    def smaller(self) -> None:
        """One step smaller text."""
        self.set_text_scale(next_scale(self._scale, -1))

    @Slot()
    def reset_text_scale(self) -> None:
        """Back to the default text size (Ctrl+0)."""
        self.set_text_scale(self.default_scale)

    @Slot(str)
    def set_theme(self, theme: str) -> None:
        """Use a theme: "system", "light", "dark" or "high-contrast"."""
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}")
        if theme == self._theme:
            return
        if theme == "high-contrast":
            self._theme_before_high_contrast = self._theme
        self._theme = theme
        self._apply_theme()
        self._remember("view/theme", theme)
        self.theme_changed.emit(theme)

    @Slot(bool)
    def set_high_contrast(self, on: bool) -> None:
        """Switch the high-contrast theme on, or back to the theme used before it."""
        if on:
            self.set_theme("high-contrast")
        elif self._theme == "high-contrast":
            self.set_theme(self._theme_before_high_contrast)

    @Slot()
    def reset_to_defaults(self) -> None:
        """Default theme and text size (the kiosk reset between visitors)."""
        self._theme_before_high_contrast = self.default_theme
        self.set_theme(self.default_theme)
        self.set_text_scale(self.default_scale)

    def install_shortcuts(self, window: QWidget) -> list[QShortcut]:
        """Ctrl+Plus / Ctrl+= larger, Ctrl+Minus smaller, Ctrl+0 default size, in ``window``."""
        from PySide6.QtGui import QKeySequence, QShortcut  # after the first frame

        keys = {
            "Ctrl++": self.larger,
            "Ctrl+=": self.larger,
            "Ctrl+-": self.smaller,
            "Ctrl+0": self.reset_text_scale,
        }
        return [QShortcut(QKeySequence(key), window, slot) for key, slot in keys.items()]

    # -- applying -----------------------------------------------------------------------------

    def _apply_theme(self) -> None:
        # Setting the palette repaints every widget.
        self._app.setPalette(build_palette(self.colors()))
        self._refresh_style_sheets()

    def _apply_font(self) -> None:
        font = QFont(self._app.font())
        font.setFamily(self._family)
        font.setPointSizeF(self.point_size())
        # Widgets and QTextBrowser documents without a font of their own follow this.
        self._app.setFont(font)
        self._refresh_style_sheets()

    def _apply_application_sheet(self) -> None:
        """The one application style sheet, made from the design tokens of the theme shown."""
        # Set again even when unchanged: like a widget's sheet (below), the application's
        # keeps the font its widgets had when it was set, until it is set again.
        self._app.setStyleSheet(application_style_sheet(self.colors()))

    def _refresh_style_sheets(self) -> None:
        self._apply_application_sheet()
        # WORKAROUND: a widget with a style sheet (and everything inside it) keeps the font
        # and palette it had when the sheet was applied; application font and palette
        # changes stop at it. Applying the same sheet again makes it take the new ones.
        for widget in self._app.allWidgets():
            sheet = widget.styleSheet()
            if sheet:
                widget.setStyleSheet(sheet)

    def _remember(self, key: str, value: object) -> None:
        if self.kiosk or self._settings is None:
            return
        self._settings.set(key, value)
        self._settings.save()

    @Slot(Qt.ColorScheme)
    def _on_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._theme == "system":
            self._apply_theme()
            self.theme_changed.emit(self._theme)


def _clamp(scale: int) -> int:
    return max(TEXT_SCALE_MIN, min(TEXT_SCALE_MAX, int(scale)))
