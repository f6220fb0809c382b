"""A tab's Markdown file: split into sections, checked, and turned into plain text."""

from __future__ import annotations

import re
from typing import Any

from spasmguide.core.content.model import ID_RE as _ID_RE
from spasmguide.core.content.model import PACK_FILE, Section
from spasmguide.core.errors import Problem

_HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_EXPLICIT_ID_RE = re.compile(r"^(.*?)\s*\{#([^}\s]*)\}$")
_FENCE_RE = re.compile(r"^\s{0,3}(```|~~~)")
_INLINE_LINK_RE = re.compile(
    r"(!?)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)"
)
_REF_DEF_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s.*)?$")
_AUTOLINK_RE = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>")
_HTML_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--")


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
