"""The guide's language: which one a start uses, its switch, and the rebuild a switch makes.

A switch rebuilds the whole window through :func:`~spasmguide.app.root.build` from the other
language's pack, with that language's translators installed first: every string, the pack's
and the program's, is then made in the new language exactly as at start-up, and nothing can be
left behind in the old one. The new window takes the old one's place, size and position, tab
and section (and the search text), and a kiosk is locked down again before it is shown.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from spasmguide.app.parts import Components, current_place
from spasmguide.cli import LaunchOptions
from spasmguide.core.content import bundled_pack_path
from spasmguide.i18n import (
    SOURCE_LANGUAGE,
    available_languages,
    choose_language,
    is_language_code,
    translation_file,
)

if TYPE_CHECKING:
    from spasmguide.app.kiosk import KioskChoice
    from spasmguide.settings_store import SettingsStore

log = logging.getLogger("spasmguide")

LANGUAGE_SETTING = "view/language"


def language_packs(content: Path | None) -> dict[str, Path]:
    """The pack folder of each language a switch can offer, by language code.

    The built-in guide offers every bundled language. A pack given with ``--content`` (or a
    kiosk's ``content =``) offers the others when its folder is named by its language code
    and has sibling folders for other languages (``/srv/guide/en`` beside
    ``/srv/guide/es``); any other pack folder is the only one there is.
    """
    if content is None:
        root = bundled_pack_path().parent
    elif is_language_code(content.name) and (content / "pack.toml").is_file():
        root = content.parent
    else:
        return {}
    return {code: root / code for code in available_languages(root)}


def interface_languages() -> list[str]:
    """Languages the program's own words are translated into (English always)."""
    from spasmguide.i18n import TRANSLATIONS_DIR

    codes = {SOURCE_LANGUAGE}
    codes.update(p.stem.removeprefix("spasmguide_") for p in TRANSLATIONS_DIR.glob("*.qm"))
    return sorted(codes)


def start_language(
    options: LaunchOptions,
    settings: SettingsStore,
    kiosk_language: str = "",
    system: list[str] | None = None,
) -> tuple[str, dict[str, Path]]:
    """The language a start uses, and the packs a switch may offer.

    ``--lang`` first; then a pack given with ``--content`` speaks its own folder's language;
    then a kiosk's ``language =``, the desktop's remembered choice, the system's preferred
    languages; English otherwise. "" means a single pack whose language is read from it.
    """
    packs = language_packs(options.content)
    if options.content is not None:
        if options.lang and (options.lang in packs or not packs):
            return options.lang, packs
        return (options.content.name if packs else ""), packs
    if system is None:
        from spasmguide.ui.language import system_languages

        system = system_languages()
    remembered = "" if settings.read_only else settings.get(LANGUAGE_SETTING)
    code = choose_language(
        packs, requested=options.lang or kiosk_language, remembered=remembered, system=system
    )
    return code, packs


class LanguageHost:
    """Rebuilds the window in another language; one for the whole run of the program.

    Made by the first :func:`~spasmguide.app.root.build` and handed to every later one, so
    each window knows the language the run started in (a kiosk's default, to which an idle
    reset returns) and how to show a new window (``show``, set by the launcher).
    """

    def __init__(
        self,
        options: LaunchOptions,
        *,
        clock: Callable[[], float],
        pack_cache: Path | None,
        kiosk: KioskChoice,
    ) -> None:
        self.options = options
        self.clock = clock
        self.pack_cache = pack_cache
        self.kiosk = kiosk
        self.default = ""
        self.current: Components | None = None
        self.language = ""
        self.packs: dict[str, Path] = {}
        self.show: Callable[[Components], None] = lambda components: components.window.show()
        self.switched: list[Callable[[Components], None]] = []
        self._pending = False

    def started(self, components: Components, language: str, packs: dict[str, Path]) -> None:
        """A window was built in ``language``."""
        if not self.default:
            self.default = language
        self.current = components
        self.language = language
        self.packs = packs

    def languages(self) -> list[str]:
        """Languages a switch may offer: a pack for each, and the program's words in it."""
        ours = set(interface_languages())
        return [code for code in self.packs if code in ours]

    def switch(self, code: str) -> Components | None:
        """Rebuild the window in ``code``, in the same place; None when nothing changed."""
        old = self.current
        if old is None or code == self.language or code not in self.packs:
            return None
        if translation_file(code) is None and code != SOURCE_LANGUAGE:
            log.warning("language: no interface translation for %r", code)
            return None
        from spasmguide.app.root import build

        window = old.window
        tab, section = current_place(window)
        box = old.extras.get("search_box")
        query = box.text() if box is not None else ""
        timer_tab = old.extras["timer_tab"] if old.extras.is_made("timer_tab") else None
        routine = timer_tab.timer.routine.id if timer_tab and timer_tab.timer else ""
        interrupted = bool(timer_tab and timer_tab.is_running())
        geometry = window.saveGeometry()
        if not old.settings.read_only:
            old.settings.set(LANGUAGE_SETTING, code)  # remembered on the desktop
        # As on closing: settings saved, the diary closed, speech stopped.
        window.closing.emit()
        controller = old.extras.get("kiosk") if old.extras.is_made("kiosk") else None
        if controller is not None:
            controller.uninstall()  # its lock-down would close the new window at once
        content = self.packs[code] if self.options.content is not None else None
        options = self.options.replace(lang=code, tab=tab or None, content=content)
        new = build(
            options, clock=self.clock, pack_cache=self.pack_cache, kiosk=self.kiosk,
            language_host=self, appearance=old.extras.get("appearance"),
        )
        if controller is None:
            new.window.restoreGeometry(geometry)
        self._restore_place(new, tab, section, query)
        if routine and new.extras.get("timer_tab") is not None:
            new.extras["timer_tab"].select_routine(routine)
            if interrupted:  # the routine's words change too: it starts again in the new ones
                from PySide6.QtCore import QCoreApplication

                new.window.show_notice(QCoreApplication.translate(
                    "Start", "The timer stopped when the language changed. "
                    "Press Start to begin the routine again."
                ))
        self.show(new)
        window.close_guard = None
        window.hide()
        window.deleteLater()
        for callback in self.switched:
            callback(new)
        log.info("language: now %s", code)
        return new

    @staticmethod
    def _restore_place(new: Components, tab: str, section: str | None, query: str) -> None:
        window = new.window
        if tab:
            window.show_tab(tab)
        if section:
            reader = window.readers.get(tab)
            if reader is not None and section in reader.section_ids():
                reader.show_section(section)
        box = new.extras.get("search_box")
        if query and box is not None:
            box.setText(query)

    def return_to_default(self) -> None:
        """A kiosk's reset: back to the clinic's language (just after the reset finishes)."""
        if self.language == self.default or self._pending:
            return
        from PySide6.QtCore import QTimer

        self._pending = True
        QTimer.singleShot(0, self._reset_to_default)

    def _reset_to_default(self) -> None:
        self._pending = False
        new = self.switch(self.default)
        controller = new.extras.get("kiosk") if new is not None else None
        if controller is not None:
            controller.reset_session()  # the attract screen, for the next person


def make_language_switch(components: Components, min_height: int | None = None) -> Any:
    """A language switch wired to rebuild this window, for any screen to place (the tool
    bar has one; a start page may add another). None when there is only one language."""
    host: LanguageHost = components.extras["language"]
    languages = host.languages()
    if len(languages) < 2 or host.language not in languages:
        return None
    from spasmguide.ui.language import LanguageSwitch
    from spasmguide.ui.view_controls import KIOSK_MIN_BUTTON_HEIGHT, MIN_BUTTON_HEIGHT

    if min_height is None:
        kiosk = components.options.kiosk
        min_height = KIOSK_MIN_BUTTON_HEIGHT if kiosk else MIN_BUTTON_HEIGHT
    switch = LanguageSwitch(host.language, languages, min_height=min_height)
    # Queued: the switch's own window is replaced, so the press finishes first.
    switch.language_chosen.connect(host.switch, Qt.ConnectionType.QueuedConnection)
    return switch


def build_language_switch(components: Components, host: LanguageHost) -> Any:
    """The language switch in the tool bar, and a second one on the start page, where a
    visitor who reads Spanish better looks first (none when there is only one language)."""
    switch = make_language_switch(components)
    if switch is None:
        return None
    components.window.add_toolbar_widget(switch)
    components.extras["language_switch"] = switch
    start_page = components.extras.get("start_page")
    if start_page is not None:
        on_start = make_language_switch(components)
        if on_start is not None:
            on_start.setObjectName("start-language-switch")
            start_page.add_corner_widget(on_start)
            components.extras["start_language_switch"] = on_start
    return switch
