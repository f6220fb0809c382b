"""Checklist: every fact of the source article, and key safety facts, are in the bundled pack.

The Markdown files are read directly, so this checklist does not depend on the loader.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

PACK_DIR = Path(__file__).resolve().parents[2] / "resources/content/en"
TAB_FILES = ("overview.md", "muscle-types.md", "causes.md", "treatments.md")

# Within one sentence: no full stop, question mark or line break in between.
_SAME_SENTENCE = r"[^.?\n]*"


def near(first: str, second: str) -> str:
    """Regex matching ``first`` and ``second`` in the same sentence, in either order."""
    return rf"(?:{first}){_SAME_SENTENCE}(?:{second})|(?:{second}){_SAME_SENTENCE}(?:{first})"


def in_section(first: str, second: str) -> str:
    """Regex matching ``first`` followed by ``second`` with no heading in between."""
    return rf"(?s)(?:{first})(?:(?!\n#).)*?(?:{second})"


# (id, pattern): the pattern is searched case-insensitively in the pack's text.
FACTS: list[tuple[str, str]] = [
    # The article's summary of causes.
    ("poor-diet", near(r"poor diet|improper diet", r"spasm|cramp|muscle") + r"|poor diet"),
    # What a spasm is (overview).
    ("spasm-is-a-cramp", near(r"spasm", r"cramp")),
    ("muscle-contracts-or-tightens-too-hard", r"(squeez|contract|tighten)\w*\s+too hard"),
    ("twitch", r"twitch"),
    ("sharp-pain", r"sharp pain"),
    ("happens-when-walking", near(r"spasm|cramp", r"walking")),
    ("happens-when-resting", in_section(r"spasm", r"when you are resting")),
    ("calves", r"\bcalf\b|\bcalves\b"),
    ("small-muscles-of-the-feet", r"small muscles of (your |the )?feet"),
    ("thigh", r"thigh"),
    ("lasts-a-few-seconds", r"(a few|a couple of) seconds"),
    ("can-last-ten-minutes", r"\b(ten|10) minutes"),
    ("mild-to-severe", near(r"mild", r"severe|very bad|strong")),
    ("can-stop-you-moving-your-leg", r"stop you mov\w* your leg"),
    ("one-or-both-legs", r"one (leg )?or (in )?both legs"),
    ("sore-for-up-to-a-day", near(r"sore", r"up to a day")),
    # Muscle types.
    ("latin-musculus", near(r"latin", r"musculus")),
    ("little-mouse", r"little mouse"),
    ("connective-tissue", r"connective tissue"),
    ("muscles-contract-to-make-force", in_section(r"contract", r"force")),
    ("muscles-move-organs", near(r"muscles?", r"organs")),
    ("three-types", r"three types of muscle"),
    ("skeletal-joined-to-bones", near(r"skeletal", r"bones")),
    ("tendons", r"tendons"),
    ("posture", r"posture"),
    ("skeletal-lets-you-walk", r"let you walk"),
    ("cardiac-in-the-heart", near(r"cardiac", r"heart")),
    ("smooth-in-blood-vessels", in_section(r"smooth muscle is found", r"blood vessels")),
    ("smooth-in-organs", near(r"smooth", r"organs")),
    ("involuntary-explained", in_section(r"involuntary", r"without you thinking")),
    ("spasms-in-skeletal-muscle", near(r"spasms", r"skeletal muscle")),
    ("tightness-or-pain-may-be-a-spasm", near(r"tight", r"may be a spasm")),
    # The eight causes.
    ("poor-circulation", near(r"poor blood flow|poor circulation", r"main cause")),
    ("circulation-word", r"circulation"),
    ("nerve-problems", r"nerve problems|neurological"),
    ("weak-muscles", r"weak muscles"),
    ("chronic-spasms-explained", near(r"chronic", r"long time|keep coming back")),
    ("sodium", r"sodium"),
    ("potassium", r"potassium"),
    ("electrolytes", r"electrolytes"),
    ("salt-balance-in-blood", near(r"balance of salts|salt balance", r"blood")),
    ("too-much-or-too-little", r"too much or too little"),
    ("overuse", r"overuse|overexertion"),
    ("torn-calf-muscle", r"torn calf muscle|tear in the calf"),
    ("extreme-sports", r"extreme sports"),
    ("side-effect", r"side effect"),
    ("penicillamine", r"penicillamine"),
    ("diuretics-water-tablets", r"diuretics \(water tablets\)"),
    ("nicotinic-acid", r"nicotinic acid"),
    ("do-not-stop-medicine", r"do not stop taking a medicine"),
    ("ask-doctor-or-pharmacist", r"ask your doctor or pharmacist"),
    ("alcohol", r"alcohol"),
    ("nicotine", r"nicotine"),
    ("lead-poisoning", r"lead poisoning"),
    ("cirrhosis-of-the-liver", r"cirrhosis of the liver"),
    ("sarcoidosis", r"sarcoidosis"),
    ("kidney-renal", near(r"kidney", r"renal")),
    ("dialysis", r"dialysis"),
    # Treatments.
    ("no-need-to-panic", r"no need to panic"),
    ("pillow", near(r"pillow", r"leg")),
    ("comfortable-position", r"comfortable position"),
    ("cold-compress", r"cold (or warm )?compress"),
    ("warm-compress", r"warm compress"),
    ("until-twitches-die-down", r"until the twitches die down"),
    ("compress-wrapped-not-on-skin", near(r"cloth", r"ice|cold pack")),
    ("compress-20-minutes", r"\b(20|twenty) minutes"),
    ("warm-not-hot", r"warm, not hot"),
    ("not-on-numb-or-broken-skin", near(r"numb", r"broken")),
    ("heat-relaxes-a-tight-muscle", near(r"warmth|heat", r"relax")),
    ("cold-eases-soreness-later", near(r"cold", r"soreness")),
    ("timer-tab", r"Timer tab"),
    ("chamomile", r"chamomile tea"),
    ("glycine", near(r"glycine", r"muscle pain")),
    ("mustard-seeds", r"black or brown mustard seeds"),
    ("warm-water-soak", near(r"soak", r"warm water")),
    ("olive-oil", r"olive oil"),
    ("mustard-oil", r"mustard oil"),
    ("quick-relief", r"quick relief|instant relief"),
    ("hydrated", r"hydrated"),
    ("drink-water", r"drink water"),
    ("small-breaks", near(r"small breaks", r"strain")),
    ("vinegar", r"vinegar"),
    ("tomatoes", r"tomatoes"),
    ("stretch-and-massage", near(r"stretch", r"rub|massag")),
    ("painkillers-do-not-help", near(r"painkillers", r"do not help")),
    # Getting help.
    ("doctor", r"doctor"),
    ("see-doctor-if-no-relief", near(r"not get better|no relief", r"doctor")),
    ("urgent-if-over-10-minutes", near(r"longer than (10|ten) minutes", r"help")),
    ("tetanus", near(r"tetanus", r"cut|wound")),
    ("numbness", r"numb"),
    ("swelling", r"swollen|swelling"),
    ("redness", r"\bred\b|redness"),
    ("skin-changes", r"skin on your leg changes|skin changes"),
    ("disturbs-sleep", r"sleep"),
]


def pack_text() -> str:
    return "\n".join((PACK_DIR / name).read_text(encoding="utf-8") for name in TAB_FILES)


@pytest.fixture(scope="module")
def text() -> str:
    return pack_text()


@pytest.mark.parametrize("pattern", [p for _, p in FACTS], ids=[i for i, _ in FACTS])
def test_fact_is_in_the_pack(text: str, pattern: str) -> None:
    assert re.search(pattern, text, re.IGNORECASE), f"no text matches /{pattern}/"


def test_help_section_exists_in_the_overview() -> None:
    overview = (PACK_DIR / "overview.md").read_text(encoding="utf-8")
    assert re.search(r"^## When to get help \{#when-to-get-help\}$", overview, re.MULTILINE)


def test_traditional_remedies_are_not_presented_as_proven(text: str) -> None:
    """Each traditional remedy's section says the medical sources do not back it."""
    sections = re.split(r"^## ", text, flags=re.MULTILINE)
    for remedy in ("chamomile", "mustard seeds", "vinegar"):
        found = [s for s in sections if remedy in s.lower()]
        assert found, f"no section mentions {remedy}"
        honest = [
            s for s in found if re.search(r"not (been )?proven|not backed|do not mention", s, re.I)
        ]
        assert honest, f"no section about {remedy} says it is unproven"


def test_no_section_tells_the_reader_to_stop_a_medicine(text: str) -> None:
    pattern = r"(?<!do not )(?<!don't )\bstop (taking|using) (your|a|the) medicine"
    bad = re.findall(pattern, text, re.IGNORECASE)
    assert not bad, f"text tells the reader to stop a medicine: {bad}"


def test_sources_credit_the_article() -> None:
    with (PACK_DIR / "pack.toml").open("rb") as f:
        pack = tomllib.load(f)
    sources = pack["sources"]
    article = [s for s in sources if s.get("title") == "Leg Muscle Spasms"]
    assert article, f"no source titled 'Leg Muscle Spasms' in {sources}"
    assert article[0].get("author") == "Marlene Alphonse"
    publishers = {s.get("publisher") for s in sources}
    assert {"NHS", "MedlinePlus", "Mayo Clinic"} <= publishers, publishers
