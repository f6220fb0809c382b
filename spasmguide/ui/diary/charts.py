"""The diary's charts, drawn with QPainter in the theme's own colours, each with its words.

QtCharts loads quickly enough (``benchmarks/diary_bench.py`` measures it), but these are
plain bar charts: a few dozen lines of QPainter draw them in about a millisecond, take their
colours straight from the palette (light, dark, high contrast), and draw the same chart into
the "For my doctor" PDF. Every chart gives its figures as text to screen readers (the
accessible description).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from spasmguide.core.diary.summary import Summary
from spasmguide.ui.diary.words import duration_text, leg_name, ntr, translate


@dataclass(frozen=True)
class Bar:
    """One bar: its label under or beside it, its value, and the words for it."""

    label: str
    value: float
    words: str


class BarChart(QWidget):
    """Bars that are columns (``columns=True``, for weeks) or rows (for categories).

    Only every few column labels are drawn so they never overlap; the words for every bar
    are in :meth:`text_equivalent`.
    """

    def __init__(self, title: str, *, columns: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.columns = columns
        self.bars: list[Bar] = []
        self.empty_words = ""
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # screen readers reach it by Tab
        self.setAccessibleName(title)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: Sequence[Bar], empty_words: str = "") -> None:
        """Show ``bars``; ``empty_words`` are said and drawn when all of them are zero."""
        self.bars = list(bars)
        self.empty_words = empty_words
        self.setAccessibleDescription(self.text_equivalent())
        self.updateGeometry()
        self.update()

    def text_equivalent(self) -> str:
        """The chart in words: its title, then one line per bar."""
        if not any(b.value for b in self.bars) and self.empty_words:
            return f"{self.title}. {self.empty_words}"
        return f"{self.title}.\n" + "\n".join(b.words for b in self.bars)

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().lineSpacing()
        if self.columns:
            return QSize(400, line * 9)
        return QSize(400, max(1, len(self.bars)) * int(line * 1.8) + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self.paint(painter, self.width(), self.height(), self.palette(), self.fontMetrics())
            if self.hasFocus():
                ring = QPen(self.palette().color(QPalette.ColorRole.Highlight), 3)
                painter.setPen(ring)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5))
        finally:
            painter.end()

    def paint(
        self, painter: QPainter, width: float, height: float, palette: QPalette,
        metrics: QFontMetrics,
    ) -> None:
        """Draw the chart in a ``width`` x ``height`` box at the painter's origin (the window
        and the PDF share this)."""
        self._metrics = metrics
        self._size = (width, height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.fillRect(QRectF(0, 0, width, height), palette.color(QPalette.ColorRole.Base))
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        if not any(b.value for b in self.bars):
            painter.drawText(
                QRectF(8, 8, width - 16, height - 16),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.empty_words,
            )
        elif self.columns:
            self._paint_columns(painter, palette)
        else:
            self._paint_rows(painter, palette)

    def _paint_columns(self, painter: QPainter, palette: QPalette) -> None:
        metrics = self._metrics
        width, height = self._size
        line = metrics.lineSpacing()
        top_value = max(b.value for b in self.bars)
        scale_width = metrics.horizontalAdvance(f"{top_value:g}") + 8
        area = QRectF(scale_width + 4, line * 0.8, width - scale_width - 12,
                      height - line * 2.2)
        text = palette.color(QPalette.ColorRole.Text)
        axis = QPen(palette.color(QPalette.ColorRole.Mid), 1)
        painter.setPen(axis)
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.topLeft(), area.bottomLeft())
        painter.setPen(text)
        painter.drawText(QRectF(0, area.top() - line / 2, scale_width, line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         f"{top_value:g}")
        painter.drawText(QRectF(0, area.bottom() - line / 2, scale_width, line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, "0")
        count = len(self.bars)
        slot = area.width() / count
        gap = max(1.0, slot * 0.2)
        brush = palette.color(QPalette.ColorRole.Highlight)
        widest = max(metrics.horizontalAdvance(b.label) for b in self.bars) + 12
        every = max(1, int(widest // slot) + 1)
        room_left = width  # labels go right to left from the newest; none may overlap
        for index in range(count - 1, -1, -1):
            bar = self.bars[index]
            left = area.left() + index * slot
            height = area.height() * (bar.value / top_value) if top_value else 0
            if height:
                painter.fillRect(QRectF(left + gap / 2, area.bottom() - height,
                                        slot - gap, height), brush)
            x = min(max(0.0, left + slot / 2 - widest / 2), width - widest)
            if (count - 1 - index) % every == 0 and x + widest <= room_left:
                painter.setPen(text)
                painter.drawText(
                    QRectF(x, area.bottom() + 2, widest, line * 1.2),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, bar.label,
                )
                room_left = x

    def _paint_rows(self, painter: QPainter, palette: QPalette) -> None:
        metrics = self._metrics
        width = self._size[0]
        row = metrics.lineSpacing() * 1.8
        label_width = min(width * 0.45,
                          max(metrics.horizontalAdvance(b.label) for b in self.bars) + 12)
        top_value = max(b.value for b in self.bars)
        value_width = max(metrics.horizontalAdvance(f"{b.value:g}") for b in self.bars) + 12
        room = max(10.0, width - label_width - value_width - 8)
        text = palette.color(QPalette.ColorRole.Text)
        brush = palette.color(QPalette.ColorRole.Highlight)
        for index, bar in enumerate(self.bars):
            top = 4 + index * row
            painter.setPen(text)
            painter.drawText(
                QRectF(4, top, label_width - 8, row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                bar.label if metrics.horizontalAdvance(bar.label) <= label_width - 8
                else metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight,
                                        int(label_width - 8)),
            )
            length = room * (bar.value / top_value) if top_value else 0
            if length:
                painter.fillRect(QRectF(label_width, top + row * 0.2, length, row * 0.6), brush)
            painter.drawText(QPointF(label_width + length + 6,
                                     top + row / 2 + metrics.ascent() / 2 - 1),
                             f"{bar.value:g}")


class ChartsPanel(QWidget):
    """Every diary chart with a heading, and the words "your own record, not evidence"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diary-charts")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 8)
        self.weeks = BarChart(self.tr("Cramps per week"), columns=True)
        self.time_of_day = BarChart(self.tr("Night or day"), columns=False)
        self.legs = BarChart(self.tr("Which leg"), columns=False)
        self.severity = QLabel()
        self.severity.setWordWrap(True)
        self.treatments = BarChart(self.tr("What you ticked as helping"), columns=False)
        self.treatments_note = QLabel(self.tr(
            "This is your own record, not evidence that a treatment works. Show it to your "
            "doctor if it helps the conversation."
        ))
        self.treatments_note.setWordWrap(True)
        self.medians = QLabel()
        self.medians.setWordWrap(True)
        self.headings: list[QLabel] = []
        for widget in (self.weeks, self.time_of_day, self.legs):
            layout.addWidget(self._heading(widget.title))
            layout.addWidget(widget)
        layout.addWidget(self._heading(self.tr("How bad")))
        layout.addWidget(self.severity)
        layout.addWidget(self._heading(self.treatments.title))
        layout.addWidget(self.treatments_note)
        layout.addWidget(self.treatments)
        layout.addWidget(self.medians)
        layout.addStretch(1)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        font = QFont()
        font.setBold(True)
        label.setFont(font)
        self.headings.append(label)
        return label

    def show_summary(self, summary: Summary, titles: Mapping[str, str]) -> None:
        """Draw ``summary``; ``titles`` names the treatment ids."""
        weeks = len(summary.weeks)
        self.weeks.title = ntr("Cramps per week, last %n weeks", weeks)
        self.weeks.setAccessibleName(self.weeks.title)
        self.headings[0].setText(self.weeks.title)
        locale = QLocale()
        self.weeks.set_bars(
            [
                Bar(locale.toString(w.monday, "d MMM"), w.count,
                    translate("Diary", "Week of %1: %2")
                    .replace("%1", locale.toString(w.monday, "d MMMM yyyy"))
                    .replace("%2", ntr("%n cramps", w.count)))
                for w in summary.weeks
            ],
            self.tr("No cramps logged in these weeks."),
        )
        night, day = translate("Diary", "Night (22:00 to 07:00)"), translate("Diary", "Day")
        self.time_of_day.set_bars(
            [Bar(night, summary.night, f"{night}: {ntr('%n cramps', summary.night)}"),
             Bar(day, summary.day, f"{day}: {ntr('%n cramps', summary.day)}")],
            self.tr("Nothing logged yet."),
        )
        self.legs.set_bars(
            [Bar(leg_name(leg), n, f"{leg_name(leg)}: {ntr('%n cramps', n)}")
             for leg, n in summary.legs.items()],
            self.tr("Nothing logged yet."),
        )
        if summary.average_severity is None:
            self.severity.setText(self.tr("No cramp has a 0 to 10 rating yet."))
        else:
            self.severity.setText(
                ntr("On average %1 of 10, from %n rated cramps", summary.rated)
                .replace("%1", f"{summary.average_severity:.1f}")
            )
        bars, lines = [], []
        for figure in summary.treatments:
            title = titles.get(figure.id, figure.id)
            words = ntr("%1: ticked %n times", figure.times).replace("%1", title)
            if figure.median_duration_s is not None:
                median = translate("Diary", "median length of those cramps %1").replace(
                    "%1", duration_text(figure.median_duration_s))
                words = f"{words}; {median}"
                lines.append(f"{title}: {median}")
            bars.append(Bar(title, figure.times, words))
        self.treatments.set_bars(bars, self.tr("Nothing ticked as helping yet."))
        self.medians.setText("\n".join(lines))
        self.medians.setVisible(bool(lines))

    def text_equivalent(self) -> str:
        """Every chart in words, in order."""
        return "\n\n".join([
            self.weeks.text_equivalent(), self.time_of_day.text_equivalent(),
            self.legs.text_equivalent(), self.severity.text(),
            self.treatments.text_equivalent(), self.treatments_note.text(),
        ])

