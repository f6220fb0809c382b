"""The composition root: the one place that builds SpasmGuide's objects and wires them.

One module per feature's wiring, so each can be read on its own:

- ``root``: :func:`build`, the order in which everything is made;
- ``parts``: what a start is made of (:class:`Components`, the lazily made :class:`Extras`);
- ``search``, ``checker``, ``timer``, ``diary``, ``takehome``, ``kiosk``, ``view``: each
  feature's wiring;
- ``start``: logging, the crash handler, the kiosk's single-instance lock and the event loop.
"""

from spasmguide.app.kiosk import KioskChoice, choose_kiosk
from spasmguide.app.parts import Components, Extras, current_place
from spasmguide.app.root import build, load_content
from spasmguide.app.start import (
    APP_NAME,
    Launched,
    install_crash_handler,
    launch,
    run_app,
    unknown_tab_message,
)

__all__ = [
    "APP_NAME",
    "Components",
    "Extras",
    "KioskChoice",
    "Launched",
    "build",
    "choose_kiosk",
    "current_place",
    "install_crash_handler",
    "launch",
    "load_content",
    "run_app",
    "unknown_tab_message",
]
