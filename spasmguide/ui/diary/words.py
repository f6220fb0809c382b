"""The diary's ids in the reader's language (the core gives ids, never words)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from spasmguide.core.diary import Entry

translate = QCoreApplication.translate
"""``translate("Diary", text)``: the diary's words outside a QObject (``pyside6-lupdate``
finds this form; a helper of our own would hide the strings from it)."""


def tr(text: str) -> str:
    """Translate ``text`` in the "Diary" context, when it was marked for translation elsewhere
    (a ``QT_TRANSLATE_NOOP`` or a literal ``translate("Diary", ...)``)."""
    return QCoreApplication.translate("Diary", text)


COUNTED = {
    QT_TRANSLATE_NOOP("Diary", "Cramps per week, last %n weeks"):
        QT_TRANSLATE_NOOP("Diary", "Cramps this week"),
    QT_TRANSLATE_NOOP("Diary", "%n cramps"): QT_TRANSLATE_NOOP("Diary", "%n cramp"),
    QT_TRANSLATE_NOOP("Diary", "On average %1 of 10, from %n rated cramps"):
        QT_TRANSLATE_NOOP("Diary", "%1 of 10, from one rated cramp"),
    QT_TRANSLATE_NOOP("Diary", "%1: ticked %n times"):
        QT_TRANSLATE_NOOP("Diary", "%1: ticked once"),
    QT_TRANSLATE_NOOP("Diary", "%n cramps logged."):
        QT_TRANSLATE_NOOP("Diary", "%n cramp logged."),
    QT_TRANSLATE_NOOP("Diary", "Average severity %1 of 10 (%n cramps rated)."):
        QT_TRANSLATE_NOOP("Diary", "Severity %1 of 10 (one cramp rated)."),
    QT_TRANSLATE_NOOP("Diary", "%1: %n times"): QT_TRANSLATE_NOOP("Diary", "%1: once"),
    QT_TRANSLATE_NOOP("Diary", "… and %n more notes in the diary."):
        QT_TRANSLATE_NOOP("Diary", "… and one more note in the diary."),
    QT_TRANSLATE_NOOP("Diary", "%n cramps in your diary. It stays on this computer."):
        QT_TRANSLATE_NOOP("Diary", "%n cramp in your diary. It stays on this computer."),
    QT_TRANSLATE_NOOP("Diary", "%n entries exported to %1."):
        QT_TRANSLATE_NOOP("Diary", "%n entry exported to %1."),
    QT_TRANSLATE_NOOP("Diary", "… and %n more bad rows."):
        QT_TRANSLATE_NOOP("Diary", "… and one more bad row."),
    QT_TRANSLATE_NOOP("Diary", "%n entries imported."):
        QT_TRANSLATE_NOOP("Diary", "%n entry imported."),
    QT_TRANSLATE_NOOP("Diary", "%n were already in your diary and were kept as they are."):
        QT_TRANSLATE_NOOP("Diary", "%n was already in your diary and was kept as it is."),
}
"""Counted phrases: the form for many, and the form for exactly one. Each form is its own
message to translate (``pyside6-lupdate`` does not mark Python's counted phrases as plural),
which suits every language whose plural is "one" and "other", as English and Spanish."""


def ntr(text: str, n: int) -> str:
    """Translate a phrase with a count ``%n`` in it, in its form for one or for many."""
    source = COUNTED[text] if n == 1 else text
    return tr(source).replace("%n", str(n))


def leg_name(leg: str) -> str:
    """"Left leg", "Right leg", "Both legs", or "Leg not said"."""
    return {
        "left": translate("Diary", "Left leg"),
        "right": translate("Diary", "Right leg"),
        "both": translate("Diary", "Both legs"),
    }.get(leg, translate("Diary", "Leg not said"))


def leg_choice(leg: str) -> str:
    """The short button text for a leg."""
    return {
        "left": translate("Diary", "Left"),
        "right": translate("Diary", "Right"),
        "both": translate("Diary", "Both"),
    }[leg]


def place_name(place: str) -> str:
    """Calf, foot, thigh, shin or other."""
    return {
        "calf": translate("Diary", "Calf"),
        "foot": translate("Diary", "Foot"),
        "thigh": translate("Diary", "Thigh"),
        "shin": translate("Diary", "Shin"),
        "other": translate("Diary", "Other place"),
    }.get(place, "")


def activity_name(activity: str) -> str:
    """What was happening, as a short phrase."""
    return {
        "in-bed": translate("Diary", "In bed"),
        "walking": translate("Diary", "Walking"),
        "exercise": translate("Diary", "Exercise"),
        "resting": translate("Diary", "Resting"),
        "other": translate("Diary", "Something else"),
    }.get(activity, "")


def duration_text(seconds: float | None) -> str:
    """"45 s", "3 min", "2 min 30 s" or ""."""
    if seconds is None:
        return ""
    seconds = round(seconds)
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return translate("Diary", "%n s", "seconds", rest)
    if not rest:
        return translate("Diary", "%n min", "minutes", minutes)
    return translate("Diary", "%1 min %2 s").replace("%1", str(minutes)).replace("%2", str(rest))


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
        parts.append(translate("Diary", "%1 of 10").replace("%1", str(entry.severity)))
    if separator == "\n":
        details = " · ".join(parts[1:]) or translate("Diary", "No details")
        return f"{parts[0]}\n{details}"
    return separator.join(parts)


def reason_text(reason: str) -> str:
    """Why the diary could not be opened or saved, and what to do."""
    return {
        "read-only": translate("Diary",
            "The diary could not be saved because its folder or disk is read-only. "
            "Your entry is still here: free the disk or check its permissions, then try again."
        ),
        "disk-full": translate("Diary",
            "The diary could not be saved because the disk is full. Your entry is still "
            "here: make some room on the disk, then try again."
        ),
        "cannot-open": translate(
            "Diary",
            "The diary file could not be opened. Check that its folder exists "
            "and that you may write there.",
        ),
        "busy": translate(
            "Diary",
            "The diary is in use by another copy of SpasmGuide. Close it, then try "
            "again.",
        ),
        "damaged": translate("Diary", "The diary file is damaged and could not be set aside."),
        "newer-version": translate(
            "Diary",
            "This diary was written by a newer version of SpasmGuide. "
            "Update SpasmGuide to open it; nothing was changed.",
        ),
    }.get(reason, translate(
        "Diary",
        "The disk reported an error, so the diary could not be saved. Your "
        "entry is still here: try again in a moment.",
    ))


def problem_text(problem: str) -> str:
    """What is wrong with one CSV row (``BadRow.problem``)."""
    return {
        "missing": translate("Diary", "a value is needed"),
        "bad-date": translate("Diary", "not a date and time like 2025-03-14T02:40:00+00:00"),
        "needs-time-zone": translate(
            "Diary", "the date and time need a time-zone offset, such as +00:00"
        ),
        "not-a-number": translate("Diary", "not a number"),
        "unknown-choice": translate("Diary", "not one of the choices"),
        "out-of-range": translate("Diary", "out of range"),
        "bad-id": translate("Diary", "not a treatment id"),
        "too-long": translate("Diary", "longer than 4000 characters"),
        "too-many-columns": translate("Diary", "more values than the header has columns"),
        "too-many-rows": translate("Diary", "too many rows for a diary"),
    }.get(problem, translate("Diary", "not readable as CSV"))


def header_problem_text(problem: str) -> str:
    """Why a whole CSV file cannot be imported (``ImportResult.header_problem``)."""
    return {
        "empty": translate("Diary", "the file is empty"),
        "no-when-column": translate("Diary", "the first row has no 'when' column"),
        "not-utf8": translate(
            "Diary", "the file is not UTF-8 text; save it as CSV UTF-8 and try again"
        ),
    }.get(problem, translate("Diary", "the file is not CSV"))
