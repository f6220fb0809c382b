"""The window in Spanish: no English word of the program's own is left anywhere a person sees.

Every widget is walked in every state a visitor or a patient at home can reach (each tab, the
timer running, paused and done, search results and none, notices, the checker's questions and
result, the take-home dialog, the diary, and in the kiosk the attract screen, the idle warning,
the PIN pad, the keypad and the take-away code). Any visible text that is still one of the
English source strings of the translation file (with its %1 or {name} filled in any way) fails
the test, listed with where it was seen.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QTabBar,
    QTextBrowser,
    QWidget,
)

from spasmguide.app import Components, build
from spasmguide.app.start import install_crash_handler
from spasmguide.cli import LaunchOptions
from spasmguide.i18n import TRANSLATIONS_DIR
from spasmguide.ui.language import install_language
from tests.fakes import FakeClock
from tests.ui.started import show_settled

TS_FILE = TRANSLATIONS_DIR / "spasmguide_es.ts"
_PLACEHOLDER = re.compile(r"%\d|%n|\{[a-z_]+\}")
_TAGS = re.compile(r"<[^>]+>")


def english_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Each English source whose Spanish differs, as a pattern matching any filled-in form."""
    patterns = []
    for message in ET.parse(TS_FILE).getroot().iter("message"):
        source = message.findtext("source") or ""
        spanish = message.findtext("translation") or ""
        if not source.strip() or spanish == source:
            continue  # the same in both languages ("%1 min", " s")
        parts = _PLACEHOLDER.split(source)
        body = ".+".join(re.escape(part) for part in parts)
        patterns.append((source, re.compile(rf"(?:✓ )?{body}", re.DOTALL)))
    return patterns


PATTERNS = english_patterns()


def texts_of(widget: QWidget) -> list[tuple[str, str]]:
    """What a person (or a screen reader) gets from one widget: (what, text) pairs."""
    found = [("accessible name", widget.accessibleName()),
             ("accessible description", widget.accessibleDescription()),
             ("tooltip", widget.toolTip())]
    if widget.isWindow():
        found.append(("window title", widget.windowTitle()))
    if isinstance(widget, QLabel):
        found.append(("label", _TAGS.sub("", widget.text()).replace("&nbsp;", " ")))
    elif isinstance(widget, QAbstractButton):
        found.append(("button", widget.text().replace("&", "")))
    elif isinstance(widget, QLineEdit):
        found.append(("placeholder", widget.placeholderText()))
    elif isinstance(widget, QTabBar):
        found += [("tab", widget.tabText(i)) for i in range(widget.count())]
    elif isinstance(widget, QComboBox):
        found += [("choice", widget.itemText(i)) for i in range(widget.count())]
    elif isinstance(widget, QListWidget):
        found += [("list item", widget.item(i).text()) for i in range(widget.count())]
    elif isinstance(widget, QProgressBar):
        found.append(("progress", widget.text()))
    elif isinstance(widget, QTextBrowser) and widget.objectName() == "about":
        found += [("page line", line) for line in widget.toPlainText().splitlines()]
    return [(what, text.strip()) for what, text in found if text and text.strip()]


def english_left(root: QWidget, state: str) -> list[str]:
    """Every visible text under ``root`` still in English, as "state: what 'text' (class)"."""
    left = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        for what, text in texts_of(widget):
            for line in [text, *text.splitlines()]:
                english = next((s for s, p in PATTERNS if p.fullmatch(line.strip())), None)
                if english is not None:
                    left.append(f"{state}: {what} {line!r} = {english!r} "
                                f"({type(widget).__name__} {widget.objectName()!r})")
                    break
    return left


@pytest.fixture(autouse=True)
def english_again():
    """Translators are application-wide: every test ends in English, as the others expect."""
    yield
    install_language("en")


def shown(qtbot, components: Components, size: tuple[int, int] = (1280, 720)) -> Components:
    window = components.window
    qtbot.addWidget(window)
    window.resize(*size)
    show_settled(qtbot, window)
    return components


def test_the_pattern_list_is_the_translation_file() -> None:
    sources = [s for s, _ in PATTERNS]
    assert "When to get help" in sources and "Step %1 of %2: %3" in sources
    step = dict(PATTERNS)["Step %1 of %2: %3"]
    assert step.fullmatch("Step 2 of 4: Stretch") and not step.fullmatch("Paso 2 de 4: Estirar")


def test_the_walk_catches_an_english_label(qtbot, tmp_path: Path) -> None:
    """The check itself can fail: an English string put back on screen is found."""
    components = shown(qtbot, build(LaunchOptions(lang="es", settings=tmp_path / "s.ini")))
    window = components.window
    assert english_left(window, "start") == []
    window.help_button.setText("When to get help")
    assert english_left(window, "planted") == [
        "planted: button 'When to get help' = 'When to get help' (QPushButton 'help-button')"
    ]


def test_every_desktop_state_is_in_spanish(qtbot, tmp_path: Path, monkeypatch) -> None:
    clock = FakeClock()
    components = shown(qtbot, build(
        LaunchOptions(lang="es", settings=tmp_path / "s.ini"), clock=clock
    ))
    window, extras = components.window, components.extras
    left: list[str] = []

    def walk(state: str) -> None:
        QApplication.processEvents()
        left.extend(english_left(window, state))

    assert window.help_button.text() == "Cuándo buscar ayuda"
    for tab_id in window.tab_ids():
        window.show_tab(tab_id)
        walk(f"tab {tab_id}")

    # The timer: ready, counting, paused, the ten-minute advice, done.
    timer = extras["timer_tab"]
    window.show_tab("timer")
    for routine in timer.routines():
        timer.select_routine(routine.id)
        walk(f"timer ready {routine.id}")
    timer.select_routine(timer.routines()[0].id)
    timer.start()
    walk("timer lead-in")
    clock.advance(5)
    timer.refresh()
    walk("timer running")
    timer.pause()
    walk("timer paused")
    window.show_tab("overview")  # the countdown in the status bar
    walk("timer status paused")
    window.show_tab("timer")
    timer.resume()
    window.show_tab("overview")
    walk("timer status running")
    window.show_tab("timer")
    for _ in range(40):
        if not timer.is_running():
            break
        clock.advance(120)
        timer.refresh()
    assert not timer.is_running()
    walk("timer done")
    open_ended = next((r for r in timer.routines() if any(s.seconds is None for s in r.steps)),
                      None)
    if open_ended is not None:
        timer.select_routine(open_ended.id)
        timer.start()
        clock.advance(11 * 60)
        timer.refresh()
        walk("timer ten-minute advice")
        timer.stop()

    # Search: results, a typo, nothing at all, and the checker's offer.
    box = extras["search_box"]
    for query in ("calambre de noche", "calambr", "es grave", "zzqx wvvy"):
        box.setText(query)
        qtbot.waitUntil(lambda: window.stack.currentWidget() is extras["search_results"])
        walk(f"search {query!r}")
    box.setText("")

    # Notices: a bad pack and a crash inside a slot.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_crash_handler(window)
    try:
        raise RuntimeError("test")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    walk("crash notice")

    # "¿Es grave?": a question, then a result with a "not sure".
    extras["open_checker"]()
    page = extras["checker_page"]
    walk("checker question")
    qtbot.mouseClick(page.no_button, Qt.MouseButton.LeftButton)
    walk("checker second question")
    while not page.showing_result():
        qtbot.mouseClick(page.no_button, Qt.MouseButton.LeftButton)
    walk("checker all no")
    page.reset()
    page.start()
    qtbot.mouseClick(page.not_sure_button, Qt.MouseButton.LeftButton)
    walk("checker emergency")
    window.focus_page()

    # Save or print.
    dialog = extras["takehome_dialog"]
    dialog.refresh()
    dialog.open()
    qtbot.waitExposed(dialog)
    left.extend(english_left(dialog, "take-home dialog"))
    dialog.close()

    # The diary: empty, the form, one entry, the charts.
    window.show_tab("diary")
    diary = extras["diary_tab"]
    walk("diary empty")
    extras["log_cramp"](95)
    walk("diary form")
    form = diary.findChild(QWidget, "diary-form")
    save = next(b for b in form.findChildren(QAbstractButton) if b.text() == "Guardar")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    walk("diary one entry")

    assert left == [], "English left in the Spanish window:\n" + "\n".join(left)


def test_a_broken_pack_says_so_in_spanish(qtbot, tmp_path: Path) -> None:
    broken = tmp_path / "es"
    broken.mkdir()
    (broken / "pack.toml").write_text("title = \n", encoding="utf-8")
    components = shown(qtbot, build(
        LaunchOptions(lang="es", content=broken, settings=tmp_path / "s.ini")
    ))
    notice = components.window.notice
    assert notice.isVisible()
    assert notice.messages()[0].startswith("No se pudo abrir el contenido de")
    assert english_left(components.window, "broken pack") == []


@pytest.fixture
def kiosk(qtbot, tmp_path: Path):
    config = tmp_path / "kiosk.ini"
    config.write_text("[kiosk]\nkiosk = true\nlanguage = es\nprinter = desk\n",
                      encoding="utf-8")
    clock = FakeClock()
    components = shown(qtbot, build(LaunchOptions(kiosk=True, config=config), clock=clock))
    controller = components.extras["kiosk"]
    yield components, controller, clock
    controller.uninstall()
    controller.admin_quit_requested = True


def test_every_kiosk_state_is_in_spanish(qtbot, kiosk) -> None:
    components, controller, _clock = kiosk
    window, extras = components.window, components.extras
    left: list[str] = []

    def walk(state: str) -> None:
        QApplication.processEvents()
        left.extend(english_left(window, state))

    assert extras["language"].language == "es"
    walk("attract screen")
    controller.dismiss_attract()
    walk("kiosk start")
    controller._show_warning()
    for seconds in (30, 1):
        controller.warning.set_seconds_left(seconds)
        walk(f"idle warning {seconds}")
    controller.continue_session()
    controller.keypad.open()
    walk("keypad")
    assert "ñ" in controller.keypad.keys
    controller.keypad.hide()
    controller.open_pin_pad()
    walk("pin pad")
    for digit in "0000":
        controller.pin_pad.add_digit(digit)
    controller.pin_pad.pin_entered.emit("0000")
    walk("wrong pin")
    controller.pin_pad.set_locked(30)
    walk("pin locked out")
    controller.pin_pad.hide()
    qtbot.mouseClick(extras["takeaway_button"], Qt.MouseButton.LeftButton)
    walk("take-away code")
    extras["takeaway"].forget()
    extras["open_checker"]()
    walk("kiosk checker")
    assert left == [], "English left in the Spanish kiosk:\n" + "\n".join(left)
