"""What a language's words look like to search: stems, question words, and real words.

One :class:`Language` per pack language, chosen by the pack's ``language`` code, and
made entirely from files, so a new language needs files, not code:

- a Snowball stemmer (PyStemmer, the C build of the Snowball algorithms) joins forms of a
  word (``cramps``, ``cramping`` -> ``cramp``; ``calambres`` -> ``calambr``); irregular
  forms it does not join (``foot``/``feet``) belong in the pack's synonyms. Every language
  Snowball knows has one; another language is searched without stemming;
- ``resources/words/<code>.language.txt``: question words and filler ("why", "do", "qué",
  "tengo") left out of a search when other words are there, so a long question is searched
  by what it is about, and the names of the program's own pages (Timer, About) in results;
- ``resources/words/<code>.txt.gz``, when there is one: the language's real words, so
  typo correction never "corrects" a real word into a different word of the pack. Without
  it, the pack's own words are the only words known to be real.

See ``resources/words/README.md`` for both files' formats.
"""

from __future__ import annotations

import functools
import gzip
import logging
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from spasmguide.core.record import Record
from spasmguide.core.synonyms import fold

__all__ = ["Language", "fold_keep_length", "language_for", "read_language_file", "stem"]

_log = logging.getLogger(__name__)

WORDS_DIR = Path(__file__).resolve().parents[3] / "resources" / "words"
"""Word lists and language files, by language code (see ``resources/words/README.md``)."""

LANGUAGE_FILE = "{code}.language.txt"
WORD_LIST = "{code}.txt.gz"

SNOWBALL_NAMES = {
    "ar": "arabic", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german",
    "el": "greek", "en": "english", "es": "spanish", "eu": "basque", "fi": "finnish",
    "fr": "french", "ga": "irish", "hi": "hindi", "hu": "hungarian", "hy": "armenian",
    "id": "indonesian", "it": "italian", "lt": "lithuanian", "ne": "nepali", "nl": "dutch",
    "no": "norwegian", "nb": "norwegian", "pl": "polish", "pt": "portuguese",
    "ro": "romanian", "ru": "russian", "sr": "serbian", "sv": "swedish", "ta": "tamil",
    "tr": "turkish", "yi": "yiddish",
}
"""Snowball's name for each language code it has an algorithm for (PyStemmer's list)."""

DEFAULT_LABELS = {"timer": "Timer", "about": "About", "about title": "About {title}"}
"""Names of the program's own pages, for a language whose file does not give them."""


def _no_stem(word: str) -> str:
    return word


def _no_stem_many(words: list[str]) -> list[str]:
    return list(words)


class Language(Record):
    """How search treats the words of one language.

    Attributes:
        code: The pack's language code (``en``).
        stopwords: Folded words left out of a search when other words are there.
        stem: Word -> stem; the same stem means the same word for search.
        stem_many: Many words -> their stems, in order (faster than one at a time).
        word_list: Name of the file in ``resources/words`` holding the language's real
            words (folded, at least four letters), or "" when there is none.
        labels: Names of the program's own pages: ``timer``, ``about`` and ``about
            title`` (with ``{title}`` for the pack's title).
    """

    code: str
    stopwords: frozenset[str]
    stem: Callable[[str], str] = _no_stem
    stem_many: Callable[[list[str]], list[str]] = _no_stem_many
    word_list: str = ""
    labels: Mapping[str, str] = DEFAULT_LABELS

    def __repr__(self) -> str:
        return f"Language({self.code!r})"

    def __hash__(self) -> int:
        return hash(self.code)

    def label(self, key: str, **values: str) -> str:
        """The name of one of the program's own pages (``timer``, ``about``, ``about title``)."""
        text = self.labels.get(key) or DEFAULT_LABELS.get(key, key)
        for name, value in values.items():
            text = text.replace("{" + name + "}", value)
        return text

    def is_word(self, word: str) -> bool:
        """Whether ``word`` (folded) is a real word of the language, as far as it knows."""
        return word in _real_words(self.word_list)

    def load_words(self) -> None:
        """Read the word list now, so the first typo does not wait for it."""
        _real_words(self.word_list)


@functools.lru_cache(maxsize=8)
def _real_words(name: str) -> frozenset[str]:
    if not name:
        return frozenset()
    path = WORDS_DIR / name
    if not path.exists():
        return frozenset()  # no list for this language: only the pack's words are known
    try:
        with gzip.open(path, "rt", encoding="utf-8") as file:
            # One pass in C over the whole text: a generator over 60,000 lines was most of
            # the wait for the first search results.
            return frozenset(filter(None, map(str.strip, file.read().splitlines())))
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        # Without the list, typos are corrected as before; search still works.
        _log.warning("word list %s could not be read: %s", path.name, type(exc).__name__)
        return frozenset()


def read_language_file(text: str) -> dict[str, str]:
    """The keys of a language file: ``key: value`` lines, and indented lines that carry on
    the value of the key above them; ``#`` starts a comment.

    A few lines of parsing rather than TOML: this file is read at every start, and the TOML
    parser alone takes longer to import than the rest of search.
    """
    values: dict[str, list[str]] = {}
    key: str | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line[0].isspace():
            if key is not None:
                values[key].append(line.strip())
            continue
        name, colon, value = line.partition(":")
        if not colon:
            key = None  # not a key: skipped, with what follows it
            continue
        key = " ".join(name.lower().split())
        values[key] = [value.strip()] if value.strip() else []
    return {k: " ".join(v) for k, v in values.items()}


def _language_data(code: str) -> dict[str, str]:
    path = WORDS_DIR / LANGUAGE_FILE.format(code=code)
    try:
        return read_language_file(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}  # a language nobody has described yet: every word is searched
    except (OSError, UnicodeDecodeError) as exc:
        _log.warning("language file %s could not be read: %s", path.name, type(exc).__name__)
        return {}


def _stemmers(name: str) -> tuple[Callable[[str], str], Callable[[list[str]], list[str]]]:
    import Stemmer  # PyStemmer

    one = functools.lru_cache(maxsize=65536)(Stemmer.Stemmer(name).stemWord)
    # A whole vocabulary at once: PyStemmer's own cache only slows unique words down.
    batch = Stemmer.Stemmer(name, 0)

    def many(words: list[str]) -> list[str]:
        return batch.stemWords(words)

    return one, many


def base_code(code: str | None) -> str:
    """The language part of a code: ``es-MX`` -> ``es``; nothing -> ``en``."""
    base = (code or "en").lower().replace("_", "-").split("-")[0]
    return base if base.isalpha() and base.isascii() else "en"


@functools.lru_cache(maxsize=16)
def language_for(code: str | None) -> Language:
    """The :class:`Language` for a pack language code such as ``en`` or ``es-MX``."""
    base = base_code(code)
    snowball = SNOWBALL_NAMES.get(base)
    one: Callable[[str], str] = _no_stem
    many: Callable[[list[str]], list[str]] = list
    if snowball is not None:
        one, many = _stemmers(snowball)
    data = _language_data(base)
    stopwords = frozenset(w for w in fold(data.pop("stopwords", "")).split() if w.isalnum())
    labels = {**DEFAULT_LABELS, **{k: v for k, v in data.items() if k in DEFAULT_LABELS and v}}
    return Language(base, stopwords, one, many, WORD_LIST.format(code=base), labels)


def stem(word: str) -> str:
    """The English Snowball stem of a folded word (``cramps`` -> ``cramp``)."""
    return language_for("en").stem(word)


def _fold_char(char: str) -> str:
    """Fold one character to exactly one character, so folded text keeps its offsets."""
    folded = fold(char)
    return folded if len(folded) == 1 else char.lower()[:1] or char


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table folding each character to one, filled in as they appear."""

    def __missing__(self, code: int) -> str:
        value = self[code] = _fold_char(chr(code))
        return value


_FOLD_TABLE = _FoldTable()


def fold_keep_length(text: str) -> str:
    """``text`` folded character by character, so offsets in it are offsets in ``text``."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD_TABLE)


def content_words(words: Iterable[str], language: Language) -> list[str]:
    """``words`` without the language's stopwords."""
    return [w for w in words if w not in language.stopwords]
