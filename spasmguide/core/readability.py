"""Flesch-Kincaid grade level for the guide's plain-language text.

The guide is written for a reading age of 9 to 11, so its text is checked with the
Flesch-Kincaid grade formula. The syllable counter is a heuristic: it is right for most
everyday English words and close enough for long medical ones, which is all a reading
check needs.

The input may be Markdown in the content pack's format. Headings' ``{#id}`` anchors,
link targets, emphasis markers and list markers are removed before counting, and each
list item counts as its own sentence even when it has no full stop.
"""

from __future__ import annotations

import re

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


def _sentences(text: str) -> list[str]:
    """Split text into sentences, each holding at least one word."""
    sentences: list[str] = []
    for block in _plain_blocks(text):
        for part in _SENTENCE_END.split(block):
            if _WORD.search(part):
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
