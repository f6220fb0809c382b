"""The page, lists and labels refuse what the checker refuses, even for a pack never checked."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from spasmguide.core.content import Section, Tab
from spasmguide.core.routines import Routine, Step
from spasmguide.ui.reader import TabReader
from spasmguide.ui.timer import TimerTab
from tests.ui.test_timer_tab import FakeChime

IMAGE = QTextDocument.ResourceType.ImageResource.value
PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def section(number: int, title: str, markdown: str) -> Section:
    return Section(f"part-{number}", title, markdown, markdown, number)


def unchecked_reader(qtbot, folder: Path | None, *sections: Section) -> TabReader:
    reader = TabReader(Tab("t", "Tab", "t.md", tuple(sections)), "part-0", folder)
    qtbot.addWidget(reader)
    reader.resize(900, 600)
    reader.show()
    qtbot.waitExposed(reader)
    return reader


def link_targets(document: QTextDocument) -> list[str]:
    found = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fmt = fragments.fragment().charFormat()
            if fmt.isAnchor() and fmt.anchorHref():
                found.append(fmt.anchorHref())
            fragments += 1
        block = block.next()
    return found


def test_links_that_leave_the_guide_become_plain_text(qtbot) -> None:
    reader = unchecked_reader(
        qtbot,
        None,
        section(0, "Links", "Go [home](#part-1), [out](https://e.example) or <https://e.example>."),
        section(1, "More", "A [ref][x] and [js](javascript:alert(1)).\n\n[x]: file:///etc/passwd"),
    )
    document = reader.page.document()
    assert link_targets(document) == ["#part-1"]
    assert "out" in document.toPlainText() and "js" in document.toPlainText()


def test_pictures_come_only_from_ordinary_files_inside_the_pack(qtbot, tmp_path: Path) -> None:
    (tmp_path / "pic.png").write_bytes(PNG_1PX)
    os.mkfifo(tmp_path / "pipe.png")
    (tmp_path / "zero.png").symlink_to("/dev/zero")
    (tmp_path.parent / "outside.png").write_bytes(PNG_1PX)
    markdown = "![a](pic.png) ![b](/dev/zero) ![c](pipe.png) ![d](zero.png) ![e](../outside.png)"
    reader = unchecked_reader(qtbot, tmp_path, section(0, "Pictures", markdown))
    document = reader.page.document()
    assert bytes(document.loadResource(IMAGE, QUrl("pic.png"))) == PNG_1PX
    for name in ("/dev/zero", "pipe.png", "zero.png", "../outside.png", "file:///dev/zero"):
        assert document.loadResource(IMAGE, QUrl(name)) is None, name


def test_a_page_without_a_pack_folder_shows_no_pictures(qtbot, tmp_path: Path) -> None:
    (tmp_path / "pic.png").write_bytes(PNG_1PX)
    reader = unchecked_reader(qtbot, None, section(0, "Pictures", "![a](pic.png)"))
    assert reader.page.document().loadResource(IMAGE, QUrl("pic.png")) is None


def test_a_very_long_word_is_laid_out_without_waiting(qtbot) -> None:
    reader = unchecked_reader(qtbot, None, section(0, "Long", "[" * 30_000 + "#" * 30_000))
    assert "[" * 100 in reader.page.document().toPlainText()


def test_headings_show_as_written_in_the_list_its_tooltips_and_the_page(qtbot) -> None:
    title = 'Hi <img src="/dev/zero"> *there* [x](https://e.example)'
    reader = unchecked_reader(qtbot, None, section(0, title, "Text."))
    item = reader.section_list.item(0)
    assert item.text() == title
    assert item.toolTip() == (
        "<p>Hi &lt;img src=&quot;/dev/zero&quot;&gt; *there* [x](https://e.example)</p>"
    )
    assert title in reader.page.document().toPlainText().splitlines()
    assert link_targets(reader.page.document()) == []


def test_the_list_follows_the_scroll_through_a_long_tab(qtbot) -> None:
    sections = [section(n, f"Part {n}", f"About part {n}.\n\n- one\n- two") for n in range(400)]
    reader = unchecked_reader(qtbot, None, *sections)
    bar = reader.page.verticalScrollBar()
    assert reader.show_section("part-399")
    assert reader.current_section_id() == "part-399"
    assert bar.value() > 0
    for row in (250, 3, 120):
        reader.section_list.setCurrentRow(row)  # scrolls the page there
        bar.setValue(bar.value() + 1)  # a step of scrolling: the list is worked out again
        assert reader.current_section_id() == f"part-{row}"
    bar.setValue(0)
    assert reader.current_section_id() == "part-0"


def test_routine_text_shows_as_plain_text(qtbot) -> None:
    alert = "<b style='color:red'>SYSTEM ALERT: call 555-0100</b> <img src='/dev/zero'>"
    routine = Routine(
        id="alert",
        title="Alert",
        summary=alert,
        note="<a href='https://e.example'>click</a>",
        steps=(Step("<i>Rest</i> now", 30, "rest", label="<u>Rest</u>", note="<b>note</b>"),),
    )
    widget = TimerTab([routine], chime=FakeChime())
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    labels = [label for label in widget.findChildren(QLabel) if "<" in label.text()]
    assert {label.text() for label in labels} >= {f"{alert} <a href='https://e.example'>click</a>"}
    assert len(labels) >= 2
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
