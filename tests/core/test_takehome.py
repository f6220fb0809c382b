"""Choosing what a summary holds, and the text a kiosk's QR code holds."""

from __future__ import annotations

import datetime

import pytest

from spasmguide.core.content import Pack, bundled_pack_path, load_pack
from spasmguide.core.pack_safety import HelpContacts
from spasmguide.core.takehome import (
    QR_BYTE_BUDGET,
    PickError,
    build_summary,
    choose,
    help_levels,
    parse_picks,
    qr_text,
    result_qr_text,
)


@pytest.fixture(scope="module")
def clinic_pack() -> Pack:
    return load_pack(bundled_pack_path(), contacts=HelpContacts("999", "NHS 111"))


def test_one_section_and_one_tab(pack: Pack) -> None:
    assert [p.section.id for p in choose(pack, section="painkillers")] == ["painkillers"]
    tab = [p.section.id for p in choose(pack, tab="causes")]
    assert tab == [s.id for s in pack.tab("causes").sections]


def test_personal_summary_always_holds_the_two_safety_sections_in_reading_order(
    pack: Pack,
) -> None:
    ids = [p.section.id for p in choose(pack, personal=["painkillers", "pregnancy"])]
    assert ids == ["what-to-do-right-now", "when-to-get-help", "pregnancy", "painkillers"]
    assert [p.section.id for p in choose(pack, personal=[])] == [
        "what-to-do-right-now", "when-to-get-help",
    ]


def test_unknown_ids_are_refused_with_their_name(pack: Pack) -> None:
    with pytest.raises(PickError, match="nosuch"):
        choose(pack, section="nosuch")
    with pytest.raises(PickError, match="nosuch"):
        choose(pack, personal=["nosuch"])


def test_command_line_picks(pack: Pack) -> None:
    picks = ["treatments/painkillers", "overview/pregnancy", "overview/pregnancy"]
    parts = parse_picks(pack, picks)
    assert [p.section.id for p in parts] == ["pregnancy", "painkillers"]
    assert [p.section.id for p in parse_picks(pack, [])] == [
        "what-to-do-right-now", "when-to-get-help",
    ]
    assert len(parse_picks(pack, ["causes"])) == len(pack.tab("causes").sections)
    with pytest.raises(PickError, match="choose one of: overview, treatments"):
        parse_picks(pack, ["nowhere/painkillers"])
    with pytest.raises(PickError, match="has no section 'painkillers'"):
        parse_picks(pack, ["overview/painkillers"])


def test_summary_carries_the_date_review_and_disclaimer(pack: Pack) -> None:
    day = datetime.date(2027, 3, 4)
    summary = build_summary(pack, choose(pack, personal=[]), day)
    assert summary.made_on == day
    assert summary.reviewed == pack.reviewed == "2026-12-01"
    assert summary.disclaimer == pack.disclaimer
    assert summary.sources == pack.sources


def test_help_levels_come_from_the_pack_with_the_configured_number(clinic_pack: Pack) -> None:
    _section, levels = help_levels(clinic_pack)
    assert [lv.heading for lv in levels] == [
        "Call 999 now if:", "Get help today if:", "See a doctor soon if:",
    ]
    assert len(levels[0].items) == 4
    assert levels[1].items[1] == "a cramp lasts longer than 10 minutes in total"


@pytest.mark.parametrize("section_id", ["what-to-do-right-now", "when-to-get-help", "medicines"])
def test_qr_text_fits_the_budget_and_keeps_the_essentials(
    clinic_pack: Pack, section_id: str
) -> None:
    qr = qr_text(clinic_pack, section_id)
    title = clinic_pack.locate(section_id)[1].title
    assert qr.size <= QR_BYTE_BUDGET
    assert qr.text.startswith(f"SpasmGuide: {title}")
    assert "Call 999 now if:" in qr.text
    assert clinic_pack.disclaimer in qr.text
    assert "http" not in qr.text and "www" not in qr.text
    assert qr.shortened == ("(summary)" in qr.text.splitlines()[0])


def test_shortening_keeps_the_steps_and_the_warning_first(clinic_pack: Pack) -> None:
    qr = qr_text(clinic_pack, "what-to-do-right-now")
    assert qr.shortened
    assert "1. Straighten your leg." in qr.text
    assert "Do not rub or stretch a leg that is swollen, warm and red." in qr.text
    # Detail paragraphs go before the safety warning does.
    assert "The Timer tab can time a cramp" not in qr.text


def test_help_section_keeps_a_sign_from_every_level(clinic_pack: Pack) -> None:
    lines = qr_text(clinic_pack, "when-to-get-help").text.splitlines()
    emergency = next(line for line in lines if line.startswith("Call 999 now if:"))
    assert "chest pain" in emergency
    assert any(line.startswith("See a doctor soon if: your cramps keep coming back")
               for line in lines)


def test_text_that_fits_is_whole_and_not_flagged(clinic_pack: Pack) -> None:
    qr = qr_text(clinic_pack, "what-to-do-right-now", budget=10_000)
    assert not qr.shortened
    assert "(summary)" not in qr.text
    assert "4. Keep stretching and rubbing until the muscle relaxes." in qr.text
    assert "you might have tetanus" in qr.text


def test_summary_label_is_the_callers_word(clinic_pack: Pack) -> None:
    qr = qr_text(clinic_pack, "when-to-get-help", summary_label="Kurzfassung")
    assert qr.text.splitlines()[0] == "SpasmGuide: When to get help (Kurzfassung)"


def test_a_tiny_budget_is_still_respected(clinic_pack: Pack) -> None:
    qr = qr_text(clinic_pack, "when-to-get-help", budget=120)
    assert qr.shortened and len(qr.text.encode("utf-8")) <= 120


def test_a_checker_result_code_drops_what_was_said_before_the_advice(clinic_pack: Pack) -> None:
    said = [f"your answer number {n} about your leg" for n in range(40)]
    full = result_qr_text(clinic_pack, "Is it serious?", "Call 999 now", "Call 999.", said[:2])
    assert not full.shortened
    assert full.text.splitlines()[:3] == ["SpasmGuide: Is it serious?", "Call 999 now", "Call 999."]
    assert full.text.endswith(clinic_pack.disclaimer)
    cut = result_qr_text(clinic_pack, "Is it serious?", "Call 999 now", "Call 999.", said)
    assert cut.shortened and cut.size <= QR_BYTE_BUDGET
    assert cut.text.startswith("SpasmGuide: Is it serious? (summary)")
    assert "Call 999." in cut.text and cut.text.endswith(clinic_pack.disclaimer)
    assert said[0] in cut.text and said[-1] not in cut.text
