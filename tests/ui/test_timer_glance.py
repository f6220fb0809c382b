"""The timer read at a glance: the step, its countdown and Start/Pause are on screen, whole,
at every window size from 800x600 to 1920x1080, at 100 % and 200 % text, desktop and kiosk."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget

from spasmguide.app import build
from spasmguide.cli import LaunchOptions
from spasmguide.core.kiosk import KioskConfig
from tests.fakes import FakeClock

SIZES = [(800, 600), (1024, 600), (1280, 720), (1920, 1080)]


def _global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def _assert_whole(widget: QWidget, window: QWidget) -> None:
    """Shown, not clipped by anything, inside the window, and big enough for its text."""
    assert widget.isVisible(), widget.accessibleName()
    assert widget.visibleRegion().boundingRect() == widget.rect(), widget.accessibleName()
    assert _global_rect(window).contains(_global_rect(widget)), widget.accessibleName()
    metrics = widget.fontMetrics()
    text = widget.text()  # type: ignore[attr-defined]
    if isinstance(widget, QLabel) and widget.wordWrap():
        assert widget.heightForWidth(widget.width()) <= widget.height(), text
    else:
        assert metrics.height() <= widget.height(), (text, metrics.height(), widget.size())
        assert metrics.horizontalAdvance(text) <= widget.width(), (text, widget.size())
    for scroll in (p for p in _ancestors(widget) if isinstance(p, QScrollArea)):
        raise AssertionError(f"{widget.accessibleName()} is inside a scroll area {scroll}")


def _ancestors(widget: QWidget):
    parent = widget.parentWidget()
    while parent is not None:
        yield parent
        parent = parent.parentWidget()


@pytest.fixture
def timer_window(qtbot, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    made = []

    def _make(width: int, height: int, scale: int, kiosk: bool):
        clock = FakeClock()
        choice = (KioskConfig(kiosk=True), []) if kiosk else (None, [])
        components = build(
            LaunchOptions(settings=tmp_path / "s.ini"), clock=clock, kiosk=choice
        )
        window = components.window
        qtbot.addWidget(window)
        if kiosk:
            made.append(components.extras["kiosk"])
        window.show()
        qtbot.waitExposed(window)
        window.resize(width, height)
        qtbot.waitUntil(lambda: window.width() == width and window.height() == height)
        components.extras["appearance"].set_text_scale(scale)
        window.show_tab("timer")
        for _ in range(4):
            QApplication.processEvents()
        return components, clock

    yield _make
    for controller in made:
        controller.uninstall()
        controller.admin_quit_requested = True


@pytest.mark.parametrize("kiosk", [False, True], ids=["desktop", "kiosk"])
@pytest.mark.parametrize("scale", [100, 200])
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_step_countdown_and_start_pause_are_whole_on_screen(
    timer_window, qtbot, width: int, height: int, scale: int, kiosk: bool
) -> None:
    components, clock = timer_window(width, height, scale, kiosk)
    window, tab = components.window, components.extras["timer_tab"]
    for _ in range(3):
        QApplication.processEvents()
    _assert_whole(tab._countdown, window)
    _assert_whole(tab._phase, window)
    _assert_whole(tab._start_button, window)
    tab.start()
    clock.advance(5)  # past the 3-2-1 lead-in, into the first step
    tab.refresh()
    qtbot.waitUntil(lambda: tab._pause_button.isVisible())
    for _ in range(3):
        QApplication.processEvents()
    _assert_whole(tab._countdown, window)
    _assert_whole(tab._phase, window)
    _assert_whole(tab._pause_button, window)
    assert tab._phase.text() and tab._countdown.text()
