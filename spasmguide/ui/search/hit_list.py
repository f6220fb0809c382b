"""The list of hits: its model and the delegate that paints a hit, its badges and snippet."""


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
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextLine,
)
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from spasmguide.core.pack_safety import Evidence
from spasmguide.core.search import Hit
from spasmguide.ui.care_levels import CARE_ICONS, card_colours, level_word, theme_for_palette
from spasmguide.ui.evidence import badge_colours, evidence_text
from spasmguide.ui.plain import plain_tooltip

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
            if hit.care_level:
                badge += " " + self.tr("{level} care card.").format(
                    level=level_word(hit.care_level)
                )
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
        badge_width += self._paint_care_level(
            painter, hit, small_font, opt.rect,
            QRect(rect.left(), rect.top(), rect.width() - tab_width - badge_width,
                  title_metrics.height()),
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
        _paint_badge(painter, box, background, colour, font, text)
        return width + self.padding

    def _paint_care_level(
        self, painter: QPainter, hit: Hit, font: QFont, row: QRect, room: QRect
    ) -> int:
        """A hit inside a care card: a stripe down the row's left edge and the card's icon
        and level at the right of ``room``, in the card's colours. Returns the badge's width."""
        if not hit.care_level:
            return 0
        band, band_text, _body, _text = card_colours(hit.care_level, theme_for_palette())
        text = f"{CARE_ICONS.get(hit.care_level, '')} {level_word(hit.care_level)}".strip()
        metrics = QFontMetrics(font)
        # The mark may come from another font than the words: measure it as drawn.
        needed = metrics.boundingRect(text).width() + metrics.horizontalAdvance("M") + 12
        width = min(needed, room.width() // 2)
        box = QRect(room.right() - width - self.padding, room.top(), width, room.height())
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(band))
        painter.drawRect(QRect(row.left(), row.top(), max(2, self.padding // 2), row.height()))
        painter.restore()
        _paint_badge(painter, box, band, band_text, font, text)
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


def _paint_badge(
    painter: QPainter, box: QRect, background: str, colour: str, font: QFont, text: str
) -> None:
    """A rounded badge filling ``box``: ``text`` centred (elided to fit) in ``colour``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(background))
    painter.drawRoundedRect(box, 4, 4)
    painter.setPen(QColor(colour))
    painter.setFont(font)
    room = box.adjusted(6, 0, -6, 0)
    elided = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, room.width())
    painter.drawText(room, Qt.AlignmentFlag.AlignCenter, elided)
    painter.restore()
