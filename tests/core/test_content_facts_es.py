"""The Spanish pack: the same structure as the English one, and the same safety facts.

A Spanish reader must find the same help in the same place: the same tabs and sections
(by id), the same care cards, links and numbered steps, the same evidence labels. Then
each safety point of the English checklist is checked again, in Spanish words, in the
section where a reader needs it. The files are read directly, so these checks do not
depend on the loader or on the Spanish pack's optional files.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

CONTENT = Path(__file__).resolve().parents[2] / "resources/content"
EN, ES = CONTENT / "en", CONTENT / "es"
TAB_FILES = ("overview.md", "treatments.md", "causes.md", "muscle-types.md")
_SAME_SENTENCE = r"[^.?\n]*"


def near(first: str, second: str) -> str:
    """Regex matching ``first`` and ``second`` in the same sentence, in either order."""
    return rf"(?:{first}){_SAME_SENTENCE}(?:{second})|(?:{second}){_SAME_SENTENCE}(?:{first})"


def has(body: str, pattern: str) -> bool:
    return re.search(pattern, body, re.IGNORECASE) is not None


def read_pack(folder: Path) -> dict:
    with (folder / "pack.toml").open("rb") as f:
        return tomllib.load(f)


def sections_of(folder: Path, name: str) -> list[tuple[str, str]]:
    """``(id, body)`` of each ``## `` section of one tab file, in order."""
    text = (folder / name).read_text(encoding="utf-8")
    found = []
    for chunk in re.split(r"^## ", text, flags=re.MULTILINE)[1:]:
        heading, _, body = chunk.partition("\n")
        match = re.search(r"\{#([a-z0-9-]+)\}\s*$", heading)
        assert match, f"section '{heading}' in {folder.name}/{name} has no explicit id"
        found.append((match.group(1), body))
    return found


def shape(body: str) -> dict[str, object]:
    """What must match between languages in one section: everything but the words."""
    return {
        "care cards": re.findall(r"^::: care (\S+)", body, flags=re.MULTILINE),
        "links": sorted(re.findall(r"\]\(#([a-z0-9-]+)\)", body)),
        "placeholders": sorted(re.findall(r"\{(emergency_number|advice_line)\}", body)),
        "numbered steps": len(re.findall(r"^\d+\. ", body, flags=re.MULTILINE)),
        "list items": len(re.findall(r"^- ", body, flags=re.MULTILINE)),
    }


@pytest.fixture(scope="module")
def by_id() -> dict[str, str]:
    return {sid: body for name in TAB_FILES for sid, body in sections_of(ES, name)}


# ---- Same structure as the English pack.


def test_the_spanish_pack_has_the_same_tabs_evidence_and_settings() -> None:
    en, es = read_pack(EN), read_pack(ES)
    assert es["language"] == "es" and es["id"] != en["id"]
    for key in ("version", "reviewed", "help_section"):
        assert es[key] == en[key], key
    assert es["title"] != en["title"] and es["subtitle"] != en["subtitle"]

    def tabs(pack: dict) -> list[tuple]:
        return [(t["id"], t["file"], t.get("treatments", False)) for t in pack["tabs"]]

    assert tabs(es) == tabs(en)
    assert {t["title"] for t in es["tabs"]}.isdisjoint({t["title"] for t in en["tabs"]})
    assert {e["section"]: e["label"] for e in es["evidence"]} == {
        e["section"]: e["label"] for e in en["evidence"]
    }
    assert es["help_contacts"].keys() == en["help_contacts"].keys()
    assert es["help_contacts"] != en["help_contacts"], "the default contacts are in Spanish"


def test_the_spanish_pack_credits_every_english_source_and_the_article() -> None:
    en, es = read_pack(EN), read_pack(ES)
    credited = {(s["title"], s.get("publisher", "")) for s in es["sources"]}
    assert {(s["title"], s.get("publisher", "")) for s in en["sources"]} <= credited
    article = [s for s in es["sources"] if s["title"] == "Leg Muscle Spasms"]
    assert article and article[0]["author"] == "Marlene Alphonse"
    english_uses = {s["used_for"] for s in en["sources"]}
    assert not english_uses & {s["used_for"] for s in es["sources"]}, "used_for is in Spanish"


@pytest.mark.parametrize("name", TAB_FILES)
def test_each_tab_has_the_same_sections_in_the_same_order(name: str) -> None:
    english, spanish = sections_of(EN, name), sections_of(ES, name)
    assert [sid for sid, _ in spanish] == [sid for sid, _ in english]
    title = next(t["title"] for t in read_pack(ES)["tabs"] if t["file"] == name)
    assert (ES / name).read_text(encoding="utf-8").startswith(f"# {title}\n")


@pytest.mark.parametrize("name", TAB_FILES)
def test_each_section_has_the_same_cards_links_placeholders_and_steps(name: str) -> None:
    english = dict(sections_of(EN, name))
    for section_id, body in sections_of(ES, name):
        assert shape(body) == shape(english[section_id]), section_id


# ---- The same safety facts, in Spanish.

CLOT_LINE = (
    r"no frote ni estire una pierna hinchada, caliente y roja\.\**\s*pida que la revisen primero"
)

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


def test_no_section_says_stretch_or_rub_without_the_clot_line(by_id):
    instructs = r"(^|\n)(\d+\.|-)\s+[^\n]*\b(estire|estírela|frote|fróte\w*|masajee)\b"
    missing = [i for i, body in by_id.items() if has(body, instructs) and not has(body, CLOT_LINE)]
    assert not missing, f"sections that say stretch or rub without the warning: {missing}"


def test_no_section_says_to_rub_hard(by_id):
    assert not [i for i, b in by_id.items() if has(b, r"frot[^.\n]*(con fuerza|fuerte|firme)")]


def test_help_has_three_levels_in_order_each_with_its_own_list(by_id):
    body = by_id["when-to-get-help"]
    now = body.index("::: care emergency Llame ahora mismo a {emergency_number} si:")
    today = body.index("::: care urgent Busque ayuda hoy mismo si:")
    soon = body.index("::: care non-urgent Vea a un médico pronto si:")
    assert now < today < soon
    emergency, same_day, later = body[now:today], body[today:soon], body[soon:]
    for pattern in (
        near(r"dolor en el pecho|le falta el aire", r"pierna"),
        near(r"fría, pálida o azulada de repente", r"le duele mucho"),
        near(r"mandíbula o el cuello", r"rígid") + r".*herida",
        near(r"orina", r"muy oscura") + r".*(ejercicio|aplastamiento)",
    ):
        assert has(emergency, pattern), pattern
    for pattern in (
        r"coágulo de sangre",
        r"más de 10 minutos",
        near(r"veneno", r"plomo"),
        r"tétanos" + _SAME_SENTENCE + r"herida sucia",
        r"\{advice_line\}",
    ):
        assert has(same_day, pattern), pattern
    for pattern in (
        r"vuelven una y otra vez",
        r"se despierte|no le dejan dormir",
        r"medicina nueva",
        r"adormecida",
        r"débiles",
        r"cambios lentos en la piel",
        r"no mejoran",
    ):
        assert has(later, pattern), pattern
    assert not has(later, r"hinchad|\broja\b"), "a swollen or red leg is not a see-soon sign"


def test_help_says_a_clot_needs_help_the_same_day(by_id):
    body = by_id["when-to-get-help"]
    assert has(body, r"puede ser un coágulo de sangre: busque ayuda el mismo día")
    assert has(body, r"roja o más oscura de lo normal")
    assert has(body, near(r"una pantorrilla o en un muslo", r"dolor"))
    assert has(body, r"hinchazón y piel caliente")
    assert has(body, r"no frote ni estire esa pierna")


def test_no_spanish_section_names_a_fixed_emergency_number(by_id):
    assert not [i for i, body in by_id.items() if re.search(r"\b(999|911|112|111)\b", body)]


def test_cramp_or_something_else_names_each_look_alike(by_id):
    body = by_id["cramp-or-something-else"]
    assert has(body, r"coágulo de sangre \(TVP\)")
    assert has(body, near(r"al caminar", r"se calma al descansar")) and has(body, r"arterias")
    assert has(body, r"piernas inquietas") and has(body, r"ganas de mover")
    assert has(body, r"tirón muscular")
    assert has(body, r"roja o más oscura de lo normal") and has(body, r"el mismo día")


def test_a_cramp_lasts_seconds_to_ten_minutes_and_longer_needs_help(by_id):
    body = by_id["how-long-it-lasts"]
    assert has(body, r"unos segundos") and has(body, r"hasta diez minutos")
    assert has(body, near(r"más de 10 minutos", r"busque ayuda"))
    assert has(body, near(r"doliendo", r"hasta un día"))


def test_compress_safety(by_id):
    body = by_id["rest-and-compress"]
    assert has(body, near(r"hielo|bolsa fría", r"paño")) and has(body, r"nunca lo ponga directo")
    assert has(body, r"más de unos 20 minutos")
    assert has(body, r"tibia, no caliente")
    assert has(body, near(r"adormecida", r"heridas"))
    assert has(body, near(r"calor", r"relaje")) and has(body, near(r"frío", r"dolor más tarde"))


def test_heat_and_cold_caution_for_diabetes_and_poor_circulation(by_id):
    body = by_id["rest-and-compress"]
    assert has(body, near(r"diabetes", r"mala circulación"))
    assert has(body, r"no sienta una quemadura")
    assert has(body, r"mano o en el codo")
    assert has(body, near(r"se duerma", r"almohadilla"))
    assert has(body, near(r"agua hirviendo", r"bolsa de agua caliente"))
    assert has(by_id["soak-and-oil-massage"], near(r"diabetes", r"codo"))
    assert has(by_id["soak-and-oil-massage"], r"tibios, no calientes")


def test_drink_water_respects_a_fluid_limit(by_id):
    body = by_id["water-and-breaks"]
    assert has(body, near(r"limite cuánto líquido", r"médico"))
    assert has(body, r"diálisis") and has(body, r"riñón, del corazón o del hígado")


def test_painkillers_come_with_a_pharmacy_check(by_id):
    body = by_id["painkillers"]
    assert has(body, r"pregunte en la farmacia")
    for condition in (r"riñón, hígado, corazón o estómago", r"anticoagulante", r"embarazada"):
        assert has(body, condition), condition
    assert has(body, r"no ayudan mientras dura el calambre")
    assert has(by_id["what-to-do-right-now"], r"no ayudan mientras dura el calambre")


def test_stopping_heavy_drinking_suddenly_is_flagged(by_id):
    body = by_id["alcohol-and-smoking"]
    assert has(body, r"no lo deje de golpe") and has(body, r"peligroso")
    assert has(body, r"hable antes con su médico")


def test_chamomile_and_mustard_come_with_allergy_notes(by_id):
    assert has(by_id["chamomile-tea"], near(r"alergia", r"manzanilla|margaritas|ambrosía"))
    assert has(by_id["chamomile-tea"], r"anticoagulante")
    assert has(by_id["soak-and-oil-massage"], near(r"alergia", r"mostaza"))


def test_traditional_remedies_are_not_presented_as_proven(by_id):
    for section_id in ("chamomile-tea", "soak-and-oil-massage", "vinegar-and-tomatoes"):
        honest = r"no se ha probado|no respaldan|no los? mencionan"
        assert has(by_id[section_id], honest), section_id


def test_medicines_put_statins_first_and_never_say_stop(by_id):
    body = by_id["medicines"]
    items = re.findall(r"^- (.*)$", body, flags=re.MULTILINE)
    assert items and items[0].startswith("las estatinas")
    assert has(body, r"no deje de tomar una medicina por su cuenta")
    assert has(body, r"diuréticos \(pastillas para orinar\)")
    assert has(body, r"furosemida") and has(body, r"niacina") and has(body, r"penicilamina")
    everywhere = "\n".join(by_id.values())
    assert not re.search(r"(?<!no )\bdeje de tomar\b", everywhere, re.IGNORECASE)


def test_common_causes_intro_does_not_call_rare_causes_common(by_id):
    body = by_id["common-causes"]
    assert has(body, near(r"raras", r"plomo"))
    assert not has(body, r"sarcoidosis")
    assert has(body, r"no tiene una causa clara")


def test_a_doctor_section_explains_why_quinine_is_rarely_used(by_id):
    body = by_id["what-a-doctor-may-do"]
    assert has(body, near(r"quinina|las usan", r"casi nunca"))
    assert has(body, near(r"efectos secundarios graves", r"sangre|latido"))
    assert has(body, r"análisis de sangre o de orina")


def test_food_and_supplement_remedies_are_described_honestly(by_id):
    supplements = by_id["magnesium-and-calcium"]
    assert has(supplements, near(r"magnesio", r"no ayudan a la mayoría"))
    assert has(supplements, near(r"calcio", r"no hay buenas pruebas"))
    foods = by_id["food-and-drink-remedies"]
    for remedy in (r"plátanos", r"jugo de pepinillos", r"agua tónica", r"sales de epsom"):
        assert has(foods, remedy), remedy
    assert has(foods, r"no se ha probado que ninguna")


def test_night_cramps_section_gives_the_nhs_prevention_steps(by_id):
    body = by_id["night-cramps"]
    assert has(body, r"la mayoría de los calambres en las piernas pasan de noche")
    assert has(body, r"antes de acostarse")
    assert has(body, r"ropa de cama suelta")
    assert has(body, r"zapatos que le queden bien y que sostengan")


@pytest.mark.parametrize("section_id", ["pregnancy", "older-people", "what-a-doctor-may-do",
                                        "medicines"])
def test_depth_sections_credit_a_reputable_source(by_id, section_id):
    assert has(by_id[section_id], r"\b(NHS|Mayo Clinic|MedlinePlus|MHRA)\b"), section_id


# The source article's facts that the English checklist follows, in Spanish words.
ARTICLE_FACTS = [
    near(r"espasmo", r"calambre"),
    r"se aprieta demasiado",
    r"pequeños saltos",
    r"dolor agudo",
    near(r"espasmo", r"mientras camina"),
    r"cuando descansa",
    r"pantorrilla",
    r"músculos pequeños de los pies",
    r"muslo",
    near(r"leve", r"muy fuerte"),
    r"no dejarle mover la pierna",
    r"en una pierna o en las dos",
    near(r"latina", r"musculus"),
    r"ratoncito",
    r"tejido conectivo",
    r"tres tipos de músculo",
    r"tendones",
    r"postura",
    r"involuntario" + r"[^#]*" + r"sin que usted piense",
    near(r"mala circulación", r"causas principales"),
    r"problemas neurológicos",
    near(r"crónic", r"mucho tiempo|una y otra vez"),
    r"electrolitos",
    r"sodio",
    r"potasio",
    near(r"equilibrio de sales", r"sangre"),
    r"sobreesfuerzo",
    r"desgarro en la pantorrilla",
    r"deportes extremos",
    r"efecto secundario",
    r"ácido nicotínico",
    near(r"artículo de referencia", r"nicotina puede causar"),
    r"intoxicación por plomo",
    r"cirrosis del hígado",
    r"sarcoidosis",
    near(r"riñones", r"renales"),
    r"no hay por qué asustarse",
    r"posición cómoda",
    near(r"almohada", r"pierna"),
    r"compresa fría o tibia",
    r"pestaña Temporizador",
    r"té de manzanilla",
    near(r"glicina", r"dolor muscular"),
    r"semillas de mostaza negra o parda",
    near(r"remojo", r"agua tibia"),
    r"aceite de oliva",
    r"aceite de mostaza",
    r"alivia rápido",
    r"hidratado",
    near(r"pausas cortas", r"forzar"),
    r"vinagre",
    r"tomates",
]


def test_the_source_articles_facts_are_in_the_spanish_pack(by_id):
    text = "\n".join(by_id.values())
    missing = [p for p in ARTICLE_FACTS if not has(text, p)]
    assert not missing, f"no Spanish text matches: {missing}"
