"""Settings kept in an INI file through QSettings, validated by ``core.settings``."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from spasmguide.core.settings import BY_KEY

log = logging.getLogger(__name__)


SETTINGS_FOLDER = "SpasmGuide"


def default_settings_path() -> Path:
    """Where desktop settings live: ``~/.config/SpasmGuide/settings.ini`` on Linux.

    Earlier versions kept the file one folder deeper (``~/.config/SpasmGuide/SpasmGuide``,
    Qt's per-organisation application folder); a file found only there is moved up once,
    so nobody loses their text size or theme.
    """
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    path = Path(base or Path.home() / ".config") / SETTINGS_FOLDER / "settings.ini"
    old = path.parent / SETTINGS_FOLDER / path.name
    if not path.exists() and old.is_file():
        try:
            old.replace(path)
            old.parent.rmdir()
        except OSError as exc:  # the old file still works where it is
            log.warning("settings: could not move %s to %s: %s", old, path, exc)
            return old if old.is_file() else path
    return path


class SettingsStore:
    """Typed access to one INI settings file.

    A file that cannot be parsed is set aside as ``<name>.corrupt`` (nothing is lost) and
    defaults are used. A read-only store (kiosk mode) never writes anything.
    """

    def __init__(self, path: Path | None, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only or path is None
        self.warnings: list[str] = []
        self._values: dict[str, Any] = {key: s.default for key, s in BY_KEY.items()}
        if path is not None and path.exists():
            self._read(path)

    def _read(self, path: Path) -> None:
        qsettings = QSettings(str(path), QSettings.Format.IniFormat)
        keys = qsettings.allKeys()
        if qsettings.status() != QSettings.Status.NoError:
            self._set_aside(path, "it could not be read")
            return
        for key in keys:
            spec = BY_KEY.get(key)
            if spec is None:
                continue
            raw = qsettings.value(key)
            if isinstance(raw, QByteArray):
                raw = raw.data()
            value = spec.coerce(raw)
            if value == spec.default and raw not in (spec.default, str(spec.default)):
                self._warn(f"settings: ignored a bad value for {key}; using the default")
            self._values[key] = value

    def _set_aside(self, path: Path, why: str) -> None:
        if self.read_only:  # kiosk mode writes nothing, not even a rename
            self._warn(f"settings: {path} is ignored because {why}")
            return
        backup = path.with_name(path.name + ".corrupt")
        try:
            path.replace(backup)
            self._warn(f"settings: {path} was set aside as {backup.name} because {why}")
        except OSError:
            self._warn(f"settings: {path} is ignored because {why}")

    def _warn(self, message: str) -> None:
        log.warning(message)
        self.warnings.append(message)

    def get(self, key: str) -> Any:
        """The current value of a setting."""
        return self._values[key]

    def set(self, key: str, value: Any) -> None:
        """Change a setting in memory (validated); call :meth:`save` to write it."""
        self._values[key] = BY_KEY[key].coerce(value)

    def save(self) -> None:
        """Write every setting to the INI file (never in read-only mode)."""
        if self.read_only or self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            log.warning("settings: cannot create %s (%s)", self.path.parent, exc)
            return
        qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)
        for key, value in self._values.items():
            qsettings.setValue(key, QByteArray(value) if isinstance(value, bytes) else value)
        qsettings.sync()
        if qsettings.status() != QSettings.Status.NoError:
            log.warning("settings: could not write %s", self.path)
