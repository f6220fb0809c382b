"""The diary's ids in the reader's language (the core gives ids, never words)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale

from spasmguide.core.diary import Entry


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate in the "Diary" context (for code outside a QObject)."""
    return QCoreApplication.translate("Diary", text, disambiguation, n)


ENGLISH_ONE = {
    "Cramps per week, last %n weeks": "Cramps this week",
    "%n cramps": "%n cramp",
    "On average %1 of 10, from %n rated cramps": "%1 of 10, from one rated cramp",
    "%1: ticked %n times": "%1: ticked once",
    "%n cramps logged.": "%n cramp logged.",
    "Average severity %1 of 10 (%n cramps rated).": "Severity %1 of 10 (one cramp rated).",
    "%1: %n times": "%1: once",
    "… and %n more notes in the diary.": "… and one more note in the diary.",
    "%n cramps in your diary. It stays on this computer.":
        "%n cramp in your diary. It stays on this computer.",
    "%n entries exported to %1.": "%n entry exported to %1.",
    "… and %n more bad rows.": "… and one more bad row.",
    "%n entries imported.": "%n entry imported.",
    "%n were already in your diary and were kept as they are.":
        "%n was already in your diary and was kept as it is.",
}
"""English singulars for counted phrases, used while no translation is installed (a
translation gives every language its own plural forms through Qt's %n)."""


def ntr(text: str, n: int) -> str:
    """Translate a phrase with a count ``%n`` in it, with the right English singular."""
    translated = tr(text, None, n)
    if n == 1 and translated == text.replace("%n", "1") and text in ENGLISH_ONE:
        return ENGLISH_ONE[text].replace("%n", "1")
    return translated


def leg_name(leg: str) -> str:
    """"Left leg", "Right leg", "Both legs", or "Leg not said"."""
    return {
        "left": tr("Left leg"),
        "right": tr("Right leg"),
        "both": tr("Both legs"),
    }.get(leg, tr("Leg not said"))


def leg_choice(leg: str) -> str:
    """The short button text for a leg."""
    return {"left": tr("Left"), "right": tr("Right"), "both": tr("Both")}[leg]


def place_name(place: str) -> str:
    """Calf, foot, thigh, shin or other."""
    return {
        "calf": tr("Calf"),
        "foot": tr("Foot"),
        "thigh": tr("Thigh"),
        "shin": tr("Shin"),
        "other": tr("Other place"),
    }.get(place, "")


def activity_name(activity: str) -> str:
    """What was happening, as a short phrase."""
    return {
        "in-bed": tr("In bed"),
        "walking": tr("Walking"),
        "exercise": tr("Exercise"),
        "resting": tr("Resting"),
        "other": tr("Something else"),
    }.get(activity, "")


def duration_text(seconds: float | None) -> str:
    """"45 s", "3 min", "2 min 30 s" or ""."""
    if seconds is None:
        return ""
    seconds = round(seconds)
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return tr("%n s", "seconds", rest)
    if not rest:
        return tr("%n min", "minutes", minutes)
    return tr("%1 min %2 s").replace("%1", str(minutes)).replace("%2", str(rest))


def when_text(when: datetime) -> str:
    """The entry's start in the reader's locale, such as "Tue 3 Jun 2025, 03:15"."""
    locale = QLocale()
    day = locale.toString(when.date(), "ddd d MMM yyyy")
    return f"{day}, {when.strftime('%H:%M')}"


def entry_line(entry: Entry, separator: str = " · ") -> str:
    """One line for the list: when, leg and place, how long, how bad.

    With ``separator="\n"`` the time is on a line of its own (the list shows it so).
    """
    parts = [when_text(entry.when)]
    where = [leg_name(entry.leg)] if entry.leg else []
    if entry.place:
        where.append(place_name(entry.place))
    if where:
        parts.append(", ".join(where))
    if entry.duration_s is not None:
        parts.append(duration_text(entry.duration_s))
    if entry.severity is not None:
        parts.append(tr("%1 of 10").replace("%1", str(entry.severity)))
    if separator == "\n":
        details = " · ".join(parts[1:]) or tr("No details")
        return f"{parts[0]}\n{details}"
    return separator.join(parts)


def reason_text(reason: str) -> str:
    """Why the diary could not be opened or saved, and what to do."""
    return {
        "read-only": tr(
            "The diary could not be saved because its folder or disk is read-only. "
            "Your entry is still here: free the disk or check its permissions, then try again."
        ),
        "disk-full": tr(
            "The diary could not be saved because the disk is full. Your entry is still "
            "here: make some room on the disk, then try again."
        ),
        "cannot-open": tr("The diary file could not be opened. Check that its folder exists "
                          "and that you may write there."),
        "busy": tr("The diary is in use by another copy of SpasmGuide. Close it, then try "
                   "again."),
        "damaged": tr("The diary file is damaged and could not be set aside."),
        "newer-version": tr("This diary was written by a newer version of SpasmGuide. "
                            "Update SpasmGuide to open it; nothing was changed."),
    }.get(reason, tr("The disk reported an error, so the diary could not be saved. Your "
                     "entry is still here: try again in a moment."))


def problem_text(problem: str) -> str:
    """What is wrong with one CSV row (``BadRow.problem``)."""
    return {
        "missing": tr("a value is needed"),
        "bad-date": tr("not a date and time like 2025-03-14T02:40:00+00:00"),
        "needs-time-zone": tr("the date and time need a time-zone offset, such as +00:00"),
        "not-a-number": tr("not a number"),
        "unknown-choice": tr("not one of the choices"),
        "out-of-range": tr("out of range"),
        "bad-id": tr("not a treatment id"),
        "too-long": tr("longer than 4000 characters"),
        "too-many-columns": tr("more values than the header has columns"),
        "too-many-rows": tr("too many rows for a diary"),
    }.get(problem, tr("not readable as CSV"))


def header_problem_text(problem: str) -> str:
    """Why a whole CSV file cannot be imported (``ImportResult.header_problem``)."""
    return {
        "empty": tr("the file is empty"),
        "no-when-column": tr("the first row has no 'when' column"),
        "not-utf8": tr("the file is not UTF-8 text; save it as CSV UTF-8 and try again"),
    }.get(problem, tr("the file is not CSV"))
