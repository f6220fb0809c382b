"""The staff PIN: its salted hash, the rules for a new PIN, and the lock-out after wrong ones.

The lock-out's count of wrong PINs in a row is kept in the kiosk's state folder, so restarting
the program (or crashing it on purpose) never hands out a fresh set of guesses.
"""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
import itertools
import math
import re
import secrets
from collections.abc import Callable
from pathlib import Path

from spasmguide.core.kiosk.files import UnsafeFileError, read_small_file, replace_file

PIN_PATTERN = re.compile(r"[0-9]{4,12}")
"""Any PIN the pad accepts and a stored hash may be for (older installs used 4 digits)."""
NEW_PIN_MIN_DIGITS = 6
NEW_PIN_MAX_DIGITS = 12
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


def parse_pin_hash(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    """The parts of a stored hash, or None when it is malformed or asks for too much work."""
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
    parsed = parse_pin_hash(stored)
    if parsed is None or not PIN_PATTERN.fullmatch(pin):
        return False
    n, r, p, salt, digest = parsed
    candidate = hashlib.scrypt(
        pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=_SCRYPT_MAXMEM, dklen=len(digest)
    )
    return hmac.compare_digest(candidate, digest)


class PinProblem(enum.Enum):
    """Why a new staff PIN is refused (the UI or the command line words it)."""

    NOT_DIGITS = "not_digits"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    ONE_DIGIT = "one_digit"
    SEQUENCE = "sequence"
    REPEATED_PATTERN = "repeated_pattern"


def new_pin_problem(pin: str) -> PinProblem | None:
    """Why ``pin`` is not good enough as a new staff PIN, or None when it is.

    A new PIN has 6 to 12 digits and is not one of the first guesses anyone tries: one digit
    repeated (``000000``), a run up or down (``123456``, ``987654``, also wrapping round as
    ``890123``), or a short block repeated (``121212``, ``123123``).
    """
    if not pin or not pin.isascii() or not pin.isdigit():
        return PinProblem.NOT_DIGITS
    if len(pin) < NEW_PIN_MIN_DIGITS:
        return PinProblem.TOO_SHORT
    if len(pin) > NEW_PIN_MAX_DIGITS:
        return PinProblem.TOO_LONG
    if len(set(pin)) == 1:
        return PinProblem.ONE_DIGIT
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    if steps in ({1}, {9}):
        return PinProblem.SEQUENCE
    for size in range(2, len(pin) // 2 + 1):
        if len(pin) % size == 0 and pin == pin[:size] * (len(pin) // size):
            return PinProblem.REPEATED_PATTERN
    return None


class PinResult(enum.Enum):
    """Outcome of one PIN attempt."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"
    LOCKED = "locked"


class LockoutStore:
    """The count of wrong PINs in a row, in a small file in the kiosk's state folder.

    The folder must be writable by the kiosk user and lie outside its home (systemd's
    ``StateDirectory=`` gives exactly that). Reading never blocks or trusts the file: one that
    cannot be understood counts as a locked pad rather than as a fresh start.
    """

    FILE_NAME = "pin-lockout"
    MAX_COUNT = 1_000_000

    def __init__(self, folder: Path, *, locked_count: int = 3) -> None:
        self.folder = Path(folder)
        self.path = self.folder / self.FILE_NAME
        self._locked_count = locked_count
        self.warnings: list[str] = []

    def __repr__(self) -> str:
        return f"LockoutStore({self.path})"

    def load(self) -> int:
        """The stored count (0 when there is none); problems go to :attr:`warnings`."""
        try:
            text = read_small_file(self.path, limit=256).decode("ascii").strip()
        except FileNotFoundError:
            return 0
        except (UnsafeFileError, OSError, UnicodeDecodeError) as exc:
            self.warnings.append(f"kiosk: PIN lock-out state {self.path} could not be read "
                                 f"({type(exc).__name__}); the pad starts locked")
            return self._locked_count
        match = re.fullmatch(r"failures\s*=\s*([0-9]{1,12})", text)
        if match is None:
            self.warnings.append(f"kiosk: PIN lock-out state {self.path} is not understood; "
                                 "the pad starts locked")
            return self._locked_count
        return min(int(match.group(1)), self.MAX_COUNT)

    def save(self, failures: int) -> bool:
        """Store the count; False (with a warning) when the folder cannot be written."""
        data = f"failures = {min(failures, self.MAX_COUNT)}\n".encode("ascii")
        try:
            if not self.folder.is_dir():
                raise FileNotFoundError(2, "the state folder does not exist", str(self.folder))
            replace_file(self.path, data, default_mode=0o600)
        except OSError as exc:
            self.warnings.append(f"kiosk: PIN lock-out state could not be saved in "
                                 f"{self.folder} ({type(exc).__name__}); it is kept only "
                                 "until the program stops")
            return False
        return True


class PinLockout:
    """Wrong PINs lock the pad out, for longer each time, across restarts.

    The ``free_attempts``-th wrong PIN in a row locks the pad for ``base_delay_s``; each
    further wrong PIN doubles the delay, up to ``max_delay_s``, however many there are.
    While locked, a PIN is not even checked. With a ``store``, the count survives a restart
    and the pad starts locked again for the whole delay the last wrong PIN earned.
    """

    def __init__(
        self,
        clock: Callable[[], float],
        *,
        free_attempts: int = 3,
        base_delay_s: float = 5.0,
        max_delay_s: float = 300.0,
        store: LockoutStore | None = None,
    ) -> None:
        self._clock = clock
        self.free_attempts = free_attempts
        self.base_delay_s = base_delay_s
        self.max_delay_s = max_delay_s
        self.store = store
        self.failures = store.load() if store is not None else 0
        self._locked_until = -math.inf
        if self.failures >= free_attempts:
            self._locked_until = clock() + self.delay_after(self.failures)

    def __repr__(self) -> str:
        return f"PinLockout(failures={self.failures}, locked_for={self.seconds_left():.1f}s)"

    def seconds_left(self) -> float:
        """Seconds until another PIN may be tried (0 when it may be tried now)."""
        return max(0.0, self._locked_until - self._clock())

    def locked(self) -> bool:
        """True while no PIN may be tried."""
        return self.seconds_left() > 0

    def delay_after(self, failures: int) -> float:
        """The lock-out once ``failures`` wrong PINs in a row have been entered."""
        over = failures - self.free_attempts
        if over < 0 or self.base_delay_s <= 0:
            return 0.0
        # The exponent is capped long before a float could overflow; the delay is capped anyway.
        doubling = min(over, max(0, math.ceil(math.log2(self.max_delay_s / self.base_delay_s))))
        return min(self.max_delay_s, self.base_delay_s * 2.0**doubling)

    def next_delay_s(self) -> float:
        """The lock-out a further wrong PIN would cause."""
        return self.delay_after(self.failures + 1)

    def attempt(self, pin: str, stored: str) -> PinResult:
        """Check a PIN unless locked out; record the outcome."""
        if self.locked():
            return PinResult.LOCKED
        if stored and verify_pin(pin, stored):
            self._record(0)
            self._locked_until = -math.inf
            return PinResult.ACCEPTED
        self._record(self.failures + 1)
        delay = self.delay_after(self.failures)
        if delay > 0:
            self._locked_until = self._clock() + delay
        return PinResult.REJECTED

    def _record(self, failures: int) -> None:
        changed = failures != self.failures
        self.failures = failures
        if self.store is not None and changed:
            self.store.save(failures)
