"""Pictures in a pack: which of the guide's drawings a section shows, and what it shows.

The drawings are the program's own (``resources/pictures/NAME.svg``), shared by every
language. A pack names them, with alt text in its own language, in ``pack.toml``::

    [[pictures]]
    section = "night-cramps"            # the section the picture goes beside
    picture = "calf-stretch-standing"   # a drawing's name, without ".svg"
    alt = "A person leaning on a wall with one leg stretched out behind them"

and a routine step in ``routines.toml`` with ``picture`` and ``picture_alt``. A name that is
not one of the drawings, or a picture without alt text, is reported with its line.
"""

from __future__ import annotations

import os
from typing import Any

from spasmguide.core.content.characters import shown, unsafe_character
from spasmguide.core.content.model import ID_RE, PACK_FILE, Picture, Tab, pictures_folder
from spasmguide.core.content.toml_lines import toml_key_line, toml_table_lines
from spasmguide.core.errors import Problem

__all__ = [
    "MAX_ALT_CHARS",
    "attach_pictures",
    "picture_names",
    "picture_problem",
    "read_pictures",
]

MAX_ALT_CHARS = 250
"""Alt text is a sentence or two: what the picture shows, not the whole instruction."""

_KEYS = ("section", "picture", "alt")


def picture_names() -> list[str]:
    """The names of the guide's drawings, sorted."""
    try:
        files = os.listdir(pictures_folder())
    except OSError:
        return []
    return sorted(name[:-4] for name in files if name.endswith(".svg"))


def picture_problem(name: object, alt: object, *, alt_key: str = "alt") -> str | None:
    """Why ``name`` and ``alt`` cannot name a picture and describe it; None when they can."""
    if not isinstance(name, str) or not name.strip():
        return "'picture' must be the name of one of the guide's pictures, in quotes"
    if not ID_RE.match(name) or not (pictures_folder() / f"{name}.svg").is_file():
        known = ", ".join(picture_names()) or "none"
        return f"picture '{shown(name)}' is not one of the guide's pictures; use one of: {known}"
    if not isinstance(alt, str) or not alt.strip():
        return (f"picture '{name}' needs {alt_key} = \"...\": a few words saying what it shows, "
                "for people who cannot see it")
    text = " ".join(alt.split())
    if len(text) > MAX_ALT_CHARS:
        return (f"the {alt_key} of picture '{name}' is {len(text)} characters long; keep it to "
                f"{MAX_ALT_CHARS} or fewer")
    bad = unsafe_character(text)
    if bad:
        return f"the {alt_key} of picture '{name}' holds {bad}; remove it"
    return None


def read_pictures(
    data: dict[str, Any], text: str, problems: list[Problem]
) -> dict[str, list[tuple[Picture, int | None]]]:
    """The ``[[pictures]]`` tables of ``pack.toml``, by section id, each with its line."""
    raw = data.get("pictures", [])
    if not isinstance(raw, list) or not all(isinstance(entry, dict) for entry in raw):
        problems.append(Problem(PACK_FILE, toml_key_line(text, "pictures"),
                                "'pictures' must be a list of [[pictures]] tables"))
        return {}
    lines = toml_table_lines(text, "pictures")
    found: dict[str, list[tuple[Picture, int | None]]] = {}
    for index, entry in enumerate(raw):
        line = lines[index] if index < len(lines) else None
        for key in entry:
            if key not in _KEYS:
                problems.append(Problem(
                    PACK_FILE, toml_key_line(text, key, line or 0) or line,
                    f"unknown key '{key}' in pictures {index + 1}; allowed: {', '.join(_KEYS)}",
                ))
        section = entry.get("section")
        if not isinstance(section, str) or not section.strip():
            problems.append(Problem(PACK_FILE, line,
                                    f"pictures {index + 1} needs 'section' as text"))
            continue
        problem = picture_problem(entry.get("picture"), entry.get("alt"))
        if problem:
            key = "picture" if "is not one of" in problem or "'picture'" in problem else "alt"
            problems.append(
                Problem(PACK_FILE, toml_key_line(text, key, line or 0) or line, problem)
            )
            continue
        picture = Picture(str(entry["picture"]), " ".join(str(entry["alt"]).split()))
        found.setdefault(section.strip(), []).append((picture, line))
    return found


def attach_pictures(
    tabs: list[Tab],
    pictures: dict[str, list[tuple[Picture, int | None]]],
    problems: list[Problem],
) -> list[Tab]:
    """Give each section its pictures; a picture for a section that is not there is a
    problem at its line."""
    if not pictures:
        return tabs
    known = {section.id for tab in tabs for section in tab.sections}
    for section_id, entries in pictures.items():
        if section_id not in known:
            for _picture, line in entries:
                problems.append(Problem(PACK_FILE, line, f"pictures names section "
                                        f"'{shown(section_id)}', which is not in any tab"))
    return [
        tab.replace(sections=tuple(
            section.replace(pictures=tuple(p for p, _line in pictures[section.id]))
            if section.id in pictures else section
            for section in tab.sections
        ))
        for tab in tabs
    ]
