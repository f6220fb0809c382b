"""Staying up under a supervisor: systemd notifications and the folders systemd grants."""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Mapping
from pathlib import Path

LOCK_FILE_NAME = "spasmguide-kiosk.lock"
STATE_FOLDER_NAME = "spasmguide-kiosk"


def _first_folder(value: str | None) -> Path | None:
    # systemd passes one absolute path per RuntimeDirectory=/StateDirectory= entry, ":"-joined.
    first = (value or "").split(":")[0]
    return Path(first) if first and os.path.isabs(first) else None


def service_runtime_dir(env: Mapping[str, str] | None = None) -> Path | None:
    """The runtime folder systemd made for the unit (``RuntimeDirectory=``), if any."""
    env = os.environ if env is None else env
    return _first_folder(env.get("RUNTIME_DIRECTORY"))


def kiosk_state_dir(
    configured: Path | None = None, env: Mapping[str, str] | None = None
) -> Path:
    """Where the kiosk keeps what must survive a restart (the PIN lock-out count).

    In order: ``state_dir`` from the configuration, the folder systemd made for the unit
    (``StateDirectory=``, which the read-only file system leaves writable), then a fixed
    system folder. Never the kiosk user's home.
    """
    if configured is not None:
        return Path(configured)
    env = os.environ if env is None else env
    granted = _first_folder(env.get("STATE_DIRECTORY"))
    if granted is not None:
        return granted
    if sys.platform == "win32":
        base = env.get("PROGRAMDATA") or r"C:\ProgramData"
        return Path(base) / "SpasmGuide" / "kiosk-state"
    return Path("/var/lib") / STATE_FOLDER_NAME


def notify_address(env: Mapping[str, str] | None = None) -> str | bytes | None:
    """The systemd notify socket from ``NOTIFY_SOCKET`` (abstract names start with ``@``)."""
    env = os.environ if env is None else env
    address = env.get("NOTIFY_SOCKET", "")
    if not address:
        return None
    if address.startswith("@"):
        return b"\0" + address[1:].encode()
    if address.startswith("/"):
        return address
    return None


def watchdog_interval_s(env: Mapping[str, str] | None = None) -> float | None:
    """How often to ping the watchdog: half of ``WATCHDOG_USEC``, or None when not asked."""
    env = os.environ if env is None else env
    try:
        usec = int(env.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    pid = env.get("WATCHDOG_PID")
    if usec <= 0 or (pid and pid != str(os.getpid())):
        return None
    return usec / 2_000_000


def sd_notify(message: str, env: Mapping[str, str] | None = None) -> bool:
    """Send ``message`` (``READY=1``, ``WATCHDOG=1``) to systemd; False when not possible."""
    address = notify_address(env)
    if address is None:
        return False
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.connect(address)
            sock.sendall(message.encode())
    except OSError:
        return False
    return True
