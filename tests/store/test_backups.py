"""A backup before every change to the log, each a different state, described for repair."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from runstrength.core.records import SessionInfo, SessionRecord, SetRecord
from runstrength.store import TrainingLog
from runstrength.store.backups import describe, list_backups, take_backup
from runstrength.store.doctor import repair
from runstrength.store.schedule import DayTakenError, Schedule

TZ = timezone(timedelta(hours=1))
STARTED = datetime(2026, 11, 23, 7, 0, tzinfo=TZ)


def a_session(session_id: str, day: int) -> SessionRecord:
    started = STARTED.replace(day=day)
    record = SetRecord("glute-bridge", 1, None, 20, 18, None, None, started)
    info = SessionInfo(session_id, "endurance", started)
    return SessionRecord(info, "completed", started + timedelta(minutes=30), [record])


def newest_backup(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(list_backups(path)[0].read_text())
    return document


def test_every_kind_of_change_keeps_the_state_before_it(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.add_sessions([a_session("a", 20)])
    states = [path.read_bytes()]

    log.add_sessions([a_session("b", 22)])  # an import
    assert list_backups(path)[0].read_bytes() == states[-1]
    states.append(path.read_bytes())

    Schedule(log).add(date(2026, 11, 26), "endurance")  # a plan
    assert list_backups(path)[0].read_bytes() == states[-1]
    states.append(path.read_bytes())

    [session, _] = log.sessions()
    key = session.sets[0].key
    assert key is not None
    log.correct_set(key, reps=20, seconds=None, band=None, when=STARTED)  # a correction
    assert list_backups(path)[0].read_bytes() == states[-1]
    states.append(path.read_bytes())

    log.delete_session("b")  # a deletion
    assert list_backups(path)[0].read_bytes() == states[-1]
    assert len(list_backups(path)) == 4


def test_a_refused_change_takes_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    schedule = Schedule(log)
    schedule.add(date(2026, 11, 26), "endurance")
    count = len(list_backups(path))
    for _ in range(3):
        with pytest.raises(DayTakenError):
            schedule.add(date(2026, 11, 26), "sprint")
    assert len(list_backups(path)) == count  # a change refused leaves every file as it was


def test_a_repair_says_what_the_backup_holds(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.add_sessions([a_session("a", 20)])
    log.add_sessions([a_session("b", 22)])
    log.close()
    assert "1 session, the newest on 2026-11-20" in describe(list_backups(path)[0])
    assert "before an import" in describe(list_backups(path)[0])
    path.write_bytes(path.read_bytes()[:40])  # damaged
    lines = repair(path)
    said = "\n".join(lines)
    assert "before an import: 1 session, the newest on 2026-11-20" in said
    assert "not in it" in said
    [session] = TrainingLog(path, read_only=True).sessions()
    assert session.id == "a"


def test_a_backup_before_an_effort_says_so(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.add_sessions([a_session("a", 20)])
    assert log.set_effort("a", 6)
    log.close()
    assert "before a session's effort was rated" in describe(list_backups(path)[0])


@pytest.mark.parametrize(
    ("reason", "said"),
    [
        ("runs", "before a change to the runs"),
        ("close", "before past years were moved to their files"),
        ("format2", "before a format upgrade"),
        ("newer", "before a change"),
    ],
)
def test_every_backup_says_what_it_was_taken_before(tmp_path: Path, reason: str, said: str) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.add_sessions([a_session("a", 20)])
    log.close()
    backup = take_backup(path, reason)
    assert backup is not None
    assert said in describe(backup)
