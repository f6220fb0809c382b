"""One diary entry, the choices a form offers, and when an entry deserves a word about help.

Everything here is data and ids: the Qt layer turns ids into words in the reader's language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

LEGS = ("left", "right", "both")
PLACES = ("calf", "foot", "thigh", "shin", "other")
ACTIVITIES = ("in-bed", "walking", "exercise", "resting", "other")
SEVERITY_MAX = 10
DURATION_MAX_S = 24 * 3600
"""A cramp longer than a day is a typing mistake, not a record."""
TEXT_MAX = 4000
"""Longest note or free text kept; a diary line is not a document."""

HELP_SECTION = "when-to-get-help"
"""The section every help hint links to (the bundled pack's "When to get help")."""
LONG_CRAMP_S = 10 * 60
"""NHS: get urgent help when a cramp lasts longer than 10 minutes."""

NOT_A_TREATMENT = frozenset({"looking-after-your-legs", "no-relief"})
"""Sections of the bundled Treatments tab that are an introduction or advice to see a doctor,
not something a person does during a cramp. Every section of another pack's tab is offered."""

_TREATMENT_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SWELLING_OR_REDNESS = re.compile(
    r"\b(swell\w*|swollen|puffy|red|redness|reddish|reddened)\b", re.IGNORECASE
)


class EntryError(ValueError):
    """A value that cannot go into the diary. ``field`` and ``problem`` are ids for the UI."""

    def __init__(self, field_name: str, problem: str) -> None:
        super().__init__(f"{field_name}: {problem}")
        self.field = field_name
        self.problem = problem


@dataclass(frozen=True)
class Entry:
    """One cramp as the person logged it. Only ``when`` is required.

    Attributes:
        when: When the cramp started, with the time-zone offset it was logged in.
        leg: One of :data:`LEGS`, or "" when not said.
        place: One of :data:`PLACES`, or "".
        duration_s: How long it lasted in seconds, or None.
        severity: How bad, 0 to 10, or None.
        activity: One of :data:`ACTIVITIES`, or "".
        helped: Ids of the pack's treatment sections that helped.
        helped_other: Anything else that helped, in the person's words.
        note: A free note.
        id: A stable id (a UUID) once saved; "" for a new entry.
    """

    when: datetime
    leg: str = ""
    place: str = ""
    duration_s: int | None = None
    severity: int | None = None
    activity: str = ""
    helped: tuple[str, ...] = ()
    helped_other: str = ""
    note: str = ""
    id: str = field(default="", compare=True)

    def __repr__(self) -> str:
        return (
            f"Entry({self.when.isoformat(timespec='minutes')}, leg={self.leg!r}, "
            f"place={self.place!r}, duration_s={self.duration_s}, severity={self.severity}, "
            f"id={self.id[:8]!r})"
        )

    def checked(self) -> Entry:
        """This entry with text tidied, or :class:`EntryError` naming the first bad field."""
        if not isinstance(self.when, datetime) or self.when.utcoffset() is None:
            raise EntryError("when", "needs-time-zone")
        for name, value, allowed in (
            ("leg", self.leg, LEGS),
            ("place", self.place, PLACES),
            ("activity", self.activity, ACTIVITIES),
        ):
            if value and value not in allowed:
                raise EntryError(name, "unknown-choice")
        if self.duration_s is not None and not 0 <= self.duration_s <= DURATION_MAX_S:
            raise EntryError("duration_s", "out-of-range")
        if self.severity is not None and not 0 <= self.severity <= SEVERITY_MAX:
            raise EntryError("severity", "out-of-range")
        helped = self.helped
        if helped and not all(_TREATMENT_ID.fullmatch(h) for h in helped):
            helped = tuple(h.strip() for h in helped if h.strip())  # tidy, then check again
            if not all(_TREATMENT_ID.fullmatch(h) for h in helped):
                raise EntryError("helped", "bad-id")
        if len(set(helped)) != len(helped):
            helped = tuple(dict.fromkeys(helped))
        other, note = self.helped_other.strip(), self.note.strip()
        for name, text in (("helped_other", other), ("note", note)):
            if len(text) > TEXT_MAX:
                raise EntryError(name, "too-long")
        if (helped, other, note) == (self.helped, self.helped_other, self.note):
            return self  # already tidy (the usual case): no copy
        return Entry(self.when, self.leg, self.place, self.duration_s, self.severity,
                     self.activity, helped, other, note, self.id)


@dataclass(frozen=True)
class HelpHint:
    """The help level an entry calls for, with the reasons (ids) and the section to open.

    ``level`` is "urgent" (get urgent medical help) or "see-doctor".
    """

    level: str
    reasons: tuple[str, ...]
    section: str = HELP_SECTION


def help_hint(entry: Entry) -> HelpHint | None:
    """The matching level of "When to get help" for an entry, or None when nothing stands out.

    A cramp of more than 10 minutes is the urgent level; swelling or redness mentioned in any
    free text is the "see a doctor" level. The urgent level wins when both apply.
    """
    reasons: list[str] = []
    if entry.duration_s is not None and entry.duration_s > LONG_CRAMP_S:
        reasons.append("longer-than-10-minutes")
    if _SWELLING_OR_REDNESS.search(f"{entry.note}\n{entry.helped_other}"):
        reasons.append("swelling-or-redness")
    if not reasons:
        return None
    level = "urgent" if "longer-than-10-minutes" in reasons else "see-doctor"
    return HelpHint(level, tuple(reasons))


def is_night(when: datetime) -> bool:
    """Night is 22:00 to 06:59 in the time the person logged (when most people are in bed)."""
    return when.hour >= 22 or when.hour < 7


@dataclass(frozen=True)
class TreatmentChoice:
    """A treatment the form offers to tick: a section id and its title from the pack."""

    id: str
    title: str


def treatment_choices(pack: object, tab_id: str = "treatments") -> tuple[TreatmentChoice, ...]:
    """The treatment sections of ``pack`` (a :class:`~spasmguide.core.content.Pack`)."""
    tabs: Sequence[object] = getattr(pack, "tabs", ())
    for tab in tabs:
        if getattr(tab, "id", "") == tab_id:
            return tuple(
                TreatmentChoice(s.id, s.title)
                for s in getattr(tab, "sections", ())
                if s.id not in NOT_A_TREATMENT
            )
    return ()


def titles_for(ids: Iterable[str], choices: Sequence[TreatmentChoice]) -> list[str]:
    """Titles for treatment ids; an id the pack no longer has is shown as it is."""
    known = {c.id: c.title for c in choices}
    return [known.get(i, i) for i in ids]
