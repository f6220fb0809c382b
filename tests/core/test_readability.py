"""Tests for the Flesch-Kincaid checker, and a reading-level check of the bundled pack."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from spasmguide.core.readability import count_syllables, flesch_kincaid_grade

PACK_DIR = Path(__file__).resolve().parents[2] / "resources/content/en"
TAB_FILES = ("overview.md", "treatments.md", "causes.md", "muscle-types.md")

# The NHS writes for a reading age of 9 to 11: about US grade 4 to 6.
MAX_AVERAGE_GRADE = 6.0
MAX_SECTION_GRADE = 8.0


def read_sections() -> list[tuple[str, str]]:
    """Return ``(label, body)`` for every ``## `` section of the bundled pack.

    Parsed directly from the Markdown files so this check does not depend on the loader.
    """
    sections: list[tuple[str, str]] = []
    for name in TAB_FILES:
        label: str | None = None
        body: list[str] = []
        for line in (PACK_DIR / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("## "):
                if label is not None:
                    sections.append((label, "\n".join(body)))
                label = f"{name}: {line[3:].strip()}"
                body = []
            elif label is not None:
                body.append(line)
        if label is not None:
            sections.append((label, "\n".join(body)))
    return sections


def about_text() -> str:
    """The words of the About tab that come from the pack: subtitle, disclaimer, sources."""
    with (PACK_DIR / "pack.toml").open("rb") as f:
        pack = tomllib.load(f)
    lines = [pack.get("subtitle", ""), pack["disclaimer"], pack.get("reviewed_against", "")]
    lines += [f"- {source['used_for']}" for source in pack["sources"]]
    return "\n\n".join(line for line in lines if line)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("cat", 1),
        ("cramp", 1),
        ("take", 1),
        ("takes", 1),
        ("walked", 1),
        ("needed", 2),
        ("water", 2),
        ("table", 2),
        ("muscle", 2),
        ("muscles", 2),
        ("boxes", 2),
        ("banana", 3),
        ("medicine", 3),
        ("penicillamine", 5),
        ("Tendons,", 2),
    ],
)
def test_count_syllables(word: str, expected: int) -> None:
    assert count_syllables(word) == expected


def test_count_syllables_of_a_string_without_letters_is_zero() -> None:
    assert count_syllables("--") == 0


def test_formula_on_a_short_simple_sentence() -> None:
    # 6 words, 6 syllables, 1 sentence: 0.39 * 6 + 11.8 * 1 - 15.59
    assert flesch_kincaid_grade("The cat sat on the mat.") == pytest.approx(-1.45)


def test_long_polysyllabic_sentence_scores_high() -> None:
    text = (
        "Pharmacological interventions administered concurrently with electrolyte "
        "supplementation demonstrate considerable variability regarding neuromuscular "
        "hyperexcitability amongst individuals experiencing nocturnal gastrocnemius contractions."
    )
    assert flesch_kincaid_grade(text) > 20


def test_more_sentences_lower_the_grade() -> None:
    one = "Rest your leg on a pillow and put a warm cloth on it and wait for the pain to go"
    three = "Rest your leg on a pillow. Put a warm cloth on it. Wait for the pain to go."
    assert flesch_kincaid_grade(three) < flesch_kincaid_grade(one)


def test_each_list_item_counts_as_a_sentence() -> None:
    items = "- rest your leg\n- drink some water\n- take small breaks\n"
    sentences = "Rest your leg. Drink some water. Take small breaks."
    assert flesch_kincaid_grade(items) == pytest.approx(flesch_kincaid_grade(sentences))


def test_markdown_syntax_is_ignored() -> None:
    markdown = "## Help {#get-help}\n\n**Rest** your leg. See [the causes](#poor-blood-flow-now).\n"
    plain = "Help\n\nRest your leg. See the causes.\n"
    assert flesch_kincaid_grade(markdown) == pytest.approx(flesch_kincaid_grade(plain))


def test_empty_text_scores_zero() -> None:
    assert flesch_kincaid_grade("") == 0.0
    assert flesch_kincaid_grade("  \n- \n") == 0.0


def test_bundled_pack_is_easy_to_read() -> None:
    sections = [*read_sections(), ("pack.toml: About", about_text())]
    assert len(sections) >= 36, f"expected the pack's sections, found {len(sections)}"
    labels = [label for label, _ in sections]
    for new in ("When to get help", "Is it a cramp or something else?", "Cramps in pregnancy",
                "Magnesium and calcium", "About"):
        assert any(label.endswith(new) or new in label for label in labels), new
    grades = {label: flesch_kincaid_grade(body) for label, body in sections}

    too_hard = {label: round(g, 1) for label, g in grades.items() if g > MAX_SECTION_GRADE}
    assert not too_hard, f"sections above grade {MAX_SECTION_GRADE}: {too_hard}"

    average = sum(grades.values()) / len(grades)
    hardest = sorted(grades.items(), key=lambda item: item[1], reverse=True)[:5]
    assert average <= MAX_AVERAGE_GRADE, (
        f"average grade {average:.1f} is above {MAX_AVERAGE_GRADE}; hardest sections: "
        + ", ".join(f"{label} ({g:.1f})" for label, g in hardest)
    )


def test_every_section_has_a_body() -> None:
    empty = [label for label, body in read_sections() if not re.search(r"\w", body)]
    assert not empty, f"sections with no text: {empty}"
