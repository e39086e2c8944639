"""Effort and load: the CR-10 scale, session-RPE load, a run's effort and the
acute:chronic ratio, each against an example worked out by hand below."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from runstrength.core.effort import effort_words, is_effort, parse_effort
from runstrength.core.history import SessionSummary
from runstrength.core.load import (
    Bout,
    DayLoad,
    acwr,
    daily_loads,
    hrr_effort,
    ratio_note,
    rising_fast,
    run_bouts,
    run_effort,
    session_load,
    strength_bouts,
    weekly_loads,
)
from runstrength.core.runs import Activity, RunSettings

TZ = timezone(timedelta(hours=1))


def run(day: date, minutes: float, **fields: object) -> Activity:
    start = datetime(day.year, day.month, day.day, 7, 0, tzinfo=TZ)
    return Activity(id=f"r{day}", day=day, start=start, duration_s=minutes * 60, **fields)  # type: ignore[arg-type]


def test_the_scale_has_its_words() -> None:
    assert effort_words(3) == "3 moderate"
    assert effort_words(5) == "5 hard"
    assert effort_words(7) == "7 very hard"
    assert effort_words(10) == "10 maximal"
    assert effort_words(0) == "0 rest"


@pytest.mark.parametrize("text", ["11", "-1", "5.5", "hard", "1e1", " 12 "])
def test_an_effort_off_the_scale_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="0 to 10"):
        parse_effort(text)


def test_an_effort_typed() -> None:
    assert parse_effort(" 7 ") == 7
    assert parse_effort("0") == 0
    assert parse_effort("") is None  # enter without a number skips
    assert is_effort(10)
    assert not is_effort(True)
    assert not is_effort(4.0)


def test_session_rpe_load_is_effort_times_minutes() -> None:
    # 45 minutes at 6 -> 6 x 45 = 270
    assert session_load(6, 45) == 270


def test_heart_rate_reserve_table() -> None:
    # max 190, rest 50: reserve 140.
    # avg 155: (155 - 50) / 140 = 0.75 -> at least 70% -> 5
    assert hrr_effort(155, 190, 50) == 5
    # avg 176: 126 / 140 = 0.90 -> at least 90% -> 8
    assert hrr_effort(176, 190, 50) == 8
    # avg 110: 60 / 140 = 0.43 -> under 50% -> 2
    assert hrr_effort(110, 190, 50) == 2
    # avg 190: 100% -> 9
    assert hrr_effort(190, 190, 50) == 9
    assert hrr_effort(150, 50, 60) is None


def test_a_runs_effort_given_then_heart_rate_then_kind() -> None:
    hr = RunSettings(max_hr=190, rest_hr=50)
    day = date(2026, 11, 2)
    assert run_effort(run(day, 40, effort=4, avg_hr=176), hr) == (4, "given")
    assert run_effort(run(day, 40, avg_hr=176), hr) == (8, "heart rate")
    # Without rest_hr the reserve is unknown: the kind decides (easy -> 3).
    assert run_effort(run(day, 40, avg_hr=140), RunSettings(max_hr=190)) == (3, "kind")
    assert run_effort(run(day, 40, title="Tempo"), RunSettings()) == (7, "kind")
    assert run_effort(run(day, 120), RunSettings()) == (5, "kind")  # long by duration
    assert run_effort(run(day, 50, title="parkrun"), RunSettings()) == (9, "kind")


def test_runs_counted_leave_out_plans_and_other_sports() -> None:
    day = date(2026, 11, 2)
    bouts = run_bouts(
        [
            run(day, 30),
            run(day, 60, sport="cycling"),
            Activity(id="p", day=day, planned=True, duration_s=3600),
        ],
        RunSettings(),
    )
    # Only the easy run: 3 x 30 = 90
    assert [b.load for b in bouts] == [90]


def summary(
    start: datetime, minutes: float | None, effort: int | None, **extra: object
) -> SessionSummary:
    fields: dict[str, object] = dict(
        id=f"s{start:%m%d%H}",
        program="endurance",
        started_at=start,
        status="completed",
        ended_at=None if minutes is None else start + timedelta(minutes=minutes),
        last_set_at=None,
        sets=6,
        reps=100,
        done_sets=6,
        target_sets=6,
        effort=effort,
    )
    fields.update(extra)
    return SessionSummary(**fields)  # type: ignore[arg-type]


def test_strength_sessions_counted() -> None:
    start = datetime(2026, 11, 3, 18, 0, tzinfo=TZ)
    bouts = strength_bouts(
        [
            summary(start, 36, 7),  # 7 x 36 = 252
            summary(start + timedelta(days=1), 30, None),  # not rated: 5 x 30 = 150
            summary(start + timedelta(days=2), 20, None, kind="recovery", sets=0),
            summary(
                start + timedelta(days=3),
                None,
                6,
                status="in-progress",
                last_set_at=start + timedelta(days=3, minutes=15),
            ),  # to its last set: 6 x 15 = 90
        ]
    )
    assert [(b.load, b.source) for b in bouts] == [
        (252, "given"),
        (150, "default"),
        (90, "given"),
    ]


def flat(start: date, days: int, load: float) -> dict[date, DayLoad]:
    return {start + timedelta(days=i): DayLoad(runs=load) for i in range(days)}


def test_the_ratio_of_a_steady_month_is_one() -> None:
    today = date(2026, 11, 28)
    days = flat(today - timedelta(days=27), 28, 100)
    assert acwr(days, today) == pytest.approx(1.0)


def test_the_ratio_after_a_big_week() -> None:
    # 21 days at 100 a day, then 7 days at 200 a day.
    # acute = 7 x 200 / 7 = 200; chronic = (21 x 100 + 7 x 200) / 28 = 3500 / 28 = 125
    # ratio = 200 / 125 = 1.6
    today = date(2026, 11, 28)
    days = flat(today - timedelta(days=27), 21, 100) | flat(today - timedelta(days=6), 7, 200)
    ratio = acwr(days, today)
    assert ratio == pytest.approx(1.6)
    assert rising_fast(ratio) == "load rising fast: 1.60"
    assert ratio_note(ratio) == "load rising fast"


def test_the_ratio_after_a_quiet_week() -> None:
    # 21 days at 100, 7 days at nothing: acute 0, chronic 2100 / 28 = 75 -> ratio 0
    today = date(2026, 11, 28)
    days = flat(today - timedelta(days=27), 21, 100)
    assert acwr(days, today) == 0
    assert ratio_note(0.0) == "load falling"
    assert rising_fast(0.0) is None
    assert rising_fast(1.5) is None  # the warning is for above 1.5


def test_no_ratio_before_the_log_reaches_back_28_days() -> None:
    today = date(2026, 11, 28)
    assert acwr(flat(today - timedelta(days=26), 27, 100), today) is None
    assert acwr({}, today) is None
    assert ratio_note(None).startswith("not yet known")


def test_weekly_loads_split_runs_and_strength() -> None:
    # Week of Mon 16 Nov: a run of 40 min at 3 (120) and strength 30 min at 5 (150).
    # Week of Mon 23 Nov (today is Sat 28 Nov): a 90 min long run at 5 (450).
    bouts = [
        Bout(date(2026, 11, 17), "run", 40, 3, "kind"),
        Bout(date(2026, 11, 18), "strength", 30, 5, "given"),
        Bout(date(2026, 11, 27), "run", 90, 5, "kind"),
    ]
    weeks = weekly_loads(daily_loads(bouts), date(2026, 11, 28), 3)
    assert [w.start for w in weeks] == [date(2026, 11, 9), date(2026, 11, 16), date(2026, 11, 23)]
    assert [(w.runs, w.strength) for w in weeks] == [(0, 0), (120, 150), (450, 0)]
    assert weeks[-1].total == 450
    assert all(w.ratio is None for w in weeks)  # the log starts on 17 Nov


def test_digits_typed_stay_on_the_scale() -> None:
    from runstrength.core.effort import question, scale_line, typed_digit

    assert typed_digit(None, 6) == 6
    assert typed_digit(1, 0) == 10
    assert typed_digit(6, 7) == 7  # 67 is off the scale: start again
    assert typed_digit(10, 3) == 3
    assert scale_line() == "0 rest · 3 moderate · 5 hard · 7 very hard · 10 maximal"
    assert "enter alone skips" in question(None)
    assert "7 very hard" in question(7)


def test_a_log_that_started_long_before_the_days_read_still_has_a_ratio() -> None:
    from runstrength.core.load import first_day_needed, load_report

    # Only the last week was read (a run of 60 min at 5 each of the last 2 days: 600),
    # but the log began in the spring: acute 600 / 7, chronic 600 / 28 -> 4.0.
    today = date(2026, 11, 28)
    runs = [run(today - timedelta(days=d), 60, effort=5) for d in (0, 1)]
    report = load_report([], runs, RunSettings(), today, 1, first_day=date(2026, 4, 1))
    assert report.ratio == pytest.approx(4.0)
    assert report.counted_from == date(2026, 4, 1)
    assert load_report([], runs, RunSettings(), today, 1).ratio is None
    # One week asked: its Monday (23 Nov) and the 28 days before it.
    assert first_day_needed(today, 1) == date(2026, 10, 26)
