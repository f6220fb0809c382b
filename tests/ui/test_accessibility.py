"""Accessibility as a person meets it: contrast, text size, keyboard, names and read aloud."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from spasmguide.app import Components, build
from spasmguide.cli import LaunchOptions
from spasmguide.core.contrast import AA_BODY_TEXT, AAA_BODY_TEXT, NON_TEXT, contrast_ratio
from spasmguide.ui.appearance import (
    DESKTOP_POINT_SIZE,
    KIOSK_POINT_SIZE,
    THEME_COLORS,
    Appearance,
)
from spasmguide.ui.keyboard import focus_chain, is_tab_focusable
from spasmguide.ui.read_aloud import NO_ENGINE, ReadAloud
from tests.ui.started import show_settled

THEME_MINIMUM = {"light": AA_BODY_TEXT, "dark": AA_BODY_TEXT, "high-contrast": AAA_BODY_TEXT}
INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QAbstractItemView,
    QComboBox,
    QTextEdit,
    QPlainTextEdit,
    QAbstractSlider,
    QAbstractSpinBox,
)


@pytest.fixture
def make(qtbot, tmp_path: Path):
    made: list[Components] = []

    def _make(**kwargs) -> Components:
        kwargs.setdefault("settings", tmp_path / "s.ini")
        components = build(LaunchOptions(**kwargs))
        made.append(components)
        qtbot.addWidget(components.window)
        components.window.resize(1280, 720)
        # Parts made just after the first paint (Timer tab, Tab order, speech) are ready
        # once the window has settled, as they are for a person a moment after start.
        show_settled(qtbot, components.window)
        return components

    yield _make
    for components in made:
        kiosk = components.extras.get("kiosk")
        if kiosk is not None:  # let go of the application and let the window close
            kiosk.uninstall()
            kiosk.admin_quit_requested = True


def appearance_of(components: Components) -> Appearance:
    return components.extras["appearance"]


def app_point_size() -> float:
    return QApplication.font().pointSizeF()


def activate(qtbot, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


# -- contrast -------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_body_text_contrast_from_the_actual_palette(make, qtbot, theme: str) -> None:
    components = make()
    appearance_of(components).set_theme(theme)
    minimum = THEME_MINIMUM[theme]
    palette = QApplication.palette()
    role = QPalette.ColorRole
    pairs = {
        "page text": (role.Text, role.Base),
        "window text": (role.WindowText, role.Window),
        "button text": (role.ButtonText, role.Button),
        "selected text": (role.HighlightedText, role.Highlight),
        "links": (role.Link, role.Base),
        "tooltips": (role.ToolTipText, role.ToolTipBase),
    }
    ratios = {
        name: contrast_ratio(palette.color(fg).name(), palette.color(bg).name())
        for name, (fg, bg) in pairs.items()
    }
    assert all(r >= minimum for r in ratios.values()), ratios
    # What a page really paints with, not only what the application holds (widgets
    # take the new palette from a posted event).
    page = components.window.readers["overview"].page

    def page_colors() -> tuple[str, str]:
        return page.palette().color(role.Text).name(), page.palette().color(role.Base).name()

    qtbot.waitUntil(lambda: page_colors() == appearance_of(components).body_colors())
    assert contrast_ratio(*page_colors()) >= minimum


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_focus_ring_and_borders_stand_out(theme: str) -> None:
    colors = THEME_COLORS[theme]
    for background in (colors.window, colors.base, colors.button):
        assert contrast_ratio(colors.focus, background) >= NON_TEXT
        assert contrast_ratio(colors.frame, background) >= NON_TEXT


def test_themes_really_differ(make) -> None:
    appearance = appearance_of(make())
    seen = set()
    for theme in ("light", "dark", "high-contrast"):
        appearance.set_theme(theme)
        seen.add(appearance.body_colors())
    assert len(seen) == 3


def test_system_theme_follows_the_desktop_scheme(make, monkeypatch) -> None:
    components = make()
    scheme = [Qt.ColorScheme.Light]
    appearance = Appearance(
        QApplication.instance(), None, color_scheme=lambda: scheme[0], parent=components.window
    )
    appearance.set_theme("system")
    assert appearance.body_colors() == (THEME_COLORS["light"].text, THEME_COLORS["light"].base)
    scheme[0] = Qt.ColorScheme.Dark
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert appearance.effective_theme() == "dark"
    assert appearance.body_colors() == (THEME_COLORS["dark"].text, THEME_COLORS["dark"].base)


def _has_color(image: QImage, color: str) -> bool:
    wanted = QColor(color).rgb()
    return any(
        image.pixel(x, y) == wanted
        for y in range(0, image.height(), 1)
        for x in range(0, image.width(), 2)
    )


@pytest.mark.parametrize("theme", ["light", "dark", "high-contrast"])
def test_focus_ring_is_painted_on_the_focused_control(make, qtbot, theme: str) -> None:
    components = make()
    appearance_of(components).set_theme(theme)
    focus = THEME_COLORS[theme].focus
    window = components.window
    activate(qtbot, window)
    larger = components.extras["view_controls"].larger
    page = window.readers["overview"].page
    for widget in (larger, page):
        assert not _has_color(widget.grab().toImage(), focus)
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(widget.hasFocus)
        assert _has_color(widget.grab().toImage(), focus), type(widget).__name__


@pytest.mark.parametrize("theme", ["light", "high-contrast"])
def test_focus_ring_follows_other_controls_and_the_tab_shown(make, qtbot, theme: str) -> None:
    from spasmguide.ui.focus_ring import install_focus_ring

    components = make()
    appearance_of(components).set_theme(theme)
    colors = THEME_COLORS[theme]
    window = components.window
    activate(qtbot, window)
    bar = window.tabs.tabBar()
    keeper = install_focus_ring(QApplication.instance())
    bar.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: keeper.target() is bar)
    window.show_tab("causes")
    current = bar.tabRect(bar.currentIndex())
    qtbot.waitUntil(lambda: keeper.ring().geometry() == current)
    image = bar.grab().toImage()
    assert image.pixelColor(current.left() + 1, current.center().y()).name() == colors.focus
    other = bar.tabRect(0)
    assert image.pixelColor(other.left() + 1, other.center().y()).name() != colors.focus
    # A button draws its own ring (style sheet): the overlay leaves, and is not deleted
    # when a control it was over goes away.
    window.help_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: keeper.target() is None)
    assert not keeper.ring().isVisible() and keeper.ring().parent() is None
    assert _has_color(window.help_button.grab().toImage(), colors.help_focus)


def test_tab_shown_has_a_bar_in_the_highlight_colour(make, qtbot) -> None:
    components = make()
    window = components.window
    activate(qtbot, window)
    bar = window.tabs.tabBar()
    highlight = THEME_COLORS["light"].highlight
    for tab_id in ("treatments", "about"):
        window.show_tab(tab_id)
        rect = bar.tabRect(bar.currentIndex())
        qtbot.waitUntil(lambda r=rect: window.tab_mark.mark.geometry().left() == r.left())
        image = bar.grab().toImage()
        assert image.pixelColor(rect.center().x(), rect.top() + 1).name() == highlight
        first = bar.tabRect(0)
        assert image.pixelColor(first.center().x(), first.top() + 1).name() != highlight


def test_no_python_style_draws_the_controls(make) -> None:
    # Qt calling a Python style for every control makes PySide build dozens of types and
    # enums before the first frame; the look comes from Fusion and the style sheet instead.
    make()
    app = QApplication.instance()
    style = app.style()
    assert type(style).__module__.startswith("PySide6"), type(style)
    # Fusion, wrapped by Qt in the style that applies the application style sheet.
    assert style.metaObject().className() in ("QFusionStyle", "QStyleSheetStyle")
    sheet = app.styleSheet()
    app.setStyleSheet("")
    try:
        assert app.style().metaObject().className() == "QFusionStyle"
    finally:
        app.setStyleSheet(sheet)


# -- text size ------------------------------------------------------------------------------


def test_text_size_keys_change_the_whole_window(make, qtbot) -> None:
    components = make()
    window = components.window
    activate(qtbot, window)
    window.show_tab("overview")
    reader = window.readers["overview"]
    assert app_point_size() == DESKTOP_POINT_SIZE
    qtbot.waitUntil(lambda: reader.page.viewport().width() > 800)

    def heading_height() -> float:
        document = reader.page.document()
        return document.documentLayout().blockBoundingRect(document.begin()).height()

    start_height = heading_height()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert appearance_of(components).text_scale() == 110
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert appearance_of(components).text_scale() == 125
    assert app_point_size() == pytest.approx(DESKTOP_POINT_SIZE * 1.25, abs=0.05)
    # Everything follows: lists, buttons and the page's text (widgets take the new font
    # from a posted event).
    for widget in (reader.section_list, window.help_button, reader.page):
        qtbot.waitUntil(lambda w=widget: w.font().pointSizeF() == app_point_size())
    assert reader.page.document().defaultFont().pointSizeF() == app_point_size()
    qtbot.waitUntil(lambda: heading_height() > start_height * 1.15)
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert appearance_of(components).text_scale() == 110
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert appearance_of(components).text_scale() == 100
    assert app_point_size() == DESKTOP_POINT_SIZE


def test_buttons_step_the_text_size_and_stop_at_the_limits(make) -> None:
    components = make()
    controls = components.extras["view_controls"]
    appearance = appearance_of(components)
    sizes = []
    for _ in range(20):
        if controls.larger.isEnabled():
            controls.larger.click()
        sizes.append(appearance.text_scale())
    assert sizes == sorted(sizes) and sizes[-1] == 250
    assert not controls.larger.isEnabled()
    assert app_point_size() == pytest.approx(DESKTOP_POINT_SIZE * 2.5, abs=0.05)
    assert "250 %" in controls.larger.accessibleDescription()
    assert controls.size_label.text() == "250 %"
    for _ in range(20):
        if controls.smaller.isEnabled():
            controls.smaller.click()
    assert appearance.text_scale() == 80
    assert not controls.smaller.isEnabled()
    appearance.set_text_scale(9999)
    assert appearance.text_scale() == 250
    appearance.set_text_scale(-5)
    assert appearance.text_scale() == 80


def test_page_text_column_widens_with_the_text(make, qtbot) -> None:
    components = make()
    components.window.show_tab("overview")
    page = components.window.readers["overview"].page
    qtbot.waitUntil(lambda: page.viewport().width() > 800)

    def column() -> float:
        margins = page.document().rootFrame().frameFormat()
        return page.viewport().width() - margins.leftMargin() - margins.rightMargin()

    appearance_of(components).set_text_scale(80)
    qtbot.waitUntil(lambda: page.font().pointSizeF() == app_point_size())
    narrow = column()
    appearance_of(components).set_text_scale(125)
    qtbot.waitUntil(lambda: column() > narrow * 1.3)


def test_large_text_on_a_small_window_keeps_every_toolbar_control_on_screen(make, qtbot) -> None:
    components = make()
    window = components.window
    controls = components.extras["view_controls"]
    window.resize(1000, 648)
    appearance_of(components).set_text_scale(250)
    # Once the toolbar has the new font, every control must still be on it, not hidden in
    # the overflow menu (a pop-up that kiosk mode does not allow).
    qtbot.waitUntil(lambda: window.help_button.font().pointSizeF() == app_point_size())

    def on_screen(widget) -> bool:
        right = widget.mapTo(window, widget.rect().topRight()).x()
        return widget.isVisible() and right <= window.width()

    controls_and_help = (window.help_button, controls.smaller, controls.larger)
    controls_and_help += (controls.contrast, controls.read)
    qtbot.waitUntil(lambda: all(on_screen(w) for w in controls_and_help))
    assert window.help_button.mapTo(window, window.help_button.rect().topLeft()).x() < 50
    appearance_of(components).set_text_scale(100)
    qtbot.waitUntil(lambda: not controls.compact)
    assert controls.read.text() == "Read aloud"


def test_large_text_on_a_narrow_window_shows_when_to_get_help_whole(make, qtbot) -> None:
    components = make()
    window = components.window
    toolbar = window.toolbar
    window.resize(800, 600)
    appearance_of(components).set_text_scale(200)
    qtbot.waitUntil(lambda: window.help_button.font().pointSizeF() == app_point_size())
    box = components.extras["search_box"]
    urgent = (window.help_button, components.extras["checker_button"])

    def whole(button) -> bool:  # wide enough for its mark and its words
        return button.isVisible() and button.width() >= button.sizeHint().width()

    qtbot.waitUntil(lambda: toolbar.rows() == 3 and all(whole(b) for b in urgent))
    # The search box has the row below to itself, as wide as the bar.
    assert box.mapTo(toolbar, box.rect().topLeft()).y() >= window.help_button.height()
    assert box.width() > toolbar.width() * 0.8
    appearance_of(components).set_text_scale(100)
    qtbot.waitUntil(lambda: toolbar.rows() < 3)
    assert box.mapTo(toolbar, box.rect().topLeft()).y() < window.help_button.height()


def test_text_size_and_theme_are_remembered(make, tmp_path: Path) -> None:
    settings = tmp_path / "remember.ini"
    first = make(settings=settings)
    appearance_of(first).set_text_scale(150)
    first.extras["view_controls"].contrast.click()
    assert appearance_of(first).theme() == "high-contrast"
    first.window.close()
    QApplication.setFont(QFont("Sans", 9))  # as a fresh start would be
    second = make(settings=settings)
    assert appearance_of(second).text_scale() == 150
    assert appearance_of(second).theme() == "high-contrast"
    assert app_point_size() == pytest.approx(DESKTOP_POINT_SIZE * 1.5, abs=0.05)
    assert second.extras["view_controls"].contrast.isChecked()
    second.extras["view_controls"].contrast.click()
    assert appearance_of(second).theme() == "system"


def test_kiosk_uses_a_larger_base_saves_nothing_and_resets(make, tmp_path: Path) -> None:
    settings = tmp_path / "kiosk.ini"
    components = make(settings=settings, kiosk=True)
    appearance = appearance_of(components)
    assert app_point_size() == KIOSK_POINT_SIZE
    appearance.set_text_scale(200)
    appearance.set_theme("high-contrast")
    assert not settings.exists()
    appearance.reset_to_defaults()
    assert (appearance.text_scale(), appearance.theme()) == (100, "system")
    assert app_point_size() == KIOSK_POINT_SIZE
    assert not components.extras["view_controls"].contrast.isChecked()
    assert components.extras["view_controls"].larger.height() >= 48


def test_kiosk_style_does_not_stop_text_size_and_theme_reaching_the_page(make, qtbot) -> None:
    components = make(kiosk=True)
    window = components.window
    page = window.readers["overview"].page
    assert window.styleSheet()  # the kiosk styles the window
    appearance_of(components).set_text_scale(200)
    appearance_of(components).set_theme("high-contrast")
    qtbot.waitUntil(lambda: page.font().pointSizeF() == KIOSK_POINT_SIZE * 2)
    qtbot.waitUntil(
        lambda: (
            page.palette().color(QPalette.ColorRole.Base).name()
            == THEME_COLORS["high-contrast"].base
        )
    )


def test_view_buttons_are_big_enough_and_labelled(make) -> None:
    controls = make().extras["view_controls"]
    buttons = {
        "Smaller text": controls.smaller,
        "Larger text": controls.larger,
        "High contrast": controls.contrast,
        "Read aloud": controls.read,
    }
    for name, button in buttons.items():
        assert button.accessibleName() == name
        assert button.isVisible()
        assert button.height() >= 32
    assert controls.smaller.text() == "A−" and controls.larger.text() == "A+"
    assert "100 %" in controls.smaller.accessibleDescription()
    assert controls.contrast.isCheckable()


# -- keyboard -------------------------------------------------------------------------------


def test_alt_number_jumps_to_that_tab(make, qtbot) -> None:
    window = make().window
    activate(qtbot, window)
    ids = window.tab_ids()
    for number in (3, 1, 5, 2):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.AltModifier)
        assert window.current_tab_id() == ids[number - 1]
        reader = window.readers.get(ids[number - 1])
        if reader is not None:
            assert reader.section_list.hasFocus()


def test_f6_cycles_search_box_section_list_and_page(make, qtbot) -> None:
    components = make()
    window = components.window
    box = components.extras["navigation"].search_box()
    if box is None:  # search not wired into this window: stand one in
        box = QLineEdit()
        box.setAccessibleName("Search")
        window.add_toolbar_widget(box)
        box.show()
    activate(qtbot, window)
    window.show_tab("causes")
    reader = window.readers["causes"]
    box.setFocus()
    expected = [reader.section_list, reader.page, box, reader.section_list]
    for widget in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        assert QApplication.focusWidget() is widget
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is box


def visible_focusable(window: QWidget) -> set[QWidget]:
    return {w for w in focus_chain(window) if is_tab_focusable(w) and w.isVisible()}


def walk_with_tab(qtbot, window: QWidget, limit: int = 400) -> list[QWidget]:
    """Press Tab from the first control and list every widget that got focus."""
    chain = [w for w in focus_chain(window) if is_tab_focusable(w) and w.isVisible()]
    chain[0].setFocus(Qt.FocusReason.TabFocusReason)
    visited: list[QWidget] = []
    for _ in range(limit):
        focused = QApplication.focusWidget()
        visited.append(focused)
        if len(visited) > 1 and focused is visited[0]:
            break
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    return visited


def test_tab_reaches_every_control_of_every_tab_in_reading_order(make, qtbot) -> None:
    window = make().window
    activate(qtbot, window)
    for tab_id in window.tab_ids():
        window.show_tab(tab_id)
        expected = visible_focusable(window)
        visited = walk_with_tab(qtbot, window)
        missing = expected - set(visited)
        assert not missing, (tab_id, [f"{type(w).__name__} {w.objectName()}" for w in missing])
        order = list(dict.fromkeys(visited))
        toolbar = [w for w in order if window.toolbar.isAncestorOf(w)]
        tab_bar = order.index(window.tabs.tabBar())
        assert order[: len(toolbar)] == toolbar, "the toolbar comes first"
        assert tab_bar == len(toolbar) or window.notice.isAncestorOf(order[len(toolbar)])
        reader = window.readers.get(tab_id)
        if reader is not None:
            assert tab_bar < order.index(reader.section_list) < order.index(reader.page)


def _inside_combo_box(widget: QWidget) -> bool:
    """The drop-down list inside a combo box: the combo box itself carries the name."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_controls(widgets: list[QWidget]) -> list[str]:
    return [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in widgets
        if isinstance(w, INTERACTIVE)
        and not isinstance(w, QScrollBar)
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not w.accessibleName().strip()
        and not _inside_combo_box(w)
    ]


def test_every_interactive_widget_of_every_tab_has_a_name(make) -> None:
    components = make()
    window = components.window
    unnamed: list[str] = []

    def walk(state: str) -> None:
        shown = [w for w in window.findChildren(QWidget) if w.isVisibleTo(window)]
        unnamed.extend(f"{state}: {w}" for w in unnamed_controls(shown))

    for tab_id in window.tab_ids():
        window.show_tab(tab_id)
        walk(tab_id)
    box = components.extras.get("search_box")
    if box is not None:  # the results page, with and without a spelling correction
        for query in ("cramp", "cramsp", "zzzzqx"):
            box.setText(query)
            walk(f"search {query!r}")
        box.setText("")
    assert not unnamed, unnamed


def test_the_name_walk_catches_an_unnamed_button(make) -> None:
    window = make().window
    from PySide6.QtWidgets import QPushButton

    stray = QPushButton("Go", window.readers["causes"])
    assert unnamed_controls([stray]) == ["QPushButton ''"]


# -- read aloud -----------------------------------------------------------------------------


def test_read_aloud_without_a_speech_module_is_disabled_and_explained(
    make, monkeypatch, qtbot
) -> None:
    # The module, or a library it needs (libpulse), cannot be loaded.
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)
    read_aloud = ReadAloud()
    assert not read_aloud.available
    assert read_aloud.state() == "unavailable"
    assert read_aloud.read("Stretch your calf.") is False
    read_aloud.stop()  # harmless
    components = make()
    button = components.extras["view_controls"].read
    assert not button.isEnabled()
    assert button.isVisible()
    # The engine is looked for once the window has painted, so start-up is not held up.
    qtbot.waitUntil(lambda: button.accessibleDescription() == NO_ENGINE)
    assert "no speech engine" in button.toolTip()
    # Touch users cannot open a tooltip: the reason is on screen beside the button.
    note = components.extras["view_controls"].read_note
    assert note.isVisible()
    assert "No speech engine" in note.text()
    if sys.platform.startswith("linux"):
        assert "speech-dispatcher" in note.text()


def test_read_aloud_reads_the_current_section_and_stops_with_one_tap(make, qtbot) -> None:
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as exc:
        pytest.skip(f"QtTextToSpeech cannot be loaded here: {exc}")
    if "mock" not in QTextToSpeech.availableEngines():
        pytest.skip("this Qt build has no mock speech engine")
    components = make()
    read_aloud = ReadAloud(components.window, engine="mock")
    assert read_aloud.available and read_aloud.engine() == "mock"
    components.window.show_tab("causes")
    from spasmguide.ui.view_controls import ViewControls, current_section_text

    text = current_section_text(components.window)
    assert components.window.readers["causes"].tab.sections[0].title in text
    controls = ViewControls(
        appearance_of(components), read_aloud, lambda: current_section_text(components.window)
    )
    qtbot.addWidget(controls)
    with qtbot.waitSignal(read_aloud.state_changed, timeout=2000):
        controls.read.click()
    assert controls.read.text() == "Stop reading"
    controls.read.click()
    assert read_aloud.state() == "ready"
    assert controls.read.text() == "Read aloud"
