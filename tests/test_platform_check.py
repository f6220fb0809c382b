"""Before Qt aborts for want of X11 libraries, we print the command that installs them."""

from spasmguide.platform_check import missing_display_support


def test_missing_xcb_libraries_name_the_apt_command() -> None:
    message = missing_display_support(
        "linux", {"DISPLAY": ":0"}, lambda lib: None if lib == "xcb-cursor" else "lib.so"
    )
    assert message is not None
    assert "sudo apt-get install libxcb-cursor0" in message


def test_all_libraries_present_or_other_platforms_pass() -> None:
    assert missing_display_support("linux", {"DISPLAY": ":0"}, lambda lib: "x.so") is None
    assert missing_display_support("win32", {}, lambda lib: None) is None
    offscreen = {"QT_QPA_PLATFORM": "offscreen"}
    assert missing_display_support("linux", offscreen, lambda _: None) is None
    assert missing_display_support("linux", {"WAYLAND_DISPLAY": "w"}, lambda _: None) is None


def test_no_display_is_explained() -> None:
    message = missing_display_support("linux", {}, lambda lib: "x.so")
    assert message is not None and "no display" in message
