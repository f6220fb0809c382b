"""The Diary tab as a person uses it: log, see, change, delete, move data, and the kiosk."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QPushButton

from spasmguide.app import Components, build
from spasmguide.cli import LaunchOptions
from spasmguide.core.diary import DiaryStore, Entry
from spasmguide.ui.diary.privacy import DELETE_LINK, DeleteDiaryData
from spasmguide.ui.diary.tab import DiaryTab
from tests.fakes import FakeClock

ZONE = timezone(timedelta(hours=1))


@pytest.fixture
def make(qtbot, tmp_path: Path):
    def _make(**kwargs) -> Components:
        kwargs.setdefault("settings", tmp_path / "settings.ini")
        kwargs.setdefault("diary", tmp_path / "data" / "diary.sqlite3")
        clock = kwargs.pop("clock", FakeClock())
        components = build(LaunchOptions(**kwargs), clock=clock)
        qtbot.addWidget(components.window)
        components.window.resize(1280, 720)
        components.window.show()
        qtbot.waitExposed(components.window)
        return components

    return _make


def open_diary(components: Components) -> DiaryTab:
    components.window.show_tab("diary")
    tab = components.extras["diary_tab"]
    assert tab.isVisible()
    return tab


def log(tab: DiaryTab, **choices) -> None:
    """Fill the form as a person would, by pressing its buttons, and save."""
    assert tab.log_cramp()
    form = tab.form
    for row_name in ("leg", "place", "severity", "activity"):
        if row_name in choices:
            getattr(form, row_name).buttons[str(choices[row_name])].click()
    if "minutes" in choices:
        form.minutes.setValue(choices["minutes"])
    for treatment in choices.get("helped", ()):
        form.treatments[treatment].click()
    form.note.setPlainText(choices.get("note", ""))
    form.save_button.click()


def test_the_diary_file_is_opened_only_when_the_tab_is_first_needed(make, tmp_path) -> None:
    components = make()
    path = tmp_path / "data" / "diary.sqlite3"
    assert "diary" in components.window.tab_ids()
    assert not components.extras.is_made("diary_tab") and not path.exists()
    open_diary(components)
    assert path.exists()


def test_logging_five_cramps_shows_them_in_the_list_and_the_charts(make, tmp_path) -> None:
    components = make()
    tab = open_diary(components)
    for leg, severity in (("left", 7), ("left", 5), ("right", 3), ("both", 9), ("left", 6)):
        log(tab, leg=leg, place="calf", severity=severity, minutes=2,
            helped=("stretch-and-massage",))
        assert tab.pages.currentWidget() is tab.overview
    assert tab.model.rowCount() == 5
    lines = [tab.model.data(tab.model.index(row)) for row in range(5)]
    assert sum("Left leg, Calf · 2 min" in line for line in lines) == 3
    assert "5 cramps in your diary" in tab.count_label.text()
    words = tab.charts.text_equivalent()
    assert "Left leg: 3 cramps" in words and "Right leg: 1 cramp" in words
    assert "On average 6.0 of 10, from 5 rated cramps" in words
    assert "Stretching and massage during a cramp: ticked 5 times" in words
    assert "not evidence" in words
    assert tab.charts.legs.accessibleDescription().startswith("Which leg.")
    # Restart: everything is still there.
    components.window.close()
    again = open_diary(make())
    assert again.model.rowCount() == 5


def test_only_when_is_needed(make) -> None:
    tab = open_diary(make())
    tab.log_cramp()
    tab.form.save_button.click()
    assert tab.store.count() == 1
    [entry] = tab.store.entries()
    assert (entry.leg, entry.duration_s, entry.severity) == ("", None, None)


def test_last_night_sets_a_night_time(make) -> None:
    tab = open_diary(make())
    tab.log_cramp()
    tab.form.last_night_button.click()
    when = tab.form.when()
    assert when.hour == 3 and when.utcoffset() is not None


def test_change_and_delete_an_entry(make, monkeypatch) -> None:
    tab = open_diary(make())
    log(tab, leg="left", note="first")
    tab.edit_button.click()
    assert tab.pages.currentWidget() is tab.form
    assert tab.form.note.toPlainText() == "first"
    tab.form.leg.buttons["right"].click()
    tab.form.save_button.click()
    [entry] = tab.store.entries()
    assert entry.leg == "right" and entry.note == "first"
    asked = []
    monkeypatch.setattr(DiaryTab, "ask", classmethod(lambda cls, *a: asked.append(a) or False))
    tab.delete_button.click()
    assert asked and tab.store.count() == 1  # said no
    monkeypatch.setattr(DiaryTab, "ask", classmethod(lambda cls, *a: True))
    tab.delete_button.click()
    assert tab.store.count() == 0 and tab.model.rowCount() == 0


def test_a_long_cramp_or_swelling_shows_the_matching_help_level(make) -> None:
    components = make()
    tab = open_diary(components)
    tab.log_cramp()
    tab.form.minutes.setValue(12)
    assert tab.form.help_panel.isVisible() and tab.form.help_panel.level == "urgent"
    assert "10 minutes" in tab.form.help_panel.heading.text()
    tab.form.minutes.setValue(2)
    assert not tab.form.help_panel.isVisible()
    tab.form.note.setPlainText("my calf looks red")
    assert tab.form.help_panel.level == "see-doctor"
    tab.form.save_button.click()
    assert tab.help_panel.isVisible() and tab.help_panel.level == "see-doctor"
    tab.help_panel.button.click()
    window = components.window
    assert window.readers["overview"].current_section_id() == "when-to-get-help"


def test_a_disk_that_refuses_keeps_the_entry_on_screen(make) -> None:
    tab = open_diary(make())
    tab.log_cramp()
    tab.form.note.setPlainText("please keep me")
    tab.store.connection.execute("PRAGMA query_only = 1")  # as a read-only disk answers
    tab.form.save_button.click()
    assert tab.pages.currentWidget() is tab.form
    assert tab.form.error.isVisible() and "read-only" in tab.form.error.text()
    assert tab.form.note.toPlainText() == "please keep me"
    tab.store.connection.execute("PRAGMA query_only = 0")
    tab.form.save_button.click()
    assert tab.store.entries()[0].note == "please keep me"
    assert tab.pages.currentWidget() is tab.overview


def test_a_damaged_diary_is_set_aside_with_a_notice(make, tmp_path) -> None:
    path = tmp_path / "data" / "diary.sqlite3"
    path.parent.mkdir()
    path.write_bytes(b"rubbish" * 1000)
    tab = open_diary(make())
    assert tab.notice.isVisible() and "set aside" in tab.notice.text()
    assert (tmp_path / "data" / "diary.sqlite3.corrupt").read_bytes() == b"rubbish" * 1000
    assert tab.pages.currentWidget() is tab.overview


def test_a_diary_that_cannot_be_opened_says_why_and_can_try_again(make, tmp_path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the folder should be")
    tab = open_diary(make(diary=blocker / "diary.sqlite3"))
    assert tab.pages.currentIndex() == 0 and tab.problem.text()
    blocker.unlink()
    assert tab.log_cramp()
    assert tab.pages.currentWidget() is tab.form


def test_csv_export_and_import_through_the_tab(make, tmp_path, monkeypatch) -> None:
    tab = open_diary(make())
    log(tab, leg="left", note="ä ✓")
    log(tab, leg="right")
    out = tmp_path / "out.csv"
    monkeypatch.setattr(DiaryTab, "choose_save_file", classmethod(lambda cls, *a: str(out)))
    tab.export_button.click()
    assert "2 entries exported" in tab.notice.text()
    fresh = open_diary(make(diary=tmp_path / "fresh.sqlite3"))
    monkeypatch.setattr(DiaryTab, "choose_open_file", classmethod(lambda cls, *a: str(out)))
    fresh.import_button.click()
    assert "2 entries imported" in fresh.notice.text()
    assert {e.note for e in fresh.store.entries()} == {"ä ✓", ""}
    bad = tmp_path / "bad.csv"
    bad.write_text("when,leg\n2025-01-01T01:00:00+00:00,left\nlast tuesday,left\n",
                   encoding="utf-8")
    monkeypatch.setattr(DiaryTab, "choose_open_file", classmethod(lambda cls, *a: str(bad)))
    fresh.import_button.click()
    assert "Nothing was imported" in fresh.notice.text()
    assert "Line 3: when" in fresh.notice.text()
    assert fresh.store.count() == 2


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_for_my_doctor_pdf_holds_the_figures_as_real_text(make, tmp_path, monkeypatch) -> None:
    tab = open_diary(make())
    log(tab, leg="left", severity=8, minutes=4, helped=("stretch-and-massage",),
        note="after a long walk")
    log(tab, leg="left", severity=6, minutes=1)
    pdf = tmp_path / "doctor.pdf"
    monkeypatch.setattr(DiaryTab, "choose_save_file", classmethod(lambda cls, *a: str(pdf)))
    tab.pdf_button.click()
    assert "Summary saved" in tab.notice.text()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, timeout=60, check=True).stdout
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60,
                           check=True).stdout
    assert re.search(r"^Pages:\s+1$", pages, re.MULTILINE), pages
    flat = " ".join(text.split())
    assert "Cramp diary: summary for my doctor" in flat
    assert "2 cramps logged" in flat
    assert "Which leg: left leg 2" in flat
    assert "Stretching and massage during a cramp: once; median length 4 min" in flat
    assert "Longest cramps" in flat and "4 min" in flat
    assert "after a long walk" in flat


def test_log_a_cramp_from_the_treatments_tab(make) -> None:
    components = make()
    window = components.window
    window.show_tab("treatments")
    reader = window.readers["treatments"]
    [button] = [b for b in reader.findChildren(QPushButton)
                if b.text() == "Log a cramp in your diary"]
    assert button.isVisible()
    button.click()
    assert window.current_tab_id() == "diary"
    tab = components.extras["diary_tab"]
    assert tab.pages.currentWidget() is tab.form


def test_log_a_cramp_from_the_timer_done_screen_fills_in_the_length(make, qtbot) -> None:
    clock = FakeClock()
    components = make(clock=clock)
    window = components.window
    window.show_tab("timer")
    timer_tab = components.extras["timer_tab"]
    qtbot.waitUntil(lambda: timer_tab.isVisible())
    assert timer_tab.select_routine("until-eased")
    timer_tab.start()
    clock.advance(3 + 30)
    timer_tab.refresh()
    while timer_tab.is_running():
        clock.advance(95)
        timer_tab.refresh()
        timer_tab.next_step()
    [button] = [b for b in timer_tab.findChildren(QPushButton)
                if b.objectName() == "timer-log-cramp"]
    assert button.isVisible()
    button.click()
    tab = components.extras["diary_tab"]
    assert window.current_tab_id() == "diary" and tab.pages.currentWidget() is tab.form
    seconds = tab.form.minutes.value() * 60 + tab.form.seconds.value()
    assert seconds > 0 and "from the timer" in tab.form.from_timer.text()


def test_about_says_where_the_diary_lives_and_deletes_it_all(make, tmp_path, monkeypatch):
    path = tmp_path / "data" / "diary.sqlite3"
    components = make()
    tab = open_diary(components)
    log(tab, note="gone soon")
    window = components.window
    window.show_tab("about")
    text = window.about.toPlainText()
    assert "stays on this computer" in text and str(path) in text
    monkeypatch.setattr(DeleteDiaryData, "ask", classmethod(lambda cls, *a: False))
    window.about.link_requested.emit(DELETE_LINK)
    assert path.exists()
    monkeypatch.setattr(DeleteDiaryData, "ask", classmethod(lambda cls, *a: True))
    window.about.link_requested.emit(DELETE_LINK)
    assert not path.exists() and not list(path.parent.glob("diary.sqlite3*"))
    assert "deleted" in window.notice.label.text()
    window.show_tab("diary")
    assert "deleted" in tab.problem.text()
    assert not path.exists()  # no new diary until the person logs a cramp


def test_charts_follow_the_theme(make, qtbot) -> None:
    components = make()
    tab = open_diary(components)
    log(tab, leg="left")
    chart = tab.charts.legs
    components.extras["appearance"].set_theme("dark")
    # The dark theme's page reaches the chart.
    qtbot.waitUntil(lambda: chart.palette().color(QPalette.ColorRole.Base).lightness() < 60)
    image = chart.grab().toImage()
    palette = chart.palette()
    assert QColor(image.pixel(2, 2)) == palette.color(QPalette.ColorRole.Base)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    row = image.height() // 2
    assert any(QColor(image.pixel(x, row)) == highlight for x in range(image.width()))


def test_a_kiosk_has_no_diary_even_when_the_desktop_has_one(
    qtbot, tmp_path, private_home, monkeypatch
) -> None:
    path = tmp_path / "desktop" / "diary.sqlite3"
    store = DiaryStore.open(path)
    store.save(Entry(when=datetime(2025, 5, 1, 3, tzinfo=ZONE), note="private"))
    store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    before = {p.name: p.stat().st_mtime_ns for p in path.parent.iterdir()}
    monkeypatch.setenv("SPASMGUIDE_DIARY", str(path))
    opened = []
    real_open = DiaryStore.open
    monkeypatch.setattr(DiaryStore, "open",
                        classmethod(lambda cls, *a, **k: opened.append(a) or real_open(*a, **k)))
    ini = tmp_path / "kiosk.ini"
    ini.write_text("[kiosk]\nkiosk = true\n", encoding="utf-8")
    components = build(LaunchOptions(kiosk=True, config=ini, diary=path), clock=FakeClock())
    qtbot.addWidget(components.window)
    try:
        window = components.window
        window.show()
        qtbot.waitExposed(window)
        assert "diary" not in window.tab_ids()
        assert "diary_tab" not in components.extras and "log_cramp" not in components.extras
        for tab_id in window.tab_ids():
            window.show_tab(tab_id)
            QApplication.processEvents()
        texts = [b.text() for b in window.findChildren(QPushButton) if b.isVisibleTo(window)]
        assert not any("Log" in t and "cramp" in t for t in texts), texts
        assert "diary" not in window.about.toPlainText().lower()
        timer_tab = components.extras.get("timer_tab")
        assert timer_tab is None or not timer_tab.findChild(QPushButton, "timer-log-cramp")\
            .isVisibleTo(timer_tab)
        assert opened == []
        after = {p.name: p.stat().st_mtime_ns for p in path.parent.iterdir()}
        assert after == before
        assert not list(private_home.rglob("*.sqlite3*"))
    finally:
        controller = components.extras.get("kiosk")
        if controller is not None:
            controller.uninstall()
            controller.admin_quit_requested = True
