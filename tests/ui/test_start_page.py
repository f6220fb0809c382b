"""The start page as a person meets it: its cards, where each one leads, and what is left out."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from spasmguide.app import Components, build
from spasmguide.app.home import CARD_TARGETS, TIMER_BUTTON, choose_targets, known_targets
from spasmguide.cli import LaunchOptions
from spasmguide.core.content import bundled_pack_path, load_pack
from spasmguide.core.content.loader import CHECKER_LINK
from spasmguide.core.kiosk import KioskConfig
from tests.fakes import FakeClock
from tests.ui.started import show_settled


@pytest.fixture
def make(qtbot, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    made: list[Components] = []

    def _make(**kwargs) -> Components:
        kwargs.setdefault("settings", tmp_path / "settings.ini")
        kiosk = kwargs.pop("kiosk_config", None)
        components = build(
            LaunchOptions(**kwargs), clock=FakeClock(),
            kiosk=(kiosk, []) if kiosk is not None else None,
        )
        made.append(components)
        qtbot.addWidget(components.window)
        components.window.resize(1280, 720)
        show_settled(qtbot, components.window)
        return components

    yield _make
    for components in made:
        controller = components.extras.get("kiosk") if "kiosk" in components.extras else None
        if controller is not None:
            controller.uninstall()
            controller.admin_quit_requested = True


def tiny_pack(folder: Path) -> Path:
    """A clinic's own small pack: one tab, a help section, no checker, no routines."""
    folder.mkdir()
    (folder / "pack.toml").write_text(
        'id = "tiny"\nlanguage = "en"\ntitle = "Tiny guide"\nversion = "0.1"\n'
        'help_section = "get-help"\ndisclaimer = "General information only."\n\n'
        '[[tabs]]\nid = "basics"\ntitle = "Basics"\nfile = "basics.md"\n\n'
        '[[sources]]\ntitle = "Leg Muscle Spasms"\nauthor = "Marlene Alphonse"\n'
        'used_for = "Facts about cramps."\n',
        encoding="utf-8",
    )
    (folder / "basics.md").write_text(
        "# Basics\n\n## What a cramp is {#what-a-cramp-is}\n\nA muscle that tightens.\n\n"
        "## Get help {#get-help}\n\nIf a cramp lasts longer than 10 minutes, get help.\n",
        encoding="utf-8",
    )
    return folder


def test_the_start_page_is_the_first_tab_and_the_first_view(make) -> None:
    window = make().window
    assert window.tab_ids()[0] == "start"
    assert window.tabs.tabText(0) == "Start"
    assert window.current_tab_id() == "start"


def test_every_card_is_a_large_named_button_keyboard_users_reach(make) -> None:
    page = make().extras["start_page"]
    titles = [card.title() for card in page.cards()]
    assert titles == [
        "I have a cramp now", "Is it serious?", "Why does it happen?", "What helps?",
        "Muscle types",
    ]
    for card in page.cards():
        assert isinstance(card, QPushButton) and card.isVisible()
        assert card.accessibleName() == card.title()
        assert card.accessibleDescription() == card.description() != ""
        assert card.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert card.height() >= 44 and card.width() >= 44
    timer = page.button(TIMER_BUTTON)
    assert timer is not None and timer.isVisible() and timer.height() >= 44
    assert timer.accessibleName() == timer.text() != ""


def test_the_cards_lead_where_they_say(make, qtbot) -> None:
    components = make()
    window, page = components.window, components.extras["start_page"]
    page.card("causes").click()
    assert window.current_tab_id() == "causes"
    window.show_tab("start")
    page.card("treatments").click()
    assert window.current_tab_id() == "treatments"
    window.show_tab("start")
    page.card("muscle-types").click()
    assert window.current_tab_id() == "muscle-types"
    window.show_tab("start")
    page.card("cramp-now").click()
    assert window.current_tab_id() == "overview"
    assert window.readers["overview"].current_section_id() == "what-to-do-right-now"
    window.show_tab("start")
    page.card("is-it-serious").click()  # the pack has the questions: they open
    assert window.stack.currentWidget() is components.extras["checker_page"]


def test_the_timer_is_one_tap_from_the_start_ready_to_time_a_cramp(make) -> None:
    components = make()
    window, page = components.window, components.extras["start_page"]
    page.button(TIMER_BUTTON).click()
    assert window.current_tab_id() == "timer"
    timer = components.extras["timer_tab"]
    assert timer.timer is not None and timer.timer.routine.id == "until-eased"


def test_space_on_a_focused_card_opens_it(make, qtbot) -> None:
    components = make()
    window, card = components.window, components.extras["start_page"].card("causes")
    window.activateWindow()
    card.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(card.hasFocus)
    qtbot.keyClick(card, Qt.Key.Key_Space)
    assert window.current_tab_id() == "causes"


def test_a_card_whose_place_the_pack_lacks_is_left_out(make, tmp_path: Path) -> None:
    components = make(content=tiny_pack(tmp_path / "tiny"))
    window, page = components.window, components.extras["start_page"]
    assert not window.notice.isVisible()  # the clinic's pack itself was shown
    assert [card.card_id for card in page.cards()] == ["is-it-serious"]
    assert page.button(TIMER_BUTTON) is None  # no routines: no timer button
    card = page.card("is-it-serious")
    assert "signs" in card.description()  # no questions in this pack: the help section
    card.click()
    assert window.readers["basics"].current_section_id() == "get-help"


def test_targets_are_chosen_first_choice_first_and_only_from_the_pack(pack) -> None:
    known = known_targets(pack)
    assert CHECKER_LINK in known and "@help" in known
    chosen = choose_targets(known)
    assert chosen == {
        "cramp-now": "what-to-do-right-now", "is-it-serious": CHECKER_LINK,
        "causes": "causes", "treatments": "treatments", "muscle-types": "muscle-types",
    }
    fewer = known - {"what-to-do-right-now", "muscle-types", "three-types-of-muscle"}
    assert choose_targets(fewer)["cramp-now"] == "stretch-and-massage"
    assert "muscle-types" not in choose_targets(fewer)
    assert choose_targets(set()) == {}
    assert set(CARD_TARGETS) == {card for card in choose_targets(known)}


def test_a_small_widget_can_sit_in_the_page_corner(make, qtbot, tmp_path: Path) -> None:
    # A clinic's own pack in one language: no language switch takes the corner.
    clinic = tmp_path / "clinic"
    shutil.copytree(bundled_pack_path(), clinic)
    page = make(content=clinic).extras["start_page"]
    assert not page.corner.isVisible()
    extra = QLabel("EN")
    page.add_corner_widget(extra)
    qtbot.waitUntil(extra.isVisible)
    heading = page.heading.mapTo(page, page.heading.rect().topLeft())
    corner = extra.mapTo(page, extra.rect().topLeft())
    assert corner.x() > heading.x() and abs(corner.y() - heading.y()) < extra.height() + 8


def test_the_kiosk_comes_back_to_the_start_page_after_every_reset(make) -> None:
    components = make(kiosk_config=KioskConfig(kiosk=True))
    window, controller = components.window, components.extras["kiosk"]
    assert window.current_tab_id() == "start"
    window.show_tab("causes")
    controller.reset_session()
    assert window.current_tab_id() == "start"
    window.show_tab("timer")
    controller.reset_session()
    assert window.current_tab_id() == "start"


@pytest.mark.parametrize(("width", "height"), [(800, 600), (1280, 720)])
def test_cards_keep_their_words_whole_at_200_percent(make, qtbot, width, height) -> None:
    components = make()
    components.window.resize(width, height)
    components.extras["appearance"].set_text_scale(200)
    page = components.extras["start_page"]
    qtbot.waitUntil(lambda: page.heading.font().pointSizeF() > 30)
    for _ in range(3):
        QApplication.processEvents()
    for card in page.cards():
        for label in (card.title_label, card.description_label):
            needed = label.heightForWidth(label.width())
            assert label.height() >= needed, (card.title(), label.text())
        assert card.width() <= page.width()


def test_the_start_page_holds_plain_widgets_only() -> None:
    """The page is in the first frame: no picture, no rich text document."""
    from spasmguide.ui.start_page import StartPage

    app = QApplication.instance()
    assert app is not None
    page = StartPage()
    page.add_card("causes", "Why does it happen?", "Common causes.")
    kinds = {type(widget).__name__ for widget in page.findChildren(QWidget)}
    assert not any("Text" in kind or "Svg" in kind for kind in kinds), kinds


def test_bundled_pack_has_every_card_target(pack) -> None:
    assert set(choose_targets(known_targets(load_pack(pack.path)))) == set(CARD_TARGETS)
