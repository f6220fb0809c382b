"""The words of an index: how many pages hold each, their stems, and their completions."""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable

from spasmguide.core.search.analysis import Language

__all__ = ["Vocabulary"]

MAX_STEM_VARIANTS = 12
MAX_COMPLETIONS = (0, 8, 16, 24, 40)
"""Index words a half-typed word of 1, 2, 3, 4+ letters stands for: the most common ones
starting with it. One letter says little, and ranking its hundreds of words costs a frame."""


class Vocabulary:
    """Every folded word of an index with the number of pages holding it."""

    def __init__(
        self,
        doc_freq: dict[str, int],
        pages: int,
        language: Language,
        stems: list[str] | None = None,
        ordered: list[str] | None = None,
    ) -> None:
        """``stems`` and ``ordered``: the stems of ``sorted(doc_freq)`` and that list, when
        known (from the cache)."""
        self.doc_freq = doc_freq
        self.pages = max(1, pages)
        self.language = language
        self.sorted: list[str] = ordered if ordered is not None else sorted(doc_freq)
        if stems is None or len(stems) != len(self.sorted):
            stems = language.stem_many(self.sorted)
        self.stems = stems
        by_stem: dict[str, list[str]] = {}
        for term, term_stem in zip(self.sorted, stems, strict=True):
            by_stem.setdefault(term_stem, []).append(term)
        for variants in by_stem.values():
            if len(variants) > 1:
                variants.sort(key=lambda t: -doc_freq[t])
        self._by_stem = by_stem
        self._completions: dict[str, tuple[str, ...]] = {}

    def __len__(self) -> int:
        return len(self.doc_freq)

    def state(self) -> tuple[list[str], list[int], list[str]]:
        """Words, their page counts and stems, to keep in the cache."""
        return self.sorted, [self.doc_freq[t] for t in self.sorted], self.stems

    @classmethod
    def from_state(
        cls, state: tuple[list[str], list[int], list[str]], pages: int, language: Language
    ) -> Vocabulary:
        terms, counts, stems = state
        return cls(dict(zip(terms, counts, strict=True)), pages, language, stems, terms)

    def __contains__(self, word: object) -> bool:
        return word in self.doc_freq

    def variants(self, word: str) -> list[str]:
        """Index words with the same stem as ``word``, most common first."""
        return self._by_stem.get(self.language.stem(word), [])[:MAX_STEM_VARIANTS]

    def has_prefix(self, prefix: str) -> bool:
        at = bisect.bisect_left(self.sorted, prefix)
        return at < len(self.sorted) and self.sorted[at].startswith(prefix)

    def completions(self, prefix: str) -> tuple[str, ...]:
        """The most common index words starting with ``prefix`` (itself included)."""
        found = self._completions.get(prefix)
        if found is None:
            lo = bisect.bisect_left(self.sorted, prefix)
            hi = bisect.bisect_left(self.sorted, prefix + "\U0010ffff", lo)
            words = self.sorted[lo:hi]
            most = MAX_COMPLETIONS[min(len(prefix), len(MAX_COMPLETIONS) - 1)]
            if len(words) > most:
                words = sorted(words, key=lambda t: -self.doc_freq[t])[:most]
            found = tuple(words)
            if len(self._completions) > 4096:
                self._completions.clear()
            self._completions[prefix] = found
        return found

    def df(self, words: Iterable[str]) -> int:
        """Pages holding the commonest of ``words`` (a lower bound of pages holding any)."""
        return max((self.doc_freq.get(w, 0) for w in words), default=0)

    def idf(self, df: int) -> float:
        """How telling a word in ``df`` of the pages is (bm25's inverse document frequency)."""
        df = min(max(df, 0), self.pages)
        return math.log(1.0 + (self.pages - df + 0.5) / (df + 0.5))
