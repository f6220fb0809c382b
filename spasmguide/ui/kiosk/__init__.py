"""Kiosk mode in Qt: lock the window in, reset between visitors, touch keypad, staff exit.

``install_kiosk`` is called from the composition root. One module per part:
``lockdown`` (the application-wide event filter and the locked window), ``controller`` (the
session: idle warning, reset, attract screen, staff exit), ``overlays`` ("Still there?" and
the attract screen), ``pin_pad`` (staff exit), ``keypad`` (on-screen keys for the search
box), ``instance`` (one kiosk at a time) and ``style`` (touch sizes).
"""

from spasmguide.ui.kiosk.controller import KioskController, install_kiosk
from spasmguide.ui.kiosk.instance import (
    LockUnavailableError,
    acquire_single_instance,
    kiosk_lock_path,
)
from spasmguide.ui.kiosk.keypad import Keypad
from spasmguide.ui.kiosk.lockdown import (
    EXTERNAL_SCHEMES,
    Lockdown,
    key_chord,
    lock_window,
)
from spasmguide.ui.kiosk.overlays import AttractOverlay, WarningOverlay
from spasmguide.ui.kiosk.pin_pad import PinPad
from spasmguide.ui.kiosk.style import KIOSK_STYLE

__all__ = [
    "EXTERNAL_SCHEMES",
    "KIOSK_STYLE",
    "AttractOverlay",
    "Keypad",
    "KioskController",
    "LockUnavailableError",
    "Lockdown",
    "PinPad",
    "WarningOverlay",
    "acquire_single_instance",
    "install_kiosk",
    "key_chord",
    "kiosk_lock_path",
    "lock_window",
]
