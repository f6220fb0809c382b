"""The content pack: plain files a clinic can edit, parsed and validated strictly.

A pack is a folder holding ``pack.toml`` and one Markdown file per topic tab (see
``docs/content-format.md``). :func:`load_pack` reads it all, collects *every* problem it
finds and raises one :class:`ContentError` listing them as ``file:line: message``.

Pack text is data: it is never executed, raw HTML is refused, and links may only point
at a section or tab inside the pack.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spasmguide.core.care_cards import care_card_plain_line, check_care_cards
from spasmguide.core.errors import ContentError, Problem
from spasmguide.core.pack_safety import (
    CHECKED_HERE,
    Evidence,
    HelpContacts,
    apply_safety,
    check_placeholders,
    read_safety_settings,
    tab_is_treatments,
)

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
    "plain_text",
    "read_pack_file",
    "slugify",
]

MAX_FILE_BYTES = 16 * 1024 * 1024
"""Files larger than this are refused: no hand-written pack comes near it."""

PACK_FILE = "pack.toml"
RESERVED_TAB_IDS = frozenset({"timer", "about"})
"""Tabs the program adds itself; a pack's tab may not take their ids."""

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_EXPLICIT_ID_RE = re.compile(r"^(.*?)\s*\{#([^}\s]*)\}$")
_FENCE_RE = re.compile(r"^\s{0,3}(```|~~~)")
_INLINE_LINK_RE = re.compile(
    r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)"
)
_REF_DEF_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s.*)?$")
_AUTOLINK_RE = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")
_HTML_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--")


@dataclass(frozen=True)
class Section:
    """One ``## Section`` of a tab.

    Attributes:
        id: Unique across the pack; explicit ``{#id}`` or a slug of the title.
        title: The heading text.
        markdown: The section body as written (without its heading).
        text: The body as plain text, for search, speech and JSON.
        line: Line of the heading in the tab's file (1-based).
        evidence: How well a treatment section is backed (None for other sections).
    """

    id: str
    title: str
    markdown: str
    text: str
    line: int
    evidence: Evidence | None = None

    def __repr__(self) -> str:
        return f"Section({self.id!r}, {self.title!r})"


@dataclass(frozen=True)
class Tab:
    """A topic tab: a title and its ordered sections."""

    id: str
    title: str
    file: str
    sections: tuple[Section, ...]
    treatments: bool = False

    def __repr__(self) -> str:
        return f"Tab({self.id!r}, {len(self.sections)} sections)"

    def section(self, section_id: str) -> Section | None:
        """Return the section with ``section_id``, or None."""
        return next((s for s in self.sections if s.id == section_id), None)


@dataclass(frozen=True)
class Source:
    """A work the pack's facts come from, credited on the About page."""

    title: str
    used_for: str
    author: str = ""
    publisher: str = ""

    @property
    def credit(self) -> str:
        """A one-line credit such as ``"Leg Muscle Spasms" by Marlene Alphonse``."""
        who = self.author or self.publisher
        return f"\u201c{self.title}\u201d, {who}" if who else f"\u201c{self.title}\u201d"


@dataclass(frozen=True)
class Pack:
    """A loaded, validated content pack."""

    id: str
    language: str
    title: str
    subtitle: str
    version: str
    disclaimer: str
    help_section: str
    tabs: tuple[Tab, ...]
    sources: tuple[Source, ...]
    path: Path
    routines: tuple[Any, ...] = field(default=())
    synonyms: Any = None
    reviewed: str = ""
    reviewed_against: str = ""
    help_contacts: HelpContacts = field(default=HelpContacts())

    def __repr__(self) -> str:
        return f"Pack({self.id!r}, version={self.version!r}, tabs={[t.id for t in self.tabs]})"

    def tab(self, tab_id: str) -> Tab | None:
        """Return the tab with ``tab_id``, or None."""
        return next((t for t in self.tabs if t.id == tab_id), None)

    def locate(self, section_id: str) -> tuple[Tab, Section] | None:
        """Find the tab holding ``section_id``."""
        for tab in self.tabs:
            section = tab.section(section_id)
            if section is not None:
                return tab, section
        return None

    def sections(self) -> list[tuple[Tab, Section]]:
        """Every section of the pack in reading order, with its tab."""
        return [(tab, section) for tab in self.tabs for section in tab.sections]

    def word_count(self) -> int:
        """Number of words of body text across the pack."""
        return sum(len(s.text.split()) for _, s in self.sections())


def bundled_pack_path(language: str = "en") -> Path:
    """The pack shipped with the program."""
    return Path(__file__).resolve().parents[2] / "resources" / "content" / language


def slugify(title: str) -> str:
    """A stable id from a heading: lower case ASCII words joined by hyphens."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", folded.lower())
    return "-".join(words) or "section"


_LIST_ITEM_RE = re.compile(r"^(?:[-*+]|\d+[.)])\s+")
_SENTENCE_END = (".", "!", "?", ":", ";")


def plain_text(markdown: str) -> str:
    """Markdown body to plain text: link text kept, markup and list markers dropped.

    A list item that does not end a sentence gets a full stop, so that items read aloud,
    shown in a search snippet or measured for readability do not run into each other.
    """
    text = _INLINE_LINK_RE.sub(lambda m: m.group(2), markdown)
    lines: list[str] = []
    in_item = False

    def end_item() -> None:
        if in_item and lines and lines[-1] and not lines[-1].endswith(_SENTENCE_END):
            lines[-1] += "."

    for raw in text.splitlines():
        line = raw.strip()
        if _FENCE_RE.match(line) or _REF_DEF_RE.match(line):
            continue
        # -- care cards: the opening line reads as the card's heading (see core/care_cards.py)
        card_line = care_card_plain_line(line)
        if card_line is not None:
            end_item()
            in_item = False
            lines.extend([card_line, ""] if card_line else [""])
            continue
        # -- end care cards
        starts_item = bool(_LIST_ITEM_RE.match(line))
        if starts_item or not line:
            end_item()
            in_item = starts_item
        line = _LIST_ITEM_RE.sub("", line)
        line = re.sub(r"^#{1,6}\s+", "", line)
        line = re.sub(r"^>\s?", "", line)
        line = re.sub(r"(\*\*|__|\*|`)", "", line)
        line = re.sub(r"(?<!\w)_(\S(?:.*?\S)?)_(?!\w)", r"\1", line)
        lines.append(line)
    end_item()
    paragraphs = "\n".join(lines).split("\n\n")
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def read_pack_file(path: Path, name: str, problems: list[Problem]) -> str | None:
    """Read one UTF-8 file of a pack, recording any fault in ``problems``."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(
                Problem(name, None, f"file is {size // (1024 * 1024)} MiB; the limit is 16 MiB")
            )
            return None
        data = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(name, None, "file is missing; create it or fix the name"))
        return None
    except IsADirectoryError:
        problems.append(Problem(name, None, "is a folder, not a file"))
        return None
    except OSError as exc:
        problems.append(Problem(name, None, f"cannot be read ({exc.strerror or exc})"))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.append(Problem(name, line, "is not valid UTF-8 text; save the file as UTF-8"))
        return None
    return text.removeprefix("\ufeff")


_KEY_LINE_RE = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


@functools.lru_cache(maxsize=8)
def _key_lines(text: str) -> dict[str, list[int]]:
    """For each bare key assigned in ``text``, the lines (1-based, ascending) assigning it."""
    found: dict[str, list[int]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = _KEY_LINE_RE.match(line)
        if match:
            found.setdefault(match.group(1), []).append(number)
    return found


def toml_key_line(text: str, key: str, after_line: int = 0) -> int | None:
    """The first line (1-based) at or after ``after_line`` assigning ``key``."""
    lines = _key_lines(text).get(key, [])
    index = bisect.bisect_left(lines, after_line)
    return lines[index] if index < len(lines) else None


def toml_table_lines(text: str, header: str) -> list[int]:
    """Lines (1-based) of each ``[[header]]`` in ``text``."""
    pattern = re.compile(rf"^\s*\[\[\s*{re.escape(header)}\s*\]\]\s*(?:#.*)?$")
    return [n for n, line in enumerate(text.splitlines(), start=1) if pattern.match(line)]


def parse_toml(text: str, name: str, problems: list[Problem]) -> dict[str, Any] | None:
    """Parse TOML, turning a syntax error into a ``file:line`` problem."""
    import tomllib  # here: a start-up from the pack cache never needs it

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        line = int(match.group(1)) if match else None
        problems.append(Problem(name, line, f"TOML syntax error: {message}"))
        return None


_PACK_KEYS = {
    "id": True,
    "language": True,
    "title": True,
    "subtitle": False,
    "version": True,
    "help_section": True,
    "disclaimer": True,
    "tabs": True,
    "sources": True,
    "reviewed": False,
    "reviewed_against": False,
    "help_contacts": False,
    "evidence": False,
}
_TAB_KEYS = {"id": True, "title": True, "file": True, "treatments": False}
_SOURCE_KEYS = {"title": True, "used_for": True, "author": False, "publisher": False}


def _check_table(
    table: dict[str, Any],
    spec: dict[str, bool],
    text: str,
    where: str,
    start_line: int,
    problems: list[Problem],
) -> None:
    for key in table:
        if key not in spec:
            line = toml_key_line(text, key, start_line) or start_line or None
            allowed = ", ".join(spec)
            problems.append(
                Problem(PACK_FILE, line, f"unknown key '{key}' in {where}; allowed: {allowed}")
            )
    for key, required in spec.items():
        if key not in table:
            if required:
                problems.append(
                    Problem(PACK_FILE, start_line or None, f"{where} is missing '{key}'")
                )
            continue
        value = table[key]
        if key in CHECKED_HERE:
            continue  # see spasmguide.core.pack_safety
        expected_list = key in ("tabs", "sources")
        if expected_list:
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                line = toml_key_line(text, key, start_line)
                problems.append(
                    Problem(PACK_FILE, line, f"'{key}' must be a list of [[{key}]] tables")
                )
        elif not isinstance(value, str) or not value.strip():
            line = toml_key_line(text, key, start_line)
            problems.append(Problem(PACK_FILE, line, f"'{key}' in {where} must be non-empty text"))


def _parse_tab_file(
    text: str,
    name: str,
    tab_title: str,
    problems: list[Problem],
    links: list[tuple[str, str, int]],
) -> list[Section]:
    """Split a tab's Markdown into sections, validating headings, ids and links."""
    lines = text.splitlines()
    sections: list[Section] = []
    title_seen = False
    in_fence = False
    current: dict[str, Any] | None = None
    body: list[str] = []

    def finish() -> None:
        if current is None:
            return
        # -- care cards: checked here, each problem at its own line (see core/care_cards.py)
        for offset, message in check_care_cards(body):
            problems.append(Problem(name, current["line"] + 1 + offset, message))
        # -- end care cards
        markdown = "\n".join(body).strip("\n")
        plain = plain_text(markdown)
        if not plain.strip():
            problems.append(
                Problem(name, current["line"], f"section '{current['title']}' has no text")
            )
        sections.append(Section(current["id"], current["title"], markdown, plain, current["line"]))

    for number, line in enumerate(lines, start=1):
        if _FENCE_RE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else _HEADING_RE.match(line)
        level = len(heading.group(1)) if heading else 0
        if level == 1:
            if title_seen or current is not None:
                problems.append(
                    Problem(name, number, "only one '# Title' line is allowed, at the top")
                )
                continue
            title_seen = True
            if heading is not None and heading.group(2).strip() != tab_title:
                problems.append(
                    Problem(
                        name,
                        number,
                        f"title '{heading.group(2).strip()}' differs from the tab title "
                        f"'{tab_title}' in {PACK_FILE}; make them the same",
                    )
                )
            continue
        if level == 2 and heading is not None:
            finish()
            body = []
            raw_title = heading.group(2).strip()
            explicit = _EXPLICIT_ID_RE.match(raw_title)
            if explicit:
                title, section_id = explicit.group(1).strip(), explicit.group(2)
                if not _ID_RE.match(section_id):
                    problems.append(
                        Problem(
                            name,
                            number,
                            f"section id '{section_id}' must be lower-case letters, digits "
                            "and single hyphens, like 'poor-blood-flow'",
                        )
                    )
            else:
                title, section_id = raw_title, slugify(raw_title)
            if not title:
                problems.append(Problem(name, number, "section heading has no title"))
            current = {"id": section_id, "title": title, "line": number}
            continue
        if not title_seen and line.strip():
            problems.append(Problem(name, number, f"the file must start with '# {tab_title}'"))
            title_seen = True
            continue
        if current is None:
            if line.strip():
                problems.append(Problem(name, number, "text before the first '## Section' heading"))
            continue
        body.append(line)
        if not in_fence:
            _check_line(line, number, name, problems)
            links.extend((name, target, number) for target in _LINK_TARGETS_RE.findall(line))
    finish()
    if not title_seen:
        problems.append(Problem(name, None, f"the file is empty; start it with '# {tab_title}'"))
    elif not sections:
        problems.append(Problem(name, None, "no sections; add at least one '## Section' heading"))
    return sections


def _check_line(line: str, number: int, name: str, problems: list[Problem]) -> None:
    """Refuse raw HTML and links that leave the pack on one line of body text."""
    if _HTML_RE.search(line):
        problems.append(
            Problem(name, number, "raw HTML is not allowed; write plain Markdown instead")
        )
    for match in _INLINE_LINK_RE.finditer(line):
        if match.group(1):
            problems.append(Problem(name, number, "images are not supported in content"))
            continue
        _check_target(match.group(3), number, name, problems)
    ref = _REF_DEF_RE.match(line)
    if ref:
        _check_target(ref.group(1), number, name, problems)
    for match in _AUTOLINK_RE.finditer(line):
        _check_target(match.group(1), number, name, problems)


def _check_target(target: str, number: int, name: str, problems: list[Problem]) -> None:
    if not target.startswith("#") or not _ID_RE.match(target[1:]):
        problems.append(
            Problem(
                name,
                number,
                f"link to '{target}' leaves the guide; links may only point to "
                "'#section-id' or '#tab-id' inside the pack",
            )
        )


_LINK_TARGETS_RE = re.compile(r"\]\(\s*<?#([a-z0-9-]+)>?")


def _check_link_targets(
    tabs: list[Tab], links: list[tuple[str, str, int]], problems: list[Problem]
) -> None:
    known = {t.id for t in tabs} | {s.id for t in tabs for s in t.sections}
    for file_name, target, number in links:
        if target not in known:
            problems.append(
                Problem(
                    file_name,
                    number,
                    f"link to '#{target}' points to no section or tab in this pack",
                )
            )


def load_pack(path: Path | str, *, contacts: HelpContacts | None = None) -> Pack:
    """Read and validate the content pack in folder ``path``.

    ``contacts`` (a kiosk's own emergency number and advice line) replaces the pack's.

    Raises:
        ContentError: listing every problem found, each naming its file and line.
    """
    root = Path(path)
    problems: list[Problem] = []
    if not root.is_dir():
        raise ContentError(Problem(str(root), None, "is not a content pack folder"))
    text = read_pack_file(root / PACK_FILE, PACK_FILE, problems)
    data = parse_toml(text, PACK_FILE, problems) if text is not None else None
    if data is None or text is None:
        raise ContentError(problems)

    _check_table(data, _PACK_KEYS, text, PACK_FILE, 0, problems)
    raw_tabs = data.get("tabs") if isinstance(data.get("tabs"), list) else []
    raw_sources = data.get("sources") if isinstance(data.get("sources"), list) else []
    tab_lines = toml_table_lines(text, "tabs")
    source_lines = toml_table_lines(text, "sources")

    tabs: list[Tab] = []
    treatment_tabs: set[str] = set()
    links: list[tuple[str, str, int]] = []
    seen_tab_ids: dict[str, int] = {}
    for index, raw in enumerate(raw_tabs):
        if not isinstance(raw, dict):
            continue
        line = tab_lines[index] if index < len(tab_lines) else 0
        where = f"tab {index + 1}"
        _check_table(raw, _TAB_KEYS, text, where, line, problems)
        tab_id, title, file_name = raw.get("id"), raw.get("title"), raw.get("file")
        if not all(isinstance(v, str) and v.strip() for v in (tab_id, title, file_name)):
            continue
        assert isinstance(tab_id, str) and isinstance(title, str) and isinstance(file_name, str)
        id_line = toml_key_line(text, "id", line) or line or None
        if not _ID_RE.match(tab_id):
            problems.append(
                Problem(PACK_FILE, id_line, f"tab id '{tab_id}' must be like 'muscle-types'")
            )
        if tab_id in RESERVED_TAB_IDS:
            problems.append(
                Problem(
                    PACK_FILE,
                    id_line,
                    f"tab id '{tab_id}' is the program's own {tab_id.title()} tab; "
                    "choose another id",
                )
            )
        if tab_id in seen_tab_ids:
            problems.append(
                Problem(PACK_FILE, id_line, f"tab id '{tab_id}' is used twice; ids must differ")
            )
        seen_tab_ids[tab_id] = index
        if Path(file_name).name != file_name or not file_name.endswith(".md"):
            problems.append(
                Problem(
                    PACK_FILE,
                    toml_key_line(text, "file", line),
                    f"tab file '{file_name}' must be a '.md' file name inside the pack folder",
                )
            )
            continue
        if tab_is_treatments(raw, text, line, problems):
            treatment_tabs.add(tab_id)
        source_text = read_pack_file(root / file_name, file_name, problems)
        if source_text is None:
            continue
        check_placeholders(source_text, file_name, problems)
        sections = _parse_tab_file(source_text, file_name, title.strip(), problems, links)
        tabs.append(Tab(tab_id, title.strip(), file_name, tuple(sections)))
    if isinstance(data.get("tabs"), list) and not raw_tabs:
        problems.append(Problem(PACK_FILE, None, "the pack lists no tabs"))

    seen_sections: dict[str, str] = {}
    for tab in tabs:
        for section in tab.sections:
            if section.id in seen_sections or section.id in seen_tab_ids:
                other = seen_sections.get(section.id, PACK_FILE)
                problems.append(
                    Problem(
                        tab.file,
                        section.line,
                        f"section id '{section.id}' is already used in {other}; "
                        "give this section its own '{#id}'",
                    )
                )
            seen_sections[section.id] = f"{tab.file}"
    _check_link_targets(tabs, links, problems)
    safety = read_safety_settings(data, text, problems)
    tabs = apply_safety(tabs, treatment_tabs, safety, contacts, problems)
    contacts = HelpContacts(
        (contacts and contacts.emergency_number) or safety.contacts.emergency_number,
        (contacts and contacts.advice_line) or safety.contacts.advice_line,
    )

    sources: list[Source] = []
    for index, raw in enumerate(raw_sources):
        if not isinstance(raw, dict):
            continue
        line = source_lines[index] if index < len(source_lines) else 0
        _check_table(raw, _SOURCE_KEYS, text, f"source {index + 1}", line, problems)
        if all(isinstance(raw.get(k), str) for k in ("title", "used_for")):
            sources.append(
                Source(
                    title=raw["title"].strip(),
                    used_for=raw["used_for"].strip(),
                    author=str(raw.get("author", "")).strip(),
                    publisher=str(raw.get("publisher", "")).strip(),
                )
            )

    help_section = data.get("help_section")
    if isinstance(help_section, str) and help_section and help_section not in seen_sections:
        problems.append(
            Problem(
                PACK_FILE,
                toml_key_line(text, "help_section"),
                f"help_section '{help_section}' is not the id of any section",
            )
        )

    routines, synonyms = _load_extras(root, problems)

    if problems:
        raise ContentError(problems)
    return Pack(
        id=data["id"].strip(),
        language=data["language"].strip(),
        title=data["title"].strip(),
        subtitle=str(data.get("subtitle", "")).strip(),
        version=data["version"].strip(),
        disclaimer=" ".join(data["disclaimer"].split()),
        help_section=data["help_section"].strip(),
        tabs=tuple(tabs),
        sources=tuple(sources),
        path=root,
        routines=routines,
        synonyms=synonyms,
        reviewed=safety.reviewed,
        reviewed_against=safety.reviewed_against,
        help_contacts=contacts,
    )


def _load_extras(root: Path, problems: list[Problem]) -> tuple[tuple[Any, ...], Any]:
    """Load the optional timer routines and search synonyms beside the tabs."""
    from spasmguide.core.routines import load_routines
    from spasmguide.core.synonyms import load_synonyms

    routines: tuple[Any, ...] = ()
    synonyms: Any = None
    try:
        routines = tuple(load_routines(root))
    except ContentError as exc:
        problems.extend(exc.problems)
    try:
        synonyms = load_synonyms(root)
    except ContentError as exc:
        problems.extend(exc.problems)
    return routines, synonyms
