"""The content loader: the bundled pack loads, and each broken pack names file, line and fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from spasmguide.core.content import (
    ContentError,
    bundled_pack_path,
    load_pack,
    plain_text,
    slugify,
)

PACK_TOML = """\
id = "test-pack"
language = "en"
title = "Test guide"
version = "0.1"
help_section = "get-help"
disclaimer = "General information only."

[[tabs]]
id = "first"
title = "First"
file = "first.md"

[[sources]]
title = "A source"
author = "Someone"
used_for = "Facts."
"""

FIRST_MD = """\
# First

## Get help {#get-help}

See a doctor if it does not ease. Read [the other part](#other-part).

## Other part

Some **plain** text.
"""


def write_pack(root: Path, pack: str = PACK_TOML, first: str | bytes = FIRST_MD) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pack.toml").write_text(pack, encoding="utf-8")
    if isinstance(first, bytes):
        (root / "first.md").write_bytes(first)
    else:
        (root / "first.md").write_text(first, encoding="utf-8")
    return root


def problems_of(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_pack(root)
    return [str(p) for p in caught.value.problems]


def test_bundled_pack_has_the_four_topic_tabs_in_order() -> None:
    pack = load_pack(bundled_pack_path())
    assert [t.title for t in pack.tabs] == ["Overview", "Treatments", "Causes", "Muscle types"]
    assert pack.locate(pack.help_section) is not None
    assert any("Marlene Alphonse" in s.author for s in pack.sources)
    assert "not a diagnosis" in pack.disclaimer.lower() or "general" in pack.disclaimer.lower()


def test_bundled_pack_sections_are_unique_and_non_empty() -> None:
    pack = load_pack(bundled_pack_path())
    ids = [s.id for _, s in pack.sections()]
    assert len(ids) == len(set(ids))
    assert all(s.text.strip() for _, s in pack.sections())


def test_small_pack_loads_with_explicit_and_slug_ids(tmp_path: Path) -> None:
    pack = load_pack(write_pack(tmp_path / "p"))
    (tab,) = pack.tabs
    assert [s.id for s in tab.sections] == ["get-help", "other-part"]
    assert tab.sections[1].text == "Some plain text."
    assert tab.sections[0].line == 3


@pytest.mark.parametrize(
    ("pack", "first", "expected"),
    [
        ('colour = "red"\n' + PACK_TOML, FIRST_MD, "pack.toml:1: unknown key 'colour'"),
        (PACK_TOML.replace('version = "0.1"\n', ""), FIRST_MD, "is missing 'version'"),
        (
            PACK_TOML.replace('file = "first.md"', 'file = "gone.md"'),
            FIRST_MD,
            "gone.md: file is missing",
        ),
        (
            PACK_TOML,
            FIRST_MD.replace("Some **plain** text.\n", ""),
            "first.md:7: section 'Other part' has no text",
        ),
        (
            PACK_TOML,
            FIRST_MD + "\n## Get help again {#get-help}\n\nMore.\n",
            "first.md:11: section id 'get-help' is already used",
        ),
        (
            PACK_TOML,
            FIRST_MD + "\nVisit [a site](https://example.com).\n",
            "first.md:11: link to 'https://example.com' leaves the guide",
        ),
        (
            PACK_TOML,
            FIRST_MD + "\n<script>alert(1)</script>\n",
            "first.md:11: raw HTML is not allowed",
        ),
        (
            PACK_TOML,
            FIRST_MD + "\nSee [nowhere](#nowhere).\n",
            "first.md:11: link to '#nowhere' points to no section",
        ),
        (PACK_TOML, FIRST_MD.replace("# First", "# Second"), "first.md:1: title 'Second'"),
        (
            PACK_TOML + '[[tabs]]\nid = "first"\ntitle = "First"\nfile = "first.md"\n',
            FIRST_MD,
            "tab id 'first' is used twice",
        ),
        (
            PACK_TOML.replace('help_section = "get-help"', 'help_section = "nope"'),
            FIRST_MD,
            "pack.toml:5: help_section 'nope' is not the id of any section",
        ),
        (
            PACK_TOML.replace('file = "first.md"', 'file = "../first.md"'),
            FIRST_MD,
            "must be a '.md' file name inside the pack folder",
        ),
        ('id = "x"\ntitle = \n', FIRST_MD, "pack.toml:2: TOML syntax error"),
        (
            PACK_TOML.replace('id = "first"', 'id = "about"'),
            FIRST_MD,
            "pack.toml:9: tab id 'about' is the program's own About tab",
        ),
        (PACK_TOML, b"# First\n\n## A\n\nbad \xff byte\n", "first.md:5: is not valid UTF-8"),
    ],
    ids=[
        "unknown-key",
        "missing-field",
        "tab-file-missing",
        "empty-section",
        "duplicate-id",
        "external-link",
        "raw-html",
        "dangling-link",
        "title-mismatch",
        "duplicate-tab",
        "bad-help-section",
        "path-escape",
        "toml-syntax",
        "reserved-tab-id",
        "bad-utf8",
    ],
)
def test_broken_pack_names_file_line_and_fix(
    tmp_path: Path, pack: str, first: str | bytes, expected: str
) -> None:
    problems = problems_of(write_pack(tmp_path / "p", pack, first))
    assert any(expected in p for p in problems), problems


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path) -> None:
    broken = FIRST_MD + "\n<b>x</b>\n\nSee [x](http://a.b).\n"
    problems = problems_of(write_pack(tmp_path / "p", PACK_TOML + "extra = 1\n", broken))
    assert len(problems) >= 3


@pytest.mark.parametrize(
    ("size", "shown"), [(17_500_000, "17.5 MB"), (2_000_001, "2.1 MB"), (3_000_000, "3 MB")]
)
def test_file_over_the_limit_is_refused_with_its_real_size(
    tmp_path: Path, size: int, shown: str
) -> None:
    root = write_pack(tmp_path / "p")
    with (root / "first.md").open("r+b") as f:
        f.truncate(size)
    assert f"first.md: file is {shown}; the limit is 2 MB" in problems_of(root)


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p")
    (root / "first.md").unlink()
    (root / "first.md").mkdir()
    assert any("first.md: is a folder" in p for p in problems_of(root))


def test_not_a_folder(tmp_path: Path) -> None:
    assert any("is not a content pack folder" in p for p in problems_of(tmp_path / "none"))


def test_bundled_pack_copy_with_a_broken_routine_reports_routines_file(tmp_path: Path) -> None:
    root = tmp_path / "copy"
    shutil.copytree(bundled_pack_path(), root)
    text = (root / "routines.toml").read_text(encoding="utf-8")
    (root / "routines.toml").write_text(text.replace("seconds = ", "seconds = -", 1), "utf-8")
    assert any(p.startswith("routines.toml:") for p in problems_of(root))


def test_slug_and_plain_text() -> None:
    assert slugify("Salt & mineral imbalance!") == "salt-mineral-imbalance"
    assert slugify("Café crème") == "cafe-creme"
    assert plain_text("1. **Rest** your [leg](#x).\n2. Drink `water`.") == (
        "Rest your leg. Drink water."
    )


def test_list_items_do_not_run_into_each_other_in_plain_text() -> None:
    text = plain_text("Medicines:\n\n- penicillamine, for\n  joint problems\n- diuretics\n\nEnd.")
    assert text == "Medicines:\n\npenicillamine, for joint problems. diuretics.\n\nEnd."


def test_a_link_to_the_questions_needs_a_pack_with_questions(tmp_path: Path) -> None:
    import shutil

    pack = tmp_path / "pack"
    shutil.copytree(bundled_pack_path(), pack)
    assert load_pack(pack).tab("overview") is not None  # the bundled pack links to them
    (pack / "checker.toml").unlink()
    with pytest.raises(ContentError) as raised:
        load_pack(pack)
    assert any(
        p.file == "overview.md" and "link to '#is-it-serious' points to no section" in p.message
        for p in raised.value.problems
    )
