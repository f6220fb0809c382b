"""``python -m spasmguide checker``: the red-flag checker without a window.

For tests and for clinics checking their pack: list the questions, or give the outcome for
a set of Yes answers (every question not named counts as No).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from spasmguide.core.checker import YES, Checker, decide, emergency_number_of, load_checker
from spasmguide.core.content import ContentError, bundled_pack_path, load_pack

USAGE_ERROR = 2


def run_checker(
    directory: Path | None, yes_ids: Sequence[str], as_json: bool, out: TextIO, err: TextIO
) -> int:
    """Print the questions (no ``yes_ids``) or the outcome for ``yes_ids``; the exit code."""
    try:
        pack = load_pack(directory or bundled_pack_path())
        checker = load_checker(pack.path)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=err)
        return 1
    if checker is None:
        print(f"The content pack in {pack.path} has no checker.toml.", file=err)
        return 1
    problem = _answer_problem(checker, yes_ids)
    if problem:
        print(f"spasmguide checker: error: {problem}", file=err)
        return USAGE_ERROR
    if not yes_ids and not as_json:
        _print_questions(checker, out)
    elif not yes_ids and as_json:
        questions = [
            {"id": q.id, "text": q.text, "level": q.level, "because": q.because,
             "source": q.source, **({"only_if": q.only_if} if q.only_if else {})}
            for q in checker.questions
        ]
        json.dump(questions, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _print_outcome(checker, yes_ids, emergency_number_of(pack), as_json, out)
    return 0


def _answer_problem(checker: Checker, yes_ids: Sequence[str]) -> str:
    known = [q.id for q in checker.questions]
    unknown = [i for i in yes_ids if i not in known]
    if unknown:
        return (f"no question has the id {unknown[0]!r}; the ids are: {', '.join(known)}")
    for question_id in yes_ids:
        question = checker.question(question_id)
        if question is not None and question.only_if and question.only_if not in yes_ids:
            return (f"{question_id!r} is only asked after a Yes to {question.only_if!r}; "
                    f"add --yes {question.only_if}")
    return ""


def _print_questions(checker: Checker, out: TextIO) -> None:
    print(f"{checker.title} ({len(checker.questions)} questions; Not sure counts as Yes)",
          file=out)
    for number, question in enumerate(checker.questions, start=1):
        follow = f" (only after a Yes to {question.only_if})" if question.only_if else ""
        print(f"{number}. [{question.level}] {question.id}{follow}", file=out)
        print(f"   {question.text}", file=out)


def _print_outcome(
    checker: Checker, yes_ids: Sequence[str], number: str, as_json: bool, out: TextIO
) -> None:
    outcome = decide(checker, dict.fromkeys(yes_ids, YES), number)
    phrases = {q.id: q.because for q in checker.questions}
    if as_json:
        json.dump(
            {
                "level": outcome.level,
                "title": outcome.title,
                "advice": outcome.advice,
                "because": list(outcome.because),
                "because_text": [phrases[i] for i in outcome.because],
                "said": list(outcome.said),
                "emergency_number": number,
                **({"routine": outcome.routine} if outcome.routine else {}),
            },
            out, ensure_ascii=False, indent=2,
        )
        out.write("\n")
        return
    print(f"{outcome.level.upper()}: {outcome.title}", file=out)
    print(outcome.advice, file=out)
    if outcome.said:
        print("You said:", file=out)
        for question_id in outcome.said:
            print(f"  - {phrases[question_id]}", file=out)
    print("This is not a diagnosis.", file=out)
