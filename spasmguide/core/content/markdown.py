"""A tab's Markdown file: split into sections, checked, and turned into plain text.

The file is read by a CommonMark parser (markdown-it-py), and every check works on its
token tree, never on patterns over the text: a link is a link however it is written
(wrapped over lines, with a title in any quotes, in angle brackets, by reference, as an
autolink), and raw HTML is found wherever the parser finds it. Only links to the pack's
own sections and tabs, and pictures inside the pack folder, pass.

The parser's work is bounded: a file with more sections than :data:`MAX_SECTIONS` is
refused before it is parsed, and text that would make the parser try too many ways of
reading it (thousands of unclosed brackets, say) is refused at its line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from spasmguide.core.care_cards import care_card_plain_line, check_care_cards
from spasmguide.core.content.characters import shown, unsafe_character
from spasmguide.core.content.model import ID_RE as _ID_RE
from spasmguide.core.content.model import PACK_FILE, Section
from spasmguide.core.errors import Problem
from spasmguide.core.patterns import LazyPattern

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

MAX_SECTIONS = 10_000
"""Sections one tab may have: far more than anyone reads, few enough to open at once."""

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif")
"""Picture files a page may show."""

MAX_WORD = 100
"""Characters a word (a run without spaces) may have: longer ones take Qt's text layout
many seconds to break into lines, and no word of a guide comes near it."""

_INLINE_STEPS = 250_000
"""How many positions the inline parser may try in one file (a large real tab needs a
tenth of this); past it the text is refused rather than parsed for minutes."""

_SENTENCE_END = (".", "!", "?", ":", ";")
_SCHEME_RE = LazyPattern(r"[A-Za-z][A-Za-z0-9+.-]*:")


class _TooComplexError(Exception):
    def __init__(self, source: str) -> None:
        super().__init__("inline text too complex")
        self.source = source


def _spend(state: Any, silent: bool) -> bool:
    """An inline rule that matches nothing and counts the parser's steps."""
    env = state.env
    env["steps"] = env.get("steps", 0) + 1
    if env["steps"] > _INLINE_STEPS:
        raise _TooComplexError(state.src)
    return False


@functools.cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # here: a start-up from the pack cache never needs it

    parser = MarkdownIt("commonmark", {"html": True})  # HTML as tokens, so it can be refused
    # Keep every link and its destination exactly as written: the checks below decide.
    parser.validateLink = lambda url: True
    parser.normalizeLink = lambda url: url
    parser.normalizeLinkText = lambda url: url
    parser.inline.ruler.before("text", "spend", _spend)
    return parser


def parse_markdown(text: str, env: dict[str, Any] | None = None) -> list[Token]:
    """CommonMark tokens of ``text``.

    Raises:
        _TooComplexError: when the text needs more parser steps than allowed.
    """
    return _parser().parse(text, {} if env is None else env)


def slugify(title: str) -> str:
    """A stable id from a heading: lower case ASCII words joined by hyphens."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", folded.lower())
    return "-".join(words) or "section"


# -- plain text ----------------------------------------------------------------------------


def without_card_markers(markdown: str) -> str:
    """The Markdown with each care card's opening line replaced by its heading and its closing
    line by a blank one, line for line, so the parser sees ordinary text at the same lines
    (see :mod:`spasmguide.core.care_cards`)."""
    if ":::" not in markdown:
        return markdown
    lines = markdown.split("\n")
    for index, line in enumerate(lines):
        card_line = care_card_plain_line(line)
        if card_line is not None:
            lines[index] = card_line
    return "\n".join(lines)


def plain_text(markdown: str) -> str:
    """Markdown body to plain text: link text kept, markup and list markers dropped.

    A list item that does not end a sentence gets a full stop, so that items read aloud,
    shown in a search snippet or measured for readability do not run into each other.
    """
    try:
        return tokens_to_plain(parse_markdown(without_card_markers(markdown)))
    except _TooComplexError:
        return " ".join(markdown.split())


def _inline_plain(children: Sequence[Token] | None) -> str:
    parts: list[str] = []
    for child in children or ():
        kind = child.type
        if kind in ("text", "text_special", "code_inline"):
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif kind == "image":
            parts.append(child.content)
    return "".join(parts)


def tokens_to_plain(tokens: Sequence[Token]) -> str:
    """Plain text of block tokens: paragraphs apart, items of a tight list in one."""
    paragraphs: list[str] = []
    pieces: list[str] = []
    lists = 0

    def flush() -> None:
        if pieces:
            paragraphs.append(" ".join(pieces))
            pieces.clear()

    def end_item() -> None:
        if pieces and not pieces[-1].rstrip().endswith(_SENTENCE_END):
            pieces[-1] = pieces[-1].rstrip() + "."

    for token in tokens:
        kind = token.type
        if kind == "inline":
            text = _inline_plain(token.children)
            if text.strip():
                pieces.append(text)
        elif kind in ("fence", "code_block"):
            flush()
            if token.content.strip():
                pieces.append(token.content)
            flush()
        elif kind == "paragraph_close" and not token.hidden:
            if lists:
                end_item()
            flush()
        elif kind == "heading_close":
            flush()
        elif kind == "list_item_close":
            end_item()
        elif kind in ("bullet_list_open", "ordered_list_open"):
            if not lists:
                flush()
            lists += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists -= 1
            if not lists:
                flush()
    flush()
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


# -- a tab's file --------------------------------------------------------------------------


def _split_id(raw_title: str) -> tuple[str, str | None]:
    """``Title {#some-id}`` to ``("Title", "some-id")``; a title without one gives None."""
    raw = raw_title.strip()
    if raw.endswith("}"):
        start = raw.rfind("{#")
        candidate = raw[start + 2 : -1] if start >= 0 else ""
        if start >= 0 and "}" not in candidate and not any(c.isspace() for c in candidate):
            return raw[:start].rstrip(), candidate
    return raw, None


def _lines(text: str) -> list[str]:
    """The lines of ``text`` as the parser counts them (only line ends end a line)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _heading_lines(text: str) -> list[int]:
    """Lines (1-based) that look like '# ' or '## ' headings outside fenced code: a quick
    count made before parsing, so a file with far too many sections is not parsed."""
    found: list[int] = []
    fence = ""
    for number, line in enumerate(_lines(text), start=1):
        stripped = line.lstrip(" ")
        if len(line) - len(stripped) > 3:
            continue
        if stripped.startswith(("```", "~~~")):
            marker = stripped[:3]
            fence = "" if fence == marker else (fence or marker)
            continue
        if fence:
            continue
        if stripped.startswith("#"):
            level = len(stripped) - len(stripped.lstrip("#"))
            rest = stripped[level:]
            if level <= 2 and (not rest or rest[0] in " \t"):
                found.append(number)
    return found


def long_word_line(text: str) -> int | None:
    """The first line (1-based) holding a word longer than :data:`MAX_WORD`, or None."""
    if not any(len(word) > MAX_WORD for word in text.split()):
        return None
    for number, line in enumerate(_lines(text), start=1):
        if any(len(word) > MAX_WORD for word in line.split()):
            return number
    return None


def _source_line(text: str, source: str) -> int | None:
    first = source.strip().split("\n", 1)[0][:200]
    position = text.find(first) if first else -1
    return text.count("\n", 0, position) + 1 if position >= 0 else None


def _parse_tab_file(
    text: str,
    name: str,
    tab_title: str,
    problems: list[Problem],
    links: list[tuple[str, str, int]],
    images: list[tuple[str, str, int]] | None = None,
) -> list[Section]:
    """Split a tab's Markdown into sections, validating headings, ids, links and pictures.

    Links to ``#ids`` are added to ``links`` and pictures to ``images`` as
    ``(file, target, line)``, for the caller to check against the whole pack.
    """
    heading_lines = _heading_lines(text)
    if len(heading_lines) > MAX_SECTIONS + 1:  # one of them is the '# Title'
        problems.append(
            Problem(
                name,
                heading_lines[MAX_SECTIONS + 1],
                f"a tab may have at most {MAX_SECTIONS:,} sections; split it into more tabs",
            )
        )
        return []
    long_word = long_word_line(text)
    if long_word is not None:
        problems.append(
            Problem(
                name,
                long_word,
                f"a word here is longer than {MAX_WORD} characters without a space; "
                "break it up",
            )
        )
        return []
    env: dict[str, Any] = {}
    try:
        tokens = parse_markdown(without_card_markers(text), env)
    except _TooComplexError as exc:
        problems.append(
            Problem(
                name,
                _source_line(text, exc.source),
                "this text is too complex to check (very many unclosed brackets, '*', '_' "
                "or '<' near here); simplify it",
            )
        )
        return []
    return _TabChecker(text, name, tab_title, problems, links, images).run(tokens, env)


class _TabChecker:
    """One pass over a tab file's tokens: sections, and a problem for each bad part."""

    def __init__(
        self,
        text: str,
        name: str,
        tab_title: str,
        problems: list[Problem],
        links: list[tuple[str, str, int]],
        images: list[tuple[str, str, int]] | None,
    ) -> None:
        self.lines = _lines(text)
        self.name = name
        self.tab_title = tab_title
        self.problems = problems
        self.links = links
        self.images = images if images is not None else []
        self.sections: list[Section] = []

    def add(self, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.name, line, message))

    def run(self, tokens: list[Token], env: dict[str, Any]) -> list[Section]:
        title_seen = False
        current: dict[str, Any] | None = None
        body: list[Token] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            line = token.map[0] + 1 if token.map else None
            top_level = token.level == 0 and token.nesting != -1
            if token.type == "heading_open" and token.tag in ("h1", "h2"):
                inline = tokens[index + 1]
                self.check_inline(inline)
                if token.level != 0:
                    self.add(line, "a '#' or '##' heading may not be inside a list or quote")
                elif token.markup not in ("#", "##"):
                    self.add(
                        line,
                        "a line of '=' or '-' under text makes it a heading; write a section "
                        "heading as '## Title', or leave a blank line above a '---' rule",
                    )
                elif token.tag == "h1":
                    if title_seen or current is not None:
                        self.add(line, "only one '# Title' line is allowed, at the top")
                    else:
                        title_seen = True
                        self.check_title(inline.content.strip(), line)
                    index += 3
                    continue
                else:
                    self.finish(current, body, token.map[0] if token.map else len(self.lines))
                    current, body = self.start(inline.content, line, token), []
                    index += 3
                    continue
            if top_level and not title_seen:
                self.add(line, f"the file must start with '# {self.tab_title}'")
                title_seen = True
            elif top_level and current is None:
                self.add(line, "text before the first '## Section' heading")
            self.check_block(token)
            if current is not None:
                body.append(token)
            index += 1
        self.finish(current, body, len(self.lines))
        self.check_references(env)
        if not title_seen:
            self.add(None, f"the file is empty; start it with '# {self.tab_title}'")
        elif not self.sections:
            self.add(None, "no sections; add at least one '## Section' heading")
        return self.sections

    # -- headings and sections

    def check_title(self, title: str, line: int | None) -> None:
        if title != self.tab_title:
            self.add(
                line,
                f"title '{shown(title)}' differs from the tab title '{self.tab_title}' in "
                f"{PACK_FILE}; make them the same",
            )

    def start(self, raw_title: str, line: int | None, token: Token) -> dict[str, Any]:
        title, section_id = _split_id(raw_title)
        if section_id is None:
            section_id = slugify(title)
        elif not _ID_RE.match(section_id):
            self.add(
                line,
                f"section id '{shown(section_id)}' must be lower-case letters, digits and "
                "single hyphens, like 'poor-blood-flow'",
            )
        if not title:
            self.add(line, "section heading has no title")
        bad = unsafe_character(title)
        if bad:
            self.add(line, f"section title '{shown(title)}' holds {bad}; remove it")
        end = token.map[1] if token.map else 0
        return {"id": section_id, "title": title, "line": line or 0, "end": end}

    def finish(self, current: dict[str, Any] | None, body: list[Token], stop: int) -> None:
        """End the section ``current``, whose text runs up to line index ``stop``."""
        if current is None:
            return
        body_lines = self.lines[current["end"] : stop]
        # Care cards are checked here, each problem at its own line (see core/care_cards.py).
        for offset, message in check_care_cards(body_lines):
            self.add(current["end"] + 1 + offset, message)
        markdown = "\n".join(body_lines).strip("\n")
        plain = tokens_to_plain(body)
        if not plain.strip():
            self.add(current["line"], f"section '{shown(current['title'])}' has no text")
        self.sections.append(
            Section(current["id"], current["title"], markdown, plain, current["line"])
        )

    # -- what a block may hold

    def check_block(self, token: Token) -> None:
        line = token.map[0] + 1 if token.map else None
        if token.type == "html_block":
            self.add(line, "raw HTML is not allowed; write plain Markdown instead")
        elif token.type == "inline":
            self.check_inline(token)

    def check_inline(self, inline: Token) -> None:
        line = inline.map[0] + 1 if inline.map else 0
        for child in inline.children or ():
            kind = child.type
            if kind in ("softbreak", "hardbreak"):
                line += 1
            elif kind == "html_inline":
                self.add(line, "raw HTML is not allowed; write plain Markdown instead")
                line += child.content.count("\n")
            elif kind == "link_open":
                self.check_link(str(child.attrs.get("href", "")), line)
            elif kind == "image":
                self.check_image(child, line)

    def check_link(self, href: str, line: int | None) -> None:
        if href.startswith("#") and _ID_RE.match(href[1:]):
            if line is not None:
                self.links.append((self.name, href[1:], line))
            return
        self.add(
            line,
            f"link to '{shown(href)}' leaves the guide; links may only point to "
            "'#section-id' or '#tab-id' inside the pack",
        )

    def check_image(self, image: Token, line: int) -> None:
        source = str(image.attrs.get("src", ""))
        if not image.content.strip():
            self.add(
                line,
                f"picture '{shown(source)}' needs a description between the [ ] for people "
                "who cannot see it",
            )
        problem = image_problem(source)
        if problem:
            self.add(line, problem)
        else:
            self.images.append((self.name, source, line))

    def check_references(self, env: dict[str, Any]) -> None:
        for reference in env.get("references", {}).values():
            href = str(reference.get("href", ""))
            if not (href.startswith("#") and _ID_RE.match(href[1:])):
                where = reference.get("map")
                self.add(
                    where[0] + 1 if where else None,
                    f"link to '{shown(href)}' leaves the guide; links may only point to "
                    "'#section-id' or '#tab-id' inside the pack",
                )


def image_problem(source: str) -> str | None:
    """Why a picture's address cannot be a file of the pack, or None if it may be one.

    Only a relative path inside the pack folder with a picture's suffix may be; whether the
    file is there is checked against the folder by the loader.
    """
    plain = source.replace("\\", "/")
    if (
        not plain
        or _SCHEME_RE.match(plain)
        or plain.startswith("/")
        or "?" in plain
        or "#" in plain
        or ".." in plain.split("/")
    ):
        return (
            f"picture '{shown(source)}' must be a file in the pack folder, written like "
            "'calf-stretch.png' or 'pictures/calf-stretch.png'"
        )
    if not plain.lower().endswith(IMAGE_SUFFIXES):
        return f"picture '{shown(source)}' must be a .png, .jpg or .gif file"
    return None
