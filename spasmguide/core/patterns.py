"""Regular expressions compiled when first used, not when their module is imported.

Compiling a pattern costs about as much as importing a small module, and most of the
loader's patterns are never used at all when a checked pack comes from the cache. A
:class:`LazyPattern` stands in for a compiled ``re.Pattern`` at module level:

    _KEY_RE = LazyPattern(r"^\\s*([A-Za-z0-9_-]+)\\s*=")
    ...
    match = _KEY_RE.match(line)     # compiled here, the first time

After its first use it hands out the compiled pattern's own methods, so later calls cost
what they cost on a compiled pattern.
"""

from __future__ import annotations

import re
from typing import Any

_METHODS = ("match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer")


class LazyPattern:
    """A regular expression compiled on first use; see the module's documentation."""

    def __init__(self, pattern: str, flags: int | re.RegexFlag = 0) -> None:
        self._source = (pattern, flags)

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        compiled = re.compile(*self._source)
        state = self.__dict__
        for name in _METHODS:  # found before __getattr__ is asked from now on
            state[name] = getattr(compiled, name)
        return compiled

    def __getattr__(self, name: str) -> Any:  # only for what is not set yet: first use
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._source[0]!r})"
