"""Command line: options for the window, and the headless commands a clinic uses.

Nothing here imports Qt, so ``check-content``, ``content`` and ``search`` run on a
machine without a display.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from spasmguide import __version__
from spasmguide.core.content import ContentError, bundled_pack_path, load_pack


@dataclass(frozen=True)
class LaunchOptions:
    """What the window was asked to do at start-up (all from the command line)."""

    content: Path | None = None
    settings: Path | None = None
    kiosk: bool = False
    config: Path | None = None
    idle_timeout: float | None = None
    idle_warning: float | None = None
    tab: str | None = None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``python -m spasmguide`` and ``run.py``."""
    parser = argparse.ArgumentParser(
        prog="spasmguide",
        description="SpasmGuide: an offline guide to leg muscle spasms.",
    )
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
    parser.add_argument("--tab", metavar="ID", help="open this tab first (for example causes)")

    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser("check-content", help="validate a content pack folder")
    check.add_argument("directory", type=Path, metavar="DIR")

    content = commands.add_parser("content", help="print the whole content pack")
    content.add_argument("--content", dest="pack", type=Path, metavar="DIR")
    content.add_argument("--json", action="store_true", help="print JSON (the only format)")

    search = commands.add_parser("search", help="search the content from the command line")
    search.add_argument("query", nargs="?", default="", metavar="QUERY")
    search.add_argument("--content", dest="pack", type=Path, metavar="DIR")
    search.add_argument("--limit", type=int, default=20, metavar="N")
    search.add_argument("--json", action="store_true", help="print JSON")

    pin = commands.add_parser("kiosk-pin", help="set the kiosk's staff PIN (read from stdin)")
    pin.add_argument("--config", dest="pin_config", type=Path, metavar="FILE", required=True)
    return parser


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
    )


def run_command(
    args: argparse.Namespace, out: TextIO = sys.stdout, err: TextIO = sys.stderr
) -> int:
    """Run a headless sub-command and return its exit code."""
    if args.command == "check-content":
        return check_content(args.directory, out, err)
    if args.command == "content":
        return print_content(args.pack, out, err)
    if args.command == "search":
        return print_search(args.query, args.pack, args.limit, args.json, out, err)
    if args.command == "kiosk-pin":
        from spasmguide.core.kiosk import set_pin_command

        return set_pin_command(args.pin_config, sys.stdin, out, err)
    raise ValueError(f"unknown command {args.command!r}")


def check_content(directory: Path, out: TextIO, err: TextIO) -> int:
    """Validate a pack: a one-line summary, or every problem as ``file:line: message``."""
    try:
        pack = load_pack(directory)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=err)
        count = len(exc.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found in {directory}", file=err)
        return 1
    sections = sum(len(t.sections) for t in pack.tabs)
    routines = f", {len(pack.routines)} timer routines" if pack.routines else ""
    print(
        f"OK: {pack.title} {pack.version} ({pack.language}): {len(pack.tabs)} tabs, "
        f"{sections} sections, {pack.word_count()} words{routines}",
        file=out,
    )
    return 0


def _load_or_report(directory: Path | None, err: TextIO):  # type: ignore[no-untyped-def]
    try:
        return load_pack(directory or bundled_pack_path())
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=err)
        return None


def print_content(directory: Path | None, out: TextIO, err: TextIO) -> int:
    """Print the whole pack as JSON."""
    pack = _load_or_report(directory, err)
    if pack is None:
        return 1
    document = {
        "pack": {
            "id": pack.id,
            "language": pack.language,
            "title": pack.title,
            "subtitle": pack.subtitle,
            "version": pack.version,
            "disclaimer": pack.disclaimer,
            "help_section": pack.help_section,
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
                "sections": [{"id": s.id, "title": s.title, "text": s.text} for s in tab.sections],
            }
            for tab in pack.tabs
        ],
    }
    import json  # only the headless commands print JSON

    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return 0


def print_search(
    query: str, directory: Path | None, limit: int, as_json: bool, out: TextIO, err: TextIO
) -> int:
    """Search the pack; any query text, however odd, exits 0 with a (possibly empty) list."""
    from spasmguide.core.search import SearchIndex, hit_to_json

    pack = _load_or_report(directory, err)
    if pack is None:
        return 1
    hits = SearchIndex.build(pack).query(query, limit=max(0, limit))
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
