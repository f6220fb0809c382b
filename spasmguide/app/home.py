"""The start page: the first tab, its cards, and where each card leads in this pack."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from spasmguide.app.parts import Components
from spasmguide.core.content import Pack
from spasmguide.core.content.files import pack_file_exists
from spasmguide.core.content.loader import CHECKER_LINK

START_TAB = "start"
"""The start page's tab id (no pack may use it for a tab of its own)."""

TIMER_BUTTON = "cramp-timer"
"""The start page's button that opens the timer, ready to time a cramp."""

CRAMP_ROUTINE = "until-eased"
"""The routine the timer button chooses when the pack has it."""

CARD_TARGETS: dict[str, tuple[str, ...]] = {
    "cramp-now": ("what-to-do-right-now", "stretch-and-massage", "treatments"),
    "is-it-serious": (CHECKER_LINK, "@help"),
    "causes": ("causes", "common-causes"),
    "treatments": ("treatments",),
    "muscle-types": ("muscle-types", "three-types-of-muscle"),
}
"""Where each card may lead, first choice first: a tab id, a section id, the "Is it
serious?" questions, or ``@help`` for the pack's "When to get help" section. A card none of
whose places the pack has is not shown."""


def card_words(card_id: str, target: str) -> tuple[str, str]:
    """The title and the line under it of a card, in the reader's language.

    Each string is a literal ``QCoreApplication.translate`` call, which ``lupdate`` finds.
    """
    if card_id == "cramp-now":
        return (
            QCoreApplication.translate("StartPage", "I have a cramp now"),
            QCoreApplication.translate(
                "StartPage", "Stretch and rub the muscle. See what to do, step by step."),
        )
    if card_id == "is-it-serious":
        title = QCoreApplication.translate("StartPage", "Is it serious?")
        if target == CHECKER_LINK:
            return title, QCoreApplication.translate(
                "StartPage",
                "Answer a few yes or no questions to see if you need help, and how soon.")
        return title, QCoreApplication.translate(
            "StartPage", "The signs that mean you should get help, and how soon.")
    if card_id == "causes":
        return (
            QCoreApplication.translate("StartPage", "Why does it happen?"),
            QCoreApplication.translate(
                "StartPage", "Common causes of leg cramps, from tired muscles to some medicines."),
        )
    if card_id == "treatments":
        return (
            QCoreApplication.translate("StartPage", "What helps?"),
            QCoreApplication.translate(
                "StartPage",
                "Stretches, a warm or cold compress, and which home remedies are proven."),
        )
    return (
        QCoreApplication.translate("StartPage", "Muscle types"),
        QCoreApplication.translate(
            "StartPage", "The three kinds of muscle, and which kind cramps."),
    )


def known_targets(pack: Pack) -> set[str]:
    """Every place in ``pack`` a card may lead to."""
    known = {tab.id for tab in pack.tabs} | {section.id for _, section in pack.sections()}
    if pack.help_section in known:
        known.add("@help")
    if pack_file_exists(pack.path, "checker.toml"):
        known.add(CHECKER_LINK)
    return known


def choose_targets(known: set[str]) -> dict[str, str]:
    """Each card's place in the pack; a card with none is left out."""
    chosen: dict[str, str] = {}
    for card_id, places in CARD_TARGETS.items():
        found = next((place for place in places if place in known), None)
        if found is not None:
            chosen[card_id] = found
    return chosen


def build_start_page(components: Components, targets: Sequence[str] | None = None) -> None:
    """The Start tab, first of all tabs: a card for each question people arrive with.

    ``targets`` replaces the places found in the pack (for tests of a pack without some).
    """
    from spasmguide.ui.start_page import StartPage

    window, pack, extras = components.window, components.pack, components.extras
    known = set(targets) if targets is not None else known_targets(pack)
    chosen = choose_targets(known)
    page = StartPage()
    for card_id, target in chosen.items():
        title, description = card_words(card_id, target)
        page.add_card(card_id, title, description)
        if card_id == "cramp-now" and pack.routines:
            page.add_card_button(
                TIMER_BUTTON,
                QCoreApplication.translate("StartPage", "Time the cramp with the timer"),
                QCoreApplication.translate(
                    "StartPage", "Open the timer, ready to time how long the cramp lasts"
                ),
            )
    window.insert_first_tab(page, QCoreApplication.translate("StartPage", "Start"), START_TAB)
    extras["start_page"] = page

    def activate(card_id: str) -> None:
        if card_id == TIMER_BUTTON:
            open_timer()
            return
        target = chosen.get(card_id)
        if target is None:
            return
        if target == "@help":
            window.show_help()
        elif target == CHECKER_LINK:
            window.follow_link(target)  # opens the questions over the tabs
        else:
            window.follow_link(target)
            window.focus_page()

    def open_timer() -> None:
        timer_tab: Any = extras.get("timer_tab")
        routines = {routine.id for routine in pack.routines}
        if timer_tab is not None and not timer_tab.is_running() and CRAMP_ROUTINE in routines:
            timer_tab.select_routine(CRAMP_ROUTINE)
        window.show_tab("timer")

    page.card_activated.connect(activate)
