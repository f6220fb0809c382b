"""The controller joining the search box, the results page and the index."""


from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QWidget,
)

from spasmguide.core.search import Hit, SearchIndex
from spasmguide.ui.search.results import SearchResults
from spasmguide.ui.search_box import SearchBox

if TYPE_CHECKING:
    from PySide6.QtGui import QShortcut


class SearchController(QObject):
    """Runs a query on every keystroke and joins the box, the results page and the index.

    Signals:
        hit_activated(object): open this :class:`Hit` (its tab, at its section).
        query_changed(str): the text searched changed ("" means show the page again).
        focus_page_requested(): Esc in an empty box: give focus back to the page.
    """

    hit_activated = Signal(object)
    query_changed = Signal(str)
    focus_page_requested = Signal()

    THIN_RESULTS = 3
    """Fewer hits than this also offer "Did you mean"."""

    def __init__(
        self, index: SearchIndex, box: SearchBox, results: SearchResults,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.index = index
        self.box = box
        self.results = results
        self._literal: str | None = None
        self._catching_up = False
        box.textChanged.connect(self._on_box_text_changed)
        box.move_requested.connect(self._on_box_move_requested)
        box.activate_requested.connect(self._on_box_activate_requested)
        box.escape_requested.connect(self._on_box_escape_requested)
        results.hit_activated.connect(self._on_results_hit_activated)
        results.search_requested.connect(self._on_results_search_requested)
        results.literal_search_requested.connect(self._on_results_literal_search_requested)

    def add_focus_shortcuts(self, window: QWidget) -> list[QShortcut]:
        """Ctrl+F, Ctrl+K and ``/`` anywhere in ``window`` focus the box and select its text."""
        from PySide6.QtGui import QKeySequence, QShortcut  # not needed to show results

        shortcuts = []
        for sequence in (QKeySequence.StandardKey.Find, "Ctrl+K", "/"):
            shortcut = QShortcut(QKeySequence(sequence), window)
            shortcut.activated.connect(self.focus_box)
            shortcuts.append(shortcut)
        return shortcuts

    @Slot()
    def focus_box(self) -> None:
        """Focus the search box with its text selected, ready to type over."""
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def search(self, text: str, *, correct: bool = True) -> list[Hit]:
        """Run ``text`` and show its results (also used by tests and the benchmark)."""
        hits = self.index.query(text, correct=correct)
        suggestion = None
        if text.strip() and len(hits) < self.THIN_RESULTS:
            suggestion = self.index.suggest(text)
        self.results.set_results(text, hits, suggestion, literal=not correct)
        return hits

    def catch_up(self) -> None:
        """Search the box's text once the events already waiting have been handled.

        For keys typed before the search was ready: they arrive in one burst, and searching
        after each of them would keep the first results waiting for every search in turn. Later
        keys, typed at a person's pace, each search at once.
        """
        if not self._catching_up:
            self._catching_up = True
            QTimer.singleShot(0, self, self.finish_catching_up)

    def is_catching_up(self) -> bool:
        """Whether a search of keys typed before the search was ready is still to run."""
        return self._catching_up

    @Slot()
    def finish_catching_up(self) -> None:
        """Run the search that ``catch_up`` put off, now (nothing when there is none)."""
        if self._catching_up:
            self._catching_up = False
            self._on_box_text_changed(self.box.text())

    def reset(self) -> None:
        """Clear the search without leaving the text in the undo history (kiosk reset)."""
        self.box.setText("")

    @Slot(str)
    def _on_box_text_changed(self, text: str) -> None:
        if self._catching_up:
            return  # searched once the burst is over
        literal = self._literal is not None and text == self._literal
        self.search(text, correct=not literal)
        self._literal = None
        self.query_changed.emit(text)

    @Slot(int)
    def _on_box_move_requested(self, delta: int) -> None:
        self.finish_catching_up()  # act on the results of what is in the box
        self.results.move_selection(delta)

    @Slot()
    def _on_box_activate_requested(self) -> None:
        self.finish_catching_up()
        self.results.activate_current()

    @Slot()
    def _on_box_escape_requested(self) -> None:
        self.finish_catching_up()
        if self.box.text():
            # setText, not clear(): clear() keeps the text in the undo history, and in
            # kiosk mode Ctrl+Z would show the previous person's search.
            self.box.setText("")
        else:
            self.focus_page_requested.emit()

    @Slot(object)
    def _on_results_hit_activated(self, hit: object) -> None:
        self.hit_activated.emit(hit)

    @Slot(str)
    def _on_results_search_requested(self, text: str) -> None:
        self.box.setText(text)
        self.box.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(str)
    def _on_results_literal_search_requested(self, text: str) -> None:
        self._literal = text
        if self.box.text() != text:
            self.box.setText(text)  # searches through textChanged
        else:
            self.search(text, correct=False)
        self._literal = None
        self.box.setFocus(Qt.FocusReason.OtherFocusReason)
