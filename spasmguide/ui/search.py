"""The search box, the in-window results page, and the controller joining them to the index.

The results page is an ordinary widget inside the main window, never a popup or a new
window: kiosk mode forbids new top-level windows. Results update on every keystroke; a
query on the bundled pack takes well under a millisecond (see ``benchmarks/search_bench.py``),
so it runs on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QColor,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPalette,
    QShortcut,
    QTextCharFormat,
    QTextLayout,
    QTextLine,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from spasmguide.core.pack_safety import Evidence
from spasmguide.core.search import Hit, SearchIndex
from spasmguide.ui.appearance import give_ring_room
from spasmguide.ui.evidence import badge_colours, evidence_text
from spasmguide.ui.plain import plain_tooltip
from spasmguide.ui.search_box import SearchBox

__all__ = ["HitDelegate", "HitListModel", "SearchBox", "SearchController", "SearchResults"]

HIT_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class HitListModel(QAbstractListModel):
    """The hits of the current query, best first."""

    def __init__(
        self, parent: QObject | None = None, evidence: Mapping[str, Evidence] | None = None
    ) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []
        self._evidence = dict(evidence or {})

    def evidence_label(self, hit: Hit) -> str:
        """The evidence badge's words for a treatment hit, or "" for other sections."""
        evidence = self._evidence.get(hit.section_id)
        return evidence_text(evidence.label) if evidence is not None else ""

    def evidence_of(self, hit: Hit) -> Evidence | None:
        """The evidence of a treatment hit, or None."""
        return self._evidence.get(hit.section_id)

    def set_hits(self, hits: Sequence[Hit]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> Hit | None:
        """The hit in ``row``, or None."""
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.hit(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.section_title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            badge = self.evidence_label(hit)
            badge = " " + self.tr("Evidence: {label}.").format(label=badge) if badge else ""
            return self.tr("{title}, in {tab}.{badge} {snippet}").format(
                title=hit.section_title, tab=hit.tab_title, badge=badge, snippet=hit.snippet
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{hit.tab_title}: {hit.section_title}")
        if role == HIT_ROLE:
            return hit
        return None


class HitDelegate(QStyledItemDelegate):
    """Paints a hit: section title, tab name, and the snippet with matched words marked."""

    PADDING = 8
    SNIPPET_LINES = 2
    MIN_HEIGHT = 48  # comfortable to touch
    TITLE_GAP = 2

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        small = QFont(option.font)
        small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.9))
        return title, small, QFont(option.font)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.snippet_lines = self.SNIPPET_LINES
        self.padding = self.PADDING

    def set_snippet_lines(self, lines: int) -> None:
        """Show ``lines`` snippet lines per row (one, and less padding, while the on-screen
        keypad is open)."""
        self.snippet_lines = max(1, lines)
        self.padding = self.PADDING if self.snippet_lines > 1 else self.PADDING // 2
        self.sizeHintChanged.emit(QModelIndex())

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        title, _small, body = self._fonts(option)
        # Each line takes the full height its QTextLine reports (ascent + descent + leading,
        # rounded up); lineSpacing() alone can be a pixel short, and a line that did not fit
        # used to be drawn on top of the first one.
        line = QFontMetrics(body).height() + max(0, QFontMetrics(body).leading()) + 1
        height = (
            QFontMetrics(title).height()
            + self.TITLE_GAP
            + line * self.snippet_lines
            + 2 * self.padding
            + 2
        )
        return QSize(200, max(self.MIN_HEIGHT, height))

    def row_layout(self, option: QStyleOptionViewItem, index: _Index) -> list[QRectF]:
        """Where the title and each snippet line are drawn in a row: [title, line, line...].

        Only lines that fit wholly inside the row are listed (and drawn).
        """
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, Hit):
            return []
        title_font, _small, body_font = self._fonts(option)
        rect = option.rect.adjusted(self.padding, self.padding, -self.padding, -self.padding)
        title_height = QFontMetrics(title_font).height()
        rects = [QRectF(rect.left(), rect.top(), rect.width(), title_height)]
        top = rect.top() + title_height + self.TITLE_GAP
        _layout, lines = self._snippet_layout(hit, body_font, rect.width(),
                                              rect.bottom() + 1 - top, False)
        for line in lines:
            box = line.naturalTextRect()
            rects.append(QRectF(rect.left() + box.left(), top + line.y(),
                                box.width(), line.height()))
        return rects

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, Hit):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_color = opt.palette.color(group, text_role)
        title_font, small_font, body_font = self._fonts(opt)
        rect = opt.rect.adjusted(self.padding, self.padding, -self.padding, -self.padding)

        painter.save()
        painter.setPen(text_color)
        tab_metrics = QFontMetrics(small_font)
        tab_width = tab_metrics.horizontalAdvance(hit.tab_title) + self.padding
        title_metrics = QFontMetrics(title_font)
        badge_width = self._paint_badge(
            painter, index, small_font,
            QRect(rect.left(), rect.top(), rect.width() - tab_width, title_metrics.height()),
        )
        painter.setPen(text_color)
        painter.setFont(title_font)
        title_height = title_metrics.height()
        title_rect = QRect(
            rect.left(), rect.top(), rect.width() - tab_width - badge_width, title_height
        )
        painter.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title_metrics.elidedText(hit.section_title, Qt.TextElideMode.ElideRight,
                                     title_rect.width()),
        )
        painter.setFont(small_font)
        painter.drawText(
            QRect(rect.right() - tab_width, rect.top(), tab_width, title_metrics.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            hit.tab_title,
        )
        top = rect.top() + title_metrics.height() + self.TITLE_GAP
        self._paint_snippet(painter, hit, body_font, rect.left(), top, rect.width(),
                            rect.bottom() + 1 - top, selected, text_color)
        painter.restore()

    def _paint_badge(
        self, painter: QPainter, index: _Index, font: QFont, room: QRect
    ) -> int:
        """Paint a treatment's evidence badge at the right of ``room``; return its width."""
        model = index.model()
        hit = index.data(HIT_ROLE)
        if not isinstance(model, HitListModel) or not isinstance(hit, Hit):
            return 0
        evidence = model.evidence_of(hit)
        if evidence is None:
            return 0
        text = evidence_text(evidence.label)
        metrics = QFontMetrics(font)
        width = min(metrics.horizontalAdvance(text) + 12, room.width() // 2)
        box = QRect(room.right() - width - self.padding, room.top(), width, room.height())
        background, colour = badge_colours(evidence.label)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(background))
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(QColor(colour))
        painter.setFont(font)
        painter.drawText(
            box.adjusted(6, 0, -6, 0),
            Qt.AlignmentFlag.AlignCenter,
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, width - 12),
        )
        painter.restore()
        return width + self.padding

    def _snippet_layout(
        self, hit: Hit, font: QFont, width: int, height: int, selected: bool
    ) -> tuple[QTextLayout, list[QTextLine]]:
        """Lay the snippet out in at most ``snippet_lines`` lines that fit in ``height``."""
        layout = QTextLayout(hit.snippet, font)
        marked = QTextCharFormat()
        marked.setFontWeight(QFont.Weight.Bold)
        if not selected:
            marked.setBackground(QColor(255, 236, 140))
            marked.setForeground(QColor(0, 0, 0))
        ranges = []
        lower = hit.snippet.lower()
        for term in hit.terms:
            needle = term.lower()
            start = lower.find(needle)
            while start >= 0:
                before = lower[start - 1] if start > 0 else " "
                after_at = start + len(needle)
                after = lower[after_at] if after_at < len(lower) else " "
                if not before.isalnum() and not after.isalnum():
                    fmt = QTextLayout.FormatRange()
                    fmt.start, fmt.length, fmt.format = start, len(needle), marked
                    ranges.append(fmt)
                start = lower.find(needle, after_at)
        layout.setFormats(ranges)
        layout.beginLayout()
        y = 0.0
        lines: list[QTextLine] = []
        for _ in range(self.snippet_lines):
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0.0, y))
            if y + line.height() > height:
                break  # laid out but never drawn: it does not fit the row
            lines.append(line)
            y += line.height()
        layout.endLayout()
        return layout, lines

    def _paint_snippet(
        self, painter: QPainter, hit: Hit, font: QFont, left: int, top: int, width: int,
        height: int, selected: bool, color: QColor,
    ) -> None:
        _layout, lines = self._snippet_layout(hit, font, width, height, selected)
        painter.setPen(color)
        for line in lines:
            # Line by line, so a line that did not fit is never drawn over another.
            line.draw(painter, QPointF(float(left), float(top)))


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
        box.textChanged.connect(self._on_box_text_changed)
        box.move_requested.connect(self._on_box_move_requested)
        box.activate_requested.connect(self._on_box_activate_requested)
        box.escape_requested.connect(self._on_box_escape_requested)
        results.hit_activated.connect(self._on_results_hit_activated)
        results.search_requested.connect(self._on_results_search_requested)
        results.literal_search_requested.connect(self._on_results_literal_search_requested)

    def add_focus_shortcuts(self, window: QWidget) -> list[QShortcut]:
        """Ctrl+F, Ctrl+K and ``/`` anywhere in ``window`` focus the box and select its text."""
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

    def reset(self) -> None:
        """Clear the search without leaving the text in the undo history (kiosk reset)."""
        self.box.setText("")

    @Slot(str)
    def _on_box_text_changed(self, text: str) -> None:
        literal = self._literal is not None and text == self._literal
        self.search(text, correct=not literal)
        self._literal = None
        self.query_changed.emit(text)

    @Slot(int)
    def _on_box_move_requested(self, delta: int) -> None:
        self.results.move_selection(delta)

    @Slot()
    def _on_box_activate_requested(self) -> None:
        self.results.activate_current()

    @Slot()
    def _on_box_escape_requested(self) -> None:
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
