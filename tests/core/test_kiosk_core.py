"""Kiosk rules without Qt: config, idle policy, PIN, shortcut allow-list, systemd notify."""

from __future__ import annotations

import configparser
import io
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from spasmguide.core.errors import describe_exception
from spasmguide.core.kiosk import (
    IdlePolicy,
    IdleState,
    KioskConfig,
    LockoutStore,
    PinLockout,
    PinResult,
    TapCounter,
    chord_allowed,
    hash_pin,
    kiosk_state_dir,
    load_kiosk_config,
    new_pin_problem,
    resolve_kiosk,
    sd_notify,
    service_runtime_dir,
    set_pin_command,
    types_text,
    verify_pin,
    watchdog_interval_s,
)
from tests.fakes import FakeClock

# A cheap hash keeps the suite fast; the real parameters are tested once below.
FAST = {"n": 2**4, "r": 1, "p": 1}


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# -- configuration ------------------------------------------------------------------------------


def test_missing_config_gives_safe_defaults_and_a_warning(tmp_path: Path) -> None:
    config, warnings = load_kiosk_config(tmp_path / "nope.ini")
    assert config == KioskConfig()
    assert config.idle_timeout_s == 120 and config.idle_warning_s == 30
    assert len(warnings) == 1 and "does not exist" in warnings[0]


def test_good_config_is_read(tmp_path: Path) -> None:
    path = write(tmp_path / "k.ini", (
        "[kiosk]\nkiosk = yes\nidle_timeout = 180\nidle_warning = 45\ntimer_cap = 600\n"
        "touch_only = true\ncontent = packs/en\nstart_tab = causes\n"
    ))
    config, warnings = load_kiosk_config(path)
    assert warnings == []
    assert config.kiosk and config.touch_only
    assert (config.idle_timeout_s, config.idle_warning_s, config.timer_cap_s) == (180, 45, 600)
    assert config.content == tmp_path / "packs/en"
    assert config.start_tab == "causes"


@pytest.mark.parametrize(
    ("line", "attribute", "expected"),
    [
        ("idle_timeout = soon", "idle_timeout_s", 120),
        ("idle_timeout = 5", "idle_timeout_s", 120),
        ("idle_timeout = nan", "idle_timeout_s", 120),
        ("idle_warning = 10", "idle_warning_s", 30),
        ("idle_warning = -30", "idle_warning_s", 30),
        ("timer_cap = 1e9", "timer_cap_s", 900),
        ("touch_only = maybe", "touch_only", False),
        ("start_tab = ../../etc", "start_tab", "start"),
        ("admin_pin_hash = 1234", "admin_pin_hash", ""),
        ("colour = pink", "kiosk", True),
    ],
)
def test_bad_values_fall_back_with_a_warning(
    tmp_path: Path, line: str, attribute: str, expected: object
) -> None:
    path = write(tmp_path / "k.ini", f"[kiosk]\nkiosk = true\n{line}\n")
    config, warnings = load_kiosk_config(path)
    assert getattr(config, attribute) == expected
    assert len(warnings) == 1
    assert "1234" not in warnings[0]


@pytest.mark.parametrize("content", [b"\xff\xfe\x00garbage", b"[kiosk\nkiosk=true", b"kiosk=1"])
def test_a_broken_config_never_raises_and_keeps_kiosk_on(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "k.ini"
    path.write_bytes(content)
    config, warnings = load_kiosk_config(path)
    assert config == KioskConfig(kiosk=True)
    assert warnings


def test_command_line_may_go_below_the_file_limits(tmp_path: Path) -> None:
    path = write(tmp_path / "k.ini", "[kiosk]\nidle_warning = 25\n")
    config, warnings = load_kiosk_config(
        path, {"kiosk": True, "idle_timeout_s": 2, "idle_warning_s": 1}
    )
    assert warnings == []
    assert config.kiosk and config.idle_timeout_s == 2 and config.idle_warning_s == 1
    config, warnings = load_kiosk_config(path, {"idle_warning_s": 0})
    assert config.idle_warning_s == 25 and len(warnings) == 1


def test_command_line_cannot_switch_kiosk_off(tmp_path: Path) -> None:
    path = write(tmp_path / "k.ini", "[kiosk]\nkiosk = true\n")
    config, _ = load_kiosk_config(path, {"kiosk": False})
    assert config.kiosk


def test_user_level_files_are_never_read(tmp_path: Path, monkeypatch) -> None:
    home = tmp_path / "home"
    for sub in (".config/spasmguide", ".config/SpasmGuide"):
        (home / sub).mkdir(parents=True)
        write(home / sub / "kiosk.ini", "[kiosk]\nkiosk = false\nidle_timeout = 3600\n")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    system = write(tmp_path / "system.ini", "[kiosk]\nkiosk = true\nidle_timeout = 90\n")
    config, _ = load_kiosk_config(system)
    assert config.kiosk and config.idle_timeout_s == 90


def test_repr_hides_the_pin_hash() -> None:
    config = KioskConfig(admin_pin_hash=hash_pin("1234", **FAST))
    assert "scrypt" not in repr(config) and "pin=set" in repr(config)


# -- idle policy ---------------------------------------------------------------------------------


def test_idle_warns_then_resets_once() -> None:
    clock = FakeClock()
    policy = IdlePolicy(120, 30, clock=clock)
    clock.advance(119.9)
    assert policy.poll().state is IdleState.ACTIVE
    clock.advance(0.1)
    status = policy.poll()
    assert status.state is IdleState.WARNING and status.seconds_left == pytest.approx(30)
    clock.advance(29.5)
    assert policy.poll().seconds_left == pytest.approx(0.5)
    clock.advance(0.5)
    assert policy.poll().state is IdleState.RESET
    assert policy.poll().state is IdleState.ACTIVE
    assert policy.resets == 1


def test_warning_lasts_its_full_length_even_when_polled_late() -> None:
    clock = FakeClock()
    policy = IdlePolicy(10, 20, clock=clock)
    clock.advance(500)
    assert policy.poll().state is IdleState.WARNING
    clock.advance(19)
    assert policy.poll().state is IdleState.WARNING


def test_continue_extends_any_number_of_times() -> None:
    clock = FakeClock()
    policy = IdlePolicy(60, 20, clock=clock)
    for _ in range(10):
        clock.advance(70)
        assert policy.poll().state is IdleState.WARNING
        policy.continue_()
        assert policy.poll().state is IdleState.ACTIVE
    assert policy.resets == 0


def test_activity_postpones_the_warning() -> None:
    clock = FakeClock()
    policy = IdlePolicy(60, 20, clock=clock)
    for _ in range(5):
        clock.advance(50)
        policy.activity()
    assert policy.poll().state is IdleState.ACTIVE


def test_running_timer_holds_the_reset_until_the_cap() -> None:
    clock = FakeClock()
    busy = [True]
    policy = IdlePolicy(60, 20, cap_s=300, clock=clock, is_busy=lambda: busy[0])
    clock.advance(299)
    status = policy.poll()
    assert status.state is IdleState.ACTIVE and status.held
    clock.advance(1)
    assert policy.poll().state is IdleState.WARNING
    clock.advance(20)
    assert policy.poll().state is IdleState.RESET


def test_timer_finishing_lets_the_warning_come() -> None:
    clock = FakeClock()
    busy = [True]
    policy = IdlePolicy(60, 20, cap_s=300, clock=clock, is_busy=lambda: busy[0])
    clock.advance(100)
    assert policy.poll().state is IdleState.ACTIVE
    busy[0] = False
    assert policy.poll().state is IdleState.WARNING


def test_admin_gesture_needs_five_taps_within_three_seconds() -> None:
    clock = FakeClock()
    taps = TapCounter(clock)
    slow = []
    for _ in range(8):
        slow.append(taps.tap())
        clock.advance(0.8)  # five taps span 3.2 s: never enough
    assert not any(slow)
    clock.advance(10)
    quick = []
    for _ in range(5):
        quick.append(taps.tap())
        clock.advance(0.7)
    assert quick == [False, False, False, False, True]
    assert taps.tap() is False  # the count starts over


# -- PIN -----------------------------------------------------------------------------------------


def test_pin_hash_round_trip_with_real_parameters() -> None:
    stored = hash_pin("4821")
    assert stored.startswith("scrypt$16384$8$1$") and "4821" not in stored
    assert verify_pin("4821", stored)
    assert not verify_pin("4822", stored)
    assert hash_pin("4821") != stored  # salted


@pytest.mark.parametrize("pin", ["123", "1234567890123", "12a4", " 1234", ""])
def test_bad_pins_are_refused(pin: str) -> None:
    with pytest.raises(ValueError):
        hash_pin(pin, **FAST)


@pytest.mark.parametrize(
    "stored", ["", "1234", "scrypt$x$8$1$AA==$AA==", "scrypt$1048576000$8$1$AAAA$AAAA", "md5$1"]
)
def test_malformed_hashes_never_verify(stored: str) -> None:
    assert not verify_pin("1234", stored)


def test_wrong_pins_lock_out_with_growing_delay() -> None:
    clock = FakeClock()
    stored = hash_pin("2468", **FAST)
    lockout = PinLockout(clock, free_attempts=3, base_delay_s=5, max_delay_s=60)
    for _ in range(3):
        assert lockout.attempt("0000", stored) is PinResult.REJECTED
    assert lockout.locked() and lockout.seconds_left() == 5
    assert lockout.attempt("2468", stored) is PinResult.LOCKED  # not even checked
    delays = []
    for _ in range(5):
        clock.advance(lockout.seconds_left())
        assert lockout.attempt("1111", stored) is PinResult.REJECTED
        delays.append(lockout.seconds_left())
    assert delays == [10, 20, 40, 60, 60]
    clock.advance(60)
    assert lockout.attempt("2468", stored) is PinResult.ACCEPTED
    assert lockout.failures == 0 and not lockout.locked()


def test_no_pin_set_means_no_admin_exit() -> None:
    assert PinLockout(FakeClock()).attempt("1234", "") is PinResult.REJECTED


def test_kiosk_pin_command_keeps_other_lines_and_never_echoes(tmp_path: Path) -> None:
    path = write(tmp_path / "kiosk.ini", (
        "# Waiting room 2\n[kiosk]\nkiosk = true\n; shorter for the front desk\n"
        "idle_timeout = 90\nadmin_pin_hash = old\n\n[other]\nx = 1\n"
    ))
    out, err = io.StringIO(), io.StringIO()
    assert set_pin_command(path, io.StringIO("739158\n"), out, err) == 0
    text = path.read_text()
    assert "# Waiting room 2" in text and "; shorter for the front desk" in text
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(text)
    assert parser["kiosk"]["idle_timeout"] == "90" and parser["other"]["x"] == "1"
    assert verify_pin("739158", parser["kiosk"]["admin_pin_hash"])
    assert "739158" not in out.getvalue() + err.getvalue()
    assert "739158" not in text
    config, warnings = load_kiosk_config(path)
    assert warnings == [] and verify_pin("739158", config.admin_pin_hash)


def test_kiosk_pin_command_creates_the_section(tmp_path: Path) -> None:
    path = tmp_path / "new.ini"
    assert set_pin_command(path, io.StringIO("482913"), io.StringIO(), io.StringIO()) == 0
    config, _ = load_kiosk_config(path)
    assert verify_pin("482913", config.admin_pin_hash)


@pytest.mark.parametrize("pin", ["98", "abcd", "98 76", "9876543210987"])
def test_kiosk_pin_command_refuses_bad_pins(tmp_path: Path, pin: str) -> None:
    path = write(tmp_path / "k.ini", "[kiosk]\nkiosk = true\n")
    err = io.StringIO()
    assert set_pin_command(path, io.StringIO(pin + "\n"), io.StringIO(), err) == 1
    assert path.read_text() == "[kiosk]\nkiosk = true\n"
    assert pin not in err.getvalue()


def test_kiosk_pin_command_reports_an_unwritable_file(tmp_path: Path, monkeypatch) -> None:
    path = write(tmp_path / "k.ini", "[kiosk]\n")

    def refuse(*_args: object, **_kwargs: object) -> None:
        # What a read-only /etc gives the kiosk user (file permissions do not stop root).
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    err = io.StringIO()
    assert set_pin_command(path, io.StringIO("482913\n"), io.StringIO(), err) == 1
    assert "Could not write" in err.getvalue()
    assert "482913" not in err.getvalue()
    assert path.read_text() == "[kiosk]\n"  # the old file is untouched
    assert [p.name for p in tmp_path.iterdir()] == ["k.ini"]  # nothing half-written is left


# -- lock-down rules -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "chord", ["Ctrl+Q", "Ctrl+W", "Ctrl+N", "Ctrl+O", "Ctrl+S", "Ctrl+P", "F1", "Shift+F1",
              "F11", "Alt+F4", "Alt+Tab", "Meta+D", "Ctrl+Alt+Backspace", "Ctrl+Shift+Esc"],
)
def test_escape_chords_are_denied_everywhere(chord: str) -> None:
    assert not chord_allowed(chord, in_search_box=False)
    assert not chord_allowed(chord, in_search_box=True)


def test_editing_keys_work_only_in_the_search_box() -> None:
    assert chord_allowed("Ctrl+Z", in_search_box=True)
    assert not chord_allowed("Ctrl+Z", in_search_box=False)
    assert chord_allowed("Ctrl+Tab", in_search_box=False)
    assert chord_allowed("A", in_search_box=False) and chord_allowed("Esc", in_search_box=False)
    assert chord_allowed("Shift+Left", in_search_box=True)


# -- staying up ----------------------------------------------------------------------------------


def test_exception_description_has_place_but_not_message() -> None:
    try:
        raise ValueError("my private search words")
    except ValueError:
        kind, _, tb = sys.exc_info()
    assert kind is not None
    text = describe_exception(kind, tb)
    assert text.startswith("ValueError in test_exception_description_has_place_but_not_message")
    assert "test_kiosk_core.py" in text and "private" not in text


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs Unix sockets")
def test_sd_notify_sends_datagrams(tmp_path: Path) -> None:
    address = str(tmp_path / "notify")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(address)
        assert sd_notify("READY=1", {"NOTIFY_SOCKET": address})
        assert server.recv(64) == b"READY=1"
    assert not sd_notify("READY=1", {})
    assert not sd_notify("READY=1", {"NOTIFY_SOCKET": str(tmp_path / "gone")})


def test_watchdog_interval_is_half_the_systemd_period() -> None:
    assert watchdog_interval_s({"WATCHDOG_USEC": "20000000"}) == 10
    assert watchdog_interval_s({"WATCHDOG_USEC": "20000000", "WATCHDOG_PID": "1"}) is None
    assert watchdog_interval_s({}) is None


def test_kiosk_config_names_the_clinic_emergency_number_and_advice_line(tmp_path):
    path = tmp_path / "kiosk.ini"
    path.write_text("[kiosk]\nkiosk = true\nemergency_number = 999\nadvice_line = NHS 111\n")
    config, warnings = load_kiosk_config(path)
    assert (config.emergency_number, config.advice_line) == ("999", "NHS 111")
    assert warnings == []


def test_a_malformed_kiosk_emergency_number_is_ignored_with_a_warning(tmp_path):
    path = tmp_path / "kiosk.ini"
    path.write_text("[kiosk]\nkiosk = true\nemergency_number = [999](http://x)\n")
    config, warnings = load_kiosk_config(path)
    assert config.emergency_number == ""
    assert len(warnings) == 1 and "emergency_number" in warnings[0]


# -- a config file that is broken fails closed ---------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]


def test_every_bad_line_is_reported_and_every_good_key_kept(tmp_path: Path) -> None:
    stored = hash_pin("739158", **FAST)
    path = tmp_path / "k.ini"
    path.write_bytes(
        b"touch_only = true\n"                 # 1: above the header
        b"[kiosk]\n"
        b"idle_timeout = 90\n"
        b"idle_timeout = 3000\n"               # 4: set again
        b"start_tab = caf\xe9\n"               # 5: not UTF-8
        b"this line is nonsense\n"             # 6
        + f"admin_pin_hash = {stored}\n".encode()
        + b"[other]\nx = 1\n"
        b"[kiosk]\n"                           # 10: the section again
        b"timer_cap = 600\n"
        b"kiosk = false\n"
    )
    config, warnings = load_kiosk_config(path)
    assert config.touch_only and config.idle_timeout_s == 90 and config.timer_cap_s == 600
    assert verify_pin("739158", config.admin_pin_hash)
    assert config.start_tab == "start"
    text = "\n".join(warnings)
    for number in (1, 4, 5, 6, 10):
        assert f"line {number}" in text, number
    assert "kiosk mode is on" in text and config.kiosk  # a broken file never gives a desktop
    assert stored not in text and "caf" not in text


def test_a_clean_file_may_say_no_kiosk(tmp_path: Path) -> None:
    config, warnings = load_kiosk_config(write(tmp_path / "k.ini", "[kiosk]\nkiosk = false\n"))
    assert not config.kiosk and warnings == []
    config, _ = load_kiosk_config(write(tmp_path / "k.ini", "[kiosk]\nkiosk = perhaps\n"))
    assert config.kiosk  # an unclear answer keeps the kiosk locked


def _load_in_a_child(path: Path) -> subprocess.CompletedProcess[str]:
    """Load the config in a separate process, so a hang or a runaway read cannot stall us."""
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "from spasmguide.core.kiosk import load_kiosk_config\n"
        "config, warnings = load_kiosk_config(sys.argv[1])\n"
        "print(config.kiosk, config.admin_pin_hash == '', '|'.join(warnings))\n"
    )
    return subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                          text=True, timeout=120, cwd=ROOT)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and /dev/zero (POSIX)")
@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "folder", "huge"])
def test_a_config_that_is_not_a_small_file_is_refused_without_blocking(
    tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "kiosk.ini"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path = Path("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    else:
        path.write_bytes(b"[kiosk]\n" + b"# padding\n" * 7000)
    result = _load_in_a_child(path)
    assert result.returncode == 0, result.stderr
    kiosk, no_pin, warnings = result.stdout.strip().split(" ", 2)
    assert kiosk == "True" and no_pin == "True"
    assert {"fifo": "FIFO", "dev-zero": "device", "folder": "folder", "huge": "larger"}[kind] in (
        warnings
    )


def test_a_config_that_cannot_be_read_keeps_the_kiosk_on(tmp_path: Path, monkeypatch) -> None:
    path = write(tmp_path / "k.ini", "[kiosk]\nkiosk = false\n")

    def refuse(*_args: object, **_kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)  # root can read anything: simulate 0600 root:root
    config, warnings = load_kiosk_config(path)
    assert config.kiosk and "PermissionError" in warnings[0]


def test_the_system_file_makes_every_start_a_kiosk(tmp_path: Path) -> None:
    system = write(tmp_path / "system.ini", "[kiosk]\nkiosk = false\nidle_timeout = 90\n")
    config, warnings = resolve_kiosk(None, {}, system_path=system)
    assert config is not None and config.kiosk and config.idle_timeout_s == 90
    assert any("exists" in w for w in warnings)
    other = write(tmp_path / "desk.ini", "[kiosk]\nkiosk = false\n")
    config, _ = resolve_kiosk(other, {}, system_path=system)
    assert config is not None  # even with another file given
    assert resolve_kiosk(other, {}, system_path=tmp_path / "none.ini") == (None, [])
    assert resolve_kiosk(None, {}, system_path=tmp_path / "none.ini") == (None, [])


def test_kiosk_flag_keeps_the_pin_of_a_file_with_problems(tmp_path: Path) -> None:
    stored = hash_pin("739158", **FAST)
    path = write(tmp_path / "k.ini", f"[kiosk]\nadmin_pin_hash = {stored}\n[kiosk]\nx y\n")
    config, warnings = resolve_kiosk(path, {"kiosk": True}, system_path=tmp_path / "none.ini")
    assert config is not None and verify_pin("739158", config.admin_pin_hash)
    assert "line 3" in warnings[0] and "line 4" in warnings[1]


# -- the PIN lock-out ----------------------------------------------------------------------------


def test_lockout_survives_a_thousand_and_more_wrong_pins() -> None:
    clock = FakeClock()
    stored = hash_pin("739158", **FAST)
    lockout = PinLockout(clock)
    for attempt in range(1, 1101):
        assert lockout.attempt("000000", stored) is PinResult.REJECTED, attempt
        if attempt >= 3:
            assert lockout.locked() and 5 <= lockout.seconds_left() <= 300
        clock.advance(lockout.seconds_left())
    assert lockout.failures == 1100 and lockout.next_delay_s() == 300
    assert lockout.attempt("739158", stored) is PinResult.ACCEPTED


def test_lockout_count_survives_a_restart(tmp_path: Path) -> None:
    stored = hash_pin("739158", **FAST)
    clock = FakeClock()
    first = PinLockout(clock, store=LockoutStore(tmp_path))
    for _ in range(4):
        clock.advance(first.seconds_left())
        assert first.attempt("111111", stored) is PinResult.REJECTED
    # The program restarts (a crash, a kill, a power cut): the pad is still locked, for the
    # whole delay the last wrong PIN earned, and the next wrong PIN doubles it.
    clock = FakeClock(start=5.0)
    second = PinLockout(clock, store=LockoutStore(tmp_path))
    assert second.failures == 4 and second.seconds_left() == 10
    assert second.attempt("739158", stored) is PinResult.LOCKED
    clock.advance(10)
    assert second.attempt("222222", stored) is PinResult.REJECTED
    assert second.seconds_left() == 20
    clock.advance(20)
    assert second.attempt("739158", stored) is PinResult.ACCEPTED
    third = PinLockout(FakeClock(), store=LockoutStore(tmp_path))
    assert third.failures == 0 and not third.locked()


@pytest.mark.parametrize("content", [b"failures = lots\n", b"\xff" * 10, b"x" * 5000])
def test_a_damaged_lockout_file_starts_the_pad_locked(tmp_path: Path, content: bytes) -> None:
    (tmp_path / LockoutStore.FILE_NAME).write_bytes(content)
    store = LockoutStore(tmp_path)
    lockout = PinLockout(FakeClock(), store=store)
    assert lockout.locked() and store.warnings


def test_a_missing_state_folder_is_reported_and_the_pad_still_works(tmp_path: Path) -> None:
    store = LockoutStore(tmp_path / "not-made")
    lockout = PinLockout(FakeClock(), store=store)
    assert lockout.attempt("111111", hash_pin("739158", **FAST)) is PinResult.REJECTED
    assert lockout.failures == 1 and "kept only until" in store.warnings[0]
    assert not (tmp_path / "not-made").exists()  # the program makes no folders of its own


def test_state_and_lock_folders_come_from_the_service(tmp_path: Path) -> None:
    assert kiosk_state_dir(None, {"STATE_DIRECTORY": "/var/lib/a:/var/lib/b"}) == Path(
        "/var/lib/a"
    )
    assert kiosk_state_dir(tmp_path, {"STATE_DIRECTORY": "/var/lib/a"}) == tmp_path
    home = str(Path.home())
    assert not str(kiosk_state_dir(None, {})).startswith(home)
    assert service_runtime_dir({"RUNTIME_DIRECTORY": "/run/spasmguide-kiosk"}) == Path(
        "/run/spasmguide-kiosk"
    )
    assert service_runtime_dir({}) is None
    assert service_runtime_dir({"RUNTIME_DIRECTORY": "relative"}) is None


# -- a new staff PIN -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "pin", ["0000", "1234", "12345", "000000", "999999999", "123456", "987654", "890123",
            "121212", "123123", "12 456", "12a456", "1234567890123"],
)
def test_trivial_pins_are_refused(tmp_path: Path, pin: str) -> None:
    assert new_pin_problem(pin) is not None
    path = write(tmp_path / "k.ini", "[kiosk]\nkiosk = true\n")
    err = io.StringIO()
    assert set_pin_command(path, io.StringIO(pin + "\n"), io.StringIO(), err) == 1
    assert path.read_text() == "[kiosk]\nkiosk = true\n"
    assert "Nothing was changed" in err.getvalue()
    assert pin not in err.getvalue() or pin in ("123456", "987654", "121212")  # examples


@pytest.mark.parametrize("pin", ["739158", "482913", "100200300"])
def test_good_pins_are_taken(pin: str) -> None:
    assert new_pin_problem(pin) is None


def test_kiosk_pin_keeps_owner_group_and_mode(tmp_path: Path) -> None:
    path = write(tmp_path / "k.ini", "[kiosk]\nkiosk = true\n")
    if os.geteuid() == 0:
        group = 4242  # any group: root may give the file to it, as to the kiosk user's group
    else:
        others = [g for g in os.getgroups() if g != os.getegid()]
        if not others:
            pytest.skip("changing a file's group needs root or a second group")
        group = others[0]
    os.chown(path, os.geteuid(), group)
    path.chmod(0o640)
    assert set_pin_command(path, io.StringIO("739158\n"), io.StringIO(), io.StringIO()) == 0
    info = path.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (os.geteuid(), group, 0o640)
    assert verify_pin("739158", load_kiosk_config(path)[0].admin_pin_hash)


def test_kiosk_pin_writes_through_a_symlink(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = write(tmp_path / "real" / "kiosk.ini", "[kiosk]\nkiosk = true\n")
    link = tmp_path / "kiosk.ini"
    link.symlink_to(target)
    out = io.StringIO()
    assert set_pin_command(link, io.StringIO("739158\n"), out, io.StringIO()) == 0
    assert link.is_symlink() and link.resolve() == target
    assert verify_pin("739158", load_kiosk_config(target)[0].admin_pin_hash)
    assert str(target) in out.getvalue()
    assert sorted(p.name for p in target.parent.iterdir()) == ["kiosk.ini"]


# -- AltGr ---------------------------------------------------------------------------------------


def test_characters_typed_with_altgr_are_typing_not_shortcuts() -> None:
    for char in ("@", "ł", "€", "{"):
        assert types_text(char, {"Ctrl", "Alt"})  # AltGr as Windows reports it
        assert types_text(char, {"Ctrl", "Alt", "Shift"})
    assert types_text("q", set()) and types_text("Q", {"Shift"})
    assert not types_text("q", {"Ctrl"}) and not types_text("Q", {"Ctrl", "Shift"})
    assert not types_text("\x11", {"Ctrl"}) and not types_text("\x08", {"Ctrl", "Alt"})
    assert not types_text("", {"Alt"})
