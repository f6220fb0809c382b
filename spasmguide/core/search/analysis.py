"""What a language's words look like to search: stems, question words, and real words.

One :class:`Language` per pack language, chosen by the pack's ``language`` code:

- a Snowball stemmer (PyStemmer, the C build of the Snowball algorithms) joins forms of a
  word (``cramps``, ``cramping`` -> ``cramp``); irregular forms it does not join
  (``foot``/``feet``) belong in the pack's synonyms;
- question words and filler ("why", "do", "is", "my", "should") are left out of a search
  when other words are there, so a long question is searched by what it is about;
- a word list tells typo correction which words are real words of the language: a real
  word is never "corrected" into a different word of the pack.

English has all three. Another language gets its Snowball stemmer when there is one (for
example ``es`` -> Spanish) and no question words or word list until they are written; a
language Snowball does not know is searched without stemming.
"""

from __future__ import annotations

import functools
import gzip
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spasmguide.core.synonyms import fold

__all__ = ["Language", "fold_keep_length", "language_for", "stem"]

_log = logging.getLogger(__name__)

WORDS_DIR = Path(__file__).resolve().parents[3] / "resources" / "words"
"""Word lists, one ``<code>.txt.gz`` per language (see ``resources/words/README.md``)."""

SNOWBALL_NAMES = {
    "ar": "arabic", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german",
    "el": "greek", "en": "english", "es": "spanish", "eu": "basque", "fi": "finnish",
    "fr": "french", "ga": "irish", "hi": "hindi", "hu": "hungarian", "hy": "armenian",
    "id": "indonesian", "it": "italian", "lt": "lithuanian", "ne": "nepali", "nl": "dutch",
    "no": "norwegian", "nb": "norwegian", "pl": "polish", "pt": "portuguese",
    "ro": "romanian", "ru": "russian", "sr": "serbian", "sv": "swedish", "ta": "tamil",
    "tr": "turkish", "yi": "yiddish",
}

# Words that carry no topic: question words, pronouns, helpers and filler. They are
# searched only when a query has nothing else ("when to get help" keeps its meaning
# through titles, which are compared with every word typed).
_ENGLISH_STOPWORDS = """
a about after again all also am an and any are as at be been before being both but by
can cant could did didnt do does doesnt doing dont each else even ever every for from
get gets getting got had has have having he her here hers him his how i id if im in into
is isnt it its ive just know let like me mine more most much must my myself need needs
no not now of off ok okay on once only or other our ours out own please really right same she
should so some such tell than that thats the their theirs them then there these they
thing things this those through to too under until up us very want was wasnt way we
were what whats when where which while who whom whose why will with would yes yet you
your youre yours yourself
"""
# "right" and "now" are filler in "what should I do right now" but part of a title
# ("What to do right now"): titles are compared with every word, so that title still
# comes first for its own words.


def _no_stem(word: str) -> str:
    return word


@dataclass(frozen=True)
class Language:
    """How search treats the words of one language.

    Attributes:
        code: The pack's language code (``en``).
        stopwords: Folded words left out of a search when other words are there.
        stem: Word -> stem; the same stem means the same word for search.
        stem_many: Many words -> their stems, in order (faster than one at a time).
        word_list: Name of the file in ``resources/words`` holding the language's real
            words (folded, at least four letters), or "" when there is none.
    """

    code: str
    stopwords: frozenset[str]
    stem: Callable[[str], str] = _no_stem
    stem_many: Callable[[list[str]], list[str]] = field(default=lambda words: list(words))
    word_list: str = ""

    def __repr__(self) -> str:
        return f"Language({self.code!r})"

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
        return frozenset()  # no list for this language yet: typos are corrected as before
    try:
        with gzip.open(path, "rt", encoding="utf-8") as file:
            # One pass in C over the whole text: a generator over 60,000 lines was most of
            # the wait for the first search results.
            return frozenset(filter(None, map(str.strip, file.read().splitlines())))
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        # Without the list, typos are corrected as before; search still works.
        _log.warning("word list %s could not be read: %s", path.name, type(exc).__name__)
        return frozenset()


def _stemmers(name: str) -> tuple[Callable[[str], str], Callable[[list[str]], list[str]]]:
    import Stemmer  # PyStemmer

    one = functools.lru_cache(maxsize=65536)(Stemmer.Stemmer(name).stemWord)
    # A whole vocabulary at once: PyStemmer's own cache only slows unique words down.
    batch = Stemmer.Stemmer(name, 0)

    def many(words: list[str]) -> list[str]:
        return batch.stemWords(words)

    return one, many


@functools.lru_cache(maxsize=16)
def language_for(code: str | None) -> Language:
    """The :class:`Language` for a pack language code such as ``en`` or ``es-MX``."""
    base = (code or "en").lower().replace("_", "-").split("-")[0] or "en"
    snowball = SNOWBALL_NAMES.get(base)
    one: Callable[[str], str] = _no_stem
    many: Callable[[list[str]], list[str]] = list
    if snowball is not None:
        one, many = _stemmers(snowball)
    if base == "en":
        stopwords = frozenset(_ENGLISH_STOPWORDS.split())
        return Language(base, stopwords, one, many, "en.txt.gz")
    return Language(base, frozenset(), one, many, f"{base}.txt.gz")


def stem(word: str) -> str:
    """The English Snowball stem of a folded word (``cramps`` -> ``cramp``)."""
    return language_for("en").stem(word)


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """Fold one character to exactly one character, so folded text keeps its offsets."""
    folded = fold(char)
    return folded if len(folded) == 1 else char.lower()[:1] or char


def fold_keep_length(text: str) -> str:
    """``text`` folded character by character, so offsets in it are offsets in ``text``."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) for c in text)


def content_words(words: Iterable[str], language: Language) -> list[str]:
    """``words`` without the language's stopwords."""
    return [w for w in words if w not in language.stopwords]
