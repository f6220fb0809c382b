"""Characters that may not be in a title, an id or a file name of a pack.

Control characters break a line or hide in it, and the invisible text-direction
characters (the "bidi" controls) can make a title read differently from what it says.
"""

from __future__ import annotations

import unicodedata

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
"""Characters that reorder or redirect the text around them without being seen."""


def unsafe_character(text: str) -> str | None:
    """Words for the first character of ``text`` that a title or id may not hold, or None."""
    if text.isascii() and text.isprintable():
        return None
    for char in text:
        code = f"U+{ord(char):04X}"
        if char in BIDI_CONTROLS:
            return f"a hidden text-direction character ({code})"
        if unicodedata.category(char) in ("Cc", "Zl", "Zp"):
            return f"a control character ({code})"
    return None


def shown(text: str, limit: int = 80) -> str:
    """``text`` as a message may quote it: hidden characters written as ``\\u202e``, and
    shortened to about ``limit`` characters."""
    if len(text) > limit:
        text = text[: limit - 1] + "\u2026"
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)
