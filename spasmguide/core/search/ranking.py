"""Ranking: which pages answer a plan best.

A page is a candidate when it holds any word of the query (OR), never only when it holds
all of them: a long question's words are rarely all on one page. Candidates are ranked by

- **bm25** (SQLite FTS5), titles weighing most: rare words count for more than common ones;
- **coverage**: the share of the query's weight (each word weighs by its rarity) that the
  page holds, so a page with most of the important words beats one that repeats a few;
- **title fit**: how much of the page's title the query asks about;

after three tiers that put a title equal to the query first, then titles holding every
topic word, then pages holding the query as a phrase. Timer routines and About weigh a
little less: a worried reader wants the explanation first.

Speed on large packs: ranking thousands of pages costs more than a frame, so pages are
gathered from the rarest words of the query first; words found on most pages only count
through coverage. When even the rarest word is on thousands of pages (a letter or two
still being typed), title matches are ranked and the rest follow unranked.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from spasmguide.core.search.documents import Document
from spasmguide.core.search.hits import Text
from spasmguide.core.search.planner import Plan, Unit

__all__ = ["Ranker"]

TITLE_WEIGHT, BODY_WEIGHT, TAB_WEIGHT = 10.0, 1.0, 2.0
SUPPORT_PAGE_FACTOR = 0.6
"""Share of relevance kept by Timer and About entries: they are short, so bm25 would put
them above longer explanations of the same words."""
RANK_ROWS = 2000
"""Most pages bm25 ranks for one query (about 8 ms on a 2-core machine)."""
SPARE_ROWS = 30
"""Candidates beyond the requested hits, for coverage and the tiers to lift."""
K1, B = 1.2, 0.75
"""bm25's usual term-frequency saturation and length normalisation."""
TITLE_TF_WEIGHT = 5.0
"""A word in the title counts as this many in the body (BM25F)."""
COVERAGE_POWER = 2.0
TITLE_FIT_BOOST = 0.5
TIER = 1000.0


class Ranker:
    """Runs plans against one index's FTS5 tables."""

    def __init__(
        self,
        db: sqlite3.Connection,
        documents: Sequence[Document],
        text_of: Callable[[int], Text],
    ) -> None:
        self._db = db
        self._documents = documents
        self._text_of = text_of
        chars = sum(len(d.text) for d in documents)
        self._average_chars = max(1.0, chars / max(1, len(documents)))

    @staticmethod
    def expression(units: Sequence[Unit]) -> str:
        """FTS5 ``MATCH`` text for pages holding any of ``units``."""
        return " OR ".join(u.expression() for u in units)

    def run(self, plan: Plan, limit: int) -> list[tuple[int, float]]:
        """(row, score) of the best pages for ``plan``, best first."""
        live = sorted((u for u in plan.topic if u.found), key=lambda u: u.df)
        if not live:
            return []
        fetch = limit + SPARE_ROWS
        if len(live) == len(plan.topic):
            # Pages with every topic word in the title outrank all others (tier 2 and up),
            # so when titles alone fill the page, the bodies need not be ranked at all.
            rows = self._titles(" AND ".join(u.expression() for u in live), fetch)
            if len(rows) >= fetch:
                return self._score(plan, rows)
        gather: list[Unit] = []
        total = 0
        for unit in live:
            if gather and total + unit.df > RANK_ROWS:
                break
            gather.append(unit)
            total += unit.df
        if total <= RANK_ROWS or len(self._documents) <= RANK_ROWS:
            rows = self._db.execute(
                "SELECT rowid, bm25(docs, ?, ?, ?) AS r FROM docs WHERE docs MATCH ? "
                "ORDER BY r LIMIT ?",
                (TITLE_WEIGHT, BODY_WEIGHT, TAB_WEIGHT, self.expression(gather), fetch),
            ).fetchall()
            return self._score(plan, rows)
        # Even the rarest word is on thousands of pages: rank the title matches, then
        # take the rest as they come.
        expression = self.expression(live)
        rows = self._titles(expression, fetch)
        seen = {rowid for rowid, _ in rows}
        extra = self._db.execute(
            "SELECT rowid FROM docs WHERE docs MATCH ? LIMIT ?", (expression, fetch)
        ).fetchall()
        rows += [(rowid, -0.001) for (rowid,) in extra if rowid not in seen]
        return self._score(plan, rows)

    def _titles(self, expression: str, fetch: int) -> list[tuple[int, float]]:
        return self._db.execute(
            "SELECT rowid, bm25(titles) AS r FROM titles WHERE titles MATCH ? ORDER BY r LIMIT ?",
            (expression, fetch),
        ).fetchall()

    def _score(self, plan: Plan, rows: list[tuple[int, float]]) -> list[tuple[int, float]]:
        """Score candidate rows afresh; their SQLite rank only chose them."""
        total = plan.weight or 1.0
        scored = []
        for rowid, _rank in rows:
            document = self._documents[rowid]
            text = self._text_of(rowid)
            relevance, held = self._bm25f(plan, document, text)
            coverage = sum(u.weight for u in held) / total
            fit = _title_fit(document, held)
            relevance *= coverage**COVERAGE_POWER * (1.0 + TITLE_FIT_BOOST * fit)
            if document.is_support_page:
                relevance *= SUPPORT_PAGE_FACTOR
            scored.append((rowid, self._tier(plan, document, text) * TIER + relevance))
        scored.sort(key=lambda r: -r[1])
        return scored

    def _bm25f(self, plan: Plan, document: Document, text: Text) -> tuple[float, list[Unit]]:
        """BM25F over the query's units: each unit (a word with its forms and synonyms)
        counts once with its own rarity, a title match weighing more than a body match."""
        norm = K1 * (1.0 - B + B * len(text.flat) / self._average_chars)
        relevance = 0.0
        held = []
        for unit in plan.topic:
            if not unit.found:
                continue
            in_title = _count_in_title(unit, document)
            in_body = _count(unit, text)
            if not (in_title or in_body):
                continue
            held.append(unit)
            tf = TITLE_TF_WEIGHT * in_title + in_body
            relevance += unit.weight * tf * (K1 + 1.0) / (tf + norm)
        return relevance, held

    def _tier(self, plan: Plan, document: Document, text: Text) -> int:
        if plan.stems == document.title_stem_list:
            return 3
        if all(_in_title(u, document) for u in plan.topic):
            return 2
        if (
            len(plan.units) > 1
            and not document.is_support_page
            and plan.phrase in text.folded
        ):
            return 1
        return 0


def _count(unit: Unit, text: Text) -> int:
    counts = text.counts
    found = sum(counts.get(v, 0) for v in unit.variants)
    found += sum(counts.get(c, 0) for c in unit.completions if c not in unit.variants)
    found += sum(text.folded.count(" ".join(p)) for p in unit.phrases)
    return found


def _count_in_title(unit: Unit, document: Document) -> int:
    found = sum(
        1 for w in document.title_words if w in unit.variants or w in unit.completions
    )
    if unit.phrases:
        joined = " ".join(document.title_words)
        found += sum(joined.count(" ".join(p)) for p in unit.phrases)
    return found


def _in_title(unit: Unit, document: Document) -> bool:
    if not unit.variant_stems.isdisjoint(document.title_stems):
        return True
    if any(w.startswith(p) for p in unit.prefixes for w in document.title_words):
        return True
    joined = " ".join(document.title_words)
    return any(" ".join(p) in joined for p in unit.phrases)


def _title_fit(document: Document, held: Sequence[Unit]) -> float:
    """Share of the title's topic words that the query's matched units name."""
    if not document.title_topic:
        return 0.0
    named = set()
    for unit in held:
        named |= unit.variant_stems & document.title_topic
        for prefix in unit.prefixes:
            named |= {s for s in document.title_topic if s.startswith(prefix)}
    return len(named) / len(document.title_topic)
