"""Start the program: logging, Qt's messages, the crash handler, the kiosk lock, the event loop."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QStandardPaths,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from spasmguide import APP_ID
from spasmguide.app.kiosk import KioskChoice, choose_kiosk
from spasmguide.app.parts import Components
from spasmguide.app.root import build
from spasmguide.cli import LaunchOptions
from spasmguide.core.content import ContentError
from spasmguide.ui.main_window import MainWindow

log = logging.getLogger("spasmguide")


APP_NAME = "SpasmGuide"


HARMLESS_QT_MESSAGES = (
    # Optional back ends that Qt tries before the ones this machine has; sound and speech
    # still work, or say in the window why not.
    "Couldn't resolve pipewire",
    "Couldn't load pipewire",
    'Error loading text-to-speech plug-in "speechd"',
    "Using Qt multimedia with FFmpeg",
)


def _route_qt_messages(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own messages go to our log; known harmless ones stay out of the terminal."""
    harmless = any(part in message for part in HARMLESS_QT_MESSAGES)
    if harmless or mode in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
        level = logging.DEBUG
    elif mode == QtMsgType.QtWarningMsg:
        level = logging.WARNING
    else:
        level = logging.ERROR
    category = context.category or "qt"
    logging.getLogger("qt").log(level, "%s: %s", category, message)


def _configure_logging(kiosk: bool) -> None:
    terminal = logging.StreamHandler()
    # The terminal gets what someone should act on; the log file keeps the details too.
    terminal.setLevel(logging.WARNING)
    handlers: list[logging.Handler] = [terminal]
    if not kiosk:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.AppLocalDataLocation
        )
        try:
            path = Path(folder) / "spasmguide.log"
            path.parent.mkdir(parents=True, exist_ok=True)
            handlers.append(logging.FileHandler(path, encoding="utf-8"))
        except OSError:
            pass
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=handlers,
        force=True,
    )


def install_crash_handler(window: MainWindow) -> None:
    """Log an error raised in a slot and say so in the window; never show a traceback."""

    def handle(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        window.show_notice(QCoreApplication.translate(
            "Start",
            "Something went wrong inside SpasmGuide. It was logged and the guide "
            "keeps working. If it happens again, restart the program.",
        ))

    sys.excepthook = handle


def unknown_tab_message(tab: str | None, tab_ids: list[str]) -> str:
    """The usage error for ``--tab`` naming no tab of this guide; "" when it is fine."""
    if tab is None or tab in tab_ids:
        return ""
    return (
        f"spasmguide: error: argument --tab: there is no tab {tab!r}; "
        f"choose one of: {', '.join(tab_ids)}"
    )


def unknown_language_message(options: LaunchOptions) -> str:
    """The usage error for ``--lang`` naming a language with no guide; "" when it is fine."""
    if options.lang is None or options.content is not None:
        return ""  # a pack of one's own may be in any language
    from spasmguide.i18n import available_languages

    languages = available_languages()
    if options.lang in languages:
        return ""
    return (
        f"spasmguide: error: argument --lang: there is no guide in {options.lang!r} yet; "
        f"choose one of: {', '.join(languages)}"
    )


def show_window(components: Components) -> None:
    """Show a built window: a kiosk's is locked down and reports to its supervisor."""
    controller = components.extras.get("kiosk")
    if controller is None:
        install_crash_handler(components.window)
        components.window.show()
        return
    controller.install_exception_hook()
    components.window.show()
    controller.start_service_notifications()


class Launched:
    """A shown window and what keeps it running (the single-instance lock of a kiosk)."""

    __slots__ = ("components", "lock")

    def __init__(self, components: Components, lock: Any = None) -> None:
        self.components = components
        self.lock = lock

    def release(self) -> None:
        """Let go of the single-instance lock."""
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None


def launch(
    options: LaunchOptions, kiosk: KioskChoice | None = None, *, pack_cache: Path | None = None
) -> Launched | int:
    """Build and show the window; a kiosk is locked down before its first frame.

    Returns:
        What was launched, or an exit code when it must not run (1: the built-in content is
        broken; 3: another kiosk is already running).
    """
    wrong_language = unknown_language_message(options)
    if wrong_language:
        print(wrong_language, file=sys.stderr)
        return 2
    kiosk = choose_kiosk(options) if kiosk is None else kiosk
    try:
        components = build(options, pack_cache=None if kiosk[0] else pack_cache, kiosk=kiosk)
    except ContentError as exc:
        print(f"The built-in guide content is broken:\n{exc}", file=sys.stderr)
        return 1
    controller = components.extras.get("kiosk")
    unknown_tab = unknown_tab_message(options.tab, components.window.tab_ids())
    if unknown_tab:
        if controller is not None:
            controller.uninstall()
        print(unknown_tab, file=sys.stderr)
        return 2
    host = components.extras["language"]
    host.show = show_window
    if controller is None:
        show_window(components)
        launched = Launched(components)
        host.switched.append(lambda new: setattr(launched, "components", new))
        return launched
    from spasmguide.ui.kiosk import LockUnavailableError, acquire_single_instance, kiosk_lock_path

    path = kiosk_lock_path()
    try:
        lock = acquire_single_instance(path)
    except LockUnavailableError as exc:
        # Not "already running": exiting would only make the supervisor start it again and
        # again. Run, and say why there is no protection against a second copy.
        message = (f"SpasmGuide kiosk cannot create its single-instance lock ({exc}); "
                   "starting without it.")
        print(message, file=sys.stderr)
        log.error("kiosk: %s", message)
        lock = None
    else:
        if lock is None:
            controller.uninstall()
            print(f"SpasmGuide kiosk is already running (lock {path}); "
                  "this second start exits.", file=sys.stderr)
            return 3
    show_window(components)
    launched = Launched(components, lock)
    host.switched.append(lambda new: setattr(launched, "components", new))
    return launched


def run_app(options: LaunchOptions) -> int:
    """Create (or reuse) the QApplication, show the window and run the event loop."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_ID)  # Wayland's app id: the menu entry and icon match the window
    # Kiosk or not is decided first: a kiosk writes no log file (and nothing else) in HOME.
    kiosk = choose_kiosk(options)
    _configure_logging(kiosk[0] is not None)
    qInstallMessageHandler(_route_qt_messages)
    cache = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    launched = launch(options, kiosk, pack_cache=Path(cache) if cache else None)
    if isinstance(launched, int):
        return launched
    try:
        return app.exec()
    finally:
        launched.release()
