"""Search relevance: does the right section come up for the questions people ask?

Run from the repository root::

    .venv/bin/python benchmarks/search_quality.py              # own set + development set
    .venv/bin/python benchmarks/search_quality.py --own        # own set only (seconds)
    .venv/bin/python benchmarks/search_quality.py --misses 40  # list more misses
    .venv/bin/python benchmarks/search_quality.py --lang es    # the Spanish pack's own set
    .venv/bin/python benchmarks/search_quality.py --lang all   # every bundled language

Two sets of questions, each answered by two engines in the same run:

- **own set**: ``benchmarks/search_questions_<lang>.txt``, questions and short queries a
  patient would type, each with the section ids of the bundled pack of that language that
  answer it (English: ``search_questions_en.txt``; Spanish: ``search_questions_es.txt``).
- **development set**: ``../shared/data/health-qa-dev/pages.jsonl.gz`` (a subset of
  MedQuAD, CC BY 4.0: Ben Abacha and Demner-Fushman, "A Question-Entailment Approach to
  Question Answering", BMC Bioinformatics 20, 511, 2019). Each page becomes one section
  of a large pack (title: the page's topic; text: its answers); each question should find
  its own page.

Engines: ours (``SearchIndex``) and a plain baseline, SQLite FTS5 with the ``unicode61``
tokenizer, the query's words OR-ed together and ranked by ``bm25`` with titles weighing 10.

Printed for each: recall@1 and recall@3 (share of questions with a right section first /
in the first three), MRR (mean of 1/rank of the first right section, 0 if not in the first
20) and the questions missed. Questions the pack cannot answer yet ("=> none") are counted
apart: how often each engine says so (no hits, or ours marks the hits as a weak match).
It prints numbers; it asserts nothing (``tests/core/test_search_quality.py`` keeps a floor).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spasmguide.core.content import bundled_pack_path, load_pack  # noqa: E402
from spasmguide.core.search import SearchIndex  # noqa: E402
from spasmguide.core.synonyms import words_of  # noqa: E402

QUESTIONS = Path(__file__).with_name("search_questions_en.txt")


def questions_file(language: str = "en") -> Path:
    """The own set of questions for the bundled pack in ``language``."""
    return Path(__file__).with_name(f"search_questions_{language}.txt")

DEV_SET = ROOT.parent / "shared" / "data" / "health-qa-dev" / "pages.jsonl.gz"
DEPTH = 20
"""Hits asked for per question; a right section below this counts 0 in MRR."""


@dataclass(frozen=True)
class Question:
    text: str
    expected: frozenset[str]  # empty: the pack has no good answer yet
    group: str = ""


def read_questions(path: Path = QUESTIONS) -> list[Question]:
    """The questions of ``path`` (format in the file's header)."""
    questions: list[Question] = []
    group = ""
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if line.startswith("## "):
            group = line[3:].strip()
            continue
        if not line or line.startswith("#"):
            continue
        text, arrow, ids = line.partition("=>")
        if not arrow or not text.strip() or not ids.split():
            raise ValueError(f"{path.name}:{number}: expected 'question => id [id ...]'")
        wanted = ids.split()
        expected = frozenset() if wanted == ["none"] else frozenset(wanted)
        questions.append(Question(text.strip(), expected, group))
    return questions


def unknown_ids(questions: Iterable[Question], known: Iterable[str]) -> list[str]:
    """Expected ids that are not in the pack (a typo, or a section renamed)."""
    have = set(known)
    return sorted({i for q in questions for i in q.expected} - have)


# ----------------------------------------------------------------- scoring


@dataclass
class Score:
    """recall@1, recall@3 and MRR of one engine over one set."""

    name: str
    found1: int = 0
    found3: int = 0
    reciprocal: float = 0.0
    count: int = 0
    misses: list[tuple[Question, list[str]]] = field(default_factory=list)
    none_said: int = 0
    none_count: int = 0
    seconds: float = 0.0

    def add(self, question: Question, ranked: Sequence[str], weak: bool) -> None:
        if not question.expected:
            self.none_count += 1
            self.none_said += weak or not ranked
            return
        self.count += 1
        rank = next((i for i, rid in enumerate(ranked) if rid in question.expected), None)
        if rank is not None:
            self.reciprocal += 1.0 / (rank + 1)
        self.found1 += rank == 0
        self.found3 += rank is not None and rank < 3
        if rank is None or rank >= 3:
            self.misses.append((question, list(ranked[:3])))

    @property
    def recall1(self) -> float:
        return self.found1 / self.count if self.count else 0.0

    @property
    def recall3(self) -> float:
        return self.found3 / self.count if self.count else 0.0

    @property
    def mrr(self) -> float:
        return self.reciprocal / self.count if self.count else 0.0

    def line(self) -> str:
        text = (
            f"{self.name:<10} recall@1 {self.recall1:.3f}  recall@3 {self.recall3:.3f}  "
            f"MRR {self.mrr:.3f}  ({self.count} questions, {self.seconds:.1f} s)"
        )
        if self.none_count:
            text += (
                f"; says 'no good answer' to {self.none_said}/{self.none_count} "
                "it cannot answer"
            )
        return text


Ranker = Callable[[str], tuple[list[str], bool]]
"""A question -> (ids best first, whether the engine called its answer weak)."""


def score(name: str, ranker: Ranker, questions: Sequence[Question]) -> Score:
    result = Score(name)
    start = time.perf_counter()
    for question in questions:
        ranked, weak = ranker(question.text)
        result.add(question, ranked, weak)
    result.seconds = time.perf_counter() - start
    return result


def ours(index: SearchIndex) -> Ranker:
    def rank(text: str) -> tuple[list[str], bool]:
        hits = index.query(text, limit=DEPTH)
        weak = bool(hits) and bool(getattr(hits[0], "weak", False))
        return [h.section_id for h in hits], weak

    return rank


# ----------------------------------------------------------------- the baseline


class Baseline:
    """SQLite FTS5, ``unicode61``, query words OR-ed, ``bm25`` with titles weighing 10."""

    def __init__(self, documents: Iterable[tuple[str, str, str]]) -> None:
        self.db = sqlite3.connect(":memory:")
        self.db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(title, body, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        self.ids: list[str] = []
        rows = []
        for doc_id, title, body in documents:
            rows.append((len(self.ids), title, body))
            self.ids.append(doc_id)
        with self.db:
            self.db.executemany("INSERT INTO docs(rowid, title, body) VALUES (?, ?, ?)", rows)

    def __call__(self, text: str) -> tuple[list[str], bool]:
        words = list(dict.fromkeys(words_of(text)))
        if not words:
            return [], False
        expression = " OR ".join(f'"{w}"' for w in words)
        rows = self.db.execute(
            "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 10.0, 1.0) LIMIT ?",
            (expression, DEPTH),
        ).fetchall()
        return [self.ids[rowid] for (rowid,) in rows], False


# ----------------------------------------------------------------- the two sets


def pack_documents(pack: Any) -> list[tuple[str, str, str]]:
    """(id, title, text) of every page search shows: sections, timer routines, About."""
    documents = [(s.id, s.title, s.text) for _, s in pack.sections()]
    for routine in pack.routines:
        lines = [routine.summary, getattr(routine, "note", "") or ""]
        for step in routine.steps:
            lines += [step.instruction, getattr(step, "note", "") or ""]
        documents.append((routine.id, routine.title, "\n".join(x for x in lines if x)))
    about = [pack.title, pack.subtitle, pack.disclaimer]
    about += [f"{s.credit}: {s.used_for}" for s in pack.sources]
    documents.append(("about", f"About {pack.title}", "\n".join(about)))
    return documents


@dataclass(frozen=True)
class _Section:
    id: str
    title: str
    text: str


@dataclass(frozen=True)
class _Tab:
    id: str
    title: str
    sections: tuple[_Section, ...]


@dataclass(frozen=True)
class LargePack:
    """Just enough of a content pack for ``SearchIndex.build``: one tab of pages."""

    tabs: tuple[_Tab, ...]
    language: str = "en"
    title: str = "Health questions"
    subtitle: str = ""
    disclaimer: str = ""
    help_section: str = ""
    sources: tuple[Any, ...] = ()
    routines: tuple[Any, ...] = ()
    synonyms: Any = None

    def sections(self) -> list[tuple[_Tab, _Section]]:
        return [(tab, section) for tab in self.tabs for section in tab.sections]


def read_dev_set(path: Path = DEV_SET) -> tuple[LargePack, list[Question]]:
    """Each page a section (its topic as title, its answers as text), each question its page."""
    sections: list[_Section] = []
    questions: list[Question] = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            page = json.loads(line)
            page_id = f"p{number}"
            answers = dict.fromkeys(qa["answer"].strip() for qa in page["qa"] if qa["answer"])
            sections.append(_Section(page_id, page["focus"], "\n\n".join(answers)))
            questions += [
                Question(qa["question"], frozenset([page_id]), page["source"]) for qa in page["qa"]
            ]
    return LargePack((_Tab("pages", "Pages", tuple(sections)),)), questions


# ----------------------------------------------------------------- report


def report(title: str, results: Sequence[Score], misses: int) -> None:
    print(f"\n== {title}")
    for result in results:
        print(result.line())
    for result in results:
        if not result.misses or misses <= 0:
            continue
        print(f"\n{result.name} misses ({len(result.misses)}; first {misses}):")
        for question, top in result.misses[:misses]:
            wanted = " ".join(sorted(question.expected))
            print(f"  {question.text!r:<58} want {wanted:<40} got {' '.join(top) or '-'}")


def run_own(misses: int, language: str = "en") -> tuple[Score, Score]:
    pack = load_pack(bundled_pack_path(language))
    path = questions_file(language)
    questions = read_questions(path)
    documents = pack_documents(pack)
    missing = unknown_ids(questions, (d[0] for d in documents))
    if missing:
        raise SystemExit(f"{path.name} names ids the pack does not have: {missing}")
    index = SearchIndex.build(pack)
    results = (
        score("ours", ours(index), questions),
        score("bm25 OR", Baseline(documents), questions),
    )
    by_group: dict[str, list[Question]] = {}
    for question in questions:
        by_group.setdefault(question.group, []).append(question)
    report(
        f"own set ({language}): {len(questions)} questions, bundled {language} pack "
        f"({len(documents)} pages)",
        results,
        misses,
    )
    print("\nrecall@3 by group (ours / bm25 OR):")
    for group, members in by_group.items():
        a, b = score("ours", ours(index), members), score("bm25", Baseline(documents), members)
        if a.count:
            print(f"  {group:<44} {a.recall3:.3f} / {b.recall3:.3f}  ({a.count})")
    return results


def run_dev(misses: int, limit: int | None) -> tuple[Score, Score]:
    pack, questions = read_dev_set()
    if limit:
        questions = questions[:: max(1, len(questions) // limit)][:limit]
    start = time.perf_counter()
    index = SearchIndex.build(pack)
    built = time.perf_counter() - start
    documents = [(s.id, s.title, s.text) for _, s in pack.sections()]
    results = (
        score("ours", ours(index), questions),
        score("bm25 OR", Baseline(documents), questions),
    )
    report(
        f"development set: {len(questions)} questions, {len(documents)} pages "
        f"(our index built in {built:.1f} s)",
        results,
        misses,
    )
    return results


def bundled_question_languages() -> list[str]:
    """Languages with both a bundled pack and an own set of questions."""
    return sorted(
        path.stem.rpartition("_")[2]
        for path in Path(__file__).parent.glob("search_questions_*.txt")
        if (bundled_pack_path(path.stem.rpartition("_")[2]) / "pack.toml").is_file()
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--own", action="store_true", help="only the own set")
    parser.add_argument("--dev", action="store_true", help="only the development set")
    parser.add_argument("--misses", type=int, default=25, help="misses to list per engine")
    parser.add_argument("--sample", type=int, default=0, help="dev questions to use (0: all)")
    parser.add_argument(
        "--lang", default="en", metavar="CODE",
        help="the bundled pack whose own set to run, or 'all' (default: en)",
    )
    args = parser.parse_args(argv)
    print(f"Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}")
    languages = bundled_question_languages() if args.lang == "all" else [args.lang]
    for language in languages:
        if not questions_file(language).exists() or not bundled_pack_path(language).is_dir():
            raise SystemExit(f"no bundled pack and question set for language {language!r}")
    if not args.dev:
        for language in languages:
            run_own(args.misses, language)
    if not args.own and args.lang in ("en", "all"):  # the development set is English
        if DEV_SET.exists():
            run_dev(args.misses, args.sample or None)
        else:
            print(f"\n(development set not found at {DEV_SET}; skipped)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
