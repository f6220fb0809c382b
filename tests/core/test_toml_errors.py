"""Every way a TOML file of a pack can fail to parse ends as a file:line message."""

from __future__ import annotations

from pathlib import Path

import pytest

from spasmguide.core.content.toml_lines import nesting_line
from tests.core.test_content_loader import PACK_TOML, write_pack
from tests.core.test_pack_files import load_problems

DEEP = "[" * 20_000 + "]" * 20_000
DEEP_TABLES = "{a = " * 20_000 + "1" + "}" * 20_000

BROKEN = [
    (f'notes = "[[[ a string is not nesting"\n# {{{{{{ nor a comment\nx = {DEEP}\n', 3,
     "lists or tables are nested more than 100 deep; close the brackets sooner"),
    (f"\n\nx = {DEEP_TABLES}\n", 3, "lists or tables are nested more than 100 deep"),
    ("x = 1\ny = " + "7" * 5000 + "\n", 2, "a number is too long; shorten it"),
    ("x = 2021-02-30\n", 1, "TOML syntax error: Invalid date or datetime"),
    ('x = "never closed\n', 1, "TOML syntax error:"),
]


@pytest.mark.parametrize(("text", "line", "message"), BROKEN)
@pytest.mark.parametrize("file", ["pack.toml", "routines.toml", "synonyms.toml"])
def test_parser_failures_name_file_and_line(
    tmp_path: Path, file: str, text: str, line: int, message: str
) -> None:
    root = write_pack(tmp_path / "p")
    (root / file).write_text(text, encoding="utf-8")
    problems = load_problems(root)
    assert any(p.startswith(f"{file}:{line}: {message}") for p in problems), problems


def test_a_deep_pack_toml_does_not_stop_the_other_files_being_named(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p", PACK_TOML + f"x = {DEEP}\n")
    problems = load_problems(root)
    assert problems == [
        f"pack.toml:{PACK_TOML.count(chr(10)) + 1}: lists or tables are nested more than "
        "100 deep; close the brackets sooner"
    ]


def test_nesting_is_counted_outside_strings_and_comments() -> None:
    text = 'a = """\n[[[[\n"""\nb = \'[[[\'\nc = "\\"[[[" # [[[[\nd = [[[[1]]]]\n'
    assert nesting_line(text, 3) == 6
    assert nesting_line(text, 4) is None
