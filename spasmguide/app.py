"""The composition root: the one place that builds SpasmGuide's objects and wires them."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QMessageLogContext,
    QStandardPaths,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from spasmguide import APP_ID
from spasmguide.cli import LaunchOptions
from spasmguide.core.clock import steady_clock
from spasmguide.core.content import ContentError, Pack, bundled_pack_path
from spasmguide.core.content.loader import CHECKER_LINK
from spasmguide.core.locations import SYSTEM_KIOSK_CONFIG
from spasmguide.core.pack_cache import load_pack_cached
from spasmguide.core.pack_safety import HelpContacts
from spasmguide.settings_store import SettingsStore, default_settings_path
from spasmguide.ui.main_window import MainWindow

if TYPE_CHECKING:
    from spasmguide.core.kiosk import KioskConfig

log = logging.getLogger("spasmguide")

APP_NAME = "SpasmGuide"


class Extras(dict[str, Any]):
    """The optional parts by name. A part not needed for the first frame is registered with
    ``add_later`` and made on first use (``extras["timer_tab"]``) or by ``make_now``."""

    def __init__(self) -> None:
        super().__init__()
        self._makers: dict[str, Callable[[], Any]] = {}

    def add_later(self, name: str, make: Callable[[], Any]) -> None:
        """Make ``name`` with ``make`` when it is first asked for."""
        self._makers[name] = make

    def is_made(self, name: str) -> bool:
        """Whether ``name`` exists already (asking for it with [] or get() would make it)."""
        return dict.__contains__(self, name)

    def make_now(self, name: str) -> Any:
        """The part ``name``, made now if it was waiting; None when there is no such part."""
        return self.get(name)

    def __missing__(self, name: str) -> Any:
        make = self._makers.pop(name, None)
        if make is None:
            raise KeyError(name)
        value = make()
        self[name] = value
        return value

    def __contains__(self, name: object) -> bool:
        return dict.__contains__(self, name) or name in self._makers

    def get(self, name: str, default: Any = None) -> Any:  # type: ignore[override]
        if name not in self:
            return default
        return self[name]  # makes a waiting part


class Components:
    """Everything ``build`` made, so callers and tests can reach each part."""

    __slots__ = ("extras", "options", "pack", "settings", "window")

    def __init__(
        self,
        window: MainWindow,
        pack: Pack,
        settings: SettingsStore,
        options: LaunchOptions,
        extras: Extras | None = None,
    ) -> None:
        self.window = window
        self.pack = pack
        self.settings = settings
        self.options = options
        self.extras = Extras() if extras is None else extras

    def __repr__(self) -> str:
        return f"Components(pack={self.pack!r}, options={self.options!r})"


def load_content(
    directory: Path | None,
    cache_dir: Path | None = None,
    contacts: HelpContacts | None = None,
) -> tuple[Pack, str]:
    """Load the requested pack, or the bundled one with a notice saying why.

    Args:
        directory: The pack to show; None for the bundled one.
        cache_dir: Where checked packs are kept between starts; None for no cache.
        contacts: A kiosk's own emergency number and advice line, replacing the pack's.

    Returns:
        The pack to show, and a notice for the user ("" when all went well).
    """

    def load(path: Path) -> Pack:
        return load_pack_cached(path, cache_dir, contacts=contacts)

    if directory is None:
        return load(bundled_pack_path()), ""
    try:
        return load(directory), ""
    except ContentError as exc:
        log.warning("content pack %s is broken:\n%s", directory, exc)
        first = exc.problems[0]
        more = len(exc.problems) - 1
        extra = f" (and {more} more problem{'s' if more != 1 else ''})" if more else ""
        notice = (
            f"The content in {directory} could not be opened, so the built-in guide is "
            f"shown instead. Problem: {first}{extra}. To see every problem, run: "
            f"python3 run.py check-content {directory}"
        )
        return load(bundled_pack_path()), notice


KioskChoice = tuple["KioskConfig | None", list[str]]
"""A kiosk configuration (None for a desktop start) and the warnings found on the way."""


def build(
    options: LaunchOptions,
    *,
    clock: Callable[[], float] = steady_clock,
    pack_cache: Path | None = None,
    kiosk: KioskChoice | None = None,
) -> Components:
    """Build the window and everything behind it. A QApplication must already exist.

    ``pack_cache`` is a folder where checked content packs are kept between starts (not used
    in kiosk mode, which writes nothing of its own to disk). ``kiosk`` is what
    :func:`choose_kiosk` said, when the caller already asked it.
    """
    kiosk_config, kiosk_warnings = choose_kiosk(options) if kiosk is None else kiosk
    for warning in kiosk_warnings:
        log.warning(warning)
    if kiosk_config is not None:
        options = options.replace(kiosk=True, content=options.content or kiosk_config.content)
    contacts = None
    if kiosk_config is not None and (kiosk_config.emergency_number or kiosk_config.advice_line):
        contacts = HelpContacts(kiosk_config.emergency_number, kiosk_config.advice_line)
    pack, notice = load_content(
        options.content, None if options.kiosk else pack_cache, contacts
    )
    if options.kiosk and notice:
        # Visitors get a calm line; staff find the details in the log.
        notice = "Some guide content could not be loaded, so the standard guide is shown."
    if options.kiosk:
        # A kiosk neither reads nor writes a user's settings: every visitor gets the defaults.
        settings = SettingsStore(None, read_only=True)
    else:
        settings = SettingsStore(
            options.settings if options.settings is not None else default_settings_path()
        )
    # Theme and text size first, so widgets are made once in their final look.
    appearance = _build_appearance(settings, options.kiosk)
    window = MainWindow(pack)
    components = Components(window=window, pack=pack, settings=settings, options=options)
    components.extras["appearance"] = appearance
    _build_timer(components, clock)
    _build_search(components, None if options.kiosk else pack_cache)
    _build_checker(components)
    if not options.kiosk:  # a kiosk never opens, creates or mentions a diary
        _build_diary(components)

    window.finish_tabs()
    _build_accessibility(components)
    _restore_view(components)
    window.closing.connect(lambda: _save_view(components))
    for message in [notice, *settings.warnings]:
        if message:
            window.show_notice(message)
    if kiosk_config is not None:
        _build_kiosk(components, kiosk_config, clock)
    else:
        _build_takehome(components)
    return components


def current_place(window: MainWindow) -> tuple[str, str | None]:
    """The tab shown and the section being read in it (None outside a topic tab)."""
    tab_id = window.current_tab_id()
    reader = window.readers.get(tab_id)
    return tab_id, reader.current_section_id() if reader is not None else None


def _toolbar_button(window: MainWindow, name: str, text: str, description: str) -> Any:
    """A labelled button added to the window's tool bar (made when its feature is built)."""
    from PySide6.QtWidgets import QPushButton

    button = QPushButton(text)
    button.setObjectName(name)
    button.setAccessibleName(text)
    button.setAccessibleDescription(description)
    window.add_toolbar_widget(button)
    return button


def _build_takehome(components: Components) -> None:
    """Desktop "Save or print": a button now, its dialog (and Qt's printing) on first use."""
    from PySide6.QtCore import QCoreApplication

    window, extras = components.window, components.extras
    button = _toolbar_button(
        window, "takehome-button",
        QCoreApplication.translate("TakeHome", "Save or print"),
        QCoreApplication.translate(
            "TakeHome", "Save this section, this tab or your own summary as PDF, or print it"),
    )
    extras["takehome_button"] = button

    def make() -> Any:
        from spasmguide.ui.takehome_dialog import TakeHomeDialog

        return TakeHomeDialog(components.pack, lambda: current_place(window), parent=window)

    def open_dialog() -> None:
        if window.close_guard is not None:  # locked in as a kiosk: never a dialog
            button.hide()
            return
        dialog = extras["takehome_dialog"]
        dialog.refresh()
        dialog.open()

    extras.add_later("takehome_dialog", make)
    button.clicked.connect(open_dialog)


def choose_kiosk(options: LaunchOptions) -> KioskChoice:
    """Whether this start is a kiosk, and its configuration (never raises, never blocks).

    A kiosk when ``--kiosk`` is given, when the system kiosk file exists (in any state), or
    when the file given with ``--config`` asks for it or has any problem (fail closed).
    """
    if not options.kiosk and options.config is None and not os.path.lexists(SYSTEM_KIOSK_CONFIG):
        return None, []  # an ordinary desktop start does not even load the kiosk rules
    from spasmguide.core.kiosk import resolve_kiosk

    return resolve_kiosk(options.config, {
        "kiosk": options.kiosk, "idle_timeout_s": options.idle_timeout,
        "idle_warning_s": options.idle_warning, "start_tab": options.tab,
    }, system_path=SYSTEM_KIOSK_CONFIG)


def _build_kiosk(components: Components, config: KioskConfig, clock: Callable[[], float]) -> None:
    """Lock the window in and reset it between visitors, using the other parts' own resets."""
    from spasmguide.ui.kiosk import install_kiosk

    extras = components.extras
    hooks = [
        getattr(extras[name], method)
        for name, method in (
            ("search_controller", "reset"), ("appearance", "reset_to_defaults"),
            ("read_aloud", "stop"),
        )
        if hasattr(extras.get(name), method)
    ]
    # The "Is it serious?" answers: forgotten between visitors (never made: nothing to forget).
    hooks.append(lambda: extras.is_made("checker_page") and _reset_checker(extras))
    if "timer_tab" in extras:
        # A Timer tab that was never opened has nothing to stop: do not make it for that.
        hooks.insert(1, lambda: extras.is_made("timer_tab") and extras["timer_tab"].stop())
    def routine_counting() -> bool:
        # Only a routine that is counting down holds the reset off; a paused one is
        # abandoned as far as the next visitor is concerned.
        if not extras.is_made("timer_tab"):
            return False
        timer = extras["timer_tab"].timer
        return timer is not None and timer.is_ticking

    _build_takeaway(components, config, hooks)
    extras["kiosk"] = install_kiosk(
        components, config, clock, reset_hooks=hooks, is_busy=routine_counting,
        search_box=extras.get("search_box"),
    )


def _build_takeaway(components: Components, config: KioskConfig, hooks: list[Any]) -> None:
    """Kiosk "Take this with you": a button now, the QR overlay when first tapped."""
    from PySide6.QtCore import QCoreApplication

    window, extras, pack = components.window, components.extras, components.pack
    button = _toolbar_button(
        window, "takeaway-button",
        QCoreApplication.translate("TakeHome", "Take this with you"),
        QCoreApplication.translate("TakeHome", "Show this section as a QR code for your phone"),
    )
    extras["takeaway_button"] = button

    def make() -> Any:
        from spasmguide.ui.kiosk.takeaway import TakeAwayOverlay

        return TakeAwayOverlay(window, pack, printer=config.printer)

    def open_code() -> None:
        _tab, section = current_place(window)
        extras["takeaway"].show_section(section or pack.help_section)

    extras.add_later("takeaway", make)
    button.clicked.connect(open_code)
    hooks.append(lambda: extras.is_made("takeaway") and extras["takeaway"].forget())


def _build_search(components: Components, cache_dir: Path | None = None) -> None:
    """The search box now; the index, results page and controller just after the first paint.

    The box is part of the first frame. What answers it is made once the window has painted,
    or at the first keystroke if someone types before that. A large pack's built index is
    kept in ``cache_dir`` between starts (None: built every time, as in kiosk mode).
    """
    from spasmguide.ui.search_box import SearchBox

    window, pack, extras = components.window, components.pack, components.extras
    examples = tuple(getattr(pack.synonyms, "examples", ()) or ())
    box = SearchBox(examples)
    window.set_search_box(box)
    extras["search_box"] = box

    def make_controller() -> Any:
        from spasmguide.core.search import SearchIndex
        from spasmguide.ui.search import SearchController, SearchResults

        index = SearchIndex.build(pack, cache_dir=cache_dir)
        evidence = {s.id: s.evidence for _, s in pack.sections() if s.evidence is not None}
        results = SearchResults(index, evidence=evidence)
        controller = SearchController(index, box, results, parent=window)
        window.set_results_page(results)
        controller.add_focus_shortcuts(window)
        controller.query_changed.connect(
            lambda text: window.show_results_page(bool(text.strip()))
        )
        controller.focus_page_requested.connect(window.focus_page)
        controller.hit_activated.connect(open_hit)
        extras.update(search_index=index, search_results=results)
        if box.text():
            controller.search(box.text())  # typed before the search was ready
        QTimer.singleShot(0, index.warm_up)
        return controller

    def open_hit(hit: Any) -> None:
        if hit.tab_id == "timer":
            # A routine: have it ready to start, but never cut short one that is under way.
            timer_tab = extras.get("timer_tab")
            if timer_tab is not None and not timer_tab.is_running():
                timer_tab.select_routine(hit.section_id)
            window.show_tab("timer")
        elif not window.show_section(hit.section_id, hit.terms):
            window.show_tab(hit.tab_id)

    def controller_part(name: str) -> Any:
        extras.make_now("search_controller")
        return dict.__getitem__(extras, name)

    extras.add_later("search_controller", make_controller)
    extras.add_later("search_index", lambda: controller_part("search_index"))
    extras.add_later("search_results", lambda: controller_part("search_results"))
    window.first_painted.connect(lambda: extras.make_now("search_controller"))
    box.textChanged.connect(lambda _text: extras.make_now("search_controller"))


# -- "Is it serious?" checker ------------------------------------------------------------------


def _build_checker(components: Components) -> None:
    """The "Is it serious?" button beside "When to get help", its page shown over the tabs,
    and an offer above search results that sound like a worry.

    Only the button is part of the first frame; the questions are read just after the first
    paint (for the search offer) or when the button is first pressed.
    """
    from spasmguide.ui.checker_button import make_checker_button, pack_has_checker

    window, pack, extras = components.window, components.pack, components.extras
    if not pack_has_checker(pack.path):
        return

    button = make_checker_button()
    window.add_beside_help(button)
    extras["checker_button"] = button

    def load() -> Any:
        from spasmguide.core.checker import load_checker

        try:
            return load_checker(pack.path)
        except ContentError as exc:  # the pack changed on disk since it was checked
            log.warning("checker could not be read:\n%s", exc)
            return None

    def make_page() -> Any:
        from spasmguide.core.checker import emergency_number_of
        from spasmguide.ui.checker import CheckerPage

        checker = extras["checker"]
        if checker is None:
            return None
        page = CheckerPage(checker, emergency_number_of(pack), touch=components.options.kiosk)
        page.help_requested.connect(window.show_help)
        page.close_requested.connect(window.focus_page)
        page.timer_requested.connect(open_timer)
        if "takeaway" in extras:  # a kiosk: the result can go home as a QR code

            def take_away(level: str, title: str, advice: str, said: list[str]) -> None:
                from spasmguide.core.takehome import result_qr_text

                overlay = extras["takeaway"]
                heading = QCoreApplication.translate("CheckerPage", "Is it serious?")
                qr = result_qr_text(
                    pack, heading, f"{level}: {title}", advice, said,
                    summary_label=QCoreApplication.translate("TakeHome", "summary"),
                )
                overlay.show_text(heading, qr)

            page.offer_take_away(take_away)
        window.stack.addWidget(page)
        if extras.is_made("navigation") and not extras["navigation"].order_pending:
            extras["navigation"].fix_tab_order()
        return page

    def open_checker() -> None:
        page = extras["checker_page"]
        if page is None:
            window.show_notice(QCoreApplication.translate(
                "CheckerPage",
                "The \u201cIs it serious?\u201d questions could not be opened. "
                "Please read When to get help.",
            ))
            window.show_help()
            return
        box = extras.get("search_box")
        if box is not None and box.text():
            box.setText("")  # leaving the search; setText keeps nothing to undo
        window.show_page(page)
        page.start()

    def open_timer(routine_id: str) -> None:
        timer_tab = extras.get("timer_tab")
        if routine_id and timer_tab is not None and not timer_tab.is_running():
            timer_tab.select_routine(routine_id)
        window.show_tab("timer")

    def make_offer() -> Any:
        from spasmguide.ui.checker import attach_search_offer

        checker = extras["checker"]
        if checker is None:
            return None
        return attach_search_offer(extras["search_results"], checker, open_checker)

    button.clicked.connect(open_checker)
    window.add_link_target(CHECKER_LINK, open_checker)
    extras["open_checker"] = open_checker
    extras.add_later("checker", load)
    extras.add_later("checker_page", make_page)
    extras.add_later("checker_offer", make_offer)
    window.first_painted.connect(lambda: extras.make_now("checker_offer"))


def _reset_checker(extras: Extras) -> None:
    page = extras["checker_page"]
    if page is not None:
        page.reset()


def _build_timer(components: Components, clock: Callable[[], float]) -> None:
    """The Timer tab, its live countdown in the status area, and its help link.

    The tab is not in view at start-up, so its content is made just after the window first
    paints, or earlier when the tab is opened or ``extras["timer_tab"]`` is asked for.
    """
    window, extras = components.window, components.extras
    page = QWidget()
    page.setObjectName("timer-page")
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    window.add_tab(page, "Timer", "timer")
    window.status_button.clicked.connect(lambda: window.show_tab("timer"))

    def make() -> Any:
        from spasmguide.ui.chime import Chime
        from spasmguide.ui.timer_tab import TimerTab

        timer_tab = TimerTab(components.pack.routines, clock=clock, chime=Chime())
        timer_tab.status_changed.connect(window.set_timer_status)
        timer_tab.help_requested.connect(window.show_help)
        layout.addWidget(timer_tab)
        timer_tab.show()  # at once when the page is in view, not on the next event loop pass
        if extras.is_made("navigation") and not extras["navigation"].order_pending:
            extras["navigation"].fix_tab_order()  # its controls join the Tab order in place
        return timer_tab

    extras.add_later("timer_tab", make)
    window.tab_changed.connect(lambda tab_id: tab_id == "timer" and extras.make_now("timer_tab"))
    window.first_painted.connect(lambda: extras.make_now("timer_tab"))


# -- the cramp diary (desktop only) ---------------------------------------------------------


def _build_diary(components: Components) -> None:
    """The Diary tab, "Log a cramp" in the Treatments tab and on the timer's done screen, and
    the diary's paragraph in About with "Delete all diary data".

    Nothing of it is made before the first frame, and the diary file is opened only when the
    Diary tab is first shown or "Log a cramp" is first pressed.
    """
    window, extras, pack = components.window, components.extras, components.pack
    page = QWidget()
    page.setObjectName("diary-page")
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    window.add_tab(page, QApplication.translate("Diary", "Diary"), "diary")
    done: set[str] = set()

    def path() -> Path:
        from spasmguide.diary_location import diary_path

        return diary_path(components.options.diary)

    def make() -> Any:
        from spasmguide.core.diary import DiaryStore, treatment_choices
        from spasmguide.ui.diary.tab import DiaryTab

        tab = DiaryTab(lambda: DiaryStore.open(path()), treatment_choices(pack))
        tab.help_requested.connect(window.show_help)
        window.closing.connect(tab.close_store)
        layout.addWidget(tab)
        tab.show()
        if extras.is_made("navigation") and not extras["navigation"].order_pending:
            extras["navigation"].fix_tab_order()
        return tab

    def log_cramp(duration_s: int | None = None) -> None:
        window.show_tab("diary")
        extras["diary_tab"].log_cramp(duration_s or None)

    def on_tab_changed(tab_id: str) -> None:
        if tab_id == "diary":
            extras.make_now("diary_tab")
        elif tab_id == "treatments" and "treatments" not in done and "treatments" in window.readers:
            done.add("treatments")
            from PySide6.QtWidgets import QHBoxLayout, QPushButton

            row = QWidget()
            row.setObjectName("treatments-log-cramp")
            row_layout = QHBoxLayout(row)
            row_layout.addStretch(1)
            button = QPushButton(QApplication.translate("Diary", "Log a cramp in your diary"))
            button.setAccessibleName(button.text())
            button.setMinimumHeight(44)
            button.clicked.connect(lambda: log_cramp())
            row_layout.addWidget(button)
            window.readers["treatments"].add_action(row)
            row.show()
        elif tab_id == "about" and "about" not in done:
            done.add("about")
            from PySide6.QtGui import QTextCursor

            from spasmguide.ui.diary.privacy import about_html

            cursor = QTextCursor(window.about.document())
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertHtml(about_html(path()))
        offer_in_timer()

    def offer_in_timer() -> None:
        if "timer" not in done and extras.is_made("timer_tab"):
            done.add("timer")
            timer_tab = extras["timer_tab"]
            timer_tab.log_cramp_requested.connect(log_cramp)
            timer_tab.offer_log_cramp()

    def delete_all(target: str) -> None:
        if target != "delete-all-diary-data":
            return
        from spasmguide.core.diary import DiaryError
        from spasmguide.core.diary.store import delete_diary
        from spasmguide.ui.diary.privacy import DeleteDiaryData
        from spasmguide.ui.diary.words import reason_text, tr

        where = path()
        if not DeleteDiaryData.ask(window, where):
            return
        if extras.is_made("diary_tab"):
            extras["diary_tab"].forget(tr("Your diary data was deleted. Log a cramp to start "
                                          "a new diary."))
        try:
            delete_diary(where)
        except DiaryError as exc:
            window.show_notice(reason_text(exc.reason))
            return
        window.show_notice(tr("All diary data was deleted from this computer."))

    extras.add_later("diary_tab", make)
    extras["log_cramp"] = log_cramp
    window.tab_changed.connect(on_tab_changed)
    window.first_painted.connect(offer_in_timer)  # after the timer tab is made there
    window.about.link_requested.connect(delete_all)


def _build_appearance(settings: SettingsStore, kiosk: bool) -> Any:
    """Theme, text size and focus ring, applied to the whole application."""
    from spasmguide.ui.appearance import Appearance

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return Appearance(app, settings, kiosk=kiosk)


def _build_accessibility(components: Components) -> None:
    """The view controls in the toolbar, read aloud and keyboard navigation.

    Keys cannot reach a window before it appears, so the keyboard shortcuts and the Tab
    order are put in place just after the first paint.
    """
    from spasmguide.ui.read_aloud import ReadAloud
    from spasmguide.ui.view_controls import ViewControls, current_section_text

    window, extras = components.window, components.extras
    appearance = extras["appearance"]
    appearance.setParent(window)
    read_aloud = ReadAloud(window, start=False)
    window.first_painted.connect(read_aloud.start)
    window.closing.connect(read_aloud.stop)
    controls = ViewControls(appearance, read_aloud, lambda: current_section_text(window))
    window.add_toolbar_widget(controls)
    extras["read_aloud"] = read_aloud
    extras["view_controls"] = controls

    def make_navigation() -> Any:
        from spasmguide.ui.keyboard import install_navigation

        window.install_shortcuts()
        appearance.install_shortcuts(window)
        return install_navigation(window)

    extras.add_later("navigation", make_navigation)
    window.first_painted.connect(lambda: extras.make_now("navigation"))


def _restore_view(components: Components) -> None:
    window, settings = components.window, components.settings
    geometry = settings.get("window/geometry")
    if not geometry or not window.restoreGeometry(QByteArray(geometry)):
        if geometry:
            log.warning("settings: saved window geometry was not usable")
        _default_geometry(window)
    start = components.options.tab or settings.get("window/last_tab")
    if not window.show_tab(start):
        window.show_tab(window.tab_ids()[0])


def _default_geometry(window: MainWindow) -> None:
    """First start: most of the screen, centred, so the text has room."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    width = max(window.minimumWidth(), int(area.width() * 0.9))
    height = max(window.minimumHeight(), int(area.height() * 0.9))
    window.resize(min(width, area.width()), min(height, area.height()))
    window.move(area.center() - window.rect().center())


def _save_view(components: Components) -> None:
    window, settings = components.window, components.settings
    settings.set("window/geometry", window.saveGeometry().data())
    settings.set("window/last_tab", window.current_tab_id() or "overview")
    settings.save()


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
        window.show_notice(
            "Something went wrong inside SpasmGuide. It was logged and the guide "
            "keeps working. If it happens again, restart the program."
        )

    sys.excepthook = handle


def unknown_tab_message(tab: str | None, tab_ids: list[str]) -> str:
    """The usage error for ``--tab`` naming no tab of this guide; "" when it is fine."""
    if tab is None or tab in tab_ids:
        return ""
    return (
        f"spasmguide: error: argument --tab: there is no tab {tab!r}; "
        f"choose one of: {', '.join(tab_ids)}"
    )


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
    if controller is None:
        install_crash_handler(components.window)
        components.window.show()
        return Launched(components)
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
    controller.install_exception_hook()
    components.window.show()
    controller.start_service_notifications()
    return Launched(components, lock)


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
