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

from spasmguide.core.search.documents import Documents
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
BIG_SPARE_ROWS = 10
"""The same in a pack of thousands of pages, where each candidate's text costs time."""
K1, B = 1.2, 0.75
"""bm25's usual term-frequency saturation and length normalisation."""
TITLE_TF_WEIGHT = 5.0
"""A word in the title counts as this many in the body (BM25F)."""
COVERAGE_POWER = 2.0
TITLE_FIT_BOOST = 0.5
SYNONYM_SHARE = 0.5
"""What a match through a synonym counts for, against the word as typed: a page that
says "calf" answers "lump in my calf" better than one that only says "leg"."""
TIER = 1000.0
MIN_SHARE = 0.05
"""Hits scoring below this share of the best one (and in no tier) are left out."""


class Ranker:
    """Runs plans against one index's FTS5 tables."""

    def __init__(
        self,
        db: sqlite3.Connection,
        documents: Documents,
        text_of: Callable[[int], Text],
    ) -> None:
        self._db = db
        self._documents = documents
        self._text_of = text_of
        chars = sum(len(row[4]) for row in documents.rows)
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
        fetch = limit + (SPARE_ROWS if len(self._documents) <= RANK_ROWS else BIG_SPARE_ROWS)
        if len(live) == len(plan.topic) and len(self._documents) > fetch:
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
        if len(self._documents) <= fetch:
            # Every match is scored below anyway: SQLite need not rank them first.
            rows = self._db.execute(
                "SELECT rowid, 0 FROM docs WHERE docs MATCH ?", (self.expression(gather),)
            ).fetchall()
            return self._score(plan, rows)
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

    def _score(self, plan: Plan, rows: Sequence[tuple[int, float]]) -> list[tuple[int, float]]:
        """Score candidate rows afresh (their SQLite rank only chose them): BM25F over the
        query's units, where a unit (a word with its forms and synonyms) counts once with
        its own rarity and a title match weighs more than a body match; times coverage and
        title fit; after the tiers."""
        total = plan.weight or 1.0
        units = [u for u in plan.topic if u.found]
        every_unit_found = len(units) == len(plan.topic)
        phrase = plan.phrase if len(plan.units) > 1 else ""
        scored = []
        for rowid, _rank in rows:
            document = self._documents[rowid]
            text = self._text_of(rowid)
            counts, words = text.counts, text.words
            title_words = document.title_words
            norm = K1 * (1.0 - B + B * len(text.flat) / self._average_chars)
            relevance = held = 0.0
            named: set[int] = set()
            all_in_title = every_unit_found
            for unit in units:
                forms, prefixes, others = unit.forms, unit.prefixes, unit.synonym_forms
                in_title = 0.0
                for at, word in enumerate(title_words):
                    if word in others:
                        in_title += SYNONYM_SHARE
                    elif word in forms or (prefixes and word.startswith(prefixes[0])):
                        in_title += 1.0
                        named.add(at)
                in_body = 0.0
                for word in forms & words:
                    if word in counts:
                        in_body += counts[word] * (SYNONYM_SHARE if word in others else 1.0)
                if unit.phrases:
                    # Phrases come from synonyms, or are the typed phrase itself.
                    share = SYNONYM_SHARE if unit.words not in unit.phrases else 1.0
                    joined = " ".join(title_words)
                    for p in unit.phrases:
                        part = 1.0 if p == unit.words else share
                        in_title += part * joined.count(" ".join(p))
                        in_body += part * text.folded.count(" ".join(p))
                if not in_title:
                    all_in_title = False
                    if not in_body:
                        continue
                held += unit.weight
                tf = TITLE_TF_WEIGHT * in_title + in_body
                relevance += unit.weight * tf * (K1 + 1.0) / (tf + norm)
            fit = 0.0
            if document.title_topic:
                stems = document.title_stem_list
                fit = len({stems[at] for at in named} & document.title_topic) / len(
                    document.title_topic
                )
            relevance *= (held / total) ** COVERAGE_POWER * (1.0 + TITLE_FIT_BOOST * fit)
            if document.is_support_page:
                relevance *= SUPPORT_PAGE_FACTOR
            if plan.stems == document.title_stem_list:
                tier = 3
            elif all_in_title:
                tier = 2
            elif phrase and not document.is_support_page and phrase in text.folded:
                tier = 1
            else:
                tier = 0
            scored.append((rowid, tier, relevance))
        # With any word enough to be a candidate, many pages match by one common word:
        # those far below the best are noise, not answers.
        floor = MIN_SHARE * max((r for _, _, r in scored), default=0.0)
        kept = [(rowid, tier * TIER + r) for rowid, tier, r in scored if tier or r >= floor]
        kept.sort(key=lambda r: -r[1])
        return kept
