"""Errors raised while reading a content pack, and a privacy-safe way to log any error."""

from __future__ import annotations

import traceback
from pathlib import Path
from types import TracebackType


class Problem:
    """One thing wrong with a content pack, pointing at where to fix it.

    A plain class, not a dataclass: making one at import costs every start.
    """

    __slots__ = ("file", "line", "message")

    def __init__(self, file: str, line: int | None, message: str) -> None:
        self.file = file
        self.line = line
        self.message = message

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.file, self.line, self.message) == (other.file, other.line, other.message)

    def __hash__(self) -> int:
        return hash((self.file, self.line, self.message))

    def __repr__(self) -> str:
        return f"Problem(file={self.file!r}, line={self.line!r}, message={self.message!r})"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class ContentError(Exception):
    """A content pack is broken. ``problems`` lists every fault found, in file order."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems: list[Problem] = (
            [problems] if isinstance(problems, Problem) else list(problems)
        )
        super().__init__("\n".join(str(p) for p in self.problems))

    def __repr__(self) -> str:
        return f"ContentError({self.problems!r})"


def describe_exception(
    kind: type[BaseException], tb: TracebackType | None
) -> str:
    """Where an error happened, without its message (which might hold typed text)."""
    frames = traceback.extract_tb(tb) if tb is not None else []
    if not frames:
        return f"{kind.__name__} (no location)"
    last = frames[-1]
    return f"{kind.__name__} in {last.name} ({Path(last.filename).name}:{last.lineno})"
