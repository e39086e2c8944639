"""The training log: sets land on disk at once, bad files are refused and never overwritten."""

from __future__ import annotations

import errno
import json
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from runstrength.core.records import SessionInfo, SetRecord
from runstrength.store import (
    SCHEMA_VERSION,
    CorruptLogError,
    LogWriteError,
    NewerSchemaError,
    TrainingLog,
)

TZ = timezone(timedelta(hours=1))
STARTED = datetime(2026, 11, 23, 23, 50, tzinfo=TZ)


def info(session_id: str = "s1", started: datetime = STARTED) -> SessionInfo:
    return SessionInfo(id=session_id, program="endurance", started_at=started)


def a_set(number: int, reps: int = 18, minute: int = 0) -> SetRecord:
    return SetRecord(
        exercise="glute-bridge",
        set=number,
        side=None,
        target_reps=20,
        reps=reps,
        band=None,
        seconds=None,
        completed_at=STARTED + timedelta(minutes=minute),
    )


def test_a_logged_set_is_on_disk_before_log_set_returns(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.log_set(info(), a_set(1))
    lines = (tmp_path / "log.journal").read_text().splitlines()
    assert len(lines) == 2, "a journal id, then the set"
    logged = json.loads(lines[1])
    assert logged["session"]["status"] == "in-progress"
    assert logged["set"]["reps"] == 18
    assert logged["set"]["seq"] == 1
    assert logged["set"]["completed_at"] == "2026-11-23T23:50:00+01:00"


def test_ending_a_session_folds_the_journal_into_the_log(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.log_set(info(), a_set(1))
    log.log_set(info(), a_set(2, minute=2))
    log.finish_session(info(), "completed", STARTED + timedelta(minutes=30))
    assert not (tmp_path / "log.journal").exists()
    on_disk = json.loads(path.read_text())
    assert on_disk["meta"]["1"]["schema"] == SCHEMA_VERSION
    [session] = on_disk["sessions"].values()
    assert session["status"] == "completed"
    assert [s["seq"] for s in on_disk["sets"].values()] == [1, 2]
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file is left behind"


def test_sessions_come_back_with_their_sets_and_status(tmp_path: Path) -> None:
    log = TrainingLog(tmp_path / "log.json")
    log.log_set(info("a"), a_set(1))
    log.log_set(info("a"), a_set(2, reps=20, minute=3))
    log.finish_session(info("a"), "completed", STARTED + timedelta(minutes=40))
    reopened = TrainingLog(tmp_path / "log.json")
    [session] = reopened.sessions()
    assert session.status == "completed"
    assert [s.reps for s in session.sets] == [18, 20]
    assert session.total_reps == 38
    # 23:50 to 00:30 belongs to the day it started
    assert session.date.isoformat() == "2026-11-23"


def test_finish_before_the_set_is_written_still_ends_completed(tmp_path: Path) -> None:
    log = TrainingLog(tmp_path / "log.json")
    log.finish_session(info("a"), "partial", STARTED + timedelta(minutes=5))
    log.log_set(info("a"), a_set(1))
    [session] = log.sessions()
    assert session.status == "partial"
    assert len(session.sets) == 1


def test_sessions_filter_by_day_and_last_session(tmp_path: Path) -> None:
    log = TrainingLog(tmp_path / "log.json")
    for day in range(1, 6):
        log.log_set(info(f"s{day}", STARTED - timedelta(days=10 - day)), a_set(1))
    since = (STARTED - timedelta(days=8)).date()
    until = (STARTED - timedelta(days=6)).date()
    assert [s.id for s in log.sessions(since, until)] == ["s2", "s3", "s4"]
    last = log.last_session()
    assert last is not None
    assert last.id == "s5"
    assert TrainingLog(tmp_path / "empty.json").last_session() is None


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        (b'{"meta": {"1": {"schema": 1}}, "sessions": {"1": {"id": "a"', "not valid JSON"),
        (b"", "empty"),
        (b"\xff\xfe garbage", "not valid JSON"),
        (b"[1, 2, 3]", "not a runstrength log"),
    ],
)
def test_a_damaged_log_is_refused_and_left_untouched(
    tmp_path: Path, content: bytes, detail: str
) -> None:
    path = tmp_path / "log.json"
    path.write_bytes(content)
    with pytest.raises(CorruptLogError) as error:
        TrainingLog(path)
    assert str(path) in str(error.value)
    assert detail in str(error.value)
    assert path.read_bytes() == content


def test_a_log_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    content = json.dumps({"meta": {"1": {"schema": SCHEMA_VERSION + 1}}, "sessions": {}})
    path.write_text(content)
    with pytest.raises(NewerSchemaError, match="newer runstrength"):
        TrainingLog(path)
    assert path.read_text() == content


def test_a_failed_write_keeps_the_previous_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.log_set(info(), a_set(1))
    log.finish_session(info(), "partial", STARTED + timedelta(minutes=5))
    before = path.read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("runstrength.store.storage.os.fsync", full_disk)
    monkeypatch.setattr("runstrength.store.storage.os.fdatasync", full_disk)
    with pytest.raises(LogWriteError, match="No space left"):
        log.log_set(info("b"), a_set(1))
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert not list(tmp_path.glob(".*.tmp"))
    assert [s.id for s in log.sessions()] == ["s1"]
    log.log_set(info("b"), a_set(1))
    log.close()
    assert [s.id for s in TrainingLog(path).sessions()] == ["s1", "b"]


def test_a_record_missing_a_field_is_refused_at_open(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    content = json.dumps({"meta": {"1": {"schema": 2}}, "sessions": {"1": {"id": "x"}}})
    path.write_text(content)
    with pytest.raises(CorruptLogError, match="sessions record 1 lacks date"):
        TrainingLog(path)
    assert path.read_text() == content


def one_set_stored_as(path: Path, field: str, value: object) -> None:
    """A log of one finished session whose one set has `field` changed by hand."""
    log = TrainingLog(path)
    log.log_set(info(), a_set(1))
    log.finish_session(info(), "completed", STARTED + timedelta(minutes=30))
    log.close()
    data = json.loads(path.read_text())
    [key] = data["sets"]
    data["sets"][key][field] = value
    path.write_text(json.dumps(data))


def test_a_malformed_value_is_reported_as_damage_when_read(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    one_set_stored_as(path, "completed_at", "not a time")
    reopened = TrainingLog(path)
    with pytest.raises(CorruptLogError, match="malformed"):
        reopened.sessions()
    reopened.close()


@pytest.mark.parametrize("reps", ["eighteen", 18.5, True, [18]])
def test_a_count_that_is_not_a_whole_number_is_damage(tmp_path: Path, reps: object) -> None:
    path = tmp_path / "log.json"
    one_set_stored_as(path, "reps", reps)
    reopened = TrainingLog(path, read_only=True)
    with pytest.raises(CorruptLogError, match="not a whole number"):
        reopened.last_session()


def test_last_bands_are_each_exercises_most_recent_band(tmp_path: Path) -> None:
    log = TrainingLog(tmp_path / "log.json")
    early = info("s1", STARTED)
    later = info("s2", STARTED + timedelta(days=2))

    def band_set(exercise: str, band: str | None, when: datetime) -> SetRecord:
        return SetRecord(exercise, 1, None, 20, 18, band, None, when)

    log.log_set(later, band_set("band-squat", "green", later.started_at))
    log.log_set(early, band_set("band-squat", "red", early.started_at))  # logged late, done early
    log.log_set(early, band_set("lateral-band-walk", "yellow", early.started_at))
    log.log_set(later, band_set("lateral-band-walk", None, later.started_at))  # without a band
    log.finish_session(early, "completed", early.started_at + timedelta(hours=1))
    log.log_set(later, band_set("clamshell", "red", later.started_at))  # still in the journal
    expected = {"band-squat": "green", "lateral-band-walk": "yellow", "clamshell": "red"}
    assert log.last_bands() == expected
    log.close()
    assert TrainingLog(tmp_path / "log.json", read_only=True).last_bands() == expected


def test_effort_is_stored_with_a_session_and_can_be_cleared(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.log_set(info(), a_set(1))
    log.finish_session(info(), "completed", STARTED + timedelta(minutes=30))
    assert log.set_effort("s1", 6)
    assert log.session("s1").effort == 6  # type: ignore[union-attr]
    assert [s.effort for s in log.session_summaries()] == [6]
    assert not log.set_effort("nope", 3)
    log.close()
    reopened = TrainingLog(path, read_only=True)
    assert reopened.session("s1").effort == 6  # type: ignore[union-attr]
    reopened.close()
    log = TrainingLog(path)
    assert log.set_effort("s1", None)
    assert log.session("s1").effort is None  # type: ignore[union-attr]
    assert "effort" not in json.loads(path.read_text())["sessions"]["1"]
    log.close()


def test_a_session_rated_while_its_sets_are_still_in_the_journal(tmp_path: Path) -> None:
    log = TrainingLog(tmp_path / "log.json")
    log.log_set(info(), a_set(1))
    assert log.set_effort("s1", 4)
    session = log.session("s1")
    assert session is not None
    assert session.effort == 4
    assert len(session.sets) == 1
    log.close()


def test_a_bad_effort_in_the_log_is_a_damaged_log(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.log_set(info(), a_set(1))
    log.finish_session(info(), "completed", STARTED + timedelta(minutes=30))
    log.close()
    data = json.loads(path.read_text())
    data["sessions"]["1"]["effort"] = 12
    path.write_text(json.dumps(data))
    log = TrainingLog(path, read_only=True)
    with pytest.raises(CorruptLogError):
        log.session_summaries()
    log.close()
