"""The Timer tab, made just after the first frame."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from spasmguide.app.parts import Components


def build_timer(components: Components, clock: Callable[[], float]) -> None:
    """The Timer tab, its live countdown in the status area, and its help link.

    The tab is not in view at start-up, so its content is made once the window has painted
    and the search is ready, or earlier when the tab is opened or ``extras["timer_tab"]`` is
    asked for.
    """
    window, extras = components.window, components.extras
    page = QWidget()
    page.setObjectName("timer-page")
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    window.add_tab(page, QCoreApplication.translate("TimerTab", "Timer"), "timer")
    window.status_button.clicked.connect(lambda: window.show_tab("timer"))

    def make() -> Any:
        from spasmguide.ui.chime import Chime
        from spasmguide.ui.timer import TimerTab

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
    extras.make_after_first_frame("timer_tab")
