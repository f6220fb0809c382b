"""Cache files that are written whole or not at all, and that know when they are damaged.

Both caches (the checked content pack and the built search index) keep a CRC-32 of their
body in front of it and replace the old file in one step, so a crash mid-write, a full disk
or a stray edit never feeds a half-written file back to the program.
"""

from __future__ import annotations

import contextlib
import logging
import os
import zlib
from pathlib import Path

log = logging.getLogger(__name__)


def read_checked(path: Path) -> memoryview | None:
    """The body of a file made by :func:`write_checked`; None when it cannot be read.

    Raises:
        ValueError: the file is there but its checksum does not match (damaged).
    """
    try:
        data = path.read_bytes()
    except OSError:
        return None
    checksum, body = int.from_bytes(data[:4], "big"), memoryview(data)[4:]
    if zlib.crc32(body) != checksum:
        raise ValueError("checksum does not match")
    return body


def write_checked(path: Path, body: bytes, what: str) -> bool:
    """Write ``body`` with its checksum to ``path`` atomically; False (logged) on failure.

    Args:
        what: what the file is, for the log ("content cache").
    """
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(zlib.crc32(body).to_bytes(4, "big") + body)
        os.replace(temporary, path)
    except OSError as exc:
        log.info("%s not written (%s)", what, exc.strerror or type(exc).__name__)
        with contextlib.suppress(OSError):  # there may be no folder to write in at all
            temporary.unlink(missing_ok=True)
        return False
    return True
