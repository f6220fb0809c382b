"""The "Is it serious?" button in the top bar.

Kept apart from the checker page (``checker.py``), as the search box is from the results:
the button is part of the first frame, the questions are read only after it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QPushButton

__all__ = ["make_checker_button", "pack_has_checker"]

CHECKER_FILE = "checker.toml"
"""The same name as ``spasmguide.core.checker.CHECKER_FILE`` (a test keeps them equal)."""


def pack_has_checker(pack_dir: Path) -> bool:
    """Whether the pack has "Is it serious?" questions (a look at the folder, no parsing)."""
    return (Path(pack_dir) / CHECKER_FILE).is_file()


def make_checker_button() -> QPushButton:
    """The "Is it serious?" button, to sit beside "When to get help"."""
    text = QCoreApplication.translate("CheckerPage", "Is it serious?")
    button = QPushButton(text)
    button.setObjectName("checker-button")
    button.setAccessibleName(text)
    button.setAccessibleDescription(QCoreApplication.translate(
        "CheckerPage", "Answer a few yes or no questions to see how soon to get help"
    ))
    font = QFont()
    font.setBold(True)  # only the weight, so the size follows the app's text size
    button.setFont(font)
    return button
