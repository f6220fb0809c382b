"""Kiosk mode as a stranger at a waiting-room screen meets it: locked in, private, self-resetting.

Every test drives the idle policy with a fake clock (``controller.poll()``), never by waiting.
"""

from __future__ import annotations

import configparser
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, QPointF, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import (
    QClipboard,
    QCloseEvent,
    QContextMenuEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QShortcut,
    QTextCursor,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QColorDialog,
    QComboBox,
    QDialog,
    QFileDialog,
    QFontDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabBar,
    QTextEdit,
    QWidget,
)

from spasmguide.app import build
from spasmguide.cli import LaunchOptions
from spasmguide.core.kiosk import IdleState, KioskConfig, hash_pin
from spasmguide.ui.kiosk import (
    LockUnavailableError,
    acquire_single_instance,
    install_kiosk,
    kiosk_lock_path,
)
from spasmguide.ui.main_window import MainWindow
from spasmguide.ui.reader import PageView
from tests.fakes import FakeClock
from tests.ui.started import show_settled

ROOT = Path(__file__).resolve().parents[2]
PIN = "2580"
FAST_HASH = {"n": 2**4, "r": 1, "p": 1}
SENTINEL = "zqxsentinelvarices"
TYPO_SENTINEL = "stretchinng"
"""A misspelt search: the results offer "Search instead for" it, in a button that hides later."""

ESCAPE_KEYS = [
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier, "Ctrl+Q"),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier, "Ctrl+W"),
    (Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier, "Ctrl+N"),
    (Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier, "Ctrl+O"),
    (Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier, "Ctrl+S"),
    (Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier, "Ctrl+P"),
    (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier, "F1"),
    (Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier, "Shift+F1"),
    (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier, "F11"),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier, "Alt+F4"),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier, None),
]


# Every file the program might write goes under a temporary HOME (tests/ui/conftest.py).
pytestmark = pytest.mark.usefixtures("private_home")


def _search_box(components) -> QLineEdit:
    box = components.extras.get("search_box")
    if box is None:
        box = QLineEdit()
        box.setObjectName("search-box")
        box.setAccessibleName("Search")
        components.window.set_search_widgets(box, QWidget())
    return box


@pytest.fixture
def kiosk(qtbot, private_home: Path):
    made = []

    def _make(wire=None, **config_kwargs):
        """Build a kiosk; ``wire(components) -> (hooks, is_busy)`` links it to the built parts.

        Wiring happens before the kiosk's poll timer exists, so a poll that fires early on a
        busy machine already sees the real hooks, never a half-made test.
        """
        clock = FakeClock()
        busy = config_kwargs.pop("is_busy", lambda: False)
        hooks = config_kwargs.pop("hooks", [])
        config_kwargs.setdefault("idle_timeout_s", 60)
        config_kwargs.setdefault("idle_warning_s", 20)
        config_kwargs.setdefault("timer_cap_s", 300)
        config_kwargs.setdefault("admin_pin_hash", hash_pin(PIN, **FAST_HASH))
        config = KioskConfig(kiosk=True, **config_kwargs)
        components = build(
            LaunchOptions(settings=private_home / ".config" / "settings.ini"), clock=clock
        )
        window = components.window
        qtbot.addWidget(window)
        if wire is not None:
            hooks, busy = wire(components)
        box = _search_box(components)
        quits: list[bool] = []
        controller = install_kiosk(
            components, config, clock, reset_hooks=hooks, is_busy=busy, search_box=box,
            quit_app=lambda: quits.append(True),
        )
        # As a visitor meets it: painted, with what is made just after the first paint made.
        show_settled(qtbot, window)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        made.append(controller)
        return SimpleNamespace(
            components=components, window=window, controller=controller, clock=clock,
            box=box, quits=quits, config=config,
        )

    yield _make
    for controller in made:
        controller.uninstall()
        controller.admin_quit_requested = True  # let qtbot close the window


def visible_top_levels() -> set[int]:
    return {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}


def to_reset(k) -> None:
    """Let the fake clock run out the idle time and the warning."""
    k.clock.advance(k.config.idle_timeout_s)
    assert k.controller.poll() is IdleState.WARNING
    k.clock.advance(k.config.idle_warning_s)
    assert k.controller.poll() is IdleState.RESET


# -- locked in -----------------------------------------------------------------------------------


def test_fullscreen_and_frameless_and_reasserted(kiosk, qtbot) -> None:
    k = kiosk()
    window = k.window
    assert window.isFullScreen()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    screen = window.screen().geometry()
    assert window.geometry() == screen
    window.showNormal()
    qtbot.waitUntil(window.isFullScreen)
    window.setWindowState(Qt.WindowState.WindowMinimized)
    qtbot.waitUntil(window.isFullScreen)


def test_close_is_refused(kiosk, qtbot) -> None:
    k = kiosk()
    assert k.window.close() is False
    event = QCloseEvent()
    QApplication.sendEvent(k.window, event)
    assert not event.isAccepted()
    assert k.window.isVisible()


def _trap_shortcuts(window: QWidget) -> list[str]:
    fired: list[str] = []
    for _key, _mod, text in ESCAPE_KEYS:
        if text:
            shortcut = QShortcut(QKeySequence(text), window)
            shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
            shortcut.activated.connect(lambda t=text: fired.append(t))
    return fired


def test_trap_shortcuts_fire_without_kiosk(qtbot, private_home: Path) -> None:
    """Proof that the escape-key test below can fail: the traps work on a desktop window."""
    components = build(LaunchOptions(settings=private_home / "s.ini"))
    window = components.window
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    fired = _trap_shortcuts(window)
    qtbot.keyClick(window.readers["causes"].section_list, Qt.Key.Key_Q,
                   Qt.KeyboardModifier.ControlModifier)
    assert fired == ["Ctrl+Q"]


def test_escape_keys_change_nothing_on_any_tab(kiosk, qtbot) -> None:
    k = kiosk()
    window = k.window
    fired = _trap_shortcuts(window)
    for tab_id in window.tab_ids():  # every tab once, so each has made its parts
        window.show_tab(tab_id)
    before_windows = visible_top_levels()
    widget_count = len(QApplication.allWidgets())
    for tab_id in window.tab_ids():
        window.show_tab(tab_id)
        page = window.tabs.currentWidget()
        target = page.focusProxy() or page
        focusable = [w for w in page.findChildren(QWidget)
                     if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisibleTo(window)]
        target = focusable[0] if focusable else target
        target.setFocus()
        for key, modifier, text in ESCAPE_KEYS:
            qtbot.keyClick(target, key, modifier)
            assert window.isVisible() and window.isFullScreen(), text
            assert window.current_tab_id() == tab_id, text
        for key, modifier, _text in ESCAPE_KEYS:
            qtbot.keyClick(k.box, key, modifier)
    QApplication.processEvents()
    assert fired == []
    assert visible_top_levels() == before_windows
    assert len(QApplication.allWidgets()) == widget_count
    assert QApplication.activePopupWidget() is None and QApplication.activeModalWidget() is None


class _Recorder(QObject):
    """Sits on one widget and notes which of the watched events reached it."""

    def __init__(self, kinds: set[QEvent.Type]) -> None:
        super().__init__()
        self.kinds = kinds
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.kinds:
            self.seen.append(f"{type(watched).__name__}:{event.type().name}")
            return True  # never let a real menu open in a test
        return False


def _send_context_menus(window: QWidget) -> _Recorder:
    recorder = _Recorder({QEvent.Type.ContextMenu})
    widgets = [window, *window.findChildren(QWidget)]
    for widget in widgets:
        widget.installEventFilter(recorder)
    for widget in widgets:
        centre = widget.rect().center()
        for reason in (QContextMenuEvent.Reason.Keyboard, QContextMenuEvent.Reason.Mouse):
            event = QContextMenuEvent(reason, centre, widget.mapToGlobal(centre))
            QApplication.sendEvent(widget, event)
    for widget in widgets:
        widget.removeEventFilter(recorder)
    return recorder


def test_context_menus_reach_widgets_without_kiosk(qtbot, private_home: Path) -> None:
    """Proof that the next test can fail: without kiosk mode the events get through."""
    components = build(LaunchOptions(settings=private_home / "s.ini"))
    qtbot.addWidget(components.window)
    assert len(_send_context_menus(components.window).seen) > 10


def test_no_context_menu_on_any_widget(kiosk) -> None:
    k = kiosk()
    k.controller.open_pin_pad()
    k.controller.keypad.open()
    recorder = _send_context_menus(k.window)
    assert recorder.seen == []
    assert QApplication.activePopupWidget() is None


def test_drops_are_rejected_everywhere(kiosk) -> None:
    k = kiosk()
    recorder = _Recorder({QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop})
    widgets = [k.window, *k.window.findChildren(QWidget)]
    assert any(w.acceptDrops() for w in widgets)  # Qt's default for line edits
    mime = QMimeData()
    mime.setText(SENTINEL)
    mime.setUrls([QUrl("file:///etc/passwd")])
    for widget in widgets:
        widget.installEventFilter(recorder)
        enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, enter)
        drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                          Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, drop)
        assert not enter.isAccepted() and not drop.isAccepted(), type(widget).__name__
        widget.removeEventFilter(recorder)
    assert recorder.seen == []
    assert SENTINEL not in k.box.text()


DIALOG_ENTRY_POINTS = {
    QFileDialog: ["getOpenFileName", "getOpenFileNames", "getSaveFileName",
                  "getExistingDirectory", "getOpenFileUrl", "getOpenFileUrls",
                  "getSaveFileUrl", "getExistingDirectoryUrl", "exec", "open"],
    QMessageBox: ["information", "warning", "critical", "question", "about", "aboutQt",
                  "exec", "open"],
    QInputDialog: ["getText", "getInt", "getDouble", "getItem", "getMultiLineText", "exec"],
    QColorDialog: ["getColor", "exec"],
    QFontDialog: ["getFont", "exec"],
    QDialog: ["exec", "open"],
    QMenu: ["exec", "popup"],
}


def test_dialog_trip_wires_never_fire(kiosk, qtbot, monkeypatch) -> None:
    tripped: list[str] = []
    patches = dict(DIALOG_ENTRY_POINTS)
    try:
        from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrintPreviewDialog

        patches[QPrintDialog] = ["exec", "open"]
        patches[QPageSetupDialog] = ["exec", "open"]
        patches[QPrintPreviewDialog] = ["exec", "open"]
    except ImportError:  # pragma: no cover - print support is optional in some builds
        pass
    for cls, names in patches.items():
        for name in names:
            def trip(*_args, _where=f"{cls.__name__}.{name}", **_kwargs):
                tripped.append(_where)
                return None
            monkeypatch.setattr(cls, name, trip)
    k = kiosk()
    window = k.window
    for tab_id in window.tab_ids():
        window.show_tab(tab_id)
        for button in window.findChildren(QAbstractButton):
            # The language switch replaces this whole window (test_language.py covers it).
            if button.objectName() == "language-switch":
                continue
            if button.isVisible() and button.isEnabled() and "read" not in (
                button.accessibleName().lower()
            ):
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        window.show_tab(tab_id)
        target = QApplication.focusWidget() or window
        for key, modifier, _text in ESCAPE_KEYS:
            qtbot.keyClick(target, key, modifier)
    timer_tab = k.components.extras.get("timer_tab")
    if timer_tab is not None:
        timer_tab.stop()
    assert tripped == []


def test_a_stray_window_is_closed(kiosk, qtbot) -> None:
    k = kiosk()
    dialog = QDialog()
    qtbot.addWidget(dialog)
    box = QMessageBox(QMessageBox.Icon.Information, "x", "y")
    qtbot.addWidget(box)
    stray = QWidget()
    qtbot.addWidget(stray)
    for widget in (dialog, box, stray):
        widget.show()
    qtbot.waitUntil(lambda: not (dialog.isVisible() or box.isVisible() or stray.isVisible()))
    assert k.controller.blocked_windows == 3
    assert k.window.isVisible()


class _UrlRecorder(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def _anchors(page: PageView) -> list[tuple[int, str]]:
    found = []
    block = page.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isAnchor() and fmt.anchorHref():
                found.append((fragment.position(), fmt.anchorHref()))
            it += 1
        block = block.next()
    return found


def _click_anchor(qtbot, page: PageView, position: int) -> None:
    cursor = QTextCursor(page.document())
    cursor.setPosition(position + 1)
    page.setTextCursor(cursor)
    page.ensureCursorVisible()
    rect = page.cursorRect(cursor)
    qtbot.mouseClick(page.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_links_stay_internal(kiosk, qtbot) -> None:
    k = kiosk()
    window = k.window
    recorder = _UrlRecorder()
    schemes = ("http", "https", "file", "mailto")
    for scheme in schemes:
        QDesktopServices.setUrlHandler(scheme, recorder, "handle")
    followed: list[str] = []
    try:
        pages = [(tab_id, reader.page) for tab_id, reader in window.readers.items()]
        pages.append(("about", window.about))
        total = 0
        for tab_id, page in pages:
            page.link_requested.connect(followed.append)
            window.show_tab(tab_id)
            for position, href in _anchors(page):
                total += 1
                page.anchorClicked.emit(QUrl(href))
                window.show_tab(tab_id)
                _click_anchor(qtbot, page, position)
                window.show_tab(tab_id)
            for url in ("https://example.com", "file:///etc/passwd", "mailto:a@b.c"):
                page.anchorClicked.emit(QUrl(url))
        assert total > 0
        assert len(followed) >= 2 * total - 2  # the real clicks did hit the links
        about = window.about
        window.show_tab("about")
        about.setHtml('<p><a href="https://example.com/x">web</a> <a href="file:///etc/passwd">'
                      'file</a> <a href="mailto:a@b.c">mail</a> <a href="http://x.y">old</a></p>')
        for position, _href in _anchors(about):
            _click_anchor(qtbot, about, position)
        QApplication.processEvents()
        assert recorder.urls == []
        assert "web" in about.toPlainText()
    finally:
        for scheme in schemes:
            QDesktopServices.unsetUrlHandler(scheme)


# -- private between patients --------------------------------------------------------------------


def test_idle_warning_then_reset(kiosk) -> None:
    k = kiosk()
    controller = k.controller
    k.window.show_tab("causes")
    k.clock.advance(59.5)
    assert controller.poll() is IdleState.ACTIVE and not controller.warning.isVisible()
    k.clock.advance(0.5)
    assert controller.poll() is IdleState.WARNING
    assert controller.warning.isVisible()
    assert not controller.warning.isWindow() and controller.warning.parentWidget() is k.window
    assert controller.warning.geometry() == k.window.rect()
    assert "20 seconds" in controller.warning.message.text()
    k.clock.advance(12.2)
    controller.poll()
    assert "8 seconds" in controller.warning.message.text()
    k.clock.advance(7.8)
    assert controller.poll() is IdleState.RESET
    assert not controller.warning.isVisible()
    assert controller.attract.isVisible() and controller.resets == 1
    assert k.window.current_tab_id() == "start"


def test_continue_extends_ten_times(kiosk, qtbot) -> None:
    k = kiosk()
    controller = k.controller
    for _ in range(10):
        k.clock.advance(60)
        assert controller.poll() is IdleState.WARNING
        k.clock.advance(19)
        assert controller.poll() is IdleState.WARNING
        qtbot.mouseClick(controller.warning.continue_button, Qt.MouseButton.LeftButton)
        assert not controller.warning.isVisible()
        assert controller.poll() is IdleState.ACTIVE
    assert controller.resets == 0


def test_programmatic_focus_is_not_activity_but_a_key_is(kiosk, qtbot) -> None:
    k = kiosk()
    k.clock.advance(59)
    k.box.setFocus()
    k.window.show_tab("causes")
    k.clock.advance(1)
    assert k.controller.poll() is IdleState.WARNING
    qtbot.keyClick(k.controller.warning.continue_button, Qt.Key.Key_Space)
    assert k.controller.poll() is IdleState.ACTIVE
    k.clock.advance(50)
    qtbot.mouseMove(k.window, QPoint(300, 300))
    qtbot.mouseMove(k.window, QPoint(310, 320))
    k.clock.advance(50)
    assert k.controller.poll() is IdleState.ACTIVE


def _all_text(window: QWidget) -> list[str]:
    """Every text a widget holds, shown or hidden: what a person or a screen reader could find."""
    texts: list[str] = []
    for widget in [window, *window.findChildren(QWidget)]:
        texts += [widget.toolTip(), widget.statusTip(), widget.whatsThis(),
                  widget.accessibleName(), widget.accessibleDescription(), widget.windowTitle()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.placeholderText()]
        if isinstance(widget, QTextEdit | QPlainTextEdit):
            texts.append(widget.toPlainText())
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
            texts += [widget.tabToolTip(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(model.rowCount()):
                index = model.index(row, 0)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                             Qt.ItemDataRole.AccessibleTextRole):
                    texts.append(str(model.data(index, role) or ""))
    return texts


def test_reset_wipes_everything_the_last_person_left(
    kiosk, qtbot, private_home: Path, caplog
) -> None:
    caplog.set_level(logging.DEBUG)
    timer_tab_calls: list[str] = []
    appearance_calls: list[str] = []
    k = kiosk(hooks=[lambda: timer_tab_calls.append("stop"),
                     lambda: appearance_calls.append("defaults")])
    window, box, controller = k.window, k.box, k.controller
    clipboard = QGuiApplication.clipboard()
    window.show_tab("treatments")
    reader = window.readers["treatments"]
    reader.page.verticalScrollBar().setValue(reader.page.verticalScrollBar().maximum())
    box.setFocus()
    qtbot.keyClicks(box, SENTINEL)
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(box, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == SENTINEL  # proof the copy went through
    if clipboard.supportsSelection():
        clipboard.setText(SENTINEL, QClipboard.Mode.Selection)
    # A misspelt search leaves its words in "Search instead for ...", which hides later.
    box.setText("")
    qtbot.keyClicks(box, TYPO_SENTINEL)
    results = k.components.extras["search_results"]
    assert TYPO_SENTINEL in results.instead_button.text()
    assert any(TYPO_SENTINEL in text for text in _all_text(window))  # proof the walk finds it
    # What was read: a selection on the page, and the list pulled wider.
    window.show_tab("treatments")
    page = reader.page
    cursor = page.textCursor()
    cursor.select(QTextCursor.SelectionType.Document)
    page.setTextCursor(cursor)
    splitter = reader.findChild(QSplitter)
    before = splitter.sizes()
    handle = splitter.handle(1)
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton)
    splitter.moveSplitter(before[0] + 150, 1)
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton)
    assert splitter.sizes() != before and page.textCursor().hasSelection()
    controller.keypad.open()

    to_reset(k)

    assert box.text() == ""
    assert not box.isUndoAvailable()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    box.undo()
    assert box.text() == ""
    assert clipboard.text(QClipboard.Mode.Clipboard) == ""
    if clipboard.supportsSelection():
        assert clipboard.text(QClipboard.Mode.Selection) == ""
    assert window.current_tab_id() == "start"
    assert all(r.page.verticalScrollBar().value() == 0 for r in window.readers.values())
    assert not controller.keypad.isVisible() and not controller.warning.isVisible()
    assert timer_tab_calls == ["stop"] and appearance_calls == ["defaults"]
    found = [t for t in _all_text(window) if SENTINEL in t or TYPO_SENTINEL in t]
    assert found == []
    assert not any(e.textCursor().hasSelection() for e in window.findChildren(QTextEdit))
    assert splitter.sizes() == before
    window.close()
    for path in private_home.rglob("*"):
        if path.is_file():
            assert SENTINEL.encode() not in path.read_bytes(), path
    assert SENTINEL not in caplog.text


def test_reset_stops_a_running_timer(kiosk) -> None:
    def wire(components):
        timer_tab = components.extras["timer_tab"]
        return [timer_tab.stop], timer_tab.is_running

    k = kiosk(wire=wire)
    timer_tab = k.components.extras["timer_tab"]
    timer_tab.start()
    assert timer_tab.is_running()
    k.clock.advance(299)
    k.controller.poll()
    assert not k.controller.warning.isVisible()  # held by the running timer
    k.clock.advance(1)
    assert k.controller.poll() is IdleState.WARNING
    k.clock.advance(20)
    assert k.controller.poll() is IdleState.RESET
    assert not timer_tab.is_running()


def test_timer_holds_reset_until_the_cap(kiosk) -> None:
    k = kiosk(is_busy=lambda: True, timer_cap_s=300)
    for _ in range(29):
        k.clock.advance(10)
        assert k.controller.poll() is IdleState.ACTIVE
    assert not k.controller.warning.isVisible()
    k.clock.advance(10)
    assert k.controller.poll() is IdleState.WARNING
    k.clock.advance(20)
    assert k.controller.poll() is IdleState.RESET


def test_a_thousand_resets_keep_the_widget_count(kiosk, qtbot) -> None:
    k = kiosk()
    controller = k.controller
    controller.reset_session()
    controller.dismiss_attract()
    QApplication.processEvents()
    before = len(QApplication.allWidgets())
    for i in range(1000):
        if i % 100 == 0:
            k.box.setText(f"cramp {i}")
            controller.keypad.open()
            controller.open_pin_pad()
        controller.reset_session()
        controller.dismiss_attract()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    assert len(QApplication.allWidgets()) == before
    assert controller.resets == 1001


def test_attract_screen_swallows_the_first_touch(kiosk, qtbot) -> None:
    k = kiosk()
    window = k.window
    clicks: list[bool] = []
    window.help_button.clicked.connect(lambda: clicks.append(True))
    window.show_tab("causes")
    to_reset(k)
    attract = k.controller.attract
    assert attract.isVisible() and not attract.isWindow()
    assert "Touch to start" in attract.accessibleName()
    first = attract.content.pos()
    k.clock.advance(40)
    attract.place()
    assert attract.content.pos() != first  # the words drift (no burn-in)
    centre = window.help_button.mapTo(window, window.help_button.rect().center())
    qtbot.mouseClick(window, Qt.MouseButton.LeftButton, pos=centre)
    assert not attract.isVisible()
    assert clicks == [] and window.current_tab_id() == "start"
    qtbot.mouseClick(window.help_button, Qt.MouseButton.LeftButton)
    assert clicks == [True]


def test_attract_screen_key_dismisses_without_typing(kiosk, qtbot) -> None:
    k = kiosk()
    to_reset(k)
    k.box.setFocus()
    qtbot.keyClick(k.box, Qt.Key.Key_X)
    assert not k.controller.attract.isVisible() and k.box.text() == ""
    qtbot.keyClick(k.box, Qt.Key.Key_X)
    assert k.box.text() == "x"


# -- touch ---------------------------------------------------------------------------------------


def _hit_rect(widget: QWidget):
    margin = 4 if isinstance(widget, QPushButton) else 0
    return widget.rect().adjusted(margin, margin, -margin, -margin)


def test_touch_targets_are_large_and_apart(kiosk, qtbot) -> None:
    k = kiosk()
    window = k.window
    k.controller.keypad.open()
    qtbot.wait(10)
    small = []
    buttons = [b for b in window.findChildren(QPushButton) if b.isVisibleTo(window)]
    assert len(buttons) > 20
    for button in buttons:
        rect = _hit_rect(button)
        if rect.width() < 48 or rect.height() < 48:
            small.append(f"{button.text()!r} {rect.width()}x{rect.height()}")
    for bar in window.findChildren(QTabBar):
        for i in range(bar.count()):
            if bar.tabRect(i).height() < 48:
                small.append(f"tab {bar.tabText(i)!r} {bar.tabRect(i).height()}")
    for tab_id in ("causes", "treatments"):
        window.show_tab(tab_id)
        qtbot.wait(10)
        view = window.readers[tab_id].section_list
        assert isinstance(view, QListWidget)
        for row in range(view.count()):
            rect = view.visualItemRect(view.item(row))
            if rect.height() < 48:
                small.append(f"row {view.item(row).text()!r} {rect.height()}")
    assert small == []
    keys = list(k.controller.keypad.keys.values())
    for first in keys:
        for second in keys:
            if first is second:
                continue
            a = _hit_rect(first).translated(first.mapTo(window, QPoint(0, 0)))
            b = _hit_rect(second).translated(second.mapTo(window, QPoint(0, 0)))
            gap = max(b.left() - a.right() - 1, a.left() - b.right() - 1,
                      b.top() - a.bottom() - 1, a.top() - b.bottom() - 1)
            assert gap >= 8, (first.text(), second.text(), gap)


def test_keypad_types_into_the_search_box(kiosk, qtbot) -> None:
    k = kiosk(touch_only=True)
    keypad = k.controller.keypad
    assert not keypad.isVisible()
    k.box.setFocus()
    qtbot.waitUntil(keypad.isVisible)
    assert not keypad.isWindow() and keypad.parentWidget() is k.window
    for letter in "leg":
        qtbot.mouseClick(keypad.keys[letter], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(keypad.keys["space"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(keypad.keys["c"], Qt.MouseButton.LeftButton)
    assert k.box.text() == "leg c"
    qtbot.mouseClick(keypad.keys["backspace"], Qt.MouseButton.LeftButton)
    assert k.box.text() == "leg "
    qtbot.mouseClick(keypad.keys["clear"], Qt.MouseButton.LeftButton)
    assert k.box.text() == ""
    assert QApplication.focusWidget() is k.box
    qtbot.mouseClick(keypad.keys["hide"], Qt.MouseButton.LeftButton)
    assert not keypad.isVisible()


# -- admin exit ----------------------------------------------------------------------------------


def _enter(qtbot, pad, digits: str) -> None:
    for digit in digits:
        button = next(b for b in pad.digit_buttons if b.text() == digit)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.ok_button, Qt.MouseButton.LeftButton)


def test_five_corner_taps_open_the_pin_pad_and_lockout_grows(kiosk, qtbot, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    k = kiosk()
    controller, pad = k.controller, k.controller.pin_pad
    corner = controller.staff_corner
    for _ in range(4):
        qtbot.mouseClick(corner, Qt.MouseButton.LeftButton)
        k.clock.advance(0.4)
    QApplication.processEvents()
    assert not pad.isVisible()
    qtbot.mouseClick(corner, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(pad.isVisible)
    assert not pad.isWindow()
    for _ in range(3):
        _enter(qtbot, pad, "1111")
    assert controller.lockout.locked() and not pad.ok_button.isEnabled()
    assert "Try again in 5 s" in pad.message.text()
    _enter(qtbot, pad, PIN)  # ignored while locked: the keys are off
    assert k.quits == [] and not controller.admin_quit_requested
    k.clock.advance(5)
    controller.poll()
    assert pad.ok_button.isEnabled()
    _enter(qtbot, pad, "9999")
    assert controller.lockout.seconds_left() == 10
    k.clock.advance(10)
    controller.poll()
    _enter(qtbot, pad, PIN)
    assert k.quits == [True] and controller.admin_quit_requested
    assert "1111" not in caplog.text and PIN not in caplog.text
    assert k.window.close() is True


def test_pin_pad_cancel_and_no_pin_configured(kiosk, qtbot) -> None:
    k = kiosk(admin_pin_hash="")
    k.controller.open_pin_pad()
    _enter(qtbot, k.controller.pin_pad, "0000")
    assert k.quits == []
    qtbot.mouseClick(k.controller.pin_pad.cancel_button, Qt.MouseButton.LeftButton)
    assert not k.controller.pin_pad.isVisible() and k.controller.pin_pad.digit_count() == 0


# -- staying up ----------------------------------------------------------------------------------


def test_unhandled_error_is_logged_without_text_and_the_session_resets(kiosk, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    k = kiosk()
    original = sys.excepthook
    k.controller.install_exception_hook()
    try:
        assert sys.excepthook == k.controller.handle_exception
        try:
            raise RuntimeError(f"search for {SENTINEL}")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
        QApplication.processEvents()
        assert k.controller.resets == 1
        assert "RuntimeError in test_unhandled_error" in caplog.text
        assert SENTINEL not in caplog.text
        assert k.window.isVisible()
    finally:
        k.controller.restore_exception_hook()
    assert sys.excepthook is original


def test_single_instance(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.lock"
    first = acquire_single_instance(path)
    assert first is not None
    assert acquire_single_instance(path) is None
    first.unlock()
    again = acquire_single_instance(path)
    assert again is not None
    again.unlock()


def test_single_instance_recovers_a_stale_lock(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.lock"
    code = (
        "import os, sys\n"
        "from PySide6.QtCore import QLockFile\n"
        "lock = QLockFile(sys.argv[1])\n"
        "assert lock.tryLock(0)\n"
        "os._exit(0)\n"  # dies holding the lock, like a crash
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, timeout=60)
    assert path.exists()
    lock = acquire_single_instance(path)
    assert lock is not None
    lock.unlock()


def test_systemd_unit_keys() -> None:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(ROOT / "packaging/linux/spasmguide-kiosk.service", encoding="utf-8")
    assert parser["Unit"]["StartLimitIntervalSec"] == "0"
    service = parser["Service"]
    assert service["Restart"] == "always"
    assert service["RestartSec"] == "2"
    assert service["User"] and service["User"] not in ("root", "0")
    assert "cage" in service["ExecStart"]
    assert parser["Install"]["WantedBy"]
    script = ROOT / "packaging/linux/spasmguide-kiosk.sh"
    assert os.access(script, os.X_OK)
    assert "--kiosk" in script.read_text()
    example = configparser.ConfigParser(interpolation=None)
    example.read(ROOT / "packaging/linux/kiosk.ini.example", encoding="utf-8")
    assert example["kiosk"]["kiosk"] == "true"



# -- wiring --------------------------------------------------------------------------------------


@pytest.fixture
def wired(qtbot, private_home: Path):
    made = []

    def _make(ini_text: str = "[kiosk]\nkiosk = true\n", **options):
        ini = private_home.parent / "etc-kiosk.ini"
        ini.write_text(ini_text, encoding="utf-8")
        options.setdefault("config", ini)
        clock = FakeClock()
        components = build(LaunchOptions(**options), clock=clock)
        qtbot.addWidget(components.window)
        controller = components.extras.get("kiosk")
        if controller is not None:
            made.append(controller)
        return components, clock

    yield _make
    for controller in made:
        controller.uninstall()
        controller.admin_quit_requested = True


def test_kiosk_is_wired_from_the_command_line(wired) -> None:
    components, _ = wired("[kiosk]\nidle_timeout = 300\n", kiosk=True, idle_timeout=5,
                          idle_warning=2, tab="causes")
    controller = components.extras["kiosk"]
    assert components.settings.read_only and components.options.kiosk
    assert controller.policy.timeout_s == 5 and controller.policy.warning_s == 2
    assert components.window.current_tab_id() == "causes"
    assert components.window.close_guard is not None and not components.window.close_guard()


def test_kiosk_is_wired_from_the_system_file_alone(wired) -> None:
    components, _ = wired("[kiosk]\nkiosk = true\nstart_tab = treatments\n")
    assert "kiosk" in components.extras and components.settings.read_only
    assert components.window.current_tab_id() == "treatments"


def test_config_ignores_a_user_level_override(wired, private_home: Path) -> None:
    user = private_home / ".config" / "SpasmGuide"
    user.mkdir(parents=True)
    (user / "settings.ini").write_text(
        "[kiosk]\nkiosk=false\nidle_timeout=9999\n[window]\nlast_tab=about\n", encoding="utf-8"
    )
    (user / "kiosk.ini").write_text("[kiosk]\nkiosk = false\n", encoding="utf-8")
    components, _ = wired("[kiosk]\nkiosk = true\nidle_timeout = 90\n",
                          settings=user / "settings.ini")
    controller = components.extras["kiosk"]
    assert controller.policy.timeout_s == 90
    assert components.window.current_tab_id() == "start"
    assert components.settings.read_only


def test_desktop_start_stays_a_desktop(wired) -> None:
    components, _ = wired("[kiosk]\nkiosk = false\n")
    assert "kiosk" not in components.extras and not components.settings.read_only


def test_wired_reset_leaves_nothing_under_home(wired, qtbot, private_home: Path, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    components, clock = wired(kiosk=True, idle_timeout=5, idle_warning=2)
    window, controller = components.window, components.extras["kiosk"]
    window.show()
    qtbot.waitExposed(window)
    box = controller.search_box
    appearance = components.extras["appearance"]
    timer_tab = components.extras["timer_tab"]
    assert box is not None
    box.setFocus()
    qtbot.keyClicks(box, SENTINEL)
    appearance.larger()
    appearance.set_high_contrast(True)
    timer_tab.select_routine(timer_tab.routines()[-1].id)
    timer_tab.start()
    clock.advance(1000)  # the timer cap (900 s) is over too
    assert controller.poll() is IdleState.WARNING
    clock.advance(2)
    assert controller.poll() is IdleState.RESET
    # What the next visitor sees: an empty box with no undo, default text and contrast,
    # no routine running and the first routine chosen again.
    assert box.text() == "" and not box.isUndoAvailable()
    assert appearance.text_scale() == appearance.default_scale
    assert appearance.theme() == appearance.default_theme
    assert not timer_tab.is_running()
    assert timer_tab.findChild(QComboBox).currentIndex() == 0
    window.close()
    for path in private_home.rglob("*"):
        if path.is_file():
            assert SENTINEL.encode() not in path.read_bytes(), path
    assert SENTINEL not in caplog.text


def test_a_second_kiosk_start_exits_with_a_message(
    private_home: Path, monkeypatch, capsys
) -> None:
    from spasmguide.app import start as app_module
    from spasmguide.ui.kiosk import kiosk_lock_path

    monkeypatch.setattr(app_module, "_configure_logging", lambda _kiosk: None)
    ini = private_home.parent / "k.ini"
    ini.write_text("[kiosk]\nkiosk = true\n", encoding="utf-8")
    held = acquire_single_instance(kiosk_lock_path())
    assert held is not None and str(kiosk_lock_path()).startswith(str(private_home))
    try:
        code = app_module.run_app(LaunchOptions(kiosk=True, config=ini,
                                                settings=private_home / "s.ini"))
    finally:
        held.unlock()
    assert code == 3
    assert "already running" in capsys.readouterr().err
    for widget in QApplication.topLevelWidgets():
        widget.hide()
        widget.deleteLater()


def test_kiosk_ignores_user_settings_and_hides_pack_paths(
    wired, private_home: Path, tmp_path: Path
) -> None:
    user_settings = tmp_path / "user.ini"
    user_settings.write_text("[view]\ntext_scale=250\ntheme=dark\n[window]\nlast_tab=causes\n")
    broken = tmp_path / "clinic-pack"
    broken.mkdir()
    components, _ = wired(kiosk=True, settings=user_settings, content=broken)
    assert components.extras["appearance"].text_scale() == 100
    assert components.window.current_tab_id() == "start"
    notice = components.window.notice.label.text()
    assert notice and str(broken) not in notice and "run.py" not in notice
    assert user_settings.read_text().startswith("[view]\ntext_scale=250")


# -- hardening -----------------------------------------------------------------------------------


class _FirstFrame(QObject):
    """Notes how the main window looks when it is first shown and first painted."""

    def __init__(self) -> None:
        super().__init__()
        self.window: MainWindow | None = None
        self.seen: dict[str, tuple[bool, bool, bool]] = {}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if isinstance(watched, MainWindow) and kind in (QEvent.Type.Show, QEvent.Type.Paint):
            self.window = watched
            if kind.name not in self.seen:
                screen = watched.screen().geometry()
                frameless = bool(watched.windowFlags() & Qt.WindowType.FramelessWindowHint)
                self.seen[kind.name] = (watched.geometry() == screen, watched.isFullScreen(),
                                        frameless)
        return False


def test_first_frame_is_locked_and_a_first_close_is_refused(qtbot, private_home: Path) -> None:
    from spasmguide import app as app_module

    ini = private_home.parent / "k.ini"
    ini.write_text("[kiosk]\nkiosk = true\n", encoding="utf-8")
    recorder = _FirstFrame()
    QApplication.instance().installEventFilter(recorder)
    closes: list[bool] = []

    def close_at_once() -> None:  # the first turn of the event loop, as a window manager might
        event = QCloseEvent()
        QApplication.sendEvent(recorder.window, event)
        closes.append(event.isAccepted())
        closes.append(recorder.window.close())

    QTimer.singleShot(0, close_at_once)
    launched = app_module.launch(LaunchOptions(kiosk=True, config=ini,
                                               settings=private_home / "s.ini"))
    assert not isinstance(launched, int)
    window = launched.components.window
    qtbot.addWidget(window)
    controller = launched.components.extras["kiosk"]
    try:
        qtbot.waitUntil(lambda: bool(closes) and "Paint" in recorder.seen)
        assert recorder.seen["Show"] == (True, True, True)  # full screen before the first frame
        assert recorder.seen["Paint"] == (True, True, True)
        assert closes == [False, False] and window.isVisible()
    finally:
        QApplication.instance().removeEventFilter(recorder)
        launched.release()
        controller.uninstall()
        controller.admin_quit_requested = True


@pytest.mark.parametrize(
    "problem",
    ["duplicate key", "duplicate section", "missing header", "not utf-8", "folder", "fifo"],
)
def test_a_broken_config_file_still_gives_a_locked_kiosk(wired, private_home: Path,
                                                         problem: str) -> None:
    stored = hash_pin(PIN, **FAST_HASH)
    good = f"[kiosk]\nkiosk = true\nadmin_pin_hash = {stored}\n".encode()
    path = private_home.parent / "broken.ini"
    contents = {
        "duplicate key": good + b"kiosk = false\n",
        "duplicate section": good + b"[kiosk]\nidle_timeout = 90\n",
        "missing header": good.replace(b"[kiosk]\n", b""),
        "not utf-8": good + b"start_tab = caf\xe9\n",
    }
    if problem == "folder":
        path.mkdir()
    elif problem == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("FIFOs are POSIX only")
        os.mkfifo(path)
    else:
        path.write_bytes(contents[problem])
    # No --kiosk: the file alone asks for it, and it has a problem.
    components, _ = wired(config=path)
    controller = components.extras.get("kiosk")
    assert controller is not None and components.settings.read_only
    assert components.window.close() is False
    if problem not in ("folder", "fifo"):
        assert controller.config.admin_pin_hash == stored  # staff can still get out


def test_the_system_file_alone_makes_a_kiosk_that_writes_nothing_home(
    qtbot, private_home: Path, monkeypatch, capsys
) -> None:
    from spasmguide.app import kiosk as kiosk_wiring
    from spasmguide.app import start as app_module

    system = private_home.parent / "etc-spasmguide-kiosk.ini"
    system.write_bytes(b"[kiosk]\nkiosk = false\nkiosk = false\n\xff\n")
    monkeypatch.setattr(kiosk_wiring, "SYSTEM_KIOSK_CONFIG", system)
    logging_kiosk: list[bool] = []
    monkeypatch.setattr(app_module, "_configure_logging", logging_kiosk.append)
    shown: list[MainWindow] = []
    real_launch = app_module.launch

    def launch(*args, **kwargs):
        launched = real_launch(*args, **kwargs)
        shown.append(launched.components.window)
        launched.components.extras["kiosk"].uninstall()
        launched.components.extras["kiosk"].admin_quit_requested = True
        return launched

    monkeypatch.setattr(app_module, "launch", launch)
    monkeypatch.setattr(QApplication, "exec", lambda *_args: 0)
    assert app_module.run_app(LaunchOptions()) == 0
    window = shown[0]
    qtbot.addWidget(window)
    assert logging_kiosk == [True]  # decided before anything could be logged to a file
    assert window.isFullScreen() and window.close_guard is not None
    window.close()
    assert [p for p in private_home.rglob("*") if p.is_file()] == []


def _read_only_folder(tmp_path: Path) -> Path:
    """A folder nobody can make a file in, as ``ProtectHome=read-only`` makes /run/user."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    probe = folder / "probe"
    try:
        probe.touch()
    except OSError:
        return folder
    probe.unlink()  # root ignores file modes: use a folder the kernel itself keeps read-only
    folder.chmod(0o700)
    proc = Path("/proc/self/fdinfo")
    try:
        (proc / "probe").touch()
    except OSError:
        return proc
    pytest.skip("no read-only folder to test with on this system")


def test_the_lock_tells_cannot_create_from_already_held(tmp_path: Path) -> None:
    with pytest.raises(LockUnavailableError):
        acquire_single_instance(_read_only_folder(tmp_path) / "kiosk.lock")
    as_folder = tmp_path / "kiosk.lock"
    as_folder.mkdir()
    with pytest.raises(LockUnavailableError):
        acquire_single_instance(as_folder)
    held = acquire_single_instance(tmp_path / "other.lock")
    assert held is not None
    try:
        assert acquire_single_instance(tmp_path / "other.lock") is None
    finally:
        held.unlock()


def test_the_lock_lives_where_the_unit_grants_it(private_home: Path, monkeypatch,
                                                 tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(_read_only_folder(tmp_path)))
    granted = tmp_path / "run-spasmguide-kiosk"
    granted.mkdir(mode=0o700)
    monkeypatch.setenv("RUNTIME_DIRECTORY", str(granted))
    assert kiosk_lock_path().parent == granted
    lock = acquire_single_instance(kiosk_lock_path())
    assert lock is not None
    lock.unlock()


def test_a_kiosk_that_cannot_make_its_lock_still_starts(
    qtbot, private_home: Path, monkeypatch, tmp_path: Path, capsys
) -> None:
    from spasmguide import app as app_module

    monkeypatch.setenv("RUNTIME_DIRECTORY", str(_read_only_folder(tmp_path)))
    ini = private_home.parent / "k.ini"
    ini.write_text("[kiosk]\nkiosk = true\n", encoding="utf-8")
    launched = app_module.launch(LaunchOptions(kiosk=True, config=ini,
                                               settings=private_home / "s.ini"))
    assert not isinstance(launched, int)  # not "already running" (exit 3) in a restart loop
    controller = launched.components.extras["kiosk"]
    qtbot.addWidget(launched.components.window)
    try:
        assert launched.components.window.isVisible()
        err = capsys.readouterr().err
        assert "cannot create its single-instance lock" in err and "already" not in err
    finally:
        controller.uninstall()
        controller.admin_quit_requested = True


def test_systemd_unit_grants_its_folders_and_verifies(tmp_path: Path) -> None:
    unit = ROOT / "packaging/linux/spasmguide-kiosk.service"
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(unit, encoding="utf-8")
    service = parser["Service"]
    assert service["ProtectHome"] == "read-only" and service["ProtectSystem"] == "strict"
    assert service["RuntimeDirectory"] == "spasmguide-kiosk"  # the lock: not under /run/user
    assert service["StateDirectory"] == "spasmguide-kiosk"  # the PIN lock-out count
    tool = shutil.which("systemd-analyze")
    if tool is None:
        pytest.skip("systemd-analyze is not installed (Debian package systemd; .ci/run "
                    "installs it when it can)")
    # cage is not installed here: point ExecStart at a stand-in so only our keys are judged.
    cage = tmp_path / "cage"
    cage.write_text("#!/bin/sh\n", encoding="utf-8")
    cage.chmod(0o755)
    copy = tmp_path / unit.name
    copy.write_text(unit.read_text(encoding="utf-8").replace("/usr/bin/cage", str(cage)),
                    encoding="utf-8")
    result = subprocess.run([tool, "verify", str(copy)], capture_output=True, text=True,
                            timeout=120, check=False)
    complaints = [line for line in (result.stdout + result.stderr).splitlines()
                  if unit.name in line]
    assert result.returncode == 0 and complaints == [], result.stdout + result.stderr


def test_altgr_characters_reach_the_search_box(kiosk, qtbot) -> None:
    k = kiosk()
    fired: list[str] = []
    trap = QShortcut(QKeySequence("Ctrl+Alt+Q"), k.window)
    trap.setContext(Qt.ShortcutContext.ApplicationShortcut)
    trap.activated.connect(lambda: fired.append("Ctrl+Alt+Q"))
    k.box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is k.box)
    altgr = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier  # on Windows
    for key, char in ((Qt.Key.Key_Q, "@"), (Qt.Key.Key_L, "ł"), (Qt.Key.Key_E, "€")):
        QTest.sendKeyEvent(QTest.KeyAction.Click, k.box, key, char, altgr)
    assert k.box.text() == "@ł€"
    # A real Ctrl+Q or Ctrl+Alt+Q types a control character: still a denied chord.
    QTest.sendKeyEvent(QTest.KeyAction.Click, k.box, Qt.Key.Key_Q, "\x11",
                       Qt.KeyboardModifier.ControlModifier)
    QTest.sendKeyEvent(QTest.KeyAction.Click, k.box, Qt.Key.Key_Q, "\x11", altgr)
    assert k.box.text() == "@ł€" and fired == []
    assert k.window.isVisible() and k.window.isFullScreen()


def test_a_paused_timer_does_not_hold_the_reset(wired) -> None:
    components, clock = wired(kiosk=True, idle_timeout=5, idle_warning=2)
    controller = components.extras["kiosk"]
    timer_tab = components.extras["timer_tab"]
    timer_tab.start()
    clock.advance(6)
    assert controller.poll() is IdleState.ACTIVE  # a routine counting down holds it
    timer_tab.pause()
    assert controller.poll() is IdleState.WARNING  # a paused one is left behind: no hold
    clock.advance(2)
    assert controller.poll() is IdleState.RESET
    assert not timer_tab.is_running()
