"""Run kinds, the running rules and suggested strength days (pure core)."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import combinations, pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from runstrength.core.restdays import TrainingDays, can_schedule, can_start_today
from runstrength.core.runrules import run_cause
from runstrength.core.runs import (
    Activity,
    RunMark,
    RunSettings,
    distance_in_text,
    format_distance,
    run_kind,
    run_marks,
    sport_of,
)
from runstrength.core.suggest import suggest

MONDAY = date(2026, 11, 30)
DEFAULTS = RunSettings()


def run(title: str = "", minutes: float | None = 45, hr: float | None = None) -> Activity:
    return Activity(
        "r1", MONDAY, title=title, duration_s=None if minutes is None else minutes * 60, avg_hr=hr
    )


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Saturday parkrun", "race"),
        ("Berlin Marathon", "race"),
        ("10k RACE", "race"),
        ("Sunday long run", "long"),
        ("6x800 intervals", "hard"),
        ("Tempo Tuesday", "hard"),
        ("Threshold", "hard"),
        ("Fartlek", "hard"),
        ("Hill repeats", "hard"),
        ("Track night", "hard"),
        ("Morning Run", "easy"),
        ("Longford loop", "easy"),
    ],
)
def test_kind_from_title(title: str, kind: str) -> None:
    assert run_kind(run(title), DEFAULTS) == kind


def test_kind_from_duration_then_heart_rate() -> None:
    assert run_kind(run("Morning Run", minutes=90), DEFAULTS) == "long"
    assert run_kind(run("Morning Run", minutes=89), DEFAULTS) == "easy"
    assert run_kind(run("x", minutes=60), RunSettings(long_run_minutes=60)) == "long"
    with_max = RunSettings(max_hr=200)
    assert run_kind(run("Morning Run", hr=170), with_max) == "hard"
    assert run_kind(run("Morning Run", hr=169), with_max) == "easy"
    # With the resting rate known, 85% of the reserve: 50 + 0.85 * 150 = 177.5
    assert run_kind(run("Run", hr=177), RunSettings(max_hr=200, rest_hr=50)) == "easy"
    assert run_kind(run("Run", hr=178), RunSettings(max_hr=200, rest_hr=50)) == "hard"
    # Heart rate without a maximum says nothing.
    assert run_kind(run("Morning Run", hr=199), DEFAULTS) == "easy"


def test_a_mark_by_hand_wins() -> None:
    marked = Activity("r", MONDAY, title="parkrun", kind="easy")
    assert run_kind(marked, DEFAULTS) == "easy"


def test_other_sports_are_not_runs_and_the_strongest_run_counts() -> None:
    ride = Activity("b", MONDAY, sport="cycling", title="Long ride", duration_s=4 * 3600)
    easy = Activity("e", MONDAY, title="jog")
    race = Activity("r", MONDAY, title="parkrun", distance_m=5000)
    marks = run_marks([ride, easy, race], DEFAULTS)
    assert marks == {MONDAY: RunMark("race", "parkrun", 5000)}
    assert run_marks([ride], DEFAULTS) == {}


@pytest.mark.parametrize(
    ("name", "sport"),
    [
        ("Running", "running"),
        ("trail_running", "running"),
        ("Virtual Run", "running"),
        ("Ride", "cycling"),
        ("cycling", "cycling"),
        ("Walk", "walking"),
        ("open_water_swimming", "swimming"),
        ("Yoga", "other"),
        (None, "other"),
    ],
)
def test_sport_names_from_every_source_map_to_one_sport(name: str | None, sport: str) -> None:
    assert sport_of(name) == sport


def test_distances_in_titles_and_shown() -> None:
    assert distance_in_text("Long run 24 km") == 24000
    assert distance_in_text("10 mi tempo") == pytest.approx(16093.44)
    assert distance_in_text("Easy 5,5k") == 5500
    assert distance_in_text("Easy") is None
    assert format_distance(24000) == "24 km"
    assert format_distance(5230) == "5.2 km"
    assert format_distance(None) == ""


def days_with(runs: dict[date, str], today: date = MONDAY, taper: int = 7) -> TrainingDays:
    marks = {day: RunMark(kind) for day, kind in runs.items()}  # type: ignore[arg-type]
    return TrainingDays(today, runs=marks, taper_days=taper)


def test_each_rule_with_its_cause() -> None:
    sunday = MONDAY + timedelta(days=6)
    days = days_with({sunday: "long"})
    saturday = can_schedule(days, sunday - timedelta(days=1))
    assert not saturday.allowed
    assert saturday.by_run
    assert "the day before your long run" in saturday.reason
    assert saturday.next_allowed == sunday + timedelta(days=2)
    assert "day of" not in can_schedule(days, sunday).reason
    assert "long run" in can_schedule(days, sunday).reason
    assert "day after" in can_schedule(days, sunday + timedelta(days=1)).reason
    assert can_schedule(days, sunday - timedelta(days=2)).allowed


def test_hard_and_easy_run_days_are_fine_but_not_the_day_before_a_hard_run() -> None:
    days = days_with({MONDAY + timedelta(days=2): "hard", MONDAY + timedelta(days=4): "easy"})
    assert can_schedule(days, MONDAY + timedelta(days=2)).allowed
    assert can_schedule(days, MONDAY + timedelta(days=3)).allowed  # after a hard run
    assert can_schedule(days, MONDAY + timedelta(days=4)).allowed  # easy-run day
    assert can_schedule(days, MONDAY + timedelta(days=5)).allowed
    refused = can_schedule(days, MONDAY + timedelta(days=1))
    assert "day before your hard run" in refused.reason


def test_taper_before_a_race() -> None:
    race = MONDAY + timedelta(days=10)
    days = days_with({race: "race"}, taper=7)
    for back in range(1, 8):
        assert not can_schedule(days, race - timedelta(days=back)).allowed
    assert can_schedule(days, race - timedelta(days=8)).allowed
    assert "7-day strength taper" in can_schedule(days, race - timedelta(days=5)).reason
    assert can_schedule(days_with({race: "race"}, taper=0), race - timedelta(days=2)).allowed


def test_the_rest_day_comes_first_and_starts_are_refused_too() -> None:
    tomorrow = MONDAY + timedelta(days=1)
    days = TrainingDays(
        MONDAY, logged={MONDAY - timedelta(days=1): "endurance"}, runs={tomorrow: RunMark("long")}
    )
    verdict = can_start_today(days).verdict
    assert not verdict.allowed
    assert not verdict.by_run  # the rest day is never a question
    free = TrainingDays(MONDAY, runs={tomorrow: RunMark("long", "Sunday long", 24000)})
    check = can_start_today(free).verdict
    assert check.by_run
    assert 'long run "Sunday long" (24 km)' in check.message()
    assert check.next_allowed == MONDAY + timedelta(days=3)


def test_a_second_session_on_a_trained_day_still_keeps_the_running_rules() -> None:
    tomorrow = MONDAY + timedelta(days=1)
    days = TrainingDays(
        MONDAY, logged={MONDAY: "endurance"}, runs={tomorrow: RunMark("long", "Long", 24000)}
    )
    verdict = can_start_today(days).verdict
    assert not verdict.allowed
    assert verdict.by_run
    assert "long run" in verdict.message()
    easy = TrainingDays(MONDAY, logged={MONDAY: "endurance"}, runs={tomorrow: RunMark("easy")})
    assert can_start_today(easy).verdict.allowed


# --- property tests over random run calendars --------------------------------------

kinds = st.sampled_from(["race", "long", "hard", "easy"])
calendars = st.dictionaries(st.integers(-3, 20).map(lambda n: MONDAY + timedelta(days=n)), kinds)


def _breaks_a_rule(runs: dict[date, str], day: date, taper: int) -> bool:
    """The rules written out again, plainly, to check the code against."""
    for run_day, kind in runs.items():
        gap = (run_day - day).days
        if gap == 0 and kind in ("race", "long"):
            return True
        if gap == 1 and kind in ("race", "long", "hard"):
            return True
        if gap == -1 and kind in ("race", "long"):
            return True
        if kind == "race" and 1 <= gap <= taper:
            return True
    return False


@given(calendars, st.integers(0, 20), st.integers(0, 10))
def test_no_accepted_day_breaks_a_rule(runs: dict[date, str], offset: int, taper: int) -> None:
    days = days_with(runs, taper=taper)
    day = MONDAY + timedelta(days=offset)
    verdict = can_schedule(days, day)
    assert verdict.allowed == (not _breaks_a_rule(runs, day, taper))
    if not verdict.allowed:
        assert verdict.next_allowed is not None
        assert not _breaks_a_rule(runs, verdict.next_allowed, taper)
        assert run_cause(days.runs, day, taper) is not None


def _max_valid(days: TrainingDays, weeks: int, per_week: int) -> int:
    """The most days a valid choice can hold, by trying every subset (small cases only)."""
    spans = [[MONDAY + timedelta(days=7 * w + i) for i in range(7)] for w in range(weeks)]
    best = 0
    open_days = [d for span in spans for d in span if can_schedule(days, d).allowed]
    for size in range(min(len(open_days), weeks * per_week) + 1):
        for combo in combinations(open_days, size):
            if any((b - a).days <= 1 for a, b in pairwise(combo)):
                continue
            per = [sum(1 for d in combo if d in span) for span in spans]
            best = max(best, sum(min(n, per_week) for n in per))
    return best


@settings(max_examples=60, deadline=None)
@given(calendars, st.integers(1, 3), st.integers(0, 7))
def test_suggestions_keep_every_rule_and_are_as_many_as_possible(
    runs: dict[date, str], per_week: int, taper: int
) -> None:
    days = days_with(runs, taper=taper)
    suggestion = suggest(days, MONDAY, weeks=2, per_week=per_week)
    chosen = suggestion.days
    assert chosen == sorted(chosen)
    planned = days
    for day in chosen:
        assert not _breaks_a_rule(runs, day, taper)
        assert can_schedule(planned, day).allowed  # every rule, the rest day included
        planned = planned._replace(scheduled={**planned.scheduled, day: "endurance"})
    for week in suggestion.weeks:
        assert len(week.days) <= per_week
    assert len(chosen) == _max_valid(days, 2, per_week)


def test_suggestions_prefer_hard_run_days_and_say_when_short() -> None:
    days = days_with({MONDAY + timedelta(days=1): "hard", MONDAY + timedelta(days=4): "hard"})
    picked = suggest(days, MONDAY, weeks=1, per_week=2)
    assert picked.days == [MONDAY + timedelta(days=1), MONDAY + timedelta(days=4)]
    race_week = days_with({MONDAY + timedelta(days=6): "race"}, taper=7)
    short = suggest(race_week, MONDAY, weeks=1, per_week=2)
    assert short.days == []
    assert short.short_weeks[0].wanted == 2


def test_sessions_already_planned_count_toward_the_week() -> None:
    days = TrainingDays(MONDAY, scheduled={MONDAY + timedelta(days=2): "endurance"})
    picked = suggest(days, MONDAY, weeks=1, per_week=2)
    assert len(picked.days) == 1
    assert abs((picked.days[0] - (MONDAY + timedelta(days=2))).days) > 1


def test_the_headline_for_today() -> None:
    from runstrength.core.runrules import headline

    saturday = date(2026, 11, 28)
    days = TrainingDays(saturday, runs={saturday + timedelta(days=1): RunMark("long", "", 24000)})
    verdict = can_start_today(days).verdict
    assert verdict.cause is not None
    assert verdict.by_run
    line = headline(verdict.cause, saturday, verdict.next_allowed)  # type: ignore[arg-type]
    assert line == "Long run tomorrow (24 km): no strength today; next possible Tuesday"
    race = TrainingDays(saturday, runs={saturday + timedelta(days=4): RunMark("race")})
    verdict = can_start_today(race).verdict
    line = headline(verdict.cause, saturday, verdict.next_allowed)  # type: ignore[arg-type]
    assert line == "Race on Wednesday: no strength today; next possible Friday"


@given(st.lists(st.integers(0, 3000), max_size=30), st.integers(0, 3000))
def test_the_index_finds_exactly_what_a_full_search_finds(starts: list[int], probe: int) -> None:
    from datetime import UTC, datetime

    from runstrength.core.runs import ActivityIndex, same_activity

    base = datetime(2026, 11, 22, 7, 0, tzinfo=UTC)

    def at(second: int) -> Activity:
        return Activity("x", base.date(), start=base + timedelta(seconds=second))

    known = [at(s) for s in starts]
    assert ActivityIndex(known).holds(at(probe)) == any(
        same_activity(at(probe), other) for other in known
    )


@given(calendars, st.integers(0, 10))
def test_no_start_is_allowed_against_a_rule(runs: dict[date, str], taper: int) -> None:
    days = days_with(runs, taper=taper)
    verdict = can_start_today(days).verdict
    assert verdict.allowed == (not _breaks_a_rule(runs, MONDAY, taper))
    if not verdict.allowed:
        assert verdict.by_run
        assert verdict.next_allowed is not None
        assert not _breaks_a_rule(runs, verdict.next_allowed, taper)
