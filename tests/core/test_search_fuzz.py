"""Property tests: no text a person (or a cat on the keyboard) types can break search.

101,000 generated strings in total go to ``query()`` (ten per example); each must come
back as a list without raising and without the engine logging a failure (which would
mean SQLite refused a MATCH expression we built).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spasmguide.core.content import bundled_pack_path, load_pack
from spasmguide.core.search import Hit, SearchIndex

INDEX = SearchIndex.build(load_pack(bundled_pack_path()))

FTS_PIECES = [
    '"', "'", "AND", "OR", "NOT", "NEAR", "NEAR(", ")", "(", "*", "^", ":", "-", "+", "{", "}",
    "[", "]", ",", ".", "title", "body", "tab", "title:", "{title body}:", "''", '""',
    "cramp", "potas", "potasium", "charley horse", "hot water bottle", "ice", "leg", "a",
    " ", "  ", "\t", "\n", "\x00", "\u200b", "\u202e", "😀", "ß", "İ", "é", "\u0301",
    "שלום", "مرحبا", "日本語", "ﬁ", "①", "_", "\\", "%", "?", "NEAR/2", "x" * 60,
]

SETTINGS = {"deadline": None, "database": None, "suppress_health_check": [HealthCheck.too_slow]}


class _Failures(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def no_logged_failures() -> Iterator[None]:
    handler = _Failures()
    logger = logging.getLogger("spasmguide.core.search")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
    assert not handler.messages, handler.messages


BATCH = 10
"""Strings per generated example: ten queries per example keeps 100,000 of them quick."""


def check(texts: list[str], *, correct: bool = True) -> None:
    assert len(texts) == BATCH
    with no_logged_failures():
        for text in texts:
            hits = INDEX.query(text, limit=5, correct=correct)
            assert isinstance(hits, list)
            assert all(isinstance(h, Hit) for h in hits)


def batches(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    return st.lists(strategy, min_size=BATCH, max_size=BATCH)


pieces = st.lists(st.sampled_from(FTS_PIECES), max_size=12)


@settings(max_examples=5_500, **SETTINGS)
@given(batches(st.text(max_size=40)))
def test_any_text(texts: list[str]) -> None:  # 55,000 strings
    check(texts)


@settings(max_examples=2_000, **SETTINGS)
@given(batches(pieces.map("".join)))
def test_fts_syntax_pieces_glued_together(texts: list[str]) -> None:  # 20,000 strings
    check(texts)


@settings(max_examples=500, **SETTINGS)
@given(batches(pieces.map(" ".join)), st.booleans())
def test_fts_syntax_pieces_as_words(texts: list[str], correct: bool) -> None:  # 5,000
    check(texts, correct=correct)
    with no_logged_failures():
        for text in texts:
            suggestion = INDEX.suggest(text)
            assert suggestion is None or isinstance(suggestion, str)


@settings(max_examples=2_000, **SETTINGS)
@given(
    batches(
        st.text(
            alphabet=st.characters(
                categories=["Cc", "Cf", "So", "Sm", "Zs", "Mn", "Lo", "Nd", "Pd", "Ps", "Pe"]
            ),
            max_size=30,
        )
    )
)
def test_control_symbols_marks_and_scripts(texts: list[str]) -> None:  # 20,000 strings
    check(texts)


@settings(max_examples=100, **SETTINGS)
@given(
    batches(
        st.lists(st.sampled_from(FTS_PIECES), min_size=1, max_size=40).map(
            lambda parts: ("".join(parts) * 10_000)[:10_000]
        )
    )
)
def test_ten_thousand_character_strings(texts: list[str]) -> None:  # 1,000 strings
    assert all(len(t) == 10_000 for t in texts)
    check(texts)


@pytest.mark.parametrize("size", [10_000, 100_000])
def test_very_long_repeated_words(size: int) -> None:
    check([("cramp " * size)[:size], ("NEAR(" * size)[:size]] * (BATCH // 2))
