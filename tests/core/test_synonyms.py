"""synonyms.toml: the documented format, and every mistake reported with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from spasmguide.core.content import bundled_pack_path
from spasmguide.core.errors import ContentError
from spasmguide.core.synonyms import Synonyms, load_synonyms, parse_synonyms


def _problems(text: str) -> list[tuple[int | None, str]]:
    with pytest.raises(ContentError) as caught:
        parse_synonyms(text)
    return [(p.line, p.message) for p in caught.value.problems]


def test_groups_are_two_way_and_expansions_one_way() -> None:
    synonyms = parse_synonyms(
        '[[groups]]\nwords = ["Cramp", "spasm", "twitch"]\n\n'
        '[[expand]]\nfrom = "Charley horse"\nto = ["cramp"]\n'
    )
    assert set(synonyms.alternatives("spasm")) == {"cramp", "twitch"}
    assert set(synonyms.alternatives("cramp")) == {"spasm", "twitch"}
    assert synonyms.alternatives("charley horse") == ("cramp",)
    assert "charley horse" not in synonyms.alternatives("cramp")
    assert synonyms.longest == 2


def test_words_are_folded_like_the_index() -> None:
    synonyms = parse_synonyms('[[groups]]\nwords = ["Crème", "LOTION"]\n')
    assert synonyms.alternatives("creme") == ("lotion",)


def test_missing_file_means_no_synonyms(tmp_path: Path) -> None:
    synonyms = load_synonyms(tmp_path)
    assert synonyms == Synonyms()
    assert not synonyms
    assert synonyms.alternatives("cramp") == ()


def test_examples_are_read() -> None:
    synonyms = parse_synonyms('examples = ["cramp at night", " potassium "]\n')
    assert synonyms.examples == ("cramp at night", "potassium")


def test_syntax_error_names_its_line() -> None:
    assert _problems("[[groups]]\nwords = [\"a\" \"b\"]\nx = 1\n")[0][0] == 2


def test_every_problem_is_reported_with_its_line() -> None:
    text = "\n".join(
        [
            "[[groups]]",  # 1
            'words = ["cramp"]',  # 2: too few
            "",
            "[[groups]]",  # 4
            'words = ["spasm", "spasm"]',  # 5: duplicate
            "",
            "[[groups]]",  # 7
            'wrods = ["x", "y"]',  # 8: unknown key, and 'words' missing
            "",
            "[[expand]]",  # 10
            'from = "charley horse"',  # 11
            "to = []",  # 12: empty
            "",
            "[[expand]]",  # 14
            'from = "!!!"',  # 15: no letters
            'to = ["cramp"]',
        ]
    )
    problems = _problems(text)
    lines = sorted(line for line, _ in problems if line is not None)
    assert lines == [2, 5, 7, 8, 12, 15]
    messages = " | ".join(m for _, m in problems)
    assert "at least 2" in messages
    assert "twice" in messages
    assert "unknown key 'wrods'" in messages
    assert "missing 'words'" in messages
    assert "no letters or digits" in messages


def test_word_in_two_groups_is_refused() -> None:
    problems = _problems('[[groups]]\nwords = ["a1", "b1"]\n\n[[groups]]\nwords = ["c1", "A1"]\n')
    assert problems[0][0] == 5
    assert "already in group 1" in problems[0][1]


def test_wrong_types_are_refused() -> None:
    problems = _problems('[[expand]]\nfrom = 3\nto = "cramp"\n')
    assert {line for line, _ in problems} == {2, 3}


def test_unknown_top_level_key() -> None:
    problems = _problems('colour = "blue"\n')
    assert problems == [
        (1, "unknown key 'colour' in synonyms.toml; allowed: groups, expand, examples")
    ]


def test_unreadable_file_is_a_content_error(tmp_path: Path) -> None:
    (tmp_path / "synonyms.toml").write_bytes(b"[[groups]]\nwords = [\"\xff\"]\n")
    with pytest.raises(ContentError) as caught:
        load_synonyms(tmp_path)
    assert caught.value.problems[0].file == "synonyms.toml"


def test_bundled_synonyms_load_and_cover_the_everyday_words() -> None:
    synonyms = load_synonyms(bundled_pack_path())
    for phrase, target in [
        ("charley horse", "cramp"),
        ("ice pack", "cold compress"),
        ("heat pack", "warm compress"),
        ("hot water bottle", "warm compress"),
        ("heart", "cardiac"),
        ("calf", "leg"),
        ("water tablets", "diuretics"),
    ]:
        assert target in synonyms.alternatives(phrase), phrase
