"""Command line: options for the window, and the headless commands a clinic uses.

Nothing here imports Qt, so ``check-content``, ``content`` and ``search`` run on a
machine without a display. ``export-pdf`` loads Qt only when it draws the PDF, and needs no
display either (it uses Qt's off-screen platform when there is none).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from spasmguide import __version__
from spasmguide.core.content import ContentError, Problem, Section, bundled_pack_path, load_pack

if TYPE_CHECKING:
    import datetime


class LaunchOptions:
    """What the window was asked to do at start-up (all from the command line).

    A plain class, not a dataclass: making one at import costs every start.
    """

    __slots__ = (
        "config", "content", "diary", "idle_timeout", "idle_warning", "kiosk", "lang",
        "settings", "tab",
    )

    def __init__(
        self,
        content: Path | None = None,
        settings: Path | None = None,
        kiosk: bool = False,
        config: Path | None = None,
        idle_timeout: float | None = None,
        idle_warning: float | None = None,
        tab: str | None = None,
        diary: Path | None = None,
        lang: str | None = None,
    ) -> None:
        self.content = content
        self.settings = settings
        self.kiosk = kiosk
        self.config = config
        self.idle_timeout = idle_timeout
        self.idle_warning = idle_warning
        self.tab = tab
        self.diary = diary
        self.lang = lang

    def _values(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in self.__slots__}

    def replace(self, **changes: object) -> LaunchOptions:
        """A copy with ``changes`` made (as ``dataclasses.replace``)."""
        return LaunchOptions(**{**self._values(), **changes})  # type: ignore[arg-type]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, LaunchOptions):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(tuple(self._values().values()))

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in self._values().items())
        return f"LaunchOptions({shown})"


BUILT_IN_TAB_IDS = ("start", "timer", "diary", "about")
"""Tabs every guide has, whatever its content pack."""

BUNDLED_TOPIC_TAB_IDS = ("overview", "treatments", "causes", "muscle-types")
"""The bundled pack's tabs, for ``--help`` (a test keeps this in step with the pack)."""

SEARCH_LIMIT_MAX = 1000
"""More results than any pack has sections is a mistake, not a wish."""


def search_limit(text: str) -> int:
    """``--limit``: a whole number from 1 to :data:`SEARCH_LIMIT_MAX`."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= SEARCH_LIMIT_MAX:
        raise argparse.ArgumentTypeError(
            f"{text} is out of range; give a number from 1 to {SEARCH_LIMIT_MAX}"
        )
    return value


def language_code(text: str) -> str:
    """``--lang``: a two- or three-letter language code such as ``es``."""
    from spasmguide.i18n import is_language_code

    code = text.strip().lower()
    if not is_language_code(code):
        raise argparse.ArgumentTypeError(f"{text!r} is not a language code such as en or es")
    return code


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Parse the command line, building a parser only when the window's options are not all.

    Starting the window is by far the most common case, and its command line is short: it is
    read directly (:func:`_window_args`). Anything else (a sub-command, ``--help``, a mistake)
    goes to the full parser, which also writes every message, so help and errors are the
    same either way.
    """
    args = _window_args(argv)
    return args if args is not None else build_parser().parse_args(argv)


_WINDOW_VALUES: dict[str, tuple[str, Callable[[str], object]]] = {
    "--content": ("content", Path),
    "--settings": ("settings", Path),
    "--config": ("config", Path),
    "--idle-timeout": ("idle_timeout", float),
    "--idle-warning": ("idle_warning", float),
    "--diary": ("diary", Path),
    "--tab": ("tab", str),
    "--lang": ("lang", language_code),
}
"""The window's options that take a value, as :func:`_add_window_options` declares them."""


def _window_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """The window's options, when ``argv`` holds only those, each spelt in full, once, with a
    value that converts (``--settings FILE`` or ``--settings=FILE``); otherwise None.

    What the full parser would make of the same line, without building one: an
    ``ArgumentParser`` looks up its own messages' translations as it is made, which costs
    every start more than the rest of this module.
    """
    values: dict[str, object] = {dest: None for dest, _convert in _WINDOW_VALUES.values()}
    values["kiosk"] = False
    seen: set[str] = set()
    words = iter(argv)
    for word in words:
        name, has_value, value = word.partition("=")
        if name in seen:
            return None
        seen.add(name)
        if word == "--kiosk":
            values["kiosk"] = True
            continue
        if name not in _WINDOW_VALUES:
            return None
        if not has_value:
            value = next(words, "-")
            if value.startswith("-"):  # no value, or one the full parser must judge
                return None
        dest, convert = _WINDOW_VALUES[name]
        try:
            values[dest] = convert(value)
        except (ValueError, argparse.ArgumentTypeError):
            return None
    return argparse.Namespace(**values, command=None)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser for ``python -m spasmguide`` and ``run.py``."""
    parser = argparse.ArgumentParser(
        prog="spasmguide",
        description="SpasmGuide: an offline guide to leg muscle spasms.",
    )
    _add_window_options(parser)
    _add_commands(parser)
    return parser


def _add_window_options(parser: argparse.ArgumentParser) -> None:
    """The options that start the window."""
    parser.add_argument("--version", action="version", version=f"SpasmGuide {__version__}")
    parser.add_argument("--content", type=Path, metavar="DIR", help="use the content pack in DIR")
    parser.add_argument(
        "--settings", type=Path, metavar="FILE", help="read and save settings in this INI file"
    )
    parser.add_argument("--kiosk", action="store_true", help="start in clinic kiosk mode")
    parser.add_argument(
        "--config", type=Path, metavar="FILE", help="kiosk configuration file (INI)"
    )
    parser.add_argument(
        "--idle-timeout", type=float, metavar="SECONDS", help="kiosk: seconds of no input"
    )
    parser.add_argument(
        "--idle-warning", type=float, metavar="SECONDS", help="kiosk: length of the warning"
    )
    parser.add_argument(
        "--diary", type=Path, metavar="FILE", help="keep the cramp diary in this file"
    )
    tab_ids = ", ".join((*BUNDLED_TOPIC_TAB_IDS, *BUILT_IN_TAB_IDS))
    parser.add_argument(
        "--tab", metavar="ID",
        help=f"open this tab first: {tab_ids} (a clinic's own pack may name other topic tabs)",
    )
    parser.add_argument(
        "--lang", type=language_code, metavar="CODE",
        help="the guide's language, for example es (default: the system's, else English)",
    )



def _add_commands(parser: argparse.ArgumentParser) -> None:
    """The headless sub-commands."""
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser(
        "check-content",
        help="validate a content pack folder, and a translation against its reference",
    )
    check.add_argument(
        "directory", type=Path, nargs="?", metavar="DIR",
        help="the pack folder (default: the bundled guide in --lang)",
    )
    check.add_argument(
        "--reference", type=Path, metavar="DIR",
        help="a pack DIR must match id for id (default: the bundled English guide, "
        "for a bundled guide in another language)",
    )
    _add_language_option(check)

    content = commands.add_parser(
        "content", help="summarise the content pack: tabs, sections and words (--json: all of it)"
    )
    content.add_argument("--content", dest="pack", type=Path, metavar="DIR")
    content.add_argument("--json", action="store_true", help="print the whole pack as JSON")
    _add_language_option(content)

    search = commands.add_parser("search", help="search the content from the command line")
    search.add_argument("query", nargs="?", default="", metavar="QUERY")
    search.add_argument("--content", dest="pack", type=Path, metavar="DIR")
    search.add_argument(
        "--limit", type=search_limit, default=20, metavar="N",
        help=f"at most N results, 1 to {SEARCH_LIMIT_MAX} (default 20)",
    )
    search.add_argument("--json", action="store_true", help="print JSON")
    _add_language_option(search)

    checker = commands.add_parser(
        "checker", help="the \"Is it serious?\" questions, or the outcome for some Yes answers"
    )
    checker.add_argument("--content", dest="pack", type=Path, metavar="DIR")
    checker.add_argument(
        "--yes", action="append", default=[], metavar="ID",
        help="a question answered Yes (repeat for more; the others count as No)",
    )
    checker.add_argument("--json", action="store_true", help="print JSON")
    export = commands.add_parser(
        "export-pdf",
        help="save a printable summary as PDF (default: what to do now and when to get help)",
    )
    export.add_argument("out", type=Path, metavar="OUT.pdf")
    export.add_argument(
        "--section", dest="sections", action="append", default=[], metavar="TAB/SECTION",
        help="a section such as overview/pregnancy, or a whole tab such as treatments; "
        "repeat for more",
    )
    _add_language_option(export)
    export.add_argument("--content", dest="pack", type=Path, metavar="DIR")

    pin_help = "set the kiosk's staff PIN (read from standard input)"
    pin = commands.add_parser("kiosk-pin", help=pin_help, description=pin_help)
    pin.add_argument("--config", dest="pin_config", type=Path, metavar="FILE", required=True)

    from spasmguide.diary_cli import add_diary_commands

    add_diary_commands(commands)


def _add_language_option(parser: argparse.ArgumentParser) -> None:
    # Not given here, the --lang before the command (or English) applies.
    parser.add_argument(
        "--lang", default=argparse.SUPPRESS, metavar="CODE",
        help="language of the bundled guide (ignored with a pack folder of your own)",
    )


def options_from(args: argparse.Namespace) -> LaunchOptions:
    """Freeze parsed arguments into :class:`LaunchOptions`."""
    return LaunchOptions(
        content=args.content,
        settings=args.settings,
        kiosk=args.kiosk,
        config=args.config,
        idle_timeout=args.idle_timeout,
        idle_warning=args.idle_warning,
        tab=args.tab,
        diary=args.diary,
        lang=args.lang,
    )


def run_command(
    args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr
) -> int:
    """Run a headless sub-command and return its exit code."""
    if getattr(args, "pack", None) is None and getattr(args, "content", None) is not None:
        # ``--content DIR`` given before the command means the same as after it.
        args.pack = args.content
    if getattr(args, "lang", None) is None:
        args.lang = "en"
    if args.command == "check-content":
        directory = (args.directory or getattr(args, "pack", None)
                     or bundled_pack_dir("check-content", args.lang, err))
        if directory is None:
            return 2
        return check_content(directory, out, err, reference=args.reference)
    if args.command in ("content", "search"):
        directory = args.pack or bundled_pack_dir(args.command, args.lang, err)
        if directory is None:
            return 2
        if args.command == "content":
            return print_content(directory, args.json, out, err)
        return print_search(args.query, directory, args.limit, args.json, out, err)
    if args.command == "checker":
        from spasmguide.checker_command import run_checker

        return run_checker(args.pack, args.yes, args.json, out, err)
    if args.command == "export-pdf":
        return export_pdf(args.out, args.sections, args.lang, args.pack, out, err)
    if args.command == "kiosk-pin":
        from spasmguide.core.kiosk import set_pin_command

        return set_pin_command(args.pin_config, sys.stdin, out, err)
    if args.command == "diary":
        from spasmguide.diary_cli import run_diary

        return run_diary(args, out, err)
    raise ValueError(f"unknown command {args.command!r}")


def check_content(
    directory: Path, out: TextIO, err: TextIO, *, reference: Path | None = None
) -> int:
    """Validate a pack: a one-line summary, or every problem as ``file:line: message``.

    A pack in another language is also compared with its ``reference`` pack, id for id (see
    ``core/content/parity.py``); a bundled guide's reference is the bundled English guide.
    """
    try:
        pack = load_pack(directory)
    except ContentError as exc:
        return _report_problems(exc.problems, directory, err)
    if reference is None:
        reference = _bundled_reference(directory)
    if reference is not None:
        try:
            original = load_pack(reference)
        except ContentError as exc:
            print(f"The reference pack {reference} has problems of its own:", file=err)
            return _report_problems(exc.problems, reference, err)
        from spasmguide.core.content.parity import compare_packs

        problems = compare_packs(pack, original)
        if problems:
            return _report_problems(problems, directory, err)
    sections = sum(len(t.sections) for t in pack.tabs)
    routines = f", {len(pack.routines)} timer routines" if pack.routines else ""
    same = f"; same ids as {reference}" if reference is not None else ""
    print(
        f"OK: {pack.title} {pack.version} ({pack.language}): {len(pack.tabs)} tabs, "
        f"{sections} sections, {pack.word_count()} words{routines}{same}",
        file=out,
    )
    return 0


def _report_problems(problems: Sequence[Problem], directory: Path, err: TextIO) -> int:
    for problem in problems:
        print(problem, file=err)
    count = len(problems)
    print(f"{count} problem{'s' if count != 1 else ''} found in {directory}", file=err)
    return 1


def _bundled_reference(directory: Path) -> Path | None:
    """The bundled English guide, when ``directory`` is a bundled guide in another language."""
    english = bundled_pack_path("en")
    try:
        here = directory.resolve()
    except OSError:
        return None
    if here == english.resolve() or here.parent != english.parent.resolve():
        return None
    return english


def _load_or_report(directory: Path | None, err: TextIO):  # type: ignore[no-untyped-def]
    try:
        return load_pack(directory or bundled_pack_path())
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=err)
        return None


def print_content(directory: Path | None, as_json: bool, out: TextIO, err: TextIO) -> int:
    """Print a short summary of the pack, or (``as_json``) the whole pack as JSON."""
    pack = _load_or_report(directory, err)
    if pack is None:
        return 1
    if not as_json:
        print(f"{pack.title} {pack.version} ({pack.language}): {pack.word_count()} words", file=out)
        for tab in pack.tabs:
            print(f"  {tab.id}: {tab.title} ({len(tab.sections)} sections)", file=out)
            for section in tab.sections:
                print(f"    #{section.id}  {section.title}", file=out)
        if pack.routines:
            print(f"  timer routines: {', '.join(r.id for r in pack.routines)}", file=out)
        return 0
    document = {
        "pack": {
            "id": pack.id,
            "language": pack.language,
            "title": pack.title,
            "subtitle": pack.subtitle,
            "version": pack.version,
            "disclaimer": pack.disclaimer,
            "help_section": pack.help_section,
            "reviewed": pack.reviewed,
            "reviewed_against": pack.reviewed_against,
            "help_contacts": {
                "emergency_number": pack.help_contacts.emergency_number,
                "advice_line": pack.help_contacts.advice_line,
            },
            "sources": [
                {
                    "title": s.title,
                    "author": s.author,
                    "publisher": s.publisher,
                    "used_for": s.used_for,
                }
                for s in pack.sources
            ],
        },
        "tabs": [
            {
                "id": tab.id,
                "title": tab.title,
                "treatments": tab.treatments,
                "sections": [_section_json(s) for s in tab.sections],
            }
            for tab in pack.tabs
        ],
    }
    import json  # only the headless commands print JSON

    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return 0


def _section_json(section: Section) -> dict[str, object]:
    evidence = section.evidence
    return {
        "id": section.id,
        "title": section.title,
        "text": section.text,
        "evidence": None
        if evidence is None
        else {"label": evidence.label, "text": evidence.text, "source": evidence.source},
        "pictures": [{"picture": p.name, "alt": p.alt} for p in section.pictures],
    }


def available_languages() -> list[str]:
    """Languages the program ships a guide in (folders with a ``pack.toml``)."""
    root = bundled_pack_path().parent
    return sorted(p.name for p in root.iterdir() if (p / "pack.toml").is_file())


def bundled_pack_dir(command: str, language: str, err: TextIO) -> Path | None:
    """The bundled guide in ``language``, or None (after saying which languages there are)."""
    languages = available_languages()
    if language not in languages:
        print(
            f"spasmguide {command}: there is no guide in language {language!r} yet; "
            f"available: {', '.join(languages)}",
            file=err,
        )
        return None
    return bundled_pack_path(language)


def export_pdf(
    target: Path,
    picks: list[str],
    language: str,
    directory: Path | None,
    out: TextIO,
    err: TextIO,
    today: datetime.date | None = None,
) -> int:
    """Write a printable summary; 0 when written, 1 when it could not be, 2 for bad input."""
    from spasmguide.core.takehome import PickError, build_summary, parse_picks

    if directory is None:
        directory = bundled_pack_dir("export-pdf", language, err)
        if directory is None:
            return 2
    pack = _load_or_report(directory, err)
    if pack is None:
        return 1
    try:
        parts = parse_picks(pack, picks)
    except PickError as exc:
        print(f"spasmguide export-pdf: --section {exc}", file=err)
        return 2
    if today is None:
        import datetime  # not imported at start: only this command needs it

        today = datetime.date.today()
    summary = build_summary(pack, parts, today)
    from spasmguide.ui.export_pdf import ensure_gui_application, save_summary_pdf

    ensure_gui_application()
    try:
        pages = save_summary_pdf(summary, target)
    except OSError as exc:
        print(f"spasmguide export-pdf: could not write {target}: {exc}", file=err)
        return 1
    names = ", ".join(p.section.title for p in parts)
    print(f"Saved {target}: {pages} page{'s' if pages != 1 else ''} ({names})", file=out)
    return 0


def print_search(
    query: str, directory: Path | None, limit: int, as_json: bool, out: TextIO, err: TextIO
) -> int:
    """Search the pack; any query text, however odd, exits 0 with a (possibly empty) list."""
    from spasmguide.core.search import SearchIndex, hit_to_json

    pack = _load_or_report(directory, err)
    if pack is None:
        return 1
    hits = SearchIndex.build(pack).query(query, limit=limit)
    if as_json:
        import json

        json.dump([hit_to_json(h) for h in hits], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if hits and hits[0].corrected_from:
        print(
            f"Showing results for {hits[0].corrected_to} (you typed {hits[0].corrected_from})",
            file=out,
        )
    if not hits:
        print(f"No results for {query!r}", file=out)
    for hit in hits:
        print(f"{hit.section_title}  [{hit.tab_title}]  #{hit.section_id}", file=out)
        print(f"    {hit.snippet}", file=out)
    return 0
