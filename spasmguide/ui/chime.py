"""A short, soft chime for step changes, which stays silent where there is no sound."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Slot

log = logging.getLogger(__name__)

DEFAULT_SOUND = Path(__file__).resolve().parents[2] / "resources" / "sounds" / "chime.wav"


class Chime(QObject):
    """Plays the bundled chime with ``QSoundEffect`` when it can, and otherwise does nothing.

    QtMultimedia is imported only when a ``Chime`` is made, because on some systems the import
    fails (for example when the PulseAudio library is missing). Then, or when there is no audio
    output or the sound cannot be decoded, :attr:`available` is False and :meth:`play` does
    nothing: the timer's visual cue is enough. Nothing here raises.
    """

    VOLUME = 0.5

    # Why sound is off is worth saying once per run, not at every Timer tab or step.
    _reported = False

    def __init__(self, path: Path | None = None, parent: QObject | None = None) -> None:
        """Remember the sound; it is loaded by :meth:`prepare` or on first use.

        Loading QtMultimedia takes a noticeable moment, so it is not done at start-up.

        Args:
            path: The WAV file to play; the bundled chime by default.
            parent: Owner of this object.
        """
        super().__init__(parent)
        self._effect: QObject | None = None
        self._prepared = False
        self._path = Path(path) if path is not None else DEFAULT_SOUND

    def prepare(self) -> None:
        """Load the sound now (for example when the Timer tab is opened), once."""
        if self._prepared:
            return
        self._prepared = True
        try:
            self._effect = self._make_effect()
        except Exception as exc:
            self._unavailable(f"{type(exc).__name__}: {exc}")

    def __repr__(self) -> str:
        return f"Chime(path={str(self._path)!r}, available={self.available})"

    @property
    def available(self) -> bool:
        """True when the chime can be heard on this computer."""
        self.prepare()
        return self._effect is not None

    def play(self) -> bool:
        """Play the chime once, if sound is available.

        Returns:
            True when the sound was asked to play.
        """
        self.prepare()
        effect = self._effect
        if effect is None:
            return False
        try:
            effect.play()  # type: ignore[attr-defined]
        except Exception as exc:
            self._unavailable(f"{type(exc).__name__}: {exc}")
            return False
        return True

    # ---- internals

    def _make_effect(self) -> QObject | None:
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError as exc:
            self._unavailable(f"QtMultimedia cannot load ({exc})")
            return None
        if not self._path.is_file():
            self._unavailable(f"the sound file {self._path} is missing")
            return None
        if not QMediaDevices.audioOutputs():
            self._unavailable("there is no audio output")
            return None
        effect = QSoundEffect(self)
        effect.setSource(QUrl.fromLocalFile(str(self._path)))
        effect.setVolume(self.VOLUME)
        effect.statusChanged.connect(self._on_effect_status_changed)
        return effect

    @Slot()
    def _on_effect_status_changed(self) -> None:
        effect = self._effect
        if effect is None:
            return
        from PySide6.QtMultimedia import QSoundEffect

        if effect.status() == QSoundEffect.Status.Error:  # type: ignore[attr-defined]
            self._effect = None
            effect.deleteLater()
            self._unavailable(f"the sound {self._path.name} cannot be played")

    def _unavailable(self, reason: str) -> None:
        self._effect = None
        if not Chime._reported:
            Chime._reported = True
            log.info("Sound is off (%s); the timer shows a visual cue instead.", reason)
