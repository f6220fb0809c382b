"""Before Qt aborts for want of X11 libraries, we print the command that installs them."""

import sys

import pytest

from spasmguide.platform_check import missing_display_support


def test_missing_xcb_libraries_name_the_apt_command() -> None:
    message = missing_display_support(
        "linux", {"DISPLAY": ":0"}, lambda lib: lib != "libxcb-cursor.so.0"
    )
    assert message is not None
    assert "apt-get install libxcb-cursor0" in message


def test_the_apt_line_has_sudo_only_when_it_is_needed() -> None:
    from spasmguide.platform_check import apt_command

    assert apt_command(["libxcb-cursor0"], as_root=False) == "sudo apt-get install libxcb-cursor0"
    assert apt_command(["libxcb-cursor0"], as_root=True) == "apt-get install libxcb-cursor0"


def test_all_libraries_present_or_other_platforms_pass() -> None:
    assert missing_display_support("linux", {"DISPLAY": ":0"}, lambda lib: True) is None
    assert missing_display_support("win32", {}, lambda lib: False) is None
    offscreen = {"QT_QPA_PLATFORM": "offscreen"}
    assert missing_display_support("linux", offscreen, lambda _: False) is None
    assert missing_display_support("linux", {"WAYLAND_DISPLAY": "w"}, lambda _: False) is None


def test_no_display_is_explained() -> None:
    message = missing_display_support("linux", {}, lambda lib: True)
    assert message is not None and "no display" in message


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="names Linux library files")
def test_the_loader_is_asked_for_real_libraries() -> None:
    from spasmguide.platform_check import can_load

    assert can_load("libc.so.6")
    assert not can_load("libspasmguide-no-such-library.so.9")
