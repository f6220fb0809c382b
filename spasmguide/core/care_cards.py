"""Care cards: coloured callouts in a section's Markdown, with a small fixed set of levels.

A card is written between an opening line and a closing line of three colons::

    ::: care urgent Get help today if:
    - a cramp lasts longer than 10 minutes in total
    :::

The opening line names the level (one of :data:`LEVELS`) and the card's heading. The body is
ordinary Markdown (usually a short list). Cards cannot be nested. The guide draws each card as
a coloured panel whose heading starts with its level, so screen readers say it too.
"""

from __future__ import annotations

from collections.abc import Sequence

from spasmguide.core.patterns import LazyPattern
from spasmguide.core.record import Record

__all__ = [
    "LEVELS",
    "CareCard",
    "care_card_plain_line",
    "care_card_spans",
    "care_level_at",
    "check_care_cards",
    "split_care_cards",
]

LEVELS = ("emergency", "urgent", "non-urgent", "information")
"""The levels a care card can have, most serious first."""

_MARKER_RE = LazyPattern(r"^\s*:::")
_OPEN_RE = LazyPattern(r"^\s*:::\s*care\s+(\S+)\s*(.*?)\s*$")
_CLOSE_RE = LazyPattern(r"^\s*:::\s*$")


class CareCard(Record):
    """One card: its level, its heading and its body (Markdown)."""

    level: str
    title: str
    markdown: str


def split_care_cards(markdown: str) -> list[str | CareCard]:
    """A section body as Markdown parts and cards, in order (a faulty card stays as text)."""
    parts: list[str | CareCard] = []
    plain: list[str] = []
    card: tuple[str, str] | None = None
    body: list[str] = []
    for line in markdown.splitlines():
        opener = _OPEN_RE.match(line)
        if card is None and opener and opener.group(1) in LEVELS:
            if plain:
                parts.append("\n".join(plain))
                plain = []
            card, body = (opener.group(1), opener.group(2)), []
        elif card is not None and _CLOSE_RE.match(line):
            parts.append(CareCard(card[0], card[1], "\n".join(body).strip("\n")))
            card = None
        elif card is not None:
            body.append(line)
        else:
            plain.append(line)
    if card is not None:  # never closed: keep the words, as plain text
        plain += [f"{card[1]}", *body]
    if plain:
        parts.append("\n".join(plain))
    return [p for p in parts if isinstance(p, CareCard) or p.strip()]


def check_care_cards(lines: Sequence[str]) -> list[tuple[int, str]]:
    """Problems with the cards in a section's lines: (index of the line, message)."""
    problems: list[tuple[int, str]] = []
    opened: int | None = None
    has_text = False
    for index, line in enumerate(lines):
        if not _MARKER_RE.match(line):
            has_text = has_text or bool(line.strip())
            continue
        if _CLOSE_RE.match(line):
            if opened is None:
                problems.append((index, "':::' closes no care card; remove it"))
            elif not has_text:
                problems.append((opened, "this care card has no text; add a short list"))
            opened = None
            continue
        opener = _OPEN_RE.match(line)
        if opener is None:
            problems.append((
                index,
                "a line starting ':::' must open a care card, like "
                "'::: care urgent Get help today if:', or close one with ':::'",
            ))
            continue
        if opened is not None:
            problems.append((index, "care cards cannot be nested; close the card with ':::' first"))
        level, title = opener.group(1), opener.group(2)
        if level not in LEVELS:
            problems.append((
                index, f"care card level '{level}' is not one of {', '.join(LEVELS)}"
            ))
        if not title:
            problems.append((
                index, "a care card needs a heading after its level, like "
                "'::: care urgent Get help today if:'"
            ))
        opened, has_text = index, False
    if opened is not None:
        problems.append((opened, "this care card is not closed; end it with a line ':::'"))
    return problems


def care_card_plain_line(line: str) -> str | None:
    """For plain text (search, reading aloud): a card's heading for its opening line, "" for
    its closing line, None for any other line."""
    opener = _OPEN_RE.match(line)
    if opener:
        return opener.group(2)
    return "" if _CLOSE_RE.match(line) else None


def care_card_spans(markdown: str, flat_text: str) -> tuple[tuple[int, int, str], ...]:
    """Where each care card of a section is in its plain text: (start, end, level).

    ``flat_text`` is the section's plain text with its white space collapsed to single
    spaces (as search keeps it); a card whose words cannot be found there is left out.
    """
    if ":::" not in markdown:
        return ()
    from spasmguide.core.content.markdown import plain_text

    spans: list[tuple[int, int, str]] = []
    start = 0
    for part in split_care_cards(markdown):
        if not isinstance(part, CareCard):
            continue
        words = " ".join(plain_text(f"{part.title}\n\n{part.markdown}").split())
        at = flat_text.find(words, start) if words else -1
        if at >= 0:
            spans.append((at, at + len(words), part.level))
            start = at + len(words)
    return tuple(spans)


def care_level_at(spans: Sequence[tuple[int, int, str]], position: int) -> str | None:
    """The level of the care card holding ``position`` of the plain text, or None."""
    for start, end, level in spans:
        if start <= position < end:
            return level
    return None
