"""Theme, text size, read aloud, keyboard navigation, and the window's remembered place."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QByteArray,
)
from PySide6.QtWidgets import QApplication

from spasmguide.app.parts import Components
from spasmguide.settings_store import SettingsStore
from spasmguide.ui.main_window import MainWindow

log = logging.getLogger("spasmguide")


def build_appearance(settings: SettingsStore, kiosk: bool) -> Any:
    """Theme, text size and focus ring, applied to the whole application."""
    from spasmguide.ui.appearance import Appearance

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return Appearance(app, settings, kiosk=kiosk)


def build_accessibility(components: Components) -> None:
    """The view controls in the toolbar, read aloud and keyboard navigation.

    Keys cannot reach a window before it appears, so the keyboard shortcuts and the Tab
    order are put in place just after the first paint.
    """
    from spasmguide.ui.read_aloud import ReadAloud
    from spasmguide.ui.view_controls import ViewControls, current_section_text

    window, extras = components.window, components.extras
    appearance = extras["appearance"]
    appearance.setParent(window)
    host = extras.get("language")
    read_aloud = ReadAloud(window, start=False, language=host.language if host else "en")
    extras.run_after_first_frame(read_aloud.start)
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
    extras.make_after_first_frame("navigation", first=True)


def restore_view(components: Components) -> None:
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


def save_view(components: Components) -> None:
    window, settings = components.window, components.settings
    settings.set("window/geometry", window.saveGeometry().data())
    settings.set("window/last_tab", window.current_tab_id() or "start")
    settings.save()
