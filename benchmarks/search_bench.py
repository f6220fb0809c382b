"""Search benchmark: index build, as-you-type query latency, and keystroke-to-paint time.

Run from the repository root::

    .venv/bin/python benchmarks/search_bench.py            # bundled packs + 10,000 sections
    .venv/bin/python benchmarks/search_bench.py --quick    # 1,000 synthetic sections
    .venv/bin/python benchmarks/search_bench.py --lang es --sections 0   # Spanish pack only

It prints numbers; it asserts nothing. Every bundled language's pack is measured (English and
Spanish), with as-you-type queries and questions in its own language; the targets are the
same for each. Targets (2-core machine): bundled query p95 <= 1 ms,
keystroke to painted list p95 <= 16 ms; 10k pack query p95 <= 15 ms, build <= 1 s (a
large pack's built index is kept in the cache folder, so "from cache" is what later
starts pay; "bare FTS5 insert" is SQLite's own share of a build, for context).
Baselines in the same run give the numbers context: a plain ``LIKE`` scan over the same
rows, and a bare FTS5 ``MATCH`` of the quoted text without synonyms, stems or correction.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from spasmguide.core.content import Pack, bundled_pack_path, load_pack
from spasmguide.core.search import SearchIndex
from spasmguide.core.synonyms import words_of

SEED = 20240611


def _words(text: str) -> list[str]:
    return text.split()


REAL_WORDS = _words("""
muscle cramp spasm leg calf thigh foot night pain stretch massage potassium sodium
magnesium calcium blood flow circulation nerve tendon sleep water drink fluid salt mineral
electrolyte exercise rest warm cold compress heat ice doctor pharmacist medicine tablet diuretic
alcohol smoking nicotine kidney renal liver cirrhosis sarcoidosis dialysis pregnancy older athlete
runner swelling numb tingling weak strength chronic acute sudden tight lump relief ease soothe soak
bath oil chamomile vinegar tomato banana diet vitamin deficiency dehydration sweat fatigue overuse
injury strain sprain tear skeletal smooth cardiac heart hamstring quadriceps shin ankle knee toe
spine posture walking running cycling swimming treatment symptom diagnosis therapy infection
inflammation tetanus penicillamine hydration contraction involuntary relaxation""")
PREFIXES = _words("""neuro myo cardio vaso hepato nephro osteo derma gastro haemo arthro angio fibro
electro hypo hyper peri endo intra sub poly trans retro""")
ROOTS = _words("""tens calc kal natr fasc ten sarc lig cost crur ped gen plant tars""")
SUFFIXES = _words("""
pathy itis algia osis emia plasty genic tonic trophy lysis gram logy cyte ectomy
scopy megaly al ic ine ase""")
FILLER = _words("""
the a of and to in is it can be your you or with for this that may are when as on at
by from not if they have will more some into after before often also""")
PHRASES = {
    "en": [
        "cramp at night", "leg cramps", "blood flow", "warm compress", "cold compress",
        "potassium and magnesium", "when to get help", "stretch the calf", "drink water",
        "nerve problems", "muscle injury", "side effect", "kidney problems", "charley horse",
    ],
    "es": [
        "calambre de noche", "calambres en las piernas", "mala circulación", "compresa tibia",
        "bolsa de hielo", "potasio y magnesio", "cuándo buscar ayuda", "estirar la pantorrilla",
        "tomar agua", "problemas de los nervios", "lesión muscular", "efecto secundario",
        "se me sube la bola", "se me acalambró el chamorro",
    ],
}
"""Phrases people type, per pack language (the synthetic pack is English)."""
QUESTION_STARTS = {
    "en": ["why do my", "is it bad if my", "what should i do about", "how can i stop", "can",
           "what is the"],
    "es": ["por qué me", "es malo si mi", "qué hago con", "cómo puedo quitar", "puedo",
           "qué es el"],
}


VOCABULARY = 120_000
"""Distinct words of the synthetic pack's language: 3 million words of real text use about
this many (Heaps' law), most of them rare. The build cost grows with it."""
ONSETS = _words(
    "b bl br c ch cl cr d dr f fl fr g gl gr h j k l m n p ph pl pr qu r s sc sh sk sl sp st "
    "str t th tr v w z"
)
NUCLEI = _words("a e i o u ai ea ee ie oa ou y")
CODAS = ["", "", "n", "r", "s", "l", "m", "t", "st", "nd", "ng", "ck", "x"]


def medical_vocabulary(rng: random.Random, size: int = VOCABULARY) -> list[str]:
    """``size`` words: real and coined medical words first, then made-up words of one to
    four syllables, in a random order of commonness."""
    made = {p + r + s for p, r, s in itertools.product(PREFIXES, ROOTS, SUFFIXES)}
    made |= {p + s for p, s in itertools.product(PREFIXES, SUFFIXES)}
    words = set(REAL_WORDS) | made
    while len(words) < size:
        syllables = rng.choice((1, 2, 2, 3, 3, 3, 4))
        words.add(
            "".join(
                rng.choice(ONSETS) + rng.choice(NUCLEI) + rng.choice(CODAS)
                for _ in range(syllables)
            )
        )
    ordered = sorted(words)
    rng.shuffle(ordered)
    return ordered[:size]


def write_synthetic_pack(root: Path, sections: int, words_per_section: int = 300) -> None:
    """Write a pack in the real format: pack.toml, one Markdown file per tab."""
    rng = random.Random(SEED)
    vocab = medical_vocabulary(rng)
    # Zipf: the word of rank r is used in proportion to 1/r, as in real text, so a few
    # words are everywhere and most are rare.
    weights = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(vocab))))
    tabs = max(1, sections // 500)
    per_tab = [sections // tabs + (1 if i < sections % tabs else 0) for i in range(tabs)]
    lines = [
        'id = "bench"', 'language = "en"', 'title = "Bench"', 'version = "1"',
        'help_section = "s-0"', 'disclaimer = "Benchmark data, not advice."',
    ]
    serial = 0
    for t, count in enumerate(per_tab):
        title = f"Topic {t + 1}"
        lines += ["", "[[tabs]]", f'id = "tab-{t}"', f'title = "{title}"', f'file = "tab{t}.md"']
        out = [f"# {title}", ""]
        for _ in range(count):
            heading = " ".join(rng.choices(vocab, cum_weights=weights, k=rng.randint(2, 5)))
            out += [f"## {heading.capitalize()} {{#s-{serial}}}", ""]
            serial += 1
            content = rng.choices(vocab, cum_weights=weights, k=words_per_section)
            filler = rng.choices(FILLER, k=words_per_section)
            mix = [f if rng.random() < 0.45 else c for c, f in zip(content, filler, strict=True)]
            for start in range(0, len(mix), 60):
                out += [" ".join(mix[start : start + 60]).capitalize() + ".", ""]
        (root / f"tab{t}.md").write_text("\n".join(out), encoding="utf-8")
    lines += ["", "[[sources]]", 'title = "Generated"', 'used_for = "Benchmarking search"']
    (root / "pack.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def typo(word: str, rng: random.Random) -> str:
    """One transposition, deletion or doubled letter, the commonest typing slips."""
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 2)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def as_you_type(pack: Pack, count: int, rng: random.Random) -> list[str]:
    """Every prefix of real words and phrases from the pack, some with typos."""
    text_words = [w for _, s in pack.sections() for w in words_of(s.title + " " + s.text)]
    pool = sorted({w for w in text_words if len(w) >= 4 and w.isalpha()})
    queries: list[str] = []
    phrases = PHRASES.get(pack.language, PHRASES["en"])
    while len(queries) < count:
        roll = rng.random()
        if roll < 0.25:
            phrase = rng.choice(phrases)
        elif roll < 0.45:
            phrase = " ".join(rng.choices(text_words, k=2))
        else:
            phrase = rng.choice(pool)
        if rng.random() < 0.2:
            phrase = " ".join(typo(w, rng) for w in phrase.split())
        queries += [phrase[:n] for n in range(1, len(phrase) + 1)]
    return queries[:count]


def percentiles(samples: Sequence[float]) -> str:
    ordered = sorted(samples)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    return (
        f"median {statistics.median(ordered) * 1000:7.3f} ms  p95 {at(0.95):7.3f} ms  "
        f"p99 {at(0.99):7.3f} ms  max {ordered[-1] * 1000:7.3f} ms  (n={len(ordered)})"
    )


def timed(run: Callable[[str], object], queries: Sequence[str], repeat: int = 1) -> list[float]:
    """Seconds per query; with ``repeat``, the least of that many runs of each query, which
    leaves out the time slices other programs on a busy machine took meanwhile."""
    samples = []
    for query in queries:
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            run(query)
            best = min(best, time.perf_counter() - start)
        samples.append(best)
    return samples


def baselines(pack: Pack) -> tuple[Callable[[str], object], Callable[[str], object]]:
    """A plain LIKE scan and a bare FTS5 prefix MATCH over the same rows."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE plain(title, body)")
    db.execute(
        "CREATE VIRTUAL TABLE bare USING fts5(title, body, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4')"
    )
    rows = [(s.title, s.text) for _, s in pack.sections()]
    db.executemany("INSERT INTO plain VALUES (?, ?)", rows)
    db.executemany("INSERT INTO bare VALUES (?, ?)", rows)
    db.commit()

    def like(query: str) -> object:
        pattern = f"%{query.strip()}%"
        return db.execute(
            "SELECT rowid FROM plain WHERE title LIKE ? OR body LIKE ? LIMIT 20",
            (pattern, pattern),
        ).fetchall()

    def bare(query: str) -> object:
        words = words_of(query)
        if not words:
            return []
        expression = " AND ".join(f'"{w}"' for w in words) + "*"
        return db.execute(
            "SELECT rowid FROM bare WHERE bare MATCH ? ORDER BY bm25(bare, 10, 1) LIMIT 20",
            (expression,),
        ).fetchall()

    return like, bare


def questions(pack: Pack, count: int, rng: random.Random) -> list[str]:
    """Long questions: six to twelve words of the pack's text with question words around."""
    text_words = [w for _, s in pack.sections() for w in words_of(s.title + " " + s.text)]
    starts = QUESTION_STARTS.get(pack.language, QUESTION_STARTS["en"])
    return [
        f"{rng.choice(starts)} {' '.join(rng.choices(text_words, k=rng.randint(4, 9)))}"
        for _ in range(count)
    ]


def timed_builds(build: Callable[[], SearchIndex]) -> tuple[SearchIndex, str]:
    builds = []
    index = None
    for _ in range(3):
        start = time.perf_counter()
        index = build()
        builds.append(time.perf_counter() - start)
    assert index is not None
    return index, f"best {min(builds) * 1000:8.1f} ms  worst {max(builds) * 1000:8.1f} ms"


def bench_pack(name: str, pack: Pack, queries_wanted: int) -> SearchIndex:
    rng = random.Random(SEED)
    index, built = timed_builds(lambda: SearchIndex.build(pack))
    sections = len(pack.sections())
    print(f"\n== {name}: {sections} sections, {pack.word_count():,} words, {len(index)} entries")
    print(f"index build      {built}")
    with tempfile.TemporaryDirectory() as cache:
        folder = Path(cache)
        SearchIndex.build(pack, cache_dir=folder)  # the first start writes the cache
        if any(folder.iterdir()):
            _, cached = timed_builds(lambda: SearchIndex.build(pack, cache_dir=folder))
            print(f"  from cache     {cached}  (later starts)")
    start = time.perf_counter()
    rows = [(i, s.title, s.text) for i, (_, s) in enumerate(pack.sections())]
    floor = sqlite3.connect(":memory:")
    floor.execute("CREATE VIRTUAL TABLE t USING fts5(title, body, content='')")
    with floor:
        floor.executemany("INSERT INTO t(rowid, title, body) VALUES (?, ?, ?)", rows)
    print(f"  bare FTS5 insert of the same text: {(time.perf_counter() - start) * 1000:.1f} ms")
    queries = as_you_type(pack, queries_wanted, rng)
    for query in queries[:50]:  # warm caches the way the first seconds of use would
        index.query(query)
    samples = timed(index.query, queries)
    print(f"query (ours)     {percentiles(samples)}")
    print(f"  least of 3     {percentiles(timed(index.query, queries, 3))}")
    corrected = sum(1 for q in queries if (h := index.query(q)) and h[0].corrected_to)
    empty = sum(1 for q in queries if not index.query(q))
    print(f"                 {corrected} corrected, {empty} with no hits")
    asked = questions(pack, max(50, queries_wanted // 10), rng)
    print(f"long questions   {percentiles(timed(index.query, asked))}")
    print(f"  least of 3     {percentiles(timed(index.query, asked, 3))}")
    like, bare = baselines(pack)
    print(f"baseline LIKE    {percentiles(timed(like, queries))}")
    print(f"baseline FTS5    {percentiles(timed(bare, queries))}")
    print(f"  least of 3     {percentiles(timed(bare, queries, 3))}")
    return index


def bench_paint(index: SearchIndex, pack: Pack, keystrokes: int) -> None:
    """Keystroke -> results list painted, in the real widgets on the offscreen platform."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, qInstallMessageHandler
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

    from spasmguide.ui.search import SearchBox, SearchController, SearchResults

    app = QApplication.instance() or QApplication([])
    # The offscreen platform warns on every window size-hint change; it is noise here.
    qInstallMessageHandler(
        lambda _mode, _context, message: None
        if "propagateSizeHints" in message
        else print(message, file=sys.stderr)
    )

    class PaintWatch(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.painted = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.painted = True
            return False

    window = QWidget()
    layout = QVBoxLayout(window)
    box, results = SearchBox(index.examples), SearchResults(index)
    layout.addWidget(box)
    layout.addWidget(results)
    controller = SearchController(index, box, results)  # noqa: F841 - keep it alive
    window.resize(1000, 700)
    window.show()
    box.setFocus()
    app.processEvents()
    watch = PaintWatch()
    # The list repaints when it has hits; the status line ("3 results for ...", "No results
    # for ..." with "Did you mean") repaints on every keystroke, so no keystroke is left out.
    results.list.viewport().installEventFilter(watch)
    results.status.installEventFilter(watch)

    rng = random.Random(SEED)
    phrases = as_you_type(pack, keystrokes * 3, rng)
    words = [p for p in phrases if len(p) > 1 and p[-2:-1] != p[-1:]]
    samples: list[float] = []
    missed = 0
    for text in {p: None for p in words}:  # ordered, unique
        if len(samples) >= keystrokes:
            break
        box.setText(text[:-1])
        app.processEvents()
        watch.painted = False
        start = time.perf_counter()
        QTest.keyClick(box, text[-1])
        deadline = start + 1.0
        while not watch.painted and time.perf_counter() < deadline:
            app.processEvents()
        if not watch.painted:
            missed += 1  # nothing on screen changed within a second
            continue
        samples.append(time.perf_counter() - start)
    print(f"keystroke->paint {percentiles(samples)}  ({missed} keystrokes painted nothing)")
    window.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", type=int, default=10_000, help="0: bundled pack only")
    parser.add_argument("--queries", type=int, default=2_000)
    parser.add_argument("--keystrokes", type=int, default=500)
    parser.add_argument("--quick", action="store_true", help="1,000 synthetic sections")
    parser.add_argument("--no-paint", action="store_true")
    parser.add_argument(
        "--lang", action="append", metavar="CODE",
        help="only the bundled pack in this language (repeat for more; default: all)",
    )
    args = parser.parse_args(argv)
    sections = 1_000 if args.quick else args.sections

    python = sys.version.split()[0]
    print(f"Python {python}, SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs")
    root = bundled_pack_path().parent
    languages = args.lang or sorted(p.name for p in root.iterdir() if (p / "pack.toml").is_file())
    for language in languages:
        bundled = load_pack(bundled_pack_path(language))
        index = bench_pack(f"bundled pack ({language})", bundled, args.queries)
        if not args.no_paint:
            bench_paint(index, bundled, args.keystrokes)

    if not sections:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        write_synthetic_pack(Path(tmp), sections)
        written = time.perf_counter() - start
        start = time.perf_counter()
        synthetic = load_pack(tmp)
        loaded = time.perf_counter() - start
        print(f"\n(synthetic pack written in {written:.1f} s, load_pack {loaded:.1f} s)")
        bench_pack(f"synthetic {sections:,}-section pack", synthetic, args.queries)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
