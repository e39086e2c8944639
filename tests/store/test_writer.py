"""The log's one writer: its own thread, in the order given, a refusal reported, a fault
in the program logged, a session's refused write kept and tried again first, commands
waiting for their write, and readers waiting for what was handed in before them."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from functools import partial
from pathlib import Path

import pytest

from runstrength.core.events import SessionEnded, SetCompleted
from runstrength.core.records import SessionInfo, SetRecord
from runstrength.store import LogWriteError, TrainingLog
from runstrength.store.schedule import DayTakenError, Schedule
from runstrength.store.writer import Failed, LogWriter, Outcome, Saved, session_write

TZ = timezone(timedelta(hours=1))
AT = datetime(2026, 11, 23, 7, 0, tzinfo=TZ)


@pytest.fixture
def log(tmp_path: Path) -> Iterator[TrainingLog]:
    opened = TrainingLog(tmp_path / "log.json")
    yield opened
    opened.close()


def test_writes_run_in_order_on_one_thread_not_the_callers(log: TrainingLog) -> None:
    writer = LogWriter(log)
    done: list[tuple[int, str]] = []

    def write(n: int, _: TrainingLog) -> int:
        time.sleep(0.002 * (5 - n))  # the earlier ones are slower: order must still hold
        done.append((n, threading.current_thread().name))
        return n

    futures = [writer.submit(partial(write, n)) for n in range(5)]
    assert [f.result(timeout=5) for f in futures] == [Saved(n) for n in range(5)]
    assert [n for n, _ in done] == [0, 1, 2, 3, 4]
    assert {name for _, name in done} == {"log-writer"}
    assert writer.close()


def test_a_refused_write_is_reported_and_the_next_one_still_runs(
    log: TrainingLog, tmp_path: Path
) -> None:
    writer = LogWriter(log)
    heard: list[Outcome[object]] = []

    def refused(_: TrainingLog) -> None:
        raise LogWriteError(tmp_path / "log.json", OSError(28, "No space left on device"))

    first = writer.submit(refused, heard.append)
    second = writer.submit(lambda _: "ok", heard.append)
    assert isinstance(first.result(timeout=5), Failed)
    assert second.result(timeout=5) == Saved("ok")
    refusal, saved = heard
    assert isinstance(refusal, Failed)
    assert "The disk is full" in refusal.reason
    assert not refusal.kept
    assert saved == Saved("ok")
    assert writer.close()


def test_a_fault_in_the_program_is_logged_and_reported_not_as_damage(
    log: TrainingLog, caplog: pytest.LogCaptureFixture
) -> None:
    writer = LogWriter(log)

    def broken(_: TrainingLog) -> None:
        raise AttributeError("no attribute 'reps'")

    with caplog.at_level(logging.ERROR):
        outcome = writer.submit(broken).result(timeout=5)
    assert any(r.exc_info for r in caplog.records if r.name == "runstrength.store.writer")
    assert isinstance(outcome, Failed)
    assert "damaged" not in outcome.reason
    writer.close()


def test_a_kept_write_that_is_refused_is_tried_again_first_and_its_followers_wait(
    log: TrainingLog, tmp_path: Path
) -> None:
    """A session's sets depend on each other: set 2 never lands before a refused set 1."""
    writer = LogWriter(log)
    landed: list[str] = []
    disk_full = [True]

    def set_number(n: str) -> Callable[[TrainingLog], str]:
        def write(_: TrainingLog) -> str:
            if disk_full[0]:
                raise LogWriteError(tmp_path / "log.json", OSError(28, "No space left"))
            landed.append(n)
            return n

        return write

    heard: list[Outcome[str]] = []
    first = writer.submit(set_number("1"), heard.append, keep=True).result(timeout=5)
    second = writer.submit(set_number("2"), heard.append, keep=True).result(timeout=5)
    assert isinstance(first, Failed)
    assert first.kept
    assert isinstance(second, Failed)
    assert second.kept
    assert writer.kept == 2
    unrelated = writer.submit(lambda _: "plan").result(timeout=5)  # not held up by them
    assert unrelated == Saved("plan")

    disk_full[0] = False  # space freed: the next write brings the kept ones first
    writer.submit(set_number("3"), heard.append, keep=True).result(timeout=5)
    assert landed == ["1", "2", "3"]
    assert heard[-3:] == [Saved("1"), Saved("2"), Saved("3")]
    assert writer.close()


def test_close_tries_the_kept_writes_once_more_and_says_whether_they_landed(
    log: TrainingLog, tmp_path: Path
) -> None:
    writer = LogWriter(log)
    attempts: list[int] = []

    def always_refused(_: TrainingLog) -> None:
        attempts.append(1)
        raise LogWriteError(tmp_path / "log.json", OSError(28, "No space left"))

    writer.submit(always_refused, keep=True).result(timeout=5)
    assert not writer.close()
    assert len(attempts) == 2


def test_settled_returns_once_everything_handed_in_before_has_landed(log: TrainingLog) -> None:
    writer = LogWriter(log)
    landed: list[int] = []
    for n in range(3):

        def write(_: TrainingLog, n: int = n) -> None:
            time.sleep(0.01)
            landed.append(n)

        writer.submit(write)
    writer.settled()
    assert landed == [0, 1, 2]
    writer.close()


def test_run_waits_and_gives_back_the_value_or_the_refusal_as_raised(log: TrainingLog) -> None:
    """What commands use: the write still goes through the writer's thread."""
    writer = LogWriter(log)
    day = AT.date()
    threads: list[str] = []

    def add(log: TrainingLog) -> object:
        threads.append(threading.current_thread().name)
        return Schedule(log).add(day, "endurance")

    planned = writer.run(add)
    assert planned.program == "endurance"  # type: ignore[attr-defined]
    assert threads == ["log-writer"]
    with pytest.raises(DayTakenError):
        writer.run(add)
    assert [p.program for p in Schedule(log).between()] == ["endurance"]
    writer.close()


def test_a_session_write_puts_the_event_in_the_log(log: TrainingLog) -> None:
    writer = LogWriter(log)
    info = SessionInfo(id="s1", program="endurance", started_at=AT)
    record = SetRecord("glute-bridge", 1, None, 20, 18, None, None, AT)
    writer.run(session_write(SetCompleted(info, record)))
    writer.run(session_write(SessionEnded(info, "completed", AT, 1, ())))
    [session] = log.sessions()
    assert [s.reps for s in session.sets] == [18]
    assert session.status == "completed"
    writer.close()


def test_the_writes_left_unsaved_are_named_with_why(log: TrainingLog, tmp_path: Path) -> None:
    writer = LogWriter(log)

    def refused(_: TrainingLog) -> None:
        raise LogWriteError(tmp_path / "log.json", OSError(28, "No space left"))

    writer.submit(refused, keep=True, what="finished sets").result(timeout=5)
    writer.submit(refused, keep=True, what="finished sets").result(timeout=5)
    writer.submit(refused, keep=True, what="the effort rating").result(timeout=5)
    assert not writer.close()
    assert writer.unsaved == ["finished sets", "the effort rating"]
    assert writer.refusal is not None
    assert "No space left" in writer.refusal
    fresh = LogWriter(log)
    assert fresh.unsaved == []
    assert fresh.refusal is None
