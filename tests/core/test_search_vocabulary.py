"""Everyday words a worried reader types reach the right section in the top three results.

Each word runs through the real search index of the bundled pack, synonyms included.
"""

from __future__ import annotations

import pytest

from spasmguide.core.search import SearchIndex

HELP = ("when-to-get-help",)
CLOT = ("when-to-get-help", "cramp-or-something-else")

EXPECTED: dict[str, tuple[str, ...]] = {
    "clot": CLOT,
    "blood clot": CLOT,
    "DVT": CLOT,
    "thrombosis": CLOT,
    "swollen": CLOT,
    "swelling": CLOT,
    "red": CLOT,
    "hot": CLOT,
    "warm calf": CLOT,
    "lump": ("cramp-or-something-else",),
    "purple leg": CLOT,
    "chest pain": HELP,
    "breathless": HELP,
    "ambulance": HELP,
    "emergency": HELP,
    "999": HELP,
    "911": HELP,
    "112": HELP,
    "111": HELP,
    "A&E": HELP,
    "ER": HELP,
    "statins": ("medicines",),
    "cholesterol tablets": ("medicines",),
    "water pills": ("medicines",),
    "furosemide": ("medicines",),
    "niacin": ("medicines",),
    "magnesium": ("magnesium-and-calcium",),
    "calcium": ("magnesium-and-calcium",),
    "pregnant": ("pregnancy",),
    "pregnancy": ("pregnancy",),
    "older": ("older-people",),
    "elderly": ("older-people",),
    "night": ("night-cramps",),
    "bed": ("night-cramps",),
    "foot": ("where-it-happens",),
    "feet": ("where-it-happens",),
    "arch": ("where-it-happens",),
    "toes": ("where-it-happens",),
    "behind the knee": ("cramp-or-something-else",),
    "walking pain": ("cramp-or-something-else", "poor-blood-flow"),
}


@pytest.mark.parametrize(("query", "wanted"), list(EXPECTED.items()), ids=list(EXPECTED))
def test_everyday_word_finds_the_right_section_in_the_top_three(
    index: SearchIndex, query: str, wanted: tuple[str, ...]
) -> None:
    top = [hit.section_id for hit in index.query(query, limit=3)]
    assert set(wanted) & set(top), f"{query!r} finds {top}, none of {wanted}"


def test_the_sections_the_vocabulary_points_at_exist(index: SearchIndex, pack) -> None:
    ids = {section.id for _, section in pack.sections()}
    wanted = {section_id for targets in EXPECTED.values() for section_id in targets}
    assert wanted <= ids, wanted - ids
