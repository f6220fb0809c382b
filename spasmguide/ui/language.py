"""The interface language: Qt's translators for it, and the switch that changes it.

English, the language the program is written in, loads no translator at all, so an English
start costs nothing here. Another language installs two translators: the program's own
(``spasmguide/i18n/spasmguide_<code>.qm``) and Qt's (``qtbase_<code>.qm`` from Qt's own
translations folder, for the few strings Qt draws itself).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator, Signal, Slot
from PySide6.QtWidgets import QPushButton, QWidget

from spasmguide.i18n import SOURCE_LANGUAGE, language_name, translation_file

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []
_current = SOURCE_LANGUAGE
_locale_set = False


def system_languages() -> list[str]:
    """The system's preferred interface languages, most preferred first ("es-MX", "en")."""
    return list(QLocale.system().uiLanguages())


def current_language() -> str:
    """The language whose translators are installed ("en" when none are)."""
    return _current


def install_language(code: str) -> bool:
    """Make ``code`` the interface language of the whole application (a QApplication exists).

    Removes the translators of the language before, installs this one's, and makes dates
    and numbers follow it. Returns False when the program's translation file for ``code``
    is missing or unreadable (the interface then stays in English; the reason is logged).
    """
    global _current, _locale_set
    if code == _current:
        if not _locale_set:  # dates in English on a system set to another language
            _set_locale(code)
        return True  # an English start ends here: no translator, nothing loaded
    app = QCoreApplication.instance()
    assert app is not None, "a QApplication must exist before a language is installed"
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
    _current = SOURCE_LANGUAGE
    _set_locale(code)
    if code == SOURCE_LANGUAGE:
        return True
    path = translation_file(code)
    ours = QTranslator(app)
    if path is None or not ours.load(str(path)):
        log.warning("language: no interface translation for %r; the interface stays English",
                    code)
        ours.deleteLater()
        return False
    from PySide6.QtCore import QLibraryInfo

    qt = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{code}", folder):
        QCoreApplication.installTranslator(qt)
        _installed.append(qt)
    else:
        log.info("language: Qt has no translation of its own for %r in %s", code, folder)
        qt.deleteLater()
    QCoreApplication.installTranslator(ours)  # installed last: asked first
    _installed.append(ours)
    _current = code
    return True


def _set_locale(code: str) -> None:
    """Dates and numbers in the interface language: the system's own conventions when the
    system speaks it (es-MX stays es-MX), that language's defaults otherwise."""
    global _locale_set
    _locale_set = True
    system = QLocale.system()
    english_c = code == SOURCE_LANGUAGE and system.language() == QLocale.Language.C
    if system.name().split("_")[0] == code or english_c:  # "C" is the program's own English
        QLocale.setDefault(system)
    else:
        QLocale.setDefault(QLocale(code))


class LanguageSwitch(QPushButton):
    """A button naming the next language in that language ("Español" while in English,
    "English" while in Spanish). Never a flag: a flag is a country, not a language.

    Small and self-contained, so any screen can place one; pressing it emits
    ``language_chosen`` and the composition root rebuilds the window in that language.

    Signals:
        language_chosen(str): the code of the language asked for.
    """

    language_chosen = Signal(str)

    def __init__(
        self,
        current: str,
        languages: list[str],
        parent: QWidget | None = None,
        *,
        min_height: int = 32,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("language-switch")
        self.current = current
        order = sorted(set(languages) | {current})
        self.target = order[(order.index(current) + 1) % len(order)]
        name = language_name(self.target)
        if name == self.target:  # a language added with files only: Qt knows its own name
            native = QLocale(self.target).nativeLanguageName()
            name = native[:1].upper() + native[1:] if native else self.target
        self.setText(name)
        # Named in both languages: the target language's own name is what a reader of that
        # language looks for; the description says, in the current language, what it does.
        self.setAccessibleName(name)
        description = self.tr("Show the guide in %1").replace("%1", name)
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        # Its language for screen readers, so "Español" is spoken as Spanish.
        self.setLocale(QLocale(self.target))
        self.setMinimumHeight(min_height)  # as tall as the tool bar's other buttons
        self.setVisible(len(order) > 1)
        self.clicked.connect(self._on_clicked)

    @Slot()
    def _on_clicked(self) -> None:
        self.language_chosen.emit(self.target)
