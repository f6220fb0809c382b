"""``python -m spasmguide checker``: the questions and outcomes a clinic can check headless."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from spasmguide.core.content import bundled_pack_path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "spasmguide", "checker", *args],
        capture_output=True, text=True, timeout=60,
    )


def test_questions_as_json_in_asking_order() -> None:
    result = run("--json")
    assert result.returncode == 0, result.stderr
    questions = json.loads(result.stdout)
    assert 6 <= len(questions) <= 10
    assert {"id", "text", "level"} <= set(questions[0])
    assert questions[0]["level"] == "emergency"
    assert "swollen-leg" in [q["id"] for q in questions]


def test_outcome_as_json_for_some_yes_answers() -> None:
    result = run("--yes", "numb-weak", "--yes", "swollen-leg", "--json")
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    assert outcome["level"] == "urgent"
    assert outcome["title"] == "Get medical help today"
    assert outcome["because"] == ["swollen-leg"]
    assert "today" in outcome["advice"]


def test_an_emergency_yes_wins_and_shows_the_number() -> None:
    result = run("--yes", "keep-coming-back", "--yes", "cold-leg", "--json")
    outcome = json.loads(result.stdout)
    assert outcome["level"] == "emergency"
    assert outcome["because"] == ["cold-leg"]
    assert outcome["title"] == "Call your local emergency number now"


def test_readable_outcome_lists_what_was_said() -> None:
    result = run("--yes", "new-medicine")
    assert result.returncode == 0
    assert result.stdout.startswith("SOON: See a doctor or pharmacist soon")
    assert "You said:\n  - cramps since starting a new medicine" in result.stdout
    assert "This is not a diagnosis." in result.stdout


def test_yes_to_a_question_from_each_level_in_turn() -> None:
    levels = {"chest-pain": "emergency", "long-cramp": "urgent", "numb-weak": "soon"}
    for question_id, level in levels.items():
        assert json.loads(run("--yes", question_id, "--json").stdout)["level"] == level


def test_readable_question_list() -> None:
    result = run()
    assert result.returncode == 0
    assert "1. [emergency] chest-pain" in result.stdout
    assert "Not sure counts as Yes" in result.stdout


def test_unknown_id_is_a_usage_error() -> None:
    result = run("--yes", "swollen-legg", "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "no question has the id 'swollen-legg'; the ids are: chest-pain" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_pack_without_a_checker_says_so(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(bundled_pack_path(), pack)
    (pack / "checker.toml").unlink()
    overview = pack / "overview.md"  # and so no link to the questions either
    text = overview.read_text(encoding="utf-8")
    overview.write_text(text.replace("(#is-it-serious)", "(#when-to-get-help)"), encoding="utf-8")
    result = run("--content", str(pack))
    assert result.returncode == 1
    assert "has no checker.toml" in result.stderr


def test_a_broken_checker_is_reported_by_check_content(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(bundled_pack_path(), pack)
    path = pack / "checker.toml"
    text = path.read_text(encoding="utf-8").replace("[results.soon]", "[results.later]")
    path.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "spasmguide", "check-content", str(pack)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1
    later = next(n for n, row in enumerate(text.splitlines(), 1) if "[results.later]" in row)
    assert f"checker.toml:{later}: unknown result level 'later'" in result.stderr
    assert "no result text for: soon" in result.stderr
