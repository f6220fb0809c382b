"""Build the window and everything behind it: the order in which the features are wired."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from spasmguide.app.checker import build_checker
from spasmguide.app.diary import build_diary
from spasmguide.app.home import build_start_page
from spasmguide.app.kiosk import KioskChoice, build_kiosk, choose_kiosk
from spasmguide.app.language import LanguageHost, build_language_switch, start_language
from spasmguide.app.parts import Components, settle
from spasmguide.app.search import build_search
from spasmguide.app.takehome import build_takehome
from spasmguide.app.timer import build_timer
from spasmguide.app.view import build_accessibility, build_appearance, restore_view, save_view
from spasmguide.cli import LaunchOptions
from spasmguide.core.clock import steady_clock
from spasmguide.core.content import ContentError, Pack, bundled_pack_path
from spasmguide.core.pack_cache import load_pack_cached
from spasmguide.core.pack_safety import HelpContacts
from spasmguide.settings_store import SettingsStore, default_settings_path
from spasmguide.ui.language import install_language
from spasmguide.ui.main_window import MainWindow

log = logging.getLogger("spasmguide")


def load_content(
    directory: Path | None,
    cache_dir: Path | None = None,
    contacts: HelpContacts | None = None,
    language: str = "en",
) -> tuple[Pack, str]:
    """Load the requested pack, or the bundled one with a notice saying why.

    Args:
        directory: The pack to show; None for the bundled one.
        cache_dir: Where checked packs are kept between starts; None for no cache.
        contacts: A kiosk's own emergency number and advice line, replacing the pack's.
        language: The bundled pack's language (when ``directory`` is None or broken).

    Returns:
        The pack to show, and a notice for the user ("" when all went well).
    """

    def load(path: Path) -> Pack:
        return load_pack_cached(path, cache_dir, contacts=contacts)

    if directory is None:
        return load(bundled_pack_path(language)), ""
    try:
        return load(directory), ""
    except ContentError as exc:
        log.warning("content pack %s is broken:\n%s", directory, exc)
        first = exc.problems[0]
        more = len(exc.problems) - 1
        if more == 1:
            extra = " " + QCoreApplication.translate("Start", "(and one more problem)")
        elif more:
            extra = " " + QCoreApplication.translate("Start", "(and %1 more problems)").replace(
                "%1", str(more)
            )
        else:
            extra = ""
        notice = QCoreApplication.translate(
            "Start",
            "The content in %1 could not be opened, so the built-in guide is shown instead. "
            "Problem: %2. To see every problem, run: python3 run.py check-content %1",
        ).replace("%2", f"{first}{extra}").replace("%1", str(directory))
        return load(bundled_pack_path(language)), notice


def build(
    options: LaunchOptions,
    *,
    clock: Callable[[], float] = steady_clock,
    pack_cache: Path | None = None,
    kiosk: KioskChoice | None = None,
    language_host: LanguageHost | None = None,
    appearance: Any = None,
) -> Components:
    """Build the window and everything behind it. A QApplication must already exist.

    ``pack_cache`` is a folder where checked content packs are kept between starts (not used
    in kiosk mode, which writes nothing of its own to disk). ``kiosk`` is what
    :func:`choose_kiosk` said, when the caller already asked it. ``language_host`` and
    ``appearance`` are the ones of the window this one replaces (a switch of language).
    """
    kiosk = choose_kiosk(options) if kiosk is None else kiosk
    kiosk_config, kiosk_warnings = kiosk
    for warning in kiosk_warnings:
        log.warning(warning)
    if kiosk_config is not None:
        options = options.replace(kiosk=True, content=options.content or kiosk_config.content)
    if language_host is None:
        language_host = LanguageHost(options, clock=clock, pack_cache=pack_cache, kiosk=kiosk)
    contacts = None
    if kiosk_config is not None and (kiosk_config.emergency_number or kiosk_config.advice_line):
        contacts = HelpContacts(kiosk_config.emergency_number, kiosk_config.advice_line)
    if options.kiosk:
        # A kiosk neither reads nor writes a user's settings: every visitor gets the defaults.
        settings = SettingsStore(None, read_only=True)
    else:
        settings = SettingsStore(
            options.settings if options.settings is not None else default_settings_path()
        )
    language, packs = start_language(
        options, settings, kiosk_config.language if kiosk_config is not None else ""
    )
    install_language(language or "en")  # before any widget: each is made in its language
    pack, notice = load_content(
        options.content, None if options.kiosk else pack_cache, contacts, language or "en"
    )
    if not language:  # a single pack of its own: the interface speaks its language if it can
        language = pack.language if install_language(pack.language) else "en"
    if options.kiosk and notice:
        # Visitors get a calm line; staff find the details in the log.
        notice = QCoreApplication.translate(
            "Start", "Some guide content could not be loaded, so the standard guide is shown."
        )
    # Theme and text size first, so widgets are made once in their final look.
    if appearance is None:
        appearance = build_appearance(settings, options.kiosk)
    window = MainWindow(pack)
    components = Components(window=window, pack=pack, settings=settings, options=options)
    components.extras["appearance"] = appearance
    components.extras["language"] = language_host
    language_host.started(components, language, packs)
    build_timer(components, clock)
    build_search(components, None if options.kiosk else pack_cache)
    build_checker(components)
    if not options.kiosk:  # a kiosk never opens, creates or mentions a diary
        build_diary(components)

    window.finish_tabs()
    build_start_page(components)
    build_accessibility(components)
    build_language_switch(components, language_host)
    restore_view(components)
    window.closing.connect(lambda: save_view(components))
    steps = components.extras.after_first_frame
    window.first_painted.connect(lambda: settle(window, steps))
    for message in [notice, *settings.warnings]:
        if message:
            window.show_notice(message)
    if kiosk_config is not None:
        build_kiosk(components, kiosk_config, clock)
    else:
        build_takehome(components)
    return components
