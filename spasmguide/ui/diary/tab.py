"""The Diary tab (desktop only): the entries, the charts, the form, and moving data in and out."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, QDir, Qt, Signal, Slot
from PySide6.QtGui import QFont, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from spasmguide.core.diary import (
    DiaryError,
    DiaryStore,
    Entry,
    TreatmentChoice,
    help_hint,
)
from spasmguide.core.diary.summary import summarise
from spasmguide.ui.diary.charts import ChartsPanel
from spasmguide.ui.diary.entries import EntriesList, EntriesModel
from spasmguide.ui.diary.form import TOUCH_PX, DiaryForm, HelpPanel, name_controls
from spasmguide.ui.diary.words import (
    entry_line,
    header_problem_text,
    ntr,
    problem_text,
    reason_text,
)

BAD_ROWS_SHOWN = 8


class DiaryTab(QWidget):
    """The person's own cramp diary: what they logged, the pattern, and "Log a cramp".

    The diary file is opened when this tab is made (never before the window's first frame,
    never in kiosk mode). If it cannot be opened, the tab says why and offers to try again.

    Signals:
        help_requested(): "When to get help" was pressed.
        changed(): entries were added, changed or deleted.
    """

    help_requested = Signal()
    changed = Signal()

    def __init__(
        self,
        open_store: Callable[[], DiaryStore],
        treatments: Sequence[TreatmentChoice],
        *,
        now: Callable[[], datetime] = lambda: datetime.now().astimezone(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("diary-tab")
        self._open_store = open_store
        self._treatments = tuple(treatments)
        self._titles = {t.id: t.title for t in self._treatments}
        self._now = now
        self.store: DiaryStore | None = None
        self._forgotten = False
        self.form: DiaryForm | None = None
        self.model: EntriesModel | None = None
        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.pages)
        self._build_problem_page()
        self._build_overview()
        self.open()

    # -- dialogs (tests replace these)

    @classmethod
    def ask(cls, parent: QWidget, title: str, text: str) -> bool:
        """Ask a yes/no question; True for yes."""
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def choose_save_file(cls, parent: QWidget, title: str, suggested: Path, kinds: str) -> str:
        """The file to write, or "" when the person cancelled."""
        return QFileDialog.getSaveFileName(parent, title, str(suggested), kinds)[0]

    @classmethod
    def choose_open_file(cls, parent: QWidget, title: str, kinds: str) -> str:
        """The file to read, or "" when the person cancelled."""
        return QFileDialog.getOpenFileName(parent, title, QDir.homePath(), kinds)[0]

    # -- building

    def _build_problem_page(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem with the diary"))
        retry = QPushButton(self.tr("Try again"))
        retry.setMinimumHeight(48)
        retry.clicked.connect(self.open)
        layout.addWidget(self.problem)
        layout.addWidget(retry, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.pages.addWidget(page)

    def _build_overview(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.log_button = QPushButton(self.tr("Log a cramp"))
        self.log_button.setObjectName("log-cramp")
        bold = QFont()
        bold.setBold(True)
        self.log_button.setFont(bold)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        top.addWidget(self.log_button)
        top.addWidget(self.count_label, 1)
        layout.addLayout(top)

        self.notice = QLabel()
        self.notice.setObjectName("diary-notice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.hide()
        layout.addWidget(self.notice)
        self.help_panel = HelpPanel()
        self.help_panel.help_requested.connect(self.help_requested)
        layout.addWidget(self.help_panel)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.entries_label = QLabel(self.tr("Entries"))
        self.entries_label.setFont(bold)
        left_layout.addWidget(self.entries_label)
        self.entries_slot = left_layout
        row = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Change"))
        self.delete_button = QPushButton(self.tr("Delete"))
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        left_layout.addLayout(row)

        self.charts = ChartsPanel()
        charts_scroll = QScrollArea()
        charts_scroll.setObjectName("diary-charts-scroll")
        charts_scroll.setWidget(self.charts)
        charts_scroll.setWidgetResizable(True)
        charts_scroll.setFrameShape(QFrame.Shape.NoFrame)
        charts_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.charts_scroll = charts_scroll
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(charts_scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)

        period = QLabel(self.tr("For my doctor, from"))
        self.period_start = QDateEdit()
        self.period_end = QDateEdit()
        for edit, name in ((self.period_start, self.tr("Summary from")),
                           (self.period_end, self.tr("Summary to"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setAccessibleName(name)
            edit.setMinimumHeight(TOUCH_PX)
        to = QLabel(self.tr("to"))
        period.setBuddy(self.period_start)
        self.pdf_button = QPushButton(self.tr("Make a PDF…"))
        self.pdf_button.setAccessibleName(self.tr("Make a one-page PDF for my doctor"))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.period_box = QWidget()
        period_layout = QHBoxLayout(self.period_box)
        period_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (period, self.period_start, to, self.period_end, self.pdf_button):
            period_layout.addWidget(widget)
        self.data_box = QWidget()
        data_layout = QHBoxLayout(self.data_box)
        data_layout.setContentsMargins(0, 0, 0, 0)
        data_layout.addWidget(self.export_button)
        data_layout.addWidget(self.import_button)
        self.bottom = QGridLayout()
        self.bottom.setContentsMargins(0, 0, 0, 0)
        self._bottom_wrapped: bool | None = None
        self._place_bottom(False)
        layout.addLayout(self.bottom)
        for button in (self.log_button, self.edit_button, self.delete_button, self.pdf_button,
                       self.export_button, self.import_button):
            button.setMinimumHeight(TOUCH_PX)
        self.pages.addWidget(page)
        self.overview = page
        name_controls(self)

        self.log_button.clicked.connect(lambda: self.log_cramp())
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.pdf_button.clicked.connect(self.make_pdf)
        self.export_button.clicked.connect(self.export_csv)
        self.import_button.clicked.connect(self.import_csv)
        today = self._now().date()
        self.period_start.setDate(QDate(today.year, today.month, 1).addMonths(-2))
        self.period_end.setDate(QDate(today.year, today.month, today.day))

    def _place_bottom(self, wrap: bool) -> None:
        """The PDF and CSV controls on one row, or on two when large text needs it."""
        if wrap == self._bottom_wrapped:
            return
        self._bottom_wrapped = wrap
        for widget in (self.period_box, self.data_box):
            self.bottom.removeWidget(widget)
        left = Qt.AlignmentFlag.AlignLeft
        self.bottom.addWidget(self.period_box, 0, 0, left)
        if wrap:
            self.bottom.addWidget(self.data_box, 1, 0, left)
            self.bottom.setColumnStretch(1, 0)
        else:
            self.bottom.addWidget(self.data_box, 0, 2, Qt.AlignmentFlag.AlignRight)
            self.bottom.setColumnStretch(1, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        needed = self.period_box.sizeHint().width() + self.data_box.sizeHint().width() + 40
        self._place_bottom(needed > self.width())

    # -- the file

    @Slot()
    def open(self) -> bool:
        """Open the diary file (again); on failure show why and offer to try again."""
        if self.store is not None:
            return True
        self._forgotten = False
        try:
            store = self._open_store()
        except DiaryError as exc:
            self.problem.setText(reason_text(exc.reason))
            self.pages.setCurrentIndex(0)
            return False
        self.store = store
        for notice in store.notices:
            self.show_notice(self.tr(
                "Your diary file was damaged, so it was set aside as %1 and a new, empty "
                "diary was started. Nothing was deleted."
            ).replace("%1", str(notice.backup)))
        self.model = EntriesModel(store, self)
        self.entries = EntriesList(self.model)
        self.entries.doubleClicked.connect(lambda _index: self.edit_current())
        self.entries.activated.connect(lambda _index: self.edit_current())
        self.entries_slot.insertWidget(1, self.entries, 1)
        self.pages.setCurrentWidget(self.overview)
        self.refresh()
        return True

    def _ensure_form(self) -> DiaryForm | None:
        """The form, made the first time it is needed (opening the tab stays quick)."""
        if self.form is None and self.store is not None:
            self.form = DiaryForm(self.store, self._treatments, now=self._now)
            self.form.saved.connect(self._on_form_saved)
            self.form.cancelled.connect(self.show_overview)
            self.form.help_requested.connect(self.help_requested)
            self.pages.addWidget(self.form)
        return self.form

    def forget(self, message: str) -> None:
        """Close the file before its data is deleted; say ``message`` until the next open."""
        self.close_store()
        self._forgotten = True
        self.problem.setText(message)
        self.pages.setCurrentIndex(0)

    def close_store(self) -> None:
        """Close the diary file and forget it (before its data is deleted)."""
        if self.store is None:
            return
        self.store.close()
        self.store = None
        if self.form is not None:
            self.pages.removeWidget(self.form)
            self.form.deleteLater()
            self.form = None
        self.entries.setParent(None)
        self.entries.deleteLater()
        self.model = None

    # -- showing

    def refresh(self) -> None:
        """Read the entries again and redraw the list and the charts."""
        if self.store is None or self.model is None:
            return
        try:
            self.model.reload()
            rows = self.store.summary_rows()
        except DiaryError as exc:
            self.show_notice(reason_text(exc.reason))
            return
        total = self.model.total()
        self.count_label.setText(
            ntr("%n cramps in your diary. It stays on this computer.", total)
        )
        self.charts.show_summary(summarise(rows, self._now().date()), self._titles)
        has_entries = total > 0
        for button in (self.edit_button, self.delete_button, self.export_button,
                       self.pdf_button):
            button.setEnabled(has_entries)
        if has_entries and not self.entries.currentIndex().isValid():
            self.entries.setCurrentIndex(self.model.index(0))

    def show_notice(self, text: str) -> None:
        """A calm line above the entries (cleared by the next one)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    @Slot()
    def show_overview(self) -> None:
        """Back from the form to the list and charts."""
        self.pages.setCurrentWidget(self.overview if self.store else self.pages.widget(0))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.store is None and not self._forgotten:
            self.open()

    # -- actions

    def log_cramp(self, duration_s: int | None = None) -> bool:
        """Show the form for a new cramp (``duration_s`` from the timer, if any)."""
        if not self.open() or self._ensure_form() is None:
            return False
        assert self.form is not None
        self.form.start_new(duration_s)
        self.pages.setCurrentWidget(self.form)
        self.form.now_button.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    @Slot()
    def edit_current(self) -> None:
        """Change the selected entry in the form."""
        entry = self.entries.current_entry() if self.model is not None else None
        form = self._ensure_form()
        if entry is None or form is None:
            return
        form.edit(entry)
        self.pages.setCurrentWidget(self.form)

    @Slot()
    def delete_current(self) -> None:
        """Delete the selected entry, after asking."""
        entry = self.entries.current_entry() if self.model is not None else None
        if entry is None or self.store is None:
            return
        if not self.ask(self, self.tr("Delete this entry?"), self.tr(
            "Delete the entry for %1? This cannot be undone."
        ).replace("%1", entry_line(entry))):
            return
        try:
            self.store.delete(entry.id)
        except DiaryError as exc:
            self.show_notice(reason_text(exc.reason))
            return
        self.show_notice(self.tr("The entry was deleted."))
        self.refresh()
        self.changed.emit()

    @Slot(object)
    def _on_form_saved(self, entry: Entry) -> None:
        self.help_panel.show_hint(help_hint(entry))
        self.show_notice(self.tr("Saved in your diary."))
        self.refresh()
        self.pages.setCurrentWidget(self.overview)
        if self.model is not None:
            for row in range(self.model.rowCount()):
                found = self.model.entry_at(row)
                if found is not None and found.id == entry.id:
                    self.entries.setCurrentIndex(self.model.index(row))
                    break
        self.changed.emit()

    def _suggested(self, name: str) -> Path:
        folder = Path(QDir.homePath())
        documents = folder / "Documents"
        return (documents if documents.is_dir() else folder) / name

    @Slot()
    def export_csv(self) -> None:
        """Write every entry to a CSV file the person chooses."""
        if self.store is None:
            return
        from spasmguide.core.diary.csvio import export_csv

        chosen = self.choose_save_file(
            self, self.tr("Export the diary as CSV"),
            self._suggested(f"cramp-diary-{self._now().date().isoformat()}.csv"),
            self.tr("CSV files (*.csv)"),
        )
        if not chosen:
            return
        try:
            count = export_csv(self.store.entries(), Path(chosen))
        except DiaryError as exc:
            self.show_notice(reason_text(exc.reason))
            return
        except OSError as exc:
            self.show_notice(self.tr("The file could not be written: %1").replace(
                "%1", exc.strerror or str(exc)))
            return
        self.show_notice(ntr("%n entries exported to %1.", count).replace("%1", chosen))

    @Slot()
    def import_csv(self) -> None:
        """Add the entries of a CSV file: all of them, or none if any row is bad."""
        if self.store is None:
            return
        from spasmguide.core.diary.csvio import read_csv_file

        chosen = self.choose_open_file(
            self, self.tr("Import a diary CSV file"), self.tr("CSV files (*.csv);;All files (*)")
        )
        if not chosen:
            return
        try:
            result = read_csv_file(Path(chosen))
        except OSError as exc:
            self.show_notice(self.tr("The file could not be read: %1").replace(
                "%1", exc.strerror or str(exc)))
            return
        if result.header_problem:
            self.show_notice(self.tr("Nothing was imported: %1.").replace(
                "%1", header_problem_text(result.header_problem)))
            return
        if result.bad_rows:
            lines = [
                self.tr("Line %1: %2").replace("%1", str(bad.line)).replace(
                    "%2", f"{bad.column} {problem_text(bad.problem)}".strip())
                for bad in result.bad_rows[:BAD_ROWS_SHOWN]
            ]
            more = len(result.bad_rows) - BAD_ROWS_SHOWN
            if more > 0:
                lines.append(ntr("… and %n more bad rows.", more))
            self.show_notice(
                self.tr("Nothing was imported, so your diary is unchanged. Fix these rows "
                        "and import the file again:") + "\n" + "\n".join(lines)
            )
            return
        try:
            added, already = self.store.add_many(result.entries, checked=True)
        except DiaryError as exc:
            self.show_notice(reason_text(exc.reason))
            return
        text = ntr("%n entries imported.", added)
        if already:
            text += " " + ntr(
                "%n were already in your diary and were kept as they are.", already
            )
        self.show_notice(text)
        self.refresh()
        self.changed.emit()

    @Slot()
    def make_pdf(self) -> None:
        """Write the one-page "For my doctor" summary of the chosen period."""
        if self.store is None:
            return
        from spasmguide.ui.diary.doctor import write_doctor_pdf

        start: date = self.period_start.date().toPython()
        end: date = self.period_end.date().toPython()
        if end < start:
            start, end = end, start
        chosen = self.choose_save_file(
            self, self.tr("Save the summary for your doctor"),
            self._suggested(f"cramp-summary-{end.isoformat()}.pdf"), self.tr("PDF files (*.pdf)"),
        )
        if not chosen:
            return
        try:
            write_doctor_pdf(Path(chosen), self.store.entries(), start, end, self._titles,
                             made_on=self._now().date())
        except DiaryError as exc:
            self.show_notice(reason_text(exc.reason))
            return
        except OSError:
            self.show_notice(self.tr("The PDF could not be written to %1.").replace(
                "%1", chosen))
            return
        self.show_notice(self.tr("Summary saved as %1. Print it or take it to your "
                                 "appointment.").replace("%1", chosen))
