"""Kiosk mode rules with no Qt in them: configuration, idle policy, staff PIN, key rules.

A waiting-room screen is used by one stranger after another. This package decides *what* the
kiosk does (when to warn, when to reset, which keys may work, whether a PIN is right); the Qt
layer in ``spasmguide.ui.kiosk`` only carries it out. Time always comes from an injected
monotonic clock so every rule can be tested without waiting.

One module per concern: ``config`` (the file), ``files`` (reading and writing it safely),
``idle`` (warn and reset), ``pin`` (hash, new-PIN rules, lock-out), ``pin_command``
(``kiosk-pin``), ``keys`` (which keys may work) and ``service`` (systemd).
"""

from spasmguide.core.kiosk.config import (
    DEFAULT_CONFIG_PATH,
    IDLE_TIMEOUT_DEFAULT_S,
    IDLE_TIMEOUT_RANGE_S,
    IDLE_WARNING_DEFAULT_S,
    IDLE_WARNING_RANGE_S,
    OVERRIDE_MIN_S,
    SECTION,
    TIMER_CAP_DEFAULT_S,
    TIMER_CAP_RANGE_S,
    IniEntry,
    KioskConfig,
    load_kiosk_config,
    parse_kiosk_section,
    resolve_kiosk,
)
from spasmguide.core.kiosk.files import (
    READ_LIMIT_BYTES,
    UnsafeFileError,
    read_small_file,
    replace_file,
)
from spasmguide.core.kiosk.idle import IdlePolicy, IdleState, IdleStatus, TapCounter
from spasmguide.core.kiosk.keys import (
    EDITING_CHORDS,
    GUARDED_MODIFIERS,
    NAVIGATION_CHORDS,
    chord_allowed,
    is_function_key,
    types_text,
)
from spasmguide.core.kiosk.pin import (
    PIN_PATTERN,
    LockoutStore,
    PinLockout,
    PinProblem,
    PinResult,
    hash_pin,
    new_pin_problem,
    parse_pin_hash,
    verify_pin,
)
from spasmguide.core.kiosk.pin_command import set_key_in_ini, set_pin_command
from spasmguide.core.kiosk.service import (
    LOCK_FILE_NAME,
    kiosk_state_dir,
    notify_address,
    sd_notify,
    service_runtime_dir,
    watchdog_interval_s,
)

__all__ = [
    "DEFAULT_CONFIG_PATH",
    "EDITING_CHORDS",
    "GUARDED_MODIFIERS",
    "IDLE_TIMEOUT_DEFAULT_S",
    "IDLE_TIMEOUT_RANGE_S",
    "IDLE_WARNING_DEFAULT_S",
    "IDLE_WARNING_RANGE_S",
    "LOCK_FILE_NAME",
    "NAVIGATION_CHORDS",
    "OVERRIDE_MIN_S",
    "PIN_PATTERN",
    "READ_LIMIT_BYTES",
    "SECTION",
    "TIMER_CAP_DEFAULT_S",
    "TIMER_CAP_RANGE_S",
    "IdlePolicy",
    "IdleState",
    "IdleStatus",
    "IniEntry",
    "KioskConfig",
    "LockoutStore",
    "PinLockout",
    "PinProblem",
    "PinResult",
    "TapCounter",
    "UnsafeFileError",
    "chord_allowed",
    "hash_pin",
    "is_function_key",
    "kiosk_state_dir",
    "load_kiosk_config",
    "new_pin_problem",
    "notify_address",
    "parse_kiosk_section",
    "parse_pin_hash",
    "read_small_file",
    "replace_file",
    "resolve_kiosk",
    "sd_notify",
    "service_runtime_dir",
    "set_key_in_ini",
    "set_pin_command",
    "types_text",
    "verify_pin",
    "watchdog_interval_s",
]
