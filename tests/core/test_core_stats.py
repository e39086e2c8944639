"""Statistics on hand-made logs."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from runstrength.core.catalogue import Catalogue
from runstrength.core.records import SessionInfo, SessionRecord, SetRecord
from runstrength.core.stats import (
    LastAndBest,
    best_by_band,
    past_results,
    progression_hint,
    reps_per_muscle,
    rest_days_respected,
    sessions_per_week,
    week_start,
    week_streaks,
)

TZ = timezone(timedelta(hours=1))


def rep_set(exercise: str, number: int, reps: int, *, band=None, side=None, target=20):
    return SetRecord(
        exercise=exercise,
        set=number,
        side=side,
        target_reps=target,
        reps=reps,
        band=band,
        seconds=None,
        completed_at=datetime(2026, 1, 1, tzinfo=TZ),
    )


def session(day: date, *sets: SetRecord, sid: str | None = None, status="completed"):
    started = datetime(day.year, day.month, day.day, 7, 0, tzinfo=TZ)
    info = SessionInfo(id=sid or day.isoformat(), program="endurance", started_at=started)
    return SessionRecord(info=info, status=status, ended_at=started, sets=list(sets))


def days(*isos: str) -> list[SessionRecord]:
    return [session(date.fromisoformat(d), rep_set("glute-bridge", 1, 18)) for d in isos]


def test_week_start_is_monday_across_a_year_boundary() -> None:
    assert week_start(date(2027, 1, 1)) == date(2026, 12, 28)
    assert week_start(date(2026, 12, 28)) == date(2026, 12, 28)


def test_sessions_per_week_counts_only_sessions_with_sets() -> None:
    log = [*days("2026-11-23", "2026-11-25", "2026-11-16"), session(date(2026, 11, 18))]
    weeks = sessions_per_week(log, today=date(2026, 11, 26), weeks=3)
    assert weeks == [(date(2026, 11, 9), 0), (date(2026, 11, 16), 1), (date(2026, 11, 23), 2)]


def test_streak_across_a_year_boundary_and_a_week_in_progress() -> None:
    log = days(
        "2026-12-14", "2026-12-16",  # week of 14 Dec
        "2026-12-21", "2026-12-23",  # week of 21 Dec
        "2026-12-28", "2027-01-01",  # week of 28 Dec, across new year
        "2027-01-05",  # this week: only one so far
    )  # fmt: skip
    streaks = week_streaks(log, today=date(2027, 1, 6))
    assert streaks.current == 3
    assert streaks.longest == 3
    log += days("2027-01-07")
    assert week_streaks(log, today=date(2027, 1, 8)).current == 4


def test_a_week_of_partial_sessions_still_counts_and_a_gap_breaks_the_streak() -> None:
    log = [
        session(date(2026, 11, 2), rep_set("dead-bug", 1, 5), status="partial"),
        session(date(2026, 11, 4), rep_set("dead-bug", 1, 5), status="partial"),
        *days("2026-11-16", "2026-11-18"),
    ]
    streaks = week_streaks(log, today=date(2026, 11, 19))
    assert streaks.current == 1
    assert streaks.longest == 1


def test_reps_per_muscle_credits_every_muscle_and_skips_unknown(catalogue: Catalogue) -> None:
    bridge = catalogue.exercises["glute-bridge"]
    log = [
        session(
            date(2026, 11, 23),
            rep_set("glute-bridge", 1, 18),
            rep_set("retired-move", 1, 50),
            rep_set("single-leg-glute-bridge", 1, 15, side="left"),
            rep_set("single-leg-glute-bridge", 1, 15, side="right"),
        ),
        session(date(2026, 10, 1), rep_set("glute-bridge", 1, 99)),
    ]
    totals = reps_per_muscle(log, catalogue, date(2026, 11, 1), date(2026, 11, 30))
    single = catalogue.exercises["single-leg-glute-bridge"]
    for muscle in bridge.muscles:
        expected = 18 + (30 if muscle in single.muscles else 0)
        assert totals[muscle] == expected
    assert sum(totals.values()) == 18 * len(bridge.muscles) + 30 * len(single.muscles)


def test_rest_days_respected_counts_adjacent_strength_days() -> None:
    log = days("2026-11-02", "2026-11-03", "2026-11-05", "2026-11-07")
    result = rest_days_respected(log, date(2026, 11, 20))
    assert result.strength_days == 4
    assert result.respected == 3  # 2 Nov was followed by another strength day
    assert result.waiting == 0


def test_a_rest_day_not_yet_lived_is_not_counted_as_kept() -> None:
    log = days("2026-11-02", "2026-11-05", "2026-11-07")
    today = rest_days_respected(log, date(2026, 11, 7))  # trained today: tomorrow is ahead
    assert (today.respected, today.strength_days, today.waiting) == (2, 2, 1)
    tomorrow = rest_days_respected(log, date(2026, 11, 8))  # the rest day is being lived
    assert (tomorrow.respected, tomorrow.strength_days, tomorrow.waiting) == (2, 2, 1)
    after = rest_days_respected(log, date(2026, 11, 9))
    assert (after.respected, after.strength_days, after.waiting) == (3, 3, 0)


def test_best_set_and_last_time_are_each_per_band() -> None:
    log = [
        session(date(2026, 11, 2), rep_set("clamshell", 1, 15, band="red", side="left")),
        session(
            date(2026, 11, 4),
            rep_set("clamshell", 1, 18, band="red", side="left"),
            rep_set("clamshell", 1, 16, band="green", side="left"),
            rep_set("clamshell", 1, 17, band="green", side="right"),
        ),
    ]
    best = best_by_band(log, "clamshell")
    assert best["red"].reps == 18
    assert best["green"].reps == 17
    past = past_results(log)
    assert past.find("clamshell", 1, "left", "red") == LastAndBest(last=18, best=18)
    assert past.find("clamshell", 1, "left", "green") == LastAndBest(last=16, best=17)
    nothing = past.find("glute-bridge", 1, None)
    assert (nothing.last, nothing.best) == (None, None)


def test_progression_hint_suggests_the_next_band(catalogue: Catalogue) -> None:
    bands = ("yellow", "red", "green")
    full = [rep_set("band-squat", n, 20, band="red") for n in (1, 2)]
    log = [session(date(2026, 11, 2), *full), session(date(2026, 11, 4), *full)]
    hint = progression_hint(log, "band-squat", catalogue, bands)
    assert hint is not None
    assert "green band" in hint
    short = [*full[:1], rep_set("band-squat", 2, 19, band="red")]
    log[1] = session(date(2026, 11, 4), *short)
    assert progression_hint(log, "band-squat", catalogue, bands) is None
    assert progression_hint(log[:1], "band-squat", catalogue, bands) is None


def test_progression_hint_suggests_a_harder_variant(catalogue: Catalogue) -> None:
    full = [rep_set("glute-bridge", n, 20) for n in (1, 2)]
    log = [session(date(2026, 11, 2), *full), session(date(2026, 11, 4), *full)]
    hint = progression_hint(log, "glute-bridge", catalogue, ())
    harder = catalogue.exercises["glute-bridge"].harder
    assert harder is not None
    assert hint is not None
    assert catalogue.exercises[harder].name in hint
