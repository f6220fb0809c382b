"""Kiosk mode in Qt: lock the window in, reset between visitors, touch keypad, admin exit.

``install_kiosk`` is called from the composition root. It attaches a :class:`KioskController`
to the application from outside the window: one application-wide event filter, overlays that
are children of the main window (never new windows), and an idle policy from
``spasmguide.core.kiosk`` that decides when to warn and when to reset.
"""

from __future__ import annotations

import logging
import math
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QKeyCombination,
    QLockFile,
    QObject,
    QPoint,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QClipboard,
    QCursor,
    QDesktopServices,
    QGuiApplication,
    QInputDevice,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QShortcutEvent,
    QSinglePointEvent,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from spasmguide.core.errors import describe_exception
from spasmguide.core.kiosk import (
    IdlePolicy,
    IdleState,
    KioskConfig,
    PinLockout,
    PinResult,
    TapCounter,
    chord_allowed,
    sd_notify,
    watchdog_interval_s,
)

log = logging.getLogger(__name__)

__all__ = [
    "AttractOverlay",
    "Keypad",
    "KioskController",
    "PinPad",
    "WarningOverlay",
    "acquire_single_instance",
    "install_kiosk",
    "kiosk_lock_path",
]

KIOSK_STYLE = """
QPushButton, QToolButton { min-height: 48px; min-width: 48px; margin: 4px; font-size: 18pt; }
QLineEdit { min-height: 48px; margin: 4px; font-size: 18pt; }
QComboBox { min-height: 48px; margin: 4px; font-size: 18pt; }
QTabBar { font-size: 18pt; }
QTabBar::tab { min-height: 48px; min-width: 64px; padding: 4px 16px; margin-right: 8px; }
QListView::item, QListWidget::item { min-height: 48px; padding: 4px; margin-bottom: 8px; }
QScrollBar:vertical { width: 24px; }
QScrollBar:horizontal { height: 24px; }
#kiosk-warning, #kiosk-pin { background: rgba(0, 0, 0, 170); }
#kiosk-attract { background: #123047; }
#kiosk-panel {
    background: palette(window); border: 2px solid palette(highlight); border-radius: 16px;
}
#kiosk-title { font-size: 32pt; font-weight: bold; }
#kiosk-big-button { min-height: 96px; min-width: 320px; font-size: 26pt; font-weight: bold; }
#kiosk-attract-title { font-size: 52pt; font-weight: bold; color: white; }
#kiosk-attract-text { font-size: 24pt; color: white; }
#kiosk-keypad { background: palette(window); border-top: 2px solid palette(mid); }
#kiosk-keypad QPushButton, #kiosk-pin QPushButton { min-height: 64px; min-width: 64px; }
#kiosk-keypad QPushButton { min-width: 52px; padding: 4px 6px; }
#kiosk-keypad #kiosk-space { min-width: 480px; }
"""
"""Kiosk sizes on top of the theme: touch targets of at least 48 x 48 px, 8 px apart."""

EXTERNAL_SCHEMES = ("http", "https", "file", "mailto", "ftp", "tel", "sms", "smb", "data")
"""URL schemes sent to a sink in kiosk mode, so nothing can reach the system browser."""

_CONTEXT_AND_HELP = frozenset({
    QEvent.Type.ContextMenu,
    QEvent.Type.WhatsThis,
    QEvent.Type.QueryWhatsThis,
    QEvent.Type.EnterWhatsThisMode,
    QEvent.Type.WhatsThisClicked,
    QEvent.Type.DragEnter,
    QEvent.Type.DragMove,
    QEvent.Type.Drop,
})
_KEYS = frozenset({QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.KeyRelease})
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
_WATCHDOG_FALLBACK_S = 10.0


def key_chord(event: QKeyEvent) -> str:
    """A key event as Qt's portable text, such as ``"Ctrl+Shift+Tab"`` ("" for a modifier)."""
    key = event.key()
    if key in _MODIFIER_KEYS or key in (0, Qt.Key.Key_unknown):
        return ""
    combination = QKeyCombination(
        event.modifiers() & _CHORD_MODIFIERS, event.keyCombination().key()
    )
    return QKeySequence(combination).toString(QKeySequence.SequenceFormat.PortableText)


def _from_touchscreen(event: QEvent) -> bool:
    if not isinstance(event, QSinglePointEvent | QMouseEvent):
        return event.type() == QEvent.Type.TouchBegin
    device = event.device()
    return device is not None and device.type() == QInputDevice.DeviceType.TouchScreen


class _Cover(QFrame):
    """An overlay that is a child of the main window and covers all of it."""

    def __init__(self, window: QWidget, name: str) -> None:
        super().__init__(window)
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(False)
        self.hide()

    def cover(self) -> None:
        """Fill the parent window and sit on top."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()

    def open(self) -> None:
        """Show over everything."""
        self.cover()
        self.show()


def _panel(*widgets: QWidget) -> QFrame:
    panel = QFrame()
    panel.setObjectName("kiosk-panel")
    panel.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(48, 40, 48, 40)
    layout.setSpacing(24)
    for widget in widgets:
        layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
    return panel


def _centred(cover: QFrame, panel: QWidget) -> None:
    layout = QVBoxLayout(cover)
    layout.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(panel)
    row.addStretch(1)
    layout.addLayout(row)
    layout.addStretch(1)


class WarningOverlay(_Cover):
    """ "Still there?" with a countdown and one big Continue button (WCAG 2.2.1).

    Signals:
        continue_requested(): the person is still there.
    """

    continue_requested = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window, "kiosk-warning")
        self.setAccessibleName("Still there?")
        self.title = QLabel("Still there?")
        self.title.setObjectName("kiosk-title")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMinimumWidth(520)
        self.continue_button = QPushButton("Continue")
        self.continue_button.setObjectName("kiosk-big-button")
        self.continue_button.setAccessibleName("Continue reading")
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self._on_continue_button_clicked)
        _centred(self, _panel(self.title, self.message, self.continue_button))

    def set_seconds_left(self, seconds: float) -> None:
        """Show how long until the guide starts over."""
        whole = max(0, math.ceil(seconds))
        text = (f"The guide will start over for the next person in {whole} "
                f"second{'s' if whole != 1 else ''}.")
        if self.message.text() != text:
            self.message.setText(text)
            self.message.setAccessibleName(text)

    @Slot()
    def _on_continue_button_clicked(self) -> None:
        self.continue_requested.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # A tap anywhere on the dimmed screen also means "still here".
        event.accept()
        self.continue_requested.emit()


class AttractOverlay(_Cover):
    """The screen between visitors. Its words drift slowly so nothing burns into the panel."""

    DRIFT_MS = 1000
    DRIFT_PX = 120

    def __init__(self, window: QWidget, clock: Callable[[], float]) -> None:
        super().__init__(window, "kiosk-attract")
        self._clock = clock
        self.setAccessibleName("Leg cramp? Touch to start")
        self.content = QWidget(self)
        self.content.setObjectName("kiosk-attract-content")
        title = QLabel("Leg cramp? Touch to start")
        title.setObjectName("kiosk-attract-title")
        text = QLabel("Plain advice on leg muscle spasms: what they are, what helps, "
                      "and when to get help.")
        text.setObjectName("kiosk-attract-text")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self.content)
        layout.setSpacing(24)
        layout.addWidget(title)
        layout.addWidget(text)
        self.drift = QTimer(self)
        self.drift.setInterval(self.DRIFT_MS)
        self.drift.timeout.connect(self._on_drift_timeout)

    def open(self) -> None:
        super().open()
        self.place()
        self.drift.start()

    def hideEvent(self, event: Any) -> None:
        drift = getattr(self, "drift", None)  # the base class hides before it exists
        if drift is not None:
            drift.stop()
        super().hideEvent(event)

    def offset(self) -> QPoint:
        """Where the words are now, relative to the centre (a slow Lissajous path)."""
        t = self._clock()
        return QPoint(round(self.DRIFT_PX * math.sin(t / 23.0)),
                      round(self.DRIFT_PX * 0.6 * math.sin(t / 31.0 + 1.0)))

    def place(self) -> None:
        """Put the words at the current drift position."""
        width = min(self.width() - 2 * self.DRIFT_PX, 1100)
        self.content.setFixedWidth(max(200, width))
        self.content.adjustSize()
        centre = self.rect().center() - self.content.rect().center()
        self.content.move(centre + self.offset())

    @Slot()
    def _on_drift_timeout(self) -> None:
        self.place()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.place()


class PinPad(_Cover):
    """The staff exit: an in-window PIN pad. The digits live only in this object's memory.

    Signals:
        pin_entered(str): OK was pressed with these digits.
        cancelled(): Cancel was pressed.
    """

    pin_entered = Signal(str)
    cancelled = Signal()

    MAX_DIGITS = 12

    def __init__(self, window: QWidget) -> None:
        super().__init__(window, "kiosk-pin")
        self.setAccessibleName("Staff exit")
        self._digits = ""
        title = QLabel("Staff exit")
        title.setObjectName("kiosk-title")
        self.display = QLabel()
        self.display.setAccessibleName("PIN entered")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setMinimumWidth(360)
        self.message = QLabel("Enter the staff PIN.")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        grid_holder = QWidget()
        grid = QGridLayout(grid_holder)
        grid.setSpacing(8)
        self.digit_buttons: list[QPushButton] = []
        for number, (row, column) in zip(
            "1234567890", [(r, c) for r in range(3) for c in range(3)] + [(3, 1)], strict=True
        ):
            button = QPushButton(number)
            button.setAccessibleName(f"Digit {number}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, d=number: self.add_digit(d))
            grid.addWidget(button, row, column)
            self.digit_buttons.append(button)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setAccessibleName("Delete last digit")
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.ok_button = QPushButton("OK")
        self.ok_button.setAccessibleName("Check PIN")
        self.ok_button.clicked.connect(self._on_ok_button_clicked)
        grid.addWidget(self.delete_button, 3, 0)
        grid.addWidget(self.ok_button, 3, 2)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel staff exit")
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        _centred(self, _panel(title, self.display, self.message, grid_holder, self.cancel_button))
        self._show_digits()

    def digit_count(self) -> int:
        """How many digits are entered (the digits themselves are never exposed)."""
        return len(self._digits)

    def add_digit(self, digit: str) -> None:
        """Append one digit (a pad key)."""
        if digit.isdigit() and len(self._digits) < self.MAX_DIGITS:
            self._digits += digit
            self._show_digits()

    def clear(self) -> None:
        """Forget the digits."""
        self._digits = ""
        self._show_digits()

    def set_locked(self, seconds: float) -> None:
        """Disable the keys while locked out and say for how long."""
        locked = seconds > 0
        for button in [*self.digit_buttons, self.ok_button, self.delete_button]:
            button.setEnabled(not locked)
        if locked:
            self.message.setText(f"Too many wrong PINs. Try again in {math.ceil(seconds)} s.")

    def _show_digits(self) -> None:
        self.display.setText("●" * len(self._digits) if self._digits else "–")

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        self._digits = self._digits[:-1]
        self._show_digits()

    @Slot()
    def _on_ok_button_clicked(self) -> None:
        digits, self._digits = self._digits, ""
        self._show_digits()
        self.pin_entered.emit(digits)

    @Slot()
    def _on_cancel_button_clicked(self) -> None:
        self.clear()
        self.cancelled.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text.isdigit():
            self.add_digit(text)
        elif event.key() == Qt.Key.Key_Backspace:
            self._on_delete_button_clicked()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_ok_button_clicked()
        elif event.key() == Qt.Key.Key_Escape:
            self._on_cancel_button_clicked()
        event.accept()


class Keypad(QFrame):
    """An on-screen keypad for the search box, docked along the bottom of the window.

    It types into the box with ordinary key events, so the box behaves as if typed on.
    The keys never take focus, so the box keeps it.
    """

    ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
    KEY_HEIGHT = 64

    def __init__(self, window: QWidget, box: QLineEdit) -> None:
        super().__init__(window)
        self.setObjectName("kiosk-keypad")
        self.setAccessibleName("On-screen keypad")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.box = box
        self.keys: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(0)
        for index, letters in enumerate(self.ROWS):
            row = QHBoxLayout()
            row.setSpacing(0)
            row.addStretch(1)
            for letter in letters:
                row.addWidget(self._key(letter.upper(), f"Letter {letter.upper()}",
                                        lambda _=False, c=letter: self.type_text(c), letter))
            if index == len(self.ROWS) - 1:
                row.addWidget(self._key("⌫ Back", "Backspace", self.backspace, "backspace"))
            row.addStretch(1)
            layout.addLayout(row)
        bottom = QHBoxLayout()
        bottom.setSpacing(0)
        bottom.addStretch(1)
        bottom.addWidget(self._key("Clear", "Clear the search", self.clear_text, "clear"))
        space = self._key("Space", "Space", lambda: self.type_text(" "), "space")
        space.setObjectName("kiosk-space")
        bottom.addWidget(space)
        bottom.addWidget(self._key("Hide keys", "Hide the keypad", self.hide, "hide"))
        bottom.addStretch(1)
        layout.addLayout(bottom)
        self.hide()

    def _key(self, label: str, name: str, slot: Callable[[], None], key_id: str) -> QPushButton:
        button = QPushButton(label)
        button.setAccessibleName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumSize(88 if len(label) == 1 else 140, self.KEY_HEIGHT)
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        button.setAutoRepeat(key_id == "backspace")
        button.clicked.connect(slot)
        self.keys[key_id] = button
        return button

    def open(self) -> None:
        """Show along the bottom edge of the window, above everything else."""
        self.place()
        self.show()
        self.raise_()

    def place(self) -> None:
        """Keep to the bottom edge (after a resize)."""
        parent = self.parentWidget()
        if parent is None:
            return
        height = self.sizeHint().height()
        self.setGeometry(0, parent.height() - height, parent.width(), height)

    def _send(self, key: Qt.Key, text: str = "") -> None:
        self.box.setFocus(Qt.FocusReason.OtherFocusReason)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                self.box, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
            )

    def type_text(self, text: str) -> None:
        """Type ``text`` into the box, as a keyboard would."""
        for char in text:
            key = Qt.Key.Key_Space if char == " " else Qt.Key(ord(char.upper()))
            self._send(key, char)

    @Slot()
    def backspace(self) -> None:
        """Delete the character before the cursor."""
        self._send(Qt.Key.Key_Backspace)

    @Slot()
    def clear_text(self) -> None:
        """Empty the box."""
        self.box.selectAll()
        self._send(Qt.Key.Key_Backspace)


class _UrlSink(QObject):
    """Receives every external URL in kiosk mode, so none reaches the system."""

    @Slot("QUrl")
    def open(self, url: Any) -> None:
        log.info("kiosk: blocked an external %s: link", url.scheme() or "(no scheme)")


class KioskController(QObject):
    """Everything kiosk mode adds to one main window.

    Install with :func:`install_kiosk`. The controller is an application-wide event filter
    (context menus, What's This, drag and drop, shortcuts, stray windows, idle tracking) and
    owns the overlays, the idle policy and the admin exit.

    Signals:
        session_reset(): the session was wiped for the next person.
        warning_changed(bool): the "Still there?" warning appeared (True) or went (False).
        quit_requested(): the right admin PIN was entered.
    """

    session_reset = Signal()
    warning_changed = Signal(bool)
    quit_requested = Signal()

    POLL_MS = 250
    CORNER_PX = 80
    TOP_LEVEL_ALLOWED = (Qt.WindowType.ToolTip, Qt.WindowType.Popup)

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
        self.lockout = PinLockout(clock)
        self.taps = TapCounter(clock)
        self.warning = WarningOverlay(window)
        self.attract = AttractOverlay(window, clock)
        self.pin_pad = PinPad(window)
        self.keypad = Keypad(window, search_box) if search_box is not None else None
        self.warning.continue_requested.connect(self._on_warning_continue_requested)
        self.pin_pad.pin_entered.connect(self._on_pin_pad_pin_entered)
        self.pin_pad.cancelled.connect(self._on_pin_pad_cancelled)
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(self.POLL_MS)
        self._poll_timer.timeout.connect(self._on_poll_timer_timeout)
        self._watchdog_timer = QTimer(self)
        self._watchdog_timer.timeout.connect(self._on_watchdog_timer_timeout)
        self._url_sink = _UrlSink(self)
        self._attract_pending = False
        self._eat_releases = False
        self._installed = False
        self._cursor_hidden = False
        self._previous_hook: Callable[..., Any] | None = None
        self.blocked_windows = 0
        self.resets = 0

    # -- installing ---------------------------------------------------------------------------

    def install(self) -> None:
        """Lock the window down and start watching for idleness."""
        if self._installed:
            return
        self._installed = True
        window = self.window
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.setWindowState(Qt.WindowState.WindowFullScreen)
        window.setStyleSheet(window.styleSheet() + KIOSK_STYLE)
        window.close_guard = lambda: self.admin_quit_requested  # type: ignore[attr-defined]
        for widget in window.findChildren(QWidget):
            widget.setWhatsThis("")
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        for scheme in EXTERNAL_SCHEMES:
            QDesktopServices.setUrlHandler(scheme, self._url_sink, "open")
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
        for scheme in EXTERNAL_SCHEMES:
            QDesktopServices.unsetUrlHandler(scheme)
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

    # -- admin exit ----------------------------------------------------------------------------

    def open_pin_pad(self) -> None:
        """Show the staff PIN pad."""
        self.pin_pad.clear()
        self.pin_pad.message.setText("Enter the staff PIN.")
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
        if result is PinResult.REJECTED:
            log.warning("kiosk: wrong staff PIN (%d in a row)", self.lockout.failures)
            self.pin_pad.message.setText("That PIN is not right.")
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
        kind = event.type()
        if kind in _CONTEXT_AND_HELP:
            event.ignore()
            return True
        if kind in _KEYS and isinstance(event, QKeyEvent) and not self._key_allowed(event):
            if kind == QEvent.Type.ShortcutOverride:
                event.accept()  # so the key is not tried as a shortcut; the press is eaten below
            if kind == QEvent.Type.KeyPress and event.spontaneous():
                self._on_user_activity(event)
            return True
        if kind == QEvent.Type.Shortcut and isinstance(event, QShortcutEvent):
            chord = event.key().toString(QKeySequence.SequenceFormat.PortableText)
            if not chord_allowed(chord, in_search_box=self._search_box_focused()):
                return True
        user_input = event.spontaneous() and (kind in _ACTIVITY or kind in _RELEASES)
        if user_input and self._on_user_input(event):
            return True
        if watched is self.window:
            self._on_window_event(kind)
        elif kind == QEvent.Type.Show and watched.isWidgetType():
            self._vet_shown_widget(watched)  # type: ignore[arg-type]
        elif watched is self.search_box and self.keypad is not None:
            self._maybe_open_keypad(event)
        return False

    def _search_box_focused(self) -> bool:
        return self.search_box is not None and QApplication.focusWidget() is self.search_box

    def _key_allowed(self, event: QKeyEvent) -> bool:
        return chord_allowed(key_chord(event), in_search_box=self._search_box_focused())

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
        in_corner = 0 <= point.x() < self.CORNER_PX and 0 <= point.y() < self.CORNER_PX
        if in_corner and self.taps.tap():
            QTimer.singleShot(0, self, self.open_pin_pad)

    def _on_window_event(self, kind: QEvent.Type) -> None:
        if kind == QEvent.Type.Resize:
            for cover in (self.warning, self.attract, self.pin_pad):
                if cover.isVisible():
                    cover.cover()
            if self.keypad is not None and self.keypad.isVisible():
                self.keypad.place()
        elif kind in (QEvent.Type.WindowStateChange, QEvent.Type.Show):
            QTimer.singleShot(0, self, self.reassert_fullscreen)

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

    def _maybe_open_keypad(self, event: QEvent) -> None:
        assert self.keypad is not None
        kind = event.type()
        touched = kind in (QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress) and (
            _from_touchscreen(event) or self.config.touch_only
        )
        focused = kind == QEvent.Type.FocusIn and self.config.touch_only
        if (touched or focused) and not self.keypad.isVisible():
            self.keypad.open()


def _shut(widget: QWidget) -> None:
    if isinstance(widget, QDialog):
        widget.reject()
    widget.close()
    widget.hide()


def install_kiosk(
    components: Any,
    config: KioskConfig,
    clock: Callable[[], float] = time.monotonic,
    *,
    reset_hooks: Sequence[Callable[[], None]] = (),
    is_busy: Callable[[], bool] = lambda: False,
    search_box: QLineEdit | None = None,
    quit_app: Callable[[], None] | None = None,
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
        quit_app: What the right admin PIN does (quits the application when not given).
    """
    window = components.window
    if search_box is None:
        toolbar = getattr(window, "toolbar", window)
        boxes = toolbar.findChildren(QLineEdit)
        search_box = boxes[0] if boxes else None
    controller = KioskController(
        window, config, clock=clock, search_box=search_box, reset_hooks=reset_hooks,
        is_busy=is_busy, quit_app=quit_app,
        readers=list(getattr(window, "readers", {}).values()),
        tab_ids=getattr(window, "tab_ids", None), show_tab=getattr(window, "show_tab", None),
    )
    controller.install()
    controller._show_start_tab()
    return controller


def kiosk_lock_path() -> Path:
    """The single-instance lock file, in the user's runtime folder."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.RuntimeLocation)
    if not folder:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.TempLocation)
    return Path(folder) / "spasmguide-kiosk.lock"


def acquire_single_instance(path: Path) -> QLockFile | None:
    """Hold the kiosk lock, or return None when another kiosk already runs.

    A lock left behind by a kiosk that crashed is recovered: Qt sees its process is gone.
    """
    lock = QLockFile(str(path))
    # Long-lived lock: never treat a live owner's lock as stale because of its age.
    lock.setStaleLockTime(0)
    if lock.tryLock(100):
        return lock
    stale = lock.error() == QLockFile.LockError.LockFailedError and lock.removeStaleLockFile()
    if stale and lock.tryLock(100):
        return lock
    return None
