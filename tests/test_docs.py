"""The example pack in docs/content-format.md is a real, valid pack."""

from __future__ import annotations

import re
from pathlib import Path

from spasmguide.cli import check_content

DOC = Path(__file__).resolve().parents[1] / "docs" / "content-format.md"


def test_complete_small_example_passes_check_content(tmp_path: Path, capsys) -> None:
    text = DOC.read_text(encoding="utf-8")
    example = text[text.index("## A complete small pack") :]
    pack_toml, basics_md = re.findall(r"```(?:toml|markdown)\n(.*?)```", example, re.S)[:2]
    (tmp_path / "pack.toml").write_text(pack_toml, encoding="utf-8")
    (tmp_path / "basics.md").write_text(basics_md, encoding="utf-8")
    import sys

    assert check_content(tmp_path, sys.stdout, sys.stderr) == 0
    out = capsys.readouterr().out.strip()
    assert out in example, out


def test_routines_example_is_valid(tmp_path: Path) -> None:
    from spasmguide.core.routines import load_routines

    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("## routines.toml") : text.index("## A complete small pack")]
    (example,) = re.findall(r"```toml\n(.*?)```", section, re.S)
    (tmp_path / "routines.toml").write_text(example, encoding="utf-8")
    (routine,) = load_routines(tmp_path)
    assert routine.id == "cold-compress"
    assert [s.kind for s in routine.steps] == ["other", "compress-cold", "stretch"]


def test_checker_example_is_valid(tmp_path: Path) -> None:
    from spasmguide.core.checker import decide, load_checker

    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("## checker.toml") :]
    example = re.findall(r"```toml\n(.*?)```", section, re.S)[0]
    (tmp_path / "checker.toml").write_text(example, encoding="utf-8")
    checker = load_checker(tmp_path)
    assert checker is not None
    assert [q.level for q in checker.questions] == ["emergency", "urgent", "soon"]
    assert decide(checker, {"swollen-leg": "yes"}, "112").title == "Get medical help today"
    assert decide(checker, {"chest-pain": "not-sure"}, "112").title == "Call 112 now"
    assert checker.offered_for("Is it serious?")
