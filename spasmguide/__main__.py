"""Entry point: ``python -m spasmguide`` (and ``run.py``)."""

from __future__ import annotations

import sys

from spasmguide.cli import build_parser, options_from, run_command


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, then run a headless command or the window; return the exit code."""
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.command:
        return run_command(args)

    from spasmguide.platform_check import missing_display_support

    problem = missing_display_support()
    if problem:
        print(problem, file=sys.stderr)
        return 2

    from spasmguide.app import run_app

    return run_app(options_from(args))


if __name__ == "__main__":
    raise SystemExit(main())
