"""A refused change leaves every file as it was: no fold of the journal, no backup."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from runstrength.cli import main
from runstrength.core.records import SessionInfo, SetRecord
from runstrength.store import TrainingLog
from runstrength.store.schedule import NotScheduledError, Schedule


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A plan in ten days, and a session running now with one set in the journal."""
    log = TrainingLog(tmp_path / "log.json")
    Schedule(log).add(date.today() + timedelta(days=10), "endurance")
    now = datetime.now().astimezone()
    info = SessionInfo("running", "endurance", now)
    log.log_set(info, SetRecord("glute-bridge", 1, None, 20, 17, None, None, now))
    log.close()
    assert (tmp_path / "log.journal").exists()
    return tmp_path


def test_removing_a_day_not_planned_changes_no_file(data: Path) -> None:
    before = files(data)
    log = TrainingLog(data / "log.json", read_only=True)
    log.close()
    log = TrainingLog(data / "log.json")
    folded = files(data)  # opening for a write folds the journal (as the app does)
    try:
        with pytest.raises(NotScheduledError):
            Schedule(log).remove(date.today() + timedelta(days=11))
    finally:
        log.close()
    assert files(data) == folded
    assert before != folded  # the journal was there to fold: the test can fail


@pytest.mark.parametrize(
    "offset",
    [9, 11, 10],
    ids=["the day before a plan", "the day after a plan", "a day already planned"],
)
def test_schedule_add_refused_by_the_rules_folds_no_journal(
    offset: int, data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = files(data)
    day = (date.today() + timedelta(days=offset)).isoformat()
    code = main(["--data-dir", str(data), "schedule", "add", day, "--program", "endurance"])
    assert code == 1
    assert "not scheduled" in capsys.readouterr().err
    assert files(data) == before


def test_schedule_remove_of_a_day_not_planned_folds_no_journal(
    data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = files(data)
    day = (date.today() + timedelta(days=11)).isoformat()
    assert main(["--data-dir", str(data), "schedule", "remove", day]) == 1
    assert "no session is scheduled" in capsys.readouterr().err
    assert files(data) == before
