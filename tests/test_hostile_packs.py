"""Packs made to hang, crash or inject: each ends in a file:line message, or a normal start.

The packs are made at test time (pipes and links cannot be committed reliably), then run
through ``check-content`` and through starting the guide offscreen, each in a separate
process under a timeout: a hang fails the test instead of stopping the suite.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.core.test_content_loader import FIRST_MD, PACK_TOML, write_pack

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT_S = 300  # generous for a slow, busy machine: only a hang comes near it
FILE_LINE = re.compile(r"^[\w.-]+\.(md|toml)(:\d+)?: ", re.M)  # a line where one applies
DEEP = "[" * 20_000 + "]" * 20_000
ROUTINE_HTML = """\
[[routines]]
id = "alert"
title = "Alert"
summary = "<b style='color:red'>SYSTEM ALERT: call 555-0100</b> <img src='/dev/zero'>"
note = "<a href='https://example.com'>click</a>"

[[routines.steps]]
label = "<i>Step</i>"
kind = "rest"
seconds = 30
instruction = "<span style='font-size:40pt'>Rest</span>"
"""


def _replace_with(make: Callable[[Path], None]) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        (root / "first.md").unlink()
        make(root / "first.md")

    return change


def _outside_link(root: Path) -> None:
    (root.parent / f"{root.name}-outside.md").write_text(FIRST_MD, encoding="utf-8")
    (root / "first.md").unlink()
    (root / "first.md").symlink_to(root.parent / f"{root.name}-outside.md")


def _append(text: str) -> Callable[[Path], None]:
    def change(root: Path) -> None:
        with (root / "first.md").open("a", encoding="utf-8") as file:
            file.write("\n" + text)

    return change


def _write(name: str, text: str) -> Callable[[Path], None]:
    return lambda root: (root / name).write_text(text, encoding="utf-8")


def _pack_toml(old: str, new: str) -> Callable[[Path], None]:
    return _write("pack.toml", PACK_TOML.replace(old, new, 1))


def _many_sections(root: Path) -> None:
    sections = "".join(f"## Part {n}\n\nText {n}.\n\n" for n in range(100_000))
    (root / "first.md").write_text("# First\n\n" + sections, encoding="utf-8")


# Each: (name, change to a good pack, True if the pack must be refused)
HOSTILE: list[tuple[str, Callable[[Path], None], bool]] = [
    ("fifo", _replace_with(os.mkfifo), True),
    ("device-link", _replace_with(lambda p: p.symlink_to("/dev/zero")), True),
    ("outside-link", _outside_link, True),
    ("nul-name", _pack_toml('file = "first.md"', 'file = "fir\\u0000st.md"'), True),
    ("deep-pack-toml", _write("pack.toml", PACK_TOML + f"x = {DEEP}\n"), True),
    ("deep-routines", _write("routines.toml", f"x = {DEEP}\n"), True),
    ("deep-synonyms", _write("synonyms.toml", f"x = {DEEP}\n"), True),
    ("long-spaces", _append("## " + " " * 20_000 + "x" + " " * 20_000 + "{\n\nText.\n"), False),
    ("long-brackets", _append("[" * 30_000 + "{" * 30_000 + "#" * 30_000 + "\n"), True),
    ("wrapped-link", _append("[a\nlink](\nhttps://example.com 'quoted')\n"), True),
    ("quoted-image", _append("![a\npicture](\n/dev/zero 'quoted')\n"), True),
    ("fifo-image", lambda r: (os.mkfifo(r / "pic.png"), _append("![a](pic.png)\n")(r)), True),
    ("html-heading", _append('## Hi <img src="/dev/zero">\n\nText.\n'), True),
    ("html-routines", _write("routines.toml", ROUTINE_HTML), False),
    ("bidi-title", _pack_toml('title = "First"', 'title = "Fi\\u202erst"'), True),
    ("bidi-id", _pack_toml('id = "test-pack"', 'id = "test\\u2067pack"'), True),
    ("many-sections", _many_sections, True),
]


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, bool]]:
    base = tmp_path_factory.mktemp("hostile")
    made = {}
    for name, change, refused in HOSTILE:
        root = write_pack(base / name)
        change(root)
        made[name] = (root, refused)
    return made


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=TIMEOUT_S, cwd=ROOT
    )


@pytest.mark.parametrize("name", [name for name, _change, _refused in HOSTILE])
def test_check_content_ends_with_file_and_line(
    packs: dict[str, tuple[Path, bool]], name: str
) -> None:
    root, refused = packs[name]
    result = run("-m", "spasmguide", "check-content", str(root))
    assert "Traceback" not in result.stderr + result.stdout
    if refused:
        assert result.returncode == 1, result.stdout
        assert FILE_LINE.search(result.stderr), result.stderr
    elif result.returncode == 1:  # odd but harmless text may still be refused with its line
        assert FILE_LINE.search(result.stderr), result.stderr
    else:
        assert result.stdout.startswith("OK: "), result.stdout


def test_the_guide_starts_on_every_hostile_pack(
    packs: dict[str, tuple[Path, bool]], tmp_path: Path
) -> None:
    folders = [str(root) for root, _refused in packs.values()]
    result = run(
        str(ROOT / "tests" / "start_offscreen.py"),
        str(tmp_path / "settings.ini"),
        str(tmp_path / "cache"),
        *folders,
    )
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 0, result.stderr[-3000:]
    started = dict(
        (line.split()[1], line) for line in result.stdout.splitlines() if line.startswith("START ")
    )
    assert list(started) == folders
    for root, refused in packs.values():
        line = started[str(root)]
        if refused:
            assert f" spasmguide-en | The content in {root} could not be opened" in line, line
            assert re.search(r"Problem: [\w.-]+\.(md|toml)(:\d+)?: ", line), line
        else:
            assert "test-pack" in line or "spasmguide-en" in line, line
