"""The content model: a loaded, checked pack, its tabs, sections and sources."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spasmguide.core.pack_safety import Evidence, HelpContacts
from spasmguide.core.patterns import LazyPattern
from spasmguide.core.record import Record

PACK_FILE = "pack.toml"
"""The file that names the pack and lists its tabs."""

ID_RE = LazyPattern(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")
"""Ids of tabs and sections: lower-case letters and digits joined by single hyphens."""


class Picture(Record):
    """One of the guide's drawings (``resources/pictures/NAME.svg``) and the words that say
    what it shows, for people who cannot see it (in the pack's language)."""

    name: str
    alt: str

    def __repr__(self) -> str:
        return f"Picture({self.name!r})"


class Section(Record):
    """One ``## Section`` of a tab.

    Attributes:
        id: Unique across the pack; explicit ``{#id}`` or a slug of the title.
        title: The heading text.
        markdown: The section body as written (without its heading).
        text: The body as plain text, for search, speech and JSON.
        line: Line of the heading in the tab's file (1-based).
        evidence: How well a treatment section is backed (None for other sections).
        pictures: Drawings shown beside the section's text, in order.
        care_cards: Where each care card is in ``text`` with its white space collapsed:
            (start, end, level), so search can say a hit is inside one.
    """

    id: str
    title: str
    markdown: str
    text: str
    line: int
    evidence: Evidence | None = None
    pictures: tuple[Picture, ...] = ()
    care_cards: tuple[tuple[int, int, str], ...] = ()

    def __repr__(self) -> str:
        return f"Section({self.id!r}, {self.title!r})"


class Tab(Record):
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


class Source(Record):
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


class Pack(Record):
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
    routines: tuple[Any, ...] = ()
    synonyms: Any = None
    reviewed: str = ""
    reviewed_against: str = ""
    help_contacts: HelpContacts = HelpContacts()

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


def pictures_folder() -> Path:
    """The guide's drawings, shared by the packs of every language."""
    return Path(__file__).resolve().parents[3] / "resources" / "pictures"


def bundled_pack_path(language: str = "en") -> Path:
    """The pack shipped with the program."""
    return Path(__file__).resolve().parents[3] / "resources" / "content" / language
