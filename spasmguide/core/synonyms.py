"""Search synonyms: everyday words mapped onto the words the guide uses.

A pack may hold ``synonyms.toml`` beside ``pack.toml``::

    # Two-way: searching any of these words also finds the others. The id is optional;
    # a group with an id stands for the same idea in every language's pack, and
    # ``check-content`` reports a group one language has and another lacks.
    [[groups]]
    id = "cramp"
    words = ["cramp", "spasm", "twitch"]

    # One-way: searching "charley horse" also finds "cramp", not the reverse.
    [[expand]]
    from = "charley horse"
    to = ["cramp"]

    # Optional: example searches offered when a search finds nothing.
    examples = ["cramp at night", "potassium"]

(``examples`` must come before the first ``[[table]]`` in the file, as TOML requires.)

Every word or phrase is compared case-insensitively with accents folded, so "Crampe"
and "crampe" are the same entry. The file is optional: a pack without it searches
without synonyms.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from typing import Any

from spasmguide.core.content.files import pack_file_exists, read_pack_file
from spasmguide.core.content.model import ID_RE
from spasmguide.core.content.toml_lines import parse_toml, toml_key_line, toml_table_lines
from spasmguide.core.errors import ContentError, Problem
from spasmguide.core.patterns import LazyPattern
from spasmguide.core.record import Record

__all__ = ["SYNONYMS_FILE", "Synonyms", "fold", "load_synonyms", "words_of"]

SYNONYMS_FILE = "synonyms.toml"

MAX_PHRASE_WORDS = 6
"""A synonym longer than this is almost certainly a sentence pasted by mistake."""

_WORD_RE = LazyPattern(r"[^\W_]+")
_TOP_KEYS = ("groups", "expand", "examples")


class _CombiningMarks(dict[int, None]):
    """A ``str.translate`` table deleting combining marks, filled in as characters appear.

    Translating in C is many times faster than testing each character in Python, which
    matters for a pack in a language with accents: every page's text is folded."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value  # type: ignore[assignment]
        return value


_COMBINING_MARKS = _CombiningMarks()


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents, the way the search index sees words."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.translate(_COMBINING_MARKS).casefold()


def words_of(text: str) -> list[str]:
    """The folded words of ``text``: runs of letters and digits."""
    return _WORD_RE.findall(fold(text))


class Synonyms(Record):
    """The synonyms of a pack, with every phrase stored as folded words joined by spaces.

    Attributes:
        groups: Two-way groups; each phrase in a group also finds every other.
        expansions: One-way expansions, ``(from_phrase, (to_phrase, ...))``.
        examples: Example searches to offer when a search finds nothing.
        group_ids: The id of each group, in the same order ("" for a group without one).
    """

    groups: tuple[tuple[str, ...], ...] = ()
    expansions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    examples: tuple[str, ...] = ()
    group_ids: tuple[str, ...] = ()

    @cached_property
    def _table(self) -> dict[str, tuple[str, ...]]:
        """Each phrase that has synonyms, with the phrases it should also find."""
        table: dict[str, list[str]] = {}
        for group in self.groups:
            for phrase in group:
                bucket = table.setdefault(phrase, [])
                bucket.extend(p for p in group if p != phrase and p not in bucket)
        for source, targets in self.expansions:
            bucket = table.setdefault(source, [])
            bucket.extend(t for t in targets if t != source and t not in bucket)
        return {k: tuple(v) for k, v in table.items()}

    def __repr__(self) -> str:
        return (
            f"Synonyms({len(self.groups)} groups, {len(self.expansions)} expansions, "
            f"{len(self.examples)} examples)"
        )

    def __bool__(self) -> bool:
        return bool(self._table)

    @property
    def phrases(self) -> frozenset[str]:
        """Every phrase that has synonyms (the keys a query is scanned for)."""
        return frozenset(self._table)

    def __contains__(self, phrase: object) -> bool:
        return phrase in self._table

    @cached_property
    def longest(self) -> int:
        """Word count of the longest phrase that has synonyms."""
        return max((len(p.split()) for p in self._table), default=0)

    def alternatives(self, phrase: str) -> tuple[str, ...]:
        """Other phrases that ``phrase`` (folded words joined by spaces) should also find."""
        return self._table.get(phrase, ())


def _phrase(
    value: Any, where: str, line: int | None, problems: list[Problem]
) -> str | None:
    if not isinstance(value, str) or not value.strip():
        problems.append(Problem(SYNONYMS_FILE, line, f"{where} must be non-empty text"))
        return None
    words = words_of(value)
    if not words:
        problems.append(
            Problem(SYNONYMS_FILE, line, f"{where} '{value}' has no letters or digits")
        )
        return None
    if len(words) > MAX_PHRASE_WORDS:
        problems.append(
            Problem(
                SYNONYMS_FILE,
                line,
                f"{where} '{value}' has {len(words)} words; use at most {MAX_PHRASE_WORDS}",
            )
        )
        return None
    return " ".join(words)


def _phrase_list(
    value: Any, where: str, line: int | None, problems: list[Problem], minimum: int
) -> list[str]:
    if not isinstance(value, list):
        problems.append(
            Problem(SYNONYMS_FILE, line, f"{where} must be a list of text, like [\"a\", \"b\"]")
        )
        return []
    phrases: list[str] = []
    for index, item in enumerate(value, start=1):
        phrase = _phrase(item, f"{where} item {index}", line, problems)
        if phrase is None:
            continue
        if phrase in phrases:
            problems.append(
                Problem(SYNONYMS_FILE, line, f"{where} lists '{item}' twice; remove one")
            )
            continue
        phrases.append(phrase)
    if len(value) < minimum:
        problems.append(
            Problem(
                SYNONYMS_FILE,
                line,
                f"{where} needs at least {minimum} entries; it has {len(value)}",
            )
        )
    return phrases


def _unknown_keys(
    table: dict[str, Any], allowed: Iterable[str], where: str, text: str, start: int,
    problems: list[Problem],
) -> None:
    allowed = tuple(allowed)
    for key in table:
        if key not in allowed:
            line = toml_key_line(text, key, start) or start or None
            problems.append(
                Problem(
                    SYNONYMS_FILE,
                    line,
                    f"unknown key '{key}' in {where}; allowed: {', '.join(allowed)}",
                )
            )


def _tables(
    data: dict[str, Any], key: str, text: str, problems: list[Problem]
) -> list[tuple[dict[str, Any], int]]:
    """The ``[[key]]`` tables with the line each starts on (0 when unknown)."""
    raw = data.get(key, [])
    if not isinstance(raw, list) or not all(isinstance(t, dict) for t in raw):
        problems.append(
            Problem(SYNONYMS_FILE, toml_key_line(text, key), f"'{key}' must be [[{key}]] tables")
        )
        return []
    lines = toml_table_lines(text, key)
    return [(t, lines[i] if i < len(lines) else 0) for i, t in enumerate(raw)]


def parse_synonyms(text: str) -> Synonyms:
    """Parse and validate the text of a ``synonyms.toml`` file.

    Raises:
        ContentError: listing every problem, each with its line where known.
    """
    problems: list[Problem] = []
    data = parse_toml(text, SYNONYMS_FILE, problems)
    if data is None:
        raise ContentError(problems)
    _unknown_keys(data, _TOP_KEYS, "synonyms.toml", text, 0, problems)

    groups: list[tuple[str, ...]] = []
    group_ids: list[str] = []
    owner: dict[str, int] = {}
    id_owner: dict[str, int] = {}
    for index, (table, line) in enumerate(_tables(data, "groups", text, problems), start=1):
        where = f"group {index}"
        _unknown_keys(table, ("id", "words"), where, text, line, problems)
        group_id = _group_id(table, where, text, line, id_owner, index, problems)
        if "words" not in table:
            problems.append(Problem(SYNONYMS_FILE, line or None, f"{where} is missing 'words'"))
            continue
        words_line = toml_key_line(text, "words", line) or line or None
        phrases = _phrase_list(table["words"], f"'words' of {where}", words_line, problems, 2)
        for phrase in phrases:
            if phrase in owner:
                problems.append(
                    Problem(
                        SYNONYMS_FILE,
                        words_line,
                        f"'{phrase}' is already in group {owner[phrase]}; "
                        "merge the two groups into one",
                    )
                )
            owner.setdefault(phrase, index)
        if len(phrases) >= 2:
            groups.append(tuple(phrases))
            group_ids.append(group_id)

    expansions: list[tuple[str, tuple[str, ...]]] = []
    sources: dict[str, int] = {}
    for index, (table, line) in enumerate(_tables(data, "expand", text, problems), start=1):
        where = f"expansion {index}"
        _unknown_keys(table, ("from", "to"), where, text, line, problems)
        missing = [k for k in ("from", "to") if k not in table]
        if missing:
            problems.append(
                Problem(SYNONYMS_FILE, line or None, f"{where} is missing '{missing[0]}'")
            )
            continue
        from_line = toml_key_line(text, "from", line) or line or None
        to_line = toml_key_line(text, "to", line) or line or None
        source = _phrase(table["from"], f"'from' of {where}", from_line, problems)
        targets = _phrase_list(table["to"], f"'to' of {where}", to_line, problems, 1)
        if source is None or not targets:
            continue
        if source in targets:
            problems.append(
                Problem(SYNONYMS_FILE, to_line, f"{where} expands '{source}' to itself")
            )
            continue
        if source in sources:
            problems.append(
                Problem(
                    SYNONYMS_FILE,
                    from_line,
                    f"'{source}' is already expanded in expansion {sources[source]}; "
                    "list all its words in one 'to'",
                )
            )
            continue
        sources[source] = index
        expansions.append((source, tuple(targets)))

    examples: list[str] = []
    if "examples" in data:
        line = toml_key_line(text, "examples")
        raw = data["examples"]
        if not isinstance(raw, list) or not all(isinstance(e, str) and e.strip() for e in raw):
            problems.append(
                Problem(SYNONYMS_FILE, line, "'examples' must be a list of non-empty text")
            )
        else:
            examples = [" ".join(e.split()) for e in raw]

    if problems:
        raise ContentError(problems)
    return Synonyms(tuple(groups), tuple(expansions), tuple(examples), tuple(group_ids))


def _group_id(
    table: dict[str, Any], where: str, text: str, line: int, seen: dict[str, int], index: int,
    problems: list[Problem],
) -> str:
    """The group's optional ``id``, checked: like ``night-cramps``, and used once."""
    if "id" not in table:
        return ""
    value = table["id"]
    at = toml_key_line(text, "id", line) or line or None
    if not isinstance(value, str) or not ID_RE.match(value):
        problems.append(
            Problem(SYNONYMS_FILE, at, f"the id of {where} must be like 'blood-clot'")
        )
        return ""
    if value in seen:
        problems.append(
            Problem(
                SYNONYMS_FILE, at, f"id '{value}' is already used by group {seen[value]}; "
                "ids must differ",
            )
        )
        return ""
    seen[value] = index
    return value


def load_synonyms(pack_dir: Path) -> Synonyms:
    """Read ``synonyms.toml`` from the pack folder; a pack without one has no synonyms.

    Raises:
        ContentError: if the file exists but cannot be read or is not valid.
    """
    if not pack_file_exists(pack_dir, SYNONYMS_FILE):
        return Synonyms()
    problems: list[Problem] = []
    text = read_pack_file(pack_dir, SYNONYMS_FILE, problems)
    if text is None:
        raise ContentError(problems)
    return parse_synonyms(text)
