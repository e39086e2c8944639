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


def test_a_session_set_aside_stays_open_and_says_where_it_goes_on(tmp_path: Path) -> None:
    from runstrength.core.records import ResumePoint
    from runstrength.core.restdays import can_start_today
    from runstrength.store.schedule import Schedule

    log = TrainingLog(tmp_path / "log.json")
    log.log_set(INFO, a_set(5))
    point = ResumePoint("glute-bridge", 1, 2)
    aside_at = STARTED + timedelta(minutes=9)
    log.set_aside(INFO, aside_at, ["clamshell"], point)
    [open_one] = log.interrupted_sessions()
    assert (open_one.status, open_one.ended_at) == ("in-progress", None)
    assert (open_one.set_aside_at, open_one.resume_at) == (aside_at, point)
    assert open_one.skipped == ["clamshell"]
    [row] = table_rows(log.session_summaries(), SessionFilter())
    assert row.cells()[-1] == "set aside · 1 exercise skipped"
    # The rest-day rule counts it on the day it started: the next day is a rest day.
    schedule = Schedule(log)
    tomorrow = STARTED.date() + timedelta(days=1)
    assert not can_start_today(schedule.training_days(tomorrow)).allowed
    log.close()

    # Resumed and finished: completed, and no longer set aside.
    again = TrainingLog(tmp_path / "log.json")
    assert again.interrupted_sessions()[0].resume_at == point
    again.log_set(INFO, a_set(20))
    again.finish_session(INFO, "completed", STARTED + timedelta(minutes=40), ["clamshell"])
    [done] = again.sessions()
    assert (done.status, len(done.sets), done.skipped) == ("completed", 2, ["clamshell"])
    assert again.interrupted_sessions() == []
    [row] = table_rows(again.session_summaries(), SessionFilter())
    assert row.cells()[-1] == "1 exercise skipped"


def test_a_band_picked_before_a_set_aside_is_kept_with_where_it_goes_on(tmp_path: Path) -> None:
    from runstrength.core.records import ResumePoint

    log = TrainingLog(tmp_path / "log.json")
    log.log_set(INFO, a_set(5))
    point = ResumePoint("lateral-band-walk", 3, 1, band="green")
    log.set_aside(INFO, STARTED + timedelta(minutes=9), [], point)
    assert log.interrupted_sessions()[0].resume_at.band == "green"  # type: ignore[union-attr]
    log.close()  # folded into the log file, read back from it
    again = TrainingLog(tmp_path / "log.json")
    [open_one] = again.interrupted_sessions()
    assert open_one.resume_at is not None
    assert open_one.resume_at.band == "green"
    again.close()
    data = json.loads((tmp_path / "log.json").read_text())
    data["sessions"]["1"]["resume_at"]["band"] = 7
    (tmp_path / "log.json").write_text(json.dumps(data))
    with pytest.raises(CorruptLogError, match="band"):
        TrainingLog(tmp_path / "log.json", read_only=True).sessions()
