"""A cache of checked content packs, so starting the guide reads one small file.

Reading a pack means parsing TOML and Markdown and checking every id, link and routine. It is
the largest piece of work the program does before its window appears, and its result only
changes when a file of the pack changes or the program does. So a pack that loaded with no
problem is kept in the user's cache folder and used again while it is still the same.

"The same" is decided the way Python decides for its own bytecode cache: the size and the
modification time of every file in the pack folder, plus the program's version, the Python
version and the loader's own source files. Any difference, a damaged cache file or one from
another version means a normal load, and the cache is written again. A broken pack is never
cached: its problems are reported every time.
"""

from __future__ import annotations

import logging
import marshal
import os
import sys
import zlib
from pathlib import Path
from typing import Any

from spasmguide import __version__
from spasmguide.core import content, errors, pack_safety, routines, synonyms
from spasmguide.core.checked_file import read_checked, write_checked
from spasmguide.core.content import Pack, Section, Source, Tab, load_pack
from spasmguide.core.content.model import Picture
from spasmguide.core.pack_safety import Evidence, HelpContacts
from spasmguide.core.record import Record
from spasmguide.core.routines import Routine, Step
from spasmguide.core.synonyms import Synonyms

log = logging.getLogger(__name__)

FORMAT = 1
"""Changes when the layout of a cache file does."""

_TYPES: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        Pack, Tab, Section, Source, Routine, Step, Synonyms, Evidence, HelpContacts, Picture
    )
}
_LOADER_FILES = (
    *sorted(Path(content.__file__ or __file__).parent.glob("*.py")),
    *(Path(module.__file__ or __file__) for module in (errors, pack_safety, routines, synonyms)),
)

Stamp = tuple[Any, ...]


def load_pack_cached(
    path: Path | str, cache_dir: Path | None, *, contacts: HelpContacts | None = None
) -> Pack:
    """The pack in folder ``path``, from the cache in ``cache_dir`` when it is still current.

    Behaves exactly like :func:`~spasmguide.core.content.load_pack` (same pack, same
    ``ContentError``); ``cache_dir=None`` turns the cache off, and so do ``contacts`` that
    replace the pack's own (a kiosk's emergency number).
    """
    if contacts is not None:
        return load_pack(path, contacts=contacts)
    if cache_dir is None:
        return load_pack(path)
    root = Path(path)
    where = os.path.abspath(root)
    cache_file = cache_dir / (
        f"pack-{zlib.crc32(where.encode('utf-8', 'surrogateescape')):08x}"
        f".{sys.implementation.cache_tag}.bin"
    )
    stamp = pack_stamp(root)
    if stamp is not None:
        cached = _read(cache_file, where, stamp)
        if cached is not None:
            return cached
    pack = load_pack(root)  # a broken pack raises here and is not cached
    if stamp is not None and pack_stamp(root) == stamp:  # unchanged while it was read
        _write(cache_file, where, stamp, pack)
    return pack


def pack_stamp(root: Path) -> Stamp | None:
    """What must be unchanged for a cached copy of the pack in ``root`` to be used."""
    try:
        with os.scandir(root) as entries:
            pack_files = sorted(
                (entry.name, *_size_and_time(entry.stat())) for entry in entries if entry.is_file()
            )
        loader = tuple(_size_and_time(path.stat()) for path in _LOADER_FILES)
    except OSError:
        return None
    return (FORMAT, __version__, loader, tuple(pack_files))


def _size_and_time(stat: os.stat_result) -> tuple[int, int]:
    return stat.st_size, stat.st_mtime_ns


def _read(cache_file: Path, where: str, stamp: Stamp) -> Pack | None:
    try:
        body = read_checked(cache_file)
        if body is None:
            return None
        stored_where, stored_stamp, encoded = marshal.loads(body)
        if (stored_where, stored_stamp) != (where, stamp):
            return None
        pack = _decode(encoded)
        if not isinstance(pack, Pack):
            raise TypeError("not a pack")
        return pack
    except Exception as exc:  # any damage at all means: load the pack normally
        log.info("content cache %s not used (%s)", cache_file.name, type(exc).__name__)
        return None


def _write(cache_file: Path, where: str, stamp: Stamp, pack: Pack) -> None:
    try:
        body = marshal.dumps((where, stamp, _encode(pack)))
    except (TypeError, ValueError) as exc:
        log.info("content cache: pack not cacheable (%s)", exc)
        return
    write_checked(cache_file, body, "content cache")


def _encode(value: Any) -> Any:
    """Plain values marshal can store: a record becomes [type name, *fields]."""
    if isinstance(value, Record):
        name = type(value).__name__
        if _TYPES.get(name) is not type(value):
            raise TypeError(f"{name} is not a content type")
        return [name, *(_encode(field) for field in value.values())]
    if isinstance(value, tuple):
        return tuple(_encode(item) for item in value)
    if isinstance(value, Path):
        return ["Path", str(value)]
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"{type(value).__name__} cannot be cached")


def _decode(value: Any) -> Any:
    kind = type(value)  # exact types: marshal makes only these
    if kind is list:
        name = value[0]
        if name == "Path":
            return Path(value[1])
        return _TYPES[name](*[_decode(arg) for arg in value[1:]])
    if kind is tuple:
        return tuple([_decode(item) for item in value])
    return value
