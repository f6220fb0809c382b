"""Pack files are read safely: only ordinary files inside the pack folder, never past the limit."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from spasmguide.core.content import ContentError, load_pack
from spasmguide.core.content import files as files_module
from spasmguide.core.content.files import (
    PackFileError,
    megabytes,
    read_file_inside,
)
from tests.core.test_content_loader import PACK_TOML, write_pack

HANG_LIMIT_S = 120  # far beyond any normal run: only a hang reaches it


def finishes(work: Callable[[], Any]) -> Any:
    """Run ``work`` and return what it returns or raises; fail the test if it never ends."""
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(HANG_LIMIT_S)
    assert not thread.is_alive(), "did not finish: it hangs"
    return outcome[0]


def load_problems(root: Path) -> list[str]:
    result = finishes(lambda: load_pack(root))
    assert isinstance(result, ContentError), result
    return [str(p) for p in result.problems]


def test_a_named_pipe_as_a_tab_file_is_refused_without_waiting(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p")
    (root / "first.md").unlink()
    os.mkfifo(root / "first.md")
    assert "first.md: is not an ordinary file (it is a pipe, a device or similar); " \
        "replace it with a saved file" in load_problems(root)


@pytest.mark.parametrize("optional", ["routines.toml", "synonyms.toml"])
def test_a_named_pipe_as_an_optional_file_is_reported_not_ignored(
    tmp_path: Path, optional: str
) -> None:
    root = write_pack(tmp_path / "p")
    os.mkfifo(root / optional)
    assert any(p.startswith(f"{optional}: is not an ordinary file") for p in load_problems(root))


def test_a_link_to_a_device_is_refused(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p")
    (root / "first.md").unlink()
    (root / "first.md").symlink_to("/dev/zero")
    assert "first.md: leads outside the pack folder; put the file itself in the pack folder" in (
        load_problems(root)
    )


def test_a_link_to_a_file_outside_the_pack_is_refused(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p")
    outside = tmp_path / "elsewhere.md"
    (root / "first.md").rename(outside)
    (root / "first.md").symlink_to(outside)
    assert any(p.startswith("first.md: leads outside the pack folder") for p in load_problems(root))


def test_a_link_to_a_file_inside_the_pack_is_read(tmp_path: Path) -> None:
    root = write_pack(tmp_path / "p")
    (root / "first.md").rename(root / "real.md")
    (root / "first.md").symlink_to("real.md")
    assert [s.id for s in load_pack(root).tabs[0].sections] == ["get-help", "other-part"]


def test_a_nul_in_a_tab_file_name_names_its_line(tmp_path: Path) -> None:
    pack = PACK_TOML.replace('file = "first.md"', 'file = "fir\\u0000st.md"')
    assert (
        "pack.toml:11: tab file name 'fir\\u0000st.md' holds a control character (U+0000); "
        "retype the name"
    ) in load_problems(write_pack(tmp_path / "p", pack))


def test_the_size_limit_holds_while_reading_whatever_the_file_claims(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "big.md").write_bytes(b"x" * 5_000_000)
    real_fstat, real_read = os.fstat, os.read
    read: list[int] = []

    def claims_empty(fd: int) -> os.stat_result:
        values = list(real_fstat(fd))
        values[6] = 0  # st_size: like a file in /proc, or one still being written
        return os.stat_result(values)

    def counted_read(fd: int, size: int) -> bytes:
        data = real_read(fd, size)
        read.append(len(data))
        return data

    monkeypatch.setattr(files_module.os, "fstat", claims_empty)
    monkeypatch.setattr(files_module.os, "read", counted_read)
    with pytest.raises(PackFileError, match=r"^file is larger than the limit of 2 MB$"):
        read_file_inside(tmp_path, "big.md", limit=2_000_000)
    assert sum(read) == 2_000_001


@pytest.mark.parametrize(
    ("size", "text"),
    [(17_500_000, "17.5 MB"), (16_000_000, "16 MB"), (16_000_001, "16.1 MB"), (1, "0.1 MB")],
)
def test_sizes_read_as_people_expect(size: int, text: str) -> None:
    assert megabytes(size) == text
