""""For my doctor": one printable page that sums up a chosen period of the diary.

Drawn with QPdfWriter, so every word is real text a doctor's computer can search and read
aloud. The page is always light (paper), whatever theme the window uses.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
)

from spasmguide.core.diary import Entry
from spasmguide.core.diary.summary import longest, monday_of, summarise
from spasmguide.ui.diary.charts import BarChart, ChartsPanel
from spasmguide.ui.diary.words import duration_text, entry_line, leg_name, ntr, translate

DPI = 96
"""Layout units: one unit is a screen pixel at 96 dpi, so sizes read like the window's."""
INK = QColor("#1a1a1a")
PAPER = QColor("#ffffff")
BAR = QColor("#005eb8")


def period_entries(entries: Sequence[Entry], start: date, end: date) -> list[Entry]:
    """Entries whose own date falls from ``start`` to ``end`` (both included)."""
    return [e for e in entries if start <= e.when.date() <= end]


def write_doctor_pdf(
    path: Path, entries: Sequence[Entry], start: date, end: date,
    treatment_titles: Mapping[str, str], made_on: date | None = None,
) -> None:
    """Write the one-page summary of ``entries`` between ``start`` and ``end`` to ``path``.

    Raises:
        OSError: the file could not be written.
    """
    chosen = period_entries(entries, start, end)
    weeks = min(53, (monday_of(end) - monday_of(start)).days // 7 + 1)
    summary = summarise(chosen, today=end, weeks=weeks)
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setTitle(translate("Diary", "Cramp diary summary"))
    writer.setCreator("SpasmGuide")
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
        QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter,
    ))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    try:
        _Page(painter, writer.width(), writer.height()).draw(
            summary, chosen, start, end, treatment_titles, made_on or date.today()
        )
    finally:
        painter.end()
    if not path.exists() or path.stat().st_size == 0:
        raise OSError(f"cannot write {path}")


class _Page:
    """Draws top to bottom, keeping track of the space left."""

    def __init__(self, painter: QPainter, width: int, height: int) -> None:
        self.painter = painter
        self.width = width
        self.height = height
        self.y = 0.0
        self.body = QFont("Sans Serif")
        self.body.setPointSizeF(10)
        self.small = QFont(self.body)
        self.small.setPointSizeF(8.5)
        self.heading = QFont(self.body)
        self.heading.setPointSizeF(12)
        self.heading.setBold(True)
        self.title = QFont(self.body)
        self.title.setPointSizeF(17)
        self.title.setBold(True)
        painter.setPen(INK)

    def text(self, words: str, font: QFont | None = None, gap: float = 4) -> bool:
        """Write a wrapped paragraph; False (and nothing written) when it does not fit."""
        painter = self.painter
        painter.setFont(font or self.body)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        box = painter.boundingRect(QRectF(0, self.y, self.width, 10_000), flags, words)
        if self.y + box.height() > self.height - 40:
            return False
        painter.drawText(QRectF(0, self.y, self.width, box.height()), flags, words)
        self.y += box.height() + gap
        return True

    def draw(
        self, summary, chosen: Sequence[Entry], start: date, end: date,  # type: ignore[no-untyped-def]
        titles: Mapping[str, str], made_on: date,
    ) -> None:
        locale = QLocale()
        long_date = "d MMMM yyyy"
        self.text(translate("Diary", "Cramp diary: summary for my doctor"), self.title, 6)
        self.text(
            translate(
                "Diary",
                "%1 to %2. Made with SpasmGuide on %3 from the diary kept on my own computer.",
            )
            .replace("%1", locale.toString(start, long_date))
            .replace("%2", locale.toString(end, long_date))
            .replace("%3", locale.toString(made_on, long_date)),
            gap=12,
        )
        self.text(translate("Diary", "How often"), self.heading)
        legs = ", ".join(
            f"{_leg(leg)} {count}" for leg, count in summary.legs.items()
        )
        facts = [
            ntr("%n cramps logged.", summary.total),
            translate("Diary", "At night (22:00 to 07:00): %1. During the day: %2.")
            .replace("%1", str(summary.night)).replace("%2", str(summary.day)),
        ]
        if legs:
            facts.append(translate("Diary", "Which leg: %1.").replace("%1", legs))
        if summary.average_severity is not None:
            facts.append(
                ntr("Average severity %1 of 10 (%n cramps rated).", summary.rated)
                .replace("%1", f"{summary.average_severity:.1f}")
            )
        self.text(" ".join(facts), gap=8)

        chart = ChartsPanel()  # the window's own chart code, drawn on paper colours
        chart.show_summary(summary, titles)
        self._chart(chart.weeks)

        if summary.treatments:
            self.text(
                translate("Diary", "What I ticked as helping (my own record, not evidence)"),
                self.heading,
            )
            for figure in summary.treatments[:6]:
                line = ntr("%1: %n times", figure.times).replace(
                    "%1", titles.get(figure.id, figure.id))
                if figure.median_duration_s is not None:
                    line += "; " + translate("Diary", "median length %1").replace(
                        "%1", duration_text(figure.median_duration_s))
                self.text("• " + line, gap=1)
            self.y += 6

        worst = longest(chosen, 5)
        if worst:
            self.text(translate("Diary", "Longest cramps"), self.heading)
            for entry in worst:
                self.text("• " + entry_line(entry), gap=1)
            self.y += 6

        noted = sorted((e for e in chosen if e.note or e.helped_other),
                       key=lambda e: e.when, reverse=True)
        if noted:
            self.text(translate("Diary", "Notes, newest first"), self.heading)
            shown = 0
            for entry in noted:
                words = " ".join(w for w in (entry.note, entry.helped_other) if w)
                line = f"{locale.toString(entry.when.date(), 'd MMM yyyy')}: {words}"
                if len(line) > 300:
                    line = line[:297] + "…"
                if not self.text("• " + line, gap=1):
                    break
                shown += 1
            if shown < len(noted):
                self.y = min(self.y, self.height - 40)
                self.text(ntr("… and %n more notes in the diary.", len(noted) - shown))
        self.painter.setFont(self.small)
        self.painter.drawText(
            QRectF(0, self.height - 30, self.width, 30),
            Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
            translate(
                "Diary",
                "General information, not a diagnosis. Written by the patient in SpasmGuide, "
                "an offline guide to leg muscle spasms.",
            ),
        )

    def _chart(self, chart: BarChart) -> None:
        palette = QPalette()
        for role, color in ((QPalette.ColorRole.Base, PAPER), (QPalette.ColorRole.Text, INK),
                            (QPalette.ColorRole.Highlight, BAR),
                            (QPalette.ColorRole.Mid, QColor("#767676"))):
            palette.setColor(role, color)
        self.text(chart.title, self.heading, 2)
        height = 150
        painter = self.painter
        painter.save()
        painter.translate(QPointF(0, self.y))
        painter.setFont(self.small)
        chart.paint(painter, self.width, height, palette,
                    QFontMetrics(self.small, painter.device()))
        painter.restore()
        self.y += height + 10

def _leg(leg: str) -> str:
    return leg_name(leg).lower() if leg != "not-said" else translate("Diary", "not said")


def default_period(today: date) -> tuple[date, date]:
    """The last three months up to today."""
    return today - timedelta(days=91), today

