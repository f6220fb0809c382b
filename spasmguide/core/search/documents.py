"""The pages search shows: every section of every tab, the timer routines and About."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, overload

from spasmguide.core.record import Record
from spasmguide.core.search.analysis import Language
from spasmguide.core.synonyms import words_of

__all__ = ["Document", "Documents", "documents_of"]

TIMER_TAB, ABOUT_TAB = "timer", "about"
SUPPORT_TABS = (TIMER_TAB, ABOUT_TAB)


class Document(Record):
    """One page of the pack as search sees it."""

    tab_id: str
    tab_title: str
    section_id: str
    title: str
    text: str
    title_words: tuple[str, ...]
    title_stems: frozenset[str]
    title_stem_list: tuple[str, ...]
    title_topic: frozenset[str]  # stems of the title's words that are not stopwords

    @property
    def is_support_page(self) -> bool:
        """Timer routines and About: short pages that explain less than a section."""
        return self.tab_id in SUPPORT_TABS


Row = tuple[str, str, str, str, str]
"""A page as plain text: tab id, tab title, section id, title, text."""


class Documents(Sequence[Document]):
    """The pages of a pack, numbered as the index numbers them.

    ``rows`` holds them as plain text; a :class:`Document` (title words and stems) is made
    the first time ranking asks for it, so a pack whose index comes from the cache does
    not prepare 10,000 titles it may never show.
    """

    def __init__(self, rows: list[Row], language: Language) -> None:
        self.rows = rows
        self._language = language
        self._made: list[Document | None] = [None] * len(rows)

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, at: int) -> Document: ...

    @overload
    def __getitem__(self, at: slice) -> list[Document]: ...

    def __getitem__(self, at: int | slice) -> Document | list[Document]:
        if isinstance(at, slice):
            return [self[i] for i in range(*at.indices(len(self)))]
        made = self._made[at]
        if made is None:
            made = _document(*self.rows[at], self._language)
            self._made[at] = made
        return made


def _document(
    tab_id: str, tab_title: str, section_id: str, title: str, text: str, language: Language
) -> Document:
    words = tuple(words_of(title))
    stems = tuple(map(language.stem, words))
    topic = frozenset(s for w, s in zip(words, stems, strict=True) if w not in language.stopwords)
    return Document(
        tab_id, tab_title, section_id, title, text, words, frozenset(stems), stems, topic
    )


def documents_of(pack: Any, language: Language) -> Documents:
    """Every page of ``pack`` in the order search numbers them."""
    rows: list[Row] = [
        (tab.id, tab.title, section.id, section.title, section.text)
        for tab, section in pack.sections()
    ]
    rows += [
        (TIMER_TAB, language.label("timer"), routine.id, routine.title, _routine_text(routine))
        for routine in getattr(pack, "routines", ()) or ()
    ]
    about = [pack.title, pack.subtitle, pack.disclaimer]
    about += [
        f"{source.credit}: {source.used_for}" if hasattr(source, "credit") else str(source)
        for source in getattr(pack, "sources", ())
    ]
    title = language.label("about title", title=pack.title)
    rows.append((ABOUT_TAB, language.label("about"), "about", title, _paragraphs(about)))
    return Documents(rows, language)


def _routine_text(routine: Any) -> str:
    lines = [str(getattr(routine, "summary", "") or "")]
    for step in getattr(routine, "steps", ()) or ():
        lines.append(str(getattr(step, "instruction", "") or ""))
        lines.append(str(getattr(step, "note", "") or ""))
    lines.append(str(getattr(routine, "note", "") or ""))
    return _paragraphs(lines)


def _paragraphs(parts: Iterable[str]) -> str:
    return "\n\n".join(part for part in parts if part and part.strip())
