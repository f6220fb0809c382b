"""Desktop “Save or print”: its tool-bar button and, on first use, its dialog."""

from __future__ import annotations

from typing import Any

from spasmguide.app.parts import Components, current_place, toolbar_button


def build_takehome(components: Components) -> None:
    """Desktop "Save or print": a button now, its dialog (and Qt's printing) on first use."""
    from PySide6.QtCore import QCoreApplication

    window, extras = components.window, components.extras
    button = toolbar_button(
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
