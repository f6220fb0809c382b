"""Reading-level formulas for the guide's plain-language text, in English and Spanish.

The guide is written for a reading age of 9 to 11. English text is checked with the
Flesch-Kincaid grade formula. Spanish text is checked with formulas made for Spanish,
whose words have more syllables than English ones: Szigriszt-Pazos (read on the INFLESZ
scale) and Fernandez-Huerta. Each has its own syllable counter. The English one is a
heuristic, right for most everyday words and close enough for long medical ones; the
Spanish one follows the spelling rules for diphthongs and hiatus, so it is right for
almost every word. That is all a reading check needs.

The input may be Markdown in the content pack's format. Headings' ``{#id}`` anchors,
link targets, emphasis markers and list markers are removed before counting, and each
list item counts as its own sentence even when it has no full stop.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_NOT_LETTER = re.compile(r"[^a-z]")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?]+")

_HEADING_ANCHOR = re.compile(r"\s*\{#[^}]*\}\s*$")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_HEADING_MARKER = re.compile(r"^\s*#+\s+")
_EMPHASIS = re.compile(r"[*_`]+")

# Plural "-es" endings that add a syllable ("boxes", "horses", "changes", "washes").
_SOUNDED_ES = ("ses", "xes", "zes", "ces", "ges", "ches", "shes")


def count_syllables(word: str) -> int:
    """Estimate how many syllables an English word has.

    Counts groups of vowels (``y`` counts as a vowel), then corrects for a silent final
    ``e`` ("take"), a sounded ``-le`` after a consonant ("table"), a silent ``-ed``
    ("walked", but not "needed") and a silent plural ``-es`` ("takes", but not "boxes").

    Args:
        word: One word. Case and any characters other than letters are ignored.

    Returns:
        The estimated syllable count: 0 for a string with no letters, otherwise at least 1.
    """
    word = _NOT_LETTER.sub("", word.lower())
    if not word:
        return 0
    if len(word) <= 3:
        return 1

    if word.endswith("es") and not word.endswith(_SOUNDED_ES):
        word = word[:-1]  # "takes" -> "take", "muscles" -> "muscle"
    elif word.endswith("ed") and word[-3] not in "td":
        word = word[:-2]  # "walked" -> "walk"

    count = len(_VOWEL_GROUP.findall(word))
    if word.endswith("e") and not word.endswith(("ee", "ye")):
        count -= 1  # silent final e
        if word.endswith("le") and len(word) > 2 and word[-3] not in "aeiouy":
            count += 1  # "ta-ble", "mus-cle": the -le is its own syllable
    return max(count, 1)


def _plain_blocks(text: str) -> list[str]:
    """Split Markdown into blocks of plain text: one per paragraph, heading or list item."""
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            blocks.append(" ".join(current))
            current.clear()

    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line:
            flush()
            continue
        is_heading = bool(_HEADING_MARKER.match(line))
        is_item = bool(_LIST_MARKER.match(line))
        if is_heading or is_item:
            flush()
            line = _HEADING_ANCHOR.sub("", line)
            line = _HEADING_MARKER.sub("", line)
            line = _LIST_MARKER.sub("", line)
        line = _LINK.sub(r"\1", line)
        line = _EMPHASIS.sub("", line)
        current.append(line)
        if is_heading:
            flush()
    flush()
    return blocks


def _sentences(text: str, word: re.Pattern[str] = _WORD) -> list[str]:
    """Split text into sentences, each holding at least one word."""
    sentences: list[str] = []
    for block in _plain_blocks(text):
        for part in _SENTENCE_END.split(block):
            if word.search(part):
                sentences.append(part)
    return sentences


def flesch_kincaid_grade(text: str) -> float:
    """Return the Flesch-Kincaid grade level of a text.

    The grade is ``0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59``.
    Sentences end at ``.``, ``!`` or ``?``, and also at the end of each paragraph, heading
    and list item. Markdown syntax is ignored.

    Args:
        text: Plain text or Markdown.

    Returns:
        The grade level. A text with no words scores 0.0.
    """
    sentences = _sentences(text)
    words = [w for s in sentences for w in _WORD.findall(s)]
    if not words:
        return 0.0
    syllables = sum(max(count_syllables(w), 1) for w in words)
    return 0.39 * (len(words) / len(sentences)) + 11.8 * (syllables / len(words)) - 15.59


# ---- Spanish

_ES_WORD = re.compile(r"[^\W_]+")
_ES_VOWELS = "aeiouáéíóúü"
_ES_OPEN = frozenset("aeoáéó")
_ES_CLOSED = frozenset("iuü")
_ES_CLOSED_ACCENTED = frozenset("íú")
_ES_NOT_LETTER = re.compile(r"[^a-zñáéíóúü]")
_ES_SILENT_U = re.compile(r"(?<=[qg])u(?=[eiéí])")  # "que", "guerra": the u is not said
_ES_Y_AS_VOWEL = re.compile(rf"y(?![{_ES_VOWELS}])")  # "y", "hay", "muy"; not "yo", "ayuda"
_ES_SILENT_H = re.compile(rf"(?<=[{_ES_VOWELS}])h(?=[{_ES_VOWELS}])")  # "prohi-bir", "a-ho-ra"
_ES_VOWEL_GROUP = re.compile(rf"[{_ES_VOWELS}]+")

INFLESZ_BANDS = (
    (80.0, "very-easy"),
    (65.0, "fairly-easy"),
    (55.0, "normal"),
    (40.0, "somewhat-hard"),
    (float("-inf"), "very-hard"),
)
"""The INFLESZ scale for a Szigriszt-Pazos score: (lowest score, band id), easiest first.

In Spanish the bands are "muy fácil", "bastante fácil", "normal", "algo difícil" and
"muy difícil"; the ids are for code, and whoever shows a band translates it.
"""


def _es_hiatus(first: str, second: str) -> bool:
    """Whether two vowels side by side are said in two syllables (a hiatus).

    Two open vowels always are ("le-er", "po-e-ta"). An open vowel and a closed one (i, u)
    make one syllable, a diphthong ("bai-le", "cuer-po"), unless the closed one carries
    the accent ("dí-a", "pa-ís"). Two different closed vowels make a diphthong ("ciu-dad",
    "cui-da-do", "cons-truí"); the same one twice does not ("chi-i-ta").
    """
    closed = _ES_CLOSED | _ES_CLOSED_ACCENTED
    if first in closed and second in closed:
        return unicodedata.normalize("NFD", first)[0] == unicodedata.normalize("NFD", second)[0]
    if first in _ES_OPEN and second in _ES_OPEN:
        return True
    return first in _ES_CLOSED_ACCENTED or second in _ES_CLOSED_ACCENTED


def count_syllables_es(word: str) -> int:
    """Count the syllables of a Spanish word.

    Each group of vowels is one syllable, split wherever two of its vowels form a hiatus
    (see :func:`_es_hiatus`). The u of "que", "qui", "gue" and "gui" is silent; "ü" is
    said ("pin-güi-no"). A "y" that no vowel follows is a vowel ("hay", "muy", "y"). An
    "h" between vowels does not stop them forming a diphthong ("prohi-bir"), as the
    Spanish spelling rules say.

    Args:
        word: One word. Case and any characters other than Spanish letters are ignored.

    Returns:
        The syllable count: 0 for a string with no letters, otherwise at least 1 (so an
        abbreviation such as "NHS" counts as one).
    """
    word = _ES_NOT_LETTER.sub("", unicodedata.normalize("NFC", word.lower()))
    if not word:
        return 0
    word = _ES_SILENT_H.sub("", _ES_Y_AS_VOWEL.sub("i", _ES_SILENT_U.sub("", word)))
    count = 0
    for group in _ES_VOWEL_GROUP.findall(word):
        count += 1 + sum(_es_hiatus(a, b) for a, b in itertools.pairwise(group))
    return max(count, 1)


def _spanish_counts(text: str) -> tuple[int, int, int]:
    """(sentences, words, syllables) of a Spanish text, counted as for English."""
    sentences = _sentences(unicodedata.normalize("NFC", text), _ES_WORD)
    words = [w for s in sentences for w in _ES_WORD.findall(s)]
    syllables = sum(max(count_syllables_es(w), 1) for w in words)
    return len(sentences), len(words), syllables


def szigriszt_pazos(text: str) -> float:
    """Return the Szigriszt-Pazos ease score of a Spanish text, read on the INFLESZ scale.

    The score is ``206.835 - 62.3 * (syllables / words) - words / sentences``: higher is
    easier; 65 to 80 is "bastante fácil" (see :data:`INFLESZ_BANDS`). Sentences and
    Markdown are treated as by :func:`flesch_kincaid_grade`.

    Args:
        text: Plain text or Markdown, in Spanish.

    Returns:
        The score. A text with no words scores 100.0: there is nothing hard to read.
    """
    sentences, words, syllables = _spanish_counts(text)
    if not words:
        return 100.0
    return 206.835 - 62.3 * (syllables / words) - words / sentences


def fernandez_huerta(text: str) -> float:
    """Return the Fernandez-Huerta ease score of a Spanish text.

    The score is ``206.84 - 0.60 * (syllables per 100 words) - 1.02 * (words /
    sentences)``: higher is easier; 70 to 80 is "bastante fácil", 80 to 90 "fácil".
    Sentences and Markdown are treated as by :func:`flesch_kincaid_grade`.

    Args:
        text: Plain text or Markdown, in Spanish.

    Returns:
        The score. A text with no words scores 100.0: there is nothing hard to read.
    """
    sentences, words, syllables = _spanish_counts(text)
    if not words:
        return 100.0
    return 206.84 - 0.60 * (100 * syllables / words) - 1.02 * (words / sentences)


def inflesz_band(score: float) -> str:
    """The id of the INFLESZ band a Szigriszt-Pazos ``score`` falls in, e.g. "fairly-easy"."""
    return next(band for lowest, band in INFLESZ_BANDS if score >= lowest)
