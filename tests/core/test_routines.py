"""Tests for reading routines.toml: the shipped routines, and clear errors for broken files."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from spasmguide.core.errors import ContentError
from spasmguide.core.readability import flesch_kincaid_grade
from spasmguide.core.routines import COMPRESS_KINDS, Routine, Step, load_routines

PACK_DIR = Path(__file__).resolve().parents[2] / "resources/content/en"

GOOD_STEP = """
[[routines.steps]]
kind = "stretch"
seconds = 30
instruction = "Hold the stretch."
"""


def write(tmp_path: Path, text: str) -> Path:
    (tmp_path / "routines.toml").write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return tmp_path


def problems_of(tmp_path: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_routines(tmp_path)
    return [str(problem) for problem in caught.value.problems]


# ---- the shipped routines


@pytest.fixture(scope="module")
def shipped() -> dict[str, Routine]:
    return {routine.id: routine for routine in load_routines(PACK_DIR)}


def test_the_pack_ships_every_routine_the_timer_offers(shipped):
    assert {
        "pillow-stretch-compress",
        "cold-compress",
        "warm-compress",
        "calf-stretch",
        "exercise-break",
        "until-eased",
    } <= set(shipped)


def test_pillow_routine_rests_between_holds_and_offers_compress_times(shipped):
    routine = shipped["pillow-stretch-compress"]
    assert "pillow" in routine.steps[0].instruction.lower()
    holds = [step for step in routine.steps if step.kind == "stretch"]
    assert holds and holds[0].repeats > 1 and holds[0].rest_seconds > 0
    assert routine.custom_minutes == (5, 10, 15, 20)


@pytest.mark.parametrize("routine_id", ["cold-compress", "warm-compress"])
def test_compress_routines_carry_skin_safety_and_quick_times(shipped, routine_id):
    routine = shipped[routine_id]
    assert routine.custom_minutes == (5, 10, 15, 20)
    text = " ".join(f"{s.instruction} {s.note}" for s in routine.steps).lower()
    assert "20 minutes" in text
    assert "numb or broken skin" in text
    if routine_id == "cold-compress":
        assert "never put ice straight on your skin" in text
        assert "towel" in text or "cloth" in text
    else:
        assert "warm, not hot" in text


def test_no_compress_step_lasts_longer_than_twenty_minutes(shipped):
    for routine in shipped.values():
        for step in routine.steps:
            if step.kind in COMPRESS_KINDS:
                assert step.seconds is not None and step.seconds <= 20 * 60, routine.id


def test_calf_stretch_repeats_holds_for_each_leg(shipped):
    steps = shipped["calf-stretch"].steps
    legs = [step for step in steps if step.kind == "stretch"]
    assert ["left" in legs[0].instruction, "right" in legs[1].instruction] == [True, True]
    assert all(step.repeats >= 2 and step.rest_seconds > 0 for step in legs)


def test_exercise_break_reminds_to_drink_water(shipped):
    text = " ".join(step.instruction for step in shipped["exercise-break"].steps).lower()
    assert "water" in text and "rest" in text


def test_until_eased_ends_with_an_open_ended_step(shipped):
    last = shipped["until-eased"].steps[-1]
    assert last.seconds is None
    assert "Next step" in last.instruction


def test_instructions_are_easy_to_read(shipped):
    for routine in shipped.values():
        for step in routine.steps:
            grade = flesch_kincaid_grade(step.instruction)
            assert grade <= 7.0, f"{routine.id}: {step.instruction!r} reads at grade {grade:.1f}"


# ---- loading


def test_a_pack_without_routines_has_none(tmp_path):
    assert load_routines(tmp_path) == ()


def test_a_small_valid_file_loads_every_field(tmp_path):
    write(
        tmp_path,
        """
        [[routines]]
        id = "cold"
        title = "Cold compress"
        summary = "Cool the muscle."
        custom_minutes = [10, 5]

        [[routines.steps]]
        kind = "compress-cold"
        seconds = 600
        adjustable = true
        label = "Cold pack"
        instruction = "Put the cold pack on."
        note = "Wrap it in a cloth."

        [[routines.steps]]
        kind = "other"
        count_up = true
        instruction = "Rest until it eases."
        """,
    )
    (routine,) = load_routines(tmp_path)
    assert routine.custom_minutes == (5, 10)
    assert routine.adjustable_index == 0
    assert routine.steps == (
        Step(
            "Put the cold pack on.",
            600,
            "compress-cold",
            note="Wrap it in a cloth.",
            label="Cold pack",
            adjustable=True,
        ),
        Step("Rest until it eases.", None, "other"),
    )


def test_a_malformed_step_gives_a_clear_message_with_its_line(tmp_path):
    write(
        tmp_path,
        """
        [[routines]]
        id = "calf"
        title = "Calf stretch"
        summary = "Stretch the calf."

        [[routines.steps]]
        kind = "strech"
        seconds = 30
        instruction = "Hold the stretch."
        """,
    )
    assert problems_of(tmp_path) == [
        "routines.toml:7: kind 'strech' is not known; use one of stretch, compress, compress-cold, "
        "compress-warm, rest, other"
    ]


def test_every_problem_is_listed_in_file_order(tmp_path):
    write(
        tmp_path,
        """
        [[routines]]
        id = "first"
        title = "First"
        summary = "One."
        colour = "blue"

        [[routines.steps]]
        kind = "stretch"
        seconds = 0
        instruction = "Hold."

        [[routines.steps]]
        kind = "rest"
        seconds = "ten"
        repeats = 0
        instruction = "Rest."

        [[routines.steps]]
        kind = "rest"
        seconds = 10

        [[routines]]
        id = "first"
        title = "Second"
        summary = "Two."
        """
        + GOOD_STEP,
    )
    assert problems_of(tmp_path) == [
        "routines.toml:5: unknown key 'colour' in a routine; allowed keys: id, title, summary, "
        "steps, custom_minutes, note",
        "routines.toml:9: seconds must be more than 0 (it is 0)",
        "routines.toml:14: seconds must be a whole number, not text",
        "routines.toml:15: repeats must be from 1 to 50 (it is 0)",
        "routines.toml:18: the step has no 'instruction'; add instruction = \"...\"",
        "routines.toml:23: routine id 'first' is used twice (first used on line 2); "
        "give it a new id",
    ]


def test_missing_routine_fields_point_at_the_routine_header(tmp_path):
    write(
        tmp_path,
        """
        # routines
        [[routines]]
        id = "No Spaces Please"
        """,
    )
    assert problems_of(tmp_path) == [
        "routines.toml:2: the routine has no 'title'; add title = \"...\"",
        "routines.toml:2: the routine has no 'summary'; add summary = \"...\"",
        "routines.toml:2: the routine has no steps; add [[routines.steps]] tables under it",
        "routines.toml:3: routine id 'No Spaces Please' must be lowercase letters and digits "
        "joined by hyphens, like 'calf-stretch'",
    ]


def test_step_needs_seconds_or_count_up_but_not_both(tmp_path):
    write(
        tmp_path,
        """
        [[routines]]
        id = "a"
        title = "A"
        summary = "A."

        [[routines.steps]]
        kind = "rest"
        instruction = "Rest."

        [[routines.steps]]
        kind = "rest"
        seconds = 10
        count_up = true
        instruction = "Rest."
        """,
    )
    problems = problems_of(tmp_path)
    assert problems[0].startswith("routines.toml:6: the step has no 'seconds'")
    assert problems[1].startswith("routines.toml:12: a step cannot have both")


def test_compress_longer_than_twenty_minutes_is_refused(tmp_path):
    write(
        tmp_path,
        """
        [[routines]]
        id = "a"
        title = "A"
        summary = "A."
        custom_minutes = [10, 30]

        [[routines.steps]]
        kind = "compress-warm"
        seconds = 1800
        instruction = "Put the warm cloth on."

        [[routines.steps]]
        kind = "compress-warm"
        seconds = 600
        adjustable = true
        instruction = "Put the warm cloth on."
        """,
    )
    problems = problems_of(tmp_path)
    assert problems[0].startswith("routines.toml:5: a compress should stay on for no more than 20")
    assert problems[1].startswith("routines.toml:9: a compress should stay on for no more than 20")


def test_custom_minutes_needs_an_adjustable_step(tmp_path):
    write(
        tmp_path,
        """
        [[routines]]
        id = "a"
        title = "A"
        summary = "A."
        custom_minutes = [5, 10]
        """
        + GOOD_STEP,
    )
    assert problems_of(tmp_path) == [
        "routines.toml:5: custom_minutes needs one step marked 'adjustable = true' to change"
    ]


def test_a_toml_syntax_error_names_its_line(tmp_path):
    write(
        tmp_path,
        """
        [[routines]]
        id = "a"
        title = "A
        """,
    )
    (problem,) = problems_of(tmp_path)
    assert problem.startswith("routines.toml:3: TOML syntax error:")


def test_text_that_is_not_utf8_names_its_line(tmp_path):
    (tmp_path / "routines.toml").write_bytes(b'[[routines]]\nid = "a"\ntitle = "Caf\xe9"\n')
    assert problems_of(tmp_path) == [
        "routines.toml:3: the text is not valid UTF-8; save the file as UTF-8"
    ]


def test_a_huge_file_is_refused_with_its_size(tmp_path):
    write(tmp_path, "[[routines]]\n")
    with (tmp_path / "routines.toml").open("r+b") as file:
        file.truncate(17_500_000)
    assert problems_of(tmp_path) == ["routines.toml: file is 17.5 MB; the limit is 2 MB"]


def test_routines_written_as_a_plain_table_is_explained(tmp_path):
    write(
        tmp_path,
        """
        [routines]
        id = "a"
        """,
    )
    assert problems_of(tmp_path) == [
        "routines.toml: 'routines' must be written as [[routines]] tables"
    ]


@pytest.mark.parametrize(
    ("kind", "instruction"),
    [
        ("compress-cold", "Hold the wrapped pack on the muscle."),
        ("compress-warm", "Hold the warm cloth on the muscle."),
        ("compress", "Hold the compress on the sore muscle."),
        ("other", "Put the compress on the sore muscle and rest."),
        ("rest", "Rest with the ice pack on your calf."),
        ("stretch", "Keep the hot-water bottle on your thigh."),
    ],
)
def test_a_thirty_minute_compress_is_refused_whatever_its_kind(tmp_path, kind, instruction):
    write(
        tmp_path,
        f"""
        [[routines]]
        id = "long"
        title = "Long compress"
        summary = "Too long."

        [[routines.steps]]
        kind = "{kind}"
        seconds = 1800
        instruction = "{instruction}"
        """,
    )
    assert problems_of(tmp_path) == [
        "routines.toml:8: a compress should stay on for no more than 20 minutes at a time; "
        "make seconds 1200 or less"
    ]


def test_an_open_ended_compress_is_refused(tmp_path):
    write(
        tmp_path,
        """
        [[routines]]
        id = "open"
        title = "Open compress"
        summary = "No end."

        [[routines.steps]]
        kind = "other"
        count_up = true
        instruction = "Hold a cold pack on the muscle until it eases."
        """,
    )
    (problem,) = problems_of(tmp_path)
    assert problem.startswith("routines.toml:8: a compress step cannot be open-ended")


def test_long_quick_durations_are_refused_for_a_compress_tagged_other(tmp_path):
    write(
        tmp_path,
        """
        [[routines]]
        id = "pillow"
        title = "Pillow"
        summary = "Rest."
        custom_minutes = [10, 30]

        [[routines.steps]]
        kind = "other"
        seconds = 600
        adjustable = true
        instruction = "Put the compress on the sore muscle."
        """,
    )
    (problem,) = problems_of(tmp_path)
    assert problem.startswith("routines.toml:5: a compress should stay on for no more than 20")


def test_short_steps_that_only_mention_a_compress_are_fine(shipped):
    pillow = shipped["pillow-stretch-compress"]
    assert [s.kind for s in pillow.steps if s.label == "Compress"] == ["compress"]


def test_every_stretch_or_rubbing_routine_warns_about_a_swollen_warm_red_leg(shipped):
    for routine in shipped.values():
        text = " ".join(f"{s.instruction} {s.note}" for s in routine.steps)
        stretches = any(s.kind == "stretch" for s in routine.steps) or "rub" in text.lower()
        if stretches:
            notes = " ".join([routine.note, *(s.note for s in routine.steps)])
            assert "swollen, warm and red" in notes, routine.id


def test_hidden_direction_characters_are_refused_in_names(tmp_path):
    write(
        tmp_path,
        '[[routines]]\nid = "a"\ntitle = "Calf \\u202estretch"\nsummary = "S."\n'
        + GOOD_STEP.replace('kind = "stretch"', 'kind = "stretch"\nlabel = "Ho\\u2067ld"'),
    )
    assert problems_of(tmp_path) == [
        "routines.toml:3: title 'Calf \\u202estretch' holds a hidden text-direction character "
        "(U+202E); remove it",
        "routines.toml:8: label 'Ho\\u2067ld' holds a hidden text-direction character (U+2067); "
        "remove it",
    ]
