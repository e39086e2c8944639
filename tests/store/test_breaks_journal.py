"""The spans a session was set aside reach the log: with the line that says it goes on
again (so a session resumed then cut off keeps them), and with its end; each read back
after a kill (from the journal) and after a fold (from the log file)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from runstrength.core.records import Break, ResumePoint, SessionInfo, SetRecord
from runstrength.store import TrainingLog
from runstrength.store.journal import journal_path, read_journal
from runstrength.store.schema import entry_problem

START = datetime(2026, 11, 29, 7, 0, tzinfo=UTC)
INFO = SessionInfo("aside", "endurance", START)
POINT = ResumePoint("glute-bridge", 1, 2)
GAP = Break(START + timedelta(minutes=2), START + timedelta(hours=12))


def set_aside_then_resumed(path: Path) -> TrainingLog:
    log = TrainingLog(path)
    done = START + timedelta(minutes=1)
    log.log_set(INFO, SetRecord("glute-bridge", 1, None, 20, 20, None, None, done))
    log.set_aside(INFO, GAP.start, [], POINT)
    log.keep_resume_point(INFO, POINT, (GAP,))
    return log


@pytest.mark.parametrize("fold", [False, True])
def test_going_on_keeps_the_span_set_aside(tmp_path: Path, fold: bool) -> None:
    path = tmp_path / "log.json"
    log = set_aside_then_resumed(path)
    if fold:
        log.fold()
        log.close()
    else:
        assert read_journal(journal_path(path)).entries[-1]["breaks"] == [
            {"from": "2026-11-29T07:02:00+00:00", "until": "2026-11-29T19:00:00+00:00"}
        ]
    [session] = TrainingLog(path).sessions()
    assert session.set_aside_at is None
    assert session.breaks == [GAP]
    [summary] = TrainingLog(path).session_summaries()
    assert summary.time_spent == timedelta(minutes=1)  # its one set, not 12 hours


def test_the_end_keeps_the_spans_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.finish_session(INFO, "partial", GAP.end + timedelta(minutes=5), breaks=(GAP,))
    log.close()
    [session] = TrainingLog(path).sessions()
    assert session.breaks == [GAP]
    [summary] = TrainingLog(path).session_summaries()
    assert summary.time_spent == timedelta(minutes=7)


def test_a_malformed_span_in_the_journal_is_named() -> None:
    from runstrength.core.codec import session_to_doc

    entry = {
        "session": session_to_doc(INFO),
        "resume": {"exercise": "glute-bridge", "number": 1, "set": 2, "side": None},
        "breaks": [{"from": "2026-11-29T19:00:00+00:00", "until": "2026-11-29T07:00:00+00:00"}],
    }
    assert entry_problem(entry) == (
        "breaks[0].until: 2026-11-29T07:00:00+00:00 is before its start (2026-11-29T19:00:00+00:00)"
    )
    end = {"status": "partial", "ended_at": "2026-11-29T20:00:00+00:00", "breaks": "all day"}
    assert entry_problem({"session": session_to_doc(INFO), "finish": end}) == (
        "finish.breaks: must be a list"
    )
