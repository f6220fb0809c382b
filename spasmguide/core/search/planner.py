"""Query planning: what each typed word or phrase may match, and how much it matters.

1. Words are folded (lower case, accents removed) and split on anything that is not a
   letter or digit. Phrases listed in the pack's ``synonyms.toml`` are kept together.
2. Each word or phrase becomes a :class:`Unit`: the index words sharing its stem, its
   synonyms, and, for the last word while it is still being typed, the index words it
   begins. A word of four letters or more that is itself a real word is taken as typed:
   "clot" does not stand for "cloth".
3. A word that matches nothing, and is not a real word of the language, is corrected
   against the index's vocabulary (see ``typos.py``).
4. Question words and filler ("why", "do", "is", "my") are stopwords: searched only when
   there is nothing else. Every other unit weighs by how rare it is in the pack.
"""

from __future__ import annotations

from spasmguide.core.patterns import LazyPattern
from spasmguide.core.record import Record
from spasmguide.core.search.typos import Corrector
from spasmguide.core.search.vocabulary import Vocabulary
from spasmguide.core.synonyms import Synonyms, fold, words_of

__all__ = ["Plan", "Planner", "Unit"]

MAX_QUERY_CHARS = 500
"""Text beyond this is ignored: nobody types more into a search box."""
MAX_QUERY_WORDS = 16
MAX_WORD_CHARS = 40
MIN_TYPO_WORD = 5
"""Only words this long or longer are corrected while searching."""
MIN_SUGGEST_WORD = 4
"""Did-you-mean also looks at words this long."""
MIN_WHOLE_WORD = 4
"""A real word this long, still being typed, is taken as typed, not as the start of others."""

_WORD_END_RE = LazyPattern(r"[^\W_]\Z")


def quote(words: tuple[str, ...] | list[str]) -> str:
    """An FTS5 string: tokens hold only letters and digits, but quotes are doubled anyway."""
    return '"' + " ".join(words).replace('"', '""') + '"'


class Unit(Record, frozen=False):
    """One word or synonym phrase of a query, with everything it may match."""

    words: tuple[str, ...]
    prefix: bool
    stop: bool = False
    alternatives: tuple[tuple[str, ...], ...] = ()
    variants: frozenset[str] = frozenset()  # single index words this unit matches exactly
    variant_stems: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()  # the word still being typed
    completions: tuple[str, ...] = ()  # index words it may be the start of
    forms: frozenset[str] = frozenset()  # variants and completions: single words it matches
    synonym_forms: frozenset[str] = frozenset()  # those that come only from synonyms
    phrases: tuple[tuple[str, ...], ...] = ()  # multi-word alternatives
    corrected: str | None = None
    df: int = 0  # pages holding the unit's commonest form (0: none)
    weight: float = 0.0  # idf: how telling a match of this unit is

    @property
    def text(self) -> str:
        return self.corrected or " ".join(self.words)

    @property
    def found(self) -> bool:
        return self.df > 0

    def expression(self) -> str:
        """The unit as an FTS5 ``MATCH`` expression: any of its forms."""
        parts = [quote((v,)) for v in sorted(self.forms)]
        parts += [quote(p) for p in self.phrases]
        if not parts:
            return quote(self.words)
        if len(parts) == 1:
            return parts[0]
        # Explicit OR inside parentheses: SQLite 3.40's FTS5 rejects a group placed next
        # to a phrase without an operator.
        return "(" + " OR ".join(parts) + ")"


class Plan(Record):
    units: list[Unit]
    topic: list[Unit]  # units that are not stopwords (all of them when every one is)
    stems: tuple[str, ...]
    phrase: str
    corrected_from: str | None = None
    corrected_to: str | None = None

    @property
    def weight(self) -> float:
        return sum(u.weight for u in self.topic)

    @property
    def unknown_weight(self) -> float:
        """Weight of the topic words the pack does not have at all."""
        return sum(u.weight for u in self.topic if not u.found)


class Planner:
    """Turns typed text into a :class:`Plan` for one index."""

    def __init__(self, vocabulary: Vocabulary, synonyms: Synonyms, corrector: Corrector) -> None:
        self.vocabulary = vocabulary
        self.synonyms = synonyms
        self.corrector = corrector
        self.language = vocabulary.language
        stem = self.language.stem
        # Synonym phrases by the stems of their words, so "cramps" finds the synonyms
        # listed for "cramp" and "water pill" those of "water pills".
        self._by_stems: dict[tuple[str, ...], str] = {}
        for phrase in sorted(synonyms.phrases):
            self._by_stems.setdefault(tuple(stem(w) for w in phrase.split()), phrase)

    def synonym_key(self, words: tuple[str, ...]) -> str | None:
        """The synonyms.toml phrase that ``words`` are a form of, or None."""
        joined = " ".join(words)
        if joined in self.synonyms:
            return joined
        return self._by_stems.get(tuple(self.language.stem(w) for w in words))

    def alternatives(self, words: tuple[str, ...]) -> list[tuple[str, ...]]:
        """``words`` and every phrase its synonyms lead to, one step further for words
        that have synonyms themselves ("charley horse" -> "cramp" -> "spasm")."""
        found = [words]
        key = self.synonym_key(words)
        if key is None:
            return found
        for phrase in self.synonyms.alternatives(key):
            alt = tuple(phrase.split())
            if alt not in found:
                found.append(alt)
            further = self.synonym_key(alt)
            for more in self.synonyms.alternatives(further) if further else ():
                more_words = tuple(more.split())
                if more_words not in found and more_words != words:
                    found.append(more_words)
        return found

    def plan(self, text: str, *, correct: bool, min_length: int = MIN_TYPO_WORD) -> Plan | None:
        text = text[:MAX_QUERY_CHARS]
        words = [w[:MAX_WORD_CHARS] for w in words_of(text)][:MAX_QUERY_WORDS]
        if not words:
            return None
        typing = bool(_WORD_END_RE.search(fold(text)))
        units = self._units(words, typing)
        corrected_from = corrected_to = None
        if correct:
            changed = False
            for unit in units:
                if unit.found or len(unit.words) != 1 or unit.stop:
                    continue
                word = unit.words[0]
                if len(word) >= min_length and word.isalpha():
                    fixed = self.corrector.correct(word, unit.prefix)
                    if fixed is not None and fixed != word:
                        unit.corrected = fixed
                        self._expand(unit, (fixed,), unit.prefix and fixed.startswith(word))
                        changed = True
            if changed:
                corrected_from = " ".join(text.split())
                corrected_to = " ".join(u.text for u in units)
        stem = self.language.stem
        return Plan(
            units,
            topic=[u for u in units if not u.stop] or units,
            stems=tuple(stem(u.corrected or w) for u in units for w in u.words),
            phrase=" ".join(u.text for u in units),
            corrected_from=corrected_from,
            corrected_to=corrected_to,
        )

    def _units(self, words: list[str], typing: bool) -> list[Unit]:
        """Group words into synonym phrases (longest first) and single words."""
        units: list[Unit] = []
        longest = self.synonyms.longest
        i = 0
        while i < len(words):
            size = 1
            for n in range(min(longest, len(words) - i), 1, -1):
                if self.synonym_key(tuple(words[i : i + n])) is not None:
                    size = n
                    break
            chunk = tuple(words[i : i + size])
            last = i + size == len(words)
            unit = Unit(chunk, prefix=typing and last)
            unit.stop = (
                size == 1
                and chunk[0] in self.language.stopwords
                and self.synonym_key(chunk) is None
            )
            self._expand(unit, chunk, unit.prefix)
            units.append(unit)
            i += size
        return units

    def _expand(self, unit: Unit, own: tuple[str, ...], prefix: bool) -> None:
        """Fill in what ``unit`` matches: itself, its stem variants and its synonyms."""
        vocabulary = self.vocabulary
        alternatives = self.alternatives(own)
        if prefix and len(own) == 1:
            word = own[0]
            # A finished real word is taken as typed ("clot" is not the start of "cloth").
            prefix = len(word) < MIN_WHOLE_WORD or not self.corrector.is_real_word(word)
        variants: set[str] = set()
        phrases: list[tuple[str, ...]] = []
        typed: set[str] = set()
        for alt in alternatives:
            if len(alt) == 1:
                if alt[0] in vocabulary:
                    variants.add(alt[0])
                variants.update(vocabulary.variants(alt[0]))
                if alt is alternatives[0]:
                    typed = set(variants)
            elif all(w in vocabulary for w in alt):
                phrases.append(alt)
        prefix = prefix and len(own) == 1
        completions = vocabulary.completions(own[0]) if prefix else ()
        if completions:
            # "th" stands for "thigh", not "the"; only when it can stand for nothing else
            # does it match the stopwords (and then counts as one).
            stopwords = self.language.stopwords
            topical = tuple(c for c in completions if c not in stopwords)
            if topical:
                completions = topical
            elif not variants:
                unit.stop = True
        unit.alternatives = tuple(alternatives)
        unit.variants = frozenset(variants)
        unit.variant_stems = frozenset(map(self.language.stem, variants))
        unit.prefixes = (own[-1],) if prefix else ()
        unit.completions = completions
        unit.forms = unit.variants | frozenset(completions)
        unit.synonym_forms = unit.forms - typed - frozenset(completions)
        unit.phrases = tuple(phrases)
        unit.prefix = prefix
        df = vocabulary.df(variants | set(completions))
        for phrase in phrases:
            df = max(df, min(vocabulary.doc_freq.get(w, 0) for w in phrase))
        unit.df = df
        unit.weight = vocabulary.idf(df)
