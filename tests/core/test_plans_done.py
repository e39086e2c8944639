"""A completed run stands in for the plan of its day; a plan skipped no longer counts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from runstrength.core.runrules import run_cause
from runstrength.core.runs import Activity, RunMark, RunSettings, kind_why, plan_pairs, run_marks

SUNDAY = date(2026, 11, 29)
MONDAY = SUNDAY + timedelta(days=1)
SETTINGS = RunSettings()


def plan(day: date, title: str = "Long run 24 km", ident: str = "plan-1") -> Activity:
    return Activity(ident, day, title=title, planned=True, uid=f"{ident}@coach")


def done(day: date, minutes: float = 45, title: str = "Morning Run", ident: str = "r") -> Activity:
    start = datetime(day.year, day.month, day.day, 7, 5, tzinfo=UTC)
    return Activity(ident, day, title=title, start=start, duration_s=minutes * 60)


def test_the_run_done_on_a_planned_day_counts_in_place_of_the_plan() -> None:
    morning = done(SUNDAY, minutes=70)
    marks = run_marks([plan(SUNDAY), morning], SETTINGS)
    # The completed run is named, with the plan's kind (its own says less).
    assert marks == {SUNDAY: RunMark("long", "Morning Run", None, planned=False)}
    cause = run_cause(marks, MONDAY)
    assert cause is not None
    assert cause.short() == 'the day after your long run "Morning Run"'
    assert kind_why(morning, SETTINGS, plan(SUNDAY)) == (
        "long",
        'planned as a long run "Long run 24 km"',
    )


def test_what_the_run_itself_says_counts_when_it_says_more_than_the_plan() -> None:
    marks = run_marks([plan(SUNDAY, "Easy 8 km"), done(SUNDAY, title="Saturday parkrun")], SETTINGS)
    assert marks[SUNDAY].kind == "race"
    marks = run_marks([plan(SUNDAY, "Easy 8 km"), done(SUNDAY)], SETTINGS)
    assert marks[SUNDAY] == RunMark("easy", "Morning Run")


def test_the_longest_run_of_the_day_stands_in_and_other_sports_do_not() -> None:
    shakeout = done(SUNDAY, 20, "Shakeout", "a")
    long = done(SUNDAY, 100, "Sunday", "b")
    ride = Activity("c", SUNDAY, sport="cycling", start=long.start, duration_s=7200)
    pairs = plan_pairs([plan(SUNDAY), shakeout, long, ride])
    assert pairs.done == {"plan-1": long}
    assert pairs.planned_as == {"b": plan(SUNDAY)}
    # A ride on the day of a planned run does not do the run.
    assert run_marks([plan(SUNDAY), ride], SETTINGS)[SUNDAY].planned


def test_a_planned_run_skipped_counts_no_more_once_runs_are_logged_after_it() -> None:
    # Nothing logged since the plan's day: the run may not be imported yet, the plan counts.
    assert run_marks([plan(SUNDAY)], SETTINGS) == {
        SUNDAY: RunMark("long", "Long run 24 km", None, planned=True)
    }
    # A run logged the next day and none on the plan's day: it was skipped.
    monday_jog = done(MONDAY, 30)
    marks = run_marks([plan(SUNDAY), monday_jog], SETTINGS)
    assert SUNDAY not in marks
    assert run_cause(marks, MONDAY) is None
    # A plan of today or later is not skipped by a run logged today.
    later = run_marks(
        [plan(MONDAY), plan(MONDAY + timedelta(days=6), ident="p2"), monday_jog], SETTINGS
    )
    assert later[MONDAY].title == "Morning Run"
    assert later[MONDAY + timedelta(days=6)].planned
