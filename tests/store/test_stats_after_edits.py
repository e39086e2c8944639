"""Statistics read from a real log after a set is corrected and a session deleted: every
figure follows the edit, and nothing else changes."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from runstrength.core.catalogue import Catalogue
from runstrength.core.records import SessionInfo, SessionRecord, SetRecord
from runstrength.core.stats import (
    best_by_band,
    past_results,
    progression_hint,
    reps_per_muscle,
    rest_days_respected,
    sessions_per_week,
    week_streaks,
)
from runstrength.store import TrainingLog

TZ = timezone(timedelta(hours=1))
TODAY = date(2026, 11, 27)  # a Friday
BANDS = ("yellow", "red", "green")


def bridge_session(day: date, reps: tuple[int, ...], band: str = "red") -> SessionRecord:
    started = datetime(day.year, day.month, day.day, 7, 0, tzinfo=TZ)
    sets = [
        SetRecord(
            exercise="band-squat",
            set=number,
            side=None,
            target_reps=20,
            reps=count,
            band=band,
            seconds=None,
            completed_at=started + timedelta(minutes=5 * number),
        )
        for number, count in enumerate(reps, 1)
    ]
    info = SessionInfo(id=f"s-{day}", program="endurance", started_at=started)
    return SessionRecord(info, "completed", started + timedelta(minutes=30), sets)


def a_log(tmp_path: Path) -> TrainingLog:
    """Two weeks of two sessions each; the last two sessions hit 20 reps on every set."""
    log = TrainingLog(tmp_path / "log.json")
    log.add_sessions(
        [
            bridge_session(date(2026, 11, 16), (18, 17)),
            bridge_session(date(2026, 11, 18), (19, 18)),
            bridge_session(date(2026, 11, 23), (20, 20)),
            bridge_session(date(2026, 11, 25), (20, 20)),
        ]
    )
    return log


def first_set_of(log: TrainingLog, day: date) -> SetRecord:
    [session] = log.sessions(day, day)
    return min(session.sets, key=lambda s: s.set)


def test_a_corrected_set_changes_best_last_hint_and_totals(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    log = a_log(tmp_path)
    before = log.sessions()
    assert progression_hint(before, "band-squat", catalogue, BANDS) is not None
    assert past_results(before).find("band-squat", 1, None, "red").last == 20
    squat_muscles = reps_per_muscle(before, catalogue, date(2026, 11, 1), TODAY)

    key = first_set_of(log, date(2026, 11, 25)).key
    assert key is not None
    log.correct_set(key, reps=12, seconds=None, band="green", when=datetime.now(TZ))
    after = log.sessions()

    # The hint needs every set at 20 in the last two sessions: no longer true.
    assert progression_hint(after, "band-squat", catalogue, BANDS) is None
    # Last time on the corrected set's band is the correction; on the old band, the set before.
    assert past_results(after).find("band-squat", 1, None, "green").last == 12
    assert past_results(after).find("band-squat", 1, None, "red").last == 20
    assert past_results(after).find("band-squat", 2, None, "red").last == 20
    best = best_by_band(after, "band-squat")
    assert best["green"].reps == 12
    assert best["red"].reps == 20
    totals = reps_per_muscle(after, catalogue, date(2026, 11, 1), TODAY)
    assert {m: squat_muscles[m] - totals[m] for m in totals} == {m: 8 for m in totals}
    # Counting days and weeks is not affected by a correction.
    assert sessions_per_week(after, TODAY, weeks=2) == sessions_per_week(before, TODAY, weeks=2)


def test_a_deleted_session_leaves_every_figure(tmp_path: Path, catalogue: Catalogue) -> None:
    log = a_log(tmp_path)
    before = log.sessions()
    assert week_streaks(before, TODAY).current == 2
    assert sessions_per_week(before, TODAY, weeks=2) == [
        (date(2026, 11, 16), 2),
        (date(2026, 11, 23), 2),
    ]
    assert rest_days_respected(before, TODAY).strength_days == 4

    log.delete_session("s-2026-11-18")
    after = log.sessions()

    assert [s.date for s in after] == [date(2026, 11, 16), date(2026, 11, 23), date(2026, 11, 25)]
    assert sessions_per_week(after, TODAY, weeks=2) == [
        (date(2026, 11, 16), 1),
        (date(2026, 11, 23), 2),
    ]
    # The week of the 16th no longer has two sessions: the streak is this week alone.
    assert week_streaks(after, TODAY).current == 1
    assert week_streaks(after, TODAY).longest == 1
    assert rest_days_respected(after, TODAY).strength_days == 3
    assert best_by_band(after, "band-squat")["red"].reps == 20
    totals = reps_per_muscle(after, catalogue, date(2026, 11, 1), TODAY)
    first = reps_per_muscle(before, catalogue, date(2026, 11, 1), TODAY)
    assert {m: first[m] - totals[m] for m in totals} == {m: 19 + 18 for m in totals}
