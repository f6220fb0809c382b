"""A translated pack is compared with its reference, id for id (check-content's parity check)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from spasmguide.core.content import load_pack
from spasmguide.core.content.parity import KINDS, compare_packs

PACK = """\
id = "{name}"
language = "{lang}"
title = "Guide {name}"
version = "1"
help_section = "help"
disclaimer = "Not advice."

[[tabs]]
id = "basics"
title = "Basics"
file = "basics.md"
{more_tabs}
[[sources]]
title = "Somewhere"
used_for = "Testing"
"""

ROUTINES = """\
[[routines]]
id = "stretch"
title = "Stretch"
summary = "Stretch the calf."

[[routines.steps]]
label = "Ready"
kind = "other"
seconds = 10
instruction = "Sit down."

[[routines.steps]]
label = "Hold"
kind = "{kind}"
seconds = 20
instruction = "Pull your toes towards you."
{more_steps}"""

CHECKER = """\
title = "Is it serious?"
intro = "A few questions."

[[questions]]
id = "chest-pain"
level = "{level}"
text = "Chest pain?"
because = "chest pain"
source = "NHS"
{more_questions}
[results.emergency]
title = "Call {{emergency_number}} now"
advice = "Call."

[results.urgent]
title = "Today"
advice = "Today."

[results.soon]
title = "Soon"
advice = "Soon."

[results.self-care]
title = "Self-care"
advice = "Rest."
"""

SYNONYMS = """\
[[groups]]
id = "cramp"
words = ["cramp", "spasm"]

[[groups]]
words = ["own", "words"]
{more_groups}"""


def write_pack(
    root: Path,
    *,
    lang: str = "en",
    sections: tuple[str, ...] = ("help", "night"),
    more_tabs: str = "",
    kind: str = "stretch",
    more_steps: str = "",
    level: str = "emergency",
    more_questions: str = "",
    more_groups: str = "",
) -> Path:
    root.mkdir(parents=True)
    (root / "pack.toml").write_text(
        PACK.format(name=root.name, lang=lang, more_tabs=more_tabs), encoding="utf-8"
    )
    body = ["# Basics", ""]
    for section in sections:
        body += [f"## Section {section} {{#{section}}}", "", "Some text.", ""]
    (root / "basics.md").write_text("\n".join(body), encoding="utf-8")
    if more_tabs:
        (root / "extra.md").write_text("# Extra\n\n## Extra page {#extra-page}\n\nText.\n")
    (root / "routines.toml").write_text(
        ROUTINES.format(kind=kind, more_steps=more_steps), encoding="utf-8"
    )
    (root / "checker.toml").write_text(
        CHECKER.format(level=level, more_questions=more_questions), encoding="utf-8"
    )
    (root / "synonyms.toml").write_text(SYNONYMS.format(more_groups=more_groups), encoding="utf-8")
    return root


EXTRA_TAB = '\n[[tabs]]\nid = "extra"\ntitle = "Extra"\nfile = "extra.md"\n'
EXTRA_STEP = (
    '\n[[routines.steps]]\nlabel = "Rest"\nkind = "rest"\nseconds = 5\ninstruction = "Rest."\n'
)
EXTRA_QUESTION = (
    '\n[[questions]]\nid = "cold-leg"\nlevel = "urgent"\ntext = "Cold?"\n'
    'because = "a cold leg"\nsource = "NHS"\n'
)
EXTRA_GROUP = '\n[[groups]]\nid = "night"\nwords = ["night", "bed"]\n'


def problems(pack: Path, reference: Path) -> list[str]:
    return [str(p) for p in compare_packs(load_pack(pack), load_pack(reference))]


def test_a_pack_with_the_same_ids_has_no_problems(tmp_path: Path) -> None:
    reference = write_pack(tmp_path / "en")
    translated = write_pack(tmp_path / "es", lang="es")
    assert problems(translated, reference) == []


def test_every_missing_id_is_named_with_where_the_reference_has_it(tmp_path: Path) -> None:
    reference = write_pack(
        tmp_path / "en", sections=("help", "night", "day"), more_tabs=EXTRA_TAB,
        more_steps=EXTRA_STEP, more_questions=EXTRA_QUESTION, more_groups=EXTRA_GROUP,
    )
    translated = write_pack(tmp_path / "es", lang="es")
    es, en = tmp_path / "es", tmp_path / "en"
    found = problems(translated, reference)
    assert found == [
        f"{es}/pack.toml:9: tab 'extra' is missing; the reference has it at {en}/pack.toml:14",
        f"{es}/basics.md:7: section 'day' is missing; the reference has it at {en}/basics.md:11",
        f"{es}/basics.md:7: section 'extra-page' is missing; the reference has it at "
        f"{en}/extra.md:3",
        f"{es}/routines.toml:12: step 'stretch/3' is missing; the reference has it at "
        f"{en}/routines.toml:18",
        f"{es}/checker.toml:5: checker question 'cold-leg' is missing; the reference has it at "
        f"{en}/checker.toml:12",
        f"{es}/synonyms.toml:2: synonym group 'night' is missing; the reference has it at "
        f"{en}/synonyms.toml:9",
    ]


def test_every_extra_id_is_named_where_it_is_written(tmp_path: Path) -> None:
    reference = write_pack(tmp_path / "en")
    translated = write_pack(
        tmp_path / "es", lang="es", sections=("help", "night", "dia"), more_steps=EXTRA_STEP,
        more_questions=EXTRA_QUESTION, more_groups=EXTRA_GROUP,
    )
    es, en = tmp_path / "es", tmp_path / "en"
    assert problems(translated, reference) == [
        f"{es}/basics.md:11: section 'dia' is not in the reference pack {en}",
        f"{es}/routines.toml:18: step 'stretch/3' is not in the reference pack {en}",
        f"{es}/checker.toml:12: checker question 'cold-leg' is not in the reference pack {en}",
        f"{es}/synonyms.toml:9: synonym group 'night' is not in the reference pack {en}",
    ]


def test_a_safety_fact_that_differs_is_reported(tmp_path: Path) -> None:
    reference = write_pack(tmp_path / "en")
    translated = write_pack(tmp_path / "es", lang="es", kind="rest", level="soon")
    es, en = tmp_path / "es", tmp_path / "en"
    assert problems(translated, reference) == [
        f"{es}/routines.toml:12: step 'stretch/2' differs from the reference "
        f"({en}/routines.toml:12): kind is 'rest' here, 'stretch' in the reference",
        f"{es}/checker.toml:5: checker question 'chest-pain' differs from the reference "
        f"({en}/checker.toml:5): level is 'soon' here, 'emergency' in the reference",
    ]


def test_groups_without_an_id_are_each_languages_own(tmp_path: Path) -> None:
    reference = write_pack(tmp_path / "en")
    translated = write_pack(tmp_path / "es", lang="es")
    text = (translated / "synonyms.toml").read_text(encoding="utf-8")
    (translated / "synonyms.toml").write_text(
        text + '\n[[groups]]\nwords = ["tirón", "jalón"]\n', encoding="utf-8"
    )
    assert problems(translated, reference) == []


def test_every_kind_of_id_is_compared() -> None:
    names = [name for name, _ in KINDS]
    for kind in ("tab", "section", "routine", "step", "checker question", "checker result",
                 "synonym group", "picture"):
        assert kind in names


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "spasmguide", *args], capture_output=True, text=True, timeout=60
    )


def test_check_content_compares_with_the_reference_given(tmp_path: Path) -> None:
    reference = write_pack(tmp_path / "en", sections=("help", "night", "day"))
    translated = write_pack(tmp_path / "es", lang="es")
    result = run("check-content", str(translated), "--reference", str(reference))
    assert result.returncode == 1
    assert f"{translated}/basics.md:7: section 'day' is missing" in result.stderr
    assert f"1 problem found in {translated}" in result.stderr
    assert "Traceback" not in result.stderr
    alone = run("check-content", str(translated))  # a clinic's own pack: no reference
    assert alone.returncode == 0, alone.stderr


def test_check_content_compares_a_bundled_translation_with_bundled_english() -> None:
    result = run("check-content", "--lang", "es")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: ") and "(es)" in result.stdout
    assert "same ids as" in result.stdout


def test_a_broken_reference_is_reported_as_the_reference(tmp_path: Path) -> None:
    translated = write_pack(tmp_path / "es", lang="es")
    result = run("check-content", str(translated), "--reference", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "The reference pack" in result.stderr and "nowhere" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [["search", "cramp"], ["content"], ["check-content"]])
def test_an_unknown_language_names_the_languages_there_are(command: list[str]) -> None:
    result = run(*command, "--lang", "xx")
    assert result.returncode == 2
    assert "there is no guide in language 'xx' yet; available: en, es" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_translation_without_the_pictures_is_told_each_one(tmp_path: Path) -> None:
    # The bundled Spanish guide with its drawings taken out: each section picture and each
    # step's picture is named, with where English has it.
    import re
    import shutil

    from spasmguide.core.content import bundled_pack_path

    spanish = tmp_path / "es"
    shutil.copytree(bundled_pack_path("es"), spanish)
    pack_toml = (spanish / "pack.toml").read_text(encoding="utf-8")
    pack_toml = re.sub(r"\[\[pictures\]\]\n(?:[a-z]+ = .*\n)+", "", pack_toml)
    (spanish / "pack.toml").write_text(pack_toml, encoding="utf-8")
    routines = (spanish / "routines.toml").read_text(encoding="utf-8")
    routines = re.sub(r"(?m)^picture(?:_alt)? = .*\n", "", routines)
    (spanish / "routines.toml").write_text(routines, encoding="utf-8")
    english = load_pack(bundled_pack_path("en"))
    found = [str(p) for p in compare_packs(load_pack(spanish), english)]
    section_pictures = sum(len(s.pictures) for _, s in english.sections())
    step_pictures = sum(1 for r in english.routines for s in r.steps if s.picture is not None)
    assert section_pictures >= 5 and step_pictures >= 5
    assert sum("picture '" in p and "is missing" in p for p in found) == section_pictures
    assert sum("picture is none here" in p for p in found) == step_pictures
    assert any("picture 'night-cramps/calf-stretch-seated-towel' is missing" in p for p in found)
