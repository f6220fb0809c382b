"""The list of diary entries, newest first, read from the file a page at a time."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from spasmguide.core.diary import DiaryStore, Entry
from spasmguide.ui.diary.words import entry_line

Index = QModelIndex | QPersistentModelIndex


class EntriesModel(QAbstractListModel):
    """Entries as one line each. Fetches :attr:`PAGE` rows at a time as the list scrolls,
    so a diary of many years opens as fast as a new one."""

    PAGE = 200
    EntryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, store: DiaryStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._entries: list[Entry] = []
        self._total = 0  # empty until the first reload()

    def reload(self) -> None:
        """Read the first page again (after a save, delete or import)."""
        self.beginResetModel()
        self._total = self._store.count()
        self._entries = self._store.entries(limit=self.PAGE)
        self.endResetModel()

    def total(self) -> int:
        """How many entries the diary holds (not only those read so far)."""
        return self._total

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._entries) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = self._store.entries(limit=self.PAGE, offset=len(self._entries))
        if not more:
            self._total = len(self._entries)
            return
        start = len(self._entries)
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self._entries.extend(more)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry_line(entry, "\n")  # every row two lines: the same height
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return entry_line(entry)
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.note or None
        if role == self.EntryRole:
            return entry
        return None

    def entry_at(self, row: int) -> Entry | None:
        """The entry shown in ``row``."""
        return self._entries[row] if 0 <= row < len(self._entries) else None


class EntriesList(QListView):
    """The entries, one a line; Enter or a double click asks to change one."""

    def __init__(self, model: EntriesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diary-entries")
        self.setModel(model)
        self.setAccessibleName(self.tr("Your diary entries, newest first"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # One line each, all the same height: a long diary scrolls without measuring
        # every row. The note is in the tooltip and in the form.
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSpacing(2)

    def current_entry(self) -> Entry | None:
        """The selected entry, or None."""
        model = self.model()
        assert isinstance(model, EntriesModel)
        return model.entry_at(self.currentIndex().row())
