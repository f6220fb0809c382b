"""Kiosk screens at the sizes clinic screens have: results rows, the staff corner, the PIN pad,
the on-screen keypad, and the About page and disclaimer at 800x600."""

from __future__ import annotations

import itertools
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QStyleOptionViewItem,
    QTabBar,
    QTextEdit,
    QWidget,
)

from spasmguide.app import build
from spasmguide.cli import LaunchOptions
from spasmguide.core.kiosk import KioskConfig, hash_pin
from tests.fakes import FakeClock
from tests.ui.started import show_settled

SIZES = [(800, 600), (1024, 600), (1280, 720), (1920, 1080)]
FAST_HASH = {"n": 2**4, "r": 1, "p": 1}


@pytest.fixture
def kiosk_at(qtbot, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    made = []

    def _make(width: int, height: int, scale: int = 100):
        clock = FakeClock()
        config = KioskConfig(kiosk=True, admin_pin_hash=hash_pin("2580", **FAST_HASH))
        components = build(
            LaunchOptions(settings=tmp_path / "settings.ini"), clock=clock,
            kiosk=(config, []),
        )
        window = components.window
        qtbot.addWidget(window)
        controller = components.extras["kiosk"]
        made.append(controller)
        show_settled(qtbot, window)
        window.resize(width, height)
        qtbot.waitUntil(lambda: window.size().width() == width and window.height() == height)
        if scale != 100:
            components.extras["appearance"].set_text_scale(scale)
        QApplication.processEvents()
        return SimpleNamespace(
            components=components, window=window, controller=controller, clock=clock,
            box=components.extras["search_box"],
        )

    yield _make
    for controller in made:
        controller.uninstall()
        controller.admin_quit_requested = True


def _global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def _visible_rect(widget: QWidget) -> QRect:
    """The part of ``widget`` on screen (a scroll area clips its content), in global pixels."""
    rect = widget.visibleRegion().boundingRect()
    return QRect(widget.mapToGlobal(rect.topLeft()), rect.size())


def _settle() -> None:
    for _ in range(4):
        QApplication.processEvents()


def _search(k, text: str):
    k.box.setText(text)
    _settle()
    return k.components.extras["search_results"]


@pytest.mark.parametrize(("width", "height"), [(800, 600), (1024, 600), (1280, 720)])
@pytest.mark.parametrize("scale", [100, 200])
def test_result_rows_draw_two_snippet_lines_that_never_overlap(
    kiosk_at, width: int, height: int, scale: int
) -> None:
    k = kiosk_at(width, height, scale)
    results = _search(k, "cramp")
    view = results.list
    delegate = view.itemDelegate()
    rows = results.model.rowCount()
    assert rows >= 3
    previous_row = None
    for row in range(rows):
        index = results.model.index(row, 0)
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.font = view.font()
        option.rect = view.visualRect(index)
        rects = delegate.row_layout(option, index)
        _title, *lines = rects
        # The snippets are long: both lines are drawn, one under the other.
        assert len(lines) == delegate.SNIPPET_LINES, (row, rects)
        for upper, lower in itertools.pairwise(rects):
            assert upper.bottom() <= lower.top() + 0.01, (row, upper, lower)
        for rect in rects:
            assert option.rect.toRectF().contains(rect), (row, option.rect, rect)
        if previous_row is not None:
            assert not previous_row.intersects(option.rect)
        previous_row = QRect(option.rect)


def _visitor_controls(window: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QLineEdit, QComboBox, QTabBar, QAbstractItemView, QTextEdit)
    found = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not window:
            continue
        focusable = widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        if isinstance(widget, kinds) or focusable:
            found.append(widget)
    return found


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_no_visible_control_overlaps_the_staff_corner(kiosk_at, width: int, height: int) -> None:
    k = kiosk_at(width, height)
    corner = k.controller.staff_corner
    assert corner.isVisible()
    corner_rect = _global_rect(corner)
    assert _global_rect(k.window).contains(corner_rect)
    for page in ("start", "overview", "timer", "about"):
        k.window.show_tab(page)
        _settle()
        for widget in _visitor_controls(k.window):
            assert not _visible_rect(widget).intersects(corner_rect), widget.objectName()
    _search(k, "cramp")
    for widget in _visitor_controls(k.window):
        assert not _visible_rect(widget).intersects(corner_rect), widget.objectName()


def test_tapping_visible_controls_never_opens_the_pin_pad(kiosk_at, qtbot) -> None:
    k = kiosk_at(1024, 600)
    pad = k.controller.pin_pad
    help_button = k.window.help_button
    for _ in range(6):
        qtbot.mouseClick(help_button, Qt.MouseButton.LeftButton, pos=QPoint(4, 4))
        k.clock.advance(0.3)
    for _ in range(6):
        qtbot.mouseClick(k.box, Qt.MouseButton.LeftButton, pos=QPoint(4, 4))
        k.clock.advance(0.3)
    _settle()
    assert not pad.isVisible()
    # The staff corner itself still works.
    for _ in range(5):
        qtbot.mouseClick(k.controller.staff_corner, Qt.MouseButton.LeftButton)
        k.clock.advance(0.3)
    qtbot.waitUntil(pad.isVisible)


@pytest.mark.parametrize(("width", "height"), [(800, 600), (1024, 600)])
def test_pin_pad_fits_the_screen(kiosk_at, width: int, height: int) -> None:
    k = kiosk_at(width, height)
    k.controller.open_pin_pad()
    pad = k.controller.pin_pad
    _settle()
    assert pad.isVisible()
    window_rect = _global_rect(k.window)
    for button in [*pad.digit_buttons, pad.ok_button, pad.delete_button, pad.cancel_button]:
        assert window_rect.contains(_global_rect(button)), button.text()
        assert button.height() >= 48 and button.width() >= 48


def test_keypad_open_at_1024x600_leaves_three_whole_results(kiosk_at) -> None:
    k = kiosk_at(1024, 600)
    results = _search(k, "cramp")
    k.controller.keypad.open()
    _settle()
    keypad_top = k.controller.keypad.mapToGlobal(QPoint(0, 0)).y()
    viewport = results.list.viewport()
    view_rect = _global_rect(viewport)
    whole = 0
    for row in range(results.model.rowCount()):
        rect = results.list.visualRect(results.model.index(row, 0))
        rect = QRect(viewport.mapToGlobal(rect.topLeft()), rect.size())
        if view_rect.contains(rect) and rect.bottom() < keypad_top:
            whole += 1
    assert whole >= 3
    # Hiding the keys gives the room back.
    k.controller.keypad.hide()
    _settle()
    assert k.window.statusBar().isVisible()
    assert k.window.toolbar.controls.isVisible()


def test_about_tab_and_disclaimer_are_whole_at_800x600(kiosk_at) -> None:
    k = kiosk_at(800, 600)
    k.window.show_tab("about")
    _settle()
    bar = k.window.tabs.tabBar()
    for index in range(bar.count()):
        assert bar.rect().contains(bar.tabRect(index)), bar.tabText(index)
    label = k.window.disclaimer_label
    assert label.height() >= label.heightForWidth(label.width())
    assert _global_rect(k.window).contains(_global_rect(label))


@pytest.mark.parametrize(("width", "height"), [(800, 600), (1024, 600)])
def test_tabs_never_hide_behind_scroll_arrows_at_200_percent(
    kiosk_at, qtbot, width: int, height: int
) -> None:
    from PySide6.QtWidgets import QToolButton

    from spasmguide.ui.tab_strip import tabs_fit

    k = kiosk_at(width, height, scale=200)
    _settle()
    window = k.window
    screen = _global_rect(window)
    bar = window.tabs.tabBar()
    if bar.isVisible():
        assert tabs_fit(window.tabs)
        assert not [b for b in bar.findChildren(QToolButton) if b.isVisible()]  # no arrows
        for index in range(bar.count()):
            rect = bar.tabRect(index)
            assert bar.rect().contains(rect), bar.tabText(index)
            assert screen.contains(QRect(bar.mapToGlobal(rect.topLeft()), rect.size()))
    else:
        strip = window.tab_strip
        assert strip is not None and strip.isVisible()
        for button in strip.buttons():
            assert button.isVisible() and screen.contains(_global_rect(button)), button.text()
    assert window.tab_ids()[0] == "start"
