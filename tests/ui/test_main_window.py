"""The main window as a user meets it: tabs, sections, links, notices and remembered view."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from spasmguide.app import Components, build
from spasmguide.cli import LaunchOptions
from spasmguide.core.content import bundled_pack_path


@pytest.fixture
def make(qtbot, tmp_path: Path):
    def _make(**kwargs) -> Components:
        kwargs.setdefault("settings", tmp_path / "settings.ini")
        components = build(LaunchOptions(**kwargs))
        qtbot.addWidget(components.window)
        components.window.resize(1280, 720)
        components.window.show()
        qtbot.waitExposed(components.window)
        return components

    return _make


def tab_titles(components: Components) -> list[str]:
    tabs = components.window.tabs
    return [tabs.tabText(i) for i in range(tabs.count())]


def test_topic_tabs_in_order_after_the_start_page(make) -> None:
    titles = tab_titles(make())
    assert titles[:5] == ["Start", "Overview", "Treatments", "Causes", "Muscle types"]
    assert titles[-1] == "About"


def test_selecting_a_section_in_the_list_scrolls_the_page_to_it(make, qtbot) -> None:
    window = make().window
    window.show_tab("causes")
    reader = window.readers["causes"]
    bar = reader.page.verticalScrollBar()
    assert bar.value() == 0
    last = reader.section_list.count() - 1
    reader.section_list.setCurrentRow(last)
    qtbot.waitUntil(lambda: bar.value() > 0)
    top = reader.page.cursorForPosition(reader.page.viewport().rect().topLeft())
    assert reader.tab.sections[last].title in top.block().text() or bar.value() > 0
    assert reader.current_section_id() == reader.tab.sections[last].id


def test_internal_link_opens_the_linked_section_in_another_tab(make) -> None:
    window = make().window
    window.show_tab("causes")
    window.readers["causes"].page.anchorClicked.emit(QUrl("#when-to-get-help"))
    assert window.current_tab_id() == "overview"
    assert window.readers["overview"].current_section_id() == "when-to-get-help"


@pytest.mark.parametrize(
    "url", ["https://example.com", "file:///etc/passwd", "mailto:a@b.c", "#NOT VALID", ""]
)
def test_links_that_leave_the_guide_do_nothing(make, url: str) -> None:
    window = make().window
    window.show_tab("causes")
    page = window.readers["causes"].page
    before = page.toPlainText()
    page.anchorClicked.emit(QUrl(url))
    assert window.current_tab_id() == "causes"
    assert page.toPlainText() == before


def test_help_button_reaches_when_to_get_help_from_every_tab(make, qtbot) -> None:
    window = make().window
    for tab_id in window.tab_ids():
        window.show_tab(tab_id)
        window.help_button.click()
        assert window.current_tab_id() == "overview"
        assert window.readers["overview"].current_section_id() == window.pack.help_section


def test_about_shows_version_credit_and_disclaimer(make) -> None:
    components = make()
    components.window.show_tab("about")
    text = components.window.about.toPlainText()
    assert "Marlene Alphonse" in text and "Leg Muscle Spasms" in text
    assert components.pack.disclaimer[:40] in " ".join(text.split())
    assert "version 1.0.0" in text


def test_about_tab_opened_from_the_tab_bar_shows_its_page_filling_the_tab(make, qtbot) -> None:
    window = make().window
    window.tabs.setCurrentIndex(window.tab_ids().index("about"))  # as a click on the tab
    page = window.about
    qtbot.waitUntil(page.isVisible)
    assert "Leg Muscle Spasms" in page.toPlainText()
    assert page.width() >= window.tabs.currentWidget().width() - 2
    assert page.height() >= window.tabs.currentWidget().height() - 2


def test_broken_content_pack_shows_notice_and_bundled_guide(make, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(bundled_pack_path(), broken)
    (broken / "causes.md").write_text("# Causes\n\n## Empty\n", encoding="utf-8")
    components = make(content=broken)
    window = components.window
    assert window.notice.isVisible()
    message = window.notice.label.text()
    assert "could not be opened" in message and "causes.md:3" in message
    assert tab_titles(components)[1:5] == ["Overview", "Treatments", "Causes", "Muscle types"]
    window.notice.dismiss.click()
    assert not window.notice.isVisible()


def test_window_remembers_last_tab_and_geometry(make, tmp_path: Path) -> None:
    settings = tmp_path / "remember.ini"
    first = make(settings=settings)
    first.window.resize(1000, 650)
    first.window.show_tab("treatments")
    first.window.close()
    assert settings.exists()
    second = make(settings=settings)
    assert second.window.current_tab_id() == "treatments"


def test_unreadable_settings_file_is_set_aside_and_defaults_used(make, tmp_path: Path) -> None:
    settings = tmp_path / "bad.ini"
    garbage = b"[window]\nlast_tab=\x00\xff\xfe garbage\n[view\ntext_scale=9999\n"
    settings.write_bytes(garbage)
    components = make(settings=settings)
    assert components.window.current_tab_id() == "start"
    assert settings.with_name("bad.ini.corrupt").read_bytes() == garbage
    assert "set aside" in components.window.notice.label.text()


def test_bad_setting_values_fall_back_one_by_one(make, tmp_path: Path) -> None:
    settings = tmp_path / "odd.ini"
    settings.write_text("[window]\nlast_tab=causes\n[view]\ntext_scale=9999\ntheme=purple\n")
    components = make(settings=settings)
    assert components.window.current_tab_id() == "causes"
    assert components.settings.get("view/text_scale") == 100
    assert components.settings.get("view/theme") == "system"
    assert len(components.settings.warnings) == 2


def test_every_interactive_widget_has_an_accessible_name(make) -> None:
    window = make().window
    unnamed = [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in window.findChildren(QWidget)
        if w.focusPolicy() != w.focusPolicy().NoFocus
        and w.isVisibleTo(window)
        and not w.accessibleName()
        and type(w).__name__ not in ("QWidget", "QScrollBar", "QTabBar", "QSplitterHandle")
        and w.parent() is not None
        and not type(w.parent()).__name__.startswith("QAbstractScrollArea")
    ]
    assert not unnamed, unnamed


def test_qapplication_is_reused(make) -> None:
    make()
    assert QApplication.instance() is not None


@pytest.mark.parametrize("size", [(1280, 720), (640, 480), (2400, 1600)])
def test_page_works_out_its_viewport_size_as_laid_out(make, qtbot, size) -> None:
    components = make()
    window = components.window
    window.resize(*size)
    for tab_id, reader in window.readers.items():
        window.show_tab(tab_id)
        qtbot.waitUntil(lambda r=reader: r.page.isVisible())
        viewport = reader.page.viewport()
        qtbot.waitUntil(
            lambda r=reader, v=viewport: r.page.viewport_size() == (v.width(), v.height())
        )
    # Short text in a tall page needs no scroll bar; long text in a short one does.
    scrolled = [r.page.verticalScrollBar().isVisibleTo(r.page) for r in window.readers.values()]
    assert any(scrolled) or size[1] > 1000


def test_each_tab_opens_with_its_first_section_marked(make) -> None:
    window = make().window
    for tab_id, reader in window.readers.items():
        window.show_tab(tab_id)
        assert reader.current_section_id() == reader.tab.sections[0].id
        assert reader.section_list.currentItem().isSelected()
        assert reader.page.verticalScrollBar().value() == 0


def test_about_says_when_the_text_was_last_reviewed_and_against_what(make) -> None:
    components = make()
    components.window.show_tab("about")
    text = " ".join(components.window.about.toPlainText().split())
    assert "Last reviewed: 1 December 2026." in text
    assert "Reviewed against: NHS, MedlinePlus and Mayo Clinic pages" in text


def test_a_treatment_page_shows_its_evidence_badge_and_source(make) -> None:
    components = make()
    window = components.window
    window.show_section("chamomile-tea")
    page = window.readers["treatments"].page
    lines = [" ".join(line.replace("\xa0", " ").split()) for line in
             page.toPlainText().splitlines()]
    title = lines.index("Chamomile tea")
    assert lines[title + 1] == (
        "Evidence: Traditional, not proven Source: Our source article only"
    )
    stretch = lines.index("Stretching and massage during a cramp")
    assert lines[stretch + 1].startswith("Evidence: Recommended by health services")
    overview = window.readers["overview"]
    overview.ensure_built()
    assert "Evidence:" not in overview.page.toPlainText()


def test_a_settings_warning_never_hides_the_broken_content_notice(make, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(bundled_pack_path(), broken)
    (broken / "causes.md").write_text("# Causes\n\n## Empty\n", encoding="utf-8")
    settings = tmp_path / "odd.ini"
    settings.write_text("[view]\ntext_scale=9999\n")
    components = make(content=broken, settings=settings)
    notice = components.window.notice
    assert notice.isVisible()
    shown = notice.label.text()
    assert "could not be opened" in shown and "text_scale" in shown
    assert len(notice.messages()) == 2
    notice.dismiss.click()
    assert not notice.isVisible() and notice.messages() == []
    components.window.show_notice("Later news")
    assert notice.label.text() == "Later news"


def test_a_tab_with_an_action_row_still_gives_its_text_the_height(make, qtbot) -> None:
    # The Treatments tab has "Log a cramp in your diary" under its text.
    components = make()
    window = components.window
    window.resize(1920, 1080)
    window.show_tab("treatments")
    reader = window.readers["treatments"]
    assert any(button.isVisible() for button in reader.findChildren(QPushButton))
    qtbot.waitUntil(lambda: reader.page.height() > 0.75 * reader.height())


def test_tabs_that_do_not_fit_get_smaller_words_then_rows_never_arrows(make, qtbot) -> None:
    from PySide6.QtWidgets import QToolButton

    from spasmguide.ui.tab_strip import SMALLEST_POINT_SIZE

    components = make()
    window = components.window
    bar = window.tabs.tabBar()
    appearance = components.extras["appearance"]
    assert not window.tabs_in_rows()  # 1280x720 at 100 %: one ordinary row of tabs
    assert bar.font().pointSizeF() == QApplication.font().pointSizeF()

    window.resize(800, 600)
    appearance.set_text_scale(200)
    qtbot.waitUntil(lambda: bar.font().pointSizeF() < QApplication.font().pointSizeF())
    for _ in range(3):
        QApplication.processEvents()
    assert not window.tabs_in_rows() and bar.isVisible()
    assert bar.font().pointSizeF() >= SMALLEST_POINT_SIZE
    assert not [b for b in bar.findChildren(QToolButton) if b.isVisible()]  # no arrows
    for index in range(bar.count()):
        assert bar.rect().contains(bar.tabRect(index)), bar.tabText(index)

    window.resize(640, 480)  # the smallest window: even the smallest tab words need rows
    appearance.set_text_scale(200)
    qtbot.waitUntil(window.tabs_in_rows)
    strip = window.tab_strip
    assert strip is not None
    qtbot.waitUntil(strip.isVisible)
    buttons = strip.buttons()
    assert [b.accessibleName() for b in buttons] == [
        window.tabs.tabText(i).replace("&&", "&") for i in range(window.tabs.count())
    ]
    qtbot.waitUntil(lambda: all(b.isVisible() for b in buttons))
    for button in buttons:
        top_left = button.mapTo(window, button.rect().topLeft())
        assert window.rect().contains(top_left)
        assert button.width() >= button.fontMetrics().horizontalAdvance(button.text())
        assert top_left.x() + button.width() <= window.width()
    buttons[2].click()
    assert window.current_tab_id() == window.tab_ids()[2]
    assert buttons[2].isChecked() and not buttons[0].isChecked()
    window.show_tab("about")
    assert buttons[-1].isChecked()
    appearance.set_text_scale(100)
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: not window.tabs_in_rows())
    assert bar.isVisible() and not strip.isVisible()
    assert bar.font().pointSizeF() == QApplication.font().pointSizeF()
