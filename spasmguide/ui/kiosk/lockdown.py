"""The hard part of kiosk mode inside the program: one window, locked in, default-deny keys.

:class:`Lockdown` is one application-wide event filter. It swallows context menus, "What's
This" and drag and drop in every widget, lets through only the guide's own keys (and any
key that types a character), refuses shortcuts that are not allowed, closes any other window
that appears, keeps the main window frameless and full screen, and sends every external link
to a sink. :func:`lock_window` puts the window in that state before it is first shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, QTimer, Slot
from PySide6.QtGui import (
    QDesktopServices,
    QGuiApplication,
    QInputDevice,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QShortcutEvent,
    QSinglePointEvent,
)
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QWidget

from spasmguide.core.kiosk import chord_allowed, types_text

log = logging.getLogger("spasmguide.ui.kiosk")

__all__ = [
    "EXTERNAL_SCHEMES",
    "Lockdown",
    "from_touchscreen",
    "key_chord",
    "lock_window",
    "modifier_names",
]

EXTERNAL_SCHEMES = ("http", "https", "file", "mailto", "ftp", "tel", "sms", "smb", "data")
"""URL schemes sent to a sink in kiosk mode, so nothing can reach the system browser."""

CONTEXT_AND_HELP = frozenset({
    QEvent.Type.ContextMenu,
    QEvent.Type.WhatsThis,
    QEvent.Type.QueryWhatsThis,
    QEvent.Type.EnterWhatsThisMode,
    QEvent.Type.WhatsThisClicked,
    QEvent.Type.DragEnter,
    QEvent.Type.DragMove,
    QEvent.Type.Drop,
})
KEYS = frozenset({QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease})
_MODIFIER_KEYS = frozenset({
    Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Alt, Qt.Key.Key_AltGr, Qt.Key.Key_Meta,
    Qt.Key.Key_Super_L, Qt.Key.Key_Super_R, Qt.Key.Key_Hyper_L, Qt.Key.Key_Hyper_R,
    Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock,
})
_CHORD_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
    | Qt.KeyboardModifier.ShiftModifier
)
_MODIFIER_NAMES = (
    (Qt.KeyboardModifier.ControlModifier, "Ctrl"),
    (Qt.KeyboardModifier.AltModifier, "Alt"),
    (Qt.KeyboardModifier.MetaModifier, "Meta"),
    (Qt.KeyboardModifier.ShiftModifier, "Shift"),
)


def key_chord(event: QKeyEvent) -> str:
    """A key event as Qt's portable text, such as ``"Ctrl+Shift+Tab"`` ("" for a modifier)."""
    key = event.key()
    if key in _MODIFIER_KEYS or key in (0, Qt.Key.Key_unknown):
        return ""
    combination = QKeyCombination(
        event.modifiers() & _CHORD_MODIFIERS, event.keyCombination().key()
    )
    return QKeySequence(combination).toString(QKeySequence.SequenceFormat.PortableText)


def modifier_names(event: QKeyEvent) -> set[str]:
    """The modifiers held during a key event, by name (``{"Ctrl", "Alt"}`` for AltGr on Windows)."""
    held = event.modifiers()
    return {name for flag, name in _MODIFIER_NAMES if held & flag}


def from_touchscreen(event: QEvent) -> bool:
    """True when a press came from a touch screen (directly or as a synthesised mouse press)."""
    if not isinstance(event, QSinglePointEvent | QMouseEvent):
        return event.type() == QEvent.Type.TouchBegin
    device = event.device()
    return device is not None and device.type() == QInputDevice.DeviceType.TouchScreen


def lock_window(window: QWidget) -> None:
    """Frameless, full screen and covering its screen: call before the window is first shown.

    Full screen alone is only a request (without a window manager nothing acts on it), so the
    window's geometry is set to the whole screen as well; its first frame is then already the
    kiosk's.
    """
    window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(screen.geometry())
    window.setWindowState(Qt.WindowState.WindowFullScreen)


class _UrlSink(QObject):
    """Receives every external URL in kiosk mode, so none reaches the system."""

    @Slot("QUrl")
    def open(self, url: Any) -> None:
        log.info("kiosk: blocked an external %s: link", url.scheme() or "(no scheme)")


class Lockdown(QObject):
    """The application-wide event filter that keeps a kiosk window locked in.

    Args:
        window: The one main window.
        in_search_box: True while the search box has the focus (editing keys work there).
        on_denied_key: Called with a spontaneous key press that was swallowed: a person is
            still there even when the key does nothing.
    """

    TOP_LEVEL_ALLOWED = (Qt.WindowType.ToolTip, Qt.WindowType.Popup)

    def __init__(
        self,
        window: QWidget,
        *,
        in_search_box: Callable[[], bool] = lambda: False,
        on_denied_key: Callable[[QEvent], None] = lambda _event: None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._in_search_box = in_search_box
        self._on_denied_key = on_denied_key
        self._url_sink = _UrlSink(self)
        self._installed = False
        self.blocked_windows = 0

    def install(self) -> None:
        """Start filtering every event of the application and sinking external links."""
        if self._installed:
            return
        self._installed = True
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        for scheme in EXTERNAL_SCHEMES:
            QDesktopServices.setUrlHandler(scheme, self._url_sink, "open")

    def uninstall(self) -> None:
        """Stop filtering (tests; the window stays as it is)."""
        if not self._installed:
            return
        self._installed = False
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        for scheme in EXTERNAL_SCHEMES:
            QDesktopServices.unsetUrlHandler(scheme)

    # -- keys ----------------------------------------------------------------------------------

    def key_allowed(self, event: QKeyEvent) -> bool:
        """May this key event reach the program as a key (not as typed text)?"""
        return chord_allowed(key_chord(event), in_search_box=self._in_search_box())

    def _filter_key(self, event: QKeyEvent) -> bool:
        """True when the key event is swallowed."""
        if self.key_allowed(event):
            return False
        kind = event.type()
        if types_text(event.text(), modifier_names(event)):
            # A character typed with AltGr (Ctrl+Alt on Windows): typing, never a shortcut.
            if kind == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # so the key is not tried as a shortcut; the press is eaten below
        if kind == QEvent.Type.KeyPress and event.spontaneous():
            self._on_denied_key(event)
        return True

    # -- the filter ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in CONTEXT_AND_HELP:
            event.ignore()
            return True
        if kind in KEYS and isinstance(event, QKeyEvent):
            return self._filter_key(event)
        if kind == QEvent.Type.Shortcut and isinstance(event, QShortcutEvent):
            chord = event.key().toString(QKeySequence.SequenceFormat.PortableText)
            return not chord_allowed(chord, in_search_box=self._in_search_box())
        if watched is self.window:
            if kind in (QEvent.Type.WindowStateChange, QEvent.Type.Show):
                QTimer.singleShot(0, self, self.reassert_fullscreen)
        elif kind == QEvent.Type.Show and watched.isWidgetType():
            self._vet_shown_widget(watched)  # type: ignore[arg-type]
        return False

    @Slot()
    def reassert_fullscreen(self) -> None:
        """Back to frameless full screen, whatever took the window out of it."""
        window = self.window
        if not window.windowFlags() & Qt.WindowType.FramelessWindowHint:
            window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        if not window.isFullScreen():
            log.info("kiosk: window left full screen; restoring it")
            window.showFullScreen()
        screen = window.screen()
        # Without a window manager (a bare X server) full screen is only a state: fill the
        # screen ourselves.
        if screen is not None and window.isVisible() and window.geometry() != screen.geometry():
            window.setGeometry(screen.geometry())

    def _vet_shown_widget(self, widget: QWidget) -> None:
        # Another main window of the guide itself is not an escape route (nothing a visitor
        # can do opens one); closing it would only break a second, independent guide window.
        if not widget.isWindow() or widget is self.window or type(widget) is type(self.window):
            return
        kind = widget.windowType()
        allowed = kind in self.TOP_LEVEL_ALLOWED and not isinstance(widget, QMenu | QDialog)
        if allowed:
            return
        self.blocked_windows += 1
        log.warning("kiosk: closed a new window (%s)", type(widget).__name__)
        QTimer.singleShot(0, widget, lambda: _shut(widget))


def _shut(widget: QWidget) -> None:
    if isinstance(widget, QDialog):
        widget.reject()
    widget.close()
    widget.hide()
