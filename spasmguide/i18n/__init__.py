"""Which language the guide speaks, and where its interface translations are.

Pure Python, no Qt: the Qt side (``spasmguide.ui.language``) loads the translation files this
module names. A language is available when a content pack for it ships with the program
(``resources/content/<code>/pack.toml``); the interface translation for it is
``spasmguide/i18n/spasmguide_<code>.qm`` (English, the source language, needs none).

Adding a language is a matter of files: a pack folder, and a ``.ts`` file translated and
compiled to ``.qm`` (see the README).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from spasmguide.core.patterns import LazyPattern

SOURCE_LANGUAGE = "en"
"""The language the program's own strings are written in."""

LANGUAGE_NAMES = {"en": "English", "es": "Español"}
"""Each language's name in that language, as its switch shows it (never translated: a
person looks for their own language's name, not for its name in a language they cannot read)."""

_CODE = LazyPattern(r"[a-z]{2,3}")

TRANSLATIONS_DIR = Path(__file__).resolve().parent


def is_language_code(text: str) -> bool:
    """Whether ``text`` looks like a two- or three-letter language code ("es", "fil")."""
    return bool(_CODE.fullmatch(text))


def available_languages(content_root: Path | None = None) -> list[str]:
    """Languages the program ships a guide in (folders with a ``pack.toml``), sorted."""
    if content_root is None:
        from spasmguide.core.content import bundled_pack_path

        content_root = bundled_pack_path().parent
    try:
        folders = list(content_root.iterdir())
    except OSError:
        return [SOURCE_LANGUAGE]
    found = sorted(
        p.name for p in folders if is_language_code(p.name) and (p / "pack.toml").is_file()
    )
    return found or [SOURCE_LANGUAGE]


def language_name(code: str) -> str:
    """The language's own name ("Español"), or its code when the program has no name for it."""
    return LANGUAGE_NAMES.get(code, code)


def language_of_locale(name: str) -> str:
    """The language part of a locale or UI language name: "es-MX", "es_ES.UTF-8" -> "es"."""
    return re.split(r"[-_.@]", name.strip(), maxsplit=1)[0].lower()


def choose_language(
    available: Iterable[str],
    *,
    requested: str | None = None,
    remembered: str = "",
    system: Iterable[str] = (),
) -> str:
    """The language to start in.

    Args:
        available: Languages with a guide (:func:`available_languages`).
        requested: ``--lang`` (or a kiosk's ``language =``): used when available.
        remembered: The desktop's saved choice ("" when none): used when available.
        system: The system's preferred UI languages, most preferred first ("es-MX", "en").

    Returns:
        The first available of: the requested language, the remembered one, the system's
        preferred languages in order; English otherwise.
    """
    codes = list(available)
    for wish in (requested or "", remembered):
        if wish and wish in codes:
            return wish
    for name in system:
        code = language_of_locale(name)
        if code in codes:
            return code
    return SOURCE_LANGUAGE


def translation_file(code: str, folder: Path = TRANSLATIONS_DIR) -> Path | None:
    """The compiled interface translation for ``code`` (None for English or when missing)."""
    if code == SOURCE_LANGUAGE or not is_language_code(code):
        return None
    path = folder / f"spasmguide_{code}.qm"
    return path if path.is_file() else None
