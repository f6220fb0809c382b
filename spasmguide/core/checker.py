""""Is it serious?": a short red-flag checker read from a pack's ``checker.toml``.

The checker asks yes/no questions one at a time and ends with one of four fixed levels:
``emergency`` (call the emergency number now), ``urgent`` (get help today), ``soon`` (see a
doctor or pharmacist in the coming days) and ``self-care``. It never diagnoses and always errs
towards getting help:

- "Not sure" counts as Yes.
- A Yes to an emergency question ends the checker at once (so those questions come first).
- The result is the highest level of any Yes; only all No gives ``self-care``.

Everything here is pure Python: the UI and the command line both drive :class:`CheckerSession`
or :func:`decide`, and translate nothing themselves (the pack is written in its own language).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spasmguide.core.content import parse_toml, read_pack_file, toml_key_line, toml_table_lines
from spasmguide.core.content.files import pack_file_exists
from spasmguide.core.errors import ContentError, Problem
from spasmguide.core.pack_safety import DEFAULT_EMERGENCY_NUMBER

__all__ = [
    "ANSWERS",
    "CHECKER_FILE",
    "DEFAULT_EMERGENCY_NUMBER",
    "LEVELS",
    "NO",
    "NOT_SURE",
    "QUESTION_LEVELS",
    "YES",
    "Checker",
    "CheckerSession",
    "Outcome",
    "Question",
    "Result",
    "decide",
    "emergency_number_of",
    "load_checker",
]

CHECKER_FILE = "checker.toml"

LEVELS: tuple[str, ...] = ("self-care", "soon", "urgent", "emergency")
"""The four results, lowest first."""
QUESTION_LEVELS: tuple[str, ...] = ("emergency", "urgent", "soon")
"""What a Yes to a question can lead to (self-care is what all No gives)."""

YES, NO, NOT_SURE = "yes", "no", "not-sure"
ANSWERS: tuple[str, ...] = (YES, NO, NOT_SURE)
_COUNTS_AS_YES = frozenset({YES, NOT_SURE})

PLACEHOLDER = "{emergency_number}"
"""Shown where a pack names no emergency number of its own."""

MAX_QUESTIONS = 30
"""A red-flag checker longer than this wears out the worried person it is for."""

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_BRACES_RE = re.compile(r"\{[^{}]*\}")
_TOP_KEYS = ("title", "intro", "search", "questions", "results")
_QUESTION_KEYS = {
    "id": True, "text": True, "level": True, "because": True, "source": True, "only_if": False,
}
_RESULT_KEYS = {"title": True, "advice": True, "routine": False}


@dataclass(frozen=True)
class Question:
    """One yes/no question.

    Attributes:
        id: Stable id, lower-case words joined by hyphens (used by ``--yes ID``).
        text: The question, in plain words.
        level: What a Yes leads to: one of :data:`QUESTION_LEVELS`.
        because: A short phrase for "You said: ..." ("one calf is swollen and warm").
        source: Where this red flag comes from (credited in the pack).
        only_if: Ask this only when the question with this id got Yes or Not sure ("" = always).
    """

    id: str
    text: str
    level: str
    because: str
    source: str
    only_if: str = ""

    def __repr__(self) -> str:
        return f"Question({self.id!r}, {self.level!r})"


@dataclass(frozen=True)
class Result:
    """The text shown for one level. ``routine`` is a Timer routine id (self-care only)."""

    level: str
    title: str
    advice: str
    routine: str = ""


@dataclass(frozen=True)
class Checker:
    """A loaded, validated checker: questions in asking order, one result per level."""

    title: str
    intro: str
    questions: tuple[Question, ...]
    results: tuple[Result, ...]
    search: tuple[str, ...] = ()
    _search_words: tuple[tuple[str, ...], ...] = field(
        default=(), init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        from spasmguide.core.synonyms import words_of

        phrases = tuple(tuple(words_of(p)) for p in self.search)
        object.__setattr__(self, "_search_words", tuple(p for p in phrases if p))

    def __repr__(self) -> str:
        return f"Checker({[q.id for q in self.questions]})"

    def question(self, question_id: str) -> Question | None:
        """The question with ``question_id``, or None."""
        return next((q for q in self.questions if q.id == question_id), None)

    def result(self, level: str) -> Result:
        """The result text for ``level`` (validation guarantees there is one)."""
        return next(r for r in self.results if r.level == level)

    def offered_for(self, query: str) -> bool:
        """Whether a search for ``query`` should offer the checker: the query holds one of
        the ``search`` phrases as whole words."""
        from spasmguide.core.synonyms import words_of

        words = words_of(query)
        for phrase in self._search_words:
            size = len(phrase)
            if any(tuple(words[i : i + size]) == phrase for i in range(len(words) - size + 1)):
                return True
        return False


@dataclass(frozen=True)
class Outcome:
    """What the checker concludes.

    Attributes:
        level: One of :data:`LEVELS`.
        title: The result's title, emergency number filled in.
        advice: The result's advice (plain text), emergency number filled in.
        because: Ids of the questions answered Yes or Not sure at ``level`` (what decided it).
        said: Ids of every question answered Yes or Not sure, deciding ones first.
        not_sure: Those of ``said`` answered Not sure.
        routine: The Timer routine to offer ("" for none).
    """

    level: str
    title: str
    advice: str
    because: tuple[str, ...]
    said: tuple[str, ...] = ()
    not_sure: tuple[str, ...] = ()
    routine: str = ""


def level_rank(level: str) -> int:
    """0 for self-care up to 3 for emergency."""
    return LEVELS.index(level)


def fill(text: str, emergency_number: str) -> str:
    """Put the configured emergency number into a result text."""
    return text.replace(PLACEHOLDER, emergency_number)


def emergency_number_of(pack: object) -> str:
    """The emergency number a pack sets, or :data:`DEFAULT_EMERGENCY_NUMBER`.

    The one place the checker asks a pack for its number; kept apart so the setting can move
    without the checker noticing.
    """
    contacts = getattr(pack, "help_contacts", None)
    value = getattr(contacts, "emergency_number", None)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return DEFAULT_EMERGENCY_NUMBER


# --------------------------------------------------------------------------------------------
# The engine


def asked(checker: Checker, answers: Mapping[str, str]) -> list[Question]:
    """The questions that are (or would be) asked given ``answers``, in order.

    A follow-up is asked only when its question got Yes or Not sure; nothing after an
    emergency Yes is asked.
    """
    shown: list[Question] = []
    for question in checker.questions:
        if question.only_if and answers.get(question.only_if) not in _COUNTS_AS_YES:
            continue
        shown.append(question)
        if question.level == "emergency" and answers.get(question.id) in _COUNTS_AS_YES:
            break
    return shown


def decide(checker: Checker, answers: Mapping[str, str], emergency_number: str) -> Outcome:
    """The outcome for ``answers`` (question id to :data:`ANSWERS`; missing means No).

    Raises:
        KeyError: an id names no question.
        ValueError: an answer is not one of :data:`ANSWERS`.
    """
    for question_id, answer in answers.items():
        if checker.question(question_id) is None:
            raise KeyError(question_id)
        if answer not in ANSWERS:
            raise ValueError(f"answer {answer!r} is not one of {', '.join(ANSWERS)}")
    said = [q for q in asked(checker, answers) if answers.get(q.id) in _COUNTS_AS_YES]
    level = max((q.level for q in said), key=level_rank, default="self-care")
    because = tuple(q.id for q in said if q.level == level)
    others = tuple(q.id for q in said if q.level != level)
    result = checker.result(level)
    return Outcome(
        level=level,
        title=fill(result.title, emergency_number),
        advice=fill(result.advice, emergency_number),
        because=because,
        said=because + others,
        not_sure=tuple(q.id for q in said if answers.get(q.id) == NOT_SURE),
        routine=result.routine,
    )


class CheckerSession:
    """One person going through the checker, one question at a time. Kept in memory only."""

    def __init__(self, checker: Checker) -> None:
        self.checker = checker
        self._answers: dict[str, str] = {}
        self._history: list[str] = []

    def __repr__(self) -> str:
        return f"CheckerSession({self._answers!r})"

    @property
    def answers(self) -> dict[str, str]:
        """The answers given so far (a copy)."""
        return dict(self._answers)

    def current(self) -> Question | None:
        """The question to ask now, or None when the checker has finished."""
        for question in asked(self.checker, self._answers):
            if question.id not in self._answers:
                return question
        return None

    @property
    def finished(self) -> bool:
        """True once there is nothing more to ask."""
        return self.current() is None

    def position(self) -> tuple[int, int]:
        """``(number, total)`` for "Question 2 of 8"; the total counts follow-ups not yet
        ruled out, so it can only shrink as answers come in."""
        current = self.current()
        total = sum(
            1 for q in self.checker.questions
            if not q.only_if or self._answers.get(q.only_if, YES) in _COUNTS_AS_YES
        )
        number = len(self._history) + (1 if current is not None else 0)
        return number, max(total, number)

    def answer(self, answer: str) -> None:
        """Answer the current question."""
        if answer not in ANSWERS:
            raise ValueError(f"answer {answer!r} is not one of {', '.join(ANSWERS)}")
        question = self.current()
        if question is None:
            raise RuntimeError("the checker has finished; start again to answer more")
        self._answers[question.id] = answer
        self._history.append(question.id)

    def back(self) -> bool:
        """Undo the last answer; False when there is none."""
        if not self._history:
            return False
        del self._answers[self._history.pop()]
        return True

    def restart(self) -> None:
        """Forget every answer."""
        self._answers.clear()
        self._history.clear()

    def outcome(self, emergency_number: str) -> Outcome:
        """The outcome of the answers so far (questions not yet answered count as No)."""
        return decide(self.checker, self._answers, emergency_number)


# --------------------------------------------------------------------------------------------
# Loading


def load_checker(pack_dir: Path | str, routine_ids: Iterable[str] | None = None) -> Checker | None:
    """Read and validate ``checker.toml`` in a pack folder.

    Args:
        pack_dir: The pack's folder.
        routine_ids: The pack's Timer routines, to check the self-care ``routine``
            (None: not checked).

    Returns:
        The checker, or None when the pack has no ``checker.toml``.

    Raises:
        ContentError: every problem found, each as ``checker.toml:line: message``.
    """
    if not pack_file_exists(pack_dir, CHECKER_FILE):
        return None
    problems: list[Problem] = []
    text = read_pack_file(pack_dir, CHECKER_FILE, problems)
    data = parse_toml(text, CHECKER_FILE, problems) if text is not None else None
    if text is None or data is None:
        raise ContentError(problems)
    checker = _parse(data, text, problems, routine_ids)
    if problems or checker is None:
        problems.sort(key=lambda p: p.line or 0)
        raise ContentError(problems)
    return checker


def _parse(
    data: dict[str, Any], text: str, problems: list[Problem], routine_ids: Iterable[str] | None
) -> Checker | None:
    def report(line: int | None, message: str) -> None:
        problems.append(Problem(CHECKER_FILE, line, message))

    for key in data:
        if key not in _TOP_KEYS:
            report(toml_key_line(text, key) or _header_line(text, key),
                   f"unknown key '{key}'; allowed: {', '.join(_TOP_KEYS)}")
    title = _text(data, "title", text, 0, "the file", report, required=True)
    intro = _text(data, "intro", text, 0, "the file", report, required=False)
    search = _search(data.get("search", []), text, report)
    questions = _questions(data.get("questions"), text, report)
    results = _results(data.get("results"), text, report, routine_ids)
    _check_placeholders(data, text, report)
    if problems:
        return None
    return Checker(title, intro, tuple(questions), tuple(results), tuple(search))


def _text(
    table: Mapping[str, Any], key: str, text: str, after: int, where: str,
    report: Any, *, required: bool,
) -> str:
    value = table.get(key)
    if value is None:
        if required:
            report(after or None, f"{where} is missing '{key}'")
        return ""
    if not isinstance(value, str) or not value.strip():
        report(toml_key_line(text, key, after) or after or None,
               f"'{key}' in {where} must be non-empty text")
        return ""
    return " ".join(value.split())


def _search(value: Any, text: str, report: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        report(toml_key_line(text, "search"), "'search' must be a list of words or phrases")
        return []
    return [v.strip() for v in value]


def _questions(value: Any, text: str, report: Any) -> list[Question]:
    if value is None:
        report(None, "no questions; add at least one [[questions]] table")
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        report(toml_key_line(text, "questions"), "'questions' must be [[questions]] tables")
        return []
    if len(value) > MAX_QUESTIONS:
        report(None, f"{len(value)} questions; keep the checker to {MAX_QUESTIONS} at most")
    lines = toml_table_lines(text, "questions")
    questions: list[Question] = []
    seen: dict[str, int] = {}
    non_emergency_line = 0
    for index, raw in enumerate(value):
        line = lines[index] if index < len(lines) else 0
        where = f"question {index + 1}"
        for key in raw:
            if key not in _QUESTION_KEYS:
                report(toml_key_line(text, key, line) or line or None,
                       f"unknown key '{key}' in {where}; allowed: {', '.join(_QUESTION_KEYS)}")
        fields = {
            key: _text(raw, key, text, line, where, report, required=required)
            for key, required in _QUESTION_KEYS.items()
        }
        question_id, level = fields["id"], fields["level"]
        id_line = toml_key_line(text, "id", line) or line or None
        if question_id and not _ID_RE.match(question_id):
            report(id_line, f"question id '{question_id}' must be like 'swollen-leg'")
        if question_id in seen:
            report(id_line, f"question id '{question_id}' is used twice (first at line "
                            f"{seen[question_id]}); ids must differ")
        level_line = toml_key_line(text, "level", line) or line or None
        if level and level not in QUESTION_LEVELS:
            report(level_line, f"level '{level}' of {where} must be one of: "
                               f"{', '.join(QUESTION_LEVELS)}")
        if level == "emergency" and non_emergency_line:
            report(level_line, f"emergency question '{question_id}' comes after a question "
                               f"that is not an emergency one (line {non_emergency_line}); "
                               "put the emergency questions first")
        elif level and level != "emergency" and not non_emergency_line:
            non_emergency_line = line
        only_if = fields["only_if"]
        if only_if:
            _check_follow_up(only_if, questions, question_id, text, line, report)
        if question_id and question_id not in seen:
            seen[question_id] = line
        questions.append(Question(
            question_id, fields["text"], level, fields["because"], fields["source"], only_if
        ))
    return questions


def _check_follow_up(
    only_if: str, earlier: Sequence[Question], question_id: str, text: str, line: int,
    report: Any,
) -> None:
    """A follow-up must hang on an earlier question whose Yes does not end the checker;
    otherwise it could never be asked."""
    where = toml_key_line(text, "only_if", line) or line or None
    parent = next((q for q in earlier if q.id == only_if), None)
    if parent is None:
        report(where, f"question '{question_id}' can never be asked: only_if '{only_if}' "
                      "names no earlier question")
    elif parent.level == "emergency":
        report(where, f"question '{question_id}' can never be asked: a Yes to '{only_if}' "
                      "is an emergency and ends the checker")


def _results(
    value: Any, text: str, report: Any, routine_ids: Iterable[str] | None
) -> list[Result]:
    if not isinstance(value, dict):
        report(toml_key_line(text, "results"),
               "add a [results.LEVEL] table for each of: " + ", ".join(reversed(LEVELS)))
        return []
    known_routines = None if routine_ids is None else set(routine_ids)
    results: list[Result] = []
    for level, raw in value.items():
        line = _header_line(text, f"results.{level}") or toml_key_line(text, "results") or 0
        if level not in LEVELS:
            report(line or None, f"unknown result level '{level}'; use: "
                                 f"{', '.join(reversed(LEVELS))}")
            continue
        if not isinstance(raw, dict):
            report(line or None, f"'results.{level}' must be a table with title and advice")
            continue
        where = f"results.{level}"
        for key in raw:
            if key not in _RESULT_KEYS:
                report(toml_key_line(text, key, line) or line or None,
                       f"unknown key '{key}' in {where}; allowed: {', '.join(_RESULT_KEYS)}")
        title = _text(raw, "title", text, line, where, report, required=True)
        advice = _text(raw, "advice", text, line, where, report, required=True)
        routine = _text(raw, "routine", text, line, where, report, required=False)
        if routine and level != "self-care":
            report(toml_key_line(text, "routine", line),
                   "only the self-care result can offer a Timer routine")
        elif routine and known_routines is not None and routine not in known_routines:
            report(toml_key_line(text, "routine", line),
                   f"routine '{routine}' is not in routines.toml")
        if level == "emergency" and PLACEHOLDER not in f"{title} {advice}":
            report(line or None, f"the emergency result must show the number: put "
                                 f"{PLACEHOLDER} in its title or advice")
        results.append(Result(level, title, advice, routine))
    missing = [level for level in reversed(LEVELS) if level not in value]
    if missing:
        report(toml_key_line(text, "results") or _first_header_line(text, "results") or None,
               f"no result text for: {', '.join(missing)}; add [results.{missing[0]}]")
    return results


def _check_placeholders(data: Mapping[str, Any], text: str, report: Any) -> None:
    """Only {emergency_number} may appear in braces: anything else is a typo people would see."""
    strings: list[str] = []

    def collect(value: Any) -> None:
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(data)
    lines = text.splitlines()
    for placeholder in sorted({m for s in strings for m in _BRACES_RE.findall(s)}):
        if placeholder == PLACEHOLDER:
            continue
        line = next((n for n, row in enumerate(lines, 1) if placeholder in row), None)
        report(line, f"unknown placeholder {placeholder}; the only one is {PLACEHOLDER}")


def _header_line(text: str, name: str) -> int | None:
    pattern = re.compile(rf"^\s*\[\s*{re.escape(name)}\s*\]\s*(?:#.*)?$")
    return next(
        (n for n, row in enumerate(text.splitlines(), 1) if pattern.match(row)), None
    )


def _first_header_line(text: str, prefix: str) -> int | None:
    pattern = re.compile(rf"^\s*\[\s*{re.escape(prefix)}[.\]]")
    return next(
        (n for n, row in enumerate(text.splitlines(), 1) if pattern.match(row)), None
    )
