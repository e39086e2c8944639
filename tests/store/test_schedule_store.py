"""The schedule table: add, list, move, remove, all on disk at once; logged days cheaply."""

from __future__ import annotations

import json
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from runstrength.core.codec import ScheduledDay
from runstrength.core.records import SessionInfo, SetRecord
from runstrength.store import SCHEMA_VERSION, TrainingLog
from runstrength.store.schedule import (
    DayTakenError,
    LoggedDay,
    NotScheduledError,
    Schedule,
)

HOME = timezone(timedelta(hours=1))


def a_set(at: datetime) -> SetRecord:
    return SetRecord("glute-bridge", 1, None, 20, 18, None, None, completed_at=at)


def on_disk(path: Path) -> list[dict[str, str]]:
    return sorted(json.loads(path.read_text())["schedule"].values(), key=lambda d: d["date"])


def test_plans_are_written_at_once_in_the_interchange_shape(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    schedule = Schedule(log)
    schedule.add(date(2026, 11, 27), "endurance")
    schedule.add(date(2026, 11, 25), "sprint")
    assert on_disk(path) == [
        {"date": "2026-11-25", "program": "sprint"},
        {"date": "2026-11-27", "program": "endurance"},
    ]
    assert json.loads(path.read_text())["meta"]["1"]["schema"] == SCHEMA_VERSION
    log.close()
    reopened = Schedule(TrainingLog(path))
    assert reopened.between() == [
        ScheduledDay(date(2026, 11, 25), "sprint"),
        ScheduledDay(date(2026, 11, 27), "endurance"),
    ]
    assert reopened.between(date(2026, 11, 26)) == [ScheduledDay(date(2026, 11, 27), "endurance")]
    assert reopened.between(until=date(2026, 11, 26)) == [
        ScheduledDay(date(2026, 11, 25), "sprint")
    ]


def test_one_plan_a_day_and_remove_and_move(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    schedule = Schedule(TrainingLog(path))
    schedule.add(date(2026, 11, 25), "sprint")
    with pytest.raises(DayTakenError):
        schedule.add(date(2026, 11, 25), "endurance")
    schedule.add(date(2026, 11, 28), "endurance")
    with pytest.raises(DayTakenError):
        schedule.move(date(2026, 11, 25), date(2026, 11, 28))
    moved = schedule.move(date(2026, 11, 25), date(2026, 12, 1))
    assert moved == ScheduledDay(date(2026, 12, 1), "sprint")
    assert [p.day for p in Schedule(TrainingLog(path)).between()] == [
        date(2026, 11, 28),
        date(2026, 12, 1),
    ]
    assert schedule.remove(date(2026, 11, 28)) == ScheduledDay(date(2026, 11, 28), "endurance")
    with pytest.raises(NotScheduledError):
        schedule.remove(date(2026, 11, 28))
    with pytest.raises(NotScheduledError):
        schedule.move(date(2026, 11, 28), date(2026, 12, 5))
    assert on_disk(path) == [{"date": "2026-12-01", "program": "sprint"}]


def test_logged_days_count_only_sessions_with_a_set(tmp_path: Path) -> None:
    log = TrainingLog(tmp_path / "log.json")
    late = SessionInfo("late", "endurance", datetime(2026, 11, 23, 23, 50, tzinfo=HOME))
    log.log_set(late, a_set(late.started_at + timedelta(minutes=40)))  # 00:30 next day
    log.finish_session(late, "partial", late.started_at + timedelta(minutes=41))
    empty = SessionInfo("empty", "sprint", datetime(2026, 11, 20, 8, 0, tzinfo=HOME))
    log.finish_session(empty, "completed", empty.started_at + timedelta(minutes=5))
    schedule = Schedule(log)
    assert schedule.logged_days() == [LoggedDay(date(2026, 11, 23), "endurance", "late")]
    assert schedule.logged_days(since=date(2026, 11, 24)) == []
    state = schedule.training_days(date(2026, 11, 24), ("sunday",))
    assert state.logged == {date(2026, 11, 23): "endurance"}
    assert state.weekly_rest_days == frozenset({6})


def test_logged_days_do_not_move_when_the_time_zone_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    first = SessionInfo("a", "endurance", datetime(2026, 11, 23, 23, 30, tzinfo=HOME))
    log.log_set(first, a_set(first.started_at))
    log.close()
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        assert [d.day for d in Schedule(TrainingLog(path)).logged_days()] == [date(2026, 11, 23)]
    finally:
        monkeypatch.undo()
        time.tzset()


def test_past_plans_are_kept_and_listed_but_do_not_count_for_today(tmp_path: Path) -> None:
    schedule = Schedule(TrainingLog(tmp_path / "log.json"))
    schedule.add(date(2026, 11, 20), "endurance")
    schedule.add(date(2026, 11, 24), "endurance")
    state = schedule.training_days(date(2026, 11, 25))
    assert state.scheduled == {date(2026, 11, 24): "endurance"}
    assert schedule.training_days(date(2026, 11, 25), since=date(2026, 11, 1)).scheduled == {
        date(2026, 11, 20): "endurance",
        date(2026, 11, 24): "endurance",
    }
