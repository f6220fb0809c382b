"""A cache of built search indexes, so a large pack is indexed once, not at every start.

Indexing 10,000 sections takes about a second on a 2-core machine, most of it SQLite
building its full-text index. That result changes only when the pack or the program does,
so the built database is kept in the cache folder beside the checked pack (see
``core/pack_cache.py``) and used again while it is current. "Current" is decided as there:
the size and modification time of every file of the pack folder, the program's version,
and here also the search modules' own files and the SQLite version. A damaged or stale
file means a normal build; only packs that take a while to index are cached at all.
"""

from __future__ import annotations

import itertools
import logging
import marshal
import os
import sqlite3
import sys
import time
import zlib
from pathlib import Path
from typing import Any

from spasmguide.core.checked_file import read_checked, write_checked
from spasmguide.core.pack_cache import pack_stamp
from spasmguide.core.search.documents import Documents

__all__ = ["MIN_DOCUMENTS", "load", "store"]

log = logging.getLogger(__name__)

FORMAT = 3
MIN_DOCUMENTS = 500
"""Packs with fewer pages are indexed in a few milliseconds: caching them costs more."""

_SEARCH_FILES = tuple(sorted(Path(__file__).resolve().parent.glob("*.py")))


def _cache_file(pack: Any, cache_dir: Path) -> tuple[Path, str] | None:
    path = getattr(pack, "path", None)
    if not path:
        return None
    where = os.path.abspath(path)
    name = (
        f"search-{zlib.crc32(where.encode('utf-8', 'surrogateescape')):08x}"
        f".{sys.implementation.cache_tag}.bin"
    )
    return cache_dir / name, where


def _key(pack: Any, documents: Documents) -> tuple[Any, ...] | None:
    stamp = pack_stamp(Path(pack.path))
    if stamp is None:
        return None
    try:
        code = tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in _SEARCH_FILES)
    except OSError:
        return None
    digest = 0
    for tab_id, _, section_id, title, text in documents.rows:
        digest = zlib.crc32(
            f"{tab_id}\0{section_id}\0{title}\0{len(text)}\0".encode("utf-8", "surrogateescape"),
            digest,
        )
    return (FORMAT, stamp, code, sqlite3.sqlite_version, len(documents), digest)


Vocabulary = tuple[list[str], list[int], list[str]]


def load(
    pack: Any, documents: Documents, cache_dir: Path
) -> tuple[sqlite3.Connection, Vocabulary] | None:
    """The index database of ``pack`` and its vocabulary (words, page counts, stems) from
    the cache, or None when there is no current one."""
    if len(documents) < MIN_DOCUMENTS:
        return None
    located = _cache_file(pack, cache_dir)
    if located is None:
        return None
    cache_file, where = located
    try:
        body = read_checked(cache_file)
        if body is None:
            return None
        header_size = int.from_bytes(body[:4], "big")
        stored_where, stored_key, vocabulary_size = marshal.loads(body[4 : 4 + header_size])
        if (stored_where, stored_key) != (where, _key(pack, documents)):
            return None
        at = 4 + header_size
        terms, counts, stems = marshal.loads(body[at : at + vocabulary_size])
        if not len(terms) == len(counts) == len(stems):
            raise ValueError("vocabulary lists differ in length")
        if any(a >= b for a, b in itertools.pairwise(terms)):
            raise ValueError("vocabulary is not in order")
        db = sqlite3.connect(":memory:", check_same_thread=False)
        db.deserialize(bytes(body[at + vocabulary_size :]))
        db.execute("SELECT rowid FROM titles LIMIT 1").fetchall()
        return db, (terms, counts, stems)
    except Exception as exc:  # any damage at all means: build the index normally
        log.info("search cache %s not used (%s)", cache_file.name, type(exc).__name__)
        return None


def store(
    pack: Any,
    documents: Documents,
    cache_dir: Path,
    db: sqlite3.Connection,
    vocabulary: Vocabulary,
) -> None:
    """Keep the built index of ``pack`` for the next start, if it is worth keeping."""
    if len(documents) < MIN_DOCUMENTS:
        return
    located = _cache_file(pack, cache_dir)
    key = _key(pack, documents) if located is not None else None
    if located is None or key is None:
        return
    cache_file, where = located
    start = time.perf_counter()
    words = marshal.dumps(tuple(list(part) for part in vocabulary))
    header = marshal.dumps((where, key, len(words)))
    body = len(header).to_bytes(4, "big") + header + words + db.serialize()
    if not write_checked(cache_file, body, "search cache"):
        return
    log.debug("search cache written in %.0f ms", (time.perf_counter() - start) * 1000)
