"""Every read, from every command and screen, sees the same log, journal included.

A set still only in the journal (a session running in the app, or one cut short by a
crash) is read through each read path while the session's writer holds the log.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from runstrength.cli import main
from runstrength.core.records import SessionInfo, SetRecord
from runstrength.core.stats import past_results, sessions_per_week, strength_days
from runstrength.paths import resolve_paths
from runstrength.store import Schedule, TrainingLog


@pytest.fixture
def running(tmp_path: Path) -> Iterator[tuple[Path, SessionInfo]]:
    """A data folder whose only set is in the journal, its writer still open."""
    now = datetime.now().astimezone()
    info = SessionInfo("running-1", "endurance", now - timedelta(minutes=5))
    log = TrainingLog(resolve_paths(tmp_path).log_file)
    log.log_set(info, SetRecord("glute-bridge", 1, None, 20, 17, "red", None, now))
    assert log.journal_path.exists()
    try:
        yield tmp_path, info
    finally:
        log.close()


def command(data: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(["--data-dir", str(data), *args])
    out = capsys.readouterr().out
    assert code == 0, out
    return out


def test_every_read_path_sees_a_set_only_in_the_journal(
    running: tuple[Path, SessionInfo], capsys: pytest.CaptureFixture[str]
) -> None:
    data, info = running
    today = info.started_at.date()
    # history
    assert info.started_at.strftime("%Y-%m-%d") in command(data, capsys, "history")
    [listed] = json.loads(command(data, capsys, "history", "--json"))["sessions"]
    assert listed["id"] == info.id
    # status: the rest-day rule counts today as trained
    assert "Trained today" in command(data, capsys, "status")
    # export, as JSON and CSV
    exported = json.loads(command(data, capsys, "export"))
    [session] = exported["sessions"]
    assert [s["reps"] for s in session["sets"]] == [17]
    assert "glute-bridge" in command(data, capsys, "export", "--format", "csv")
    # schedule, stats and the screens' reads: the log as the app reads it
    reader = TrainingLog(resolve_paths(data).log_file, read_only=True)
    try:
        schedule = Schedule(reader)
        assert [d.session_id for d in schedule.logged_days()] == [info.id]
        assert today in schedule.training_days(today).logged
        [record] = reader.sessions()
        assert strength_days([record]) == {today}
        assert sum(n for _, n in sessions_per_week([record], today)) == 1
        assert past_results([record]).last
        [summary] = reader.session_summaries()
        assert summary.reps == 17
        assert reader.last_session() is not None
    finally:
        reader.close()
