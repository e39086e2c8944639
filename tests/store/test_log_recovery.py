"""Recovery routines in the log and the interchange format: logged, read back, round trips,
and logs from before routines existed read as strength sessions."""

from __future__ import annotations

import copy
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from runstrength.core.history import SessionFilter, table_rows
from runstrength.core.interchange import InterchangeError, from_document, to_document
from runstrength.core.records import (
    SessionInfo,
    SessionRecord,
    SetRecord,
    StretchRecord,
    WarmupRecord,
)
from runstrength.store import CorruptLogError, TrainingLog

TZ = timezone(timedelta(hours=1))
STARTED = datetime(2026, 11, 23, 18, 0, tzinfo=TZ)
ROUTINE = SessionInfo("r1", "endurance", STARTED, kind="recovery")
MOBILITY = WarmupRecord(seconds=300, target_seconds=300)


def held(stretch: str, minute: int, side=None, skipped: bool = False) -> StretchRecord:
    return StretchRecord(
        stretch=stretch,
        after="band-squat",
        side=side,
        seconds=8 if skipped else 30,
        target_seconds=30,
        skipped=skipped,
        completed_at=STARTED + timedelta(minutes=minute),
    )


def log_routine(log: TrainingLog, status: str | None = "completed") -> None:
    log.log_routine(ROUTINE, MOBILITY)
    log.log_routine(ROUTINE, held("quad-stretch", 6, "left"))
    log.log_routine(ROUTINE, held("quad-stretch", 7, "right", skipped=True))
    if status is not None:
        log.finish_session(ROUTINE, status, STARTED + timedelta(minutes=8))


def test_a_routine_is_logged_and_read_back_as_recovery(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log_routine(log)
    log.close()
    reopened = TrainingLog(path, read_only=True)
    [session] = reopened.sessions()
    assert session.info == ROUTINE
    assert session.info.is_recovery
    assert (session.status, session.sets) == ("completed", [])
    assert session.warmup == MOBILITY
    assert [s.skipped for s in session.stretches] == [False, True]
    [summary] = reopened.session_summaries()
    assert summary.kind == "recovery"
    stored = json.loads(path.read_text())
    [doc] = stored["sessions"].values()
    assert doc["kind"] == "recovery"


def test_before_the_fold_the_journal_carries_the_kind(tmp_path: Path) -> None:
    log = TrainingLog(tmp_path / "log.json")
    log_routine(log, status=None)
    [session] = log.sessions()
    assert session.info.kind == "recovery"
    assert session.status == "in-progress"
    [interrupted] = log.interrupted_sessions()
    assert interrupted.info.is_recovery
    log.close()


def test_a_strength_session_is_stored_as_before(tmp_path: Path) -> None:
    """No `kind` key for strength sessions: logs stay as older versions wrote them."""
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    info = SessionInfo("s1", "endurance", STARTED)
    log.log_set(info, SetRecord("glute-bridge", 1, None, 20, 20, None, None, STARTED))
    log.finish_session(info, "completed", STARTED + timedelta(minutes=30))
    log.close()
    [doc] = json.loads(path.read_text())["sessions"].values()
    assert "kind" not in doc
    [session] = TrainingLog(path, read_only=True).sessions()
    assert session.info.kind == "strength"


def test_an_unknown_kind_in_the_log_is_damage(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log_routine(log)
    log.close()
    data = json.loads(path.read_text())
    for doc in data["sessions"].values():
        doc["kind"] = "yoga"
    path.write_text(json.dumps(data))
    with pytest.raises(CorruptLogError, match="yoga"):
        TrainingLog(path, read_only=True).sessions()


def test_the_history_table_marks_a_routine_and_measures_it_against_no_plan(
    tmp_path: Path,
) -> None:
    log = TrainingLog(tmp_path / "log.json")
    log_routine(log)
    rows = table_rows(log.session_summaries(), SessionFilter(), {"endurance": 500})
    log.close()
    [row] = rows
    assert row.cells() == ("Mon 2026-11-23", "endurance", "8 min", "-", "-", "-", "-", "recovery")
    partial = type(row)(**{**row.__dict__, "status": "partial"})
    assert partial.cells()[-1] == "recovery, partial"


# --- the interchange format -------------------------------------------------------------


def routine_record() -> SessionRecord:
    return SessionRecord(
        info=ROUTINE,
        status="completed",
        ended_at=STARTED + timedelta(minutes=8),
        warmup=MOBILITY,
        stretches=[held("quad-stretch", 6, "left"), held("cobra-stretch", 7)],
    )


def test_a_routine_round_trips_through_the_format_and_an_import(tmp_path: Path) -> None:
    document = to_document([routine_record()], [])
    assert document["sessions"][0]["kind"] == "recovery"
    assert document["sessions"][0]["sets"] == []
    sessions, _ = from_document(json.loads(json.dumps(document)))
    assert sessions == [routine_record()]
    log = TrainingLog(tmp_path / "log.json")
    assert log.add_sessions(sessions) == (1, 0)
    assert to_document(log.sessions(), []) == document
    log.close()


def test_a_session_without_kind_is_a_strength_session() -> None:
    document = to_document([routine_record()], [])
    del document["sessions"][0]["kind"]
    [session], _ = from_document(document)
    assert session.info.kind == "strength"


def test_bad_kinds_are_named_by_their_path() -> None:
    document = to_document([routine_record()], [])
    wrong = copy.deepcopy(document)
    wrong["sessions"][0]["kind"] = "nap"
    with pytest.raises(InterchangeError) as caught:
        from_document(wrong)
    assert caught.value.problems == ["sessions[0].kind: 'nap' must be 'strength' or 'recovery'"]
    with_sets = copy.deepcopy(document)
    a_set = {
        "exercise": "glute-bridge",
        "set": 1,
        "side": None,
        "target_reps": 20,
        "reps": 20,
        "band": None,
        "seconds": None,
        "completed_at": "2026-11-23T18:05:00+01:00",
    }
    with_sets["sessions"][0]["sets"] = [a_set]
    with pytest.raises(InterchangeError) as caught:
        from_document(with_sets)
    assert caught.value.problems == [
        "sessions[0].sets: a recovery routine has no sets: it must be empty"
    ]
