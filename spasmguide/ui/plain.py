"""Pack text shown outside the Markdown page is plain text, never markup.

A QLabel, a tooltip or a list item decides for itself whether a string "looks like" HTML
and renders it if so. Text a clinic wrote must never be read that way: a heading holding
``<img src=...>`` would load a file when its tooltip shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"}
)


def escape(text: str) -> str:
    """``text`` with the characters HTML gives meaning to written as references, as
    ``html.escape`` does (that module costs a start-up its table of every named entity)."""
    return text.translate(_ESCAPES)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` exactly: escaped inside a paragraph, so Qt's rich text
    engine draws the characters instead of reading them as tags."""
    return f"<p>{escape(text)}</p>" if text else ""


def plain_label(label: QLabel) -> QLabel:
    """Make ``label`` show its text as written, never as HTML; return it."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def tab_text(text: str) -> str:
    """A tab or button caption that shows every ``&`` instead of underlining a key."""
    return text.replace("&", "&&")
