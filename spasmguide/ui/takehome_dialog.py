"""Desktop "Save or print": the current section, the current tab, or a personal summary.

The personal summary is a checklist of every section; "What to do right now" and "When to
get help" are ticked and cannot be unticked. Saving writes a PDF; printing goes through the
system's print dialog. Never used in kiosk mode.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from spasmguide.core.content import Pack
from spasmguide.core.takehome import Summary, build_summary, choose, safety_section_ids

log = logging.getLogger(__name__)

__all__ = ["TakeHomeDialog"]


class TakeHomeDialog(QDialog):
    """Choose what to take home, then save it as PDF or print it."""

    def __init__(
        self,
        pack: Pack,
        current: Callable[[], tuple[str, str | None]],
        *,
        today: Callable[[], datetime.date] = datetime.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.pack = pack
        self._current = current
        self._today = today
        self.setObjectName("takehome-dialog")
        self.setWindowTitle(self.tr("Save or print"))
        self.section_choice = QRadioButton()
        self.tab_choice = QRadioButton()
        self.personal_choice = QRadioButton(self.tr("My own summary: choose sections below"))
        self.choices = QButtonGroup(self)
        for button in (self.section_choice, self.tab_choice, self.personal_choice):
            self.choices.addButton(button)
        self.checklist = QListWidget()
        self.checklist.setObjectName("takehome-checklist")
        self.checklist.setAccessibleName(self.tr("Sections for my summary"))
        locked = set(safety_section_ids(pack))
        for tab, section in pack.sections():
            item = QListWidgetItem(f"{section.title}  ({tab.title})")
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if section.id in locked:
                item.setCheckState(Qt.CheckState.Checked)
                item.setToolTip(self.tr("Always included"))
            else:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
                item.setCheckState(Qt.CheckState.Unchecked)
            item.setFlags(flags)
            self.checklist.addItem(item)
        note = QLabel(self.tr('"What to do right now" and "When to get help" are always included.'))
        note.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("takehome-message")
        self.save_button = QPushButton(self.tr("Save as PDF\u2026"))
        self.print_button = QPushButton(self.tr("Print\u2026"))
        close = QPushButton(self.tr("Close"))
        self.save_button.clicked.connect(self._on_save_clicked)
        self.print_button.clicked.connect(self._on_print_clicked)
        close.clicked.connect(self.reject)
        self.personal_choice.toggled.connect(self.checklist.setEnabled)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("What would you like to save or print?")))
        for button in (self.section_choice, self.tab_choice, self.personal_choice):
            layout.addWidget(button)
        layout.addWidget(self.checklist, 1)
        layout.addWidget(note)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (self.save_button, self.print_button, close):
            row.addWidget(button)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        """Name the current section and tab on the choices (call before showing)."""
        tab_id, section_id = self._current()
        tab = self.pack.tab(tab_id)
        found = self.pack.locate(section_id) if section_id else None
        self.section_choice.setEnabled(found is not None)
        self.tab_choice.setEnabled(tab is not None)
        self.section_choice.setText(
            self.tr("This section: %1").replace("%1", found[1].title if found else "\u2014")
        )
        self.tab_choice.setText(
            self.tr("This tab: %1").replace("%1", tab.title if tab else "\u2014")
        )
        (self.section_choice if found else self.personal_choice).setChecked(True)
        self.checklist.setEnabled(self.personal_choice.isChecked())
        self.message.clear()

    def ticked(self) -> list[str]:
        """Ids of the ticked sections of the personal summary."""
        items = (self.checklist.item(i) for i in range(self.checklist.count()))
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def summary(self) -> Summary:
        """What the chosen option holds, dated today."""
        tab_id, section_id = self._current()
        if self.section_choice.isChecked() and section_id:
            parts = choose(self.pack, section=section_id)
        elif self.tab_choice.isChecked():
            parts = choose(self.pack, tab=tab_id)
        else:
            parts = choose(self.pack, personal=self.ticked())
        return build_summary(self.pack, parts, self._today())

    def save_to(self, path: Path) -> bool:
        """Write the PDF; say in the dialog whether it worked."""
        from spasmguide.ui.export_pdf import save_summary_pdf

        try:
            save_summary_pdf(self.summary(), path)
        except OSError as exc:
            log.warning("saving a summary to %s failed: %s", path, exc)
            self.message.setText(
                self.tr("The PDF could not be saved in that place. Choose another folder.")
            )
            return False
        self.message.setText(self.tr("Saved: %1").replace("%1", str(path)))
        return True

    @Slot()
    def _on_save_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), str(Path.home() / "spasmguide-summary.pdf"),
            self.tr("PDF documents (*.pdf)"),
        )
        if name:
            self.save_to(Path(name if name.lower().endswith(".pdf") else name + ".pdf"))

    @Slot()
    def _on_print_clicked(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from spasmguide.ui.export_pdf import page_size_for, print_summary

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(page_size_for())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            print_summary(self.summary(), printer)
        except OSError as exc:
            log.warning("printing a summary failed: %s", exc)
            self.message.setText(self.tr("The printer could not be reached."))
            return
        self.message.setText(self.tr("Sent to the printer."))
