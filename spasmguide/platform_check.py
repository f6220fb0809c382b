"""Explain a missing display or missing X11 libraries before Qt aborts cryptically.

Qt's ``xcb`` plugin needs a handful of system libraries on Linux. Without them Qt prints
"Could not load the Qt platform plugin" and aborts; we name the exact packages instead.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

# The library file Qt's xcb plugin loads -> the Debian/Ubuntu package that provides it.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def can_load(library: str) -> bool:
    """Whether the dynamic loader finds ``library`` (a file name such as libGL.so.1).

    This asks the loader itself, as Qt will a moment later, so it is both exact and quick;
    ``ctypes.util.find_library`` would start a ``ldconfig`` process for every name.
    """
    import ctypes

    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def apt_command(packages: list[str], as_root: bool | None = None) -> str:
    """The command that installs ``packages`` on Debian or Ubuntu, with sudo unless root."""
    if as_root is None:
        as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    return ("" if as_root else "sudo ") + "apt-get install " + " ".join(packages)


def missing_display_support(
    platform: str = sys.platform,
    environ: dict[str, str] | None = None,
    loadable: Callable[[str], bool] = can_load,
) -> str | None:
    """Return a message naming what is missing to open a window, or None if all is well."""
    env = os.environ if environ is None else environ
    if not platform.startswith("linux"):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "")
    if qpa and not qpa.startswith("xcb"):
        return None  # offscreen, wayland, eglfs, ...: xcb's libraries are not needed
    if not qpa and env.get("WAYLAND_DISPLAY"):
        return None
    if not env.get("DISPLAY"):
        return (
            "SpasmGuide cannot open a window: no display was found (DISPLAY is not set).\n"
            "Start it from a desktop session, or run a headless command such as\n"
            "  python3 run.py search cramp"
        )
    missing = [pkg for lib, pkg in XCB_LIBRARIES.items() if not loadable(lib)]
    if not missing:
        return None
    return (
        "SpasmGuide cannot open a window: Qt needs some system libraries that are missing.\n"
        "Install them with:\n"
        f"  {apt_command(missing)}\n"
        "(On Fedora use dnf with the matching xcb-util packages.)"
    )
