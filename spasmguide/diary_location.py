"""Where the cramp diary lives on this computer.

The first of: the ``--diary FILE`` option, the ``SPASMGUIDE_DIARY`` environment variable
(tests and power users), or ``diary.sqlite3`` in the platform's application data folder
(``QStandardPaths.AppDataLocation``: ``~/.local/share/SpasmGuide/SpasmGuide`` on Linux).
"""

from __future__ import annotations

import os
from pathlib import Path

from spasmguide.core.diary import DIARY_FILE_NAME

DIARY_ENV = "SPASMGUIDE_DIARY"
APP_NAME = "SpasmGuide"


def diary_path(option: Path | None = None) -> Path:
    """The diary file to use (it may not exist yet)."""
    if option is not None:
        return option
    from_env = os.environ.get(DIARY_ENV, "").strip()
    if from_env:
        return Path(from_env)
    return default_diary_path()


def default_diary_path() -> Path:
    """``diary.sqlite3`` in the application data folder, as the window finds it."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    # The command line has no QApplication: name the program as the window does.
    if QCoreApplication.instance() is None:
        QCoreApplication.setOrganizationName(APP_NAME)
        QCoreApplication.setApplicationName(APP_NAME)
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(folder or Path.home() / ".local" / "share" / APP_NAME) / DIARY_FILE_NAME
