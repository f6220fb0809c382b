"""Typo correction: the index word closest to a word that is not a word.

A word is corrected only when it finds nothing in the index *and* it is not a real word of
the pack's language (its word list, see ``analysis.py``). "diabetic" is a real word: in a
pack that never says it, it finds nothing rather than being turned into "diuretics". A
misspelling ("potasium") is corrected to the closest index word by a transposition-aware
edit distance (OSA), closest first, then the most common.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from spasmguide.core.search.vocabulary import Vocabulary

__all__ = ["Corrector"]

TYPO_CUTOFF = 0.75
"""Normalised OSA similarity a correction needs: one edit in 4-7 letters, two in 8+."""


class Corrector:
    """Corrects words against one index's vocabulary."""

    def __init__(self, vocabulary: Vocabulary, extra: Iterable[str] = ()) -> None:
        """``extra``: more words a typo may be meant as (the words of the pack's synonyms)."""
        self._vocabulary = vocabulary
        self._extra = sorted(set(extra) - set(vocabulary.doc_freq))
        self._by_length: dict[tuple[str, int], list[str]] | None = None
        self._near_length: dict[tuple[str, int], list[str]] = {}
        self._truncated: dict[tuple[str, int], tuple[dict[str, str], list[str]]] = {}

    def warm_up(self) -> None:
        """Load what correcting needs now, so the first typo does not wait for it."""
        import rapidfuzz.distance  # noqa: F401 - imported for its side effect of loading

        self._vocabulary.language.load_words()

    def is_real_word(self, word: str) -> bool:
        """Whether ``word`` is a word of the language or of the index: never a typo."""
        return word in self._vocabulary or self._vocabulary.language.is_word(word)

    def correct(self, word: str, prefix: bool) -> str | None:
        """The index word ``word`` was probably meant to be, or None.

        Args:
            word: A folded word that finds nothing in the index.
            prefix: The word is still being typed: compare with starts of longer words too.
        """
        if self.is_real_word(word):
            return None
        # Imported here: most searches need no correction, and start-up should not pay for it.
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        def similar(choices: list[str]) -> list[tuple[str, float, int]]:
            return process.extract(
                word, choices, scorer=OSA.normalized_similarity, score_cutoff=TYPO_CUTOFF, limit=5
            )

        doc_freq = self._vocabulary.doc_freq
        # Typing slips rarely hit the first letter; looking only at words starting with
        # the first or second letter typed keeps a 100,000-word vocabulary quick.
        heads = dict.fromkeys(word[:2])
        found = []
        for head in heads:
            found += [(score, match) for match, score, _ in similar(self._near(head, len(word)))]
            if prefix:
                # Still typing: compare with the starts of longer words ("potasi" ~ "potass").
                starts, keys = self._truncations(head, len(word))
                found += [(score, starts[match]) for match, score, _ in similar(keys)]
        # Closest first, then the most common word; on a tie, the first found.
        best = max(found, key=lambda f: (f[0], doc_freq.get(f[1], 0)), default=None)
        return best[1] if best else None

    def _lengths(self) -> dict[tuple[str, int], list[str]]:
        """Candidate words by first letter and length."""
        if self._by_length is None:
            by_length: dict[tuple[str, int], list[str]] = {}
            for term in itertools.chain(self._vocabulary.sorted, self._extra):
                if len(term) >= 3 and term.isalpha():
                    by_length.setdefault((term[0], len(term)), []).append(term)
            self._by_length = by_length
        return self._by_length

    def _near(self, head: str, n: int) -> list[str]:
        candidates = self._near_length.get((head, n))
        if candidates is None:
            lengths = self._lengths()
            candidates = [t for k in range(n - 2, n + 3) for t in lengths.get((head, k), ())]
            self._near_length[(head, n)] = candidates
        return candidates

    def _truncations(self, head: str, n: int) -> tuple[dict[str, str], list[str]]:
        """Starts of length ``n`` of longer index words beginning with ``head``, each to
        its most common word."""
        cached = self._truncated.get((head, n))
        if cached is None:
            doc_freq = self._vocabulary.doc_freq
            starts: dict[str, str] = {}
            for (first, length), terms in self._lengths().items():
                if first != head or length <= n:
                    continue
                for term in terms:
                    start = term[:n]
                    other = starts.get(start)
                    if other is None or doc_freq.get(term, 0) > doc_freq.get(other, 0):
                        starts[start] = term
            cached = (starts, list(starts))
            self._truncated[(head, n)] = cached
        return cached
