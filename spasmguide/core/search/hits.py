"""Search results: the hit a caller gets, its snippet and the words to highlight in it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from spasmguide.core.record import Record

__all__ = ["Hit", "hit_to_json"]

SNIPPET_CHARS = 170
"""About 25 words of English."""
SNIPPET_LEAD_CHARS = 50
MAX_TERMS = 24


class Hit(Record):
    """One search result.

    Attributes:
        tab_id: Id of the tab holding the section ("timer" and "about" for those pages).
        tab_title: The tab's title, shown beside the section title.
        section_id: Id of the section (a routine id on the Timer tab).
        section_title: The section's heading.
        snippet: Plain text around the first matched word, about 25 words.
        terms: Words of the section that matched, as written there, for highlighting.
        score: Higher is better; only comparable within one query.
        corrected_from: The query as typed when a typo was corrected, else None.
        corrected_to: The corrected query that was searched instead, else None.
        weak: True when the pack has nothing on the query's main words, so this hit
            matches only its lesser ones ("chest pain" finds pages about pain, none
            about the chest): the guide may not answer the question.
        care_level: The level of the care card the snippet comes from ("urgent", ...),
            or None when the snippet is not inside a care card.
    """

    tab_id: str
    tab_title: str
    section_id: str
    section_title: str
    snippet: str
    terms: tuple[str, ...]
    score: float
    corrected_from: str | None = None
    corrected_to: str | None = None
    weak: bool = False
    care_level: str | None = None

    def __repr__(self) -> str:
        fix = ""
        if self.corrected_to:
            fix = f", corrected {self.corrected_from!r}->{self.corrected_to!r}"
        return f"Hit({self.tab_id}/{self.section_id}, score={self.score:.2f}{fix})"


def hit_to_json(hit: Hit) -> dict[str, Any]:
    """A hit as the JSON object printed by ``spasmguide search --json``."""
    return {
        "tab": hit.tab_title,
        "tab_id": hit.tab_id,
        "section": hit.section_id,
        "title": hit.section_title,
        "snippet": hit.snippet,
        "terms": list(hit.terms),
        "score": round(hit.score, 4),
        "corrected_from": hit.corrected_from,
        "corrected_to": hit.corrected_to,
        "weak": hit.weak,
        "care_level": hit.care_level,
    }


class Text(Record):
    """A page's text prepared for snippets, highlighting and coverage, made on first use."""

    flat: str  # whitespace collapsed to single spaces
    folded: str  # flat, folded character by character (same offsets)
    counts: dict[str, int]  # folded words of the text, each with how often it is there
    words: frozenset[str]  # folded words of title and text


class Matcher(Record):
    """What the words of one query match, for finding terms in a hit's text."""

    words: frozenset[str]  # index words matched: variants and completions
    prefixes: tuple[str, ...]  # words still being typed: any word starting so matches
    phrases: tuple[tuple[str, ...], ...]

    @classmethod
    def of(
        cls,
        words: Iterable[str],
        prefixes: Iterable[str],
        phrases: Iterable[tuple[str, ...]],
    ) -> Matcher:
        return cls(frozenset(words), tuple(sorted(set(prefixes))), tuple(sorted(set(phrases))))

    def terms_in(self, text: Text) -> tuple[str, ...]:
        """The matched words and phrases that ``text`` holds, for highlighting."""
        found = text.words & self.words
        if self.prefixes:
            found |= {w for w in text.words if w.startswith(self.prefixes)}
        terms = sorted(found)
        terms += [" ".join(p) for p in self.phrases if " ".join(p) in text.folded]
        return tuple(dict.fromkeys(terms))[:MAX_TERMS]


def first_term_at(text: Text, terms: Sequence[str]) -> int:
    """Where the earliest of ``terms`` is in ``text`` (0 when none is there)."""
    found = [at for at in (text.folded.find(t) for t in terms) if at >= 0]
    return min(found, default=0)


def snippet(text: Text, terms: Sequence[str]) -> str:
    """About 25 words of ``text`` from just before the earliest of ``terms``."""
    return _snippet(text.flat, first_term_at(text, terms))


def _snippet(flat: str, at: int) -> str:
    start = max(0, at - SNIPPET_LEAD_CHARS)
    if start > 0:
        space = flat.find(" ", start)
        start = space + 1 if 0 <= space < at else at
    end = start + SNIPPET_CHARS
    if end < len(flat):
        space = flat.rfind(" ", start, end)
        end = space if space > start else end
    else:
        end = len(flat)
    body = flat[start:end].strip()
    return ("\u2026 " if start > 0 else "") + body + (" \u2026" if end < len(flat) else "")
