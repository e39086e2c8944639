"""Reads for the history screens: session totals without sets, and one session in full."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from runstrength.core.history import summarize
from runstrength.core.records import SessionInfo, SessionRecord, SetRecord
from runstrength.store import CorruptLogError, TrainingLog

TZ = timezone(timedelta(hours=1))
MONDAY = datetime(2026, 11, 16, 7, 0, tzinfo=TZ)


def info(session_id: str, started: datetime) -> SessionInfo:
    return SessionInfo(id=session_id, program="endurance", started_at=started)


def counted(number: int, reps: int | None, at: datetime, side: str | None = None) -> SetRecord:
    return SetRecord(
        exercise="glute-bridge",
        set=number,
        side=side,  # type: ignore[arg-type]
        target_reps=20,
        reps=reps,
        band="red",
        seconds=None,
        completed_at=at,
    )


def held(number: int, seconds: int, at: datetime, side: str) -> SetRecord:
    return SetRecord(
        exercise="side-plank",
        set=number,
        side=side,  # type: ignore[arg-type]
        target_reps=None,
        reps=None,
        band=None,
        seconds=seconds,
        completed_at=at,
        target_seconds=30,
    )


def sample_log(path: Path) -> TrainingLog:
    """Two ended sessions (one imported, one logged) and one still open in the journal."""
    log = TrainingLog(path)
    imported = SessionRecord(
        info=info("imported", MONDAY),
        status="completed",
        ended_at=MONDAY + timedelta(minutes=40),
        sets=[
            counted(1, 20, MONDAY + timedelta(minutes=5)),
            counted(2, 22, MONDAY + timedelta(minutes=7)),  # above target: capped
            held(1, 30, MONDAY + timedelta(minutes=9), "left"),
            held(1, 18, MONDAY + timedelta(minutes=10), "right"),
        ],
    )
    log.add_sessions([imported])
    wednesday = MONDAY + timedelta(days=2)
    logged = info("logged", wednesday)
    log.log_set(logged, counted(1, 15, wednesday + timedelta(minutes=5)))
    log.finish_session(logged, "partial", wednesday + timedelta(minutes=12))
    friday = MONDAY + timedelta(days=4)
    open_one = info("open", friday)
    log.log_set(open_one, counted(1, 17, friday + timedelta(minutes=6)))
    log.log_set(open_one, counted(2, 16, friday + timedelta(minutes=9)))
    return log


def test_summaries_count_what_the_sessions_hold(tmp_path: Path) -> None:
    log = sample_log(tmp_path / "log.json")
    summaries = log.session_summaries()
    assert summaries == [summarize(s) for s in log.sessions()]
    first, second, third = summaries
    assert [s.id for s in summaries] == ["imported", "logged", "open"]
    # Three sets at (or over) their target, a hold of 18 s of 30: 3.6 of 4 sets.
    assert (first.sets, first.reps, first.target_sets) == (4, 42, 4)
    assert first.done_sets == pytest.approx(1 + 1 + 1 + 18 / 30)
    assert (second.status, second.sets, second.reps) == ("partial", 1, 15)
    assert third.status == "in-progress"
    assert third.ended_at is None
    assert third.last_set_at == MONDAY + timedelta(days=4, minutes=9)
    log.close()


def test_summaries_filter_by_day(tmp_path: Path) -> None:
    log = sample_log(tmp_path / "log.json")
    wednesday = date(2026, 11, 18)
    assert [s.id for s in log.session_summaries(since=wednesday)] == ["logged", "open"]
    assert [s.id for s in log.session_summaries(until=wednesday)] == ["imported", "logged"]
    assert [s.id for s in log.session_summaries(wednesday, wednesday)] == ["logged"]
    log.close()


def test_one_session_in_full(tmp_path: Path) -> None:
    log = sample_log(tmp_path / "log.json")
    everything = {s.id: s for s in log.sessions()}
    for session_id in ("imported", "logged", "open"):
        one = log.session(session_id)
        assert one == everything[session_id]
        assert one is not None
        assert [r.key for r in one.sets] == [r.key for r in everything[session_id].sets]
    assert log.session("no-such-session") is None
    log.close()


def damaged(path: Path, table: str, field: str, value: object) -> TrainingLog:
    log = sample_log(path)
    log.fold()
    log.close()
    data = json.loads(path.read_text())
    first = next(iter(data[table]))
    data[table][first][field] = value
    path.write_text(json.dumps(data))
    return TrainingLog(path)


@pytest.mark.parametrize(
    ("table", "field", "value"),
    [
        ("sets", "reps", "twenty"),
        ("sets", "reps", 19.5),
        ("sets", "target_reps", [20]),
        ("sessions", "started_at", "yesterday morning"),
        ("sessions", "ended_at", 1234),
    ],
)
def test_a_malformed_value_in_a_summary_is_reported_as_damage(
    tmp_path: Path, table: str, field: str, value: object
) -> None:
    log = damaged(tmp_path / "log.json", table, field, value)
    with pytest.raises(CorruptLogError, match="malformed") as error:
        log.session_summaries()
    assert str(tmp_path / "log.json") in str(error.value)
    log.close()


def test_a_malformed_set_of_one_session_is_reported_as_damage(tmp_path: Path) -> None:
    log = damaged(tmp_path / "log.json", "sets", "completed_at", "not a time")
    with pytest.raises(CorruptLogError, match="malformed"):
        log.session("imported")
    log.close()
