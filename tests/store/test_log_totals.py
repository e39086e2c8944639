"""The overview and progress figures read from the kept totals of the past years equal
those counted from every session and set of a multi-year log: as first written, read
again from the file, after an edit of a past year, with a set still in the journal, with
a stale totals file, and after a move to the year files cut short."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from runstrength.core.catalogue import Catalogue
from runstrength.core.log_totals import LogTotals
from runstrength.core.progress_chart import chart_of, set_chart
from runstrength.core.records import SessionInfo, SessionRecord, SetRecord
from runstrength.core.stats import (
    amount,
    best_by_band,
    hint_after,
    muscle_totals,
    progression_hint,
    reps_per_muscle,
    rest_days_of,
    rest_days_respected,
    sessions_per_week,
    streaks_of,
    week_counts,
    week_streaks,
    weekly_counts,
)
from runstrength.store import TrainingLog
from tests.old_format import history, write_single_file

ZONE = timezone(timedelta(hours=1))
BANDS = ("red", "green", "blue")
NEW_YEAR = date(2041, 1, 1)


class _Clock:
    def __init__(self, day: date) -> None:
        self.at = datetime(day.year, day.month, day.day, 9, 0, tzinfo=ZONE)

    def monotonic(self) -> float:
        return 0.0

    def now(self) -> datetime:
        return self.at


def _strong(day: date, number: int) -> SessionRecord:
    """A session in which every set reaches its goal: the progression hint's material."""
    started = datetime(day.year, day.month, day.day, 18, number, tzinfo=ZONE)
    sets = [
        SetRecord("band-squat", n, None, 20, 20 + n, "green", None, started + timedelta(minutes=n))
        for n in (1, 2)
    ]
    info = SessionInfo(id=f"strong-{day}-{number}", program="endurance", started_at=started)
    return SessionRecord(info, "completed", started + timedelta(minutes=20), sets)


def _log_sessions(until: date) -> list[SessionRecord]:
    """Three years and a bit of the sample history, two strong sessions at its end."""
    sessions = history(170, until=until)
    last = sessions[-1].date
    return [*sessions, _strong(last, 1), _strong(last, 2)]


def from_sessions(sessions: list[SessionRecord], catalogue: Catalogue, today: date) -> Any:
    """Every figure the two screens show, counted from every session as before."""
    ordered = sorted(sessions, key=lambda s: s.info.started_at)
    seen: dict[str, None] = {}
    for session in reversed(ordered):
        for record in session.sets:
            seen.setdefault(record.exercise, None)
    periods = [today - timedelta(days=n - 1) for n in (28, 84, 365)] + [date.min]
    return {
        "weeks": sessions_per_week(sessions, today),
        "streaks": week_streaks(sessions, today),
        "rest": rest_days_respected(sessions, today),
        "muscles": [reps_per_muscle(sessions, catalogue, since, today) for since in periods],
        "order": list(seen),
        "exercises": {
            exercise: (
                set_chart(ordered, exercise),
                {
                    band: (amount(record), record.completed_at.date())
                    for band, record in best_by_band(ordered, exercise).items()
                },
                progression_hint(ordered, exercise, catalogue, BANDS),
            )
            for exercise in seen
        },
    }


def from_totals(totals: LogTotals, catalogue: Catalogue, today: date) -> Any:
    """The same figures, as the screens now count them from the log's totals."""
    days = totals.training_days()
    per_week = week_counts(days)
    periods = [today - timedelta(days=n - 1) for n in (28, 84, 365)] + [date.min]
    exercises = {}
    for exercise in totals.exercise_ids():
        done = totals.exercise(exercise)
        hint = None
        if len(done.recent) == 2:
            reached = all(ok for ok, _ in done.recent)
            hint = hint_after(reached, done.recent[-1][1], exercise, catalogue, BANDS)
        best = {band: (b.amount, b.done_on) for band, b in done.best.items()}
        exercises[exercise] = (chart_of(done.points), best, hint)
    return {
        "weeks": weekly_counts(per_week, today),
        "streaks": streaks_of(per_week, today),
        "rest": rest_days_of(set(days), today),
        "muscles": [muscle_totals(totals.reps(since, today), catalogue) for since in periods],
        "order": totals.exercise_ids(),
        "exercises": exercises,
    }


def assert_same(log: TrainingLog, catalogue: Catalogue, today: date) -> Any:
    expected = from_sessions(log.sessions(), catalogue, today)
    assert from_totals(log.totals(), catalogue, today) == expected
    return expected


@pytest.mark.parametrize("today", [NEW_YEAR, date(2041, 3, 4)])
def test_the_figures_from_kept_totals_equal_those_from_every_set(
    tmp_path: Path, catalogue: Catalogue, today: date
) -> None:
    clock = _Clock(today)
    sessions = _log_sessions(until=today)
    path = tmp_path / "log.json"
    log = TrainingLog(path, clock=clock)
    log.add_sessions(sessions)
    expected = assert_same(log, catalogue, today)
    assert len(log.years.on_disk()) >= 3
    assert expected["streaks"].longest > 1
    assert sum(expected["muscles"][3].values()) > sum(expected["muscles"][2].values()) > 0
    assert any(hint for _, _, hint in expected["exercises"].values())
    log.close()

    kept = json.loads((tmp_path / "years" / "totals.json").read_text())
    assert sorted(kept["years"]) == [str(y) for y in range(sessions[0].date.year, today.year)]
    reader = TrainingLog(path, read_only=True, clock=clock)
    assert_same(reader, catalogue, today)
    reader.close()


def test_the_totals_follow_an_edit_of_a_past_year_and_a_set_in_the_journal(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    today = date(2041, 3, 4)
    clock = _Clock(today)
    log = TrainingLog(tmp_path / "log.json", clock=clock)
    log.add_sessions(_log_sessions(until=today))
    old = next(s for s in log.sessions() if s.date.year == 2040 and s.sets)
    first = old.sets[0]
    assert first.key is not None
    log.correct_set(first.key, reps=99, seconds=None, band="blue", when=clock.now())
    expected = assert_same(log, catalogue, today)
    assert expected["exercises"][first.exercise][1]["blue"] == (99, first.completed_at.date())
    log.delete_session(next(s.id for s in log.sessions() if s.date.year == 2039))
    assert_same(log, catalogue, today)
    info = SessionInfo(id="now", program="endurance", started_at=clock.now())
    log.log_set(info, first._replace(reps=7, band=None, completed_at=clock.now(), key=None))
    expected = assert_same(log, catalogue, today)
    assert expected["order"][0] == first.exercise
    log.close()


def test_a_stale_totals_file_is_counted_again(tmp_path: Path, catalogue: Catalogue) -> None:
    today = date(2041, 3, 4)
    clock = _Clock(today)
    log = TrainingLog(tmp_path / "log.json", clock=clock)
    log.add_sessions(_log_sessions(until=today))
    log.close()
    kept = tmp_path / "years" / "totals.json"
    stored = json.loads(kept.read_text())
    for entry in stored["years"].values():
        entry["totals"]["training"] = {}
    stored["years"]["2040"]["stamp"] = [0, 0]
    kept.write_text(json.dumps(stored))
    log = TrainingLog(tmp_path / "log.json", clock=clock)
    assert log.totals().training_days()  # 2040 counted again from its file
    log.close()
    stored["version"] = -1  # counted by another version: every year counted again
    kept.write_text(json.dumps(stored))
    log = TrainingLog(tmp_path / "log.json", clock=clock)
    assert_same(log, catalogue, today)
    log.close()
    assert json.loads(kept.read_text())["version"] != -1


def test_a_move_to_the_year_files_cut_short_counts_each_session_once(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    today = date(2041, 3, 4)
    clock = _Clock(today)
    sessions = _log_sessions(until=today)
    path = tmp_path / "log.json"
    log = TrainingLog(path, clock=clock)
    log.add_sessions(sessions)
    log.totals()
    log.close()
    write_single_file(path, sessions)  # every session in the log file again, years kept
    reader = TrainingLog(path, read_only=True, clock=clock)
    assert_same(reader, catalogue, today)
    assert len(reader.sessions()) == len(sessions)
    reader.close()
