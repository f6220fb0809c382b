"""Pictures in a pack: every drawing it names exists and is described, and check-content
names the line of one that is not."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from spasmguide.core.content import ContentError, bundled_pack_path, load_pack
from spasmguide.core.content.model import pictures_folder
from spasmguide.core.content.pictures import MAX_ALT_CHARS, picture_names

REQUIRED = {
    "calf-stretch-standing", "calf-stretch-seated-towel", "leg-on-pillow",
    "foot-and-toes-stretch", "compress-in-cloth",
}


def named_pictures(pack) -> list[tuple[str, str, str]]:
    """(where, name, alt) of every picture the pack names, sections and routine steps."""
    found = [
        (section.id, picture.name, picture.alt)
        for _tab, section in pack.sections() for picture in section.pictures
    ]
    found += [
        (f"{routine.id} step {number}", step.picture.name, step.picture.alt)
        for routine in pack.routines
        for number, step in enumerate(routine.steps, start=1)
        if step.picture is not None
    ]
    return found


def test_the_guide_has_the_pictures_people_need() -> None:
    assert set(picture_names()) >= REQUIRED


def test_every_picture_the_bundled_pack_names_exists_and_is_described(pack) -> None:
    named = named_pictures(pack)
    assert {name for _where, name, _alt in named} == REQUIRED  # each one is used
    for where, name, alt in named:
        assert (pictures_folder() / f"{name}.svg").is_file(), where
        assert 10 <= len(alt) <= MAX_ALT_CHARS and alt == " ".join(alt.split()), where
    treatments = pack.tab("treatments")
    assert treatments is not None
    assert any(section.pictures for section in treatments.sections)
    assert any(step.picture for routine in pack.routines for step in routine.steps)


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_each_drawing_is_words_free_and_uses_only_the_two_colours_that_follow_the_theme(
    name: str,
) -> None:
    svg = (pictures_folder() / f"{name}.svg").read_text(encoding="utf-8")
    assert "<text" not in svg and "<image" not in svg and "href" not in svg
    colours = {c.lower() for c in re.findall(r"#[0-9a-fA-F]{6}\b", svg)}
    assert colours == {"#212b32", "#005eb8"}
    assert 'viewBox="0 0 240 180"' in svg


def copy_pack(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(bundled_pack_path(), folder)
    return folder


def line_of(text: str, needle: str, start: int = 0) -> int:
    at = text.index(needle, start)
    return text.count("\n", 0, at) + 1


def test_a_missing_picture_or_alt_text_is_refused_at_its_line(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path)
    pack_toml = (folder / "pack.toml").read_text(encoding="utf-8")
    pack_toml = pack_toml.replace('picture = "leg-on-pillow"', 'picture = "leg-on-a-stool"', 1)
    gone = 'alt = "A cold or warm pack wrapped in a cloth, resting on the calf."\n'
    header = line_of(pack_toml, "[[pictures]]", pack_toml.index('picture = "compress-in-cloth"')
                     - 80)
    pack_toml = pack_toml.replace(gone, "", 1)
    (folder / "pack.toml").write_text(pack_toml, encoding="utf-8")
    routines = (folder / "routines.toml").read_text(encoding="utf-8")
    routines = routines.replace('picture_alt = "A cold pack wrapped in a cloth."\n', "", 1)
    (folder / "routines.toml").write_text(routines, encoding="utf-8")
    step_line = line_of(routines, 'picture = "compress-in-cloth"',
                        routines.index("Wrap an ice pack"))

    with pytest.raises(ContentError) as caught:
        load_pack(folder)
    shown = [str(problem) for problem in caught.value.problems]
    stool = line_of(pack_toml, 'picture = "leg-on-a-stool"')
    assert any(p.startswith(f"pack.toml:{stool}: picture 'leg-on-a-stool' is not one of the "
                            "guide's pictures") for p in shown), shown
    assert any(p.startswith(f"pack.toml:{header}: picture 'compress-in-cloth' needs alt")
               for p in shown), shown
    assert any(p.startswith(f"routines.toml:{step_line}: picture 'compress-in-cloth' needs "
                            "picture_alt") for p in shown), shown

    result = subprocess.run(
        [sys.executable, "-m", "spasmguide", "check-content", str(folder)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1
    assert f"pack.toml:{stool}: picture 'leg-on-a-stool'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_picture_for_a_section_that_is_not_there_is_refused(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path)
    pack_toml = (folder / "pack.toml").read_text(encoding="utf-8")
    pack_toml = pack_toml.replace(
        'section = "night-cramps"\npicture', 'section = "nite-cramps"\npicture', 1
    )
    (folder / "pack.toml").write_text(pack_toml, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_pack(folder)
    line = line_of(pack_toml, "[[pictures]]", pack_toml.index('section = "nite-cramps"') - 40)
    assert (f"pack.toml:{line}: pictures names section 'nite-cramps', which is not in any tab"
            in [str(p) for p in caught.value.problems])


def test_a_picture_name_cannot_leave_the_pictures_folder(tmp_path: Path) -> None:
    folder = copy_pack(tmp_path)
    pack_toml = (folder / "pack.toml").read_text(encoding="utf-8")
    pack_toml = pack_toml.replace('picture = "leg-on-pillow"', 'picture = "../../etc/passwd"', 1)
    (folder / "pack.toml").write_text(pack_toml, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_pack(folder)
    assert any("is not one of the guide's pictures" in str(p) for p in caught.value.problems)


def test_content_json_lists_each_section_pictures() -> None:
    import json

    result = subprocess.run(
        [sys.executable, "-m", "spasmguide", "content", "--json"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    tabs = {tab["id"]: tab for tab in json.loads(result.stdout)["tabs"]}
    night = next(s for s in tabs["treatments"]["sections"] if s["id"] == "night-cramps")
    assert [p["picture"] for p in night["pictures"]] == [
        "calf-stretch-standing", "calf-stretch-seated-towel"
    ]
    assert all(p["alt"] for p in night["pictures"])
