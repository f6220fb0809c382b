"""Entry point: ``python -m spasmguide`` (and ``run.py``)."""

from __future__ import annotations

import os
import sys

from spasmguide.cli import options_from, parse_args, run_command

EXIT_BROKEN_PIPE = 128 + 13
"""What a shell reports for a program ended by SIGPIPE, as ``git`` and ``grep`` are."""


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, then run a headless command or the window; return the exit code."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.command:
        try:
            code = run_command(args)
            sys.stdout.flush()
        except BrokenPipeError:
            return _quiet_after_broken_pipe()
        return code

    from spasmguide.platform_check import missing_display_support

    problem = missing_display_support()
    if problem:
        print(problem, file=sys.stderr)
        return 2

    from spasmguide.app import run_app

    return run_app(options_from(args))


def _quiet_after_broken_pipe() -> int:
    """The reader of our output went away (``| head``): stop quietly, as command-line tools do.

    Python would otherwise report the error again when it flushes standard output at exit,
    so that is pointed at the null device first.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor behind stdout (tests, embedding)
        pass
    return EXIT_BROKEN_PIPE


if __name__ == "__main__":
    raise SystemExit(main())
