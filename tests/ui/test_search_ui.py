"""The search box and results page as a person uses them, with the keyboard and by touch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from spasmguide.core.content import Pack
from spasmguide.core.search import Hit, SearchIndex
from spasmguide.ui.search import HIT_ROLE, SearchBox, SearchController, SearchResults


class Parts:
    def __init__(self, index: SearchIndex, evidence: dict | None = None) -> None:
        self.window = QWidget()
        self.box = SearchBox(index.examples)
        self.results = SearchResults(index, evidence=evidence)
        layout = QVBoxLayout(self.window)
        layout.addWidget(self.box)
        layout.addWidget(self.results)
        self.controller = SearchController(index, self.box, self.results, self.window)

    def show(self, qtbot) -> Parts:
        qtbot.addWidget(self.window)
        self.window.resize(900, 700)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.box.setFocus()
        return self


@pytest.fixture
def parts(qtbot, index: SearchIndex) -> Parts:
    return Parts(index).show(qtbot)


def section_id(pack: Pack, *title_words: str) -> str:
    found = [
        s.id for _, s in pack.sections() if all(w in s.title.lower() for w in title_words)
    ]
    assert len(found) == 1
    return found[0]


def test_box_is_labelled_for_everyone(parts: Parts) -> None:
    assert parts.box.accessibleName() == "Search"
    assert parts.box.placeholderText().startswith("Search")
    assert parts.box.isClearButtonEnabled()
    assert parts.results.list.accessibleName()
    assert parts.results.status.accessibleName()


def test_typing_fills_the_list_on_every_keystroke(qtbot, parts: Parts, pack: Pack) -> None:
    counts = []
    for char in "potas":
        qtbot.keyClick(parts.box, char)
        counts.append(parts.results.model.rowCount())
    assert counts[-1] >= 1
    assert parts.results.hits()[0].section_id == section_id(pack, "salt", "mineral")
    assert parts.results.status.text().startswith(f"{counts[-1]} result")
    assert "potas" in parts.results.status.text()
    assert parts.results.pages.currentWidget() is parts.results.list


def test_rows_are_tall_enough_to_touch(qtbot, parts: Parts) -> None:
    qtbot.keyClicks(parts.box, "cramp")
    view = parts.results.list
    assert view.visualRect(view.model().index(0, 0)).height() >= 48


def test_down_then_enter_opens_the_selected_hit(qtbot, parts: Parts) -> None:
    qtbot.keyClicks(parts.box, "cramp")
    hits = parts.results.hits()
    assert len(hits) >= 3
    qtbot.keyClick(parts.box, Qt.Key.Key_Down)
    qtbot.keyClick(parts.box, Qt.Key.Key_Down)
    qtbot.keyClick(parts.box, Qt.Key.Key_Up)
    with qtbot.waitSignal(parts.controller.hit_activated, timeout=1000) as signal:
        qtbot.keyClick(parts.box, Qt.Key.Key_Return)
    assert signal.args[0] == hits[1]


def test_enter_opens_the_top_hit(qtbot, parts: Parts, pack: Pack) -> None:
    qtbot.keyClicks(parts.box, "sarcoidosis")
    with qtbot.waitSignal(parts.controller.hit_activated, timeout=1000) as signal:
        qtbot.keyClick(parts.box, Qt.Key.Key_Enter)
    hit = signal.args[0]
    assert isinstance(hit, Hit)
    assert hit.section_id == section_id(pack, "illnesses")
    assert "sarcoidosis" in [t.lower() for t in hit.terms]


def test_clicking_a_hit_opens_it(qtbot, parts: Parts) -> None:
    qtbot.keyClicks(parts.box, "chamomile")
    view = parts.results.list
    rect = view.visualRect(view.model().index(0, 0))
    with qtbot.waitSignal(parts.results.hit_activated, timeout=1000) as signal:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args[0] == parts.results.hits()[0]


def test_escape_clears_without_leaving_the_search_in_undo(qtbot, parts: Parts) -> None:
    qtbot.keyClicks(parts.box, "private words")
    qtbot.keyClick(parts.box, Qt.Key.Key_Escape)
    assert parts.box.text() == ""
    assert not parts.box.isUndoAvailable()
    qtbot.keyClick(parts.box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert parts.box.text() == ""


def test_clear_button_does_not_leave_the_search_in_undo(qtbot, parts: Parts) -> None:
    qtbot.keyClicks(parts.box, "private")
    parts.box.clear()  # what the clear button does
    assert parts.box.text() == ""
    assert not parts.box.isUndoAvailable()


def test_escape_in_an_empty_box_returns_to_the_page(qtbot, parts: Parts) -> None:
    with qtbot.waitSignal(parts.controller.focus_page_requested, timeout=1000):
        qtbot.keyClick(parts.box, Qt.Key.Key_Escape)


def test_no_results_shows_suggestion_and_examples(qtbot, parts: Parts) -> None:
    qtbot.keyClicks(parts.box, "zqxwv")
    results = parts.results
    assert results.status.text() == "No results for \u201czqxwv\u201d"
    assert results.pages.currentIndex() == 1
    shown = [b for b in results.example_buttons if b.isVisibleTo(results)]
    assert len(shown) >= 3
    with qtbot.waitSignal(results.search_requested, timeout=1000) as signal:
        shown[0].click()
    assert parts.box.text() == signal.args[0]
    assert results.model.rowCount() >= 1


def test_no_results_says_so_and_offers_when_to_get_help(
    qtbot, parts: Parts, pack: Pack
) -> None:
    results = parts.results
    qtbot.keyClicks(parts.box, "zqxwv")
    assert results.help_label.isVisibleTo(results)
    assert "nothing on that" in results.help_label.text()
    assert results.help_button.isVisibleTo(results)
    with qtbot.waitSignal(parts.controller.hit_activated, timeout=1000) as signal:
        results.help_button.click()
    assert signal.args[0].section_id == pack.help_section


def test_a_question_the_guide_does_not_cover_says_so_but_shows_what_matches(
    qtbot, parts: Parts
) -> None:
    # The guide has nothing about teeth: pages about pain are not an answer to that.
    results = parts.results
    qtbot.keyClicks(parts.box, "tooth pain")
    assert results.status.text() == "No good match for \u201ctooth pain\u201d"
    assert results.model.rowCount() >= 1
    assert results.pages.currentWidget() is results.list
    assert results.help_label.isVisibleTo(results)
    assert results.help_button.isVisibleTo(results)


def test_a_good_answer_does_not_offer_help_instead(qtbot, parts: Parts) -> None:
    qtbot.keyClicks(parts.box, "potassium")
    assert not parts.results.help_label.isVisibleTo(parts.results)
    assert not parts.results.help_button.isVisibleTo(parts.results)


def test_empty_box_is_never_a_blank_page(parts: Parts) -> None:
    assert parts.results.status.text()
    assert parts.results.pages.currentIndex() == 1
    assert any(b.isVisibleTo(parts.results) for b in parts.results.example_buttons)


def test_typo_says_what_was_searched_and_offers_the_original(qtbot, parts: Parts) -> None:
    qtbot.keyClicks(parts.box, "potasium")
    results = parts.results
    assert results.status.text() == "Showing results for \u201cpotassium\u201d"
    assert results.instead_button.isVisibleTo(results)
    assert "potasium" in results.instead_button.text()
    # The correction is already shown: asking "Did you mean potassium?" too would be noise.
    assert not results.suggestion_button.isVisibleTo(results)
    results.instead_button.click()
    assert parts.box.text() == "potasium"
    assert results.status.text() == "No results for \u201cpotasium\u201d"
    assert results.suggestion_button.isVisibleTo(results)
    results.suggestion_button.click()
    assert parts.box.text() == "potassium"
    assert results.model.rowCount() >= 1


def test_model_gives_screen_readers_the_whole_hit(qtbot, parts: Parts) -> None:
    qtbot.keyClicks(parts.box, "potassium")
    index = parts.results.model.index(0, 0)
    hit = index.data(HIT_ROLE)
    spoken = index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert hit.section_title in spoken and hit.tab_title in spoken


def test_result_count_is_announced_when_it_changes(qtbot, parts: Parts) -> None:
    qtbot.keyClicks(parts.box, "potassium")
    description = parts.results.status.accessibleDescription()
    assert description.startswith("1 result") or "result" in description
    qtbot.keyClicks(parts.box, "zzz")
    assert parts.results.status.accessibleDescription().startswith("No results")


class _PaintCount(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_highlighted_rows_paint(qtbot, parts: Parts) -> None:
    watch = _PaintCount()
    parts.results.list.viewport().installEventFilter(watch)
    qtbot.keyClicks(parts.box, "cramp at night")
    qtbot.waitUntil(lambda: watch.count > 0, timeout=2000)
    view = parts.results.list
    assert view.model().rowCount() >= 2
    image = view.viewport().grab().toImage()
    rect = view.visualRect(view.model().index(1, 0))  # row 0 is selected, row 1 is not
    ratio = image.devicePixelRatio()
    marked = {
        (image.pixelColor(int(x * ratio), int(y * ratio)).red(),
         image.pixelColor(int(x * ratio), int(y * ratio)).green(),
         image.pixelColor(int(x * ratio), int(y * ratio)).blue())
        for x in range(rect.left(), rect.right(), 2)
        for y in range(rect.top(), rect.bottom(), 2)
    }
    assert (255, 236, 140) in marked  # the matched words' highlight


def test_focus_shortcuts_select_the_text(qtbot, parts: Parts) -> None:
    parts.controller.add_focus_shortcuts(parts.window)
    parts.box.setText("cramp")
    parts.results.list.setFocus()
    qtbot.keyClick(parts.results.list, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert parts.box.hasFocus()
    assert parts.box.selectedText() == "cramp"


def test_in_the_window_enter_opens_the_tab_at_the_section(qtbot, tmp_path) -> None:
    from spasmguide.app import build
    from spasmguide.cli import LaunchOptions

    components = build(LaunchOptions(settings=tmp_path / "settings.ini"))
    window = components.window
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    box = components.extras["search_box"]
    results = components.extras["search_results"]
    box.setFocus()
    qtbot.keyClicks(box, "sarcoidsis")
    assert window.stack.currentWidget() is results
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.tabs
    assert window.current_tab_id() == "causes"
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == "" and not box.isUndoAvailable()


def test_a_treatment_row_shows_its_evidence_badge(qtbot, index: SearchIndex, pack: Pack) -> None:
    from PySide6.QtGui import QColor

    evidence = {s.id: s.evidence for _, s in pack.sections() if s.evidence is not None}
    made = Parts(index, evidence=evidence).show(qtbot)
    qtbot.keyClicks(made.box, "chamomile")
    view = made.results.list
    first = view.model().index(0, 0)
    assert first.data(HIT_ROLE).section_id == "chamomile-tea"
    assert "Evidence: Traditional, not proven." in first.data(Qt.ItemDataRole.AccessibleTextRole)
    row = view.visualRect(first)
    image = view.viewport().grab(row).toImage()
    badge = QColor("#fff7bf").rgb()
    painted = sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixel(x, y) == badge
    )
    assert painted > 50, "no evidence badge painted on the chamomile row"


def test_a_hit_inside_a_care_card_shows_the_cards_colour_and_level(
    qtbot, index: SearchIndex
) -> None:
    from PySide6.QtGui import QColor

    from spasmguide.ui.care_card_view import card_colours, theme_for_palette

    made = Parts(index).show(qtbot)
    qtbot.keyClicks(made.box, "tetanus")
    view = made.results.list
    model = view.model()
    rows = [model.index(row, 0) for row in range(model.rowCount())]
    card_row = next(i for i in rows if i.data(HIT_ROLE).section_id == "when-to-get-help")
    assert card_row.data(HIT_ROLE).care_level == "urgent"
    assert "Urgent care card." in card_row.data(Qt.ItemDataRole.AccessibleTextRole)
    view.selectionModel().clearSelection()
    view.setCurrentIndex(model.index(-1, 0))

    def painted(index_, colour: str) -> int:
        image = view.viewport().grab(view.visualRect(index_)).toImage()
        wanted = QColor(colour).rgb()
        return sum(
            1
            for y in range(0, image.height(), 2)
            for x in range(0, image.width(), 2)
            if image.pixel(x, y) == wanted
        )

    band = card_colours("urgent", theme_for_palette())[0]
    assert painted(card_row, band) > 50, "no care-card badge painted on the row"
    others = [i for i in rows if i.data(HIT_ROLE).care_level is None]
    for other in others:
        assert "care card" not in other.data(Qt.ItemDataRole.AccessibleTextRole)
