"""Reading and writing the kiosk's small files without trusting what sits at the path.

A kiosk reads its configuration and its PIN lock-out state at every start. Whatever is found
there (a FIFO, ``/dev/zero``, a folder, a huge file) must never hang or exhaust the program,
and a file rewritten for staff must keep its owner, group and mode, even through a symlink.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

READ_LIMIT_BYTES = 64 * 1024
"""No kiosk file is anywhere near this big; a bigger one is refused, not read."""


class UnsafeFileError(OSError):
    """The path is not a regular file of a sensible size; ``reason`` says what it is."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path} {reason}")
        self.path = path
        self.reason = reason


def read_small_file(path: Path, limit: int = READ_LIMIT_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; never blocks.

    Opening does not wait for a writer (a FIFO), anything but a regular file is refused
    before a byte is read, and reading stops after ``limit`` bytes (``/dev/zero`` or a file
    that grows while being read).

    Raises:
        FileNotFoundError: Nothing is at ``path``.
        UnsafeFileError: A folder, FIFO, device or socket, or more than ``limit`` bytes.
        OSError: The file cannot be opened or read (permissions, I/O error).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:
        raise UnsafeFileError(path, "is a folder, not a file") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFileError(path, f"is {_kind(info.st_mode)}, not a regular file")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(65536, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise UnsafeFileError(path, f"is larger than {limit // 1024} KiB")
        return b"".join(chunks)
    finally:
        os.close(fd)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def replace_file(path: Path, data: bytes, *, default_mode: int = 0o644) -> Path:
    """Replace ``path``'s contents in one step, keeping its owner, group and mode.

    A symlink is followed: its target is replaced and the link stays a link. A file that
    does not exist yet gets ``default_mode``. Nothing is left behind when writing fails.

    Returns:
        The file actually written (the symlink's target for a link).
    """
    target = Path(os.path.realpath(path))
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise UnsafeFileError(target, f"is {_kind(info.st_mode)}, not a regular file")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".new")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if info is None:
            os.chmod(temp, default_mode)
        else:
            if hasattr(os, "chown") and (info.st_uid, info.st_gid) != _owner(temp):
                os.chown(temp, info.st_uid, info.st_gid)
            os.chmod(temp, stat.S_IMODE(info.st_mode))
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return target


def _owner(path: str) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_uid, info.st_gid
