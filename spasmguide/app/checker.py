"""The “Is it serious?” checker: its button, its page and its offer above search results."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
)

from spasmguide.app.parts import Components, Extras
from spasmguide.core.content import ContentError
from spasmguide.core.content.loader import CHECKER_LINK

log = logging.getLogger("spasmguide")


def build_checker(components: Components) -> None:
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
    extras.make_after_first_frame("checker_offer")


def reset_checker(extras: Extras) -> None:
    page = extras["checker_page"]
    if page is not None:
        page.reset()
