"""Take it home: which sections a printed summary holds, and the text a kiosk's QR code holds.

Pure data, no Qt. The window and the command line choose sections with :func:`choose`
(or :func:`parse_picks` for ``--section TAB/SECTION``), make a :class:`Summary` with
:func:`build_summary` and hand it to a renderer (``spasmguide.ui.export_pdf``).

:func:`qr_text` builds the text a kiosk shows as a QR code. The code holds the advice itself,
never a web address, so a phone's camera shows it with no network. A phone reads a code on a
screen reliably up to version 20 at error correction level M (97 x 97 modules), which holds
666 bytes; :data:`QR_BYTE_BUDGET` keeps a margin below that. Text that does not fit is
shortened by rule: the title, the help levels' headings and the disclaimer always stay, then
the section's main points (list items and bold warnings) are kept in order while they fit,
then the help levels' items, then the other paragraphs. A shortened text is flagged so the
screen can say "summary".
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spasmguide.core.care_cards import care_card_plain_line
from spasmguide.core.content import Pack, Section, Source, Tab, plain_text

__all__ = [
    "QR_BYTE_BUDGET",
    "QR_ERROR_CORRECTION",
    "QR_MAX_VERSION",
    "SAFETY_SECTION_IDS",
    "HelpLevel",
    "PickError",
    "QrText",
    "Summary",
    "SummaryPart",
    "build_summary",
    "choose",
    "help_levels",
    "parse_picks",
    "qr_text",
    "safety_section_ids",
]

SAFETY_SECTION_IDS = ("what-to-do-right-now", "when-to-get-help")
"""Sections every personal summary holds, whatever else is ticked."""

QR_MAX_VERSION = 20
QR_ERROR_CORRECTION = "M"
QR_BYTE_BUDGET = 640
"""UTF-8 bytes of QR text: version 20-M holds 666 bytes, this leaves room for mode headers."""


class PickError(ValueError):
    """A ``--section`` value names no tab or section of the pack (the message says which)."""


@dataclass(frozen=True)
class SummaryPart:
    """One section in a summary, with the tab it belongs to."""

    tab: Tab
    section: Section


@dataclass(frozen=True)
class Summary:
    """Everything a printed summary shows, in order."""

    title: str
    subtitle: str
    parts: tuple[SummaryPart, ...]
    sources: tuple[Source, ...]
    reviewed: str
    disclaimer: str
    made_on: datetime.date
    language: str = "en"
    pack_version: str = ""

    def section_ids(self) -> list[str]:
        """Ids of the sections held, in order."""
        return [part.section.id for part in self.parts]


def safety_section_ids(pack: Pack) -> list[str]:
    """The always-included sections that this pack has, in reading order."""
    wanted = {*SAFETY_SECTION_IDS, pack.help_section}
    return [s.id for _, s in pack.sections() if s.id in wanted]


def choose(
    pack: Pack,
    *,
    section: str | None = None,
    tab: str | None = None,
    personal: tuple[str, ...] | list[str] | None = None,
) -> list[SummaryPart]:
    """The sections of one kind of summary, in the pack's reading order.

    Exactly one of ``section`` (one section), ``tab`` (every section of a tab) or
    ``personal`` (the ticked sections plus :func:`safety_section_ids`) is given.

    Raises:
        PickError: the id names nothing in the pack.
    """
    if sum(x is not None for x in (section, tab, personal)) != 1:
        raise ValueError("give exactly one of section, tab or personal")
    if section is not None:
        found = pack.locate(section)
        if found is None:
            raise PickError(f"there is no section {section!r} in this guide")
        return [SummaryPart(*found)]
    if tab is not None:
        chosen = pack.tab(tab)
        if chosen is None:
            raise PickError(f"there is no tab {tab!r} in this guide")
        return [SummaryPart(chosen, s) for s in chosen.sections]
    assert personal is not None
    known = {s.id for _, s in pack.sections()}
    unknown = [i for i in personal if i not in known]
    if unknown:
        raise PickError(f"there is no section {unknown[0]!r} in this guide")
    wanted = {*personal, *safety_section_ids(pack)}
    return [SummaryPart(t, s) for t, s in pack.sections() if s.id in wanted]


def parse_picks(pack: Pack, picks: list[str]) -> list[SummaryPart]:
    """Sections for ``--section`` values: ``TAB`` (a whole tab) or ``TAB/SECTION``.

    No values means the two safety sections. Repeats are dropped; the order is the pack's.

    Raises:
        PickError: naming the first value that does not fit, and what would.
    """
    if not picks:
        return choose(pack, personal=[])
    wanted: set[str] = set()
    tab_ids = ", ".join(t.id for t in pack.tabs)
    for pick in picks:
        tab_id, _, section_id = pick.strip().partition("/")
        tab = pack.tab(tab_id)
        if tab is None:
            raise PickError(f"{pick!r}: there is no tab {tab_id!r}; choose one of: {tab_ids}")
        if not section_id:
            wanted.update(s.id for s in tab.sections)
        elif tab.section(section_id) is None:
            ids = ", ".join(s.id for s in tab.sections)
            raise PickError(
                f"{pick!r}: tab {tab_id!r} has no section {section_id!r}; choose one of: {ids}"
            )
        else:
            wanted.add(section_id)
    return [SummaryPart(t, s) for t, s in pack.sections() if s.id in wanted]


def build_summary(pack: Pack, parts: list[SummaryPart], made_on: datetime.date) -> Summary:
    """The summary of ``parts``, dated ``made_on`` (pass the day; nothing here reads a clock)."""
    return Summary(
        title=pack.title,
        subtitle=pack.subtitle,
        parts=tuple(parts),
        sources=pack.sources,
        reviewed=pack.reviewed,
        disclaimer=pack.disclaimer,
        made_on=made_on,
        language=pack.language,
        pack_version=pack.version,
    )


# ---------------------------------------------------------------------------------------------
# QR text


@dataclass(frozen=True)
class HelpLevel:
    """One level of "When to get help": its heading (``Call 999 now if:``) and its signs."""

    heading: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class QrText:
    """The text of a kiosk's QR code, and whether it had to be shortened."""

    text: str
    shortened: bool
    section_id: str = ""

    @property
    def size(self) -> int:
        """Length in UTF-8 bytes."""
        return len(self.text.encode("utf-8"))


@dataclass(frozen=True)
class _Block:
    kind: str  # "item", "para", "warning"
    text: str
    level: HelpLevel | None = field(default=None)


_ITEM_RE = re.compile(r"^\s{0,3}([-*+]|\d+[.)])\s+(.*)$")
_LEVEL_RE = re.compile(r"^\*\*(.+?:)\*\*\s*$")


def _blocks(markdown: str) -> list[_Block]:
    """A section's Markdown as paragraphs, list items and help levels, in order."""
    blocks: list[_Block] = []
    paragraph: list[str] = []
    level: tuple[str, list[str]] | None = None
    number = 0

    def flush() -> None:
        nonlocal paragraph
        if paragraph:
            raw = " ".join(paragraph)
            kind = "warning" if raw.startswith(("**", "__")) else "para"
            blocks.append(_Block(kind, plain_text(raw)))
            paragraph = []

    def close_level() -> None:
        nonlocal level
        if level is not None:
            heading, items = level
            blocks.append(_Block("level", heading, HelpLevel(heading, tuple(items))))
            level = None

    for line in markdown.splitlines():
        card_line = care_card_plain_line(line)  # a care card is a help level too
        if card_line is not None:
            flush()
            close_level()
            number = 0
            if card_line:
                level = (plain_text(card_line), [])
            continue
        item = _ITEM_RE.match(line)
        if item:
            flush()
            text = plain_text(item.group(2))
            if level is not None:
                level[1].append(text)
                continue
            number = number + 1 if item.group(1)[0].isdigit() else 0
            prefix = f"{number}. " if number else "- "
            blocks.append(_Block("item", prefix + text))
            continue
        if not line.strip():
            flush()
            continue
        heading = _LEVEL_RE.match(line.strip())
        if heading and not paragraph:
            close_level()
            level = (plain_text(heading.group(1)), [])
            continue
        if level is not None and not level[1]:
            level = None  # a bold line ending in ":" that no list follows: plain text
        close_level()
        number = 0
        paragraph.append(line.strip())
    flush()
    close_level()
    return blocks


def help_levels(pack: Pack) -> tuple[Section | None, list[HelpLevel]]:
    """The help section and its levels (a care card, or a bold ``... if:`` line, followed by
    a list)."""
    found = pack.locate(pack.help_section)
    if found is None:
        return None, []
    section = found[1]
    return section, [b.level for b in _blocks(section.markdown) if b.level is not None]


def _level_line(level: HelpLevel, count: int) -> str:
    shown = list(level.items[:count])
    more = "; \u2026" if count < len(level.items) else ""
    if not shown:
        return f"{level.heading} \u2026" if level.items else level.heading
    return f"{level.heading} {'; '.join(shown)}{more}"


def qr_text(
    pack: Pack,
    section_id: str,
    *,
    budget: int = QR_BYTE_BUDGET,
    summary_label: str = "summary",
) -> QrText:
    """The key text of a section for a QR code, at most ``budget`` UTF-8 bytes.

    Holds the guide's and section's titles, the section's points, the help levels with the
    pack's (or the kiosk's) emergency number, and the disclaimer. ``summary_label`` is the
    (translated) word added to the title when the text was shortened.

    Raises:
        PickError: no such section.
    """
    found = pack.locate(section_id)
    if found is None:
        raise PickError(f"there is no section {section_id!r} in this guide")
    section = found[1]
    help_section, levels = help_levels(pack)
    own = _blocks(section.markdown)
    is_help = help_section is not None and section.id == help_section.id
    if is_help:
        own = [b for b in own if b.level is None]
    title = f"{pack.title}: {section.title}"
    help_title = help_section.title if help_section is not None else ""

    # (priority, position, text) of everything that may be left out; lower goes in first.
    optional: list[tuple[int, int, str]] = []
    for position, block in enumerate(own):
        priority = {"warning": 1, "item": 2}.get(block.kind, 4)
        if block.level is None:
            optional.append((priority, position, block.text))

    def render(points: set[int], counts: list[int], label: str) -> str:
        lines = [f"{title} ({label})" if label else title]
        shown = [own[i].text for i in sorted(points)]
        if shown:
            lines += ["", *shown]
        if levels:
            lines += [""] if is_help else ["", f"{help_title}:"]
            lines += [_level_line(level, n) for level, n in zip(levels, counts, strict=True)]
        lines += ["", pack.disclaimer]
        return "\n".join(lines) + "\n"

    everything = render({p for _, p, _ in optional}, [len(lv.items) for lv in levels], "")
    if len(everything.encode("utf-8")) <= budget:
        return QrText(everything, False, section.id)

    def fits(text: str) -> bool:
        return len(text.encode("utf-8")) <= budget

    points: set[int] = set()
    counts = [0] * len(levels)

    def add_points(up_to: int) -> None:
        for priority, position, _text in sorted(optional):
            if (
                priority <= up_to
                and position not in points
                and fits(render(points | {position}, counts, summary_label))
            ):
                points.add(position)

    def add_signs(rounds: int) -> None:
        nonlocal counts
        for round_ in range(rounds):
            for index, level in enumerate(levels):
                if round_ < len(level.items) and counts[index] == round_:
                    trial = [*counts]
                    trial[index] += 1
                    if fits(render(points, trial, summary_label)):
                        counts = trial

    most = max((len(lv.items) for lv in levels), default=0)
    if is_help:  # the signs are this section's main points
        add_signs(most)
        add_points(4)
    else:  # warnings, then steps, then one sign a level, then the rest
        add_points(1)
        add_points(2)
        add_signs(1)
        add_points(4)
        add_signs(most)
    text = render(points, counts, summary_label)
    if not fits(text):  # even the essentials are too long: cut at a character boundary
        text = text.encode("utf-8")[: budget - 3].decode("utf-8", "ignore") + "\u2026"
    return QrText(text, True, section.id)


def result_qr_text(
    pack: Pack,
    heading: str,
    title: str,
    advice: str,
    said: Sequence[str],
    *,
    budget: int = QR_BYTE_BUDGET,
    summary_label: str = "summary",
) -> QrText:
    """The text of a QR code for a result of the "Is it serious?" questions.

    Holds the guide's title and ``heading`` (for example "Is it serious?"), the result's
    ``title`` and ``advice``, what the person said, and the disclaimer. What the person said
    is left out first, one line at a time from the end, when it does not fit ``budget``
    UTF-8 bytes; the advice is cut last.
    """
    said = list(said)
    shortened = False

    def compose(lines: list[str], mark: bool) -> str:
        top = f"{pack.title}: {heading}" + (f" ({summary_label})" if mark else "")
        parts = [top, title, advice, *lines, pack.disclaimer]
        return "\n".join(part for part in parts if part)

    text = compose(said, False)
    while len(text.encode("utf-8")) > budget and said:
        said.pop()
        shortened = True
        text = compose(said, True)
    if len(text.encode("utf-8")) > budget:
        shortened = True
        text = text.encode("utf-8")[: budget - 3].decode("utf-8", "ignore") + "\u2026"
    return QrText(text, shortened)
