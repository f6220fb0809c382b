"""The search index of one pack: built once, then queried on every keystroke."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections import Counter, OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spasmguide.core.care_cards import care_level_at
from spasmguide.core.errors import describe_exception
from spasmguide.core.search import cache
from spasmguide.core.search.analysis import Language, fold_keep_length, language_for
from spasmguide.core.search.documents import SUPPORT_TABS, Documents, documents_of
from spasmguide.core.search.hits import Hit, Matcher, Text, first_term_at, snippet
from spasmguide.core.search.planner import MIN_SUGGEST_WORD, Plan, Planner
from spasmguide.core.search.ranking import Ranker
from spasmguide.core.search.typos import Corrector
from spasmguide.core.search.vocabulary import Vocabulary
from spasmguide.core.synonyms import Synonyms, words_of

__all__ = ["SearchIndex"]

_log = logging.getLogger("spasmguide.core.search")

WEAK_SHARE = 0.5
"""A query whose words missing from the whole pack weigh this much is not answered well."""
TEXT_CACHE = 1024
"""Pages whose prepared text (for snippets and coverage) is kept."""


class SearchIndex:
    """An in-memory full-text index of one content pack.

    Build it with :meth:`build`. Queries are thread-safe (one at a time) and never raise.
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        documents: Documents,
        synonyms: Synonyms,
        examples: Sequence[str],
        language: Language | None = None,
        help_section: str = "",
        vocabulary: Vocabulary | None = None,
    ) -> None:
        self._db = connection
        self._documents = documents
        self._synonyms = synonyms
        self.language = language or language_for("en")
        self._help_section = help_section
        self._lock = threading.Lock()
        self._texts: OrderedDict[int, Text] = OrderedDict()
        # Where each section's care cards are in its text, for a hit's care level.
        self._care_spans: dict[str, tuple[tuple[int, int, str], ...]] = {}
        if vocabulary is None:
            rows = connection.execute("SELECT term, doc FROM vocab").fetchall()
            vocabulary = Vocabulary(dict(rows), len(documents), self.language)
        self._vocabulary = vocabulary
        self._corrector = Corrector(
            self._vocabulary, (w for phrase in synonyms.phrases for w in phrase.split())
        )
        self._planner = Planner(self._vocabulary, synonyms, self._corrector)
        self._ranker = Ranker(connection, documents, self._text_of)
        self.examples: tuple[str, ...] = tuple(e for e in examples if self.query(e, limit=1))[:5]

    def __repr__(self) -> str:
        return f"SearchIndex({len(self._documents)} entries, {len(self._vocabulary)} words)"

    def __len__(self) -> int:
        return len(self._documents)

    @property
    def vocabulary(self) -> frozenset[str]:
        """Every folded word in the index."""
        return frozenset(self._vocabulary.doc_freq)

    # ----------------------------------------------------------------- building

    @classmethod
    def build(cls, pack: Any, *, cache_dir: Path | None = None) -> SearchIndex:
        """Index every section, timer routine and the About text of ``pack``.

        Args:
            pack: A loaded content pack.
            cache_dir: Where a built index of a large pack is kept between starts, keyed
                like the pack cache (see ``cache.py``); None builds it every time.
        """
        language = language_for(getattr(pack, "language", "en"))
        documents = documents_of(pack, language)
        cached = cache.load(pack, documents, cache_dir) if cache_dir is not None else None
        vocabulary = None
        if cached is not None:
            db, state = cached
            vocabulary = Vocabulary.from_state(state, len(documents), language)
        else:
            db = _fill(documents)
        synonyms = pack.synonyms if isinstance(pack.synonyms, Synonyms) else Synonyms()
        examples = list(synonyms.examples) or sorted(
            (row[3] for row in documents.rows if row[0] not in SUPPORT_TABS), key=len
        )[:4]
        index = cls(
            db, documents, synonyms, examples, language,
            str(getattr(pack, "help_section", "")), vocabulary,
        )
        if cached is None and cache_dir is not None:
            cache.store(pack, documents, cache_dir, db, index._vocabulary.state())
        sections = pack.sections() if hasattr(pack, "sections") else ()
        for _tab, section in sections:
            spans = getattr(section, "care_cards", ())  # found when the pack was read
            if spans:
                index._care_spans[section.id] = spans
        return index

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
        """Load the typo corrector and the word list now, so the first typo does not wait.

        They are left out of start-up; the window calls this just after it first appears.
        """
        self._corrector.warm_up()

    def suggest(self, text: str) -> str | None:
        """A "Did you mean ..." query for ``text``, or None when there is nothing better."""
        try:
            with self._lock:
                plan = self._planner.plan(text, correct=True, min_length=MIN_SUGGEST_WORD)
                if plan is None or plan.corrected_to is None:
                    return None
                if not self._run(plan, 1):
                    return None
                return plan.corrected_to
        except Exception as exc:
            _log.error("suggestion failed: %s", describe_exception(type(exc), exc.__traceback__))
            return None

    def help_hit(self) -> Hit | None:
        """The pack's "When to get help" section as a hit, to offer when search has no answer."""
        for rowid, row in enumerate(self._documents.rows):
            if row[2] == self._help_section and row[0] not in SUPPORT_TABS:
                document = self._documents[rowid]
                text = self._text_of(rowid)
                return Hit(
                    tab_id=document.tab_id,
                    tab_title=document.tab_title,
                    section_id=document.section_id,
                    section_title=document.title,
                    snippet=snippet(text, ()),
                    terms=(),
                    score=0.0,
                )
        return None

    def match_expression(self, text: str, *, any_word: bool = True) -> str | None:
        """The FTS5 ``MATCH`` expression built for ``text`` (for tests and diagnostics)."""
        plan = self._planner.plan(text, correct=True)
        if plan is None:
            return None
        return self._ranker.expression([u for u in plan.topic if u.found]) or None

    def _query(self, text: str, limit: int, correct: bool) -> list[Hit]:
        plan = self._planner.plan(text, correct=correct)
        if plan is None:
            return []
        rows = self._run(plan, limit)
        if not rows:
            return []
        weak = plan.unknown_weight >= WEAK_SHARE * plan.weight
        topic = plan.topic
        matcher = Matcher.of(
            [w for u in topic for w in u.forms],
            [p for u in topic for p in u.prefixes],
            [p for u in topic for p in u.phrases],
        )
        return [self._hit(plan, rowid, score, matcher, weak) for rowid, score in rows[:limit]]

    def _run(self, plan: Plan, limit: int) -> list[tuple[int, float]]:
        return self._ranker.run(plan, limit)

    def _text_of(self, rowid: int) -> Text:
        cached = self._texts.get(rowid)
        if cached is None:
            document = self._documents[rowid]
            flat = " ".join(document.text.split())
            counts = Counter(words_of(flat))
            words = frozenset(counts) | frozenset(document.title_words)
            cached = Text(flat, fold_keep_length(flat), counts, words)
            self._texts[rowid] = cached
            if len(self._texts) > TEXT_CACHE:
                self._texts.popitem(last=False)
        return cached

    # ----------------------------------------------------------------- results

    def _hit(self, plan: Plan, rowid: int, score: float, matcher: Matcher, weak: bool) -> Hit:
        document = self._documents[rowid]
        text = self._text_of(rowid)
        terms = matcher.terms_in(text)
        spans = self._care_spans.get(document.section_id)
        level = care_level_at(spans, first_term_at(text, terms)) if spans else None
        return Hit(
            tab_id=document.tab_id,
            tab_title=document.tab_title,
            section_id=document.section_id,
            section_title=document.title,
            snippet=snippet(text, terms),
            terms=terms,
            score=float(score),
            corrected_from=plan.corrected_from,
            corrected_to=plan.corrected_to,
            weak=weak,
            care_level=level,
        )


def _fill(documents: Documents) -> sqlite3.Connection:
    """A new in-memory database holding ``documents`` in FTS5 tables."""
    rows = enumerate(documents.rows)
    db = sqlite3.connect(":memory:", check_same_thread=False)
    # Contentless: the text lives in the documents already, so SQLite keeps only the index.
    # No prefix index: a half-typed word is expanded to whole index words (planner.py),
    # which makes the build three times faster. (Dropping word positions, detail=column,
    # would save a third more, but bm25 then scores every page of a contentless table 0.)
    db.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(title, body, tab, content='', "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    # Titles again on their own: a query whose words are all in enough titles is
    # answered from this small table, skipping bm25 over thousands of body matches.
    db.execute(
        "CREATE VIRTUAL TABLE titles USING fts5(title, content='', "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    db.execute("CREATE VIRTUAL TABLE vocab USING fts5vocab(docs, 'row')")
    with db:
        db.executemany(
            "INSERT INTO docs(rowid, title, body, tab) VALUES (?, ?, ?, ?)",
            ((i, title, text, tab_title) for i, (_, tab_title, _, title, text) in rows),
        )
        db.executemany(
            "INSERT INTO titles(rowid, title) VALUES (?, ?)",
            ((i, row[3]) for i, row in enumerate(documents.rows)),
        )
    return db
