"""Desktop "Save or print": what each choice holds, and the PDF it saves."""

from __future__ import annotations

import datetime
from pathlib import Path

import pypdf
from PySide6.QtCore import Qt

from spasmguide.app import build
from spasmguide.cli import LaunchOptions


def make(qtbot, tmp_path: Path):
    components = build(LaunchOptions(settings=tmp_path / "s.ini"))
    qtbot.addWidget(components.window)
    return components


def test_button_opens_a_dialog_made_on_first_use(qtbot, tmp_path: Path) -> None:
    components = make(qtbot, tmp_path)
    assert not components.extras.is_made("takehome_dialog")
    components.window.show_section("painkillers")
    components.extras["takehome_button"].click()
    dialog = components.extras["takehome_dialog"]
    assert dialog.isVisible()
    assert dialog.section_choice.isChecked()
    assert dialog.section_choice.text() == "This section: Painkillers for soreness afterwards"
    assert dialog.tab_choice.text() == "This tab: Treatments"
    assert dialog.summary().section_ids() == ["painkillers"]
    dialog.tab_choice.setChecked(True)
    assert dialog.summary().section_ids()[:2] == ["stretch-and-massage", "night-cramps"]
    dialog.reject()


def test_personal_summary_keeps_the_safety_sections_ticked(qtbot, tmp_path: Path) -> None:
    components = make(qtbot, tmp_path)
    components.extras["takehome_button"].click()
    dialog = components.extras["takehome_dialog"]
    dialog.personal_choice.setChecked(True)
    assert dialog.checklist.isEnabled()
    items = {dialog.checklist.item(i).data(Qt.ItemDataRole.UserRole): dialog.checklist.item(i)
             for i in range(dialog.checklist.count())}
    for locked in ("what-to-do-right-now", "when-to-get-help"):
        assert items[locked].checkState() == Qt.CheckState.Checked
        assert not items[locked].flags() & Qt.ItemFlag.ItemIsUserCheckable
    items["pregnancy"].setCheckState(Qt.CheckState.Checked)
    assert dialog.summary().section_ids() == [
        "what-to-do-right-now", "when-to-get-help", "pregnancy",
    ]
    dialog._today = lambda: datetime.date(2027, 2, 3)
    target = tmp_path / "mine.pdf"
    assert dialog.save_to(target)
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(target).pages)
    assert "Cramps in pregnancy" in text and "February" in text and "2027" in text
    assert dialog.message.text() == f"Saved: {target}"
    assert not dialog.save_to(tmp_path / "missing" / "x.pdf")
    assert "could not be saved" in dialog.message.text()
    dialog.reject()


def test_kiosk_has_no_save_or_print(qtbot, qapp, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    # A kiosk's appearance sets the whole application's font, palette and style: put them back.
    font, palette, style = qapp.font(), qapp.palette(), qapp.styleSheet()
    components = build(LaunchOptions(kiosk=True, config=tmp_path / "none.ini"))
    qtbot.addWidget(components.window)
    try:
        assert "takehome_button" not in components.extras
        assert components.extras["takeaway_button"].text() == "Take this with you"
    finally:
        components.extras["kiosk"].uninstall()
        components.extras["kiosk"].admin_quit_requested = True
        qapp.setStyleSheet(style)
        qapp.setPalette(palette)
        qapp.setFont(font)
