"""What the diary shows as a pattern: cramps per week, night or day, which leg, how bad,
and what the person ticked as helping. This is the person's own record, not evidence that
a treatment works; the UI says so beside every figure it draws from here.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, NamedTuple

from spasmguide.core.diary.model import LEGS, Entry

DEFAULT_WEEKS = 26
"""About six months of weeks in the "per week" chart."""


class SummaryRow(NamedTuple):
    """What the figures need of one entry (the store reads these without whole entries)."""

    day: date
    hour: int
    leg: str
    duration_s: int | None
    severity: int | None
    helped: tuple[str, ...]

    @classmethod
    def of(cls, entry: Entry) -> SummaryRow:
        """The row for an entry, in the time it was logged in."""
        when = entry.when
        return cls(when.date(), when.hour, entry.leg, entry.duration_s, entry.severity,
                   entry.helped)


@dataclass(frozen=True)
class WeekCount:
    """Cramps in one ISO week (Monday to Sunday), by the date the person logged."""

    monday: date
    count: int

    @property
    def label(self) -> str:
        """The ISO week, such as ``2025-W07``."""
        year, week, _ = self.monday.isocalendar()
        return f"{year}-W{week:02d}"


@dataclass(frozen=True)
class TreatmentFigure:
    """How often a treatment was ticked and the median length of those cramps (or None)."""

    id: str
    times: int
    median_duration_s: float | None


@dataclass
class Summary:
    """Figures over a set of entries. ``weeks`` runs oldest to newest and includes empty weeks."""

    total: int = 0
    weeks: list[WeekCount] = field(default_factory=list)
    night: int = 0
    day: int = 0
    legs: dict[str, int] = field(default_factory=dict)
    average_severity: float | None = None
    rated: int = 0
    treatments: list[TreatmentFigure] = field(default_factory=list)
    first: date | None = None
    last: date | None = None

    def to_json(self) -> dict[str, Any]:
        """The summary as plain data (``diary summary --json``)."""
        return {
            "total": self.total,
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
            "per_week": [
                {"week": w.label, "monday": w.monday.isoformat(), "count": w.count}
                for w in self.weeks
            ],
            "per_leg": dict(self.legs),
            "per_time_of_day": {"night": self.night, "day": self.day},
            "average_severity": (
                None if self.average_severity is None else round(self.average_severity, 1)
            ),
            "treatments": [
                {"id": t.id, "times": t.times, "median_duration_seconds": t.median_duration_s}
                for t in self.treatments
            ],
            "note": "your own record, not evidence",
        }


def monday_of(day: date) -> date:
    """The Monday that starts ``day``'s ISO week."""
    return day - timedelta(days=day.weekday())


def summarise(
    entries: Iterable[Entry | SummaryRow], today: date, weeks: int = DEFAULT_WEEKS
) -> Summary:
    """Figures over ``entries``; the week counts cover the ``weeks`` weeks up to ``today``.

    Every other figure covers all the entries given (choose them with the store's
    ``entries_between`` for a period). Night is 22:00 to 06:59 in the time logged.
    """
    summary = Summary()
    this_monday = monday_of(today)
    first_monday = this_monday - timedelta(weeks=max(1, weeks) - 1)
    per_week: Counter[date] = Counter()
    legs: Counter[str] = Counter()
    durations: dict[str, list[int]] = {}
    ticked: Counter[str] = Counter()
    severity_total = 0
    first: date | None = None
    last: date | None = None
    for item in entries:
        entry = item if isinstance(item, SummaryRow) else SummaryRow.of(item)
        summary.total += 1
        day = entry.day
        first = day if first is None or day < first else first
        last = day if last is None or day > last else last
        monday = day - timedelta(days=day.weekday())
        if first_monday <= monday <= this_monday:
            per_week[monday] += 1
        if entry.hour >= 22 or entry.hour < 7:  # night, as model.is_night
            summary.night += 1
        else:
            summary.day += 1
        legs[entry.leg or "not-said"] += 1
        if entry.severity is not None:
            severity_total += entry.severity
            summary.rated += 1
        for treatment in entry.helped:
            ticked[treatment] += 1
            if entry.duration_s is not None:
                durations.setdefault(treatment, []).append(entry.duration_s)
    summary.first, summary.last = first, last
    summary.weeks = [
        WeekCount(first_monday + timedelta(weeks=i), per_week[first_monday + timedelta(weeks=i)])
        for i in range(max(1, weeks))
    ]
    summary.legs = {leg: legs[leg] for leg in (*LEGS, "not-said") if legs[leg]}
    if summary.rated:
        summary.average_severity = severity_total / summary.rated
    summary.treatments = sorted(
        (
            TreatmentFigure(
                t, n, statistics.median(durations[t]) if durations.get(t) else None
            )
            for t, n in ticked.items()
        ),
        key=lambda f: (-f.times, f.id),
    )
    return summary


def longest(entries: Sequence[Entry], count: int = 5) -> list[Entry]:
    """The ``count`` longest cramps (those with a duration), longest first."""
    timed = [e for e in entries if e.duration_s is not None]
    return sorted(timed, key=lambda e: (-(e.duration_s or 0), e.when))[:count]
