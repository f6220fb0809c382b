"""The results page shown inside the main window while a search is typed."""


from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QFont,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from spasmguide.core.pack_safety import Evidence
from spasmguide.core.search import Hit, SearchIndex
from spasmguide.ui.appearance import give_ring_room
from spasmguide.ui.search.hit_list import HitDelegate, HitListModel


class SearchResults(QWidget):
    """The results page shown inside the main window while a search is typed.

    Signals:
        hit_activated(object): a hit (:class:`Hit`) was clicked or chosen with Enter.
        search_requested(str): an example or "Did you mean" search was tapped.
        literal_search_requested(str): "search instead for ..." was tapped: search the
            text exactly as typed, without correcting it.
        query_changed(str): the query whose results are shown changed.
    """

    hit_activated = Signal(object)
    search_requested = Signal(str)
    literal_search_requested = Signal(str)
    query_changed = Signal(str)

    def __init__(
        self,
        index: SearchIndex,
        parent: QWidget | None = None,
        *,
        evidence: Mapping[str, Evidence] | None = None,
    ) -> None:
        """``evidence`` gives each treatment section's label, shown as a badge on its row."""
        super().__init__(parent)
        self.setObjectName("search-results")
        self.setAccessibleName(self.tr("Search results"))
        self._examples = tuple(index.examples)
        self._help_hit = index.help_hit()
        self._query = ""
        self._announced: str | None = None
        self._alternative = ""

        self.status = QLabel()
        self.status.setObjectName("search-status")
        self.status.setAccessibleName(self.tr("Search status"))
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.instead_button = QPushButton()
        self.instead_button.setObjectName("search-instead")
        self.instead_button.setFlat(True)
        link_font = QFont()
        link_font.setUnderline(True)  # only underline is set, so text size still follows the app
        self.instead_button.setFont(link_font)
        self.instead_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.instead_button.setMinimumHeight(48)
        self.instead_button.setAccessibleName(self.tr("Search instead for the words as typed"))
        self.instead_button.clicked.connect(self._on_instead_button_clicked)
        self.suggestion_button = QPushButton()
        self.suggestion_button.setObjectName("search-suggestion")
        self.suggestion_button.setMinimumHeight(48)
        self.suggestion_button.setAccessibleName(self.tr("Did you mean"))
        self.suggestion_button.clicked.connect(self._on_suggestion_button_clicked)
        self._suggestion = ""

        # No results is an answer too: say so plainly and point to When to get help.
        self.help_label = QLabel()
        self.help_label.setObjectName("search-help-label")
        self.help_label.setWordWrap(True)
        self.help_label.setTextFormat(Qt.TextFormat.PlainText)
        self.help_button = QPushButton(
            self._help_hit.section_title if self._help_hit else self.tr("When to get help")
        )
        self.help_button.setObjectName("search-help")
        self.help_button.setMinimumHeight(48)
        self.help_button.setAccessibleName(self.help_button.text())
        self.help_button.clicked.connect(self._on_help_button_clicked)

        self.examples_label = QLabel(self.tr("Try one of these:"))
        self.examples_label.setObjectName("search-examples-label")
        self.example_buttons: list[QPushButton] = []
        examples_row = QHBoxLayout()
        examples_row.setContentsMargins(0, 0, 0, 0)
        for example in self._examples:
            button = QPushButton(example)
            button.setObjectName("search-example")
            button.setAccessibleName(self.tr("Search for {example}").format(example=example))
            button.setMinimumHeight(48)
            button.clicked.connect(lambda _=False, e=example: self.search_requested.emit(e))
            examples_row.addWidget(button)
            self.example_buttons.append(button)
        examples_row.addStretch(1)

        self.model = HitListModel(self, evidence)
        self.list = QListView()
        self.list.setObjectName("search-list")
        give_ring_room(self.list)
        self.list.setAccessibleName(self.tr("Search results list"))
        self.list.setModel(self.model)
        self.delegate = HitDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.activated.connect(self._on_list_activated)
        self.list.clicked.connect(self._on_list_activated)

        for widget in (self.instead_button, self.suggestion_button):
            # Keep the layout still while these come and go on every keystroke.
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.instead_button)
        top.addWidget(self.suggestion_button)
        empty_page = QWidget()
        empty_page.setObjectName("search-empty")
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.addWidget(self.examples_label)
        empty_layout.addLayout(examples_row)
        empty_layout.addStretch(1)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.list)
        self.pages.addWidget(empty_page)
        help_row = QHBoxLayout()
        help_row.addWidget(self.help_label, 1)
        help_row.addWidget(self.help_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(help_row)
        layout.addWidget(self.pages, 1)
        self.set_results("", [])

    def set_compact(self, compact: bool) -> None:
        """One snippet line per row (while the on-screen keypad covers half the screen)."""
        self.delegate.set_snippet_lines(1 if compact else HitDelegate.SNIPPET_LINES)
        for widget in (self.instead_button, self.suggestion_button):
            # While typing on the keypad, a hidden button keeps no room: results get it.
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(not compact)
            widget.setSizePolicy(policy)
        self.list.doItemsLayout()

    @property
    def query(self) -> str:
        """The query whose results are shown."""
        return self._query

    def hits(self) -> list[Hit]:
        """The hits shown, best first."""
        return [h for h in (self.model.hit(r) for r in range(self.model.rowCount())) if h]

    def set_results(
        self, query: str, hits: Sequence[Hit], suggestion: str | None = None,
        *, literal: bool = False,
    ) -> None:
        """Show ``hits`` for ``query``; never leaves the page blank.

        Args:
            query: The text as typed.
            hits: Results, best first.
            suggestion: A "Did you mean" query to offer, if any.
            literal: The hits are for the text exactly as typed after the person chose
                "search instead for" (so no correction message is shown).
        """
        shown = query.strip()
        self.model.set_hits(hits)
        if hits:
            self.list.setCurrentIndex(self.model.index(0, 0))
        corrected = hits[0] if hits and hits[0].corrected_to and not literal else None
        weak = bool(hits) and hits[0].weak
        self._alternative = shown if corrected else ""
        if not shown:
            status = self.tr("Type what you feel or want to know, or try one of these:")
        elif corrected is not None:
            status = self.tr("Showing results for \u201c{query}\u201d").format(
                query=corrected.corrected_to
            )
            self.instead_button.setText(
                self.tr("Search instead for \u201c{query}\u201d").format(query=shown)
            )
            self.instead_button.setAccessibleName(
                self.tr("Search instead for {query}").format(query=shown)
            )
        elif weak:
            status = self.tr("No good match for \u201c{query}\u201d").format(query=shown)
        elif len(hits) == 1:
            status = self.tr("1 result for \u201c{query}\u201d").format(query=shown)
        elif hits:
            status = self.tr("{count} results for \u201c{query}\u201d").format(
                count=len(hits), query=shown
            )
        else:
            status = self.tr("No results for \u201c{query}\u201d").format(query=shown)
        self.status.setText(status)
        self.instead_button.setVisible(corrected is not None)
        if corrected is None and self.instead_button.text():
            # A hidden button still holds its words; the next person must not find them.
            self.instead_button.setText("")
            self.instead_button.setAccessibleName(
                self.tr("Search instead for the words as typed")
            )
        self._suggestion = suggestion or ""
        already_shown = corrected is not None and suggestion == corrected.corrected_to
        offer = bool(suggestion) and shown and suggestion != shown and len(hits) < 3
        offer = offer and not already_shown
        self.suggestion_button.setVisible(bool(offer))
        if offer:
            self.suggestion_button.setText(
                self.tr("Did you mean \u201c{query}\u201d?").format(query=suggestion)
            )
            self.suggestion_button.setAccessibleName(
                self.tr("Did you mean {query}").format(query=suggestion)
            )
        elif self.suggestion_button.text():
            self.suggestion_button.setText("")  # hidden, and it hints at the last search
            self.suggestion_button.setAccessibleName(self.tr("Did you mean"))
        help_text = ""
        if shown and not hits:
            help_text = self.tr(
                "This guide has nothing on that. If you are worried about your health, "
                "see When to get help."
            )
        elif shown and weak:
            help_text = self.tr(
                "This guide may not cover that: these pages match only some of your words. "
                "If you are worried about your health, see When to get help."
            )
        self.help_label.setText(help_text)
        self.help_label.setVisible(bool(help_text))
        self.help_button.setVisible(bool(help_text) and self._help_hit is not None)
        self.examples_label.setText(
            self.tr("Try one of these:") if shown else self.tr("For example:")
        )
        self.pages.setCurrentIndex(1 if not hits else 0)
        self._announce(f"{status}. {help_text}" if help_text else status, hits)
        if query != self._query:
            self._query = query
            self.query_changed.emit(query)

    def _announce(self, status: str, hits: Sequence[Hit]) -> None:
        """Tell screen readers the result count when it changes."""
        if hits:
            message = self.tr("{status}. Top result: {title}").format(
                status=status, title=hits[0].section_title
            )
        else:
            message = status
        if message == self._announced:
            return
        self._announced = message
        self.status.setAccessibleDescription(message)
        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.status, message))

    def current_hit(self) -> Hit | None:
        """The selected hit, or the top one."""
        index = self.list.currentIndex()
        return self.model.hit(index.row() if index.isValid() else 0)

    def move_selection(self, delta: int) -> None:
        """Move the selection ``delta`` rows, staying inside the list."""
        count = self.model.rowCount()
        if not count:
            return
        current = self.list.currentIndex()
        row = current.row() + delta if current.isValid() else (0 if delta > 0 else count - 1)
        row = max(0, min(count - 1, row))
        index = self.model.index(row, 0)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)

    def activate_current(self) -> bool:
        """Emit :attr:`hit_activated` for the selected (or top) hit; False if there is none."""
        hit = self.current_hit()
        if hit is None:
            return False
        self.hit_activated.emit(hit)
        return True

    @Slot(QModelIndex)
    def _on_list_activated(self, index: QModelIndex) -> None:
        hit = self.model.hit(index.row())
        if hit is not None:
            self.hit_activated.emit(hit)

    @Slot()
    def _on_help_button_clicked(self) -> None:
        if self._help_hit is not None:
            self.hit_activated.emit(self._help_hit)

    @Slot()
    def _on_instead_button_clicked(self) -> None:
        if self._alternative:
            self.literal_search_requested.emit(self._alternative)

    @Slot()
    def _on_suggestion_button_clicked(self) -> None:
        if self._suggestion:
            self.search_requested.emit(self._suggestion)
