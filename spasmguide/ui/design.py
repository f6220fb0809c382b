"""SpasmGuide's design tokens: type scale, colours, spacing, radii and the focus ring.

Everything that gives the guide its look comes from here: ``appearance`` turns a theme's
colours into the application palette and :func:`application_style_sheet` into the one
application style sheet. Every text/background pair a theme defines is listed in
:func:`contrast_pairs` and checked against WCAG AA by the tests (4.5:1 for body text, 3:1
for large text, control borders and the focus ring).

The sizes follow the NHS and GOV.UK design systems: 19 px body text on a desktop, a short
heading scale, a reading column of about 70 characters, spacing in steps of 4 and 8 px.
"""

from __future__ import annotations

from pathlib import Path

from spasmguide.core.contrast import AA_BODY_TEXT, NON_TEXT
from spasmguide.core.record import Record

# -- type ------------------------------------------------------------------------------------

DESKTOP_POINT_SIZE = 14.0
"""Body text on the desktop at 100 %: 14 pt is about 19 px on a 96 dpi screen."""
KIOSK_POINT_SIZE = 16.0
"""Body text on a clinic screen at 100 %: read standing, from further away (about 21 px)."""
HEADING_SCALE = {"h1": 2.0, "h2": 1.5, "h3": 1.25, "body": 1.0, "small": 0.9}
"""Heading sizes as multiples of body text (about 38 / 28 / 24 / 19 px on the desktop)."""
READING_MEASURE_EM = 40
"""The reading column's widest: 40 em of "M", about 70 characters of body text."""

# -- space and shape -------------------------------------------------------------------------

SPACE = {"xs": 4, "s": 8, "m": 16, "l": 24, "xl": 32, "xxl": 48}
"""Spacing steps in pixels."""
RADIUS = {"field": 4, "control": 6, "card": 12}
"""Corner radii in pixels."""
FOCUS_RING_PX = 3
"""Width of the focus ring drawn on every focused control."""
TOUCH_TARGET_PX = 48
"""Smallest height and width of anything a finger must hit."""
HELP_MARK = Path(__file__).resolve().parents[2] / "resources" / "icons" / "help-mark.svg"
"""The mark on "When to get help", set by the style sheet: Qt draws it, and the first frame
need not make Python's types for icons and painters."""

# -- colour ----------------------------------------------------------------------------------

CARE_LEVELS = ("emergency", "urgent", "non-urgent", "information")
"""The levels a care card can have, most serious first."""


class Theme(Record):
    """The colours of one theme, as hex strings (checked for contrast by the tests)."""

    name: str
    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    button: str
    button_text: str
    highlight: str
    highlighted_text: str
    link: str
    link_visited: str
    placeholder: str
    disabled_text: str
    frame: str
    """Border of a control that does not have focus (at least 3:1 on its background)."""
    focus: str
    """The focus ring (at least 3:1 against the window and the page)."""
    hover: str
    help_background: str
    """ "When to get help": the one control in the urgent colour."""
    help_text: str
    help_focus: str
    """The focus ring on the help button, drawn inside it: at least 3:1 on its colour."""
    emergency_background: str
    emergency_text: str
    urgent_band: str
    urgent_band_text: str
    non_urgent_band: str
    non_urgent_band_text: str
    information_band: str
    information_band_text: str
    card_background: str
    card_text: str


LIGHT = Theme(
    name="light",
    window="#f0f4f5",
    window_text="#212b32",
    base="#ffffff",
    alternate_base="#f5f5f5",
    text="#212b32",
    button="#e8edee",
    button_text="#212b32",
    highlight="#005eb8",
    highlighted_text="#ffffff",
    link="#005eb8",
    link_visited="#330072",
    placeholder="#4c6272",
    disabled_text="#5e6f7a",
    frame="#768692",
    focus="#003087",
    hover="#d8dde0",
    help_background="#d5281b",
    help_text="#ffffff",
    help_focus="#ffeb3b",
    emergency_background="#d5281b",
    emergency_text="#ffffff",
    urgent_band="#d5281b",
    urgent_band_text="#ffffff",
    non_urgent_band="#005eb8",
    non_urgent_band_text="#ffffff",
    information_band="#425563",
    information_band_text="#ffffff",
    card_background="#ffffff",
    card_text="#212b32",
)
DARK = Theme(
    name="dark",
    window="#1d2328",
    window_text="#eeeeee",
    base="#141414",
    alternate_base="#1c1c1c",
    text="#eeeeee",
    button="#33393f",
    button_text="#eeeeee",
    highlight="#8ab4f8",
    highlighted_text="#000000",
    link="#8ab4f8",
    link_visited="#c58af9",
    placeholder="#b0b0b0",
    disabled_text="#8f8f8f",
    frame="#8f8f8f",
    focus="#ffd24d",
    hover="#44474c",
    help_background="#ff8a80",
    help_text="#000000",
    help_focus="#000000",
    emergency_background="#ff8a80",
    emergency_text="#000000",
    urgent_band="#ff8a80",
    urgent_band_text="#000000",
    non_urgent_band="#8ab4f8",
    non_urgent_band_text="#000000",
    information_band="#b0bec5",
    information_band_text="#000000",
    card_background="#141414",
    card_text="#eeeeee",
)
HIGH_CONTRAST = Theme(
    name="high-contrast",
    window="#000000",
    window_text="#ffffff",
    base="#000000",
    alternate_base="#000000",
    text="#ffffff",
    button="#000000",
    button_text="#ffffff",
    highlight="#1aebff",
    highlighted_text="#000000",
    link="#ffff00",
    link_visited="#ffff00",
    placeholder="#d9d9d9",
    disabled_text="#a6a6a6",
    frame="#ffffff",
    focus="#ffff00",
    hover="#303030",
    help_background="#ffff00",
    help_text="#000000",
    help_focus="#000000",
    emergency_background="#ffff00",
    emergency_text="#000000",
    urgent_band="#ffff00",
    urgent_band_text="#000000",
    non_urgent_band="#1aebff",
    non_urgent_band_text="#000000",
    information_band="#ffffff",
    information_band_text="#000000",
    card_background="#000000",
    card_text="#ffffff",
)
THEME_COLORS: dict[str, Theme] = {t.name: t for t in (LIGHT, DARK, HIGH_CONTRAST)}


def contrast_pairs(theme: Theme) -> list[tuple[str, str, str, float]]:
    """Every foreground/background pair the theme paints: (what, fg, bg, minimum ratio)."""
    t = theme
    body = AA_BODY_TEXT
    pairs = [
        ("page text", t.text, t.base, body),
        ("window text", t.window_text, t.window, body),
        ("alternate rows", t.text, t.alternate_base, body),
        ("button text", t.button_text, t.button, body),
        ("hovered button text", t.button_text, t.hover, body),
        ("selected text", t.highlighted_text, t.highlight, body),
        ("links", t.link, t.base, body),
        ("visited links", t.link_visited, t.base, body),
        ("placeholder", t.placeholder, t.base, body),
        ("help button", t.help_text, t.help_background, body),
        ("emergency card", t.emergency_text, t.emergency_background, body),
        ("urgent heading", t.urgent_band_text, t.urgent_band, body),
        ("non-urgent heading", t.non_urgent_band_text, t.non_urgent_band, body),
        ("information heading", t.information_band_text, t.information_band, body),
        ("card text", t.card_text, t.card_background, body),
        ("disabled text", t.disabled_text, t.window, NON_TEXT),
    ]
    for background in (t.window, t.base, t.button):
        pairs.append(("focus ring", t.focus, background, NON_TEXT))
        pairs.append(("control border", t.frame, background, NON_TEXT))
    pairs += [
        ("help button on the window", t.help_background, t.window, NON_TEXT),
        ("help focus ring", t.help_focus, t.help_background, NON_TEXT),
        ("card band on the page", t.urgent_band, t.card_background, NON_TEXT),
        ("non-urgent band on the page", t.non_urgent_band, t.card_background, NON_TEXT),
    ]
    return pairs


def color_fields() -> list[str]:
    """The names of a theme's colour tokens."""
    return [name for name in Theme.fields if name != "name"]


def application_style_sheet(theme: Theme) -> str:
    """The one application style sheet: what the palette cannot say, from the tokens.

    Buttons, text fields and the framed lists and pages get a border of at least 3:1 against
    the window (Fusion's own is the window colour a little darker: invisible on black) and the
    focus ring; the bar over the tab shown and the focus ring of other controls
    (``ui.focus_ring``) are coloured here too. Everything else keeps Fusion's drawing. No rule
    sets a font size: text size stays the application font's, so A+ / A- reach everything.
    """
    t = theme
    radius = RADIUS["control"]
    ring = FOCUS_RING_PX
    thin = ring - 1  # padding that keeps a control's size when its border thickens
    return f"""
QPushButton {{
    background: {t.button}; color: {t.button_text};
    border: 1px solid {t.frame}; border-radius: {radius}px;
    padding: {thin}px {thin + SPACE["xs"]}px;
}}
QPushButton:hover {{ background: {t.hover}; }}
QPushButton:pressed {{ background: {t.window}; }}
QPushButton:checked {{ background: {t.highlight}; color: {t.highlighted_text}; }}
QPushButton:disabled {{ color: {t.disabled_text}; }}
QPushButton:flat {{ background: transparent; border: 1px solid transparent; }}
QPushButton:focus, QPushButton:flat:focus {{
    border: {ring}px solid {t.focus}; padding: 0 {SPACE["xs"]}px;
}}
QLineEdit {{
    background: {t.base}; color: {t.text};
    border: 1px solid {t.frame}; border-radius: {RADIUS["field"]}px;
    padding: {thin + 2}px {thin + 4}px;
}}
QLineEdit:focus {{ border: {ring}px solid {t.focus}; padding: 2px 4px; }}
QAbstractSpinBox QLineEdit, QComboBox QLineEdit {{
    border: none; padding: 0; background: transparent;
}}
QAbstractScrollArea[framed="true"] {{
    background: {t.base}; border: 1px solid {t.frame}; padding: {thin}px;
}}
QAbstractScrollArea[framed="true"]:focus {{ border: {ring}px solid {t.focus}; padding: 0; }}
QFrame#focus-ring {{ border: {ring}px solid {t.focus}; background: transparent; }}
QFrame#selected-tab-mark {{ background: {t.highlight}; }}
QScrollBar:vertical {{ background: {t.base}; width: 16px; margin: 0; }}
QScrollBar:horizontal {{ background: {t.base}; height: 16px; margin: 0; }}
QScrollBar::handle {{
    background: {t.frame}; border: 3px solid {t.base}; border-radius: 7px;
}}
QScrollBar::handle:vertical {{ min-height: 32px; }}
QScrollBar::handle:horizontal {{ min-width: 32px; }}
QScrollBar::handle:hover {{ background: {t.text}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
QPushButton#help-button {{
    qproperty-icon: url("{HELP_MARK.as_posix()}");
    background: {t.help_background}; color: {t.help_text};
    border: {ring}px solid {t.help_background}; border-radius: {radius}px;
    padding: 2px {SPACE["m"]}px;
}}
QPushButton#help-button:focus {{ border: {ring}px solid {t.help_focus}; }}
QPushButton#help-button:pressed {{ border: {ring}px solid {t.help_text}; }}
QLabel#disclaimer {{ padding: {SPACE["xs"]}px {SPACE["s"]}px; }}
QScrollArea#start-page, QWidget#start-page-body {{ background: {t.window}; }}
QPushButton#start-card {{
    background: {t.base}; color: {t.text}; text-align: left;
    border: 2px solid {t.frame}; border-radius: {RADIUS["card"]}px;
}}
QPushButton#start-card[card="cramp-now"] {{ border: {ring}px solid {t.link}; }}
QPushButton#start-card:hover {{ background: {t.hover}; }}
QPushButton#start-card:focus {{ border: {ring}px solid {t.focus}; background: {t.hover}; }}
QPushButton#start-card:pressed {{ background: {t.alternate_base}; }}
QPushButton#tab-strip-button {{
    background: {t.button}; color: {t.button_text};
    border: 1px solid {t.frame}; border-radius: {radius}px; padding: 4px {SPACE["s"]}px;
}}
QPushButton#tab-strip-button:checked {{
    background: {t.highlight}; color: {t.highlighted_text}; font-weight: bold;
    border: 1px solid {t.highlight};
}}
QPushButton#tab-strip-button:focus {{ border: {ring}px solid {t.focus}; }}
"""
