"""Parity of a translated pack with its reference: the same ids, in every language.

A pack in another language must have every tab, section, Timer routine and step, checker
question and result, and synonym group id that its reference pack (English, for the bundled
guide) has, and no others; and what each stands for must match where it matters for safety:
a section's tab and evidence label, a step's kind and length, a question's level. Each
difference becomes a :class:`Problem` pointing at the file and line to fix.

Every kind of id is one entry of :data:`KINDS`: a name and a function listing that kind's
:class:`Item` in a pack. Adding a kind is one more entry.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spasmguide.core.content.model import PACK_FILE, Pack
from spasmguide.core.content.toml_lines import toml_table_lines
from spasmguide.core.errors import Problem

__all__ = ["KINDS", "Item", "compare_packs"]


@dataclass(frozen=True)
class Item:
    """One id of a pack: where it is written, and what must match the reference's.

    Attributes:
        id: The id (a step's is ``routine-id/number``).
        file: The pack file that holds it (a name inside the pack folder).
        line: Its line there (None when unknown).
        facts: Named values that must be the same in every language.
    """

    id: str
    file: str
    line: int | None
    facts: tuple[tuple[str, Any], ...] = field(default=())


class _Texts:
    """The pack's files as text, read once, for line numbers."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._texts: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        if name not in self._texts:
            try:
                self._texts[name] = (self.root / name).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                self._texts[name] = ""
        return self._texts[name]


Collector = Callable[[Pack, _Texts], list[Item]]


_HEADER_RE = re.compile(r"^\s*\[")
_ID_KEY_RE = re.compile(r"^\s*id\s*=")


def _id_lines(text: str, table: str) -> list[int | None]:
    """The line of each ``[[table]]``'s own ``id`` (or of the table, when it has none)."""
    lines = text.splitlines()
    found: list[int | None] = []
    for start in toml_table_lines(text, table):
        line: int | None = start
        for number in range(start + 1, len(lines) + 1):
            if _HEADER_RE.match(lines[number - 1]):
                break
            if _ID_KEY_RE.match(lines[number - 1]):
                line = number
                break
        found.append(line)
    return found


def _has_id(text: str, line: int | None) -> bool:
    lines = text.splitlines()
    return line is not None and 0 < line <= len(lines) and bool(_ID_KEY_RE.match(lines[line - 1]))


def _at(lines: list[int | None], index: int) -> int | None:
    return lines[index] if index < len(lines) else None


def _tabs(pack: Pack, texts: _Texts) -> list[Item]:
    lines = _id_lines(texts(PACK_FILE), "tabs")
    return [Item(tab.id, PACK_FILE, _at(lines, i)) for i, tab in enumerate(pack.tabs)]


def _sections(pack: Pack, texts: _Texts) -> list[Item]:
    return [
        Item(
            section.id,
            tab.file,
            section.line,
            (("tab", tab.id), ("evidence", section.evidence.label if section.evidence else "")),
        )
        for tab, section in pack.sections()
    ]


def _routines(pack: Pack, texts: _Texts) -> list[Item]:
    lines = _id_lines(texts("routines.toml"), "routines")
    return [
        Item(routine.id, "routines.toml", _at(lines, i))
        for i, routine in enumerate(pack.routines)
    ]


def _steps(pack: Pack, texts: _Texts) -> list[Item]:
    text = texts("routines.toml")
    starts = toml_table_lines(text, "routines")
    step_lines = toml_table_lines(text, "routines.steps")
    items: list[Item] = []
    for r, routine in enumerate(pack.routines):
        begin = starts[r] if r < len(starts) else 0
        end = starts[r + 1] if r + 1 < len(starts) else len(text.splitlines()) + 1
        mine = [n for n in step_lines if begin < n < end]
        for s, step in enumerate(routine.steps):
            facts = (
                ("kind", step.kind),
                ("seconds", step.seconds),
                ("repeats", step.repeats),
                ("rest_seconds", step.rest_seconds),
                ("adjustable", step.adjustable),
                ("picture", step.picture.name if step.picture is not None else ""),
            )
            items.append(Item(f"{routine.id}/{s + 1}", "routines.toml", _at(mine, s), facts))
    return items


def _checker(pack: Pack) -> Any:
    from spasmguide.core.checker import load_checker  # only packs that are compared need it

    try:
        return load_checker(pack.path)
    except Exception:  # a broken checker is reported by load_pack, not here
        return None


def _questions(pack: Pack, texts: _Texts) -> list[Item]:
    checker = _checker(pack)
    if checker is None:
        return []
    lines = _id_lines(texts("checker.toml"), "questions")
    return [
        Item(q.id, "checker.toml", _at(lines, i), (("level", q.level), ("only_if", q.only_if)))
        for i, q in enumerate(checker.questions)
    ]


def _results(pack: Pack, texts: _Texts) -> list[Item]:
    checker = _checker(pack)
    if checker is None:
        return []
    text = texts("checker.toml").splitlines()
    items = []
    for result in checker.results:
        name = re.escape(result.level)
        header = re.compile(rf"^\s*\[\s*results\s*\.\s*[\"']?{name}[\"']?\s*\]")
        line = next((n for n, t in enumerate(text, start=1) if header.match(t)), None)
        items.append(Item(result.level, "checker.toml", line, (("routine", result.routine),)))
    return items


def _synonym_groups(pack: Pack, texts: _Texts) -> list[Item]:
    # Groups without an id are a language's own words, not compared.
    group_ids = [g for g in getattr(pack.synonyms, "group_ids", ()) or () if g]
    text = texts("synonyms.toml")
    lines = [line for line in _id_lines(text, "groups") if _has_id(text, line)]
    return [Item(g, "synonyms.toml", _at(lines, i)) for i, g in enumerate(group_ids)]


_PICTURE_KEY_RE = re.compile(r"""^\s*(section|picture)\s*=\s*["']([^"']*)["']""")


def _pictures(pack: Pack, texts: _Texts) -> list[Item]:
    """A section's drawings, as ``section-id/picture-name``, at their ``[[pictures]]`` entry."""
    text = texts(PACK_FILE)
    lines = text.splitlines()
    where: dict[str, int] = {}
    for start in toml_table_lines(text, "pictures"):
        keys: dict[str, str] = {}
        for number in range(start + 1, len(lines) + 1):
            if _HEADER_RE.match(lines[number - 1]):
                break
            match = _PICTURE_KEY_RE.match(lines[number - 1])
            if match:
                keys[match.group(1)] = match.group(2)
        where.setdefault(f"{keys.get('section')}/{keys.get('picture')}", start)
    return [
        Item(f"{section.id}/{picture.name}", PACK_FILE, where.get(f"{section.id}/{picture.name}"))
        for _tab, section in pack.sections()
        for picture in section.pictures
    ]


KINDS: tuple[tuple[str, Collector], ...] = (
    ("tab", _tabs),
    ("section", _sections),
    ("routine", _routines),
    ("step", _steps),
    ("checker question", _questions),
    ("checker result", _results),
    ("synonym group", _synonym_groups),
    ("picture", _pictures),
)
"""Every kind of id compared, in the order problems are reported."""


def compare_packs(pack: Pack, reference: Pack) -> list[Problem]:
    """Every id ``pack`` lacks or has beyond ``reference``, and every safety fact that differs.

    File names in the problems are paths: the pack's folder joined with the file's name.
    """
    problems: list[Problem] = []
    ours, theirs = _Texts(Path(pack.path)), _Texts(Path(reference.path))
    for kind, collect in KINDS:
        problems += _compare(kind, collect(pack, ours), collect(reference, theirs), pack, reference)
    return problems


def _compare(
    kind: str, here: list[Item], there: list[Item], pack: Pack, reference: Pack
) -> list[Problem]:
    def where(p: Pack, item: Item) -> str:
        path = str(Path(p.path) / item.file)
        return f"{path}:{item.line}" if item.line else path

    mine = {item.id: item for item in here}
    theirs = {item.id: item for item in there}
    problems: list[Problem] = []
    previous: Item | None = None  # the last reference item this pack has: insert after it
    for item in there:
        found = mine.get(item.id)
        if found is None:
            file = previous.file if previous else item.file  # packs share file names
            problems.append(
                Problem(
                    str(Path(pack.path) / file),
                    previous.line if previous else None,
                    f"{kind} '{item.id}' is missing; the reference has it at "
                    f"{where(reference, item)}",
                )
            )
            continue
        previous = found
        differ = _differences(found.facts, item.facts)
        if differ:
            problems.append(
                Problem(
                    str(Path(pack.path) / found.file),
                    found.line,
                    f"{kind} '{item.id}' differs from the reference ({where(reference, item)}): "
                    + "; ".join(differ),
                )
            )
    for item in here:
        if item.id not in theirs:
            problems.append(
                Problem(
                    str(Path(pack.path) / item.file),
                    item.line,
                    f"{kind} '{item.id}' is not in the reference pack {reference.path}",
                )
            )
    return problems


def _differences(
    here: tuple[tuple[str, Any], ...], there: tuple[tuple[str, Any], ...]
) -> list[str]:
    mine = dict(here)
    return [
        f"{name} is {_shown(mine.get(name))} here, {_shown(value)} in the reference"
        for name, value in there
        if mine.get(name) != value
    ]


def _shown(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, str):
        return f"'{value}'" if value else "none"
    return str(value).lower() if isinstance(value, bool) else str(value)
