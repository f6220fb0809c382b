"""Checklist: every fact of the source article, and key safety facts, are in the bundled pack.

The Markdown files are read directly, so this checklist does not depend on the loader.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

PACK_DIR = Path(__file__).resolve().parents[2] / "resources/content/en"
TAB_FILES = ("overview.md", "treatments.md", "causes.md", "muscle-types.md")

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
    ("poor-circulation-claim-is-the-articles", near(r"our source article says", r"main cause")),
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
    ("nicotine-claim-is-the-articles", near(r"source article", r"nicotine can cause")),
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


# ---- Safety: each point below is checked in the section where a reader needs it.


def sections() -> dict[str, str]:
    """Every section's raw Markdown body, by id (the heading's {#id})."""
    found: dict[str, str] = {}
    for name in TAB_FILES:
        text = (PACK_DIR / name).read_text(encoding="utf-8")
        for chunk in re.split(r"^## ", text, flags=re.MULTILINE)[1:]:
            heading, _, body = chunk.partition("\n")
            match = re.search(r"\{#([a-z0-9-]+)\}", heading)
            assert match, f"section '{heading}' in {name} has no explicit id"
            found[match.group(1)] = body
    return found


def section_ids_in_order(name: str) -> list[str]:
    text = (PACK_DIR / name).read_text(encoding="utf-8")
    return re.findall(r"^## .*\{#([a-z0-9-]+)\}", text, flags=re.MULTILINE)


@pytest.fixture(scope="module")
def by_id() -> dict[str, str]:
    return sections()


def has(body: str, pattern: str) -> bool:
    return re.search(pattern, body, re.IGNORECASE) is not None


CLOT_LINE = r"do not rub or stretch a leg that is swollen, warm and red\.\**\s*get it checked first"


def test_help_has_three_levels_in_order_each_with_its_own_list(by_id):
    body = by_id["when-to-get-help"]
    # Each level is a care card of its own level (see spasmguide/core/care_cards.py).
    now = body.index("::: care emergency Call {emergency_number} now if:")
    today = body.index("::: care urgent Get help today if:")
    soon = body.index("::: care non-urgent See a doctor soon if:")
    assert now < today < soon
    emergency, same_day, later = body[now:today], body[today:soon], body[soon:]
    for pattern in (
        near(r"chest pain", r"swollen|hurts") + "|" + near(r"breathless", r"leg"),
        near(r"suddenly turns cold, pale or blue", r"hurts a lot|severe"),
        near(r"jaw or neck", r"stiff") + r".*wound",
        near(r"very dark", r"urine|pee") + r".*(exercise|crush)",
    ):
        assert has(emergency, pattern), pattern
    for pattern in (
        r"blood clot",
        r"longer than 10 minutes|more than 10 minutes",
        near(r"poison", r"lead"),
        r"tetanus",
    ):
        assert has(same_day, pattern), pattern
    for pattern in (
        r"keep coming back",
        r"wake you up|stop you sleeping",
        r"new medicine",
        r"numb",
        r"weak",
    ):
        assert has(later, pattern), pattern
    assert not has(later, r"swollen|\bred\b"), "a swollen or red leg is not a see-soon sign"


def test_help_says_a_clot_needs_help_the_same_day_in_nhs_words(by_id):
    body = by_id["when-to-get-help"]
    assert has(body, r"this can be a blood clot: get help the same day")
    assert has(body, r"red or darker than usual")
    assert has(body, near(r"one calf or thigh", r"pain"))
    assert has(body, r"swelling and warm skin")


def test_help_uses_the_configured_numbers_not_a_fixed_one(by_id):
    body = by_id["when-to-get-help"]
    assert "{emergency_number}" in body and "{advice_line}" in body
    assert not re.search(r"\b(999|911|112|111)\b", body)


def test_cramp_or_something_else_names_each_look_alike(by_id):
    body = by_id["cramp-or-something-else"]
    assert has(body, r"blood clot \(DVT\)")
    assert has(body, near(r"when you walk", r"eases when you rest")) and has(body, r"arteries")
    assert has(body, r"restless legs") and has(body, r"urge to move")
    assert has(body, r"pulled muscle")
    assert has(body, r"red or darker than usual")
    assert has(body, r"same day")


STRETCH_OR_MASSAGE = (
    "what-to-do-right-now",
    "stretch-and-massage",
    "night-cramps",
    "rest-and-compress",
    "soak-and-oil-massage",
    "pregnancy",
    "older-people",
)


@pytest.mark.parametrize("section_id", STRETCH_OR_MASSAGE)
def test_every_stretch_or_massage_section_warns_about_a_swollen_warm_red_leg(by_id, section_id):
    assert has(by_id[section_id], CLOT_LINE), section_id


def test_no_section_tells_people_to_stretch_or_rub_without_the_clot_line(by_id):
    instructs = r"(^|\n)(\d+\.|-)\s+[^\n]*\b(stretch|rub)\b"
    missing = [
        i for i, body in by_id.items() if has(body, instructs) and not has(body, CLOT_LINE)
    ]
    assert not missing, f"sections that say stretch or rub without the warning: {missing}"


def test_no_section_tells_people_to_rub_firmly(by_id):
    assert not [i for i, body in by_id.items() if has(body, r"rub[^.\n]*firmly")]


def test_heat_and_cold_caution_for_diabetes_and_poor_circulation(by_id):
    body = by_id["rest-and-compress"]
    assert has(body, near(r"diabetes", r"poor blood flow|poor circulation"))
    assert has(body, r"may not feel a burn")
    assert has(body, r"hand or elbow")
    assert has(body, near(r"fall asleep", r"heat pad"))
    assert has(body, near(r"boiling water", r"hot-water bottle"))
    assert has(by_id["soak-and-oil-massage"], near(r"diabetes", r"elbow"))


def test_drink_water_respects_a_fluid_limit(by_id):
    body = by_id["water-and-breaks"]
    assert has(body, near(r"limit how much you drink", r"doctor"))
    assert has(body, r"dialysis") and has(body, r"kidney, heart or liver")


def test_painkillers_come_with_a_pharmacist_check(by_id):
    body = by_id["painkillers"]
    assert has(body, r"ask a pharmacist")
    for condition in (r"kidney, liver, heart or stomach", r"blood thinner", r"pregnant"):
        assert has(body, condition), condition
    assert has(body, near(r"painkillers", r"do not help while a cramp"))


def test_stopping_heavy_drinking_suddenly_is_flagged(by_id):
    body = by_id["alcohol-and-smoking"]
    assert has(body, r"do not stop all at once") and has(body, r"dangerous")
    assert has(body, r"talk to your doctor")


def test_chamomile_and_mustard_come_with_allergy_notes(by_id):
    assert has(by_id["chamomile-tea"], near(r"allergic", r"chamomile|daisies|ragweed"))
    assert has(by_id["chamomile-tea"], r"blood thinner")
    assert has(by_id["soak-and-oil-massage"], near(r"allergic", r"mustard"))


def test_common_causes_intro_does_not_call_rare_causes_common(by_id):
    body = by_id["common-causes"]
    assert has(body, near(r"rare", r"lead poisoning"))
    assert not has(body, r"sarcoidosis")
    assert not has(body, r"lists the common ones")
    assert has(body, r"no clear cause")


def test_medicines_put_statins_first_and_never_say_stop(by_id):
    body = by_id["medicines"]
    items = re.findall(r"^- (.*)$", body, flags=re.MULTILINE)
    assert items and items[0].startswith("statins")
    assert has(body, r"do not stop taking a medicine on your own")
    assert has(body, r"furosemide") and has(body, r"niacin")


def test_a_doctor_section_explains_why_quinine_is_rarely_used(by_id):
    body = by_id["what-a-doctor-may-do"]
    assert has(body, near(r"quinine", r"rarely use"))
    assert has(body, near(r"serious side effects", r"blood|heartbeat"))
    assert has(body, r"blood test|urine test")


def test_food_and_supplement_remedies_are_described_honestly(by_id):
    supplements = by_id["magnesium-and-calcium"]
    assert has(supplements, near(r"magnesium", r"do not help most people"))
    assert has(supplements, near(r"calcium", r"no good proof"))
    foods = by_id["food-and-drink-remedies"]
    for remedy in (r"bananas", r"pickle juice", r"tonic water", r"epsom salts"):
        assert has(foods, remedy), remedy
    assert has(foods, r"none of them has been proven")


def test_night_cramps_section_gives_the_nhs_prevention_steps(by_id):
    body = by_id["night-cramps"]
    assert has(body, r"most leg cramps happen at night")
    assert has(body, r"before you go to bed")
    assert has(body, r"bed covers loose")
    assert has(body, r"shoes that fit well and support")


@pytest.mark.parametrize(
    "section_id",
    ["pregnancy", "older-people", "what-a-doctor-may-do", "cramp-or-something-else",
     "medicines"],
)
def test_depth_sections_exist_and_credit_a_reputable_source(by_id, section_id):
    if section_id == "cramp-or-something-else":
        return_source = (PACK_DIR / "pack.toml").read_text(encoding="utf-8")
        assert "Restless legs syndrome" in return_source and "Sprains and strains" in return_source
    else:
        assert has(by_id[section_id], r"\b(NHS|Mayo Clinic|MedlinePlus|MHRA)\b"), section_id


def test_a_worried_reader_meets_what_to_do_and_when_to_get_help_first():
    with (PACK_DIR / "pack.toml").open("rb") as f:
        pack = tomllib.load(f)
    assert [t["id"] for t in pack["tabs"]][:2] == ["overview", "treatments"]
    assert {t["id"] for t in pack["tabs"]} >= {"muscle-types", "causes", "treatments"}
    assert section_ids_in_order("overview.md")[:2] == ["what-to-do-right-now", "when-to-get-help"]
    assert section_ids_in_order("treatments.md")[0] == "stretch-and-massage"


def test_the_timer_asks_for_help_after_ten_minutes_in_total():
    routines = (PACK_DIR / "routines.toml").read_text(encoding="utf-8")
    assert "If your cramp has lasted more than 10 minutes in total" in routines
    from spasmguide.core.timer import RoutineTimer

    assert "more than 10 minutes in total" in RoutineTimer.HELP_MESSAGE


def test_each_safety_fact_is_credited_to_a_health_service():
    with (PACK_DIR / "pack.toml").open("rb") as f:
        sources = tomllib.load(f)["sources"]
    credited = " ".join(
        s["used_for"]
        for s in sources
        if s.get("publisher") in ("NHS", "MedlinePlus", "Mayo Clinic")
    ).lower()
    for fact in (
        "blood clot",
        "red or darker than usual",
        "chest pain or breathlessness",
        "cold, pale or blue",
        "stiff jaw",
        "dark urine",
        "leg pain on walking",
        "restless legs",
        "pulled muscle",
        "may not feel a burn",
        "fluid limit",
        "pharmacist",
        "heavy drinking",
        "chamomile",
        "mustard",
        "statins",
        "quinine",
        "pregnancy",
        "older people",
    ):
        assert fact in credited, f"no NHS, MedlinePlus or Mayo Clinic source is credited for {fact}"
