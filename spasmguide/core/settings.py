"""Every user setting in one declarative list: key, type, default and allowed values.

Storage (QSettings, INI) lives in the Qt layer; this module only says what a valid value is,
so a corrupt or hand-edited settings file can never push a bad value into the program.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

THEMES = ("system", "light", "dark", "high-contrast")
TEXT_SCALE_MIN = 80
TEXT_SCALE_MAX = 250
TEXT_SCALE_STEP = 10


def _is_language_code(text: str) -> bool:
    return 2 <= len(text) <= 3 and text.isascii() and text.isalpha() and text.islower()


def _any_value(_value: Any) -> bool:
    return True


class Setting:
    """One setting: where it is stored, what type it has and which values are allowed.

    A plain class, not a dataclass: making one at import costs every start.
    """

    __slots__ = ("default", "key", "kind", "valid")

    def __init__(
        self, key: str, kind: type, default: Any, valid: Callable[[Any], bool] = _any_value
    ) -> None:
        self.key = key
        self.kind = kind
        self.default = default
        self.valid = valid

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Setting):
            return NotImplemented
        return (self.key, self.kind, self.default, self.valid) == (
            other.key, other.kind, other.default, other.valid
        )

    def __hash__(self) -> int:
        return hash((self.key, self.kind, self.default))

    def __repr__(self) -> str:
        return f"Setting({self.key!r}, {self.kind.__name__}, {self.default!r})"

    def coerce(self, raw: object) -> Any:
        """Turn a stored value into a valid one, or return the default."""
        try:
            if self.kind is int:
                value: Any = int(str(raw).strip())
            elif self.kind is bytes:
                value = bytes(raw) if isinstance(raw, bytes | bytearray) else None
            elif self.kind is bool:
                text = str(raw).strip().lower()
                if text not in ("true", "false", "1", "0"):
                    return self.default
                value = text in ("true", "1")
            else:
                value = str(raw)
        except (TypeError, ValueError):
            return self.default
        if value is None or not self.valid(value):
            return self.default
        return value


SETTINGS: tuple[Setting, ...] = (
    Setting("window/geometry", bytes, b""),
    Setting("window/last_tab", str, "start", lambda v: 0 < len(v) <= 64),
    Setting(
        "view/text_scale",
        int,
        100,
        lambda v: TEXT_SCALE_MIN <= v <= TEXT_SCALE_MAX,
    ),
    Setting("view/theme", str, "system", lambda v: v in THEMES),
    # The guide's language chosen with its switch ("" = follow the system).
    Setting("view/language", str, "", lambda v: v == "" or _is_language_code(v)),
)

BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}
