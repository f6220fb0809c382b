"""The kiosk configuration file: read defensively, every good key kept, failing closed.

Only the system file (or ``--config FILE``) and the command line are read: nothing in a user's
home can change kiosk behaviour or switch kiosk mode off. A file with any problem never gives
an ordinary desktop window: the problem is logged line by line, every valid key is still used,
and kiosk mode is switched on.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from spasmguide.core.kiosk.files import UnsafeFileError, read_small_file
from spasmguide.core.kiosk.pin import parse_pin_hash
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

_PRINTER = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
_TAB_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")
_HEADER = re.compile(r"\[([^\[\]]+)\]")


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
    start_tab: str = "start"
    state_dir: Path | None = None
    # The clinic's own emergency number and advice line for the guide's text ("" = the pack's).
    emergency_number: str = ""
    advice_line: str = ""
    # A printer the kiosk may print summaries on with one tap ("" = no printing at all).
    printer: str = ""
    # The clinic's language: the guide starts in it and every idle reset returns to it
    # ("" = the system's language when the guide has it, else English).
    language: str = ""

    def __repr__(self) -> str:
        pin = "set" if self.admin_pin_hash else "unset"
        return (
            f"KioskConfig(kiosk={self.kiosk}, idle={self.idle_timeout_s:g}s, "
            f"warning={self.idle_warning_s:g}s, cap={self.timer_cap_s:g}s, "
            f"touch_only={self.touch_only}, content={self.content}, pin={pin}, "
            f"start_tab={self.start_tab!r}, state_dir={self.state_dir}, "
            f"printer={self.printer or 'none'}, language={self.language or 'system'})"
        )


# ---------------------------------------------------------------------------------------------
# Lines


@dataclass(frozen=True)
class IniEntry:
    """One ``key = value`` line of the ``[kiosk]`` section."""

    line: int
    key: str
    value: str


def parse_kiosk_section(
    data: bytes, name: str = "kiosk config"
) -> tuple[list[IniEntry], list[str]]:
    """The ``[kiosk]`` keys of an INI file, and one warning per line that is not right.

    Unlike ``configparser`` this never gives up on the whole file: a line that is not UTF-8,
    not a header and not ``key = value`` is skipped; a key set twice keeps its first value
    (the one ``kiosk-pin`` updates); a section that appears twice goes on where it left off;
    keys above the first header are read as part of ``[kiosk]``. Values are never repeated
    in a warning (one of them is the PIN hash).
    """
    warnings: list[str] = []
    entries: list[IniEntry] = []
    seen_keys: dict[str, int] = {}
    seen_sections: set[str] = set()
    section: str | None = None
    data = data.removeprefix(b"\xef\xbb\xbf")
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            line = raw.removesuffix(b"\r").decode("utf-8").strip()
        except UnicodeDecodeError:
            warnings.append(f"{name}: line {number} is not UTF-8 text; ignored")
            continue
        if not line or line[0] in "#;":
            continue
        if line.startswith("["):
            header = _HEADER.fullmatch(line)
            if header is None:
                warnings.append(f"{name}: line {number} is not a [section] header; ignored")
                continue
            section = header.group(1).strip()
            if section in seen_sections:
                warnings.append(f"{name}: line {number}: section [{section}] appears a second "
                                "time; its keys are read with the first")
            seen_sections.add(section)
            continue
        key, value = _split_key(line)
        if not key or "\x00" in line:
            warnings.append(f"{name}: line {number} is not 'key = value'; ignored")
            continue
        if section is None:
            warnings.append(f"{name}: line {number}: {key} comes before any [{SECTION}] header; "
                            f"read as part of [{SECTION}]")
        elif section != SECTION:
            continue
        if key in seen_keys:
            warnings.append(f"{name}: line {number}: {key} is set again (first on line "
                            f"{seen_keys[key]}); the first value is kept")
            continue
        seen_keys[key] = number
        entries.append(IniEntry(number, key, value))
    return entries, warnings


def _split_key(line: str) -> tuple[str, str]:
    cuts = [i for i in (line.find("="), line.find(":")) if i >= 0]
    if not cuts:
        return "", ""
    cut = min(cuts)
    return line[:cut].strip().lower(), line[cut + 1:].strip()


# ---------------------------------------------------------------------------------------------
# Values


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


def _read_values(entries: list[IniEntry], path: Path, warnings: list[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for entry in entries:
        key, raw = entry.key, entry.value
        if key == "kiosk":
            # An unclear answer keeps the kiosk locked (fail closed).
            values["kiosk"] = _flag(raw, key, True, warnings)
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
            if raw:
                content = Path(raw).expanduser()
                values["content"] = content if content.is_absolute() else path.parent / content
        elif key == "state_dir":
            if raw and Path(raw).is_absolute():
                values["state_dir"] = Path(raw)
            elif raw:
                warnings.append(f"kiosk config: state_dir = {raw[:40]!r} is not an absolute "
                                "folder path; using the default state folder")
        elif key == "admin_pin_hash":
            if raw and not parse_pin_hash(raw):
                # Never repeat the value: it is a secret even when it is malformed.
                warnings.append("kiosk config: admin_pin_hash is not a valid PIN hash; "
                                "staff exit is disabled until a PIN is set with kiosk-pin")
            elif raw:
                values["admin_pin_hash"] = raw
        elif key == "start_tab":
            if _TAB_ID.fullmatch(raw) and len(raw) <= 64:
                values["start_tab"] = raw
            else:
                warnings.append(f"kiosk config: start_tab = {raw[:40]!r} is not a tab id; "
                                "using the start page")
        elif key == "printer":
            name = raw.strip()
            if name and (len(name) > 127 or not _PRINTER.fullmatch(name)):
                warnings.append(f"kiosk config: printer on line {entry.line} is not a printer "
                                "name (letters, digits, - _ . only); printing stays off")
            elif name:
                values["printer"] = name
        elif key == "language":
            code = raw.strip().lower()
            problem = _language_problem(code)
            if problem:
                warnings.append(f"kiosk config: language = {raw[:40]!r} {problem} "
                                f"(line {entry.line}); using the system's language")
            elif code:
                values["language"] = code
        elif key in ("emergency_number", "advice_line"):
            from spasmguide.core.pack_safety import contact_problem

            text = " ".join(raw.split())
            fault = contact_problem(text)
            if fault:
                warnings.append(f"kiosk config: {key} {fault} (line {entry.line}); "
                                "using the guide's own")
            else:
                values[key] = text
        else:
            warnings.append(f"kiosk config: unknown key {key!r} (line {entry.line}) ignored")
    return values


def _language_problem(code: str) -> str:
    """Why ``code`` cannot be the kiosk's language ("" when it can, or when it is empty)."""
    if not code:
        return ""
    from spasmguide.i18n import available_languages, is_language_code

    if not is_language_code(code):
        return "is not a language code such as en or es"
    languages = available_languages()
    if code not in languages:
        return f"has no guide in this program (it has {', '.join(languages)})"
    return ""


# ---------------------------------------------------------------------------------------------
# Loading


def load_kiosk_config(
    path: Path | None = None, overrides: Mapping[str, Any] | None = None
) -> tuple[KioskConfig, list[str]]:
    """Read the kiosk configuration; never raises and never blocks.

    A file that exists but has any problem (unreadable, not a regular file, too big, a bad
    line, a bad value) switches kiosk mode on: the file was meant for a kiosk, and a broken
    one must not give an ordinary desktop window. Every valid key in it is still used.

    Args:
        path: The INI file (``[kiosk]`` section); ``None`` means :data:`DEFAULT_CONFIG_PATH`.
        overrides: Command-line values. ``kiosk=True`` forces kiosk mode on (``False`` never
            turns it off); ``idle_timeout_s`` and ``idle_warning_s`` may be any positive
            number, below the file's limits too.

    Returns:
        The configuration, and one plain warning per problem (missing file, bad lines,
        bad values).
    """
    path = DEFAULT_CONFIG_PATH if path is None else Path(path)
    warnings: list[str] = []
    values: dict[str, Any] = {}
    broken = False
    try:
        data = read_small_file(path)
    except FileNotFoundError:
        warnings.append(f"kiosk config: {path} does not exist; using kiosk-safe defaults")
    except UnsafeFileError as exc:
        broken = True
        warnings.append(f"kiosk config: {exc.path} {exc.reason}; it was not read")
    except OSError as exc:
        broken = True
        warnings.append(f"kiosk config: {path} could not be read ({type(exc).__name__}: "
                        f"{exc.strerror or 'error'})")
    else:
        entries, line_warnings = parse_kiosk_section(data, f"kiosk config: {path}")
        warnings += line_warnings
        before = len(warnings)
        values = _read_values(entries, path, warnings)
        broken = bool(line_warnings) or len(warnings) > before
    config = KioskConfig(**values)
    if broken and not config.kiosk:
        warnings.append(f"kiosk config: {path} has problems, so kiosk mode is on")
        config = replace(config, kiosk=True)
    config = _apply_overrides(config, overrides or {}, warnings)
    return config, warnings


def resolve_kiosk(
    config_path: Path | None,
    overrides: Mapping[str, Any] | None = None,
    *,
    system_path: Path = DEFAULT_CONFIG_PATH,
) -> tuple[KioskConfig | None, list[str]]:
    """The kiosk configuration when this start is a kiosk; None for a desktop start.

    It is a kiosk when ``--kiosk`` was given, when the system file exists (whatever it says
    or whatever state it is in), or when the file read says so or has problems.
    """
    overrides = dict(overrides or {})
    system_exists = os.path.lexists(system_path)
    if not overrides.get("kiosk") and config_path is None and not system_exists:
        return None, []
    config, warnings = load_kiosk_config(config_path or system_path, overrides)
    if system_exists and not config.kiosk:
        warnings.append(f"kiosk config: kiosk mode is on because {system_path} exists")
        config = replace(config, kiosk=True)
    return (config if config.kiosk else None), warnings


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
