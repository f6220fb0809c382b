"""The search engine on the bundled pack and on small packs written for one test."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from spasmguide.core.content import Pack, load_pack
from spasmguide.core.search import Hit, SearchIndex, hit_to_json, language_for, stem
from spasmguide.core.search import cache as search_cache
from spasmguide.core.search import index as search_index

ROOT = Path(__file__).resolve().parents[2]



def section_id(pack: Pack, *title_words: str) -> str:
    """The id of the one section whose title holds all ``title_words``."""
    found = [
        s.id
        for _, s in pack.sections()
        if all(w.lower() in s.title.lower() for w in title_words)
    ]
    assert len(found) == 1, (title_words, found)
    return found[0]


def top_ids(index: SearchIndex, text: str, n: int = 3) -> list[str]:
    return [h.section_id for h in index.query(text)[:n]]


def write_pack(root: Path, sections: dict[str, str], synonyms: str = "") -> Path:
    """A one-tab pack: ``{title: body}``."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "pack.toml").write_text(
        'id = "t"\nlanguage = "en"\ntitle = "Test"\nversion = "1"\n'
        'help_section = "s0"\ndisclaimer = "Not advice."\n\n'
        '[[tabs]]\nid = "tab"\ntitle = "Tab"\nfile = "tab.md"\n\n'
        '[[sources]]\ntitle = "Somewhere"\nused_for = "Testing"\n',
        encoding="utf-8",
    )
    body = ["# Tab", ""]
    for i, (title, text) in enumerate(sections.items()):
        body += [f"## {title} {{#s{i}}}", "", text, ""]
    (root / "tab.md").write_text("\n".join(body), encoding="utf-8")
    if synonyms:
        (root / "synonyms.toml").write_text(synonyms, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("query", "title_words"),
    [
        ("potassium", ("salt", "mineral")),
        ("blood flow", ("poor blood flow",)),
        ("stretching", ("stretching", "massage")),
        ("chamomile", ("chamomile",)),
        ("when to get help", ("when to get help",)),
        ("cardiac", ("cardiac muscle",)),
        ("sarcoidosis", ("illnesses",)),
        ("nicotine", ("alcohol", "smoking")),
        ("vinegar", ("vinegar",)),
        ("diuretics", ("medicines",)),
    ],
)
def test_each_topic_is_found_by_its_obvious_words(
    pack: Pack, index: SearchIndex, query: str, title_words: tuple[str, ...]
) -> None:
    assert section_id(pack, *title_words) in top_ids(index, query)


@pytest.mark.parametrize(
    ("query", "expected_term", "title_words"),
    [
        ("charley horse", "cramp", None),
        ("hot water bottle", "warm compress", None),
        ("ice pack", "ice", ("rest your leg", "compress")),
        ("water tablets", "diuretics", ("medicines",)),
        ("heart", "cardiac", ("cardiac muscle",)),
    ],
)
def test_everyday_words_find_the_guide_words_through_synonyms(
    pack: Pack,
    index: SearchIndex,
    query: str,
    expected_term: str,
    title_words: tuple[str, ...] | None,
) -> None:
    hits = index.query(query)
    assert hits, query
    assert any(expected_term in [t.lower() for t in h.terms] for h in hits[:3])
    if title_words:
        assert section_id(pack, *title_words) in [h.section_id for h in hits[:5]]


def test_synonym_hits_come_only_from_the_synonym(pack: Pack) -> None:
    # Without synonyms.toml, "charley horse" finds nothing: the words are not in the text.
    bare = SearchIndex.build(
        Pack(**{**pack.__dict__, "synonyms": None})  # same pack, no synonyms
    )
    assert bare.query("charley horse") == []
    assert bare.query("water tablets")  # the phrase itself is in the text


@pytest.mark.parametrize(
    ("typo", "word", "title_words"),
    [
        ("potasium", "potassium", ("salt", "mineral")),
        ("circulaton", "circulation", ("poor blood flow",)),
        ("sarcoidsis", "sarcoidosis", ("illnesses",)),
        ("chamomlie", "chamomile", ("chamomile",)),
    ],
)
def test_typos_are_corrected_and_say_so(
    pack: Pack, index: SearchIndex, typo: str, word: str, title_words: tuple[str, ...]
) -> None:
    hits = index.query(typo)
    assert hits
    assert hits[0].corrected_from == typo
    assert hits[0].corrected_to == word
    assert section_id(pack, *title_words) in [h.section_id for h in hits[:3]]
    assert index.query(typo, correct=False) == []


def test_correction_keeps_the_other_words(index: SearchIndex) -> None:
    hits = index.query("low potasium")
    assert hits and hits[0].corrected_from == "low potasium"
    assert hits[0].corrected_to == "low potassium"


def test_short_words_are_not_corrected(index: SearchIndex) -> None:
    assert all(h.corrected_to is None for h in index.query("lge"))


@pytest.mark.parametrize(
    ("prefix", "title_words"),
    [
        ("potas", ("salt", "mineral")),
        ("stretc", ("stretching", "massage")),
        ("strech", ("stretching", "massage")),
        ("chamo", ("chamomile",)),
        ("sarco", ("illnesses",)),
    ],
)
def test_half_typed_words_match_as_prefixes(
    pack: Pack, index: SearchIndex, prefix: str, title_words: tuple[str, ...]
) -> None:
    assert section_id(pack, *title_words) in top_ids(index, prefix)


def test_every_prefix_while_typing_keeps_finding_the_section(
    pack: Pack, index: SearchIndex
) -> None:
    target = section_id(pack, "salt", "mineral")
    for n in range(3, len("potassium") + 1):
        assert target in top_ids(index, "potassium"[:n], 5), "potassium"[:n]


def test_a_finished_word_is_not_a_prefix(tmp_path: Path) -> None:
    index = SearchIndex.build(
        load_pack(write_pack(tmp_path, {"One": "A leg cramp.", "Two": "Legal advice only."}))
    )
    assert {h.section_id for h in index.query("leg")} == {"s0", "s1"}
    assert [h.section_id for h in index.query("leg ")] == ["s0"]


def test_title_match_ranks_above_passing_mentions(tmp_path: Path) -> None:
    pack = load_pack(
        write_pack(
            tmp_path,
            {
                "Other things": "Potassium here. Potassium there. Potassium is in bananas.",
                "Potassium": "A mineral your muscles need.",
                "More": "Nothing about it at all.",
            },
        )
    )
    hits = SearchIndex.build(pack).query("potassium")
    assert [h.section_id for h in hits] == ["s1", "s0"]
    assert hits[0].score > hits[1].score


def test_whole_title_match_comes_first(pack: Pack, index: SearchIndex) -> None:
    assert top_ids(index, "When to get help", 1) == [section_id(pack, "when to get help")]


def test_pages_with_every_word_come_first_then_pages_with_some(tmp_path: Path) -> None:
    pack = load_pack(
        write_pack(tmp_path, {"A": "calf cramp", "B": "calf only", "C": "cramp only"})
    )
    index = SearchIndex.build(pack)
    ids = [h.section_id for h in index.query("calf cramp")]
    assert ids[0] == "s0" and sorted(ids) == ["s0", "s1", "s2"]
    assert {h.section_id for h in index.query("calf zebra")} == {"s0", "s1"}


def test_stems_match_other_forms(tmp_path: Path) -> None:
    index = SearchIndex.build(
        load_pack(write_pack(tmp_path, {"A": "Cramping at rest.", "B": "Nothing here."}))
    )
    assert [h.section_id for h in index.query("cramps ")] == ["s0"]
    assert stem("cramps") == stem("cramping") == stem("cramped") == "cramp"
    assert stem("stretches") == "stretch"


def test_accents_are_folded(tmp_path: Path) -> None:
    index = SearchIndex.build(
        load_pack(write_pack(tmp_path, {"A": "Use a crème on the skin.", "B": "Nothing."}))
    )
    assert [h.section_id for h in index.query("CREME ")] == ["s0"]
    assert [h.section_id for h in index.query("crème")] == ["s0"]


def test_hits_carry_what_the_interface_needs(pack: Pack, index: SearchIndex) -> None:
    hit = index.query("potassium")[0]
    tab, section = pack.locate(hit.section_id) or (None, None)
    assert tab is not None and section is not None
    assert (hit.tab_id, hit.tab_title, hit.section_title) == (tab.id, tab.title, section.title)
    assert "potassium" in [t.lower() for t in hit.terms]
    assert "potassium" in hit.snippet.lower()
    assert "\n" not in hit.snippet
    assert len(hit.snippet.split()) <= 35
    assert "Hit(" in repr(hit)


def test_snippet_starts_near_the_match(tmp_path: Path) -> None:
    text = " ".join(f"word{i}" for i in range(200)) + " magnesium " + "tail " * 50
    index = SearchIndex.build(load_pack(write_pack(tmp_path, {"A": text})))
    snippet = index.query("magnesium")[0].snippet
    assert snippet.startswith("\u2026 ")
    assert "magnesium" in snippet
    assert snippet.endswith(" \u2026")


def test_timer_routines_and_about_are_searchable(pack: Pack, index: SearchIndex) -> None:
    credit = pack.sources[0].author or pack.sources[0].publisher
    about = index.query(credit)
    assert about and about[0].tab_id == "about" and about[0].section_id == "about"
    if pack.routines:
        routine = pack.routines[0]
        hits = index.query(routine.title)
        assert (hits[0].tab_id, hits[0].section_id) == ("timer", routine.id)
        assert hits[0].tab_title == "Timer"


def test_pack_without_routines_or_synonyms(tmp_path: Path) -> None:
    pack = load_pack(write_pack(tmp_path, {"Only": "Some text about legs."}))
    assert pack.routines == ()
    index = SearchIndex.build(pack)
    assert [h.section_id for h in index.query("legs")] == ["s0"]
    assert index.examples  # falls back to section titles


def test_suggest_offers_a_better_spelling(index: SearchIndex) -> None:
    assert index.suggest("potasum") == "potassium"
    assert index.suggest("cramp") is None
    assert index.suggest("") is None
    assert index.suggest("qqqqqqqqqq") is None


def test_examples_all_find_something(index: SearchIndex) -> None:
    assert 3 <= len(index.examples) <= 5
    assert all(index.query(e) for e in index.examples)


@pytest.mark.parametrize(
    "text",
    ['"', "'", "", " ", "AND", "OR NOT", "NEAR(", "NEAR(a b", "-", ":", "*", "^cramp",
     "cramp*", '"cramp', "title:cramp", "{title}: leg", "(cramp OR", ")", "a" * 10_000,
     "\x00cramp", "cramp\n\t", "😀", "תכווצת"],
)
def test_hostile_input_returns_a_list_without_errors(
    index: SearchIndex, text: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="spasmguide.core.search"):
        hits = index.query(text)
    assert isinstance(hits, list)
    assert all(isinstance(h, Hit) for h in hits)
    assert not caplog.records


def test_internal_failure_is_logged_and_returns_nothing(
    index: SearchIndex, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object, **_kwargs: object) -> list[tuple[int, float]]:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(index, "_run", broken)
    with caplog.at_level(logging.ERROR, logger="spasmguide.core.search"):
        assert index.query("my private worry") == []
        # A misspelling, so that "Did you mean" gets as far as searching its correction.
        assert index.suggest("my private worry potasium") is None
    assert "search failed: RuntimeError in broken" in caplog.text
    assert "suggestion failed" in caplog.text
    # What people search for is private: the words never reach the log.
    assert "private worry" not in caplog.text
    assert "potasium" not in caplog.text


def test_limit_is_respected(index: SearchIndex) -> None:
    assert len(index.query("muscle", limit=2)) == 2
    assert index.query("muscle", limit=0) == []


def test_match_expression_quotes_every_word(index: SearchIndex) -> None:
    expression = index.match_expression('cramp" OR title:NEAR(')
    assert expression is not None
    for word in ("NEAR", "title:", "OR \"near"):
        assert word not in expression


def test_hit_to_json(index: SearchIndex) -> None:
    data = hit_to_json(index.query("potasium")[0])
    assert {"tab", "tab_id", "section", "title", "snippet", "score", "corrected_from"} <= set(
        data
    )
    assert data["corrected_from"] == "potasium"
    json.dumps(data)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "spasmguide", "search", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_cli_search_json_reports_the_correction(pack: Pack) -> None:
    result = _cli("potasium", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data[0]["section"] == section_id(pack, "salt", "mineral")
    assert data[0]["corrected_from"] == "potasium"
    assert data[0]["tab"] == "Causes"


@pytest.mark.parametrize("text", ['"', "NEAR(", "", "AND OR NOT", "*:^"])
def test_cli_search_hostile_input_exits_zero_with_a_list(text: str) -> None:
    result = _cli(text, "--json", "--limit", "3")
    assert result.returncode == 0, result.stderr
    assert isinstance(json.loads(result.stdout), list)


@pytest.mark.parametrize("query", ["cramp", "spasm", "twitch", "leg cramp"])
def test_guide_sections_come_before_timer_routines(index: SearchIndex, query: str) -> None:
    # A routine whose title matches still comes first (whole-title tier); on body words
    # alone, the explanation comes before the short routine text.
    hits = index.query(query)
    assert hits and hits[0].tab_id not in ("timer", "about"), hits[:3]


@pytest.mark.parametrize(
    ("word", "not_this"),
    [("diabetic", "diuretics"), ("sprain", "strained"), ("clot", "cloth")],
)
def test_a_real_word_is_never_turned_into_a_different_word(
    index: SearchIndex, word: str, not_this: str
) -> None:
    assert not_this in index.vocabulary  # the near word is there to be wrongly found
    hits = index.query(word)
    assert all(h.corrected_to is None for h in hits)
    assert all(not_this not in [t.lower() for t in h.terms] for h in hits)
    assert index.suggest(word) is None


def test_a_half_typed_word_still_finds_the_words_it_starts(index: SearchIndex) -> None:
    assert "potassium" in [t.lower() for t in index.query("potas")[0].terms]
    # "clo" is not a word: it may still become "cloth" while typing.
    assert any("cloth" in h.terms for h in index.query("clo"))


def test_question_words_are_left_out_of_the_search(index: SearchIndex) -> None:
    expression = index.match_expression("why do my legs cramp when i walk")
    assert expression is not None
    for word in ('"why"', '"do"', '"my"', '"when"', '"i"'):
        assert word not in expression
    assert '"cramp"' in expression and '"walk"' in expression


def test_a_page_with_the_rare_words_beats_one_with_all_the_common_ones(
    tmp_path: Path,
) -> None:
    index = SearchIndex.build(
        load_pack(
            write_pack(
                tmp_path,
                {
                    "Night": "Your leg hurts at night. The leg can hurt a lot.",
                    "Day": "Your leg hurts in the day.",
                    "Walking": "Your leg hurts at night after walking.",
                    "Swelling": "A swollen calf needs a doctor today.",
                },
            )
        )
    )
    hits = index.query("my leg hurts at night and my calf is swollen")
    assert hits[0].section_id == "s3"
    assert {h.section_id for h in hits} == {"s0", "s1", "s2", "s3"}


def test_weak_hits_when_the_main_words_are_not_in_the_pack(index: SearchIndex) -> None:
    assert all(h.weak for h in index.query("tooth pain"))
    assert not any(h.weak for h in index.query("leg pain"))
    assert hit_to_json(index.query("tooth pain")[0])["weak"] is True


def test_help_hit_is_the_packs_when_to_get_help(pack: Pack, index: SearchIndex) -> None:
    hit = index.help_hit()
    assert hit is not None
    assert hit.section_id == pack.help_section
    tab, section = pack.locate(hit.section_id) or (None, None)
    assert tab is not None and section is not None
    assert (hit.tab_id, hit.section_title) == (tab.id, section.title)


def test_each_pack_language_gets_its_own_stemmer() -> None:
    assert language_for("en").stem("cramps") == "cramp"
    spanish = language_for("es-MX")
    assert spanish.stem("calambres") == spanish.stem("calambre")
    assert {"que", "como", "tengo", "duele"} <= spanish.stopwords  # folded: "qué" -> "que"
    assert "calambre" not in spanish.stopwords
    assert spanish.label("about title", title="Guía") == "Acerca de Guía"
    unknown = language_for("xx")
    assert unknown.stem("cramps") == "cramps"
    assert not unknown.is_word("cramp")
    assert unknown.stopwords == frozenset()  # nobody described it: every word is searched
    assert unknown.label("timer") == "Timer"


def test_a_large_packs_index_is_kept_and_used_while_the_pack_is_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_cache, "MIN_DOCUMENTS", 1)
    root = write_pack(tmp_path / "pack", {"Cramp": "A calf cramp.", "Salt": "Potassium."})
    cache_dir = tmp_path / "cache"
    built = SearchIndex.build(load_pack(root), cache_dir=cache_dir)
    assert len(list(cache_dir.iterdir())) == 1

    def no_build(*_args: object) -> None:
        raise AssertionError("built again although the cache is current")

    with monkeypatch.context() as patch:
        patch.setattr(search_index, "_fill", no_build)
        cached = SearchIndex.build(load_pack(root), cache_dir=cache_dir)
    assert cached.vocabulary == built.vocabulary
    assert [h.section_id for h in cached.query("potasium")] == ["s1"]

    # A changed pack is indexed afresh; so is a damaged cache file, without a word.
    (root / "tab.md").write_text("# Tab\n\n## Other {#s0}\n\nMagnesium.\n", encoding="utf-8")
    assert [h.section_id for h in SearchIndex.build(load_pack(root), cache_dir=cache_dir)
            .query("magnesium")] == ["s0"]
    for file in cache_dir.iterdir():
        file.write_bytes(file.read_bytes()[:100])
    assert [h.section_id for h in SearchIndex.build(load_pack(root), cache_dir=cache_dir)
            .query("magnesium")] == ["s0"]


def test_in_a_pack_too_big_to_score_every_page_the_best_page_still_comes_first(
    tmp_path: Path,
) -> None:
    # More pages match than are scored in full: SQLite's ranking must pick the right ones.
    sections = {f"Page {i}": "A leg cramp. Leg cramps at night." for i in range(80)}
    sections["Illnesses"] = "A leg cramp can come with sarcoidosis."
    index = SearchIndex.build(load_pack(write_pack(tmp_path, sections)))
    assert index.query("leg cramp sarcoidosis", limit=3)[0].section_id == "s80"


def test_a_hit_inside_a_care_card_carries_the_cards_level(index: SearchIndex) -> None:
    tetanus = next(h for h in index.query("tetanus") if h.section_id == "when-to-get-help")
    assert tetanus.care_level == "urgent"
    chest = next(h for h in index.query("chest pain breathless")
                 if h.section_id == "when-to-get-help")
    assert chest.care_level == "emergency"
    back = next(h for h in index.query("keep coming back")
                if h.section_id == "when-to-get-help")
    assert back.care_level == "non-urgent"
    # The same section, matched in its plain text before the cards: no level.
    intro = next(h for h in index.query("most leg cramps are not serious")
                 if h.section_id == "when-to-get-help")
    assert intro.care_level is None
    # A section without care cards never has one.
    assert all(h.care_level is None for h in index.query("stretch calf")
               if h.section_id != "when-to-get-help")


def test_care_card_spans_find_each_card_in_the_plain_text(pack) -> None:
    from spasmguide.core.care_cards import care_card_spans, care_level_at

    located = pack.locate("when-to-get-help")
    assert located is not None
    section = located[1]
    flat = " ".join(section.text.split())
    spans = care_card_spans(section.markdown, flat)
    assert [level for _start, _end, level in spans] == ["emergency", "urgent", "non-urgent"]
    for start, end, _level in spans:
        assert 0 <= start < end <= len(flat)
    assert flat[spans[1][0]:].startswith("Get help today if:")
    assert care_level_at(spans, spans[0][0]) == "emergency"
    assert care_level_at(spans, 0) is None
    assert care_card_spans("No cards here.", "No cards here.") == ()
