"""Reading the files of a content pack."""

from __future__ import annotations

from pathlib import Path

from spasmguide.core.errors import Problem

MAX_FILE_BYTES = 16 * 1024 * 1024
"""Files larger than this are refused: no hand-written pack comes near it."""


def read_pack_file(path: Path, name: str, problems: list[Problem]) -> str | None:
    """Read one UTF-8 file of a pack, recording any fault in ``problems``."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(
                Problem(name, None, f"file is {size // (1024 * 1024)} MiB; the limit is 16 MiB")
            )
            return None
        data = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(name, None, "file is missing; create it or fix the name"))
        return None
    except IsADirectoryError:
        problems.append(Problem(name, None, "is a folder, not a file"))
        return None
    except OSError as exc:
        problems.append(Problem(name, None, f"cannot be read ({exc.strerror or exc})"))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(Problem(name, line, "is not valid UTF-8 text; save the file as UTF-8"))
        return None
    return text.removeprefix("\ufeff")
