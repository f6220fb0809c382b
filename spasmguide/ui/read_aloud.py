"""Read a section aloud with the computer's speech engine, when it has one.

QtTextToSpeech is imported only when reading aloud is set up, and every way it can be missing
(the module, a library it needs, an engine) ends in a plain "not available" state with a reason
a person can read. Nothing here raises to the caller.
"""

from __future__ import annotations

import importlib
import logging
import sys
from types import ModuleType
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QObject, Signal, Slot

log = logging.getLogger(__name__)

UNAVAILABLE = "unavailable"
READY = "ready"
SPEAKING = "speaking"

STARTING = QT_TRANSLATE_NOOP("ReadAloud", "Read aloud is getting ready.")
NO_ENGINE = QT_TRANSLATE_NOOP(
    "ReadAloud", "Read aloud is not available on this computer (no speech engine)."
)
ENGINE_FAILED = QT_TRANSLATE_NOOP(
    "ReadAloud", "Read aloud is not available on this computer (the speech engine did not start)."
)

SPEECH_PACKAGE_HINT = "speech-dispatcher" if sys.platform.startswith("linux") else ""
"""What to install so Qt finds a speech engine; Windows and macOS always have one."""


def _import_speech() -> ModuleType:
    return importlib.import_module("PySide6.QtTextToSpeech")


class ReadAloud(QObject):
    """Speaks text and stops on request; says plainly when it cannot.

    Args:
        engine: a QtTextToSpeech engine name ("mock" in tests); None picks the default one.
        language: the guide's language ("es"): a voice for it is chosen when the engine has
            one, and :meth:`voice_note` says so in words when it has none.

    Signals:
        state_changed(str): "unavailable", "ready" or "speaking".
    """

    state_changed = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        engine: str | None = None,
        start: bool = True,
        language: str = "en",
    ) -> None:
        super().__init__(parent)
        self.language = language
        self.has_voice = False
        self._speech: Any = None
        self._module: ModuleType | None = None
        self._engine = engine
        self._started = False
        self.reason = STARTING
        self._state = UNAVAILABLE
        if start:
            self.start()

    @Slot()
    def start(self) -> None:
        """Look for a speech engine and get it ready (once).

        Starting an engine takes a while, so the window calls this after it first appears.
        """
        if self._started:
            return
        self._started = True
        self._start(self._engine)
        if self._speech is not None:
            self.state_changed.emit(self._state)
        else:
            self.state_changed.emit(UNAVAILABLE)

    def _start(self, engine: str | None) -> None:
        try:
            module = _import_speech()
        except ImportError as exc:  # the module, or a library under it, is missing
            log.info("read aloud: speech module not available (%s)", exc)
            self.reason = NO_ENGINE
            return
        engines = list(module.QTextToSpeech.availableEngines())
        if not engines or (engine is not None and engine not in engines):
            log.info("read aloud: no speech engine (found %s)", engines)
            self.reason = NO_ENGINE
            return
        speech = module.QTextToSpeech(engine, self) if engine else module.QTextToSpeech(self)
        if speech.state() == module.QTextToSpeech.State.Error:
            log.info("read aloud: engine failed: %s", speech.errorString())
            speech.deleteLater()
            self.reason = ENGINE_FAILED
            return
        self._module = module
        self._speech = speech
        self.has_voice = self._choose_voice(speech)
        speech.stateChanged.connect(self._on_speech_state_changed)
        self._state = READY

    def _choose_voice(self, speech: Any) -> bool:
        """Speak the guide's language: the system's own variety of it when the engine has it
        (es-MX), else any variety. False when the engine has no voice for it."""
        wanted = QLocale(self.language).language()
        if speech.locale().language() == wanted:
            return True  # the engine's own choice (it follows the system) speaks it already
        matches = [loc for loc in speech.availableLocales() if loc.language() == wanted]
        if not matches:
            log.info("read aloud: the engine has no voice for %r", self.language)
            return False
        preferred = QLocale()  # the interface language's locale (es-MX when the system is)
        best = next((loc for loc in matches if loc.name() == preferred.name()), matches[0])
        speech.setLocale(best)
        return True

    # -- queries --------------------------------------------------------------------------------

    @property
    def available(self) -> bool:
        """Whether text can be read aloud on this computer."""
        return self._speech is not None

    @property
    def looked(self) -> bool:
        """Whether the engine has been looked for (before that, "unavailable" means "not yet")."""
        return self._started

    def missing_note(self, short: bool = False) -> str:
        """Why reading aloud is off, in a few words a person can see on screen ("" if it works).

        Args:
            short: the fewest words, for a crowded tool bar.
        """
        if self.available or not self._started:
            return ""
        if short or not SPEECH_PACKAGE_HINT:
            return self.tr("No speech engine")
        # Two short lines keep the tool bar narrow.
        return self.tr("No speech engine.\nInstall %1.").replace("%1", SPEECH_PACKAGE_HINT)

    def reason_text(self) -> str:
        """Why reading aloud is not available, in the interface language."""
        return QCoreApplication.translate("ReadAloud", self.reason)

    def voice_note(self) -> str:
        """ "" when the engine speaks the guide's language; otherwise a few words saying it
        has no voice for it (so the reading may sound wrong), to show beside the button."""
        if not self.available or self.has_voice:
            return ""
        return self.tr("No voice for this language")

    def state(self) -> str:
        """ "unavailable", "ready" or "speaking"."""
        return self._state

    def engine(self) -> str:
        """Name of the engine in use ("" when none)."""
        return str(self._speech.engine()) if self._speech is not None else ""

    # -- actions --------------------------------------------------------------------------------

    @Slot(str)
    def read(self, text: str) -> bool:
        """Start reading ``text`` aloud (stops anything being read). False if it cannot."""
        if self._speech is None or not text.strip():
            return False
        self._speech.stop()
        self._speech.say(text)
        return True

    @Slot()
    def stop(self) -> None:
        """Stop reading at once. Safe to call at any time."""
        if self._speech is not None:
            self._speech.stop()
            # Some engines report the stop late; the user asked, so show it now.
            self._set_state(READY)

    def _set_state(self, state: str) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)

    @Slot(object)
    def _on_speech_state_changed(self, state: object) -> None:
        assert self._module is not None
        states = self._module.QTextToSpeech.State
        if state in (states.Speaking, states.Synthesizing):
            self._set_state(SPEAKING)
        elif state == states.Error:
            log.warning("read aloud: speech engine error: %s", self._speech.errorString())
            self._set_state(READY)
        else:
            self._set_state(READY)
