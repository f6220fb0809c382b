"""How the parts meet in the window: the timer keeps going on other tabs, help is one step away."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from spasmguide.app import Components, build
from spasmguide.cli import LaunchOptions
from tests.fakes import FakeClock


@pytest.fixture
def app_parts(qtbot, tmp_path: Path) -> tuple[Components, FakeClock]:
    clock = FakeClock()
    components = build(LaunchOptions(settings=tmp_path / "s.ini"), clock=clock)
    qtbot.addWidget(components.window)
    components.window.show()
    qtbot.waitExposed(components.window)
    return components, clock


def test_timer_tab_sits_after_the_topics(app_parts) -> None:
    components, _ = app_parts
    assert components.window.tab_ids() == [
        "overview",
        "muscle-types",
        "causes",
        "treatments",
        "timer",
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
