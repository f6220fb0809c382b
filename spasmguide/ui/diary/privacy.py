"""What the About tab says about the diary, and "Delete all diary data"."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from spasmguide.ui.diary.words import translate

DELETE_LINK = "delete-all-diary-data"
"""The About page's link id for "Delete all diary data"."""


def about_html(path: Path) -> str:
    """The About tab's paragraph: the diary stays here, where it lives, how to delete it."""
    title = translate("Diary", "Your cramp diary")
    where = translate(
        "Diary",
        "Your diary stays on this computer. SpasmGuide never sends it anywhere. "
        "It is kept in this file:",
    )
    move = translate("Diary", "To move it to another computer, use Export CSV in the Diary tab.")
    delete = translate("Diary", "Delete all diary data")
    return (
        f"<h2>{html.escape(title)}</h2>"
        f"<p>{html.escape(where)}</p>"
        f"<p><code>{html.escape(str(path))}</code></p>"
        f"<p>{html.escape(move)}</p>"
        f'<p><a href="#{DELETE_LINK}">{html.escape(delete)}</a></p>'
    )


class DeleteDiaryData(QObject):
    """Asks before the diary and its backups are deleted."""

    @classmethod
    def ask(cls, parent: QWidget | None, path: Path) -> bool:
        """True when the person confirms."""
        answer = QMessageBox.question(
            parent, translate("Diary", "Delete all diary data?"),
            translate(
                "Diary",
                "This deletes every entry in your cramp diary, and its backups, from this "
                "computer:\n%1\n\nIt cannot be undone. To keep a copy, use Export CSV first.",
            )
            .replace("%1", str(path)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
