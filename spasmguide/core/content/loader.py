"""Loading a content pack: ``pack.toml``, its tabs' Markdown files and the optional extras."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spasmguide.core.care_cards import care_card_spans
from spasmguide.core.content.characters import shown, unsafe_character
from spasmguide.core.content.files import (
    MAX_FILE_BYTES,
    PackFileError,
    check_file_inside,
    pack_file_exists,
    read_pack_file,
)
from spasmguide.core.content.markdown import _parse_tab_file
from spasmguide.core.content.model import ID_RE as _ID_RE
from spasmguide.core.content.model import PACK_FILE, Pack, Section, Source, Tab
from spasmguide.core.content.pictures import attach_pictures, read_pictures
from spasmguide.core.content.toml_lines import parse_toml, toml_key_line, toml_table_lines
from spasmguide.core.errors import ContentError, Problem
from spasmguide.core.pack_safety import (
    CHECKED_HERE,
    HelpContacts,
    apply_safety,
    check_placeholders,
    read_safety_settings,
    tab_is_treatments,
)

RESERVED_TAB_IDS = frozenset({"start", "timer", "about"})
"""Tabs the program adds itself; a pack's tab may not take their ids."""

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
    "pictures": False,
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
        if key in CHECKED_HERE or key == "pictures":
            continue  # see spasmguide.core.pack_safety and spasmguide.core.content.pictures
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


def _check_characters(
    value: Any, key: str, text: str, start_line: int, problems: list[Problem]
) -> None:
    """Refuse control and hidden text-direction characters in a title or id."""
    if not isinstance(value, str):
        return
    bad = unsafe_character(value)
    if bad:
        line = toml_key_line(text, key, start_line) or start_line or None
        problems.append(
            Problem(PACK_FILE, line, f"{key} '{shown(value)}' holds {bad}; remove it")
        )


def _check_images(
    root: Path, images: list[tuple[str, str, int]], problems: list[Problem]
) -> None:
    """Each picture must be an ordinary file inside the pack folder, of a sensible size."""
    from urllib.parse import unquote

    for file_name, source, number in images:
        try:
            check_file_inside(root, unquote(source), MAX_FILE_BYTES)
        except PackFileError as exc:
            problems.append(Problem(file_name, number, f"picture '{shown(source)}': {exc}"))


CHECKER_LINK = "is-it-serious"
"""Link target that opens the "Is it serious?" questions, in a pack that has them."""


def _check_link_targets(
    tabs: list[Tab], links: list[tuple[str, str, int]], problems: list[Problem], root: Path
) -> None:
    known = {t.id for t in tabs} | {s.id for t in tabs for s in t.sections}
    if pack_file_exists(root, "checker.toml"):
        known.add(CHECKER_LINK)
    for file_name, target, number in links:
        if target not in known:
            problems.append(
                Problem(
                    file_name,
                    number,
                    f"link to '#{target}' points to no section or tab in this pack",
                )
            )


def with_care_spans(section: Section) -> Section:
    """``section`` knowing where its care cards are in its text (worked out once, here, so a
    start from the pack cache never needs the Markdown parser for it)."""
    if ":::" not in section.markdown:
        return section
    spans = care_card_spans(section.markdown, " ".join(section.text.split()))
    return section.replace(care_cards=spans) if spans else section


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
    text = read_pack_file(root, PACK_FILE, problems)
    data = parse_toml(text, PACK_FILE, problems) if text is not None else None
    if data is None or text is None:
        raise ContentError(problems)

    _check_table(data, _PACK_KEYS, text, PACK_FILE, 0, problems)
    raw_tabs = data.get("tabs") if isinstance(data.get("tabs"), list) else []
    raw_sources = data.get("sources") if isinstance(data.get("sources"), list) else []
    tab_lines = toml_table_lines(text, "tabs")
    source_lines = toml_table_lines(text, "sources")

    for key in ("id", "title", "subtitle"):
        _check_characters(data.get(key), key, text, 0, problems)
    tabs: list[Tab] = []
    treatment_tabs: set[str] = set()
    links: list[tuple[str, str, int]] = []
    images: list[tuple[str, str, int]] = []
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
        _check_characters(title, "title", text, line, problems)
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
        file_line = toml_key_line(text, "file", line) or line or None
        bad = unsafe_character(file_name)
        if bad:
            problems.append(
                Problem(
                    PACK_FILE,
                    file_line,
                    f"tab file name '{shown(file_name)}' holds {bad}; retype the name",
                )
            )
            continue
        if (
            Path(file_name).name != file_name
            or "\\" in file_name
            or not file_name.endswith(".md")
        ):
            problems.append(
                Problem(
                    PACK_FILE,
                    file_line,
                    f"tab file '{shown(file_name)}' must be a '.md' file name inside the "
                    "pack folder",
                )
            )
            continue
        if tab_is_treatments(raw, text, line, problems):
            treatment_tabs.add(tab_id)
        source_text = read_pack_file(root, file_name, problems)
        if source_text is None:
            continue
        check_placeholders(source_text, file_name, problems)
        sections = _parse_tab_file(
            source_text, file_name, title.strip(), problems, links, images
        )
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
    _check_link_targets(tabs, links, problems, root)
    _check_images(root, images, problems)
    safety = read_safety_settings(data, text, problems)
    tabs = apply_safety(tabs, treatment_tabs, safety, contacts, problems)
    tabs = attach_pictures(tabs, read_pictures(data, text, problems), problems)
    tabs = [
        tab.replace(sections=tuple(with_care_spans(section) for section in tab.sections))
        for tab in tabs
    ]
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
        _check_characters(raw.get("title"), "title", text, line, problems)
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
    _check_checker(root, routines, problems)
    return routines, synonyms


def _check_checker(root: Path, routines: tuple[Any, ...], problems: list[Problem]) -> None:
    """Validate the optional "Is it serious?" checker; it is read again when first opened."""
    from spasmguide.core.checker import load_checker

    try:
        load_checker(root, routine_ids=[r.id for r in routines])
    except ContentError as exc:
        problems.extend(exc.problems)
