"""The red-flag checker: its safety rules over every combination of answers, and its file."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from spasmguide.core.checker import (
    DEFAULT_EMERGENCY_NUMBER,
    LEVELS,
    NO,
    NOT_SURE,
    YES,
    Checker,
    CheckerSession,
    decide,
    emergency_number_of,
    load_checker,
)
from spasmguide.core.content import ContentError, bundled_pack_path, load_pack
from spasmguide.core.pack_safety import HelpContacts

RANK = {level: rank for rank, level in enumerate(LEVELS)}


@pytest.fixture(scope="module")
def checker() -> Checker:
    pack = load_pack(bundled_pack_path())
    loaded = load_checker(pack.path, [r.id for r in pack.routines])
    assert loaded is not None
    return loaded


def walk(checker: Checker, answers: dict[str, str], number: str = "999") -> tuple[str, int]:
    """Go through the checker as a person would: answer each question shown, in turn.
    Returns the level reached and how many questions were asked."""
    session = CheckerSession(checker)
    count = 0
    while (question := session.current()) is not None:
        session.answer(answers[question.id])
        count += 1
    return session.outcome(number).level, count


def highest_yes(checker: Checker, answers: dict[str, str]) -> str:
    levels = [q.level for q in checker.questions if answers[q.id] in (YES, NOT_SURE)]
    return max(levels, key=RANK.__getitem__, default="self-care")


def pack_with_number(number: str) -> SimpleNamespace:
    return SimpleNamespace(help_contacts=HelpContacts(emergency_number=number))


def test_bundled_checker_asks_six_to_ten_questions_emergency_first(checker) -> None:
    levels = [q.level for q in checker.questions]
    assert 6 <= len(levels) <= 10
    assert levels == sorted(levels, key=lambda level: -RANK[level])
    assert levels[0] == "emergency" and {"urgent", "soon"} <= set(levels)


def test_every_combination_of_answers_gives_the_highest_level_of_any_yes(checker) -> None:
    ids = [q.id for q in checker.questions]
    first_emergency_yes_checked = 0
    for combo in itertools.product((YES, NO, NOT_SURE), repeat=len(ids)):
        answers = dict(zip(ids, combo, strict=True))
        level, asked = walk(checker, answers)
        assert level == highest_yes(checker, answers), answers
        emergency_yes = [
            i for i, q in enumerate(checker.questions)
            if q.level == "emergency" and answers[q.id] != NO
        ]
        if emergency_yes:
            assert level == "emergency"
            assert asked == emergency_yes[0] + 1  # it ended at once
            first_emergency_yes_checked += 1
        else:
            assert asked == len(ids)
        if all(a == NO for a in combo):
            assert level == "self-care"
        else:
            assert level != "self-care"
    assert first_emergency_yes_checked > 0


def test_not_sure_never_lowers_a_level(checker) -> None:
    ids = [q.id for q in checker.questions]
    combos = list(itertools.product((YES, NO, NOT_SURE), repeat=len(ids)))
    level_of = {
        combo: RANK[decide(checker, dict(zip(ids, combo, strict=True)), "999").level]
        for combo in combos
    }
    for combo in combos:
        for position, answer in enumerate(combo):
            if answer == NOT_SURE:
                continue
            unsure = level_of[(*combo[:position], NOT_SURE, *combo[position + 1 :])]
            assert unsure >= level_of[combo], (combo, ids[position])
            if answer == YES:
                assert unsure == level_of[combo]  # Not sure counts exactly as Yes


def test_outcome_says_what_decided_it(checker) -> None:
    outcome = decide(
        checker, {"swollen-leg": YES, "numb-weak": NOT_SURE, "keep-coming-back": NO}, "999"
    )
    assert outcome.level == "urgent"
    assert outcome.because == ("swollen-leg",)
    assert outcome.said == ("swollen-leg", "numb-weak")
    assert outcome.not_sure == ("numb-weak",)
    assert decide(checker, {}, "999").because == ()


ACTIONS = {
    "emergency": r"\bcall 999 now\b",
    "urgent": r"\bhelp today\b",
    "soon": r"\bsee a doctor\b",
    "self-care": r"\blook after this yourself\b",
}


@pytest.mark.parametrize("level", LEVELS)
def test_every_result_names_its_action(checker, level) -> None:
    result = checker.result(level)
    question = next((q for q in checker.questions if q.level == level), None)
    answers = {question.id: YES} if question else {}
    outcome = decide(checker, answers, "999")
    assert outcome.level == level
    assert re.search(ACTIONS[level], outcome.title.lower()), outcome.title
    assert outcome.advice and "{" not in outcome.title + outcome.advice
    assert result.title and result.advice


def test_emergency_shows_the_configured_number(checker) -> None:
    outcome = decide(checker, {"chest-pain": YES}, "112")
    assert outcome.title == "Call 112 now"
    assert "Call 112 now" in outcome.advice
    default = decide(checker, {"cold-leg": NOT_SURE}, emergency_number_of(object()))
    assert default.title == f"Call {DEFAULT_EMERGENCY_NUMBER} now"


def test_emergency_number_comes_from_the_pack_when_it_names_one() -> None:
    assert emergency_number_of(pack_with_number(" 911 ")) == "911"
    assert emergency_number_of(pack_with_number("")) == DEFAULT_EMERGENCY_NUMBER
    assert emergency_number_of(SimpleNamespace()) == DEFAULT_EMERGENCY_NUMBER


def test_self_care_offers_a_routine_the_pack_has(checker) -> None:
    pack = load_pack(bundled_pack_path())
    routine = decide(checker, {}, "999").routine
    assert routine in {r.id for r in pack.routines}


def test_every_question_credits_a_source_the_pack_names(checker) -> None:
    publishers = {s.publisher for s in load_pack(bundled_pack_path()).sources if s.publisher}
    for question in checker.questions:
        named = {part.split(":")[0].strip() for part in question.source.split(";")}
        assert named <= publishers, (question.id, named)
        assert question.because and question.text.endswith("?")


def test_checker_text_is_plain(checker) -> None:
    from spasmguide.core.readability import flesch_kincaid_grade

    texts = [q.text for q in checker.questions] + [
        checker.result(level).advice for level in LEVELS
    ]
    grades = [flesch_kincaid_grade(fill_number(t)) for t in texts]
    assert sum(grades) / len(grades) <= 6.0, grades
    assert max(grades) <= 8.0, list(zip(texts, grades, strict=True))


def fill_number(text: str) -> str:
    return text.replace("{emergency_number}", "999")


def test_session_back_and_start_again(checker) -> None:
    session = CheckerSession(checker)
    total = len(checker.questions)
    assert session.position() == (1, total)
    session.answer(NO)
    session.answer(NO)
    assert session.position() == (3, total)
    assert session.back()
    assert session.current() is checker.questions[1]
    session.answer(YES)  # an emergency
    assert session.finished
    assert session.outcome("999").level == "emergency"
    assert session.back() and not session.finished
    session.restart()
    assert session.answers == {} and not session.back()
    with pytest.raises(ValueError):
        session.answer("maybe")


def test_unknown_ids_and_answers_are_refused(checker) -> None:
    with pytest.raises(KeyError):
        decide(checker, {"nope": YES}, "999")
    with pytest.raises(ValueError):
        decide(checker, {"chest-pain": "perhaps"}, "999")


# -- follow-up questions ------------------------------------------------------------------------

FOLLOW_UP = """
title = "Check"
[[questions]]
id = "wound"
level = "urgent"
text = "Did you have a wound?"
because = "a wound"
source = "NHS"
[[questions]]
id = "dirty"
level = "urgent"
only_if = "wound"
text = "Was it dirty?"
because = "a dirty wound"
source = "NHS"
[[questions]]
id = "often"
level = "soon"
text = "Often?"
because = "often"
source = "NHS"
""" + "".join(
    f'[results.{level}]\ntitle = "T {{emergency_number}}"\nadvice = "A"\n' for level in LEVELS
)


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "checker.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_follow_up_is_asked_only_after_a_yes(tmp_path: Path) -> None:
    checker = load_checker(write(tmp_path, FOLLOW_UP))
    assert checker is not None
    session = CheckerSession(checker)
    assert session.position() == (1, 3)
    session.answer(NO)
    assert session.current().id == "often" and session.position() == (2, 2)
    session.back()
    session.answer(NOT_SURE)
    assert session.current().id == "dirty" and session.position() == (2, 3)


# -- validation: every problem with its file and line ------------------------------------------

def problems_of(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_checker(write(tmp_path, text))
    return [str(p) for p in caught.value.problems]


def line_of(text: str, needle: str, nth: int = 1) -> int:
    lines = [n for n, row in enumerate(text.splitlines(), 1) if needle in row]
    return lines[nth - 1]


def test_the_follow_up_example_itself_is_valid(tmp_path: Path) -> None:
    assert load_checker(write(tmp_path, FOLLOW_UP)) is not None


def test_a_pack_without_a_checker_has_none(tmp_path: Path) -> None:
    assert load_checker(tmp_path) is None


def test_toml_syntax_error_has_its_line(tmp_path: Path) -> None:
    text = FOLLOW_UP.replace('text = "Often?"', 'text = "Often?')
    (problem,) = problems_of(tmp_path, text)
    assert problem.startswith(f"checker.toml:{line_of(text, 'Often?')}: TOML syntax error")


def test_unknown_keys_anywhere(tmp_path: Path) -> None:
    text = FOLLOW_UP.replace('title = "Check"', 'title = "Check"\ncolour = "red"')
    text = text.replace('text = "Often?"', 'text = "Often?"\nweight = 2')
    text = text.replace('advice = "A"', 'advice = "A"\nicon = "x"', 1)
    found = problems_of(tmp_path, text)
    assert found == [
        f"checker.toml:{line_of(text, 'colour')}: unknown key 'colour'; "
        "allowed: title, intro, search, questions, results",
        f"checker.toml:{line_of(text, 'weight')}: unknown key 'weight' in question 3; "
        "allowed: id, text, level, because, source, only_if",
        f"checker.toml:{line_of(text, 'icon')}: unknown key 'icon' in results.self-care; "
        "allowed: title, advice, routine",
    ]


def test_a_question_without_a_level(tmp_path: Path) -> None:
    text = FOLLOW_UP.replace('level = "soon"\n', "")
    (problem,) = problems_of(tmp_path, text)
    table = line_of(text, "[[questions]]", 3)
    assert problem == f"checker.toml:{table}: question 3 is missing 'level'"


def test_a_level_that_does_not_exist(tmp_path: Path) -> None:
    text = FOLLOW_UP.replace('level = "soon"', 'level = "later"')
    (problem,) = problems_of(tmp_path, text)
    assert problem == (f"checker.toml:{line_of(text, 'later')}: level 'later' of question 3 "
                       "must be one of: emergency, urgent, soon")


def test_duplicate_ids(tmp_path: Path) -> None:
    text = FOLLOW_UP.replace('id = "often"', 'id = "wound"')
    (problem,) = problems_of(tmp_path, text)
    second = line_of(text, 'id = "wound"', 2)
    assert problem.startswith(f"checker.toml:{second}: question id 'wound' is used twice")


def test_badly_formed_id(tmp_path: Path) -> None:
    text = FOLLOW_UP.replace('id = "often"', 'id = "Often Cramps"')
    (problem,) = problems_of(tmp_path, text)
    assert problem.startswith(f"checker.toml:{line_of(text, 'Often Cramps')}: question id")


def test_emergency_questions_must_come_first(tmp_path: Path) -> None:
    text = FOLLOW_UP.replace('level = "soon"', 'level = "emergency"')
    (problem,) = problems_of(tmp_path, text)
    assert problem.startswith(
        f"checker.toml:{line_of(text, 'emergency', 1)}: emergency question 'often' comes after"
    )


def test_a_result_for_every_level(tmp_path: Path) -> None:
    text = FOLLOW_UP.replace("[results.soon]", "[results.later]")
    found = problems_of(tmp_path, text)
    assert found == [
        f"checker.toml:{line_of(text, '[results.')}: no result text for: soon; "
        "add [results.soon]",
        f"checker.toml:{line_of(text, '[results.later]')}: unknown result level 'later'; "
        "use: emergency, urgent, soon, self-care",
    ]


def test_a_result_without_advice(tmp_path: Path) -> None:
    text = FOLLOW_UP.replace('[results.soon]\ntitle = "T {emergency_number}"\nadvice = "A"',
                             '[results.soon]\ntitle = "T"')
    (problem,) = problems_of(tmp_path, text)
    table = line_of(text, "[results.soon]")
    assert problem == f"checker.toml:{table}: results.soon is missing 'advice'"


def test_the_emergency_result_must_show_the_number(tmp_path: Path) -> None:
    text = FOLLOW_UP.replace('[results.emergency]\ntitle = "T {emergency_number}"',
                             '[results.emergency]\ntitle = "T"')
    (problem,) = problems_of(tmp_path, text)
    assert problem.startswith(f"checker.toml:{line_of(text, '[results.emergency]')}: "
                              "the emergency result must show the number")


def test_an_unknown_placeholder(tmp_path: Path) -> None:
    text = FOLLOW_UP.replace('advice = "A"', 'advice = "Call {emergency_numbr}"', 2)
    (problem,) = problems_of(tmp_path, text)
    assert problem == (f"checker.toml:{line_of(text, 'numbr')}: unknown placeholder "
                       "{emergency_numbr}; the only one is {emergency_number}")


@pytest.mark.parametrize(
    ("only_if", "why"),
    [("nothing", "names no earlier question"), ("often", "names no earlier question")],
)
def test_a_question_that_can_never_be_asked(tmp_path: Path, only_if: str, why: str) -> None:
    text = FOLLOW_UP.replace('only_if = "wound"', f'only_if = "{only_if}"')
    (problem,) = problems_of(tmp_path, text)
    assert problem == (f"checker.toml:{line_of(text, 'only_if')}: question 'dirty' can never "
                       f"be asked: only_if '{only_if}' {why}")


def test_a_follow_up_of_an_emergency_can_never_be_asked(tmp_path: Path) -> None:
    text = FOLLOW_UP.replace('level = "urgent"', 'level = "emergency"', 1)
    (problem,) = problems_of(tmp_path, text)
    assert problem.startswith(f"checker.toml:{line_of(text, 'only_if')}: question 'dirty' can "
                              "never be asked: a Yes to 'wound' is an emergency")


def test_no_questions(tmp_path: Path) -> None:
    text = FOLLOW_UP[FOLLOW_UP.index("[results."):]
    assert problems_of(tmp_path, 'title = "Check"\n' + text) == [
        "checker.toml: no questions; add at least one [[questions]] table"
    ]


def test_a_routine_must_exist_and_only_for_self_care(tmp_path: Path) -> None:
    soon = '[results.soon]\ntitle = "T {emergency_number}"\nadvice = "A"'
    text = FOLLOW_UP.replace(soon, soon + '\nroutine = "stretch"')
    with pytest.raises(ContentError) as caught:
        load_checker(write(tmp_path, text), routine_ids=["stretch"])
    assert [str(p) for p in caught.value.problems] == [
        f"checker.toml:{line_of(text, 'routine')}: only the self-care result can offer "
        "a Timer routine",
    ]
    text = FOLLOW_UP.replace('[results.self-care]\ntitle = "T {emergency_number}"\nadvice = "A"',
                             '[results.self-care]\ntitle = "T"\nadvice = "A"\nroutine = "walk"')
    with pytest.raises(ContentError) as caught:
        load_checker(write(tmp_path, text), routine_ids=["stretch"])
    assert [str(p) for p in caught.value.problems] == [
        f"checker.toml:{line_of(text, 'routine')}: routine 'walk' is not in routines.toml",
    ]


def test_check_content_reports_checker_problems_with_the_pack(tmp_path: Path) -> None:
    import shutil

    pack = tmp_path / "pack"
    shutil.copytree(bundled_pack_path(), pack)
    path = pack / "checker.toml"
    text = path.read_text(encoding="utf-8").replace('level = "soon"', 'level = "sometime"', 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_pack(pack)
    assert [str(p) for p in caught.value.problems] == [
        f"checker.toml:{line_of(text, 'sometime')}: level 'sometime' of question 7 must be one "
        "of: emergency, urgent, soon"
    ]
