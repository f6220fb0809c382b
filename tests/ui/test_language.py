"""Choosing the guide's language, switching it in one tap, and keeping the translation whole."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QApplication
from shiboken6 import Shiboken

from spasmguide.app import Components, build, launch
from spasmguide.app.language import LANGUAGE_SETTING, language_packs, start_language
from spasmguide.cli import LaunchOptions, parse_args
from spasmguide.core.content import bundled_pack_path
from spasmguide.core.kiosk import load_kiosk_config
from spasmguide.i18n import TRANSLATIONS_DIR, available_languages, choose_language
from spasmguide.settings_store import SettingsStore
from spasmguide.ui.language import LanguageSwitch, current_language, install_language
from spasmguide.ui.read_aloud import ReadAloud
from tests.fakes import FakeClock
from tests.ui.started import show_settled

ROOT = Path(__file__).resolve().parents[2]
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"


_windows: list = []


@pytest.fixture(autouse=True)
def english_again():
    """Translators are application-wide: every test ends in English, as the others expect.
    Windows are closed here, not by qtbot: a switch deletes the window it replaces."""
    yield
    while _windows:
        window = _windows.pop()
        if Shiboken.isValid(window):
            window.close_guard = None
            window.close()
            window.deleteLater()
    QApplication.processEvents()
    install_language("en")


def shown(qtbot, components: Components) -> Components:
    window = components.window
    _windows.append(window)
    show_settled(qtbot, window)
    return components


def tab_text(window: Any, tab_id: str) -> str:
    """The words on the tab ``tab_id``."""
    return window.tabs.tabText(window.tab_ids().index(tab_id))


def switch_to(qtbot, components: Components) -> Components:
    """Press the language switch; the new window, once it is shown."""
    host = components.extras["language"]
    switched: list[Components] = []
    host.switched.append(switched.append)
    qtbot.mouseClick(components.extras["language_switch"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(switched) == 1)  # just after the press, once it is over
    new = switched[0]
    _windows.append(new.window)
    qtbot.waitExposed(new.window)
    return new


# -- which language ------------------------------------------------------------------------


def test_the_program_ships_english_and_spanish() -> None:
    assert available_languages() == ["en", "es"]
    assert (TRANSLATIONS_DIR / "spasmguide_es.qm").is_file()


@pytest.mark.parametrize(
    ("requested", "remembered", "system", "chosen"),
    [
        (None, "", ["es-MX", "en-US"], "es"),  # the system's language, when there is a guide
        (None, "", ["fr-FR", "es-ES"], "es"),  # its second choice, when the first has none
        (None, "", ["fr-FR", "de-DE"], "en"),  # no guide in any of them: English
        (None, "", [], "en"),
        (None, "en", ["es-MX"], "en"),  # the switch's remembered choice beats the system
        ("es", "en", ["en-GB"], "es"),  # --lang beats both
        ("fr", "", ["es-AR"], "es"),  # a language with no guide is passed over
    ],
)
def test_choose_language(requested, remembered, system, chosen) -> None:
    assert choose_language(
        ["en", "es"], requested=requested, remembered=remembered, system=system
    ) == chosen


def test_a_desktop_start_follows_the_system_then_remembers_the_switch(tmp_path: Path) -> None:
    settings = SettingsStore(tmp_path / "s.ini")
    options = LaunchOptions()
    assert start_language(options, settings, system=["es-CO"])[0] == "es"
    assert start_language(options, settings, system=["en-US"])[0] == "en"
    settings.set(LANGUAGE_SETTING, "es")
    assert start_language(options, settings, system=["en-US"])[0] == "es"
    assert start_language(options.replace(lang="en"), settings, system=["es"])[0] == "en"
    kiosk = SettingsStore(None, read_only=True)  # a kiosk never reads a remembered choice
    assert start_language(options, kiosk, "es", system=["en"])[0] == "es"


def test_lang_is_a_window_option_and_checked(capsys) -> None:
    assert parse_args(["--lang", "ES"]).lang == "es"
    with pytest.raises(SystemExit):
        parse_args(["--lang", "spanish!"])
    assert "not a language code" in capsys.readouterr().err
    assert launch(LaunchOptions(lang="fr")) == 2
    assert "there is no guide in 'fr' yet; choose one of: en, es" in capsys.readouterr().err


def test_lang_es_starts_the_spanish_guide(qtbot, tmp_path: Path) -> None:
    components = shown(qtbot, build(LaunchOptions(lang="es", settings=tmp_path / "s.ini")))
    window = components.window
    assert components.pack.language == "es"
    assert current_language() == "es" and QLocale().language() == QLocale.Language.Spanish
    assert window.tabs.tabText(0) == "Inicio"  # the start page, then the guide's tabs
    assert tab_text(window, "overview") == "Resumen"
    assert window.help_button.text() == "Cuándo buscar ayuda"
    assert components.extras["checker_button"].text() == "¿Es grave?"
    assert components.extras["language_switch"].text() == "English"
    # Qt's own words are in Spanish too.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"


def test_an_english_start_loads_no_translator(qtbot, tmp_path: Path) -> None:
    components = shown(qtbot, build(LaunchOptions(lang="en", settings=tmp_path / "s.ini")))
    assert current_language() == "en"
    assert QCoreApplication.translate("TopBar", "When to get help") == "When to get help"
    assert components.extras["language_switch"].text() == "Español"


def test_a_pack_of_ones_own_speaks_its_own_language(qtbot, tmp_path: Path) -> None:
    mine = tmp_path / "clinic"
    shutil.copytree(bundled_pack_path("es"), mine)
    components = shown(qtbot, build(LaunchOptions(content=mine, settings=tmp_path / "s.ini")))
    assert components.window.help_button.text() == "Cuándo buscar ayuda"
    assert "language_switch" not in components.extras  # one pack, one language: no switch


def test_a_pack_folder_named_by_language_offers_its_siblings(tmp_path: Path) -> None:
    for code in ("en", "es"):
        shutil.copytree(bundled_pack_path(code), tmp_path / code)
    assert language_packs(tmp_path / "en") == {"en": tmp_path / "en", "es": tmp_path / "es"}
    assert language_packs(None) == {code: bundled_pack_path(code) for code in ("en", "es")}


# -- the switch ---------------------------------------------------------------------------


def test_the_switch_names_the_other_language_never_a_flag(qtbot) -> None:
    switch = LanguageSwitch("en", ["en", "es"])
    qtbot.addWidget(switch)
    assert switch.text() == "Español" and switch.icon().isNull()
    assert switch.locale().language() == QLocale.Language.Spanish
    with qtbot.waitSignal(switch.language_chosen) as chosen:
        qtbot.mouseClick(switch, Qt.MouseButton.LeftButton)
    assert chosen.args == ["es"]
    assert LanguageSwitch("es", ["en", "es"]).text() == "English"
    assert LanguageSwitch("en", ["en"]).isHidden()  # nothing to switch to


def test_switch_keeps_the_tab_section_size_and_search(qtbot, tmp_path: Path) -> None:
    components = shown(qtbot, build(LaunchOptions(settings=tmp_path / "s.ini", lang="en")))
    window = components.window
    window.resize(700, 500)  # within the test screen (800x600), so nothing clamps it
    window.move(40, 30)
    assert window.show_section("night-cramps")
    geometry = window.geometry()
    components.extras["search_box"].setText("calf")
    new = switch_to(qtbot, components)
    assert new.window is not window and not window.isVisible()
    assert new.pack.language == "es" and tab_text(new.window, "treatments") == "Tratamientos"
    assert new.window.current_tab_id() == "treatments"
    assert new.window.readers["treatments"].current_section_id() == "night-cramps"
    assert new.window.geometry().size() == geometry.size()
    assert new.extras["search_box"].text() == "calf"
    assert new.extras["language_switch"].text() == "English"
    # And back again, from the new window's own switch.
    new.extras["search_box"].setText("")
    back = switch_to(qtbot, new)
    assert back.window.help_button.text() == "When to get help"
    assert back.window.readers["treatments"].current_section_id() == "night-cramps"


def test_the_start_page_has_its_own_switch_and_it_changes_the_whole_window(
    qtbot, tmp_path: Path
) -> None:
    components = shown(qtbot, build(LaunchOptions(settings=tmp_path / "s.ini", lang="en")))
    page = components.extras["start_page"]
    on_start = components.extras["start_language_switch"]
    assert on_start.text() == "Español" and on_start.parent() is not None
    assert page.isAncestorOf(on_start)
    host = components.extras["language"]
    switched: list[Components] = []
    host.switched.append(switched.append)
    qtbot.mouseClick(on_start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(switched) == 1)
    new = switched[0]
    _windows.append(new.window)
    qtbot.waitExposed(new.window)
    assert new.pack.language == "es"
    assert new.window.current_tab_id() == "start" and tab_text(new.window, "start") == "Inicio"
    titles = [card.title() for card in new.extras["start_page"].cards()]
    assert "Tengo un calambre ahora" in titles and "¿Es grave?" in titles
    assert new.extras["start_language_switch"].text() == "English"


def test_a_routine_under_way_is_chosen_again_and_the_stop_is_said(qtbot, tmp_path: Path) -> None:
    components = shown(qtbot, build(LaunchOptions(settings=tmp_path / "s.ini", lang="en"),
                                    clock=FakeClock()))
    timer = components.extras["timer_tab"]
    routine = timer.routines()[-1].id
    timer.select_routine(routine)
    timer.start()
    new = switch_to(qtbot, components)
    assert new.extras["timer_tab"].timer.routine.id == routine
    assert not new.extras["timer_tab"].is_running()
    assert new.window.notice.messages() == [
        "El temporizador se detuvo al cambiar el idioma. Pulse Empezar para comenzar la "
        "rutina otra vez."
    ]


def test_the_choice_is_remembered_on_the_desktop(qtbot, tmp_path: Path) -> None:
    settings = tmp_path / "s.ini"
    components = shown(qtbot, build(LaunchOptions(settings=settings)))
    assert components.extras["language"].language == "en"  # the test machine speaks C
    switch_to(qtbot, components)
    assert SettingsStore(settings).get(LANGUAGE_SETTING) == "es"
    again = shown(qtbot, build(LaunchOptions(settings=settings)))
    assert again.pack.language == "es" and tab_text(again.window, "overview") == "Resumen"


def test_read_aloud_chooses_a_voice_for_the_language_or_says_there_is_none(qtbot) -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    if "mock" not in QTextToSpeech.availableEngines():
        pytest.skip("this Qt build has no mock speech engine")
    english = ReadAloud(engine="mock", language="en")
    assert english.available and english.has_voice and english.voice_note() == ""
    # Qt's mock engine speaks English, Norwegian and Finnish, but no Spanish.
    install_language("es")
    spanish = ReadAloud(engine="mock", language="es")
    assert spanish.available and not spanish.has_voice
    assert spanish.voice_note() == "No hay voz en español"
    finnish = ReadAloud(engine="mock", language="fi")
    assert finnish.has_voice and finnish._speech.locale().language() == QLocale.Language.Finnish


# -- the kiosk ----------------------------------------------------------------------------


def test_kiosk_config_language_is_checked(tmp_path: Path) -> None:
    def config(line: str):
        path = tmp_path / "kiosk.ini"
        path.write_text(f"[kiosk]\n{line}\n", encoding="utf-8")
        return load_kiosk_config(path)

    assert config("language = es")[0].language == "es"
    assert config("language = ES")[0].language == "es"
    bad, warnings = config("language = fr")
    assert bad.language == "" and bad.kiosk
    assert warnings[0] == ("kiosk config: language = 'fr' has no guide in this program "
                           "(it has en, es) (line 2); using the system's language")
    assert config("language = español")[1][0].startswith(
        "kiosk config: language = 'español' is not a language code"
    )


@pytest.fixture
def kiosk(qtbot, tmp_path: Path):
    config = tmp_path / "kiosk.ini"
    config.write_text("[kiosk]\nkiosk = true\nlanguage = es\n", encoding="utf-8")
    clock = FakeClock()
    made: list[Components] = []
    components = shown(qtbot, build(LaunchOptions(kiosk=True, config=config), clock=clock))
    made.append(components)
    components.extras["language"].switched.append(made.append)
    yield components, clock, made
    for each in made:
        controller = each.extras.get("kiosk")
        controller.uninstall()
        controller.admin_quit_requested = True


def test_kiosk_starts_in_the_clinic_language_and_resets_back_to_it(qtbot, kiosk) -> None:
    components, clock, made = kiosk
    components.extras["kiosk"].dismiss_attract()
    assert components.window.help_button.text() == "Cuándo buscar ayuda"
    switch = components.extras["language_switch"]
    assert switch.text() == "English" and switch.height() >= 48
    assert components.window.toolbar.isAncestorOf(switch)  # in the top bar
    english = switch_to(qtbot, components)
    controller = english.extras["kiosk"]
    window = english.window
    # Still a kiosk after the switch: locked in, and the old window's lock-down is gone.
    assert window.close_guard is not None and not window.close()
    assert window.help_button.text() == "When to get help"
    assert components.extras["kiosk"].lockdown is not controller.lockdown
    # Idle: the warning, then the reset, which brings the clinic's language back.
    clock.advance(controller.config.idle_timeout_s + 1)
    controller.poll()
    assert controller.warning.isVisible()
    clock.advance(controller.config.idle_warning_s + 1)
    controller.poll()
    qtbot.waitUntil(lambda: len(made) == 3)
    spanish = made[-1]
    assert spanish.window.help_button.text() == "Cuándo buscar ayuda"
    assert spanish.extras["kiosk"].attract.isVisible()  # ready for the next person
    assert spanish.window.current_tab_id() == "start"  # the kiosk's home
    assert QApplication.activeModalWidget() is None


def test_a_kiosk_reset_in_its_own_language_rebuilds_nothing(qtbot, kiosk) -> None:
    components, _clock, made = kiosk
    controller = components.extras["kiosk"]
    controller.reset_session()
    QApplication.processEvents()
    assert made == [components] and components.window.isVisible()


# -- the translation files ----------------------------------------------------------------


def _sources() -> list[str]:
    files = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "spasmguide/*.py"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.split()
    return sorted(files)


def test_the_translation_file_is_up_to_date_with_the_sources(tmp_path: Path) -> None:
    """Run the same lupdate as the README on a copy: nothing new, nothing unfinished."""
    ts = tmp_path / "spasmguide_es.ts"
    shutil.copy(TRANSLATIONS_DIR / ts.name, ts)
    result = subprocess.run(
        [str(LUPDATE), *_sources(), "-ts", str(ts), "-target-language", "es",
         "-no-obsolete", "-locations", "none"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert ts.read_text(encoding="utf-8") == (TRANSLATIONS_DIR / ts.name).read_text(
        encoding="utf-8"
    ), "the sources' strings changed: run the lupdate command in the README"
    assert 'type="unfinished"' not in ts.read_text(encoding="utf-8")


def test_the_compiled_translation_matches_the_ts(tmp_path: Path) -> None:
    qm = tmp_path / "spasmguide_es.qm"
    result = subprocess.run(
        [str(LRELEASE), str(TRANSLATIONS_DIR / "spasmguide_es.ts"), "-qm", str(qm)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert qm.read_bytes() == (TRANSLATIONS_DIR / qm.name).read_bytes(), (
        "spasmguide_es.qm is older than the .ts: run the lrelease command in the README"
    )
