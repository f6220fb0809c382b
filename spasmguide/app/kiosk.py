"""Kiosk wiring: whether this start is a kiosk, its lock-down and reset, and the QR take-away."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from spasmguide.app.checker import reset_checker
from spasmguide.app.parts import Components, current_place, toolbar_button
from spasmguide.cli import LaunchOptions
from spasmguide.core.locations import SYSTEM_KIOSK_CONFIG

if TYPE_CHECKING:
    from spasmguide.core.kiosk import KioskConfig


KioskChoice = tuple["KioskConfig | None", list[str]]
"""A kiosk configuration (None for a desktop start) and the warnings found on the way."""


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


def build_kiosk(components: Components, config: KioskConfig, clock: Callable[[], float]) -> None:
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
    hooks.append(lambda: extras.is_made("checker_page") and reset_checker(extras))
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

    # Last: the clinic's own language again for the next person (a rebuild, just after).
    if "language" in extras:
        hooks.append(extras["language"].return_to_default)
    build_takeaway(components, config, hooks)
    extras["kiosk"] = install_kiosk(
        components, config, clock, reset_hooks=hooks, is_busy=routine_counting,
        search_box=extras.get("search_box"),
    )


def build_takeaway(components: Components, config: KioskConfig, hooks: list[Any]) -> None:
    """Kiosk "Take this with you": a button now, the QR overlay when first tapped."""
    from PySide6.QtCore import QCoreApplication

    window, extras, pack = components.window, components.extras, components.pack
    button = toolbar_button(
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
