"""Print or save a summary as PDF with Qt's own printing: real text, one disclaimer per page.

Two layers, so other printed documents can reuse the page machinery:

* :func:`paint_pages` lays any ``QTextDocument`` out on a ``QPagedPaintDevice``
  (``QPdfWriter`` or ``QPrinter``) with a header line and a footer on every page.
* :func:`summary_document` and :func:`print_summary` turn a take-home
  :class:`~spasmguide.core.takehome.Summary` into such a document and print it.

The paper is A4, or US Letter where the locale's country uses it (:func:`page_size_for`).
"""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
)

from spasmguide.core.takehome import Summary
from spasmguide.ui.evidence import badge_html

__all__ = [
    "LETTER_TERRITORIES",
    "PageText",
    "ensure_gui_application",
    "page_size_for",
    "paint_pages",
    "print_summary",
    "save_summary_pdf",
    "summary_document",
]

_T = QLocale.Country
LETTER_TERRITORIES = frozenset({
    _T.UnitedStates, _T.Canada, _T.Mexico, _T.Philippines, _T.Chile, _T.Colombia,
    _T.Venezuela, _T.Guatemala, _T.CostaRica, _T.PuertoRico, _T.Panama,
    _T.DominicanRepublic, _T.ElSalvador, _T.Nicaragua, _T.Honduras, _T.Belize,
})
"""Countries where ordinary paper is US Letter; A4 everywhere else."""

MARGIN_MM = 18.0
_PDF_DPI = 300
_LINK_RE = re.compile(r"\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?#[a-z0-9-]+>?\s*\)")
_MARKDOWN = QTextDocument.MarkdownFeature(
    QTextDocument.MarkdownFeature.MarkdownDialectCommonMark.value
    | QTextDocument.MarkdownFeature.MarkdownNoHTML.value
)


translate = QCoreApplication.translate
"""``translate("TakeHome", text)``: the form ``pyside6-lupdate`` finds outside a QObject."""


def ensure_gui_application() -> None:
    """Qt needs an application object for fonts; make one, off-screen when there is no display."""
    import os
    import sys

    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is not None:
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and os.name != "nt":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    global _APP
    _APP = QGuiApplication(sys.argv[:1])


_APP = None


def page_size_for(locale: QLocale | None = None) -> QPageSize:
    """Letter for the US, Canada and the other Letter countries; A4 for the rest."""
    territory = (locale or QLocale()).territory()
    ids = QPageSize.PageSizeId
    return QPageSize(ids.Letter if territory in LETTER_TERRITORIES else ids.A4)


def _long_date(day: datetime.date | str, locale: QLocale) -> str:
    if isinstance(day, str):
        date = QDate.fromString(day, Qt.DateFormat.ISODate)
        if not date.isValid():
            return day
    else:
        date = QDate(day.year, day.month, day.day)
    return locale.toString(date, QLocale.FormatType.LongFormat)


@dataclass(frozen=True)
class PageText:
    """What every page carries around the body: a header line and a footer paragraph.

    ``page_label`` holds ``%1`` (this page) and ``%2`` (the number of pages).
    """

    header: str
    footer: str
    page_label: str = "Page %1 of %2"


def paint_pages(document: QTextDocument, device: QPagedPaintDevice, page: PageText) -> int:
    """Lay ``document`` out on ``device``'s pages with ``page``'s header and footer on each.

    The text is drawn as text (searchable, read by screen readers). Returns the page count.

    Raises:
        OSError: the device cannot be painted on (for a PDF: the file cannot be written).
    """
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the file or printer could not be opened for writing")
    try:
        return _paint(document, device, painter, page)
    finally:
        painter.end()


def _paint(
    document: QTextDocument, device: QPagedPaintDevice, painter: QPainter, page: PageText
) -> int:
    dpi = device.logicalDpiY()
    area = device.pageLayout().paintRectPixels(device.resolution())
    width, height = float(area.width()), float(area.height())
    small = QFont(document.defaultFont())
    small.setPointSizeF(max(7.5, document.defaultFont().pointSizeF() * 0.8))
    metrics = QFontMetricsF(small, device)
    gap = dpi * 0.12
    header_h = metrics.height() + gap
    footer_rect = metrics.boundingRect(
        QRectF(0, 0, width, height), int(Qt.TextFlag.TextWordWrap), page.footer
    )
    footer_h = footer_rect.height() + gap
    body_h = height - header_h - footer_h
    layout = document.documentLayout()
    layout.setPaintDevice(device)
    document.setPageSize(QSizeF(width, body_h))
    pages = max(1, document.pageCount())
    context = QAbstractTextDocumentLayout.PaintContext()
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, QColor("#0b0c0c"))
    context.palette = palette
    for index in range(pages):
        if index:
            device.newPage()
        painter.save()
        painter.setFont(small)
        painter.setPen(QColor("#0b0c0c"))
        label = page.page_label.replace("%1", str(index + 1)).replace("%2", str(pages))
        top = QRectF(0, 0, width, metrics.height())
        painter.drawText(top, int(Qt.AlignmentFlag.AlignLeft), page.header)
        painter.drawText(top, int(Qt.AlignmentFlag.AlignRight), label)
        painter.setPen(QColor("#505a5f"))
        painter.drawLine(0, round(metrics.height() + gap / 3), round(width),
                         round(metrics.height() + gap / 3))
        bottom = QRectF(0, height - footer_rect.height(), width, footer_rect.height())
        painter.drawLine(0, round(bottom.top() - gap / 3), round(width),
                         round(bottom.top() - gap / 3))
        painter.setPen(QColor("#0b0c0c"))
        painter.drawText(bottom, int(Qt.TextFlag.TextWordWrap), page.footer)
        painter.restore()
        painter.save()
        painter.translate(0, header_h - index * body_h)
        clip = QRectF(0, index * body_h, width, body_h)
        painter.setClipRect(clip)
        context.clip = clip
        layout.draw(painter, context)
        painter.restore()
    return pages


def summary_document(summary: Summary, locale: QLocale | None = None) -> QTextDocument:
    """The summary as a print-friendly document: dark text on white, headings, labels."""
    locale = locale or QLocale()
    document = QTextDocument()
    font = QFont()
    font.setPointSizeF(11.0)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setDefaultStyleSheet(
        "h1 { font-size: 20pt; color: #0b0c0c; } h2 { font-size: 15pt; color: #0b0c0c; }"
        " p, li { color: #0b0c0c; } .meta { color: #383f43; }"
    )
    cursor = QTextCursor(document)
    made = translate("TakeHome", "Made on %1.").replace(
        "%1", html.escape(_long_date(summary.made_on, locale))
    )
    meta = [made]
    if summary.reviewed:
        meta.append(
            translate("TakeHome", "Last reviewed: %1.").replace(
                "%1", html.escape(_long_date(summary.reviewed, locale))
            )
        )
    cursor.insertHtml(
        f"<h1>{html.escape(summary.title)}</h1>"
        f"<p>{html.escape(summary.subtitle)}</p>"
        f"<p class='meta'>{' '.join(meta)}</p>"
    )
    for part in summary.parts:
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertBlock()
        cursor.insertHtml(f"<h2>{html.escape(part.section.title)}</h2>")
        if part.section.evidence is not None:
            cursor.insertBlock()
            cursor.insertHtml(badge_html(part.section.evidence))
        cursor.insertBlock()
        # Links inside the guide mean nothing on paper: keep their words only.
        cursor.insertMarkdown(_LINK_RE.sub(r"\1", part.section.markdown), _MARKDOWN)
    if summary.sources:
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertBlock()
        items = "".join(f"<li>{html.escape(s.credit)}</li>" for s in summary.sources)
        heading = translate("TakeHome", "Sources")
        credit = translate("TakeHome", "The facts in this guide come from these works:")
        cursor.insertHtml(
            f"<h2>{html.escape(heading)}</h2><p>{html.escape(credit)}</p><ul>{items}</ul>"
        )
    return document


def _page_text(summary: Summary) -> PageText:
    return PageText(
        header=summary.title,
        footer=summary.disclaimer,
        page_label=translate("TakeHome", "Page %1 of %2"),
    )


def print_summary(
    summary: Summary, device: QPagedPaintDevice, locale: QLocale | None = None
) -> int:
    """Print ``summary`` on ``device`` (a QPrinter the user chose, or a QPdfWriter)."""
    return paint_pages(summary_document(summary, locale), device, _page_text(summary))


def save_summary_pdf(
    summary: Summary, path: Path | str, locale: QLocale | None = None
) -> int:
    """Write ``summary`` as a PDF at ``path``, on the locale's paper. Returns the page count.

    Raises:
        OSError: the file cannot be written.
    """
    locale = locale or QLocale()
    with open(path, "ab"):  # a clear OSError (no such folder, no permission) before Qt's
        pass
    writer = QPdfWriter(str(path))
    writer.setResolution(_PDF_DPI)
    writer.setTitle(summary.title)
    writer.setCreator("SpasmGuide")
    writer.setPageLayout(
        QPageLayout(
            page_size_for(locale),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    return print_summary(summary, writer, locale)
