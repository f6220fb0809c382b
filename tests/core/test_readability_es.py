"""Tests for the Spanish reading-level formulas, and a reading-level check of the Spanish pack."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from spasmguide.core.readability import (
    count_syllables_es,
    fernandez_huerta,
    inflesz_band,
    szigriszt_pazos,
)

PACK_DIR = Path(__file__).resolve().parents[2] / "resources/content/es"
TAB_FILES = ("overview.md", "treatments.md", "causes.md", "muscle-types.md")

# "Bastante fácil" or easier: 65 on the INFLESZ scale, 70 on Fernández-Huerta's. A single
# section may dip to "normal" (a list of medicines or illnesses has long names), no lower.
MIN_TAB_INFLESZ = 65.0
MIN_TAB_FERNANDEZ_HUERTA = 70.0
MIN_SECTION_INFLESZ = 55.0


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("muslo", 2),  # mus-lo
        ("calambre", 3),  # ca-lam-bre
        ("pantorrilla", 4),  # pan-to-rri-lla
        ("músculo", 3),  # mús-cu-lo
        ("estiramiento", 5),  # es-ti-ra-mien-to: "ie" is a diphthong
        ("paciencia", 3),  # pa-cien-cia
        ("ciudad", 2),  # ciu-dad: two closed vowels make a diphthong
        ("cuidado", 3),  # cui-da-do
        ("agua", 2),  # a-gua: the u before a is said
        ("aceite", 3),  # a-cei-te
        ("día", 2),  # dí-a: an accented i breaks the diphthong
        ("país", 2),  # pa-ís
        ("reúma", 3),  # re-ú-ma
        ("oído", 3),  # o-í-do
        ("poesía", 4),  # po-e-sí-a: two open vowels never share a syllable
        ("leer", 2),  # le-er
        ("aorta", 3),  # a-or-ta
        ("ahora", 3),  # a-ho-ra
        ("búho", 2),  # bú-ho
        ("almohada", 4),  # al-mo-ha-da
        ("prohibir", 2),  # prohi-bir: an h between vowels does not split a diphthong
        ("quinina", 3),  # qui-ni-na: the u of "qui" is silent
        ("quiero", 2),  # quie-ro
        ("guerra", 2),  # gue-rra
        ("pingüino", 3),  # pin-güi-no
        ("averigüéis", 4),  # a-ve-ri-güéis: a triphthong
        ("Uruguay", 3),  # U-ru-guay: final y is a vowel
        ("muy", 1),
        ("hay", 1),
        ("y", 1),
        ("ayuda", 3),  # a-yu-da: y before a vowel is a consonant
        ("hinchazón", 3),  # hin-cha-zón
        ("diuréticos", 4),  # diu-ré-ti-cos
        ("ibuprofeno", 5),  # i-bu-pro-fe-no
        ("MÚSCULO,", 3),
        ("¿Dónde?", 2),
    ],
)
def test_count_syllables_es(word: str, expected: int) -> None:
    assert count_syllables_es(word) == expected


def test_a_string_without_letters_has_no_syllables_and_an_abbreviation_has_one() -> None:
    assert count_syllables_es("--") == 0
    assert count_syllables_es("NHS") == 1


def test_a_word_with_a_separate_combining_accent_counts_like_the_composed_one() -> None:
    assert count_syllables_es("di\u0301a") == count_syllables_es("día") == 2


def test_formulas_on_a_short_simple_sentence() -> None:
    # 4 words, 8 syllables (el, ga-to, co-me, pes-ca-do), 1 sentence.
    text = "El gato come pescado."
    assert szigriszt_pazos(text) == pytest.approx(206.835 - 62.3 * 2 - 4)
    assert fernandez_huerta(text) == pytest.approx(206.84 - 0.60 * 200 - 1.02 * 4)


def test_formulas_on_two_sentences() -> None:
    # 6 words, 12 syllables (es-ti-re la pier-na, fro-te el mús-cu-lo), 2 sentences.
    text = "Estire la pierna. ¡Frote el músculo!"
    assert szigriszt_pazos(text) == pytest.approx(206.835 - 62.3 * 2 - 3)
    assert fernandez_huerta(text) == pytest.approx(206.84 - 0.60 * 200 - 1.02 * 3)


def test_long_technical_sentence_is_very_hard() -> None:
    text = (
        "Las intervenciones farmacológicas administradas simultáneamente con suplementación "
        "electrolítica demuestran considerable variabilidad respecto a la hiperexcitabilidad "
        "neuromuscular entre individuos que experimentan contracciones nocturnas del gastrocnemio."
    )
    assert inflesz_band(szigriszt_pazos(text)) == "very-hard"
    assert fernandez_huerta(text) < 30


def test_more_sentences_make_text_easier() -> None:
    one = "Apoye la pierna en una almohada y ponga un paño tibio encima y espere a que pase"
    three = "Apoye la pierna en una almohada. Ponga un paño tibio encima. Espere a que pase."
    assert szigriszt_pazos(three) > szigriszt_pazos(one)
    assert fernandez_huerta(three) > fernandez_huerta(one)


def test_each_list_item_counts_as_a_sentence() -> None:
    items = "- descanse la pierna\n- beba agua\n- haga pausas cortas\n"
    sentences = "Descanse la pierna. Beba agua. Haga pausas cortas."
    assert szigriszt_pazos(items) == pytest.approx(szigriszt_pazos(sentences))


def test_markdown_syntax_and_inverted_marks_are_ignored() -> None:
    markdown = "## Ayuda {#get-help}\n\n**Descanse** la pierna. ¿Vea [las causas](#causes)?\n"
    plain = "Ayuda\n\nDescanse la pierna. Vea las causas.\n"
    assert szigriszt_pazos(markdown) == pytest.approx(szigriszt_pazos(plain))
    assert fernandez_huerta(markdown) == pytest.approx(fernandez_huerta(plain))


def test_empty_text_has_nothing_hard_to_read() -> None:
    assert szigriszt_pazos("") == 100.0
    assert fernandez_huerta("  \n- \n") == 100.0


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (95.0, "very-easy"),
        (80.0, "very-easy"),
        (79.9, "fairly-easy"),
        (65.0, "fairly-easy"),
        (64.9, "normal"),
        (55.0, "normal"),
        (54.9, "somewhat-hard"),
        (40.0, "somewhat-hard"),
        (39.9, "very-hard"),
        (-20.0, "very-hard"),
    ],
)
def test_inflesz_bands(score: float, band: str) -> None:
    assert inflesz_band(score) == band


def tab_sections(name: str) -> list[tuple[str, str]]:
    """``(heading, body)`` for every ``## `` section of one Spanish tab, read directly."""
    text = (PACK_DIR / name).read_text(encoding="utf-8")
    return [
        (chunk.partition("\n")[0], chunk.partition("\n")[2])
        for chunk in re.split(r"^## ", text, flags=re.MULTILINE)[1:]
    ]


def about_text() -> str:
    """The words of the About tab that come from the pack: subtitle, disclaimer, sources."""
    with (PACK_DIR / "pack.toml").open("rb") as f:
        pack = tomllib.load(f)
    lines = [pack.get("subtitle", ""), pack["disclaimer"], pack.get("reviewed_against", "")]
    lines += [f"- {source['used_for']}" for source in pack["sources"]]
    return "\n\n".join(line for line in lines if line)


@pytest.mark.parametrize("name", TAB_FILES)
def test_every_spanish_tab_is_fairly_easy_or_easier(name: str) -> None:
    text = (PACK_DIR / name).read_text(encoding="utf-8")
    assert len(re.findall(r"\w+", text)) > 300, f"{name} is missing or nearly empty"
    inflesz, huerta = szigriszt_pazos(text), fernandez_huerta(text)
    assert inflesz >= MIN_TAB_INFLESZ, f"{name}: INFLESZ {inflesz:.1f} ({inflesz_band(inflesz)})"
    assert huerta >= MIN_TAB_FERNANDEZ_HUERTA, f"{name}: Fernández-Huerta {huerta:.1f}"


def test_no_spanish_section_or_the_about_text_is_harder_than_normal() -> None:
    sections = [(f"{name}: {h}", b) for name in TAB_FILES for h, b in tab_sections(name)]
    sections.append(("pack.toml: About", about_text()))
    assert len(sections) >= 37, f"expected the pack's sections, found {len(sections)}"
    too_hard = {
        label: round(szigriszt_pazos(body), 1)
        for label, body in sections
        if szigriszt_pazos(body) < MIN_SECTION_INFLESZ
    }
    assert not too_hard, f"sections below INFLESZ {MIN_SECTION_INFLESZ}: {too_hard}"
