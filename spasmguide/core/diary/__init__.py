"""The private cramp diary: entries, their SQLite file, CSV, and the figures drawn from them.

Pure Python: the Qt layer (``spasmguide.ui.diary``) shows it and translates its ids.
"""

from spasmguide.core.diary.model import (
    ACTIVITIES,
    HELP_SECTION,
    LEGS,
    PLACES,
    Entry,
    EntryError,
    HelpHint,
    TreatmentChoice,
    help_hint,
    treatment_choices,
)
from spasmguide.core.diary.store import (
    DIARY_FILE_NAME,
    DiaryError,
    DiaryNotice,
    DiaryOpenError,
    DiaryStore,
    DiaryWriteError,
)

__all__ = [
    "ACTIVITIES",
    "DIARY_FILE_NAME",
    "HELP_SECTION",
    "LEGS",
    "PLACES",
    "DiaryError",
    "DiaryNotice",
    "DiaryOpenError",
    "DiaryStore",
    "DiaryWriteError",
    "Entry",
    "EntryError",
    "HelpHint",
    "TreatmentChoice",
    "help_hint",
    "treatment_choices",
]
