"""The content pack: plain files a clinic can edit, parsed and validated strictly.

A pack is a folder holding ``pack.toml`` and one Markdown file per topic tab (see
``docs/content-format.md``). :func:`load_pack` reads it all, collects *every* problem it
finds and raises one :class:`ContentError` listing them as ``file:line: message``.

Pack text is data: it is never executed, raw HTML is refused, and links may only point
at a section or tab inside the pack.
"""

from __future__ import annotations

from spasmguide.core.content.files import MAX_FILE_BYTES, read_pack_file
from spasmguide.core.content.loader import load_pack
from spasmguide.core.content.markdown import plain_text, slugify
from spasmguide.core.content.model import Pack, Section, Source, Tab, bundled_pack_path
from spasmguide.core.content.toml_lines import parse_toml, toml_key_line, toml_table_lines
from spasmguide.core.errors import ContentError, Problem

__all__ = [
    "MAX_FILE_BYTES",
    "ContentError",
    "Pack",
    "Problem",
    "Section",
    "Source",
    "Tab",
    "bundled_pack_path",
    "load_pack",
    "parse_toml",
    "plain_text",
    "read_pack_file",
    "slugify",
    "toml_key_line",
    "toml_table_lines",
]
