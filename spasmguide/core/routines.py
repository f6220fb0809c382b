"""Guided routines (stretches, compresses, rests) read from a pack's ``routines.toml``.

The file holds an array of ``[[routines]]`` tables, each with an array of ``[[routines.steps]]``.
Everything is validated strictly and every fault is reported at once, with the line to fix, so a
writer can correct the whole file in one pass.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from spasmguide.core.content.characters import shown, unsafe_character
from spasmguide.core.content.files import pack_file_exists, read_pack_bytes
from spasmguide.core.content.model import ID_RE, Picture
from spasmguide.core.content.toml_lines import parse_toml
from spasmguide.core.errors import ContentError, Problem
from spasmguide.core.patterns import LazyPattern
from spasmguide.core.record import Record

FILE_NAME = "routines.toml"

KINDS: tuple[str, ...] = (
    "stretch", "compress", "compress-cold", "compress-warm", "rest", "other"
)
KIND_LABELS: dict[str, str] = {
    "stretch": "Stretch",
    "compress": "Compress",
    "compress-cold": "Cold compress",
    "compress-warm": "Warm compress",
    "rest": "Rest",
    "other": "Step",
}
COMPRESS_KINDS = frozenset({"compress", "compress-cold", "compress-warm"})

# A step that puts something hot or cold on the skin, whatever kind it is tagged with: the
# skin limit below applies to it too, so a mistagged step cannot escape the check.
_COMPRESS_WORDS_RE = LazyPattern(
    r"\b(?:compress(?:es)?|ice|ice packs?|cold packs?|warm packs?|heat packs?|heat pads?|"
    r"heating pads?|hot[- ]water bottles?|warm cloths?|frozen peas)\b",
    re.IGNORECASE,
)


def is_compress_step(kind: str | None, instruction: str | None, label: str | None) -> bool:
    """True when a step holds a compress on the skin, by its kind or by its words."""
    if kind in COMPRESS_KINDS:
        return True
    return bool(_COMPRESS_WORDS_RE.search(f"{label or ''} {instruction or ''}"))

# Common first-aid guidance: a compress stays on for no more than about 20 minutes at a time.
MAX_COMPRESS_SECONDS = 20 * 60
# A single timed step longer than this is almost certainly a typo (minutes written as seconds...).
MAX_STEP_SECONDS = 60 * 60
MAX_REPEATS = 50
MAX_CUSTOM_MINUTES = 60

DEFAULT_REST_INSTRUCTION = "Rest. Let your leg relax and breathe slowly."



class Step(Record):
    """One step of a routine.

    Attributes:
        instruction: What to do, in plain words, action first.
        seconds: How long the step lasts; ``None`` for an open-ended step that counts up until
            the person moves on (for example "until the twitches die down").
        kind: One of :data:`KINDS`.
        repeats: How many times the step is done in a row.
        note: Safety or comfort note shown with the step (for example skin safety).
        label: Short name for small spaces such as the status bar; see :attr:`short_label`.
        rest_seconds: A rest inserted between repeats (not after the last one); 0 for none.
        adjustable: This step's length can be changed with the routine's quick durations.
        picture: A drawing of what to do, shown large while the step runs (or None).
    """

    instruction: str
    seconds: int | None
    kind: str
    repeats: int = 1
    note: str = ""
    label: str = ""
    rest_seconds: int = 0
    adjustable: bool = False
    picture: Picture | None = None

    @property
    def short_label(self) -> str:
        """The step's short name, falling back to a name for its kind."""
        return self.label or KIND_LABELS.get(self.kind, "Step")

    @property
    def counts_up(self) -> bool:
        """True for an open-ended step with no set length."""
        return self.seconds is None


class Routine(Record):
    """An ordered list of steps that the timer guides a person through.

    Attributes:
        id: Stable identifier, lowercase words joined by hyphens.
        title: Name shown in the routine chooser.
        summary: One or two sentences saying what the routine is for.
        steps: The steps, in order.
        custom_minutes: Quick durations offered for the adjustable step (empty for none).
        note: A note shown with the whole routine (for example where a fact comes from).
    """

    id: str
    title: str
    summary: str
    steps: tuple[Step, ...]
    custom_minutes: tuple[int, ...] = ()
    note: str = ""

    @property
    def adjustable_index(self) -> int | None:
        """Index of the step whose length the quick durations change, or ``None``."""
        for index, step in enumerate(self.steps):
            if step.adjustable:
                return index
        return None


# --------------------------------------------------------------------------------------------
# Loading


def load_routines(pack_dir: Path) -> tuple[Routine, ...]:
    """Read and validate ``routines.toml`` in a content pack.

    Args:
        pack_dir: The pack's folder.

    Returns:
        The routines in file order, or ``()`` when the pack has no ``routines.toml``.

    Raises:
        ContentError: Listing every problem found, each with the line to fix where known.
    """
    if not pack_file_exists(pack_dir, FILE_NAME):
        return ()
    problems: list[Problem] = []
    raw = read_pack_bytes(pack_dir, FILE_NAME, problems)
    if raw is None:
        raise ContentError(problems)
    return parse_routines(raw)


def parse_routines(raw: bytes) -> tuple[Routine, ...]:
    """Parse and validate the bytes of a ``routines.toml`` file.

    Args:
        raw: The file's content.

    Returns:
        The routines in file order.

    Raises:
        ContentError: Listing every problem found.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(
            Problem(FILE_NAME, line, "the text is not valid UTF-8; save the file as UTF-8")
        ) from None
    text = text.removeprefix("\ufeff")
    problems: list[Problem] = []
    data = parse_toml(text, FILE_NAME, problems, _SYNTAX_HINT)
    if data is None:
        raise ContentError(problems)
    checker = _Checker(_LineMap(text))
    routines = checker.check_file(data)
    if checker.problems:
        raise ContentError(sorted(checker.problems, key=lambda p: p.line or 0))
    return routines


_SYNTAX_HINT = "; check the quotes, brackets and '=' here"


# --------------------------------------------------------------------------------------------
# Line numbers: tomllib does not give them, so find headers and keys in the raw text.

_HEADER_RE = LazyPattern(r"^\s*\[\[\s*(routines(?:\s*\.\s*steps)?)\s*\]\]\s*(?:#.*)?$")
_TABLE_RE = LazyPattern(r"^\s*\[")
_KEY_RE = LazyPattern(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")


class _LineMap:
    """Where each ``[[routines]]``, ``[[routines.steps]]`` and ``key =`` line is."""

    def __init__(self, text: str) -> None:
        self.routine_lines: list[int] = []
        self.step_lines: list[list[int]] = []
        self.keys: dict[tuple[int | None, int | None, str], int] = {}
        routine: int | None = None
        step: int | None = None
        in_table = False  # inside some other [table] we do not know
        in_multiline: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            if in_multiline is not None:
                if line.count(in_multiline) % 2 == 1:
                    in_multiline = None
                continue
            header = _HEADER_RE.match(line)
            if header:
                in_table = False
                if "steps" in header.group(1):
                    if routine is None:
                        continue
                    self.step_lines[routine].append(number)
                    step = len(self.step_lines[routine]) - 1
                else:
                    self.routine_lines.append(number)
                    self.step_lines.append([])
                    routine = len(self.routine_lines) - 1
                    step = None
                continue
            if _TABLE_RE.match(line):
                in_table = True
                continue
            key = _KEY_RE.match(line)
            if key and not in_table:
                name = key.group(1).strip("\"'")
                self.keys.setdefault((routine, step, name), number)
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    in_multiline = quote
                    break

    def routine(self, index: int) -> int | None:
        return self.routine_lines[index] if index < len(self.routine_lines) else None

    def step(self, routine: int, index: int) -> int | None:
        if routine < len(self.step_lines) and index < len(self.step_lines[routine]):
            return self.step_lines[routine][index]
        return self.routine(routine)

    def key(self, routine: int | None, step: int | None, name: str) -> int | None:
        line = self.keys.get((routine, step, name))
        if line is not None:
            return line
        if routine is None:
            return None
        if step is None:
            return self.routine(routine)
        return self.step(routine, step)


# --------------------------------------------------------------------------------------------
# Validation

_ROUTINE_KEYS = ("id", "title", "summary", "steps", "custom_minutes", "note")
_SHORT_TEXT_KEYS = frozenset({"id", "title", "label"})
"""One-line names: no control or hidden text-direction characters."""
_STEP_KEYS = (
    "instruction",
    "seconds",
    "count_up",
    "kind",
    "repeats",
    "note",
    "label",
    "rest_seconds",
    "adjustable",
    "picture",
    "picture_alt",
)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


class _Checker:
    def __init__(self, lines: _LineMap) -> None:
        self.lines = lines
        self.problems: list[Problem] = []

    def add(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(FILE_NAME, line, message))

    def unknown_keys(
        self, entry: dict[str, Any], allowed: tuple[str, ...], what: str, r: int, s: int | None
    ) -> None:
        """A problem for each key of a routine or step table that is not in ``allowed``."""
        for key in entry:
            if key not in allowed:
                self.add(
                    self.lines.key(r, s, key),
                    f"unknown key {key!r} in a {what}; allowed keys: {', '.join(allowed)}",
                )

    def check_file(self, data: dict[str, Any]) -> tuple[Routine, ...]:
        for key in data:
            if key != "routines":
                self.add(
                    self.lines.key(None, None, key),
                    f"unknown top-level key {key!r}; the file holds only [[routines]] tables",
                )
        entries = data.get("routines")
        if entries is None:
            self.add(1, "no routines found; add at least one [[routines]] table")
            return ()
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            self.add(
                self.lines.key(None, None, "routines"),
                "'routines' must be written as [[routines]] tables",
            )
            return ()
        routines: list[Routine] = []
        seen: dict[str, int | None] = {}
        for index, entry in enumerate(entries):
            routine = self.check_routine(index, entry)
            # Duplicates are checked on the raw id, so a broken first routine still counts.
            routine_id = entry.get("id")
            if isinstance(routine_id, str):
                line = self.lines.key(index, None, "id")
                if routine_id in seen:
                    first = seen[routine_id]
                    where = f" (first used on line {first})" if first else ""
                    self.add(
                        line, f"routine id {routine_id!r} is used twice{where}; give it a new id"
                    )
                    continue
                seen[routine_id] = line
            if routine is not None:
                routines.append(routine)
        return tuple(routines)

    # ---- one routine

    def check_routine(self, r: int, entry: dict[str, Any]) -> Routine | None:
        start = len(self.problems)
        header = self.lines.routine(r)
        self.unknown_keys(entry, _ROUTINE_KEYS, "routine", r, None)
        routine_id = self.text(entry, "id", r, None, required=True)
        if routine_id and not ID_RE.match(routine_id):
            self.add(
                self.lines.key(r, None, "id"),
                f"routine id {routine_id!r} must be lowercase letters and digits joined by "
                "hyphens, like 'calf-stretch'",
            )
        title = self.text(entry, "title", r, None, required=True)
        summary = self.text(entry, "summary", r, None, required=True)
        note = self.text(entry, "note", r, None, required=False)
        custom = self.custom_minutes(entry, r)

        steps: list[Step] = []
        raw_steps = entry.get("steps")
        if raw_steps is None:
            self.add(header, "the routine has no steps; add [[routines.steps]] tables under it")
        elif not isinstance(raw_steps, list) or not all(isinstance(s, dict) for s in raw_steps):
            self.add(
                self.lines.key(r, None, "steps"),
                "'steps' must be written as [[routines.steps]] tables",
            )
        elif not raw_steps:
            self.add(header, "the routine has no steps; add [[routines.steps]] tables under it")
        else:
            for s, raw in enumerate(raw_steps):
                step = self.check_step(r, s, raw)
                if step is not None:
                    steps.append(step)

        adjustable = [i for i, step in enumerate(steps) if step.adjustable]
        if len(adjustable) > 1:
            self.add(
                self.lines.key(r, adjustable[1], "adjustable"),
                "only one step per routine can be adjustable; remove 'adjustable' from the others",
            )
        if custom and not adjustable and len(steps) == len(raw_steps or ()):
            self.add(
                self.lines.key(r, None, "custom_minutes"),
                "custom_minutes needs one step marked 'adjustable = true' to change",
            )
        if adjustable and custom:
            step = steps[adjustable[0]]
            compress = is_compress_step(step.kind, step.instruction, step.label)
            if compress and max(custom) * 60 > MAX_COMPRESS_SECONDS:
                self.add(
                    self.lines.key(r, None, "custom_minutes"),
                    f"a compress should stay on for no more than {MAX_COMPRESS_SECONDS // 60} "
                    "minutes at a time; remove the longer custom_minutes",
                )

        if len(self.problems) > start:
            return None
        assert routine_id is not None and title is not None and summary is not None
        return Routine(
            id=routine_id,
            title=title,
            summary=summary,
            steps=tuple(steps),
            custom_minutes=custom,
            note=note or "",
        )

    def custom_minutes(self, entry: dict[str, Any], r: int) -> tuple[int, ...]:
        if "custom_minutes" not in entry:
            return ()
        value = entry["custom_minutes"]
        line = self.lines.key(r, None, "custom_minutes")
        if not isinstance(value, list) or not all(_is_int(v) for v in value):
            self.add(line, "custom_minutes must be a list of whole minutes, like [5, 10, 15, 20]")
            return ()
        if any(v <= 0 or v > MAX_CUSTOM_MINUTES for v in value):
            self.add(line, f"each of custom_minutes must be from 1 to {MAX_CUSTOM_MINUTES}")
            return ()
        if len(set(value)) != len(value):
            self.add(line, "custom_minutes lists a duration twice; list each one once")
            return ()
        return tuple(sorted(value))

    # ---- one step

    def check_step(self, r: int, s: int, entry: dict[str, Any]) -> Step | None:
        start = len(self.problems)
        header = self.lines.step(r, s)
        self.unknown_keys(entry, _STEP_KEYS, "step", r, s)
        instruction = self.text(entry, "instruction", r, s, required=True)
        note = self.text(entry, "note", r, s, required=False) or ""
        label = self.text(entry, "label", r, s, required=False) or ""

        kind = entry.get("kind")
        if kind is None:
            self.add(header, f"the step has no 'kind'; add kind = one of {', '.join(KINDS)}")
        elif not isinstance(kind, str) or kind not in KINDS:
            self.add(
                self.lines.key(r, s, "kind"),
                f"kind {kind!r} is not known; use one of {', '.join(KINDS)}",
            )
            kind = None

        count_up = entry.get("count_up", False)
        if not isinstance(count_up, bool):
            self.add(self.lines.key(r, s, "count_up"), "count_up must be true or false")
            count_up = False
        compress = is_compress_step(kind, instruction, label)
        if compress and count_up:
            self.add(
                self.lines.key(r, s, "count_up"),
                "a compress step cannot be open-ended: the skin needs a break after "
                f"{MAX_COMPRESS_SECONDS // 60} minutes; give it seconds = "
                f"{MAX_COMPRESS_SECONDS} or less",
            )
        seconds: int | None = None
        if "seconds" in entry:
            value = entry["seconds"]
            line = self.lines.key(r, s, "seconds")
            if count_up:
                self.add(line, "a step cannot have both 'seconds' and 'count_up = true'; keep one")
            elif not _is_int(value):
                self.add(line, f"seconds must be a whole number, not {_type_name(value)}")
            elif value <= 0:
                self.add(line, f"seconds must be more than 0 (it is {value})")
            elif value > MAX_STEP_SECONDS:
                self.add(line, f"seconds must be at most {MAX_STEP_SECONDS} (one hour)")
            elif compress and value > MAX_COMPRESS_SECONDS:
                self.add(
                    line,
                    f"a compress should stay on for no more than {MAX_COMPRESS_SECONDS // 60} "
                    f"minutes at a time; make seconds {MAX_COMPRESS_SECONDS} or less",
                )
            else:
                seconds = value
        elif not count_up:
            self.add(
                header,
                "the step has no 'seconds'; add seconds = N, or count_up = true for an open-ended "
                "step",
            )

        repeats = self.whole(entry, "repeats", r, s, default=1, low=1, high=MAX_REPEATS)
        rest = self.whole(entry, "rest_seconds", r, s, default=0, low=0, high=MAX_STEP_SECONDS)
        if count_up and repeats != 1:
            self.add(self.lines.key(r, s, "repeats"), "an open-ended step cannot repeat")
        if rest and repeats == 1:
            self.add(
                self.lines.key(r, s, "rest_seconds"),
                "rest_seconds is the rest between repeats; it needs repeats of 2 or more",
            )
        adjustable = entry.get("adjustable", False)
        if not isinstance(adjustable, bool):
            self.add(self.lines.key(r, s, "adjustable"), "adjustable must be true or false")
            adjustable = False
        elif adjustable and count_up:
            self.add(
                self.lines.key(r, s, "adjustable"),
                "an open-ended step cannot be adjustable; give it seconds = N",
            )

        picture = self.picture(entry, r, s)

        if len(self.problems) > start:
            return None
        assert instruction is not None and kind is not None
        return Step(
            instruction=instruction,
            seconds=seconds,
            kind=kind,
            repeats=repeats,
            note=note,
            label=label,
            rest_seconds=rest,
            adjustable=adjustable,
            picture=picture,
        )

    def picture(self, entry: dict[str, Any], r: int, s: int) -> Picture | None:
        """The step's drawing and its alt text (``picture`` and ``picture_alt``)."""
        from spasmguide.core.content.pictures import picture_problem

        if "picture" not in entry and "picture_alt" not in entry:
            return None
        if "picture" not in entry:
            self.add(self.lines.key(r, s, "picture_alt"),
                     "picture_alt describes a picture; add picture = \"NAME\" or remove it")
            return None
        name, alt = entry.get("picture"), entry.get("picture_alt")
        problem = picture_problem(name, alt, alt_key="picture_alt")
        if problem:
            about_alt = "picture_alt" in problem and "picture_alt" in entry
            key = "picture_alt" if about_alt else "picture"
            self.add(self.lines.key(r, s, key), problem)
            return None
        assert isinstance(name, str) and isinstance(alt, str)
        return Picture(name, " ".join(alt.split()))

    # ---- field helpers

    def text(
        self, entry: dict[str, Any], key: str, r: int, s: int | None, *, required: bool
    ) -> str | None:
        where = "step" if s is not None else "routine"
        if key not in entry:
            if required:
                header = self.lines.step(r, s) if s is not None else self.lines.routine(r)
                self.add(header, f'the {where} has no {key!r}; add {key} = "..."')
            return None
        value = entry[key]
        line = self.lines.key(r, s, key)
        if not isinstance(value, str):
            self.add(line, f"{key} must be text in quotes, not {_type_name(value)}")
            return None
        value = value.strip()
        if required and not value:
            self.add(line, f"{key} is empty; write the {where}'s {key}")
            return None
        bad = unsafe_character(value) if key in _SHORT_TEXT_KEYS else None
        if bad:
            self.add(line, f"{key} '{shown(value)}' holds {bad}; remove it")
            return None
        return value

    def whole(
        self, entry: dict[str, Any], key: str, r: int, s: int, *, default: int, low: int, high: int
    ) -> int:
        if key not in entry:
            return default
        value = entry[key]
        line = self.lines.key(r, s, key)
        if not _is_int(value):
            self.add(line, f"{key} must be a whole number, not {_type_name(value)}")
            return default
        if not low <= value <= high:
            self.add(line, f"{key} must be from {low} to {high} (it is {value})")
            return default
        return value
