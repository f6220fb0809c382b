"""The kiosk session: idle warning and reset, the attract screen, the staff exit.

:class:`KioskController` is attached to the application from outside the window by
:func:`install_kiosk` (called from the composition root). It owns the overlays (children of
the main window, never new windows), an idle policy from ``spasmguide.core.kiosk`` that
decides when to warn and when to reset, the PIN lock-out, and a :class:`Lockdown` filter
that keeps the window locked in.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QClipboard, QCursor, QGuiApplication, QMouseEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QSplitterHandle,
    QTextEdit,
    QWidget,
)
from shiboken6 import Shiboken

from spasmguide.core.errors import describe_exception
from spasmguide.core.kiosk import (
    IdlePolicy,
    IdleState,
    KioskConfig,
    LockoutStore,
    PinLockout,
    PinResult,
    TapCounter,
    kiosk_state_dir,
    sd_notify,
    watchdog_interval_s,
)
from spasmguide.ui.kiosk.keypad import Keypad
from spasmguide.ui.kiosk.lockdown import Lockdown, from_touchscreen, lock_window
from spasmguide.ui.kiosk.overlays import AttractOverlay, WarningOverlay
from spasmguide.ui.kiosk.pin_pad import PinPad, StaffCorner
from spasmguide.ui.kiosk.style import KIOSK_STYLE

log = logging.getLogger("spasmguide.ui.kiosk")

__all__ = ["KioskController", "install_kiosk"]

_PRESSES = frozenset({
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
    QEvent.Type.KeyPress,
})
_RELEASES = frozenset({
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.TouchEnd,
    QEvent.Type.TouchCancel,
    QEvent.Type.TabletRelease,
    QEvent.Type.KeyRelease,
})
_ACTIVITY = frozenset({
    *_PRESSES,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchUpdate,
})
_WATCHDOG_FALLBACK_S = 10.0


class KioskController(QObject):
    """Everything kiosk mode adds to one main window.

    Install with :func:`install_kiosk`. The controller watches every input event for idle
    tracking and owns the overlays, the idle policy, the staff exit and the :class:`Lockdown`
    filter (context menus, What's This, drag and drop, keys, stray windows).

    Signals:
        session_reset(): the session was wiped for the next person.
        warning_changed(bool): the "Still there?" warning appeared (True) or went (False).
        quit_requested(): the right staff PIN was entered.
    """

    session_reset = Signal()
    warning_changed = Signal(bool)
    quit_requested = Signal()

    POLL_MS = 250
    def __init__(
        self,
        window: QMainWindow,
        config: KioskConfig,
        *,
        clock: Callable[[], float] = time.monotonic,
        search_box: QLineEdit | None = None,
        reset_hooks: Sequence[Callable[[], None]] = (),
        is_busy: Callable[[], bool] = lambda: False,
        quit_app: Callable[[], None] | None = None,
        readers: Sequence[Any] = (),
        tab_ids: Callable[[], list[str]] | None = None,
        show_tab: Callable[[str], bool] | None = None,
        lockout_store: LockoutStore | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.config = config
        self.clock = clock
        self.admin_quit_requested = False
        self.reset_hooks = list(reset_hooks)
        self.search_box = search_box
        self._readers = list(readers)
        self._tab_ids = tab_ids
        self._show_tab = show_tab
        self._quit_app = quit_app or self._default_quit
        self.policy = IdlePolicy(
            config.idle_timeout_s, config.idle_warning_s,
            cap_s=config.timer_cap_s, clock=clock, is_busy=is_busy,
        )
        self.lockout = PinLockout(clock, store=lockout_store)
        self._log_store_warnings()
        self.taps = TapCounter(clock)
        self.warning = WarningOverlay(window)
        self.attract = AttractOverlay(window, clock)
        self.pin_pad = PinPad(window)
        self.keypad = Keypad(window, search_box) if search_box is not None else None
        if self.keypad is not None:
            self.keypad.shown_changed.connect(self._on_keypad_shown_changed)
        self.staff_corner = StaffCorner()
        self.warning.continue_requested.connect(self._on_warning_continue_requested)
        self.pin_pad.pin_entered.connect(self._on_pin_pad_pin_entered)
        self.pin_pad.cancelled.connect(self._on_pin_pad_cancelled)
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(self.POLL_MS)
        self._poll_timer.timeout.connect(self._on_poll_timer_timeout)
        self._watchdog_timer = QTimer(self)
        self._watchdog_timer.timeout.connect(self._on_watchdog_timer_timeout)
        self.lockdown = Lockdown(window, in_search_box=self._search_box_focused,
                                 on_denied_key=self._on_user_activity)
        self._splitter_sizes: dict[QSplitter, list[int]] = {}
        self._attract_pending = False
        self._eat_releases = False
        self._installed = False
        self._cursor_hidden = False
        self._previous_hook: Callable[..., Any] | None = None
        self.resets = 0

    # -- installing ---------------------------------------------------------------------------

    def install(self) -> None:
        """Lock the window down and start watching for idleness."""
        if self._installed:
            return
        self._installed = True
        window = self.window
        window.close_guard = lambda: self.admin_quit_requested  # type: ignore[attr-defined]
        window.setStyleSheet(window.styleSheet() + KIOSK_STYLE)
        # The staff gesture lives in its own blank corner of the status bar, at its right
        # end, where no visitor control is: taps on visible controls never count.
        status_bar = window.statusBar()
        status_bar.addPermanentWidget(self.staff_corner)
        status_bar.setMinimumHeight(self.staff_corner.height() + 8)  # the corner fits inside
        self.staff_corner.show()
        for widget in window.findChildren(QWidget):
            widget.setWhatsThis("")
        app = QApplication.instance()
        assert app is not None
        # The lock-down filter is installed last so it sees every event first.
        app.installEventFilter(self)
        self.lockdown.install()
        lock_window(window)
        if self.config.touch_only:
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
            self._cursor_hidden = True
        self.policy.restart()
        self._poll_timer.start()
        log.info("kiosk: on (%r)", self.config)

    def uninstall(self) -> None:
        """Undo :meth:`install` on the application (tests; the window stays locked)."""
        if not self._installed:
            return
        self._installed = False
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.lockdown.uninstall()
        if self._cursor_hidden:
            QGuiApplication.restoreOverrideCursor()
            self._cursor_hidden = False
        self._poll_timer.stop()
        self._watchdog_timer.stop()
        self.attract.drift.stop()
        self.restore_exception_hook()

    def install_exception_hook(self) -> None:
        """Log unhandled errors by type and place only, reset the session and keep running."""
        if self._previous_hook is None:
            self._previous_hook = sys.excepthook
            sys.excepthook = self.handle_exception

    def restore_exception_hook(self) -> None:
        """Put back the hook that was there before :meth:`install_exception_hook`."""
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
            self._previous_hook = None

    def handle_exception(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        """The kiosk's ``sys.excepthook``: the message is never logged (it may hold typed text)."""
        del value
        if issubclass(kind, KeyboardInterrupt):
            self.admin_quit_requested = True
            self._quit_app()
            return
        log.error("kiosk: unexpected error: %s; starting over", describe_exception(kind, tb))
        QTimer.singleShot(0, self, self._safe_reset)

    def start_service_notifications(self) -> bool:
        """Tell systemd we are ready and keep its watchdog fed (only under ``NOTIFY_SOCKET``)."""
        if not sd_notify("READY=1"):
            return False
        interval = watchdog_interval_s() or _WATCHDOG_FALLBACK_S
        self._watchdog_timer.start(max(1000, int(interval * 1000)))
        return True

    # -- the session -------------------------------------------------------------------------

    def poll(self) -> IdleState:
        """Ask the idle policy what to show, and show it (the timer calls this; so do tests)."""
        if self.pin_pad.isVisible():
            self.pin_pad.set_locked(self.lockout.seconds_left())
        if self.attract.isVisible():
            self.policy.restart()
            return IdleState.ACTIVE
        status = self.policy.poll()
        if status.state is IdleState.WARNING:
            self.warning.set_seconds_left(status.seconds_left)
            if not self.warning.isVisible():
                self._show_warning()
        elif status.state is IdleState.RESET:
            self.reset_session()
        elif self.warning.isVisible():
            self._hide_warning()
        return status.state

    def _show_warning(self) -> None:
        if self.keypad is not None:
            self.keypad.hide()
        self.warning.open()
        self.warning.continue_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.warning_changed.emit(True)

    def _hide_warning(self) -> None:
        self.warning.hide()
        self.warning_changed.emit(False)

    def continue_session(self) -> None:
        """The person is still there: a whole idle period again."""
        self.policy.continue_()
        if self.warning.isVisible():
            self._hide_warning()

    def reset_session(self) -> None:
        """Wipe everything the last person did and show the attract screen."""
        window = self.window
        self.warning.hide()
        self.pin_pad.clear()
        self.pin_pad.hide()
        if self.keypad is not None:
            self.keypad.hide()
        if self.search_box is not None:
            # setText, never clear(): clear() can be undone with Ctrl+Z.
            self.search_box.setText("")
        for hook in self.reset_hooks:
            try:
                hook()
            except Exception as exc:  # one broken part must not keep the last session on screen
                log.error("kiosk: a reset step failed: %s",
                          describe_exception(type(exc), exc.__traceback__))
        show_results = getattr(window, "show_results_page", None)
        if show_results is not None:
            show_results(False)
        self._clear_text_selections()
        self._restore_splitters()
        for reader in self._readers:
            reader.scroll_to_top()
        for area in window.findChildren(QAbstractScrollArea):
            area.verticalScrollBar().setValue(area.verticalScrollBar().minimum())
            area.horizontalScrollBar().setValue(area.horizontalScrollBar().minimum())
        self._show_start_tab()
        clipboard = QGuiApplication.clipboard()
        clipboard.clear(QClipboard.Mode.Clipboard)
        if clipboard.supportsSelection():
            clipboard.clear(QClipboard.Mode.Selection)
        focus = QApplication.focusWidget()
        if focus is not None and window.isAncestorOf(focus):
            focus.clearFocus()
        self.taps.clear()
        self.policy.restart()
        self.resets += 1
        self.attract.open()
        self._attract_pending = False
        self.session_reset.emit()

    def _clear_text_selections(self) -> None:
        """No page text stays selected (a selection shows what the last person read)."""
        window = self.window
        for edit in [*window.findChildren(QTextEdit), *window.findChildren(QPlainTextEdit)]:
            if edit.textCursor().hasSelection():
                edit.setTextCursor(QTextCursor(edit.document()))
        for label in window.findChildren(QLabel):
            if label.hasSelectedText():
                label.setSelection(0, 0)
                label.setText(label.text())

    def _remember_splitter(self, splitter: QSplitter | None) -> None:
        """Note a splitter's layout as a person takes hold of it, to put it back at reset."""
        if splitter is not None and splitter not in self._splitter_sizes:
            self._splitter_sizes[splitter] = splitter.sizes()

    def _restore_splitters(self) -> None:
        """Every splitter the last person moved goes back to where it was."""
        for splitter, sizes in self._splitter_sizes.items():
            with contextlib.suppress(RuntimeError):  # the splitter may be gone
                splitter.setSizes(sizes)
        self._splitter_sizes.clear()

    def _safe_reset(self) -> None:
        try:
            self.reset_session()
        except Exception as exc:
            log.error("kiosk: reset failed: %s", describe_exception(type(exc), exc.__traceback__))

    def _show_start_tab(self) -> None:
        if self._show_tab is None:
            return
        ids = self._tab_ids() if self._tab_ids is not None else []
        if not self._show_tab(self.config.start_tab) and ids:
            self._show_tab(ids[0])

    def dismiss_attract(self) -> None:
        """Leave the attract screen (the first touch does this)."""
        self.attract.hide()
        self._attract_pending = False
        self.policy.restart()

    # -- staff exit ----------------------------------------------------------------------------

    def open_pin_pad(self) -> None:
        """Show the staff PIN pad."""
        self.pin_pad.clear()
        self.pin_pad.message.setText(QCoreApplication.translate("PinPad", "Enter the staff PIN."))
        self.pin_pad.set_locked(self.lockout.seconds_left())
        self.pin_pad.open()
        self.pin_pad.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(str)
    def _on_pin_pad_pin_entered(self, digits: str) -> None:
        result = self.lockout.attempt(digits, self.config.admin_pin_hash)
        del digits
        if result is PinResult.ACCEPTED:
            log.info("kiosk: staff exit")
            self.admin_quit_requested = True
            self.pin_pad.hide()
            self.quit_requested.emit()
            self._quit_app()
            return
        self._log_store_warnings()
        if result is PinResult.REJECTED:
            log.warning("kiosk: wrong staff PIN (%d in a row)", self.lockout.failures)
            self.pin_pad.message.setText(
                QCoreApplication.translate("PinPad", "That PIN is not right.")
            )
        self.pin_pad.set_locked(self.lockout.seconds_left())

    @Slot()
    def _on_pin_pad_cancelled(self) -> None:
        self.pin_pad.hide()

    def _default_quit(self) -> None:
        self.window.close()
        QApplication.quit()

    # -- slots ---------------------------------------------------------------------------------

    @Slot()
    def _on_warning_continue_requested(self) -> None:
        self.continue_session()

    @Slot()
    def _on_poll_timer_timeout(self) -> None:
        self.poll()

    @Slot()
    def _on_watchdog_timer_timeout(self) -> None:
        sd_notify("WATCHDOG=1")

    # -- the event filter -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The Lockdown filter has already swallowed what a kiosk never allows.
        kind = event.type()
        user_input = event.spontaneous() and (kind in _ACTIVITY or kind in _RELEASES)
        if user_input and self._on_user_input(event):
            return True
        if watched is self.window:
            self._on_window_event(kind)
        elif kind in _PRESSES and isinstance(watched, QSplitterHandle):
            self._remember_splitter(watched.splitter())
        elif watched is self.search_box and self.keypad is not None:
            self._maybe_open_keypad(event)
        return False

    def _search_box_focused(self) -> bool:
        return self.search_box is not None and QApplication.focusWidget() is self.search_box

    @property
    def blocked_windows(self) -> int:
        """How many stray windows were closed."""
        return self.lockdown.blocked_windows

    def reassert_fullscreen(self) -> None:
        """Back to frameless full screen, whatever took the window out of it."""
        self.lockdown.reassert_fullscreen()

    def _on_user_input(self, event: QEvent) -> bool:
        """Track activity; eat the touch that dismisses the attract screen. True = swallowed."""
        kind = event.type()
        if self.attract.isVisible():
            if kind in _PRESSES:
                self._attract_pending = True
                return True
            if kind in _RELEASES and self._attract_pending:
                self.dismiss_attract()
                self._eat_releases = True
                return True
            return kind != QEvent.Type.MouseMove
        if kind in _RELEASES:
            return self._eat_releases
        if kind in _PRESSES:
            self._eat_releases = False
            if kind == QEvent.Type.MouseButtonPress:
                self._check_corner(event)
        if self.warning.isVisible():
            if kind == QEvent.Type.KeyPress:
                self.continue_session()
            return False
        self._on_user_activity(event)
        return False

    def _on_user_activity(self, _event: QEvent) -> None:
        if not self.warning.isVisible():
            self.policy.activity()

    def _check_corner(self, event: QEvent) -> None:
        if not isinstance(event, QMouseEvent) or self.pin_pad.isVisible():
            return
        point = self.window.mapFromGlobal(event.globalPosition().toPoint())
        # Only the blank corner itself counts: a control or overlay on top of it hides it.
        in_corner = self.window.childAt(point) is self.staff_corner
        if in_corner and self.taps.tap():
            QTimer.singleShot(0, self, self.open_pin_pad)

    def _on_window_event(self, kind: QEvent.Type) -> None:
        if kind == QEvent.Type.Resize:
            for cover in (self.warning, self.attract, self.pin_pad):
                if cover.isVisible():
                    cover.cover()
            if self.keypad is not None and self.keypad.isVisible():
                self.keypad.place()

    @Slot(bool)
    def _on_keypad_shown_changed(self, shown: bool) -> None:
        """Make room for the keypad so the results above it stay readable."""
        if not Shiboken.isValid(self.window):
            return  # the window is being destroyed and hides its children on the way
        typing_mode = getattr(self.window, "set_typing_mode", None)
        if typing_mode is not None and self.keypad is not None:
            typing_mode(shown, self.keypad.height() if shown else 0)

    def _maybe_open_keypad(self, event: QEvent) -> None:
        assert self.keypad is not None
        kind = event.type()
        touched = kind in (QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress) and (
            from_touchscreen(event) or self.config.touch_only
        )
        focused = kind == QEvent.Type.FocusIn and self.config.touch_only
        if (touched or focused) and not self.keypad.isVisible():
            self.keypad.open()

    def _log_store_warnings(self) -> None:
        store = self.lockout.store
        if store is not None:
            for warning in store.warnings:
                log.warning(warning)
            store.warnings.clear()


def install_kiosk(
    components: Any,
    config: KioskConfig,
    clock: Callable[[], float] = time.monotonic,
    *,
    reset_hooks: Sequence[Callable[[], None]] = (),
    is_busy: Callable[[], bool] = lambda: False,
    search_box: QLineEdit | None = None,
    quit_app: Callable[[], None] | None = None,
    lockout_store: LockoutStore | None = None,
) -> KioskController:
    """Turn the built window into a kiosk and return the controller that keeps it one.

    Args:
        components: What ``app.build`` made (``.window`` is a ``MainWindow``).
        config: The kiosk configuration.
        clock: Monotonic seconds (a fake clock in tests).
        reset_hooks: Called on every reset (search, timer, appearance resets).
        is_busy: True while a routine timer runs (holds the reset off up to the cap).
        search_box: The search field, for the keypad and the editing-keys allow-list; the
            first line edit in the window's toolbar when not given.
        quit_app: What the right staff PIN does (quits the application when not given).
        lockout_store: Where the count of wrong PINs survives a restart; a file in the
            kiosk's state folder (:func:`~spasmguide.core.kiosk.kiosk_state_dir`) when not
            given.
    """
    window = components.window
    if search_box is None:
        toolbar = getattr(window, "toolbar", window)
        boxes = toolbar.findChildren(QLineEdit)
        search_box = boxes[0] if boxes else None
    controller = KioskController(
        window, config, clock=clock, search_box=search_box, reset_hooks=reset_hooks,
        is_busy=is_busy, quit_app=quit_app,
        lockout_store=lockout_store or LockoutStore(kiosk_state_dir(config.state_dir)),
        readers=list(getattr(window, "readers", {}).values()),
        tab_ids=getattr(window, "tab_ids", None), show_tab=getattr(window, "show_tab", None),
    )
    controller.install()
    controller._show_start_tab()
    return controller
