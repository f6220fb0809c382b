"""Care cards in pack Markdown: parsed into levels and headings, checked line by line."""

from __future__ import annotations

from pathlib import Path

from spasmguide.core.care_cards import LEVELS, CareCard, check_care_cards, split_care_cards
from spasmguide.core.content import bundled_pack_path, load_pack, plain_text

CARD = """Before.

::: care urgent Get help today if:
- a cramp lasts longer than 10 minutes
:::

After."""


def test_a_card_splits_out_with_its_level_heading_and_body() -> None:
    parts = split_care_cards(CARD)
    assert parts[0].strip() == "Before."
    assert parts[1] == CareCard("urgent", "Get help today if:",
                                "- a cramp lasts longer than 10 minutes")
    assert parts[2].strip() == "After."


def test_plain_text_reads_the_heading_and_drops_the_markers() -> None:
    text = plain_text(CARD)
    assert ":::" not in text and "care urgent" not in text
    assert "Get help today if:" in text and "longer than 10 minutes" in text


def test_levels_are_the_fixed_four() -> None:
    assert LEVELS == ("emergency", "urgent", "non-urgent", "information")


def test_problems_are_found_at_their_lines() -> None:
    lines = [
        "::: care serious Help:",        # 0 unknown level
        "- x",
        ":::",
        ":::",                           # 3 closes nothing
        "::: care urgent",               # 4 no heading
        "- y",
        "::: care emergency Now:",       # 6 nested
        "- z",
        ":::",
        "::: note",                      # 9 not a card
        "::: care information Empty:",   # 10 never closed
    ]
    found = dict(check_care_cards(lines))
    assert "serious" in found[0] and "emergency, urgent" in found[0]
    assert "closes no care card" in found[3]
    assert "needs a heading" in found[4]
    assert "nested" in found[6]
    assert "must open a care card" in found[9]
    assert "not closed" in found[10]


def test_the_bundled_help_levels_are_care_cards() -> None:
    pack = load_pack(bundled_pack_path())
    section = next(s for _, s in pack.sections() if s.id == pack.help_section)
    cards = [p for p in split_care_cards(section.markdown) if isinstance(p, CareCard)]
    assert [c.level for c in cards] == ["emergency", "urgent", "non-urgent"]
    assert all(c.markdown.strip() for c in cards)


def test_check_content_names_the_file_and_line_of_a_bad_card(tmp_path: Path) -> None:
    import io
    import shutil

    from spasmguide.cli import check_content

    pack_dir = tmp_path / "pack"
    shutil.copytree(bundled_pack_path(), pack_dir)
    overview = pack_dir / "overview.md"
    lines = overview.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.startswith("::: care urgent"))
    lines[number] = "::: care alarming Get help today if:"
    overview.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert check_content(pack_dir, out, err) != 0
    message = err.getvalue() + out.getvalue()
    assert f"overview.md:{number + 1}:" in message and "alarming" in message
