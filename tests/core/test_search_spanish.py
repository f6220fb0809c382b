"""Search in the bundled Spanish pack, and a language that comes from files alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from spasmguide.core.content import Pack, bundled_pack_path, load_pack
from spasmguide.core.search import SearchIndex, analysis, language_for
from spasmguide.core.search.analysis import read_language_file


@pytest.fixture(scope="module")
def spanish() -> Pack:
    return load_pack(bundled_pack_path("es"))


@pytest.fixture(scope="module")
def index_es(spanish: Pack) -> SearchIndex:
    return SearchIndex.build(spanish)


def top(index: SearchIndex, text: str, n: int = 3) -> list[str]:
    return [h.section_id for h in index.query(text)[:n]]


def test_the_spanish_pack_is_searched_with_spanish_words(index_es: SearchIndex) -> None:
    assert index_es.language.code == "es"
    assert top(index_es, "calambres nocturnos", 1) == ["night-cramps"]


@pytest.mark.parametrize(
    "query",
    ["calambre nocturno", "calambres nocturnos", "CALAMBRES NOCTURNOS", "calambres de noche"],
)
def test_singular_plural_and_capitals_find_the_same_page(
    index_es: SearchIndex, query: str
) -> None:
    assert top(index_es, query, 1) == ["night-cramps"]


@pytest.mark.parametrize(
    ("with_accents", "without"),
    [
        ("músculo liso", "musculo liso"),
        ("diálisis", "dialisis"),
        ("té de manzanilla", "te de manzanilla"),
    ],
)
def test_accents_are_folded_in_the_question_and_the_pack(
    index_es: SearchIndex, with_accents: str, without: str
) -> None:
    found = top(index_es, with_accents)
    assert found
    assert found == top(index_es, without)
    hit = index_es.query(without)[0]
    assert hit.terms  # the words to highlight are found in the accented text


def test_question_words_and_filler_are_left_out(index_es: SearchIndex) -> None:
    # "cómo", "es", "que", "me duele", "la" carry no topic: the question is about the calf.
    assert top(index_es, "¿cómo es que me duele la pantorrilla?", 1) == top(
        index_es, "pantorrilla", 1
    )
    # Alone, filler is still searched rather than giving nothing.
    assert index_es.query("qué")


def test_a_misspelling_is_corrected_to_a_word_of_the_spanish_pack(
    index_es: SearchIndex,
) -> None:
    hits = index_es.query("embarasada")
    assert hits and hits[0].section_id == "pregnancy"
    assert (hits[0].corrected_from, hits[0].corrected_to) == ("embarasada", "embarazada")
    assert index_es.suggest("manzanila") == "manzanilla"


CRAMP_PAGES = {"what-is-a-leg-spasm", "what-to-do-right-now", "cramp-or-something-else"}


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("se me sube la bola", CRAMP_PAGES),
        ("guatero", {"warm-compress", "rest-and-compress"}),
        ("bolsa de hielo", {"cold-compress", "rest-and-compress"}),
        ("se me acalambró", CRAMP_PAGES | {"stretch-and-massage"}),
    ],
)
def test_everyday_spanish_words_reach_the_pages_through_synonyms(
    index_es: SearchIndex, query: str, wanted: set[str]
) -> None:
    assert wanted & set(top(index_es, query)), top(index_es, query)


@pytest.mark.parametrize("regional", ["chamorro", "gemelos"])
def test_regional_words_for_the_calf_find_the_calf(index_es: SearchIndex, regional: str) -> None:
    hits = index_es.query(regional)
    assert hits and regional not in " ".join(hits[0].terms).lower()  # the pack never says it
    assert "calf-stretch" in [h.section_id for h in index_es.query(regional, limit=5)]
    assert index_es.query(f"calambre en el {regional}")[0].section_id == "what-is-a-leg-spasm"


def test_timer_and_about_pages_are_named_in_spanish(index_es: SearchIndex, spanish: Pack) -> None:
    routine = next(h for h in index_es.query("compresa fría", limit=20) if h.tab_id == "timer")
    assert routine.tab_title == "Temporizador"
    about = next(h for h in index_es.query("fuentes NHS", limit=40) if h.tab_id == "about")
    assert (about.tab_title, about.section_title) == ("Acerca de", f"Acerca de {spanish.title}")


def test_the_english_pack_keeps_english_words(index: SearchIndex) -> None:
    assert index.language.code == "en"
    assert "why" in index.language.stopwords and "que" not in index.language.stopwords


# ----------------------------------------------------------------- a language from files


@pytest.fixture
def words_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "words"
    folder.mkdir()
    monkeypatch.setattr(analysis, "WORDS_DIR", folder)
    language_for.cache_clear()
    yield folder
    language_for.cache_clear()


def write_french_pack(root: Path) -> Path:
    root.mkdir()
    (root / "pack.toml").write_text(
        'id = "fr"\nlanguage = "fr"\ntitle = "Guide"\nversion = "1"\n'
        'help_section = "aide"\ndisclaimer = "Pas un avis médical."\n\n'
        '[[tabs]]\nid = "tab"\ntitle = "Sujets"\nfile = "tab.md"\n\n'
        '[[sources]]\ntitle = "Ailleurs"\nused_for = "Essais"\n',
        encoding="utf-8",
    )
    (root / "tab.md").write_text(
        "# Sujets\n\n## Crampe la nuit {#nuit}\n\nUne crampe pendant le sommeil.\n\n"
        "## Quand demander de l'aide {#aide}\n\nPourquoi appeler et quand.\n",
        encoding="utf-8",
    )
    return root


def test_a_new_language_needs_only_its_file(words_dir: Path, tmp_path: Path) -> None:
    (words_dir / "fr.language.txt").write_text(
        "# French\ntimer: Minuteur\nabout: À propos\nabout title: À propos de {title}\n"
        "stopwords:\n  pourquoi quand\n  j ai des\n",
        encoding="utf-8",
    )
    pack = load_pack(write_french_pack(tmp_path / "pack"))
    index = SearchIndex.build(pack)
    assert index.language.stopwords == {"pourquoi", "quand", "j", "ai", "des"}
    # "pourquoi" and "quand" are left out: the question is about cramps at night.
    assert top(index, "pourquoi j'ai des crampes quand", 1) == ["nuit"]
    assert top(index, "crampes", 1) == ["nuit"]  # the French stemmer joins the plural
    about = next(h for h in index.query("guide", limit=5) if h.tab_id == "about")
    assert (about.tab_title, about.section_title) == ("À propos", "À propos de Guide")


def test_a_language_without_a_file_searches_every_word(words_dir: Path, tmp_path: Path) -> None:
    index = SearchIndex.build(load_pack(write_french_pack(tmp_path / "pack")))
    assert index.language.stopwords == frozenset()
    assert "aide" in top(index, "quand")  # "quand" is searched like any word


def test_the_language_file_format() -> None:
    text = (
        "# comment\ntimer: Reloj  # after a value too\nstopwords:\n  a b\n  c\n"
        "not a key line\n  ignored\nabout:\n"
    )
    assert read_language_file(text) == {"timer": "Reloj", "stopwords": "a b c", "about": ""}


def test_an_unreadable_language_file_leaves_search_working(
    words_dir: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (words_dir / "fr.language.txt").write_bytes(b"stopwords: \xff\xfe")
    index = SearchIndex.build(load_pack(write_french_pack(tmp_path / "pack")))
    assert index.language.stopwords == frozenset()
    assert top(index, "crampe", 1) == ["nuit"]
    assert "fr.language.txt" in caplog.text
