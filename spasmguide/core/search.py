"""Full-text search over a content pack: fast as you type, forgiving of typos, never raising.

The index is an in-memory SQLite FTS5 table built from the loaded pack: every section of
every tab, the timer routines and the About text. Queries are *never* handed to ``MATCH``
as typed. The text is split into folded word tokens and the ``MATCH`` expression is built
from those, each token double-quoted, so no input can reach FTS5's query syntax.

How a query is answered:

1. Words are folded (lower case, accents removed) and split on anything that is not a
   letter or digit. The last word, while it is still being typed, matches as a prefix.
2. Phrases listed in the pack's ``synonyms.toml`` are replaced by OR-groups of their
   alternatives; every single word also matches the index words that share its stem
   (``cramps`` finds ``cramp``, ``cramping``), a light stemming done here rather than
   with FTS5's ``porter`` tokenizer, which hides half-typed words.
3. A word of five letters or more that matches nothing in the index is corrected against
   the index's own vocabulary with a transposition-aware edit distance (OSA), and the
   hits say so (``corrected_from`` / ``corrected_to``).
4. All words must match; when nothing does, any word may.
5. Hits are ranked by bm25 with titles weighing most, after three tiers that put a
   title equal to the query first, then titles holding every word, then sections
   holding the query as a phrase.
"""

from __future__ import annotations

import bisect
import functools
import logging
import re
import sqlite3
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spasmguide.core.errors import describe_exception
from spasmguide.core.synonyms import Synonyms, fold, words_of

__all__ = [
    "Hit",
    "SearchIndex",
    "hit_to_json",
    "stem",
]

_log = logging.getLogger(__name__)

MAX_QUERY_CHARS = 500
"""Text beyond this is ignored: nobody types more into a search box."""
MAX_QUERY_WORDS = 12
MAX_WORD_CHARS = 40
MIN_TYPO_WORD = 5
"""Only words this long or longer are corrected while searching."""
MIN_SUGGEST_WORD = 4
"""Did-you-mean also looks at words this long."""
TYPO_CUTOFF = 0.75
"""Normalised OSA similarity a correction needs: one edit in 4-7 letters, two in 8+."""
MAX_STEM_VARIANTS = 12
TITLE_WEIGHT, BODY_WEIGHT, TAB_WEIGHT = 10.0, 1.0, 2.0
SUPPORT_PAGE_FACTOR = 0.6
"""Share of relevance kept by Timer and About entries: they are short, so bm25 would put
them above longer explanations of the same words."""
BIG_MATCH = 2000
"""Above this many matching sections only title matches are ranked (see ``_run``)."""
SNIPPET_CHARS = 170
"""About 25 words of English."""
SNIPPET_LEAD_CHARS = 50
MAX_TERMS = 24

# Words too common to be worth requiring in an all-words search. They still count for
# ranking (they are part of phrases and titles) and are searched when they are all there is.
_STOPWORD_TEXT = """a an and are as at be but by can do for from has have how i if in is it its me
    my of on or so than that the their them then there these they this to was what when where
    which who why will with you your"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

_WORD_END_RE = re.compile(r"[^\W_]\Z")


@dataclass(frozen=True)
class Hit:
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
    }


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stem: plural and -ing/-ed endings removed (``cramps`` -> ``cramp``).

    Deliberately crude and only ever compared with other stems from the same function, so
    a wrong stem costs a missed variant, never a wrong match of unrelated words.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]
            return base
    return word


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """Fold one character to exactly one character, so folded text keeps its offsets."""
    folded = fold(char)
    return folded if len(folded) == 1 else char.lower()[:1] or char


def _fold_keep_length(text: str) -> str:
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) for c in text)


def _quote(words: Sequence[str]) -> str:
    # Tokens hold only letters and digits, but quoting doubles any quote all the same.
    return '"' + " ".join(words).replace('"', '""') + '"'


@dataclass(frozen=True)
class _Entry:
    tab_id: str
    tab_title: str
    section_id: str
    title: str
    text: str
    title_words: tuple[str, ...]
    title_stems: frozenset[str]
    title_stem_list: tuple[str, ...]


@dataclass
class _Unit:
    """One word or synonym phrase of a query, with everything it may match."""

    words: tuple[str, ...]
    prefix: bool
    alternatives: tuple[tuple[str, ...], ...] = ()
    variants: frozenset[str] = frozenset()  # single index words this unit matches exactly
    variant_stems: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()  # index words starting with these match too
    phrases: tuple[tuple[str, ...], ...] = ()  # multi-word alternatives
    corrected: str | None = None

    @property
    def is_stopword(self) -> bool:
        return len(self.words) == 1 and self.words[0] in STOPWORDS and len(self.alternatives) == 1


@dataclass
class _Plan:
    units: list[_Unit]
    corrected_from: str | None = None
    corrected_to: str | None = None
    required: list[_Unit] = field(default_factory=list)
    stems: tuple[str, ...] = ()
    phrase: str = ""


class SearchIndex:
    """An in-memory full-text index of one content pack.

    Build it with :meth:`build`. Queries are thread-safe (one at a time) and never raise.
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        entries: list[_Entry],
        synonyms: Synonyms,
        examples: Sequence[str],
    ) -> None:
        self._db = connection
        self._entries = entries
        self._synonyms = synonyms
        self._lock = threading.Lock()
        self._folded: dict[int, _Text] = {}
        rows = connection.execute("SELECT term, doc FROM vocab").fetchall()
        self._doc_freq: dict[str, int] = {term: doc for term, doc in rows}
        self._vocab_sorted: list[str] = sorted(self._doc_freq)
        self._by_stem: dict[str, list[str]] = {}
        for term in self._vocab_sorted:
            self._by_stem.setdefault(stem(term), []).append(term)
        for variants in self._by_stem.values():
            variants.sort(key=lambda t: -self._doc_freq[t])
        self._by_length: dict[int, list[str]] = {}
        for term in self._vocab_sorted:
            if term.isalpha() and len(term) >= 3:
                self._by_length.setdefault(len(term), []).append(term)
        self._truncated: dict[int, dict[str, str]] = {}
        self._truncated_keys: dict[int, list[str]] = {}
        self._near_length: dict[int, list[str]] = {}
        self.examples: tuple[str, ...] = tuple(e for e in examples if self.query(e, limit=1))[:5]

    def __repr__(self) -> str:
        return f"SearchIndex({len(self._entries)} entries, {len(self._doc_freq)} words)"

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def vocabulary(self) -> frozenset[str]:
        """Every folded word in the index."""
        return frozenset(self._doc_freq)

    # ----------------------------------------------------------------- building

    @classmethod
    def build(cls, pack: Any) -> SearchIndex:
        """Index every section, timer routine and the About text of ``pack``."""
        entries = list(_entries_of(pack))
        db = sqlite3.connect(":memory:", check_same_thread=False)
        db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(title, body, tab, "
            "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
        )
        # Titles again on their own: a query whose words are all in enough titles is
        # answered from this small table, skipping bm25 over thousands of body matches.
        db.execute(
            "CREATE VIRTUAL TABLE titles USING fts5(title, "
            "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')"
        )
        db.execute("CREATE VIRTUAL TABLE vocab USING fts5vocab(docs, 'row')")
        for table in ("docs", "titles"):
            # One bulk load: merge segments once at the end rather than while inserting.
            db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('automerge', 0)")
            db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('crisismerge', 1000)")
        with db:
            db.executemany(
                "INSERT INTO docs(rowid, title, body, tab) VALUES (?, ?, ?, ?)",
                ((i, e.title, e.text, e.tab_title) for i, e in enumerate(entries)),
            )
            db.executemany(
                "INSERT INTO titles(rowid, title) VALUES (?, ?)",
                ((i, e.title) for i, e in enumerate(entries)),
            )
        synonyms = pack.synonyms if isinstance(pack.synonyms, Synonyms) else Synonyms()
        examples = (
            list(synonyms.examples)
            or sorted((e.title for e in entries if e.tab_id not in ("about", "timer")), key=len)[:4]
        )
        return cls(db, entries, synonyms, examples)

    # ----------------------------------------------------------------- querying

    def query(self, text: str, limit: int = 20, *, correct: bool = True) -> list[Hit]:
        """Search for ``text`` and return at most ``limit`` hits, best first.

        Args:
            text: Anything a person typed; never raises, whatever it holds.
            limit: Most hits to return.
            correct: Whether to correct typos (False for "search instead for ...").

        Returns:
            The hits; an empty list when nothing matches or the query failed (logged).
        """
        try:
            if not isinstance(text, str) or limit <= 0:
                return []
            with self._lock:
                return self._query(text, int(limit), correct)
        except Exception as exc:
            # Never the query itself: what people search for is private (and in kiosk mode,
            # nothing typed may reach a log).
            _log.error("search failed: %s", describe_exception(type(exc), exc.__traceback__))
            return []

    def warm_up(self) -> None:
        """Load the typo corrector now, so the first typo does not pay for it.

        It is left out of start-up; the window calls this just after it first appears.
        """
        import rapidfuzz.distance  # noqa: F401 - imported for its side effect of loading

    def suggest(self, text: str) -> str | None:
        """A "Did you mean ..." query for ``text``, or None when there is nothing better."""
        try:
            with self._lock:
                plan = self._plan(text, correct=True, min_length=MIN_SUGGEST_WORD)
                if plan is None or plan.corrected_to is None:
                    return None
                if not self._run(plan, 1, any_word=True):
                    return None
                return plan.corrected_to
        except Exception as exc:
            _log.error("suggestion failed: %s", describe_exception(type(exc), exc.__traceback__))
            return None

    def _query(self, text: str, limit: int, correct: bool) -> list[Hit]:
        plan = self._plan(text, correct=correct, min_length=MIN_TYPO_WORD)
        if plan is None:
            return []
        rows = self._run(plan, limit, any_word=False)
        if not rows and len(plan.units) > 1:
            rows = self._run(plan, limit, any_word=True)
        if not rows:
            return []
        matcher = _Matcher.of(plan.required, self._vocab_sorted)
        return [self._hit(plan, rowid, score, matcher) for rowid, score in rows[:limit]]

    def _plan(self, text: str, *, correct: bool, min_length: int) -> _Plan | None:
        text = text[:MAX_QUERY_CHARS]
        words = [w[:MAX_WORD_CHARS] for w in words_of(text)][:MAX_QUERY_WORDS]
        if not words:
            return None
        typing = bool(_WORD_END_RE.search(fold(text)))
        units = self._units(words, typing)
        plan = _Plan(units)
        if correct:
            changed = False
            for unit in units:
                if not self._finds_anything(unit) and len(unit.words) == 1:
                    word = unit.words[0]
                    if len(word) >= min_length and word.isalpha():
                        fixed = self._correct(word, unit.prefix)
                        if fixed is not None and fixed != word:
                            unit.corrected = fixed
                            self._expand(unit, (fixed,), unit.prefix and fixed.startswith(word))
                            changed = True
            if changed:
                plan.corrected_from = " ".join(text.split())
                plan.corrected_to = " ".join(u.corrected or " ".join(u.words) for u in units)
        plan.required = [u for u in units if not u.is_stopword] or units
        plan.stems = tuple(stem(u.corrected or w) for u in units for w in u.words)
        plan.phrase = " ".join(u.corrected or " ".join(u.words) for u in units)
        return plan

    def _units(self, words: list[str], typing: bool) -> list[_Unit]:
        """Group words into synonym phrases (longest first) and single words."""
        units: list[_Unit] = []
        longest = self._synonyms.longest
        i = 0
        while i < len(words):
            size = 1
            for n in range(min(longest, len(words) - i), 1, -1):
                if " ".join(words[i : i + n]) in self._synonyms:
                    size = n
                    break
            chunk = tuple(words[i : i + size])
            last = i + size == len(words)
            unit = _Unit(chunk, prefix=typing and last)
            self._expand(unit, chunk, unit.prefix)
            units.append(unit)
            i += size
        return units

    def _expand(self, unit: _Unit, own: tuple[str, ...], prefix: bool) -> None:
        """Fill in what ``unit`` matches: itself, its stem variants and its synonyms."""
        alternatives = [own] + [
            tuple(p.split()) for p in self._synonyms.alternatives(" ".join(own))
        ]
        variants: set[str] = set()
        prefixes: list[str] = []
        phrases: list[tuple[str, ...]] = []
        for alt in alternatives:
            if len(alt) == 1:
                word = alt[0]
                if not (alt is own and prefix and len(word) >= 2):
                    variants.add(word)  # else the prefix below covers it
                variants.update(self._by_stem.get(stem(word), ())[:MAX_STEM_VARIANTS])
                if alt is own and prefix and len(word) >= 2:
                    prefixes.append(word)
            else:
                phrases.append(alt)
        unit.alternatives = tuple(alternatives)
        unit.variants = frozenset(variants)
        unit.variant_stems = frozenset(map(stem, variants))
        unit.prefixes = tuple(prefixes)
        unit.phrases = tuple(phrases)
        unit.prefix = prefix

    def _has_prefix(self, prefix: str) -> bool:
        at = bisect.bisect_left(self._vocab_sorted, prefix)
        return at < len(self._vocab_sorted) and self._vocab_sorted[at].startswith(prefix)

    def _finds_anything(self, unit: _Unit) -> bool:
        if any(v in self._doc_freq for v in unit.variants):
            return True
        if any(self._has_prefix(p) for p in unit.prefixes):
            return True
        return any(all(w in self._doc_freq for w in phrase) for phrase in unit.phrases)

    def _correct(self, word: str, prefix: bool) -> str | None:
        """The index word closest to ``word`` by OSA distance, or None if none is close."""
        # Imported here: most searches need no correction, and start-up should not pay for it.
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        def similar(choices: list[str]) -> list[tuple[str, float, int]]:
            return process.extract(
                word, choices, scorer=OSA.normalized_similarity, score_cutoff=TYPO_CUTOFF, limit=5
            )

        n = len(word)
        candidates = self._near_length.get(n)
        if candidates is None:
            candidates = [t for k in range(n - 2, n + 3) for t in self._by_length.get(k, ())]
            self._near_length[n] = candidates
        found = [(score, match) for match, score, _ in similar(candidates)]
        if prefix:
            # Still typing: compare with the starts of longer words ("potasi" ~ "potass").
            starts, keys = self._truncations(n)
            found += [(score, starts[match]) for match, score, _ in similar(keys)]
        # Closest first, then the most common word; on a tie, the first found.
        best = max(found, key=lambda f: (f[0], self._doc_freq[f[1]]), default=None)
        return best[1] if best else None

    def _truncations(self, n: int) -> tuple[dict[str, str], list[str]]:
        """Starts of length ``n`` of longer index words, each to its most common word."""
        cached = self._truncated.get(n)
        if cached is None:
            cached = {}
            for length, terms in self._by_length.items():
                if length <= n:
                    continue
                for term in terms:
                    start = term[:n]
                    other = cached.get(start)
                    if other is None or self._doc_freq[term] > self._doc_freq[other]:
                        cached[start] = term
            self._truncated[n] = cached
            self._truncated_keys[n] = list(cached)
        return cached, self._truncated_keys[n]

    @staticmethod
    def _match_of(unit: _Unit) -> str:
        parts = [_quote((v,)) for v in sorted(unit.variants)]
        parts += [_quote((p,)) + "*" for p in unit.prefixes]
        parts += [_quote(p) for p in unit.phrases]
        if len(parts) == 1:
            return parts[0]
        # Explicit OR inside parentheses, and explicit AND between groups below: SQLite
        # 3.40's FTS5 rejects a group placed next to a phrase without an operator.
        return "(" + " OR ".join(parts) + ")"

    def match_expression(self, text: str, *, any_word: bool = False) -> str | None:
        """The FTS5 ``MATCH`` expression built for ``text`` (for tests and diagnostics)."""
        plan = self._plan(text, correct=True, min_length=MIN_TYPO_WORD)
        if plan is None:
            return None
        return self._expression(plan, any_word)

    def _expression(self, plan: _Plan, any_word: bool) -> str:
        units = plan.units if any_word else plan.required
        return (" OR " if any_word else " AND ").join(self._match_of(u) for u in units)

    def _run(self, plan: _Plan, limit: int, *, any_word: bool) -> list[tuple[int, float]]:
        expression = self._expression(plan, any_word)
        fetch = limit + 10  # a few spare rows for the title tiers to lift
        if not any_word or len(self._entries) > BIG_MATCH:
            # Rows with every word in the title outrank every other row (tier 2 and up),
            # so when titles alone fill the page the body need not be ranked at all.
            rows = self._db.execute(
                "SELECT rowid, bm25(titles) AS r FROM titles WHERE titles MATCH ? "
                "ORDER BY r LIMIT ?",
                (expression, fetch),
            ).fetchall()
            if len(rows) >= fetch:
                scored = [
                    (
                        rowid,
                        self._tier(plan, rowid) * 1000.0 - self._lean(rowid) * TITLE_WEIGHT * rank,
                    )
                    for rowid, rank in rows
                ]
                scored.sort(key=lambda r: -r[1])
                return scored
        else:
            rows = []
        count = 0
        if len(self._entries) > BIG_MATCH:
            (count,) = self._db.execute(
                "SELECT count(*) FROM docs WHERE docs MATCH ?", (expression,)
            ).fetchone()
        if count > BIG_MATCH:
            # Thousands of matches come from a word in nearly every section, usually a
            # letter or two still being typed. Ranking them all costs more than a frame,
            # so title matches (ranked above) come first and the rest follow unranked.
            seen = {rowid for rowid, _ in rows}
            extra = self._db.execute(
                "SELECT rowid FROM docs WHERE docs MATCH ? LIMIT ?", (expression, fetch)
            ).fetchall()
            rows = rows + [(rowid, 0.0) for (rowid,) in extra if rowid not in seen]
            weights = TITLE_WEIGHT
        else:
            rows = self._db.execute(
                "SELECT rowid, bm25(docs, ?, ?, ?) AS r FROM docs WHERE docs MATCH ? "
                "ORDER BY r LIMIT ?",
                (TITLE_WEIGHT, BODY_WEIGHT, TAB_WEIGHT, expression, fetch),
            ).fetchall()
            weights = 1.0
        scored = [
            (rowid, self._tier(plan, rowid) * 1000.0 - self._lean(rowid) * weights * rank)
            for rowid, rank in rows
        ]
        scored.sort(key=lambda r: -r[1])
        return scored

    def _lean(self, rowid: int) -> float:
        """The guide's own sections come before timer routines and the About page when both
        match about as well: a worried reader wants the explanation first."""
        return SUPPORT_PAGE_FACTOR if self._entries[rowid].tab_id in ("timer", "about") else 1.0

    def _tier(self, plan: _Plan, rowid: int) -> int:
        entry = self._entries[rowid]
        if plan.stems == entry.title_stem_list:
            return 3
        if all(self._in_title(u, entry) for u in plan.required):
            return 2
        if len(plan.units) > 1 and plan.phrase in self._folded_text(rowid).folded:
            return 1
        return 0

    @staticmethod
    def _in_title(unit: _Unit, entry: _Entry) -> bool:
        if not unit.variant_stems.isdisjoint(entry.title_stems):
            return True
        if any(w.startswith(p) for p in unit.prefixes for w in entry.title_words):
            return True
        joined = " ".join(entry.title_words)
        return any(" ".join(p) in joined for p in unit.phrases)

    def _folded_text(self, rowid: int) -> _Text:
        cached = self._folded.get(rowid)
        if cached is None:
            entry = self._entries[rowid]
            flat = " ".join(entry.text.split())
            folded = _fold_keep_length(flat)
            words = frozenset(words_of(flat)) | frozenset(entry.title_words)
            cached = _Text(flat, folded, words)
            self._folded[rowid] = cached
        return cached

    # ----------------------------------------------------------------- results

    def _hit(self, plan: _Plan, rowid: int, score: float, matcher: _Matcher) -> Hit:
        entry = self._entries[rowid]
        text = self._folded_text(rowid)
        words = text.words
        terms = sorted(words & matcher.words)
        terms += [" ".join(p) for p in matcher.phrases if " ".join(p) in text.folded]
        # Snippet from the earliest matched word (a plain find is enough to place it).
        found = [at for at in (text.folded.find(t) for t in terms) if at >= 0]
        return Hit(
            tab_id=entry.tab_id,
            tab_title=entry.tab_title,
            section_id=entry.section_id,
            section_title=entry.title,
            snippet=_snippet(text.flat, min(found, default=0)),
            terms=tuple(dict.fromkeys(terms))[:MAX_TERMS],
            score=float(score),
            corrected_from=plan.corrected_from,
            corrected_to=plan.corrected_to,
        )


@dataclass(frozen=True)
class _Text:
    """A section's text prepared for snippets and highlighting, made on first use."""

    flat: str  # whitespace collapsed to single spaces
    folded: str  # flat, folded character by character (same offsets)
    words: frozenset[str]  # folded words of title and text


@dataclass(frozen=True)
class _Matcher:
    """What the words of one query match, for finding terms in a hit's text."""

    words: frozenset[str]  # index words matched: variants and completions of prefixes
    phrases: tuple[tuple[str, ...], ...]

    @classmethod
    def of(cls, units: Sequence[_Unit], vocabulary: Sequence[str]) -> _Matcher:
        variants = tuple(sorted({v for u in units for v in u.variants}))
        prefixes = tuple(sorted({p for u in units for p in u.prefixes}))
        phrases = tuple(sorted({p for u in units for p in u.phrases}))
        words = set(variants)
        for prefix in prefixes:
            at = bisect.bisect_left(vocabulary, prefix)
            while at < len(vocabulary) and vocabulary[at].startswith(prefix):
                words.add(vocabulary[at])
                at += 1
        return cls(frozenset(words), phrases)


def _snippet(flat: str, at: int) -> str:
    """About 25 words of ``flat`` text around offset ``at``, cut at word boundaries."""
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


def _entries_of(pack: Any) -> Iterable[_Entry]:
    def entry(tab_id: str, tab_title: str, section_id: str, title: str, text: str) -> _Entry:
        words = tuple(words_of(title))
        stems = tuple(map(stem, words))
        return _Entry(tab_id, tab_title, section_id, title, text, words, frozenset(stems), stems)

    for tab, section in pack.sections():
        yield entry(tab.id, tab.title, section.id, section.title, section.text)
    for routine in getattr(pack, "routines", ()) or ():
        lines = [str(getattr(routine, "summary", "") or "")]
        for step in getattr(routine, "steps", ()) or ():
            lines.append(str(getattr(step, "instruction", "") or ""))
            note = getattr(step, "note", "")
            if note:
                lines.append(str(note))
        note = getattr(routine, "note", "")
        if note:
            lines.append(str(note))
        body = "\n\n".join(line for line in lines if line.strip())
        yield entry("timer", "Timer", routine.id, routine.title, body)
    about = [pack.title, pack.subtitle, pack.disclaimer]
    about += [
        f"{source.credit}: {source.used_for}" if hasattr(source, "credit") else str(source)
        for source in getattr(pack, "sources", ())
    ]
    yield entry(
        "about",
        "About",
        "about",
        f"About {pack.title}",
        "\n\n".join(part for part in about if part),
    )
