"""How the parts meet in the window: the timer keeps going on other tabs, help is one step away."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from spasmguide.app import Components, build
from spasmguide.cli import LaunchOptions
from tests.fakes import FakeClock
from tests.ui.started import show_settled


@pytest.fixture
def app_parts(qtbot, tmp_path: Path) -> tuple[Components, FakeClock]:
    clock = FakeClock()
    components = build(LaunchOptions(settings=tmp_path / "s.ini"), clock=clock)
    qtbot.addWidget(components.window)
    show_settled(qtbot, components.window)  # started, the search ready, as a person finds it
    return components, clock


def test_timer_tab_sits_after_the_topics(app_parts) -> None:
    components, _ = app_parts
    assert components.window.tab_ids() == [
        "start",
        "overview",
        "treatments",
        "causes",
        "muscle-types",
        "timer",
        "diary",
        "about",
    ]


def test_timer_keeps_counting_on_another_tab_and_status_returns_to_it(app_parts, qtbot) -> None:
    components, clock = app_parts
    window = components.window
    timer_tab = components.extras["timer_tab"]
    window.show_tab("timer")
    timer_tab.start()
    clock.advance(10)
    timer_tab.refresh()
    window.show_tab("causes")
    assert window.status_button.isVisible()
    first = window.status_button.text()
    assert ":" in first
    clock.advance(5)
    timer_tab.refresh()
    assert window.status_button.text() != first
    qtbot.mouseClick(window.status_button, Qt.MouseButton.LeftButton)
    assert window.current_tab_id() == "timer"
    assert not window.status_button.isVisible()
    assert timer_tab.is_running()


def test_status_countdown_hidden_when_nothing_runs(app_parts) -> None:
    components, _ = app_parts
    window = components.window
    window.show_tab("causes")
    assert not window.status_button.isVisible()


def _routine_hit(components: Components, title: str):
    hits = components.extras["search_index"].query(title)
    return next(h for h in hits if h.tab_id == "timer" and h.section_title == title)


def _chosen_routine_id(components: Components) -> str:
    return components.extras["timer_tab"].timer.routine.id


def test_a_routine_found_by_search_opens_chosen_in_the_timer(app_parts) -> None:
    components, _ = app_parts
    window = components.window
    hit = _routine_hit(components, "Warm compress")
    assert _chosen_routine_id(components) != hit.section_id
    components.extras["search_controller"].hit_activated.emit(hit)
    assert window.current_tab_id() == "timer"
    assert _chosen_routine_id(components) == hit.section_id


def test_a_routine_found_by_search_does_not_cut_short_the_one_running(app_parts) -> None:
    components, _ = app_parts
    window = components.window
    timer_tab = components.extras["timer_tab"]
    running = _chosen_routine_id(components)
    timer_tab.start()
    window.show_tab("causes")
    hit = _routine_hit(components, "Warm compress")
    assert hit.section_id != running
    components.extras["search_controller"].hit_activated.emit(hit)
    assert window.current_tab_id() == "timer"
    assert timer_tab.is_running()
    assert _chosen_routine_id(components) == running


def test_timer_tab_is_made_when_opened_before_the_first_paint(tmp_path: Path, qtbot) -> None:
    components = build(LaunchOptions(settings=tmp_path / "s.ini", tab="timer"), clock=FakeClock())
    qtbot.addWidget(components.window)
    assert components.extras.is_made("timer_tab")
    assert components.window.tabs.currentWidget().isAncestorOf(components.extras["timer_tab"])


def test_parts_wait_for_the_first_paint_then_are_made_search_first(
    tmp_path: Path, qtbot
) -> None:
    components = build(LaunchOptions(settings=tmp_path / "s.ini"), clock=FakeClock())
    window, extras = components.window, components.extras
    qtbot.addWidget(window)
    later = ("search_controller", "timer_tab", "checker_offer", "navigation")
    assert not any(extras.is_made(name) for name in later)
    made: list[str] = []
    for step in extras.after_first_frame:  # note the order in which the steps make parts
        step_names = [n for n in later if n not in made]
        extras.after_first_frame[extras.after_first_frame.index(step)] = (
            lambda s=step, names=step_names: (
                s(), made.extend(n for n in names if extras.is_made(n) and n not in made)
            )
        )
    with qtbot.waitSignal(window.settled, timeout=20_000):
        window.show()
    assert window.has_painted() and window.is_settled()
    assert all(extras.is_made(name) for name in later)
    # What a person may use at once comes first: the search, then the keyboard's Tab order.
    assert made[:2] == ["search_controller", "navigation"], made
    assert not extras["navigation"].order_pending


def test_settling_lets_other_events_through_between_steps(qtbot) -> None:
    from PySide6.QtCore import QTimer

    from spasmguide.app.parts import settle
    from spasmguide.core.content import bundled_pack_path, load_pack
    from spasmguide.ui.main_window import MainWindow

    window = MainWindow(load_pack(bundled_pack_path("en")))
    qtbot.addWidget(window)
    order: list[str] = []

    def first() -> None:
        order.append("first step")
        # What arrives while a step runs (a key press, say) is answered before the next one.
        QTimer.singleShot(0, lambda: order.append("event"))

    with qtbot.waitSignal(window.settled, timeout=20_000):
        settle(window, [first, lambda: order.append("second step")])
    assert order == ["first step", "event", "second step"]


def test_escape_in_an_empty_search_box_returns_to_reading(app_parts, qtbot) -> None:
    components, _ = app_parts
    window, box = components.window, components.extras["search_box"]
    window.show_tab("causes")
    box.setFocus()
    qtbot.keyClicks(box, "cramp")
    assert window.stack.currentWidget() is not window.tabs
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # clears the box
    assert box.text() == ""
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # back to the page
    assert window.stack.currentWidget() is window.tabs
    qtbot.waitUntil(lambda: window.readers["causes"].page.hasFocus())


def test_typing_before_the_search_is_ready_still_finds_results(qtbot, tmp_path: Path) -> None:
    # The index is made just after the first paint; a quick typist must not lose a keystroke.
    components = build(LaunchOptions(settings=tmp_path / "s.ini"), clock=FakeClock())
    qtbot.addWidget(components.window)
    assert not components.extras.is_made("search_controller")  # not part of the first frame
    box = components.extras["search_box"]
    qtbot.keyClicks(box, "potas")
    controller = components.extras["search_controller"]
    # One search for the keys typed in one go, once they are all in, not one per key.
    searched: list[str] = []
    controller.query_changed.connect(searched.append)
    assert controller.is_catching_up()
    qtbot.waitUntil(lambda: not controller.is_catching_up())
    assert searched == ["potas"]
    results = components.extras["search_results"]
    titles = [h.section_title for h in results.hits()]
    assert any("mineral" in t.lower() for t in titles), titles
    assert components.window.stack.currentWidget() is results
    qtbot.keyClicks(box, "s")  # typed once the search is ready: searched at once
    assert searched == ["potas", "potass"]


def test_enter_right_after_a_burst_of_keys_opens_the_burst_s_result(
    qtbot, tmp_path: Path
) -> None:
    components = build(LaunchOptions(settings=tmp_path / "s.ini"), clock=FakeClock())
    window = components.window
    qtbot.addWidget(window)
    box = components.extras["search_box"]
    qtbot.keyClicks(box, "potassium")
    opened: list[object] = []
    components.extras["search_controller"].hit_activated.connect(opened.append)
    qtbot.keyClick(box, Qt.Key.Key_Return)  # before the put-off search has run
    best = components.extras["search_index"].query("potassium")[0]
    assert [hit.section_id for hit in opened] == [best.section_id]
    assert window.stack.currentWidget() is window.tabs  # the page, not the results


def test_desktop_start_keeps_the_checked_pack_and_kiosk_does_not(qtbot, tmp_path: Path) -> None:
    from spasmguide.core import pack_cache

    cache = tmp_path / "cache"
    desktop = build(LaunchOptions(settings=tmp_path / "s.ini"), pack_cache=cache)
    qtbot.addWidget(desktop.window)
    cached = sorted(cache.glob("pack-*.bin"))
    assert len(cached) == 1
    assert pack_cache.load_pack_cached(desktop.pack.path, cache) == desktop.pack

    kiosk_cache = tmp_path / "kiosk-cache"
    kiosk = build(
        LaunchOptions(settings=tmp_path / "k.ini", kiosk=True, config=tmp_path / "none.ini"),
        pack_cache=kiosk_cache,
    )
    qtbot.addWidget(kiosk.window)
    kiosk.extras["kiosk"].uninstall()
    kiosk.extras["kiosk"].admin_quit_requested = True
    assert not kiosk_cache.exists()
    assert [w.title for w in kiosk.pack.tabs] == [t.title for t in desktop.pack.tabs]


def test_harmless_qt_messages_stay_out_of_the_terminal(caplog) -> None:
    import logging
    from types import SimpleNamespace

    from PySide6.QtCore import QtMsgType

    from spasmguide.app.start import _route_qt_messages

    context = SimpleNamespace(category="qt.multimedia.symbolsresolver")
    with caplog.at_level(logging.DEBUG, logger="qt"):
        _route_qt_messages(QtMsgType.QtWarningMsg, context, "Couldn't resolve pipewire-0.3 symbols")
        _route_qt_messages(
            QtMsgType.QtWarningMsg, SimpleNamespace(category=None),
            'Error loading text-to-speech plug-in "speechd"',
        )
        gui = SimpleNamespace(category="qt.gui")
        _route_qt_messages(QtMsgType.QtWarningMsg, gui, "Real trouble")
    levels = {record.getMessage(): record.levelno for record in caplog.records}
    assert levels["qt.multimedia.symbolsresolver: Couldn't resolve pipewire-0.3 symbols"] == (
        logging.DEBUG
    )
    assert levels['qt: Error loading text-to-speech plug-in "speechd"'] == logging.DEBUG
    # Anything else still reaches the terminal (its handler shows WARNING and above).
    assert levels["qt.gui: Real trouble"] == logging.WARNING
