"""Kiosk "Take this with you": the QR code shown decodes to the section's advice."""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from spasmguide.app import build
from spasmguide.cli import LaunchOptions
from spasmguide.core.kiosk import KioskConfig, load_kiosk_config
from spasmguide.ui.appearance import Appearance

# Every file the program might write goes under a temporary HOME (tests/ui/conftest.py).
pytestmark = pytest.mark.usefixtures("private_home")


@pytest.fixture
def kiosk(qtbot, qapp):
    made = []
    # A kiosk's appearance sets the whole application's font, palette and style: put them back.
    font, palette, style = qapp.font(), qapp.palette(), qapp.styleSheet()

    def _make(**config):
        cfg = KioskConfig(kiosk=True, idle_timeout_s=600, idle_warning_s=60, **config)
        components = build(LaunchOptions(kiosk=True), kiosk=(cfg, []))
        window = components.window
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        made.append(components)
        return components

    yield _make
    for components in made:
        controller = components.extras["kiosk"]
        controller.uninstall()
        controller.admin_quit_requested = True
    qapp.setStyleSheet(style)
    qapp.setPalette(palette)
    qapp.setFont(font)


def decode(image: QImage) -> list[str]:
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    found = zxingcpp.read_barcodes(gray)
    return [r.text for r in found if r.format == zxingcpp.BarcodeFormat.QRCode]


def test_code_on_screen_decodes_to_the_sections_advice(kiosk, qtbot) -> None:
    components = kiosk(emergency_number="999")
    window = components.window
    window.show_section("what-to-do-right-now")
    components.extras["takeaway_button"].click()
    overlay = components.extras["takeaway"]
    qtbot.waitUntil(overlay.isVisible)
    texts = decode(window.grab().toImage())  # the whole window, as the visitor sees it
    assert texts == [overlay.qr.text]
    text = texts[0]
    assert text.startswith("SpasmGuide: What to do right now")
    assert "1. Straighten your leg." in text
    assert "Call 999 now if:" in text
    assert components.pack.disclaimer in text
    assert "http" not in text
    assert overlay.qr.shortened and "This is a summary" in overlay.hint.text()
    assert overlay.code.version <= 20
    assert not overlay.print_button.isVisible()  # no printer configured: no printing


def test_code_stays_black_on_white_in_the_dark_theme(kiosk, qtbot) -> None:
    components = kiosk()
    appearance: Appearance = components.extras["appearance"]
    appearance.set_theme("dark")
    appearance.set_high_contrast(True)
    assert appearance.effective_theme() != "light"
    components.window.show_section("painkillers")
    components.extras["takeaway_button"].click()
    code = components.extras["takeaway"].code
    qtbot.waitUntil(code.isVisible)
    image = code.grab().toImage()
    assert image.pixelColor(2, 2).name() == "#ffffff"  # the quiet zone
    assert decode(image)


def test_idle_reset_closes_and_forgets_the_code(kiosk, qtbot) -> None:
    components = kiosk()
    components.window.show_section("painkillers")
    components.extras["takeaway_button"].click()
    overlay = components.extras["takeaway"]
    qtbot.waitUntil(overlay.isVisible)
    components.extras["kiosk"].reset_session()
    assert not overlay.isVisible()
    assert overlay.qr is None and overlay.code.modules() == 0
    assert decode(components.window.grab().toImage()) == []


def test_close_button_closes(kiosk, qtbot) -> None:
    components = kiosk()
    components.extras["takeaway_button"].click()
    overlay = components.extras["takeaway"]
    qtbot.waitUntil(overlay.isVisible)
    overlay.close_button.click()
    assert not overlay.isVisible()


def test_a_named_printer_shows_one_tap_print(kiosk, qtbot) -> None:
    components = kiosk(printer="Front_Desk")
    components.extras["takeaway_button"].click()
    overlay = components.extras["takeaway"]
    qtbot.waitUntil(overlay.isVisible)
    assert overlay.print_button.isVisible()
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    overlay.print_button.click()  # no such printer here: a calm message, never a dialog
    after = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    assert after == before
    assert "ask staff" in overlay.print_button.text()


def test_printer_key_in_the_config_file(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.ini"
    path.write_text("[kiosk]\nkiosk = true\nprinter = Front_Desk\n", encoding="utf-8")
    config, warnings = load_kiosk_config(path)
    assert config.printer == "Front_Desk" and warnings == []
    path.write_text("[kiosk]\nkiosk = true\nprinter = ; rm -rf\n", encoding="utf-8")
    config, warnings = load_kiosk_config(path)
    assert config.printer == ""
    assert any("printing stays off" in w for w in warnings)


def test_a_checker_result_goes_home_as_a_code_too(kiosk, qtbot) -> None:
    components = kiosk(emergency_number="999")
    window, extras = components.window, components.extras
    extras["open_checker"]()
    page = extras["checker_page"]
    qtbot.mouseClick(page.yes_button, Qt.MouseButton.LeftButton)  # chest pain: emergency
    qtbot.waitUntil(page.showing_result)
    assert page.take_away_button.isVisible()
    qtbot.mouseClick(page.take_away_button, Qt.MouseButton.LeftButton)
    overlay = extras["takeaway"]
    qtbot.waitUntil(overlay.isVisible)
    texts = decode(window.grab().toImage())
    assert texts == [overlay.qr.text]
    text = texts[0]
    assert text.startswith("SpasmGuide: Is it serious?")
    assert page.outcome is not None and page.outcome.title in text
    assert "999" in text
    assert page.said_phrases()[0] in text
    assert components.pack.disclaimer in text
    assert "http" not in text
    extras["kiosk"].reset_session()
    assert not overlay.isVisible() and overlay.qr is None


def test_the_desktop_checker_offers_no_code(qtbot, tmp_path: Path) -> None:
    components = build(LaunchOptions(settings=tmp_path / "s.ini"))
    qtbot.addWidget(components.window)
    components.window.show()
    components.extras["open_checker"]()
    page = components.extras["checker_page"]
    qtbot.mouseClick(page.yes_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.showing_result)
    assert not page.take_away_button.isVisible()
