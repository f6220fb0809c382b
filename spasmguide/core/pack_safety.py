"""The safety parts of a content pack: who to call, how well each treatment is backed, and
when the text was last reviewed.

``pack.toml`` may hold::

    reviewed = "2026-12-01"
    reviewed_against = "NHS, MedlinePlus and Mayo Clinic pages on leg cramps"

    [help_contacts]
    emergency_number = "999"
    advice_line = "111"

    [[tabs]]
    ...
    treatments = true            # every section of this tab needs an evidence label

    [[evidence]]
    section = "stretch-and-massage"
    label = "recommended"
    source = "NHS and Mayo Clinic"

The Markdown may say ``{emergency_number}`` and ``{advice_line}``; they are filled in with
the pack's values, or with those of a kiosk's configuration file. Every fault becomes a
:class:`Problem` with its file and line, like the rest of the pack.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from spasmguide.core.errors import Problem
from spasmguide.core.patterns import LazyPattern
from spasmguide.core.record import Record

if TYPE_CHECKING:
    from spasmguide.core.content import Tab

__all__ = [
    "DEFAULT_ADVICE_LINE",
    "DEFAULT_EMERGENCY_NUMBER",
    "EVIDENCE_LABELS",
    "PLACEHOLDERS",
    "Evidence",
    "HelpContacts",
    "SafetySettings",
    "apply_safety",
    "check_placeholders",
    "contact_problem",
    "fill_placeholders",
    "read_safety_settings",
    "tab_is_treatments",
]

PACK_FILE = "pack.toml"

EVIDENCE_LABELS: dict[str, str] = {
    "recommended": "Recommended by health services",
    "some-evidence": "Some evidence",
    "traditional": "Traditional, not proven",
    "not-supported": "Not supported by evidence",
}
"""The fixed set of evidence labels, with their English wording (the window translates it)."""

DEFAULT_EMERGENCY_NUMBER = "your local emergency number"
DEFAULT_ADVICE_LINE = "a local health advice line"
PLACEHOLDERS = ("emergency_number", "advice_line")
MAX_CONTACT_CHARS = 60
MAX_LINE_CHARS = 300

CHECKED_HERE = frozenset(
    {"reviewed", "reviewed_against", "help_contacts", "evidence", "treatments"}
)
"""Keys of ``pack.toml`` whose values this module checks (the loader only knows they exist)."""

# Letters, digits, spaces and the few signs a phone number or a name needs: nothing that
# Markdown would read as markup, and nothing that looks like another placeholder.
_CONTACT_RE = LazyPattern(r"\+?[^\W_]+(?:[ +\-'.,/&]+[^\W_]+)*\.?", re.UNICODE)
_PLACEHOLDER_RE = LazyPattern(r"\{([^{}#\n]*)\}")
_DATE_RE = LazyPattern(r"\d{4}-\d{2}-\d{2}")


class Evidence(Record):
    """How well a treatment section is backed: one of :data:`EVIDENCE_LABELS`, and by whom."""

    label: str
    source: str

    @property
    def text(self) -> str:
        """The label in English words (for JSON and the command line)."""
        return EVIDENCE_LABELS.get(self.label, self.label)


class HelpContacts(Record):
    """Who the text tells people to call. Both are words shown inside sentences."""

    emergency_number: str = DEFAULT_EMERGENCY_NUMBER
    advice_line: str = DEFAULT_ADVICE_LINE


class SafetySettings(Record):
    """What :func:`read_safety_settings` found in ``pack.toml``."""

    contacts: HelpContacts
    reviewed: str
    reviewed_against: str
    evidence: dict[str, tuple[Evidence, int | None]]


def contact_problem(value: object) -> str | None:
    """Why ``value`` cannot be an emergency number or advice line; None when it can.

    A value is a number such as ``"999"`` or ``"+44 20 7946 0000"``, or a few plain words
    such as ``"your local emergency number"`` or ``"NHS 111"``.
    """
    if isinstance(value, bool) or not isinstance(value, str):
        if isinstance(value, int | float) and not isinstance(value, bool):
            return f'must be text in quotes, like "{value}"'
        return 'must be text in quotes, like "999" or "your local emergency number"'
    text = value.strip()
    if not text:
        return 'is empty; write a number such as "112" or words such as "your GP"'
    if len(text) > MAX_CONTACT_CHARS:
        return f"is {len(text)} characters long; keep it to {MAX_CONTACT_CHARS} or fewer"
    if not _CONTACT_RE.fullmatch(text):
        return (
            "may hold only letters, digits, spaces and + - ' . , / &; "
            "no links, Markdown or {placeholders}"
        )
    digits = sum(ch.isdigit() for ch in text)
    if not any(ch.isalpha() for ch in text) and digits < 2:
        return "is too short to be a phone number"
    return None


def fill_placeholders(text: str, contacts: HelpContacts) -> str:
    """``text`` with ``{emergency_number}`` and ``{advice_line}`` replaced."""
    if "{" not in text:
        return text
    return text.replace("{emergency_number}", contacts.emergency_number).replace(
        "{advice_line}", contacts.advice_line
    )


def check_placeholders(source: str, file_name: str, problems: list[Problem]) -> None:
    """A problem for each ``{name}`` in a tab's text that is not a known placeholder."""
    if "{" not in source:
        return
    known = ", ".join("{" + name + "}" for name in PLACEHOLDERS)
    for number, line in enumerate(source.splitlines(), start=1):
        if line.lstrip().startswith("#"):
            continue  # a heading's {#id}
        for match in _PLACEHOLDER_RE.finditer(line):
            if match.group(1) not in PLACEHOLDERS:
                problems.append(
                    Problem(
                        file_name,
                        number,
                        f"unknown placeholder '{match.group(0)[:40]}'; the text may use {known}",
                    )
                )


def tab_is_treatments(
    raw: dict[str, Any], text: str, line: int, problems: list[Problem]
) -> bool:
    """The ``treatments`` flag of a ``[[tabs]]`` table (false when absent)."""
    from spasmguide.core.content import toml_key_line

    value = raw.get("treatments", False)
    if not isinstance(value, bool):
        problems.append(
            Problem(PACK_FILE, toml_key_line(text, "treatments", line) or line or None,
                    "'treatments' must be true or false")
        )
        return False
    return value


def read_safety_settings(
    data: dict[str, Any], text: str, problems: list[Problem]
) -> SafetySettings:
    """Check and read ``reviewed``, ``reviewed_against``, ``[help_contacts]``, ``[[evidence]]``."""
    from spasmguide.core.content import toml_key_line, toml_table_lines

    reviewed = _reviewed(data.get("reviewed"), toml_key_line(text, "reviewed"), problems)
    against = data.get("reviewed_against", "")
    if not isinstance(against, str) or "\n" in against.strip() or len(against) > MAX_LINE_CHARS:
        problems.append(
            Problem(PACK_FILE, toml_key_line(text, "reviewed_against"),
                    f"'reviewed_against' must be one line of text, at most {MAX_LINE_CHARS} "
                    "characters")
        )
        against = ""

    contacts = HelpContacts()
    table = data.get("help_contacts")
    if table is not None:
        header = _table_line(text, "help_contacts")
        if not isinstance(table, dict):
            problems.append(
                Problem(PACK_FILE, toml_key_line(text, "help_contacts") or header,
                        "'help_contacts' must be a [help_contacts] table")
            )
        else:
            values: dict[str, str] = {}
            for key, value in table.items():
                line = toml_key_line(text, key, header or 0) or header
                if key not in PLACEHOLDERS:
                    problems.append(
                        Problem(PACK_FILE, line,
                                f"unknown key '{key}' in [help_contacts]; allowed: "
                                + ", ".join(PLACEHOLDERS))
                    )
                    continue
                fault = contact_problem(value)
                if fault:
                    problems.append(Problem(PACK_FILE, line, f"{key} {fault}"))
                else:
                    values[key] = " ".join(str(value).split())
            contacts = HelpContacts(**values)

    evidence: dict[str, tuple[Evidence, int | None]] = {}
    raw_list = data.get("evidence", [])
    lines = toml_table_lines(text, "evidence")
    if not isinstance(raw_list, list) or not all(isinstance(e, dict) for e in raw_list):
        problems.append(
            Problem(PACK_FILE, toml_key_line(text, "evidence"),
                    "'evidence' must be a list of [[evidence]] tables")
        )
        raw_list = []
    allowed = ", ".join(EVIDENCE_LABELS)
    for index, entry in enumerate(raw_list):
        line = lines[index] if index < len(lines) else None
        for key in entry:
            if key not in ("section", "label", "source"):
                problems.append(
                    Problem(PACK_FILE, toml_key_line(text, key, line or 0) or line,
                            f"unknown key '{key}' in evidence {index + 1}; allowed: "
                            "section, label, source")
                )
        section, label, source = (entry.get(k) for k in ("section", "label", "source"))
        bad = [k for k, v in (("section", section), ("label", label), ("source", source))
               if not isinstance(v, str) or not v.strip()]
        if bad:
            problems.append(
                Problem(PACK_FILE, line,
                        f"evidence {index + 1} needs {' and '.join(repr(k) for k in bad)} as text")
            )
            continue
        assert isinstance(section, str) and isinstance(label, str) and isinstance(source, str)
        if label not in EVIDENCE_LABELS:
            problems.append(
                Problem(PACK_FILE, toml_key_line(text, "label", line or 0) or line,
                        f"evidence label '{label[:40]}' is not known; use one of {allowed}")
            )
            continue
        if section in evidence:
            problems.append(
                Problem(PACK_FILE, line, f"section '{section}' has two evidence labels; keep one")
            )
            continue
        evidence[section] = (Evidence(label, " ".join(source.split())), line)
    return SafetySettings(contacts, reviewed, " ".join(against.split()), evidence)


def apply_safety(
    tabs: list[Tab],
    treatment_tabs: set[str],
    settings: SafetySettings,
    contacts: HelpContacts | None,
    problems: list[Problem],
) -> list[Tab]:
    """Give each section its evidence label and fill in the help contacts.

    Every section of a treatments tab must have a label, and every label must name a
    section. ``contacts`` (from a kiosk's configuration) wins over the pack's own.
    """
    own = settings.contacts
    if contacts is None:
        contacts = own
    else:  # an empty value keeps the pack's own
        contacts = HelpContacts(
            contacts.emergency_number or own.emergency_number,
            contacts.advice_line or own.advice_line,
        )
    known = {section.id for tab in tabs for section in tab.sections}
    for section_id, (_evidence, line) in settings.evidence.items():
        if section_id not in known:
            problems.append(
                Problem(PACK_FILE, line, f"evidence names section '{section_id}', which is "
                        "not in any tab")
            )
    result = []
    for tab in tabs:
        sections = []
        for section in tab.sections:
            found = settings.evidence.get(section.id)
            if found is None and tab.id in treatment_tabs:
                problems.append(
                    Problem(tab.file, section.line,
                            f"'{section.title}' is a treatment section and needs an evidence "
                            f"label; add an [[evidence]] table with section = \"{section.id}\" "
                            f"to {PACK_FILE}")
                )
            sections.append(
                section.replace(
                    markdown=fill_placeholders(section.markdown, contacts),
                    text=fill_placeholders(section.text, contacts),
                    evidence=found[0] if found else None,
                )
            )
        result.append(tab.replace(sections=tuple(sections), treatments=tab.id in treatment_tabs))
    return result


def _reviewed(value: object, line: int | None, problems: list[Problem]) -> str:
    if value is None:
        return ""
    import datetime  # only when a pack is read, not from the cache

    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str) and _DATE_RE.fullmatch(value.strip()):
        try:
            return datetime.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    problems.append(
        Problem(PACK_FILE, line, "'reviewed' must be a date written as YYYY-MM-DD, like "
                "\"2026-03-31\"")
    )
    return ""


def _table_line(text: str, name: str) -> int | None:
    pattern = re.compile(rf"^\s*\[\s*{re.escape(name)}\s*\]\s*(?:#.*)?$")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None
