"""A session's end from the app's writer: durable in the journal when the write returns,
folded into the year's file once the writer has nothing else to do (or at close, or at
the next start), and never lost when that fold fails."""

from __future__ import annotations

import json
import logging
import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from runstrength.core.events import SessionEnded, SetCompleted
from runstrength.core.records import SessionInfo, SetRecord
from runstrength.store import LogWriteError, TrainingLog
from runstrength.store.journal import journal_path, read_journal
from runstrength.store.writer import LogWriter, Saved, session_write

TZ = timezone(timedelta(hours=1))
AT = datetime(2026, 11, 23, 7, 0, tzinfo=TZ)
INFO = SessionInfo(id="s1", program="endurance", started_at=AT)
RECORD = SetRecord("glute-bridge", 1, None, 20, 18, None, None, AT)


def statuses_in_file(path: Path) -> list[str]:
    """The sessions' statuses as the log file itself holds them (without the journal)."""
    return [doc["status"] for doc in json.loads(path.read_text())["sessions"].values()]


def ends_in_journal(path: Path) -> list[str]:
    return [
        entry["finish"]["status"]
        for entry in read_journal(journal_path(path)).entries
        if "finish" in entry
    ]


def wait_until(condition: object, seconds: float = 5.0) -> None:
    """Wait for the writer's thread (not for a timer): polls until `condition()` holds."""
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "the writer never got there"
        time.sleep(0.005)


def test_the_end_is_in_the_journal_at_once_and_in_the_file_once_the_writer_is_idle(
    tmp_path: Path,
) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    writer = LogWriter(log)
    writer.run(session_write(SetCompleted(INFO, RECORD)))
    busy = threading.Event()
    release = threading.Event()

    def hold(_: TrainingLog) -> None:
        busy.set()
        release.wait(5)

    ended = writer.submit(session_write(SessionEnded(INFO, "completed", AT, 1, ())))
    writer.submit(hold)  # the writer is not idle yet: no fold
    assert ended.result(timeout=5) == Saved(None)
    assert busy.wait(5)
    assert ends_in_journal(path) == ["completed"]  # durable before any fold
    assert not path.exists() or "completed" not in statuses_in_file(path)
    [session] = log.sessions()  # reads see the journal meanwhile
    assert session.status == "completed"
    release.set()
    wait_until(lambda: not journal_path(path).exists())
    assert statuses_in_file(path) == ["completed"]
    assert writer.close()
    log.close()


def test_closing_folds_an_end_left_in_the_journal(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.log_set(INFO, RECORD)
    log.finish_session(INFO, "partial", AT, fold=False)
    assert ends_in_journal(path) == ["partial"]
    log.close()
    assert not journal_path(path).exists()
    assert statuses_in_file(path) == ["partial"]


def test_a_fold_that_fails_keeps_the_end_in_the_journal_for_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.log_set(INFO, RECORD)

    def full_disk(_: str) -> None:
        raise LogWriteError(path, OSError(28, "No space left on device"))

    monkeypatch.setattr(log, "_back_up", full_disk)
    log.finish_session(INFO, "completed", AT, fold=False)
    with caplog.at_level(logging.WARNING, logger="runstrength.store.log"):
        log.fold_if_due()
    assert "could not fold the journal" in caplog.text
    assert ends_in_journal(path) == ["completed"]
    [session] = log.sessions()
    assert session.status == "completed"
    assert [s.reps for s in session.sets] == [18]
    log.close()
    monkeypatch.undo()
    reopened = TrainingLog(path)  # the next start folds it
    assert statuses_in_file(path) == ["completed"]
    assert not journal_path(path).exists()
    reopened.close()
