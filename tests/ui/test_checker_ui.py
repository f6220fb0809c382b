"""The "Is it serious?" page as people meet it: by keyboard, by touch, from search, in a kiosk."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication

from spasmguide.app import Components, build
from spasmguide.cli import LaunchOptions
from spasmguide.core.kiosk import IdleState
from tests.fakes import FakeClock
from tests.ui.started import show_settled

pytestmark = pytest.mark.usefixtures("private_home")


def shown(qtbot, components: Components) -> Components:
    window = components.window
    qtbot.addWidget(window)
    show_settled(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return components


@pytest.fixture
def desktop(qtbot, tmp_path: Path) -> Components:
    return shown(qtbot, build(LaunchOptions(settings=tmp_path / "s.ini")))


@pytest.fixture
def kiosk(qtbot, tmp_path: Path):
    config = tmp_path / "kiosk.ini"
    config.write_text("[kiosk]\nkiosk = true\n", encoding="utf-8")
    clock = FakeClock()
    components = shown(qtbot, build(LaunchOptions(kiosk=True, config=config), clock=clock))
    controller = components.extras["kiosk"]
    controller.dismiss_attract()
    yield components, controller, clock
    controller.uninstall()
    controller.admin_quit_requested = True  # let qtbot close the window


def open_checker(qtbot, components: Components):
    qtbot.mouseClick(components.extras["checker_button"], Qt.MouseButton.LeftButton)
    page = components.extras["checker_page"]
    assert components.window.stack.currentWidget() is page
    return page


def press(qtbot, key: Qt.Key) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, key)


def test_the_button_sits_beside_when_to_get_help(desktop) -> None:
    button = desktop.extras["checker_button"]
    assert button.isVisible() and button.text() == "Is it serious?"
    help_button = desktop.window.help_button
    assert button.parentWidget() is help_button.parentWidget()
    assert button.geometry().left() > help_button.geometry().right()


def test_a_pack_without_checker_toml_has_no_button(qtbot, tmp_path: Path) -> None:
    import shutil

    from spasmguide.core.checker import CHECKER_FILE
    from spasmguide.core.content import bundled_pack_path
    from spasmguide.ui import checker_button

    assert checker_button.CHECKER_FILE == CHECKER_FILE
    pack = tmp_path / "pack"
    shutil.copytree(bundled_pack_path(), pack)
    (pack / CHECKER_FILE).unlink()
    overview = pack / "overview.md"  # and so no link to the questions either
    text = overview.read_text(encoding="utf-8")
    overview.write_text(text.replace("(#is-it-serious)", "(#when-to-get-help)"), encoding="utf-8")
    components = shown(qtbot, build(LaunchOptions(content=pack, settings=tmp_path / "s.ini")))
    assert "checker_button" not in components.extras
    assert components.window.help_button.isVisible()
    components.extras["search_box"].setText("is it serious")
    assert components.extras.get("checker_offer") is None


def test_keyboard_path_y_n_and_enter_on_the_focused_button(desktop, qtbot) -> None:
    page = open_checker(qtbot, desktop)
    qtbot.waitUntil(lambda: page.question_label.hasFocus())
    assert page.progress.text() == "Question 1 of 9"
    assert page.question_label.accessibleName().startswith("Question 1 of 9. ")
    for _ in range(4):  # No to the emergency questions
        press(qtbot, Qt.Key.Key_N)
    assert page.progress.text() == "Question 5 of 9"
    assert "swollen" in page.question_label.text()
    press(qtbot, Qt.Key.Key_Y)
    assert page.progress.text() == "Question 6 of 9"
    for button in (page.yes_button, page.no_button, page.not_sure_button):
        press(qtbot, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is button
    press(qtbot, Qt.Key.Key_Return)  # presses "Not sure", the focused button
    assert page.session.answers["long-cramp"] == "not-sure"
    assert page.progress.text() == "Question 7 of 9"
    qtbot.waitUntil(lambda: page.question_label.hasFocus())
    for _ in range(3):
        press(qtbot, Qt.Key.Key_N)
    assert page.showing_result()
    assert page.badge.text.text() == "Urgent: get help today"
    assert page.result_title.text() == "Get medical help today"
    assert page.said_phrases() == [
        "one leg swollen, warm, red or darker than usual",
        "a cramp lasting more than 10 minutes in total (you were not sure)",
    ]
    assert "You said:" in page.said_label.text()
    assert "not a diagnosis" in page.diagnosis_label.text()
    assert page.result_title.hasFocus()
    assert page.result_title.accessibleName().startswith("Urgent: get help today. Get medical")
    press(qtbot, Qt.Key.Key_Y)  # the result is not an answer screen: nothing changes
    assert page.showing_result() and page.outcome.level == "urgent"


def test_back_and_start_again(desktop, qtbot) -> None:
    page = open_checker(qtbot, desktop)
    qtbot.mouseClick(page.no_button, Qt.MouseButton.LeftButton)
    assert page.back_button.isVisible()
    qtbot.mouseClick(page.yes_button, Qt.MouseButton.LeftButton)  # cold leg: an emergency
    assert page.showing_result() and page.outcome.level == "emergency"
    qtbot.mouseClick(page.result_back_button, Qt.MouseButton.LeftButton)
    assert not page.showing_result() and page.progress.text() == "Question 2 of 9"
    qtbot.mouseClick(page.restart_button, Qt.MouseButton.LeftButton)
    assert page.progress.text() == "Question 1 of 9" and page.session.answers == {}
    assert not page.back_button.isVisible()


def test_self_care_opens_the_timer_with_its_routine(desktop, qtbot) -> None:
    page = open_checker(qtbot, desktop)
    while not page.showing_result():
        qtbot.mouseClick(page.no_button, Qt.MouseButton.LeftButton)
    assert page.badge.text.text() == "Self-care: look after it at home"
    assert page.said_label.text() == "You said No to every question."
    assert page.timer_button.isVisible()
    qtbot.mouseClick(page.timer_button, Qt.MouseButton.LeftButton)
    assert desktop.window.current_tab_id() == "timer"
    assert desktop.window.stack.currentWidget() is desktop.window.tabs
    assert desktop.extras["timer_tab"].timer.routine.id == "pillow-stretch-compress"


def test_result_links_to_when_to_get_help_and_close_goes_back(desktop, qtbot) -> None:
    window = desktop.window
    window.show_tab("causes")
    page = open_checker(qtbot, desktop)
    qtbot.mouseClick(page.yes_button, Qt.MouseButton.LeftButton)
    assert not page.timer_button.isVisible()
    qtbot.mouseClick(page.help_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.tabs
    assert window.readers["overview"].current_section_id() == "when-to-get-help"
    page = open_checker(qtbot, desktop)
    assert page.progress.text() == "Question 1 of 9"  # opening again starts again
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.tabs
    assert window.current_tab_id() == "overview"


@pytest.mark.parametrize(
    ("query", "offered"),
    [("is it serious", True), ("Do I need a doctor?", True), ("red swollen calf", True),
     ("potassium", False), ("stretch", False)],
)
def test_search_offers_the_checker_above_the_results(desktop, qtbot, query, offered) -> None:
    box = desktop.extras["search_box"]
    offer = desktop.extras["checker_offer"]
    results = desktop.extras["search_results"]
    box.setText(query)
    assert desktop.window.stack.currentWidget() is results
    assert offer.isVisible() is offered
    if offered:
        assert offer.geometry().bottom() < results.pages.geometry().top()  # above the hits
        qtbot.mouseClick(offer, Qt.MouseButton.LeftButton)
        assert desktop.window.stack.currentWidget() is desktop.extras["checker_page"]
        assert box.text() == ""


def test_touch_path_in_the_kiosk(kiosk, qtbot) -> None:
    components, _controller, _clock = kiosk
    page = open_checker(qtbot, components)
    for button in page.answer_buttons:
        assert button.height() >= 64 and button.width() >= 64
    assert not page.question_label.ring_shown  # a tap is not keyboard focus
    qtbot.mouseClick(page.no_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.not_sure_button, Qt.MouseButton.LeftButton)  # cold leg: not sure
    assert page.showing_result()
    assert page.badge.text.text() == "Emergency: call now"
    assert page.result_title.text() == "Call your local emergency number now"
    assert page.said_phrases() == [
        "a leg suddenly cold, pale or blue, with very bad pain (you were not sure)"
    ]


def test_idle_reset_clears_the_checker_mid_way(kiosk, qtbot) -> None:
    components, controller, clock = kiosk
    page = open_checker(qtbot, components)
    for _ in range(3):
        qtbot.mouseClick(page.no_button, Qt.MouseButton.LeftButton)
    assert page.progress.text() == "Question 4 of 9"
    clock.advance(controller.config.idle_timeout_s)
    assert controller.poll() is IdleState.WARNING
    clock.advance(controller.config.idle_warning_s)
    assert controller.poll() is IdleState.RESET
    assert page.session.answers == {}
    assert page.progress.text() == "Question 1 of 9" and not page.showing_result()
    assert components.window.stack.currentWidget() is components.window.tabs
    controller.dismiss_attract()
    page = open_checker(qtbot, components)
    assert page.progress.text() == "Question 1 of 9"


def test_idle_reset_clears_a_result(kiosk, qtbot) -> None:
    components, controller, clock = kiosk
    page = open_checker(qtbot, components)
    qtbot.mouseClick(page.yes_button, Qt.MouseButton.LeftButton)
    assert page.showing_result() and page.said_phrases()
    clock.advance(controller.config.idle_timeout_s)
    controller.poll()
    clock.advance(controller.config.idle_warning_s)
    assert controller.poll() is IdleState.RESET
    assert page.outcome is None and page.said_phrases() == []
    assert page.result_title.text() == "" and page.result_title.accessibleName() == ""


def test_when_to_get_help_links_to_the_questions(desktop, qtbot) -> None:
    window = desktop.window
    window.show_section("when-to-get-help")
    page_view = window.readers["overview"].page
    document = page_view.document()
    block = document.begin()
    anchors = []
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().isAnchor():
                anchors.append((fragment.text(), fragment.charFormat().anchorHref()))
            fragments += 1
        block = block.next()
    assert ("answer a few questions", "#is-it-serious") in anchors
    page_view.anchorClicked.emit(QUrl("#is-it-serious"))
    page = desktop.extras["checker_page"]
    assert window.stack.currentWidget() is page
    assert page.progress.text() == "Question 1 of 9"
