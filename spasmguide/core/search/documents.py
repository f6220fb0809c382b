"""The pages search shows: every section of every tab, the timer routines and About."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spasmguide.core.search.analysis import Language
from spasmguide.core.synonyms import words_of

__all__ = ["Document", "documents_of"]

TIMER_TAB, ABOUT_TAB = "timer", "about"
SUPPORT_TABS = (TIMER_TAB, ABOUT_TAB)


@dataclass(slots=True)
class Document:
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


def documents_of(pack: Any, language: Language) -> list[Document]:
    """Every page of ``pack`` in the order search numbers them."""

    stem_of: dict[str, str] = {}

    def document(tab_id: str, tab_title: str, section_id: str, title: str, text: str) -> Document:
        words = tuple(words_of(title))
        stems = tuple(map(stem_of.__getitem__, words))
        topic = frozenset(
            s for w, s in zip(words, stems, strict=True) if w not in language.stopwords
        )
        return Document(
            tab_id, tab_title, section_id, title, text, words, frozenset(stems), stems, topic
        )

    sections = list(pack.sections())
    titles = [section.title for _, section in sections]
    titles += [str(getattr(r, "title", "")) for r in getattr(pack, "routines", ()) or ()]
    titles.append(f"About {pack.title}")
    unique = sorted({w for title in titles for w in words_of(title)})
    stem_of.update(zip(unique, language.stem_many(unique), strict=True))
    documents = [
        document(tab.id, tab.title, section.id, section.title, section.text)
        for tab, section in sections
    ]
    documents += [
        document(TIMER_TAB, "Timer", routine.id, routine.title, _routine_text(routine))
        for routine in getattr(pack, "routines", ()) or ()
    ]
    about = [pack.title, pack.subtitle, pack.disclaimer]
    about += [
        f"{source.credit}: {source.used_for}" if hasattr(source, "credit") else str(source)
        for source in getattr(pack, "sources", ())
    ]
    documents.append(
        document(
            ABOUT_TAB, "About", "about", f"About {pack.title}", _paragraphs(about)
        )
    )
    return documents


def _routine_text(routine: Any) -> str:
    lines = [str(getattr(routine, "summary", "") or "")]
    for step in getattr(routine, "steps", ()) or ():
        lines.append(str(getattr(step, "instruction", "") or ""))
        lines.append(str(getattr(step, "note", "") or ""))
    lines.append(str(getattr(routine, "note", "") or ""))
    return _paragraphs(lines)


def _paragraphs(parts: Iterable[str]) -> str:
    return "\n\n".join(part for part in parts if part and part.strip())
