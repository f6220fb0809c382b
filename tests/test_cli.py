"""The headless commands a clinic uses to prepare and check its own content."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from spasmguide.core.content import bundled_pack_path


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "spasmguide", *args], capture_output=True, text=True, timeout=60,
        env=None if env is None else {**os.environ, **env},
    )


def test_check_content_summarises_a_good_pack() -> None:
    result = run("check-content", str(bundled_pack_path()))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: ")
    assert "4 tabs" in result.stdout and "sections" in result.stdout and "words" in result.stdout


def test_check_content_lists_every_problem_as_file_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(bundled_pack_path(), broken)
    causes = (broken / "causes.md").read_text(encoding="utf-8")
    causes += "\n<img src=x>\n\n[web](https://example.com)\n"
    (broken / "causes.md").write_text(causes, encoding="utf-8")
    lines = len(causes.splitlines())
    result = run("check-content", str(broken))
    assert result.returncode == 1
    assert f"causes.md:{lines - 2}: raw HTML is not allowed" in result.stderr
    assert f"causes.md:{lines}: link to 'https://example.com' leaves the guide" in result.stderr
    assert "Traceback" not in result.stderr


def test_content_json_has_every_tab_with_plain_text() -> None:
    result = run("content", "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["pack"]["id"] == "spasmguide-en"
    assert [t["id"] for t in document["tabs"]] == [
        "overview",
        "treatments",
        "causes",
        "muscle-types",
    ]
    section = document["tabs"][2]["sections"][0]
    assert set(section) == {"id", "title", "text", "evidence", "pictures"}
    assert "**" not in json.dumps(document["tabs"])


def test_missing_content_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = run("content", "--content", str(tmp_path / "nope"), "--json")
    assert result.returncode == 1
    assert "is not a content pack folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_content_given_before_the_command_is_the_pack_used(tmp_path: Path) -> None:
    # `spasmguide --content DIR content` reads DIR, as `content --content DIR` does.
    pack = tmp_path / "pack"
    shutil.copytree(bundled_pack_path(), pack)
    toml = (pack / "pack.toml").read_text(encoding="utf-8")
    (pack / "pack.toml").write_text(toml.replace('id = "spasmguide-en"', 'id = "clinic-en"'),
                                    encoding="utf-8")
    for command in (["content", "--json"], ["search", "cramp", "--json"], ["check-content"]):
        before = run("--content", str(pack), *command)
        after = run(*command[:1], "--content", str(pack), *command[1:]) if command[0] != \
            "check-content" else run("check-content", str(pack))
        assert before.returncode == 0, before.stderr
        assert before.stdout == after.stdout
    assert json.loads(run("--content", str(pack), "content", "--json").stdout)["pack"]["id"] \
        == "clinic-en"
    missing = run("--content", str(tmp_path / "nope"), "content")
    assert missing.returncode == 1 and "is not a content pack folder" in missing.stderr


def test_lang_before_the_command_is_the_language_used() -> None:
    before = run("--lang", "es", "search", "calambre", "--json")
    after = run("search", "calambre", "--lang", "es", "--json")
    assert before.returncode == 0, before.stderr
    assert before.stdout == after.stdout
    assert json.loads(before.stdout)[0]["tab"] in {"Resumen", "Tratamientos", "Causas"}
    english = run("content", "--json")  # no --lang anywhere: English
    assert json.loads(english.stdout)["pack"]["language"] == "en"


def test_output_cut_short_by_a_closed_pipe_exits_quietly() -> None:
    # As `search cramp --json | head -1` once head has gone: nobody reads the pipe any more.
    # The reading end is closed before the command starts, so every write fails, however
    # fast or slow the machine is.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "spasmguide", "search", "cramp", "--json"],
            stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=60,
        )
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == 141


def test_a_tab_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    home = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_DATA_HOME": str(tmp_path / "data")}
    result = run("--settings", str(tmp_path / "settings.ini"), "--tab", "nonsense", env=home)
    assert result.returncode == 2
    assert "there is no tab 'nonsense'" in result.stderr
    for tab in ("overview", "muscle-types", "causes", "treatments", "timer", "about"):
        assert tab in result.stderr
    assert "Traceback" not in result.stderr


def test_help_lists_every_tab_of_the_bundled_guide() -> None:
    from spasmguide.cli import BUILT_IN_TAB_IDS, BUNDLED_TOPIC_TAB_IDS
    from spasmguide.core.content import load_pack

    pack = load_pack(bundled_pack_path())
    assert tuple(tab.id for tab in pack.tabs) == BUNDLED_TOPIC_TAB_IDS
    result = run("--help")
    help_text = " ".join(result.stdout.split())
    assert ", ".join((*BUNDLED_TOPIC_TAB_IDS, *BUILT_IN_TAB_IDS)) in help_text


def test_content_without_json_is_a_short_summary() -> None:
    result = run("content")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "words" in lines[0]
    assert any(line.strip().startswith("causes: Causes") for line in lines)
    assert "#when-to-get-help" in result.stdout
    assert not result.stdout.lstrip().startswith("{")
    assert len(lines) < 60


def test_an_empty_search_is_an_empty_list() -> None:
    result = run("search", "", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_search_limit_must_be_a_sensible_whole_number() -> None:
    for bad in ("0", "-1", "99999999999999999999999", "ten"):
        result = run("search", "cramp", "--limit", bad)
        assert result.returncode == 2, bad
        assert "argument --limit" in result.stderr, bad
        assert "search failed" not in result.stdout + result.stderr
        assert "Traceback" not in result.stderr
    result = run("search", "cramp", "--limit", "1", "--json")
    assert result.returncode == 0
    assert len(json.loads(result.stdout)) == 1


def test_kiosk_pin_is_called_the_staff_pin_everywhere() -> None:
    root = Path(__file__).resolve().parents[1]
    result = run("kiosk-pin", "--help")
    assert "staff PIN" in run("--help").stdout
    assert "staff PIN" in result.stdout
    for doc in ("README.md", "docs/kiosk.md", "packaging/linux/kiosk.ini.example"):
        text = (root / doc).read_text(encoding="utf-8")
        assert "admin PIN" not in text and "python3 -m spasmguide" not in text, doc
        assert "staff PIN" in text, doc


def test_search_and_content_speak_the_language_asked_for() -> None:
    found = run("search", "calambres nocturnos", "--lang", "es", "--json")
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)
    assert hits[0]["section"] == "night-cramps"
    assert "calambres" in hits[0]["title"].lower()
    content = run("content", "--lang", "es", "--json")
    assert content.returncode == 0, content.stderr
    document = json.loads(content.stdout)
    assert document["pack"]["language"] == "es"
    english = json.loads(run("content", "--json").stdout)
    assert [t["id"] for t in document["tabs"]] == [t["id"] for t in english["tabs"]]
    assert document["tabs"][0]["title"] != english["tabs"][0]["title"]


WINDOW_LINES = [
    [],
    ["--kiosk"],
    ["--settings", "my settings.ini"],
    ["--settings=s.ini", "--kiosk", "--lang", "ES"],
    ["--idle-timeout", "30", "--idle-warning=5.5", "--tab", "timer", "--diary", "d.sqlite",
     "--content", "pack", "--config", "kiosk.ini"],
    ["--tab="],
]


def test_the_window_s_options_read_directly_mean_what_the_full_parser_says() -> None:
    from spasmguide.cli import build_parser, parse_args

    for argv in WINDOW_LINES:
        assert vars(parse_args(argv)) == vars(build_parser().parse_args(argv)), argv


def test_anything_but_the_window_s_options_goes_to_the_full_parser(capsys) -> None:
    import pytest

    from spasmguide.cli import parse_args

    assert parse_args(["check-content"]).command == "check-content"
    assert parse_args(["--idle-timeout", "-5"]).idle_timeout == -5.0  # a negative number
    assert parse_args(["--kiosk", "--kiosk"]).kiosk is True
    for argv, message in (
        (["--lang", "spanish!"], "is not a language code"),
        (["--settings"], "expected one argument"),
        (["--kiosk=yes"], "ignored explicit argument"),
        (["--idle-timeout", "soon"], "invalid float value"),
        (["--colour"], "unrecognized arguments"),
    ):
        with pytest.raises(SystemExit):
            parse_args(argv)
        assert message in capsys.readouterr().err, argv


def test_the_direct_reading_takes_each_window_option_as_the_parser_declares_it() -> None:
    """The window's options are declared for argparse and listed again for the direct
    reading; a new or changed option must change both."""
    import argparse

    from spasmguide.cli import _WINDOW_VALUES, _add_window_options

    parser = argparse.ArgumentParser(add_help=False)
    _add_window_options(parser)
    actions = parser._actions  # argparse has no public list of what was declared
    with_value = {a.option_strings[0]: (a.dest, a.type or str) for a in actions if a.nargs is None}
    flags = {a.option_strings[0] for a in actions if a.nargs == 0 and a.dest != "version"}
    assert with_value == _WINDOW_VALUES
    assert flags == {"--kiosk"}
