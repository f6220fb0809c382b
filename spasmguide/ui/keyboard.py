"""Keyboard navigation: Alt+1..9 to a tab, F6 between regions, and a sensible Tab order.

The Tab order follows what a person sees, top to bottom and left to right: the toolbar
(search, view controls, "When to get help"), any notice, the tab bar, then the tab's own
controls (section list, then page), then the status area.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from spasmguide.ui.main_window import MainWindow

SEARCH_OBJECT = "search-box"
"""Object name of the search box that F6 visits first (its accessible name is translated)."""
TAB_KEYS = 9


def is_tab_focusable(widget: QWidget) -> bool:
    """Whether Tab can give ``widget`` focus itself (not through a focus proxy)."""
    return (
        bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
        and widget.isEnabled()
    )


def focus_chain(window: QWidget) -> list[QWidget]:
    """The window's widgets in their current Tab order."""
    chain: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not None and widget is not window and len(chain) < 10_000:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


class Navigation(QObject):
    """Keyboard navigation of one main window (see ``install_navigation``)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.shortcuts: list[QShortcut] = []
        for number in range(1, TAB_KEYS + 1):
            shortcut = QShortcut(QKeySequence(f"Alt+{number}"), window)
            shortcut.activated.connect(lambda n=number: self.jump_to_tab(n))
            self.shortcuts.append(shortcut)
        for key, step in (("F6", 1), ("Shift+F6", -1)):
            shortcut = QShortcut(QKeySequence(key), window)
            shortcut.activated.connect(lambda s=step: self.cycle_region(s))
            self.shortcuts.append(shortcut)
        window.installEventFilter(self)
        # Putting the Tab order right walks every widget: do it once the window has painted,
        # before anyone can press Tab, rather than delay the first frame.
        self.order_pending = not window.has_painted()
        if self.order_pending:
            window.first_painted.connect(self._on_window_first_painted)
        else:
            self.fix_tab_order()

    # -- Alt+N ----------------------------------------------------------------------------------

    @Slot(int)
    def jump_to_tab(self, number: int) -> bool:
        """Show tab ``number`` (1-based) and put focus at its start."""
        ids = self.window.tab_ids()
        if not 1 <= number <= len(ids):
            return False
        tab_id = ids[number - 1]
        self.window.show_tab(tab_id)
        reader = self.window.readers.get(tab_id)
        if reader is not None:
            reader.section_list.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif self.window.tabs_in_rows() and self.window.tab_strip is not None:
            self.window.tab_strip.focus_current()  # type: ignore[attr-defined]
        else:
            self.window.tabs.tabBar().setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    # -- F6 -------------------------------------------------------------------------------------

    def search_box(self) -> QWidget | None:
        """The search box, when the window has one."""
        for box in self.window.findChildren(QLineEdit):
            if box.objectName() == SEARCH_OBJECT and box.isVisibleTo(self.window):
                return box
        return None

    def regions(self) -> list[QWidget]:
        """What F6 moves between: search box, section list, page (or the page shown)."""
        found: list[QWidget] = []
        box = self.search_box()
        if box is not None:
            found.append(box)
        window = self.window
        if window.stack.currentWidget() is not window.tabs:
            shown = window.stack.currentWidget()
            if shown is not None:
                found.extend(self._first_focusable(shown))
            return found
        reader = window.readers.get(window.current_tab_id())
        if reader is not None:
            found.extend([reader.section_list, reader.page])
        else:
            current = window.tabs.currentWidget()
            if current is not None:
                found.extend(self._first_focusable(current))
        return found

    @Slot(int)
    def cycle_region(self, step: int) -> QWidget | None:
        """Move focus to the next (step 1) or previous (step -1) region, wrapping around."""
        regions = self.regions()
        if not regions:
            return None
        focus = QApplication.focusWidget()
        here = next(
            (i for i, r in enumerate(regions) if focus is not None and _within(focus, r)),
            None,
        )
        if here is None:
            target = regions[0] if step > 0 else regions[-1]
        else:
            target = regions[(here + step) % len(regions)]
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return target

    @staticmethod
    def _first_focusable(container: QWidget) -> list[QWidget]:
        if is_tab_focusable(container):
            return [container]
        for child in focus_chain(container.window()):
            if (
                container.isAncestorOf(child)
                and is_tab_focusable(child)
                and child.isVisibleTo(container)
            ):
                return [child]
        return []

    # -- Tab order ------------------------------------------------------------------------------

    def fix_tab_order(self) -> list[QWidget]:
        """Put the Tab order in reading order; returns it. Runs again each time the window shows,
        so controls added after start-up join in the right place."""
        window = self.window
        chain = [w for w in focus_chain(window) if is_tab_focusable(w)]
        groups: list[QWidget] = []
        groups.append(window.toolbar)
        groups.append(window.notice)
        groups.append(window.tabs.tabBar())
        if window.tab_strip is not None:
            groups.append(window.tab_strip)  # the tabs as rows of buttons, when shown
        groups.extend(window.tabs.widget(i) for i in range(window.tabs.count()))
        groups.extend(
            window.stack.widget(i)
            for i in range(window.stack.count())
            if window.stack.widget(i) is not window.tabs
        )
        groups.append(window.statusBar())

        ordered: list[QWidget] = []
        seen: set[int] = set()
        for group in groups:
            for widget in chain:
                if id(widget) not in seen and (widget is group or group.isAncestorOf(widget)):
                    ordered.append(widget)
                    seen.add(id(widget))
        ordered.extend(w for w in chain if id(w) not in seen)
        for first, second in itertools.pairwise(ordered):
            QWidget.setTabOrder(first, second)
        return ordered

    @Slot()
    def _on_window_first_painted(self) -> None:
        self.order_pending = False
        self.fix_tab_order()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Show and not self.order_pending:
            self.fix_tab_order()
        return False


def _within(widget: QWidget, region: QWidget) -> bool:
    return widget is region or region.isAncestorOf(widget)


def install_navigation(window: MainWindow) -> Navigation:
    """Alt+1..9 jump to a tab, F6 / Shift+F6 cycle search box, section list and page, and
    the Tab order follows the screen. Returns the object that keeps it working."""
    return Navigation(window)
