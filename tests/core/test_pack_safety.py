"""The pack's safety fields: help contacts, evidence labels and the review date."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from spasmguide.core.content import ContentError, bundled_pack_path, load_pack
from spasmguide.core.pack_cache import load_pack_cached
from spasmguide.core.pack_safety import HelpContacts, contact_problem

PACK_TOML = """\
id = "test-pack"
language = "en"
title = "Test guide"
version = "0.1"
help_section = "get-help"
disclaimer = "General information only."
reviewed = "2026-11-30"
reviewed_against = "NHS leg cramps"

[help_contacts]
emergency_number = "999"
advice_line = "111"

[[tabs]]
id = "first"
title = "First"
file = "first.md"

[[tabs]]
id = "care"
title = "Care"
file = "care.md"
treatments = true

[[evidence]]
section = "stretch"
label = "recommended"
source = "NHS"

[[sources]]
title = "A source"
author = "Someone"
used_for = "Facts."
"""

FIRST_MD = """\
# First

## Get help {#get-help}

Call {emergency_number} now if your chest hurts. For advice, call {advice_line}.
"""

CARE_MD = """\
# Care

## Stretch {#stretch}

Pull your toes up.
"""


def write_pack(root: Path, pack: str = PACK_TOML, care: str = CARE_MD) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pack.toml").write_text(pack, encoding="utf-8")
    (root / "first.md").write_text(FIRST_MD, encoding="utf-8")
    (root / "care.md").write_text(care, encoding="utf-8")
    return root


def problems_of(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_pack(root)
    return [str(p) for p in caught.value.problems]


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def test_placeholders_show_the_pack_numbers(tmp_path):
    pack = load_pack(write_pack(tmp_path))
    section = pack.locate("get-help")[1]
    assert section.text == "Call 999 now if your chest hurts. For advice, call 111."
    assert "{" not in section.markdown
    assert pack.help_contacts == HelpContacts("999", "111")
    assert (pack.reviewed, pack.reviewed_against) == ("2026-11-30", "NHS leg cramps")


def test_a_kiosk_number_replaces_the_pack_number_and_an_empty_one_keeps_it(tmp_path):
    pack = load_pack(write_pack(tmp_path), contacts=HelpContacts("112", ""))
    assert pack.locate("get-help")[1].text.startswith("Call 112 now")
    assert pack.help_contacts == HelpContacts("112", "111")
    cached = load_pack_cached(tmp_path, tmp_path / "cache", contacts=HelpContacts("911", ""))
    assert cached.locate("get-help")[1].text.startswith("Call 911 now")


def test_the_bundled_pack_ships_a_neutral_emergency_number():
    pack = load_pack(bundled_pack_path())
    help_text = pack.locate(pack.help_section)[1].text
    assert "Call your local emergency number now if:" in help_text
    assert "{" not in help_text


def test_evidence_is_on_the_treatment_section_and_survives_the_cache(tmp_path):
    write_pack(tmp_path / "pack")
    for pack in (
        load_pack(tmp_path / "pack"),
        load_pack_cached(tmp_path / "pack", tmp_path / "cache"),
        load_pack_cached(tmp_path / "pack", tmp_path / "cache"),  # read back from the cache
    ):
        evidence = pack.locate("stretch")[1].evidence
        assert (evidence.label, evidence.text, evidence.source) == (
            "recommended",
            "Recommended by health services",
            "NHS",
        )
        assert pack.tab("care").treatments and not pack.tab("first").treatments
        assert pack.locate("get-help")[1].evidence is None


def test_a_treatment_section_without_a_label_is_refused_with_its_line(tmp_path):
    care = CARE_MD + "\n## Chamomile {#chamomile}\n\nDrink a cup of tea.\n"
    write_pack(tmp_path, care=care)
    assert problems_of(tmp_path) == [
        f"care.md:{line_of(care, 'Chamomile')}: 'Chamomile' is a treatment section and needs "
        'an evidence label; add an [[evidence]] table with section = "chamomile" to pack.toml'
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("999", 'emergency_number must be text in quotes, like "999"'),
        ('""', "emergency_number is empty"),
        ('"[999](https://example.com)"', "emergency_number may hold only letters, digits"),
        ('"{advice_line}"', "emergency_number may hold only letters, digits"),
        ('"9"', "emergency_number is too short to be a phone number"),
        ('"' + "9" * 70 + '"', "emergency_number is 70 characters long"),
    ],
)
def test_a_malformed_emergency_number_is_refused_with_its_line(tmp_path, value, message):
    pack = PACK_TOML.replace('emergency_number = "999"', f"emergency_number = {value}")
    write_pack(tmp_path, pack=pack)
    (problem,) = problems_of(tmp_path)
    assert problem.startswith(f"pack.toml:{line_of(pack, 'emergency_number =')}: {message}")


def test_unknown_labels_placeholders_and_dates_are_refused_with_their_lines(tmp_path):
    pack = (
        PACK_TOML.replace('label = "recommended"', 'label = "proven"')
        .replace('reviewed = "2026-11-30"', 'reviewed = "30/11/2026"')
        .replace('advice_line = "111"', 'advice_line = "111"\nfax = "123"')
    )
    care = CARE_MD + "Call {emergency} now.\n"
    write_pack(tmp_path, pack=pack, care=care)
    assert sorted(problems_of(tmp_path)) == sorted(
        [
            f"care.md:{line_of(care, '{emergency}')}: unknown placeholder '{{emergency}}'; the "
            "text may use {emergency_number}, {advice_line}",
            f"pack.toml:{line_of(pack, 'reviewed =')}: 'reviewed' must be a date written as "
            'YYYY-MM-DD, like "2026-03-31"',
            f"pack.toml:{line_of(pack, 'fax')}: unknown key 'fax' in [help_contacts]; allowed: "
            "emergency_number, advice_line",
            f"pack.toml:{line_of(pack, 'proven')}: evidence label 'proven' is not known; use one "
            "of recommended, some-evidence, traditional, not-supported",
            f"care.md:{line_of(care, '## Stretch')}: 'Stretch' is a treatment section and needs "
            'an evidence label; add an [[evidence]] table with section = "stretch" to pack.toml',
        ]
    )


def test_evidence_for_a_missing_section_is_refused(tmp_path):
    pack = PACK_TOML.replace('section = "stretch"', 'section = "strech"')
    write_pack(tmp_path, pack=pack)
    assert f"pack.toml:{line_of(pack, '[[evidence]]')}: evidence names section 'strech', " \
        "which is not in any tab" in problems_of(tmp_path)


@pytest.mark.parametrize("value", ["999", "112", "NHS 111", "+44 20 7946 0000", "your GP"])
def test_ordinary_numbers_and_words_are_accepted(value):
    assert contact_problem(value) is None


def test_content_json_shows_evidence_reviewed_and_contacts():
    result = subprocess.run(
        [sys.executable, "-m", "spasmguide", "content", "--json"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["pack"]["reviewed"] == "2026-12-01"
    assert document["pack"]["reviewed_against"]
    assert document["pack"]["help_contacts"]["emergency_number"] == "your local emergency number"
    (treatments,) = [t for t in document["tabs"] if t["id"] == "treatments"]
    assert treatments["treatments"] is True
    labels = {s["id"]: s["evidence"]["label"] for s in treatments["sections"]}
    assert labels["stretch-and-massage"] == "recommended"
    assert labels["chamomile-tea"] == "traditional"
    assert all(s["evidence"]["source"] for s in treatments["sections"])


def test_check_content_rejects_a_bundled_copy_with_an_unlabelled_treatment(tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(bundled_pack_path(), broken)
    text = (broken / "treatments.md").read_text(encoding="utf-8")
    text += "\n## Cherry juice {#cherry-juice}\n\nSome people drink it.\n"
    (broken / "treatments.md").write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "spasmguide", "check-content", str(broken)],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 1
    line = line_of(text, "Cherry juice")
    assert f"treatments.md:{line}: 'Cherry juice' is a treatment section" in result.stderr
