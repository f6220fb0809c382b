"""Reading the files of a content pack, safely.

A pack folder may hold anything: a named pipe that never ends, a link to a device that never
stops giving bytes, a link to a file somewhere else on the machine. Only an ordinary file
whose real place is inside the pack folder is read, and never more than a size limit: the
limit is applied while reading, so a file that grows or lies about its size cannot take
more memory than that.
"""

from __future__ import annotations

import math
import os
import stat
from pathlib import Path

from spasmguide.core.errors import Problem

MAX_TEXT_BYTES = 2_000_000
"""Text files (TOML and Markdown) larger than this are refused: a hand-written guide is
a few kilobytes, and a bigger file would only make checking and starting slow."""

MAX_FILE_BYTES = 16_000_000
"""Any other file of a pack (a picture) larger than this is refused."""

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # opening a named pipe must not wait for a writer
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NOFOLLOW", 0)  # the path opened is already the real one
)
_CHUNK = 1 << 20


class PackFileError(Exception):
    """A pack file cannot be used; the message says why, in words for the pack's editor."""


def megabytes(size: int) -> str:
    """A size for people: ``17.5 MB``, rounded up so that a file over a limit never reads
    as the limit itself."""
    tenths = math.ceil(size / 100_000)
    return f"{tenths // 10} MB" if tenths % 10 == 0 else f"{tenths / 10:.1f} MB"


def resolve_inside(root: Path | str, name: str) -> str:
    """The real path of ``name`` in the pack folder ``root``, refusing any path that leads
    out of the folder (``..``, an absolute path, or a link to a place outside).

    Raises:
        PackFileError: when the name cannot be a file of this pack.
    """
    if "\0" in name:
        raise PackFileError("the file name holds a NUL character; retype the name")
    if not name.strip():
        raise PackFileError("the file name is empty")
    base = os.path.realpath(root)
    real = os.path.realpath(os.path.join(base, name))
    if real == base or os.path.commonpath([base, real]) != base:
        raise PackFileError(
            "leads outside the pack folder; put the file itself in the pack folder"
        )
    return real


def _open_regular(real: str) -> tuple[int, os.stat_result]:
    try:
        fd = os.open(real, _OPEN_FLAGS)
    except FileNotFoundError:
        raise PackFileError("file is missing; create it or fix the name") from None
    except IsADirectoryError:
        raise PackFileError("is a folder, not a file") from None
    except OSError as exc:
        raise PackFileError(f"cannot be read ({exc.strerror or type(exc).__name__})") from None
    try:
        info = os.fstat(fd)
    except OSError as exc:
        os.close(fd)
        raise PackFileError(f"cannot be read ({exc.strerror or type(exc).__name__})") from None
    if stat.S_ISDIR(info.st_mode):
        os.close(fd)
        raise PackFileError("is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise PackFileError(
            "is not an ordinary file (it is a pipe, a device or similar); "
            "replace it with a saved file"
        )
    return fd, info


def _too_big(size: int, limit: int) -> PackFileError:
    if size > limit:
        return PackFileError(f"file is {megabytes(size)}; the limit is {megabytes(limit)}")
    return PackFileError(f"file is larger than the limit of {megabytes(limit)}")


def check_file_inside(root: Path | str, name: str, limit: int = MAX_FILE_BYTES) -> str:
    """Check that ``name`` is an ordinary file inside ``root`` no larger than ``limit``,
    without reading it; return its real path.

    Raises:
        PackFileError: saying what is wrong.
    """
    real = resolve_inside(root, name)
    fd, info = _open_regular(real)
    os.close(fd)
    if info.st_size > limit:
        raise _too_big(info.st_size, limit)
    return real


def read_file_inside(root: Path | str, name: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of the ordinary file ``name`` inside the pack folder ``root``.

    Never reads more than ``limit`` + 1 bytes, whatever the file claims its size is.

    Raises:
        PackFileError: saying what is wrong.
    """
    real = resolve_inside(root, name)
    fd, info = _open_regular(real)
    try:
        if info.st_size > limit:
            raise _too_big(info.st_size, limit)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise _too_big(info.st_size, limit)  # it grew, or claimed less
    except OSError as exc:
        raise PackFileError(f"cannot be read ({exc.strerror or type(exc).__name__})") from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def read_pack_bytes(root: Path | str, name: str, problems: list[Problem]) -> bytes | None:
    """Read one text file of a pack as bytes, recording any fault in ``problems``."""
    try:
        return read_file_inside(root, name, MAX_TEXT_BYTES)
    except PackFileError as exc:
        problems.append(Problem(name, None, str(exc)))
        return None


def read_pack_file(root: Path | str, name: str, problems: list[Problem]) -> str | None:
    """Read one UTF-8 text file ``name`` of the pack in folder ``root``, recording any
    fault in ``problems``."""
    data = read_pack_bytes(root, name, problems)
    if data is None:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(Problem(name, line, "is not valid UTF-8 text; save the file as UTF-8"))
        return None
    return text.removeprefix("\ufeff")


def pack_file_exists(root: Path | str, name: str) -> bool:
    """Whether the folder has an entry called ``name`` at all (even a broken link or a pipe),
    so that an optional file that is there but unusable is reported, not ignored."""
    return "\0" not in name and os.path.lexists(os.path.join(root, name))
