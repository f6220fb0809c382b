"""Nothing committed is lost: a writer killed with SIGKILL mid-write, again and again."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from spasmguide.core.diary import DiaryStore

WRITER = r"""
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from spasmguide.core.diary import DiaryStore, Entry

store = DiaryStore.open(Path(sys.argv[1]))
round_, n = sys.argv[2], 0
zone = timezone(timedelta(hours=-3))
print("ready", flush=True)
while True:
    n += 1
    when = datetime(2024, 1, 1, tzinfo=zone) + timedelta(minutes=n)
    if n % 3:
        saved = [store.save(Entry(when=when, severity=n % 11, note=f"{round_}-{n} " * 40))]
    else:  # a bigger transaction now and then, so some kills land in the middle of one
        added, _ = store.add_many(
            [Entry(when=when + timedelta(seconds=i), note="batch " * 60) for i in range(25)]
        )
        saved = store.entries(limit=added)
    print(" ".join(e.id for e in saved), flush=True)
"""

KILLS = 20
WAIT_S = 60  # generous: only to stop a hung writer, never a measure of speed


def read_line(process: subprocess.Popen[str]) -> str:
    ready, _, _ = select.select([process.stdout], [], [], WAIT_S)
    if not ready:
        process.kill()
        pytest.fail("the writer stopped answering")
    assert process.stdout is not None
    return process.stdout.readline()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")
def test_every_committed_entry_survives_repeated_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "diary.sqlite3"
    committed: set[str] = set()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for round_ in range(KILLS):
        process = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(round_)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )
        try:
            assert read_line(process).strip() == "ready", process.stderr
            # Let a varying number of saves through, then kill without warning.
            for _ in range(3 + (round_ * 7) % 23):
                line = read_line(process)
                assert line, "the writer ended on its own"
                committed.update(line.split())
            os.kill(process.pid, signal.SIGKILL)
        finally:
            process.kill()
            process.wait(timeout=WAIT_S)
            assert process.stdout is not None and process.stderr is not None
            process.stdout.close()
            process.stderr.close()
        assert process.returncode == -signal.SIGKILL

        store = DiaryStore.open(path)
        try:
            assert store.notices == []
            assert store.integrity() == "ok"
            ids = {row[0] for row in store.connection.execute("SELECT uid FROM entries")}
            assert committed <= ids, f"lost after kill {round_ + 1}: {committed - ids}"
        finally:
            store.close()
    assert len(committed) > KILLS * 3
