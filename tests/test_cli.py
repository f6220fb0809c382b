"""The headless commands a clinic uses to prepare and check its own content."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from spasmguide.core.content import bundled_pack_path


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "spasmguide", *args], capture_output=True, text=True, timeout=60
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
    assert set(section) == {"id", "title", "text", "evidence"}
    assert "**" not in json.dumps(document["tabs"])


def test_missing_content_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = run("content", "--content", str(tmp_path / "nope"), "--json")
    assert result.returncode == 1
    assert "is not a content pack folder" in result.stderr
    assert "Traceback" not in result.stderr
