"""Which keys may reach the program in kiosk mode: default-deny shortcuts, typing always."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

GUARDED_MODIFIERS = frozenset({"Ctrl", "Alt", "Meta"})
"""A key with one of these held is a shortcut, denied unless allowed below."""

NAVIGATION_CHORDS = frozenset({
    "Ctrl+Tab", "Ctrl+Shift+Tab", "Ctrl+Backtab", "Ctrl+Shift+Backtab",
    "Ctrl+PgDown", "Ctrl+PgUp",
    "Ctrl+F", "Ctrl+K", "/",
    "Alt+1", "Alt+2", "Alt+3", "Alt+4", "Alt+5", "Alt+6", "Alt+7", "Alt+8", "Alt+9",
    "F6", "Shift+F6",
    "Ctrl++", "Ctrl+=", "Ctrl+-", "Ctrl+0", "Ctrl+Shift++", "Ctrl+Shift+=",
})
"""The program's own navigation and view keys: they work everywhere."""

EDITING_CHORDS = frozenset({
    "Ctrl+A", "Ctrl+C", "Ctrl+X", "Ctrl+V", "Ctrl+Z", "Ctrl+Y", "Ctrl+Shift+Z",
    "Ctrl+Left", "Ctrl+Right", "Ctrl+Shift+Left", "Ctrl+Shift+Right",
    "Ctrl+Home", "Ctrl+End", "Ctrl+Shift+Home", "Ctrl+Shift+End",
    "Ctrl+Backspace", "Ctrl+Del", "Ctrl+Delete",
})
"""Text editing keys: they work only in the search box."""


def is_function_key(key_name: str) -> bool:
    """True for F1 to F35."""
    return re.fullmatch(r"F([1-9]|[12][0-9]|3[0-5])", key_name) is not None


def chord_allowed(chord: str, *, in_search_box: bool) -> bool:
    """Default-deny: may this key combination reach the program?

    Args:
        chord: The combination in Qt's portable text form, such as ``"Ctrl+Shift+Tab"``.
        in_search_box: True when the search box has the keyboard focus.
    """
    if not chord:
        return True
    if chord in NAVIGATION_CHORDS:
        return True
    parts = chord.split("+")
    key = parts[-1] or "+"
    modifiers = {p for p in parts[:-1] if p}
    if is_function_key(key):
        return False
    if not modifiers & GUARDED_MODIFIERS:
        return True
    return in_search_box and chord in EDITING_CHORDS


def types_text(text: str, modifiers: Collection[str]) -> bool:
    """True when a key event types ``text`` rather than asking for a shortcut.

    The same test Qt's text fields use: printable text, unless Ctrl (with or without Shift)
    is the only modifier held. So AltGr, which Windows reports as Ctrl+Alt, types its
    character (``@``, ``ł``, ``€``) whatever the modifiers say, while Ctrl+Q stays a chord.

    Args:
        text: What the key event would type ("" for most chords).
        modifiers: The modifier names held, from ``"Ctrl"``, ``"Alt"``, ``"Meta"``,
            ``"Shift"`` (others are ignored).
    """
    if not text:
        return False
    held = set(modifiers) & {"Ctrl", "Alt", "Meta", "Shift"}
    if held in ({"Ctrl"}, {"Ctrl", "Shift"}):
        return False
    first = text[0]
    return first.isprintable() or unicodedata.category(first) == "Cf"
