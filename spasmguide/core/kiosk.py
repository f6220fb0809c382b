"""Kiosk mode rules with no Qt in them: configuration, idle policy, admin PIN, lock-down data.

A waiting-room screen is used by one stranger after another. This module decides *what* the
kiosk does (when to warn, when to reset, which keys may work, whether a PIN is right); the Qt
layer in ``spasmguide.ui.kiosk`` only carries it out. Time always comes from an injected
monotonic clock so every rule can be tested without waiting.
"""

from __future__ import annotations

import base64
import configparser
import enum
import getpass
import hashlib
import hmac
import math
import os
import re
import secrets
import socket
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TextIO

from spasmguide.core.locations import SYSTEM_KIOSK_CONFIG

DEFAULT_CONFIG_PATH = SYSTEM_KIOSK_CONFIG
"""The system-wide kiosk configuration (read-only to the kiosk user)."""

SECTION = "kiosk"

IDLE_TIMEOUT_DEFAULT_S = 120.0
IDLE_TIMEOUT_RANGE_S = (30.0, 3600.0)
IDLE_WARNING_DEFAULT_S = 30.0
IDLE_WARNING_RANGE_S = (20.0, 300.0)
"""WCAG 2.2.1: at least 20 seconds to answer "Still there?" (from the file)."""
TIMER_CAP_DEFAULT_S = 900.0
TIMER_CAP_RANGE_S = (0.0, 7200.0)
OVERRIDE_MIN_S = 0.1
"""Command-line overrides (tests, admins) may go below the file's limits, never to zero."""

_TAB_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


# ---------------------------------------------------------------------------------------------
# Configuration


@dataclass(frozen=True)
class KioskConfig:
    """How the kiosk behaves. Every default is the safe choice."""

    kiosk: bool = False
    idle_timeout_s: float = IDLE_TIMEOUT_DEFAULT_S
    idle_warning_s: float = IDLE_WARNING_DEFAULT_S
    timer_cap_s: float = TIMER_CAP_DEFAULT_S
    touch_only: bool = False
    content: Path | None = None
    admin_pin_hash: str = field(default="", repr=False)
    start_tab: str = "overview"
    # The clinic's own emergency number and advice line for the guide's text ("" = the pack's).
    emergency_number: str = ""
    advice_line: str = ""

    def __repr__(self) -> str:
        pin = "set" if self.admin_pin_hash else "unset"
        return (
            f"KioskConfig(kiosk={self.kiosk}, idle={self.idle_timeout_s:g}s, "
            f"warning={self.idle_warning_s:g}s, cap={self.timer_cap_s:g}s, "
            f"touch_only={self.touch_only}, content={self.content}, pin={pin}, "
            f"start_tab={self.start_tab!r})"
        )


def _number(
    raw: str, key: str, default: float, low: float, high: float, warnings: list[str]
) -> float:
    try:
        value = float(raw.strip())
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not low <= value <= high:
        warnings.append(
            f"kiosk config: {key} = {raw.strip()[:40]!r} is not a number from {low:g} to "
            f"{high:g}; using {default:g}"
        )
        return default
    return value


def _flag(raw: str, key: str, default: bool, warnings: list[str]) -> bool:
    text = raw.strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    warnings.append(f"kiosk config: {key} = {raw.strip()[:40]!r} is not true or false; "
                    f"using {str(default).lower()}")
    return default


def load_kiosk_config(
    path: Path | None = None, overrides: Mapping[str, Any] | None = None
) -> tuple[KioskConfig, list[str]]:
    """Read the kiosk configuration; never raises.

    Only the system file and the command line are read: nothing in a user's home can change
    kiosk behaviour or switch kiosk mode off.

    Args:
        path: The INI file (``[kiosk]`` section); ``None`` means :data:`DEFAULT_CONFIG_PATH`.
        overrides: Command-line values. ``kiosk=True`` forces kiosk mode on (``False`` never
            turns it off); ``idle_timeout_s`` and ``idle_warning_s`` may be any positive
            number, below the file's limits too.

    Returns:
        The configuration, and one plain warning per problem (missing file, bad values).
    """
    path = DEFAULT_CONFIG_PATH if path is None else Path(path)
    warnings: list[str] = []
    values: dict[str, Any] = {}
    parser = configparser.ConfigParser(interpolation=None)
    try:
        with path.open(encoding="utf-8") as handle:
            parser.read_file(handle)
    except FileNotFoundError:
        warnings.append(f"kiosk config: {path} does not exist; using kiosk-safe defaults")
    except (OSError, UnicodeDecodeError, configparser.Error) as exc:
        warnings.append(f"kiosk config: {path} could not be read ({type(exc).__name__}); "
                        "using kiosk-safe defaults")
    else:
        if not parser.has_section(SECTION):
            warnings.append(f"kiosk config: {path} has no [{SECTION}] section; using defaults")
        else:
            values = _read_section(parser[SECTION], path, warnings)
    config = KioskConfig(**values)
    config = _apply_overrides(config, overrides or {}, warnings)
    return config, warnings


def _read_section(
    section: configparser.SectionProxy, path: Path, warnings: list[str]
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, raw in section.items():
        if key == "kiosk":
            values["kiosk"] = _flag(raw, key, False, warnings)
        elif key == "touch_only":
            values["touch_only"] = _flag(raw, key, False, warnings)
        elif key == "idle_timeout":
            values["idle_timeout_s"] = _number(
                raw, key, IDLE_TIMEOUT_DEFAULT_S, *IDLE_TIMEOUT_RANGE_S, warnings
            )
        elif key == "idle_warning":
            values["idle_warning_s"] = _number(
                raw, key, IDLE_WARNING_DEFAULT_S, *IDLE_WARNING_RANGE_S, warnings
            )
        elif key == "timer_cap":
            values["timer_cap_s"] = _number(
                raw, key, TIMER_CAP_DEFAULT_S, *TIMER_CAP_RANGE_S, warnings
            )
        elif key == "content":
            text = raw.strip()
            if text:
                content = Path(text).expanduser()
                values["content"] = content if content.is_absolute() else path.parent / content
        elif key == "admin_pin_hash":
            text = raw.strip()
            if text and not _parse_hash(text):
                # Never repeat the value: it is a secret even when it is malformed.
                warnings.append("kiosk config: admin_pin_hash is not a valid PIN hash; "
                                "admin exit is disabled until a PIN is set with kiosk-pin")
            elif text:
                values["admin_pin_hash"] = text
        elif key == "start_tab":
            text = raw.strip()
            if _TAB_ID.fullmatch(text) and len(text) <= 64:
                values["start_tab"] = text
            else:
                warnings.append(f"kiosk config: start_tab = {text[:40]!r} is not a tab id; "
                                "using overview")
        elif key in ("emergency_number", "advice_line"):
            from spasmguide.core.pack_safety import contact_problem

            text = " ".join(raw.split())
            fault = contact_problem(text)
            if fault:
                warnings.append(f"kiosk config: {key} {fault}; using the guide's own")
            else:
                values[key] = text
        else:
            warnings.append(f"kiosk config: unknown key {key!r} ignored")
    return values


def _apply_overrides(
    config: KioskConfig, overrides: Mapping[str, Any], warnings: list[str]
) -> KioskConfig:
    changes: dict[str, Any] = {}
    if overrides.get("kiosk"):
        changes["kiosk"] = True
    for key in ("idle_timeout_s", "idle_warning_s"):
        value = overrides.get(key)
        if value is None:
            continue
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if math.isfinite(number) and number >= OVERRIDE_MIN_S:
            changes[key] = number
        else:
            warnings.append(f"kiosk: command-line {key.removesuffix('_s').replace('_', '-')} "
                            f"{value!r} ignored; it must be at least {OVERRIDE_MIN_S:g} seconds")
    tab = overrides.get("start_tab")
    if tab:
        if _TAB_ID.fullmatch(str(tab)):
            changes["start_tab"] = str(tab)
        else:
            warnings.append(f"kiosk: start tab {str(tab)[:40]!r} ignored")
    return replace(config, **changes) if changes else config


# ---------------------------------------------------------------------------------------------
# Idle policy


class IdleState(enum.Enum):
    """What the kiosk should show now."""

    ACTIVE = "active"
    WARNING = "warning"
    RESET = "reset"


@dataclass(frozen=True)
class IdleStatus:
    """The result of :meth:`IdlePolicy.poll`.

    ``seconds_left`` is the time until the warning (ACTIVE), until the reset (WARNING), or 0.
    ``held`` is True while a running timer is holding the warning off.
    """

    state: IdleState
    seconds_left: float = 0.0
    held: bool = False

    def __repr__(self) -> str:
        held = ", held" if self.held else ""
        return f"IdleStatus({self.state.value}, {self.seconds_left:.1f}s{held})"


class IdlePolicy:
    """When to warn and when to reset, from user activity and an injected clock.

    After ``timeout_s`` without input the warning starts; ``warning_s`` later the session is
    due for reset. While ``is_busy()`` is true (a routine timer runs) the warning waits until
    ``cap_s`` of no input instead, so a person stretching is not interrupted, but an abandoned
    timer cannot keep the last person's session on screen for ever. The warning always lasts
    its full length, however it started.
    """

    def __init__(
        self,
        timeout_s: float = IDLE_TIMEOUT_DEFAULT_S,
        warning_s: float = IDLE_WARNING_DEFAULT_S,
        *,
        cap_s: float = TIMER_CAP_DEFAULT_S,
        clock: Callable[[], float],
        is_busy: Callable[[], bool] = lambda: False,
    ) -> None:
        if timeout_s <= 0 or warning_s <= 0 or cap_s < 0:
            raise ValueError("idle timeout and warning must be positive, the cap not negative")
        self.timeout_s = float(timeout_s)
        self.warning_s = float(warning_s)
        self.cap_s = float(cap_s)
        self.is_busy = is_busy
        self._clock = clock
        self._last = clock()
        self._warning_since: float | None = None
        self.resets = 0

    def __repr__(self) -> str:
        return (f"IdlePolicy(timeout={self.timeout_s:g}s, warning={self.warning_s:g}s, "
                f"cap={self.cap_s:g}s, {self.poll_peek()!r})")

    @property
    def warning(self) -> bool:
        """True while the "Still there?" warning is due."""
        return self._warning_since is not None

    def activity(self) -> None:
        """A person touched, clicked, typed or scrolled: start counting again."""
        self._last = self._clock()
        self._warning_since = None

    def continue_(self) -> None:
        """The person answered the warning: a whole idle period again (any number of times)."""
        self.activity()

    def restart(self) -> None:
        """Begin a fresh session (after a reset)."""
        self.activity()

    def _limit(self) -> tuple[float, bool]:
        if self.is_busy():
            return max(self.timeout_s, self.cap_s), True
        return self.timeout_s, False

    def poll_peek(self) -> IdleStatus:
        """The status now, without changing state."""
        now = self._clock()
        if self._warning_since is not None:
            left = self._warning_since + self.warning_s - now
            return IdleStatus(IdleState.RESET if left <= 0 else IdleState.WARNING, max(0.0, left))
        limit, busy = self._limit()
        left = self._last + limit - now
        if left > 0:
            held = busy and now - self._last >= self.timeout_s
            return IdleStatus(IdleState.ACTIVE, left, held=held)
        return IdleStatus(IdleState.WARNING, self.warning_s)

    def poll(self) -> IdleStatus:
        """Advance the state machine and say what to show.

        Returns RESET exactly once when the warning runs out; the policy then starts a new
        session by itself.
        """
        now = self._clock()
        if self._warning_since is None:
            limit, busy = self._limit()
            left = self._last + limit - now
            if left > 0:
                held = busy and now - self._last >= self.timeout_s
                return IdleStatus(IdleState.ACTIVE, left, held=held)
            self._warning_since = now
        left = self._warning_since + self.warning_s - now
        if left > 0:
            return IdleStatus(IdleState.WARNING, left)
        self.resets += 1
        self.restart()
        return IdleStatus(IdleState.RESET)


class TapCounter:
    """The hidden admin gesture: ``count`` taps within ``window_s`` seconds."""

    def __init__(self, clock: Callable[[], float], count: int = 5, window_s: float = 3.0) -> None:
        self._clock = clock
        self.count = count
        self.window_s = window_s
        self._taps: list[float] = []

    def tap(self) -> bool:
        """Record a tap; True when this tap completes the gesture (the count starts over)."""
        now = self._clock()
        self._taps = [t for t in self._taps if now - t <= self.window_s]
        self._taps.append(now)
        if len(self._taps) >= self.count:
            self._taps.clear()
            return True
        return False

    def clear(self) -> None:
        """Forget the taps so far."""
        self._taps.clear()


# ---------------------------------------------------------------------------------------------
# Admin PIN

PIN_PATTERN = re.compile(r"[0-9]{4,12}")
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
_SCRYPT_MAXMEM = 64 * 1024 * 1024


def hash_pin(pin: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """A salted scrypt hash of ``pin``: ``scrypt$n$r$p$salt_b64$hash_b64``."""
    if not PIN_PATTERN.fullmatch(pin):
        raise ValueError("a PIN is 4 to 12 digits")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=_SCRYPT_MAXMEM)
    b64 = base64.b64encode
    return f"scrypt${n}${r}${p}${b64(salt).decode()}${b64(digest).decode()}"


def _parse_hash(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    parts = stored.strip().split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return None
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except ValueError:
        return None
    # Refuse parameters that would hang or exhaust memory on a hand-edited file.
    if not (2 <= n <= 2**20 and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
        return None
    if 128 * n * r * p > _SCRYPT_MAXMEM // 2 or len(salt) < 8 or len(digest) < 16:
        return None
    return n, r, p, salt, digest


def verify_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches the stored hash; False for any malformed input."""
    parsed = _parse_hash(stored)
    if parsed is None or not PIN_PATTERN.fullmatch(pin):
        return False
    n, r, p, salt, digest = parsed
    candidate = hashlib.scrypt(
        pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=_SCRYPT_MAXMEM, dklen=len(digest)
    )
    return hmac.compare_digest(candidate, digest)


class PinResult(enum.Enum):
    """Outcome of one PIN attempt."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    LOCKED = "locked"


class PinLockout:
    """Wrong PINs lock the pad out, for longer each time.

    The ``free_attempts``-th wrong PIN in a row locks the pad for ``base_delay_s``; each
    further wrong PIN doubles the delay, up to ``max_delay_s``. While locked,
    a PIN is not even checked.
    """

    def __init__(
        self,
        clock: Callable[[], float],
        *,
        free_attempts: int = 3,
        base_delay_s: float = 5.0,
        max_delay_s: float = 300.0,
    ) -> None:
        self._clock = clock
        self.free_attempts = free_attempts
        self.base_delay_s = base_delay_s
        self.max_delay_s = max_delay_s
        self.failures = 0
        self._locked_until = -math.inf

    def __repr__(self) -> str:
        return f"PinLockout(failures={self.failures}, locked_for={self.seconds_left():.1f}s)"

    def seconds_left(self) -> float:
        """Seconds until another PIN may be tried (0 when it may be tried now)."""
        return max(0.0, self._locked_until - self._clock())

    def locked(self) -> bool:
        """True while no PIN may be tried."""
        return self.seconds_left() > 0

    def next_delay_s(self) -> float:
        """The lock-out a further wrong PIN would cause."""
        over = self.failures + 1 - self.free_attempts
        if over < 0:
            return 0.0
        return min(self.max_delay_s, self.base_delay_s * 2**over)

    def attempt(self, pin: str, stored: str) -> PinResult:
        """Check a PIN unless locked out; record the outcome."""
        if self.locked():
            return PinResult.LOCKED
        if stored and verify_pin(pin, stored):
            self.failures = 0
            self._locked_until = -math.inf
            return PinResult.ACCEPTED
        delay = self.next_delay_s()
        self.failures += 1
        if delay > 0:
            self._locked_until = self._clock() + delay
        return PinResult.REJECTED


def _set_key_in_ini(text: str, key: str, value: str) -> str:
    """Set ``key`` in the ``[kiosk]`` section, keeping every other line (and comments) as is."""
    lines = text.splitlines()
    section_re = re.compile(r"\s*\[([^\]]+)\]\s*$")
    key_re = re.compile(rf"\s*{re.escape(key)}\s*[=:]", re.IGNORECASE)
    in_section = False
    section_end: int | None = None
    section_found = False
    for index, line in enumerate(lines):
        match = section_re.match(line)
        if match:
            if in_section:
                section_end = index
                break
            in_section = match.group(1).strip() == SECTION
            section_found = section_found or in_section
            continue
        if in_section and key_re.match(line):
            lines[index] = f"{key} = {value}"
            return "\n".join(lines) + "\n"
    new_line = f"{key} = {value}"
    if not section_found:
        if lines and lines[-1].strip():
            lines.append("")
        lines += [f"[{SECTION}]", new_line]
    else:
        at = section_end if section_end is not None else len(lines)
        while at > 0 and not lines[at - 1].strip():
            at -= 1
        lines.insert(at, new_line)
    return "\n".join(lines) + "\n"


def _read_pin(stdin: TextIO, err: TextIO) -> str | None:
    if stdin.isatty():
        first = getpass.getpass("New kiosk PIN (4 to 12 digits): ", stream=err)
        second = getpass.getpass("The same PIN again: ", stream=err)
        if first != second:
            print("The two PINs differ; nothing was changed.", file=err)
            return None
        return first.strip()
    return stdin.readline().strip()


def set_pin_command(config_path: Path, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    """``kiosk-pin --config FILE``: read a PIN from standard input and store its hash.

    The digits are never printed, logged or written anywhere; only the salted hash is saved,
    as ``admin_pin_hash`` in the ``[kiosk]`` section, keeping every other line of the file.

    Returns:
        0 on success, 1 when the PIN is not 4 to 12 digits or the file cannot be written.
    """
    config_path = Path(config_path)
    pin = _read_pin(stdin, err)
    if pin is None:
        return 1
    if not PIN_PATTERN.fullmatch(pin):
        print("A kiosk PIN is 4 to 12 digits (0-9) and nothing else; nothing was changed.",
              file=err)
        return 1
    stored = hash_pin(pin)
    del pin
    try:
        text = config_path.read_text(encoding="utf-8") if config_path.exists() else ""
        mode = config_path.stat().st_mode & 0o777 if config_path.exists() else 0o644
        updated = _set_key_in_ini(text, "admin_pin_hash", stored)
        parser = configparser.ConfigParser(interpolation=None)
        parser.read_string(updated)
        config_path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=config_path.parent, prefix=".kiosk-", suffix=".ini")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(updated)
            os.chmod(temp, mode)
            os.replace(temp, config_path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except (OSError, UnicodeDecodeError, configparser.Error) as exc:
        print(f"Could not write {config_path}: {type(exc).__name__}: "
              f"{getattr(exc, 'strerror', None) or 'the file is not a valid INI file'}",
              file=err)
        return 1
    print(f"Kiosk admin PIN set in {config_path}.", file=out)
    return 0


# ---------------------------------------------------------------------------------------------
# Lock-down rules as data

GUARDED_MODIFIERS = frozenset({"Ctrl", "Alt", "Meta"})
"""A key with one of these held is a shortcut, denied unless allowed below."""

NAVIGATION_CHORDS = frozenset({
    "Ctrl+Tab", "Ctrl+Shift+Tab", "Ctrl+Backtab", "Ctrl+Shift+Backtab",
    "Ctrl+PgDown", "Ctrl+PgUp",
    "Ctrl+F", "Ctrl+K", "/",
    "Alt+1", "Alt+2", "Alt+3", "Alt+4", "Alt+5", "Alt+6", "Alt+7", "Alt+8", "Alt+9",
    "F6", "Shift+F6",
    "Ctrl++", "Ctrl+=", "Ctrl+-", "Ctrl+0", "Ctrl+Shift++", "Ctrl+Shift+=",
})
"""The program's own navigation and view keys: they work everywhere."""

EDITING_CHORDS = frozenset({
    "Ctrl+A", "Ctrl+C", "Ctrl+X", "Ctrl+V", "Ctrl+Z", "Ctrl+Y", "Ctrl+Shift+Z",
    "Ctrl+Left", "Ctrl+Right", "Ctrl+Shift+Left", "Ctrl+Shift+Right",
    "Ctrl+Home", "Ctrl+End", "Ctrl+Shift+Home", "Ctrl+Shift+End",
    "Ctrl+Backspace", "Ctrl+Del", "Ctrl+Delete",
})
"""Text editing keys: they work only in the search box."""


def is_function_key(key_name: str) -> bool:
    """True for F1 to F35."""
    return re.fullmatch(r"F([1-9]|[12][0-9]|3[0-5])", key_name) is not None


def chord_allowed(chord: str, *, in_search_box: bool) -> bool:
    """Default-deny: may this key combination reach the program?

    Args:
        chord: The combination in Qt's portable text form, such as ``"Ctrl+Shift+Tab"``.
        in_search_box: True when the search box has the keyboard focus.
    """
    if not chord:
        return True
    if chord in NAVIGATION_CHORDS:
        return True
    parts = chord.split("+")
    key = parts[-1] or "+"
    modifiers = {p for p in parts[:-1] if p}
    if is_function_key(key):
        return False
    if not modifiers & GUARDED_MODIFIERS:
        return True
    return in_search_box and chord in EDITING_CHORDS


# ---------------------------------------------------------------------------------------------
# Staying up


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
