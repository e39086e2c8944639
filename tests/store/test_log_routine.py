"""The warm-up and stretches in the log: durable at once, kept through folds and imports."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from runstrength.core.records import (
    SessionInfo,
    SessionRecord,
    SetRecord,
    StretchRecord,
    WarmupRecord,
)
from runstrength.store import CorruptLogError, TrainingLog

TZ = timezone(timedelta(hours=1))
STARTED = datetime(2026, 11, 23, 7, 0, tzinfo=TZ)
INFO = SessionInfo(id="s1", program="endurance", started_at=STARTED)
WARMUP = WarmupRecord(seconds=480, target_seconds=480)


def a_set(number: int, minute: int) -> SetRecord:
    return SetRecord(
        exercise="glute-bridge",
        set=number,
        side=None,
        target_reps=20,
        reps=20,
        band=None,
        seconds=None,
        completed_at=STARTED + timedelta(minutes=minute),
    )


def a_stretch(side: str | None, minute: int, skipped: bool = False) -> StretchRecord:
    return StretchRecord(
        stretch="hip-flexor-stretch",
        after="glute-bridge",
        side=side,  # type: ignore[arg-type]
        seconds=5 if skipped else 30,
        target_seconds=30,
        skipped=skipped,
        completed_at=STARTED + timedelta(minutes=minute),
    )


def test_warmup_and_stretches_are_in_the_journal_at_once(tmp_path: Path) -> None:
    log = TrainingLog(tmp_path / "log.json")
    log.log_set(INFO, a_set(1, 10))
    log.log_routine(INFO, WARMUP)
    log.log_routine(INFO, a_stretch("left", 12))
    lines = [json.loads(line) for line in (tmp_path / "log.journal").read_text().splitlines()]
    assert lines[2]["warmup"] == {"seconds": 480, "target_seconds": 480}
    assert lines[3]["stretch"]["side"] == "left"
    [session] = log.sessions()  # read before any fold
    assert session.warmup == WARMUP
    assert session.stretches == [a_stretch("left", 12)]


def test_they_survive_the_fold_and_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.log_set(INFO, a_set(1, 10))
    log.log_routine(INFO, WARMUP)
    log.log_routine(INFO, a_stretch("left", 12))
    log.log_routine(INFO, a_stretch("right", 13, skipped=True))
    log.finish_session(INFO, "completed", STARTED + timedelta(minutes=14))
    log.close()
    [session] = TrainingLog(path, read_only=True).sessions()
    assert session.status == "completed"
    assert session.warmup == WARMUP
    assert session.stretches == [a_stretch("left", 12), a_stretch("right", 13, skipped=True)]


def test_a_resumed_session_adds_to_the_stretches_already_folded(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.log_set(INFO, a_set(1, 10))
    log.log_routine(INFO, a_stretch("left", 12))
    log.fold()  # as at a restart after a crash
    log.log_set(INFO, a_set(2, 20))
    log.log_routine(INFO, a_stretch("right", 22))
    log.finish_session(INFO, "completed", STARTED + timedelta(minutes=25))
    [session] = log.sessions()
    assert [s.side for s in session.stretches] == ["left", "right"]
    assert [s.set for s in session.sets] == [1, 2]
    stored = json.loads(path.read_text())["sessions"]
    assert len(stored) == 1


def test_imported_sessions_keep_their_warmup_and_stretches(tmp_path: Path) -> None:
    log = TrainingLog(tmp_path / "log.json")
    record = SessionRecord(
        info=INFO,
        status="completed",
        ended_at=STARTED + timedelta(minutes=30),
        sets=[a_set(1, 10)],
        warmup=WARMUP,
        stretches=[a_stretch(None, 12)],
    )
    assert log.add_sessions([record]) == (1, 0)
    [back] = log.sessions()
    assert back == record


def test_a_malformed_stretch_is_reported_as_damage(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.log_set(INFO, a_set(1, 10))
    log.log_routine(INFO, a_stretch("left", 12))
    log.finish_session(INFO, "completed", STARTED + timedelta(minutes=14))
    log.close()
    data = json.loads(path.read_text())
    [doc] = data["sessions"].values()
    del doc["stretches"][0]["seconds"]
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    with pytest.raises(CorruptLogError, match=r"sessions record s1: stretches\[0\]"):
        TrainingLog(path, read_only=True).sessions()
    assert path.read_bytes() == before
