"""A session's skipped exercises in the log: written with its end, read back, optional."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from runstrength.core.history import SessionFilter, table_rows
from runstrength.core.records import SessionInfo, SetRecord
from runstrength.store import CorruptLogError, TrainingLog

TZ = timezone(timedelta(hours=1))
STARTED = datetime(2026, 11, 23, 7, 0, tzinfo=TZ)
INFO = SessionInfo(id="s1", program="endurance", started_at=STARTED)


def a_set(minute: int) -> SetRecord:
    when = STARTED + timedelta(minutes=minute)
    return SetRecord("glute-bridge", 1, None, 20, 18, None, None, when)


def test_skipped_exercises_are_kept_with_the_session(tmp_path: Path) -> None:
    log = TrainingLog(tmp_path / "log.json")
    log.log_set(INFO, a_set(5))
    log.finish_session(
        INFO, "completed", STARTED + timedelta(minutes=30), ["side-plank", "clamshell"]
    )
    [session] = log.sessions()
    assert (session.status, session.skipped) == ("completed", ["side-plank", "clamshell"])
    [summary] = log.session_summaries()
    assert summary.skipped == 2
    [row] = table_rows([summary], SessionFilter())
    assert row.cells()[-1] == "2 exercises skipped"
    log.close()
    stored = json.loads((tmp_path / "log.json").read_text())
    assert stored["sessions"]["1"]["skipped"] == ["side-plank", "clamshell"]
    again = TrainingLog(tmp_path / "log.json", read_only=True)
    assert again.sessions()[0].skipped == ["side-plank", "clamshell"]


def test_nothing_skipped_stores_nothing_and_old_logs_read(tmp_path: Path) -> None:
    log = TrainingLog(tmp_path / "log.json")
    log.log_set(INFO, a_set(5))
    log.finish_session(INFO, "partial", STARTED + timedelta(minutes=10))
    log.close()
    stored = json.loads((tmp_path / "log.json").read_text())
    assert "skipped" not in stored["sessions"]["1"]  # as a log written before the field
    read = TrainingLog(tmp_path / "log.json", read_only=True)
    [session] = read.sessions()
    assert session.skipped == []
    [row] = table_rows(read.session_summaries(), SessionFilter())
    assert row.cells()[-1] == "partial"


def test_a_damaged_skipped_list_is_reported(tmp_path: Path) -> None:
    log = TrainingLog(tmp_path / "log.json")
    log.log_set(INFO, a_set(5))
    log.finish_session(INFO, "completed", STARTED + timedelta(minutes=30), ["side-plank"])
    log.close()
    path = tmp_path / "log.json"
    data = json.loads(path.read_text())
    data["sessions"]["1"]["skipped"] = "side-plank"
    path.write_text(json.dumps(data))
    with pytest.raises(CorruptLogError, match="skipped"):
        TrainingLog(path, read_only=True).sessions()
