"""``kiosk-pin``: set the staff PIN in the kiosk configuration file, from a console."""

from __future__ import annotations

import getpass
import re
from pathlib import Path
from typing import TextIO

from spasmguide.core.kiosk.config import SECTION, parse_kiosk_section
from spasmguide.core.kiosk.files import UnsafeFileError, read_small_file, replace_file
from spasmguide.core.kiosk.pin import (
    NEW_PIN_MAX_DIGITS,
    NEW_PIN_MIN_DIGITS,
    PinProblem,
    hash_pin,
    new_pin_problem,
)

PIN_PROBLEM_MESSAGES = {
    PinProblem.NOT_DIGITS: "A staff PIN is made of digits (0-9) and nothing else.",
    PinProblem.TOO_SHORT: f"A staff PIN needs at least {NEW_PIN_MIN_DIGITS} digits.",
    PinProblem.TOO_LONG: f"A staff PIN has at most {NEW_PIN_MAX_DIGITS} digits.",
    PinProblem.ONE_DIGIT: "One digit repeated is the first PIN anyone tries; choose another.",
    PinProblem.SEQUENCE: "Digits in a row (such as 123456 or 987654) are among the first "
                         "guesses; choose another.",
    PinProblem.REPEATED_PATTERN: "A repeated block of digits (such as 121212) is easy to "
                                 "guess; choose another.",
}


def set_key_in_ini(text: str, key: str, value: str) -> str:
    """Set ``key`` in the ``[kiosk]`` section, keeping every other line (and comments) as is.

    The first line that sets ``key`` in the section is changed (the one the kiosk reads);
    without one, the key is added at the end of the section, or a section is added.
    """
    lines = text.splitlines()
    section_re = re.compile(r"\s*\[([^\]]+)\]\s*$")
    key_re = re.compile(rf"\s*{re.escape(key)}\s*[=:]", re.IGNORECASE)
    in_section = False
    section_end: int | None = None
    section_found = False
    for index, line in enumerate(lines):
        match = section_re.match(line)
        if match:
            if in_section:
                section_end = index
                in_section = False
            if match.group(1).strip() == SECTION and not section_found:
                in_section = section_found = True
            continue
        if in_section and key_re.match(line):
            lines[index] = f"{key} = {value}"
            return "\n".join(lines) + "\n"
    new_line = f"{key} = {value}"
    if not section_found:
        if lines and lines[-1].strip():
            lines.append("")
        lines += [f"[{SECTION}]", new_line]
    else:
        at = section_end if section_end is not None else len(lines)
        while at > 0 and not lines[at - 1].strip():
            at -= 1
        lines.insert(at, new_line)
    return "\n".join(lines) + "\n"


def _read_pin(stdin: TextIO, err: TextIO) -> str | None:
    if stdin.isatty():
        first = getpass.getpass(
            f"New staff PIN ({NEW_PIN_MIN_DIGITS} to {NEW_PIN_MAX_DIGITS} digits): ", stream=err
        )
        second = getpass.getpass("The same PIN again: ", stream=err)
        if first != second:
            print("The two PINs differ; nothing was changed.", file=err)
            return None
        return first.strip()
    return stdin.readline().strip()


def set_pin_command(config_path: Path, stdin: TextIO, out: TextIO, err: TextIO) -> int:
    """``kiosk-pin --config FILE``: read a staff PIN from standard input and store its hash.

    The digits are never printed, logged or written anywhere; only the salted hash is saved,
    as ``admin_pin_hash`` in the ``[kiosk]`` section, keeping every other line of the file.
    The file keeps its owner, group and mode (the kiosk user must still be able to read
    it), and a symlinked file is written through the link.

    Returns:
        0 on success, 1 when the PIN is refused or the file cannot be written.
    """
    config_path = Path(config_path)
    pin = _read_pin(stdin, err)
    if pin is None:
        return 1
    problem = new_pin_problem(pin)
    if problem is not None:
        print(f"{PIN_PROBLEM_MESSAGES[problem]} Nothing was changed.", file=err)
        return 1
    stored = hash_pin(pin)
    del pin
    try:
        try:
            data = read_small_file(config_path)
        except FileNotFoundError:
            data = b""
        # Bytes that are not UTF-8 are carried over untouched (the kiosk warns about them).
        text = data.decode("utf-8", errors="surrogateescape")
        updated = set_key_in_ini(text, "admin_pin_hash", stored).encode(
            "utf-8", errors="surrogateescape"
        )
        entries, _warnings = parse_kiosk_section(updated)
        if not any(e.key == "admin_pin_hash" and e.value == stored for e in entries):
            print(f"Could not set the PIN in {config_path}: its [{SECTION}] section could not "
                  "be found reliably; nothing was changed.", file=err)
            return 1
        written = replace_file(config_path, updated, default_mode=0o644)
    except UnsafeFileError as exc:
        print(f"Could not write {config_path}: {exc.path} {exc.reason}.", file=err)
        return 1
    except OSError as exc:
        print(f"Could not write {config_path}: {type(exc).__name__}: "
              f"{exc.strerror or 'the file could not be replaced'}", file=err)
        return 1
    where = f"{written} (through the link {config_path})" if config_path.is_symlink() else (
        config_path
    )
    print(f"Staff PIN set in {where}.", file=out)
    return 0
