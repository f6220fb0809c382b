"""Kiosk "Take this with you": a large QR code holding the section's advice itself.

The code is text, never a web address, so a phone's camera shows it with no network. It is
drawn black on white with a four-module quiet zone in every theme, each module a whole
number of device pixels so it stays sharp. Nothing is stored or logged; a session reset
closes it. Printing happens only when the kiosk's configuration names a printer, and then
with one tap and no dialog.
"""

from __future__ import annotations

import datetime
import logging
import math
from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from spasmguide.core.content import Pack
from spasmguide.core.takehome import (
    QR_ERROR_CORRECTION,
    QrText,
    build_summary,
    choose,
    qr_text,
)
from spasmguide.ui.kiosk.overlays import Cover

log = logging.getLogger("spasmguide.ui.kiosk")

__all__ = ["QUIET_ZONE", "QrView", "TakeAwayOverlay"]

QUIET_ZONE = 4
"""Light modules around the code, as the QR standard asks."""


class QrView(QWidget):
    """Paints one QR code, black on white, as large as whole-pixel modules allow."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk-qr")
        self._rows: list[list[bool]] = []
        self.version = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 240)

    def set_text(self, text: str) -> None:
        """Encode ``text`` (empty clears the code)."""
        if not text:
            self._rows, self.version = [], 0
        else:
            import segno  # made only when someone asks for a code

            code = segno.make(text, error=QR_ERROR_CORRECTION.lower(), micro=False,
                              boost_error=False)
            self.version = int(code.version)
            self._rows = [[bool(v) for v in row] for row in code.matrix_iter(border=QUIET_ZONE)]
        self.setAccessibleName(self.tr("QR code") if text else "")
        self.update()

    def modules(self) -> int:
        """Modules across, quiet zone included (0 when empty)."""
        return len(self._rows)

    def sizeHint(self) -> QSize:
        return QSize(480, 480)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        n = len(self._rows)
        if not n:
            return
        ratio = self.devicePixelRatioF()
        side = min(self.width(), self.height()) * ratio
        module = max(1, math.floor(side / n)) / ratio  # whole device pixels per module
        left = (self.width() - module * n) / 2
        top = (self.height() - module * n) / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("black"))
        for y, row in enumerate(self._rows):
            for x, dark in enumerate(row):
                if dark:
                    painter.drawRect(QRectF(left + x * module, top + y * module, module, module))
        painter.end()


class TakeAwayOverlay(Cover):
    """The full-window QR code for one section, with Close (and Print when configured).

    Signals:
        closed(): the visitor closed it.
    """

    closed = Signal()

    def __init__(
        self,
        window: QWidget,
        pack: Pack,
        *,
        printer: str = "",
        today: Callable[[], datetime.date] = datetime.date.today,
    ) -> None:
        super().__init__(window, "kiosk-takeaway")
        self.pack = pack
        self.printer_name = printer
        self._today = today
        self.qr: QrText | None = None
        self.setAccessibleName(self.tr("Take this with you"))
        self.title = QLabel()
        self.title.setObjectName("kiosk-takeaway-title")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.hint = QLabel()
        self.hint.setObjectName("kiosk-takeaway-hint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.code = QrView()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("kiosk-takeaway-close")
        self.close_button.clicked.connect(self._on_close_clicked)
        self.print_button = QPushButton(self.tr("Print it"))
        self.print_button.clicked.connect(self._on_print_clicked)
        text = QWidget()
        column = QVBoxLayout(text)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addStretch(1)
        for widget in (self.title, self.hint, self.print_button, self.close_button):
            column.addWidget(widget)
        column.addStretch(1)
        self.body = QFrame()
        self.body.setObjectName("kiosk-panel")
        self.body.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        row = QHBoxLayout(self.body)
        row.setContentsMargins(16, 16, 24, 16)
        row.setSpacing(24)
        row.addWidget(self.code, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(text, 1)
        self.print_button.setVisible(bool(printer))  # once inside the panel, never a window
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 16, 16, 16)
        outer.addWidget(self.body)

    def show_section(self, section_id: str) -> None:
        """Show the code for ``section_id`` over the whole window."""
        qr = qr_text(self.pack, section_id, summary_label=self.tr("summary"))
        found = self.pack.locate(section_id)
        self._show(found[1].title if found else "", qr, printable=bool(self.printer_name))

    def show_text(self, title: str, qr: QrText) -> None:
        """Show the code for text made elsewhere (a result of the "Is it serious?" questions)."""
        self._show(title, qr, printable=False)  # the printed summary is of a section

    def _show(self, title: str, qr: QrText, *, printable: bool) -> None:
        self.qr = qr
        self.title.setText(self.tr("Take this with you: %1").replace("%1", title))
        hint = self.tr("Point your phone's camera at the code. The advice is in the code "
                       "itself: no internet, no website, nothing is kept here.")
        if qr.shortened:
            hint = self.tr("This is a summary.") + " " + hint
        self.hint.setText(hint)
        self.code.set_text(qr.text)
        self.print_button.setText(self.tr("Print it"))
        self.print_button.setVisible(printable)
        self._fit_code()
        self.open()
        self.close_button.setFocus()

    def _fit_code(self) -> None:
        """The code as tall as the window allows, leaving the text column a third of it."""
        window = self.parentWidget()
        if window is None:
            return
        side = max(240, min(window.height() - 64, int(window.width() * 0.6)))
        self.code.setFixedSize(side, side)

    def resizeEvent(self, event: object) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.isVisible():
            self._fit_code()

    def forget(self) -> None:
        """Close and clear (the idle reset): no text of the last visitor stays in memory."""
        self.hide()
        self.qr = None
        self.code.set_text("")
        self.title.clear()
        self.hint.clear()

    @Slot()
    def _on_close_clicked(self) -> None:
        self.forget()
        self.closed.emit()

    @Slot()
    def _on_print_clicked(self) -> None:
        """One tap: the section and the two safety sections, to the configured printer."""
        if self.qr is None or not self.printer_name:
            return
        from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

        from spasmguide.ui.export_pdf import page_size_for, print_summary

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPrinterName(self.printer_name)
        printer.setPageSize(page_size_for())
        parts = choose(self.pack, personal=[self.qr.section_id])
        try:
            if QPrinterInfo.printerInfo(self.printer_name).isNull() or not printer.isValid():
                raise OSError("printer not found")
            print_summary(build_summary(self.pack, parts, self._today()), printer)
        except OSError:
            log.warning("kiosk: the configured printer could not print")
            self.print_button.setText(self.tr("The printer is not working. Please ask staff."))
            return
        self.print_button.setText(self.tr("Printing. Please collect it from the printer."))
