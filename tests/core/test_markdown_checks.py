"""Markdown is checked on a CommonMark token tree: links and pictures however written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from spasmguide.core.content import load_pack
from tests.core.test_content_loader import FIRST_MD, PACK_TOML, write_pack
from tests.core.test_pack_files import finishes, load_problems

END = len(FIRST_MD.splitlines()) + 2  # the first line of text added after a blank line
LEAVES = "leaves the guide; links may only point to '#section-id' or '#tab-id' inside the pack"


def problems_with(tmp_path: Path, extra: str) -> list[str]:
    return load_problems(write_pack(tmp_path / "p", PACK_TOML, FIRST_MD + "\n" + extra))


HIDDEN = "holds a hidden text-direction character (U+202E)"
OUTSIDE = [  # (text added to a tab, line of it named, start of the message)
    ("[a\nsite](\nhttps://example.com)\n", 0, f"link to 'https://example.com' {LEAVES}"),
    ("[x](https://e.example 'single quoted')\n", 0, "link to 'https://e.example'"),
    ("[x](<file:///etc/passwd>)\n", 0, "link to 'file:///etc/passwd'"),
    ("[a [b] c](javascript:alert(1))\n", 0, "link to 'javascript:alert(1)'"),
    ("See [x][far].\n\n[far]:\n  https://e.example\n", 2, "link to 'https://e.example'"),
    ("Go to <https://e.example/x>.\n", 0, "link to 'https://e.example/x'"),
    ("Write to <someone@e.example>.\n", 0, "link to 'mailto:someone@e.example'"),
    ("Text\n<span\nstyle='color:red'>alert</span>\n", 1, "raw HTML is not allowed"),
    ("<div>\nblock\n</div>\n", 0, "raw HTML is not allowed"),
    ('## Heading <img src="/dev/zero">\n\nText.\n', 0, "raw HTML is not allowed"),
    ("![calf](/dev/zero)\n", 0, "picture '/dev/zero' must be a file in the pack folder"),
    ("![calf](../outside.png)\n", 0, "picture '../outside.png' must be a file in"),
    ("![calf\nstretch](\nfile:///etc/x.png)\n", 0, "picture 'file:///etc/x.png' must be"),
    ("![calf](calf.svg)\n", 0, "picture 'calf.svg' must be a .png, .jpg or .gif file"),
    ("![calf](missing.png)\n", 0, "picture 'missing.png': file is missing"),
    ("![](pic.png)\n", 0, "picture 'pic.png' needs a description"),
    ("A paragraph\n---\n", 0, "a line of '=' or '-' under text makes it a heading"),
    ("> ## Quoted heading\n", 0, "a '#' or '##' heading may not be inside"),
    ("## Over\u202eturned\n\nText.\n", 0, f"section title 'Over\\u202eturned' {HIDDEN}"),
    ("Fine.\n\nA " + "x" * 101 + " word\n", 2, "a word here is longer than 100 characters"),
]


@pytest.mark.parametrize(
    ("extra", "offset", "expected"),
    OUTSIDE,
    ids=[
        "wrapped-link", "single-quoted-title", "angle-brackets", "nested-brackets", "reference",
        "autolink", "email-autolink", "inline-html", "html-block", "html-in-heading",
        "image-device", "image-parent", "image-wrapped-file-url", "image-kind", "image-missing",
        "image-no-description", "setext-heading", "heading-in-quote", "bidi-in-heading",
        "long-word",
    ],
)
def test_markup_that_leaves_the_pack_names_its_line(
    tmp_path: Path, extra: str, offset: int, expected: str
) -> None:
    problems = problems_with(tmp_path, extra)
    assert any(p.startswith(f"first.md:{END + offset}: {expected}") for p in problems), problems


@pytest.mark.parametrize(
    "extra",
    [
        "See [the top](<#get-help> 'a title') and [more](#other-part \"another\").\n",
        "See [it][ref].\n\n[ref]: #get-help\n",
        "Code: `<b>not html</b>` and `[x](https://e.example)`.\n",
        "```\n<script>code, not HTML</script>\n## not a heading\n```\n",
        "![A calf stretch](pic.png)\n",
        "![A calf stretch](pictures/in%20folder.png)\n",
    ],
    ids=["quoted-internal", "reference-internal", "code-span", "fence", "image", "image-folder"],
)
def test_markup_that_stays_in_the_pack_passes(tmp_path: Path, extra: str) -> None:
    root = write_pack(tmp_path / "p", PACK_TOML, FIRST_MD + "\n" + extra)
    (root / "pic.png").write_bytes(b"\x89PNG\r\n")
    (root / "pictures").mkdir()
    (root / "pictures" / "in folder.png").write_bytes(b"\x89PNG\r\n")
    load_pack(root)


def test_a_picture_that_is_a_pipe_or_leads_outside_is_refused(tmp_path: Path) -> None:
    text = FIRST_MD + "\n![a](pipe.png)\n\n![b](out.png)\n"
    root = write_pack(tmp_path / "p", PACK_TOML, text)
    os.mkfifo(root / "pipe.png")
    (root / "out.png").symlink_to("/dev/zero")
    problems = load_problems(root)
    assert f"first.md:{END}: picture 'pipe.png': is not an ordinary file" in "\n".join(problems)
    assert f"first.md:{END + 2}: picture 'out.png': leads outside" in "\n".join(problems)


@pytest.mark.parametrize(
    "run",
    [
        "## " + " " * 20_000 + "x" + " " * 20_000 + "{#a}",
        "## " + "#" * 20_000 + " x",
        "## a {" + "{" * 20_000 + "#b" + " " * 20_000,
        "[" * 20_000 + "x" + "]" * 20_000 + "(" + " " * 20_000,
        "![" * 3_000 + " " * 20_000 + "](" * 3_000,
        "_a" * 20_000 + " " + "*" * 20_000,
        "<" * 20_000 + "`" * 20_000,
    ],
    ids=["spaces", "hashes", "braces", "brackets", "images", "emphasis", "angles-and-ticks"],
)
def test_long_runs_of_markup_characters_finish(tmp_path: Path, run: str) -> None:
    root = write_pack(tmp_path / "p", PACK_TOML, FIRST_MD + "\n" + run + "\n")
    result = finishes(lambda: load_pack(root))
    assert not isinstance(result, BaseException) or "first.md" in str(result), result


def test_text_too_complex_to_check_is_refused_at_its_line(tmp_path: Path) -> None:
    problems = problems_with(tmp_path, "Fine text.\n\n" + "[a " * 150_000 + "\n")
    assert any(
        p.startswith(f"first.md:{END + 2}: this text is too complex to check") for p in problems
    ), problems


def test_a_tab_with_too_many_sections_is_refused_before_parsing(tmp_path: Path) -> None:
    sections = "".join(f"## Part {n}\n\nText {n}.\n\n" for n in range(10_001))
    problems = load_problems(write_pack(tmp_path / "p", PACK_TOML, "# First\n\n" + sections))
    line = 3 + 4 * 10_000
    assert problems[0] == (
        f"first.md:{line}: a tab may have at most 10,000 sections; split it into more tabs"
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('title = "First"', 'title = "Fi\\u202erst"', "pack.toml:10: title 'Fi\\u202erst'"),
        ('title = "Test guide"', 'title = "Te\\u2066st"', "pack.toml:3: title 'Te\\u2066st'"),
        ('id = "test-pack"', 'id = "test\\u200fpack"', "pack.toml:1: id 'test\\u200fpack'"),
    ],
)
def test_hidden_direction_characters_are_refused_in_titles_and_ids(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    problems = load_problems(write_pack(tmp_path / "p", PACK_TOML.replace(old, new, 1)))
    assert any(p.startswith(f"{expected} holds a hidden") for p in problems), problems
