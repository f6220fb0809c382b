"""Patterns compiled on first use behave as compiled ones."""

from __future__ import annotations

import re

import pytest

from spasmguide.core.patterns import LazyPattern


def test_a_lazy_pattern_matches_as_the_compiled_pattern_does():
    lazy = LazyPattern(r"(\w+)-(\d+)", re.IGNORECASE)
    compiled = re.compile(r"(\w+)-(\d+)", re.IGNORECASE)
    text = "Calf-12 and THIGH-3"
    assert lazy.search(text).groups() == compiled.search(text).groups()
    assert lazy.findall(text) == compiled.findall(text)
    assert lazy.sub(r"\2", text) == compiled.sub(r"\2", text)
    assert lazy.fullmatch("x-1") and not lazy.match(" x-1")
    assert lazy.pattern == compiled.pattern and lazy.flags == compiled.flags
    assert lazy.compiled.groups == 2


def test_a_bad_pattern_is_reported_when_first_used():
    lazy = LazyPattern(r"(unclosed")
    with pytest.raises(re.error):
        lazy.match("x")
