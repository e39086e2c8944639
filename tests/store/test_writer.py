"""The log's one writer: its own thread, in the order given, a refusal reported, a fault
in the program logged and carried, and waiting for what is pending."""

from __future__ import annotations

import logging
import threading
import time
from functools import partial
from pathlib import Path

import pytest

from runstrength.store import LogWriteError, LogWriter


def test_writes_run_in_order_on_one_thread_not_the_callers() -> None:
    writer = LogWriter()
    done: list[tuple[int, str]] = []

    def write(n: int) -> int:
        time.sleep(0.002 * (5 - n))  # the earlier ones are slower: order must still hold
        done.append((n, threading.current_thread().name))
        return n

    futures = [writer.submit(partial(write, n)) for n in range(5)]
    assert [f.result(timeout=5) for f in futures] == [0, 1, 2, 3, 4]
    assert [n for n, _ in done] == [0, 1, 2, 3, 4]
    assert {name for _, name in done} == {"log-writer"}
    writer.close()


def test_a_refused_write_is_reported_and_the_next_one_still_runs(tmp_path: Path) -> None:
    writer = LogWriter()
    failed: list[str] = []
    saved: list[object] = []

    def refused() -> None:
        raise LogWriteError(tmp_path / "log.json", OSError(28, "No space left on device"))

    first = writer.submit(refused, on_saved=saved.append, on_failed=failed.append)
    second = writer.submit(lambda: "ok", on_saved=saved.append, on_failed=failed.append)
    writer.wait()
    assert first.result() is None
    assert second.result() == "ok"
    assert saved == ["ok"]
    [message] = failed
    assert "The disk is full" in message
    writer.close()


def test_a_fault_in_the_program_is_logged_and_carried(caplog: pytest.LogCaptureFixture) -> None:
    writer = LogWriter()
    failed: list[str] = []

    def broken() -> None:
        raise AttributeError("no attribute 'reps'")

    with caplog.at_level(logging.ERROR):
        future = writer.submit(broken, on_failed=failed.append)
        writer.wait()
    with pytest.raises(AttributeError):
        future.result()
    assert any(r.exc_info for r in caplog.records if r.name == "runstrength.store.writer")
    assert failed
    assert "damaged" not in failed[0]
    writer.close()


def test_wait_returns_once_everything_queued_has_landed() -> None:
    writer = LogWriter()
    landed: list[int] = []
    for n in range(3):

        def write(n: int = n) -> None:
            time.sleep(0.01)
            landed.append(n)

        writer.submit(write)
    writer.wait()
    assert landed == [0, 1, 2]
    writer.close()
