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
from spasmguide.core.patterns import LazyPattern

_KEY_LINE_RE = LazyPattern(r"^\s*([A-Za-z0-9_-]+)\s*=")


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


MAX_NESTING = 100
"""Lists and tables nested deeper than this are refused (a real pack nests two or three)."""

_LOCATION_RE = LazyPattern(r"\s*\(at line (\d+), column \d+\)")
_NUMBER_RE = LazyPattern(r"[0-9_]+")
_LONG_NUMBER = 4000  # Python converts at most 4300 digits to a whole number


def parse_toml(
    text: str, name: str, problems: list[Problem], hint: str = ""
) -> dict[str, Any] | None:
    """Parse TOML, turning every kind of parser error into a ``file:line`` problem.

    Args:
        hint: added to a syntax error's message, e.g. what to check on that line.
    """
    import tomllib  # here: a start-up from the pack cache never needs it

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        if line is None:
            match = _LOCATION_RE.search(str(exc))
            line = int(match.group(1)) if match else None
        detail = _LOCATION_RE.sub("", getattr(exc, "msg", None) or str(exc)).strip().rstrip(".")
        problems.append(Problem(name, line, f"TOML syntax error: {detail}{hint}"))
    except RecursionError:
        problems.append(
            Problem(
                name,
                nesting_line(text, MAX_NESTING),
                f"lists or tables are nested more than {MAX_NESTING} deep; "
                "close the brackets sooner",
            )
        )
    except ValueError:  # a whole number too long for Python to convert
        problems.append(
            Problem(name, _long_number_line(text), "a number is too long; shorten it")
        )
    except Exception as exc:  # any other failure of the parser is still the file's fault
        problems.append(Problem(name, None, f"cannot be read as TOML ({type(exc).__name__})"))
    return None


def nesting_line(text: str, limit: int) -> int | None:
    """The first line (1-based) where ``[`` and ``{`` outside strings and comments are
    nested more than ``limit`` deep, or None."""
    depth = 0
    line = 1
    index = 0
    size = len(text)
    while index < size:
        char = text[index]
        if char == "\n":
            line += 1
        elif char == "#":
            end = text.find("\n", index)
            index = size if end < 0 else end
            continue
        elif char in "\"'":
            quote = text[index : index + 3] if text.startswith(char * 3, index) else char
            end = _string_end(text, index + len(quote), quote)
            line += text.count("\n", index, end)
            index = end
            continue
        elif char in "[{":
            depth += 1
            if depth > limit:
                return line
        elif char in "]}":
            depth = max(0, depth - 1)
        index += 1
    return None


def _string_end(text: str, start: int, quote: str) -> int:
    """Index just past the string that starts before ``start`` (or the end of its line)."""
    index = start
    while True:
        end = text.find(quote, index)
        stop = len(text) if len(quote) == 3 else text.find("\n", index)
        if stop < 0:
            stop = len(text)
        if end < 0 or end > stop:
            return stop
        if quote[0] == '"':
            backslashes = 0
            while end - 1 - backslashes >= start and text[end - 1 - backslashes] == "\\":
                backslashes += 1
            if backslashes % 2:
                index = end + 1
                continue
        return end + len(quote)


def _long_number_line(text: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if any(len(m.group()) >= _LONG_NUMBER for m in _NUMBER_RE.finditer(line)):
            return number
    return None
