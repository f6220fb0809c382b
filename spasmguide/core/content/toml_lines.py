"""TOML for content packs: parse errors and the lines where keys and tables are written.

``tomllib`` gives values but no line numbers, so keys and ``[[tables]]`` are found in the
raw text to point a message at the line to fix.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any

from spasmguide.core.errors import Problem

_KEY_LINE_RE = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


@functools.lru_cache(maxsize=8)
def _key_lines(text: str) -> dict[str, list[int]]:
    """For each bare key assigned in ``text``, the lines (1-based, ascending) assigning it."""
    found: dict[str, list[int]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = _KEY_LINE_RE.match(line)
        if match:
            found.setdefault(match.group(1), []).append(number)
    return found


def toml_key_line(text: str, key: str, after_line: int = 0) -> int | None:
    """The first line (1-based) at or after ``after_line`` assigning ``key``."""
    lines = _key_lines(text).get(key, [])
    index = bisect.bisect_left(lines, after_line)
    return lines[index] if index < len(lines) else None


def toml_table_lines(text: str, header: str) -> list[int]:
    """Lines (1-based) of each ``[[header]]`` in ``text``."""
    pattern = re.compile(rf"^\s*\[\[\s*{re.escape(header)}\s*\]\]\s*(?:#.*)?$")
    return [n for n, line in enumerate(text.splitlines(), start=1) if pattern.match(line)]


def parse_toml(text: str, name: str, problems: list[Problem]) -> dict[str, Any] | None:
    """Parse TOML, turning a syntax error into a ``file:line`` problem."""
    import tomllib  # here: a start-up from the pack cache never needs it

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        line = int(match.group(1)) if match else None
        problems.append(Problem(name, line, f"TOML syntax error: {message}"))
        return None
