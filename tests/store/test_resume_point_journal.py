"""A band picked mid-session is kept at once in the journal, with where the session goes on."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from runstrength.core.records import ResumePoint, SessionInfo, SetRecord
from runstrength.store import TrainingLog
from runstrength.store.journal import journal_path, read_journal

START = datetime(2026, 11, 20, 7, 0, tzinfo=UTC)
INFO = SessionInfo("cut-off", "bands", START)
POINT = ResumePoint("band-squat", 1, 2, None, "green")


def cut_at_point(path: Path) -> TrainingLog:
    """A log with one set of a session done on the red band, and POINT (the green band
    picked for the next set) kept as where it goes on."""
    log = TrainingLog(path)
    done = START + timedelta(minutes=2)
    log.log_set(INFO, SetRecord("band-squat", 1, None, 20, 20, "red", None, done))
    log.keep_resume_point(INFO, POINT)
    return log


def test_the_point_is_journaled_and_read_back_after_a_kill(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    _killed = cut_at_point(path)  # never closed, never folded: the next start reads the journal
    entries = read_journal(journal_path(path)).entries
    assert [sorted(entry) for entry in entries] == [["session", "set"], ["resume", "session"]]
    [session] = TrainingLog(path).sessions()
    assert session.status == "in-progress"
    assert session.set_aside_at is None  # cut off, not set aside
    assert session.resume_at == POINT
    assert session.resume_at is not None
    assert session.resume_at.band == "green"


def test_a_later_point_replaces_the_earlier_and_a_finish_keeps_the_sets(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = cut_at_point(path)
    log.keep_resume_point(INFO, ResumePoint("band-squat", 1, 2, None, "blue"))
    log.finish_session(INFO, "completed", START + timedelta(minutes=30))
    log.close()
    [session] = TrainingLog(path).sessions()
    assert session.status == "completed"
    assert [s.band for s in session.sets] == ["red"]
    assert session.resume_at is not None
    assert session.resume_at.band == "blue"


def test_a_malformed_point_in_the_journal_is_never_folded(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    _open = cut_at_point(path)  # left open: the point stays in the journal
    journal = journal_path(path)
    lines = journal.read_text().splitlines()
    entry = json.loads(lines[-1])
    entry["resume"]["number"] = "first"
    journal.write_text("\n".join([*lines[:-1], json.dumps(entry)]) + "\n")
    contents = read_journal(journal)
    assert len(contents.entries) == 1  # the set
    [bad] = contents.bad
    assert "resume.number" in bad.reason


def set_aside_then_resumed(path: Path, *, fold: bool) -> TrainingLog:
    """A session set aside after one set (`fold`: its aside already in the log file),
    resumed, one more set logged; the log left open, as a kill leaves it."""
    log = TrainingLog(path)
    first = START + timedelta(minutes=2)
    log.log_set(INFO, SetRecord("band-squat", 1, None, 20, 20, "red", None, first))
    log.set_aside(INFO, first + timedelta(minutes=1), (), POINT, fold=fold)
    [aside] = TrainingLog(path).interrupted_sessions() if fold else log.interrupted_sessions()
    assert aside.set_aside_at is not None
    log.keep_resume_point(INFO, POINT)  # resumed: under way again
    second = START + timedelta(hours=2)
    log.log_set(INFO, SetRecord("band-squat", 2, None, 20, 20, "green", None, second))
    return log


def test_a_session_resumed_after_it_was_set_aside_is_no_longer_set_aside(tmp_path: Path) -> None:
    for fold in (True, False):
        path = tmp_path / f"log-{fold}.json"
        _killed = set_aside_then_resumed(path, fold=fold)
        [session] = TrainingLog(path).interrupted_sessions()
        assert session.set_aside_at is None, fold  # cut off after it was resumed
        assert [s.set for s in session.sets] == [1, 2]
        assert session.resume_at == POINT


def test_a_fold_keeps_it_no_longer_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = set_aside_then_resumed(path, fold=True)
    log.fold()  # the journal into the file: its session document is updated
    log.close()
    assert not journal_path(path).exists() or not read_journal(journal_path(path)).entries
    [session] = TrainingLog(path).interrupted_sessions()
    assert session.set_aside_at is None
    stored = json.loads(path.read_text())["sessions"]
    [doc] = stored.values()
    assert doc["set_aside_at"] is None
