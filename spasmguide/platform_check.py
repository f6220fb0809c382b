"""Explain a missing display or missing X11 libraries before Qt aborts cryptically.

Qt's ``xcb`` plugin needs a handful of system libraries on Linux. Without them Qt prints
"Could not load the Qt platform plugin" and aborts; we name the exact packages instead.
"""

from __future__ import annotations

import ctypes.util
import os
import sys

# Library (as ctypes.util.find_library names it) -> Debian/Ubuntu package providing it.
XCB_LIBRARIES: dict[str, str] = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-image": "libxcb-image0",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-randr": "libxcb-randr0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xcb-xkb": "libxcb-xkb1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "EGL": "libegl1",
    "GL": "libgl1",
    "fontconfig": "libfontconfig1",
    "dbus-1": "libdbus-1-3",
}


def apt_command(packages: list[str]) -> str:
    """The command that installs ``packages`` on Debian or Ubuntu."""
    return "sudo apt-get install " + " ".join(packages)


def missing_display_support(
    platform: str = sys.platform,
    environ: dict[str, str] | None = None,
    find_library=ctypes.util.find_library,  # type: ignore[no-untyped-def]
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
    missing = [pkg for lib, pkg in XCB_LIBRARIES.items() if find_library(lib) is None]
    if not missing:
        return None
    return (
        "SpasmGuide cannot open a window: Qt needs some system libraries that are missing.\n"
        "Install them with:\n"
        f"  {apt_command(missing)}\n"
        "(On Fedora use dnf with the matching xcb-util packages.)"
    )
