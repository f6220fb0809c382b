"""Only one kiosk at a time: a lock file in the runtime folder the service grants."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from PySide6.QtCore import QLockFile, QStandardPaths

from spasmguide.core.kiosk import LOCK_FILE_NAME, service_runtime_dir

__all__ = ["LockUnavailableError", "acquire_single_instance", "kiosk_lock_path"]


class LockUnavailableError(OSError):
    """The lock file cannot be made at all (not: another kiosk holds it)."""


def kiosk_lock_path() -> Path:
    """The single-instance lock file.

    Under systemd it lives in the unit's own runtime folder (``RuntimeDirectory=``, writable
    even with ``ProtectHome=read-only``); otherwise in the user's runtime folder.
    """
    folder = service_runtime_dir()
    if folder is None:
        location = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.RuntimeLocation
        ) or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.TempLocation)
        folder = Path(location)
    return folder / LOCK_FILE_NAME


def acquire_single_instance(path: Path) -> QLockFile | None:
    """Hold the kiosk lock, or return None when another kiosk already holds it.

    A lock left behind by a kiosk that crashed is recovered: Qt sees its process is gone.

    Raises:
        LockUnavailableError: The lock cannot be made: its folder is missing or read-only,
            or something that is not a lock file (a folder, say) sits at ``path``.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise LockUnavailableError(exc.errno, f"cannot look at {path}: {exc.strerror}") from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise LockUnavailableError(f"{path} is not a lock file (something else is there)")
    lock = QLockFile(str(path))
    # Long-lived lock: never treat a live owner's lock as stale because of its age.
    lock.setStaleLockTime(0)
    if lock.tryLock(100):
        return lock
    error = lock.error()
    if error == QLockFile.LockError.LockFailedError:
        if lock.removeStaleLockFile() and lock.tryLock(100):
            return lock
        if lock.error() == QLockFile.LockError.LockFailedError:
            if os.access(path.parent, os.W_OK):
                return None  # a live kiosk holds it
            # An old lock in a folder that cannot be written: it cannot be taken over.
            raise LockUnavailableError(f"cannot replace the old lock {path}: the folder is "
                                       "read-only")
        error = lock.error()
    reason = "permission denied" if error == QLockFile.LockError.PermissionError else (
        "the folder is missing or read-only"
    )
    raise LockUnavailableError(f"cannot create {path}: {reason}")
