"""Colour contrast as WCAG 2 defines it, so themes can be checked by numbers, not by eye.

See https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio and #dfn-relative-luminance.
"""

from __future__ import annotations

from spasmguide.core.patterns import LazyPattern

AA_BODY_TEXT = 4.5
"""WCAG AA minimum for body text."""
AAA_BODY_TEXT = 7.0
"""WCAG AAA minimum for body text (our high-contrast theme)."""
NON_TEXT = 3.0
"""WCAG minimum for focus indicators and control borders against their background."""

_HEX = LazyPattern(r"#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def parse_hex(color: str) -> tuple[int, int, int]:
    """``"#1a2b3c"``, ``"1a2b3c"`` or ``"#abc"`` -> (r, g, b) in 0..255.

    Raises:
        ValueError: the text is not a hex colour.
    """
    match = _HEX.fullmatch(color.strip())
    if match is None:
        raise ValueError(f"not a hex colour: {color!r}")
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(color: str) -> float:
    """Relative luminance of an sRGB colour: 0.0 for black, 1.0 for white."""
    r, g, b = parse_hex(color)
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast_ratio(fg_hex: str, bg_hex: str) -> float:
    """Contrast ratio between two colours, from 1.0 (same) to 21.0 (black on white).

    The order of the arguments does not matter.
    """
    a = relative_luminance(fg_hex)
    b = relative_luminance(bg_hex)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)
