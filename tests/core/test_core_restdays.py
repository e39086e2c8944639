"""The rest-day rule: properties over random logs and plans, and the awkward calendar cases."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from runstrength.core.records import SessionInfo
from runstrength.core.restdays import (
    DayMarks,
    TrainingDays,
    can_schedule,
    can_start_today,
    day_marks,
    format_day,
    next_allowed,
    rest_day_cause,
    weekday_numbers,
)

TODAY = date(2026, 11, 25)  # a Wednesday
REST_DAY_CAUSES = ("logged", "scheduled", "weekly")
"""What refuses a day because the day itself is a rest day."""


def days(today: date = TODAY, logged=(), scheduled=(), weekly=()) -> TrainingDays:
    return TrainingDays(
        today,
        {d: "endurance" for d in logged},
        {d: "sprint" for d in scheduled},
        weekday_numbers(weekly),
    )


# --- properties ------------------------------------------------------------------------

offsets = st.integers(min_value=-40, max_value=60)
weekly_sets = st.sets(st.integers(min_value=0, max_value=6), max_size=6)


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[TrainingDays, list[date]]:
    today = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)))
    logged = {
        today + timedelta(days=o): "endurance"
        for o in draw(st.sets(st.integers(min_value=-40, max_value=0), max_size=15))
    }
    weekly = frozenset(draw(weekly_sets))
    attempts = [today + timedelta(days=o) for o in draw(st.lists(offsets, max_size=30))]
    return TrainingDays(today, logged, {}, weekly), attempts


def schedule_all(start: TrainingDays, attempts: list[date]) -> TrainingDays:
    state = start
    for day in attempts:
        verdict = can_schedule(state, day)
        if verdict.allowed:
            state = state._replace(scheduled={**state.scheduled, day: "endurance"})
        else:
            assert verdict.reason, f"refused {day} without a reason"
            assert verdict.message()
    return state


@settings(max_examples=300, deadline=None)
@given(scenarios())
def test_no_accepted_plan_has_a_strength_day_next_to_it(scenario) -> None:
    start, attempts = scenario
    state = schedule_all(start, attempts)
    strength_days = set(state.logged) | set(state.scheduled)
    for day in state.scheduled:
        assert day >= state.today
        assert day - timedelta(days=1) not in strength_days
        assert day + timedelta(days=1) not in strength_days
        assert day.weekday() not in state.weekly_rest_days


@settings(max_examples=300, deadline=None)
@given(scenarios(), offsets)
def test_every_refusal_has_a_reason_and_a_next_date_that_is_the_first_allowed(
    scenario, offset: int
) -> None:
    start, attempts = scenario
    state = schedule_all(start, attempts)
    day = state.today + timedelta(days=offset)
    verdict = can_schedule(state, day)
    if verdict.allowed:
        assert verdict.reason == ""
        return
    assert verdict.reason
    after = max(day + timedelta(days=1), state.today)
    found = verdict.next_allowed
    assert found is not None  # at most six weekly rest days here
    assert found >= after
    assert can_schedule(state, found).allowed
    probe = after
    while probe < found:
        assert not can_schedule(state, probe).allowed, f"{probe} is earlier and allowed"
        probe += timedelta(days=1)


@settings(max_examples=200, deadline=None)
@given(scenarios(), st.data())
def test_starting_today_is_refused_exactly_on_rest_days(scenario, data: st.DataObject) -> None:
    start, attempts = scenario
    state = schedule_all(start, attempts)
    check = can_start_today(state)
    yesterday = state.today - timedelta(days=1)
    rest = yesterday in state.logged or state.today.weekday() in state.weekly_rest_days
    assert check.allowed is not rest
    if not check.allowed:
        assert check.verdict.reason
        assert check.verdict.cause is not None
        assert check.verdict.cause.kind in REST_DAY_CAUSES
        found = check.verdict.next_allowed
        assert found is not None
        assert found > state.today
        # the next session day is itself no rest day, and every day before it is one or taken
        assert rest_day_cause(state, found) is None
        probe = state.today + timedelta(days=1)
        while probe < found:
            assert probe not in state.scheduled or rest_day_cause(state, probe) is not None
            assert not can_schedule(state, probe).allowed
            probe += timedelta(days=1)
    if check.allowed and check.tomorrow_program is not None:
        moved = state.without_scheduled(state.today + timedelta(days=1)).with_logged(
            state.today, "endurance"
        )
        assert check.move_to is not None
        assert can_schedule(moved, check.move_to).allowed


def test_every_weekday_a_rest_day_leaves_no_next_date() -> None:
    state = days(weekly=("monday", "tuesday", "wednesday", "thursday", "friday", "saturday"))
    state = TrainingDays(state.today, {}, {}, frozenset(range(7)))
    verdict = can_schedule(state, TODAY)
    assert not verdict.allowed
    assert verdict.next_allowed is None
    assert next_allowed(state, TODAY) is None
    assert "every weekday" in verdict.message()


# --- the rule, case by case ------------------------------------------------------------


def test_the_day_after_a_logged_session_is_a_rest_day() -> None:
    state = days(logged=[TODAY - timedelta(days=1)])
    status = can_start_today(state).verdict
    assert not status.allowed
    assert status.cause is not None
    assert status.cause.kind == "logged"
    assert "rest day" in status.reason
    assert "endurance session logged on Tue 24 Nov 2026" in status.reason
    assert status.next_allowed == TODAY + timedelta(days=1)
    assert "Next session possible: Thu 26 Nov 2026 (2026-11-26)" in status.message()


def test_a_day_before_a_planned_session_must_stay_free() -> None:
    planned = TODAY + timedelta(days=3)
    state = days(scheduled=[planned])
    verdict = can_schedule(state, planned - timedelta(days=1))
    assert not verdict.allowed
    assert "sprint session scheduled on" in verdict.reason
    assert verdict.next_allowed == planned + timedelta(days=2)
    assert can_schedule(state, planned + timedelta(days=1)).cause is not None
    assert can_schedule(state, planned).reason.endswith("(one a day at most)")


def test_past_days_and_weekly_rest_days_are_refused() -> None:
    past = can_schedule(days(), TODAY - timedelta(days=1))
    assert not past.allowed
    assert "in the past" in past.reason
    assert past.next_allowed == TODAY
    friday = date(2026, 11, 27)
    weekly = can_schedule(days(weekly=("friday",)), friday)
    assert weekly.cause is not None
    assert weekly.cause.kind == "weekly"
    assert "Friday is a weekly rest day" in weekly.reason
    assert weekly.next_allowed == friday + timedelta(days=1)


def test_a_plan_from_yesterday_that_was_not_done_does_not_block_today() -> None:
    state = days(scheduled=[TODAY - timedelta(days=1)])
    assert can_schedule(state, TODAY).allowed
    assert can_start_today(state).allowed


def test_starting_with_tomorrow_planned_offers_the_next_free_day() -> None:
    tomorrow = TODAY + timedelta(days=1)
    state = days(scheduled=[tomorrow, TODAY + timedelta(days=3)])
    check = can_start_today(state)
    assert check.allowed
    assert check.tomorrow_program == "sprint"
    # the day after tomorrow is next to the plan on +3, so +5 is the first free day
    assert check.move_to == TODAY + timedelta(days=5)


def test_a_second_session_on_a_trained_day_may_start() -> None:
    assert can_start_today(days(logged=[TODAY])).allowed
    assert not can_schedule(days(logged=[TODAY]), TODAY).allowed


def test_next_session_day_counts_a_planned_day() -> None:
    state = days(logged=[TODAY - timedelta(days=1)], scheduled=[TODAY + timedelta(days=1)])
    assert can_start_today(state).verdict.next_allowed == TODAY + timedelta(days=1)


# --- calendar edge cases -----------------------------------------------------------------


def test_a_session_across_midnight_belongs_to_the_day_it_started() -> None:
    tz = timezone(timedelta(hours=1))
    info = SessionInfo("s", "endurance", datetime(2026, 11, 23, 23, 50, tzinfo=tz))
    assert info.date == date(2026, 11, 23)
    # ended 00:30 on the 24th: the 24th is the rest day, the 25th is open again
    state = days(today=date(2026, 11, 24), logged=[info.date])
    assert not can_start_today(state).verdict.allowed
    assert can_schedule(state, date(2026, 11, 25)).allowed


def test_dst_changes_do_not_move_a_session() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    # 29 March 2026: clocks jump from 02:00 to 03:00; 25 October 2026: back from 03:00 to 02:00
    spring = SessionInfo("a", "endurance", datetime(2026, 3, 29, 1, 30, tzinfo=berlin))
    late = SessionInfo("b", "endurance", datetime(2026, 10, 24, 23, 45, tzinfo=berlin))
    assert spring.date == date(2026, 3, 29)
    assert late.date == date(2026, 10, 24)
    # Stored as text with its offset and read back, the day is the same.
    again = datetime.fromisoformat(late.started_at.isoformat(timespec="seconds"))
    assert again.date() == late.date
    state = days(today=date(2026, 10, 25), logged=[late.date])
    assert not can_start_today(state).verdict.allowed
    assert can_start_today(state).verdict.next_allowed == date(2026, 10, 26)


def test_a_time_zone_change_between_sessions_keeps_each_day() -> None:
    home = timezone(timedelta(hours=1))
    away = timezone(timedelta(hours=-5))
    first = SessionInfo("a", "endurance", datetime(2026, 11, 23, 23, 30, tzinfo=home))
    # In the new zone it is still the 23rd at 17:30 when the first one started; the day
    # is the one where it started, not re-read in the new zone.
    assert first.started_at.astimezone(away).date() == date(2026, 11, 23)
    stored = datetime.fromisoformat(first.started_at.isoformat())
    assert stored.date() == date(2026, 11, 23)
    second = SessionInfo("b", "endurance", datetime(2026, 11, 24, 20, 0, tzinfo=away))
    # 20:00 at -05:00 is already the 25th at home, but the session's day is the 24th
    assert second.started_at.astimezone(home).date() == date(2026, 11, 25)
    assert second.date == date(2026, 11, 24)
    state = days(today=date(2026, 11, 24), logged=[first.date])
    assert not can_start_today(state).allowed


def test_the_rest_day_after_feb_28_is_feb_29_in_a_leap_year_only() -> None:
    leap = date(2028, 2, 29)
    state = days(today=date(2028, 2, 28), logged=[date(2028, 2, 28)])
    verdict = can_schedule(state, leap)
    assert not verdict.allowed
    assert "Tue 29 Feb 2028" in verdict.reason
    assert verdict.next_allowed == date(2028, 3, 1)
    after_leap = days(today=leap, logged=[leap])
    assert can_schedule(after_leap, date(2028, 3, 1)).next_allowed == date(2028, 3, 2)
    no_leap = days(today=date(2027, 2, 28), logged=[date(2027, 2, 28)])
    assert can_schedule(no_leap, date(2027, 3, 1)).next_allowed == date(2027, 3, 2)


def test_the_rest_day_rule_crosses_the_new_year() -> None:
    state = days(today=date(2026, 12, 31), logged=[date(2026, 12, 31)])
    verdict = can_schedule(state, date(2027, 1, 1))
    assert not verdict.allowed
    assert "Thu 31 Dec 2026" in verdict.reason
    assert verdict.next_allowed == date(2027, 1, 2)
    planned = days(today=date(2026, 12, 30), scheduled=[date(2027, 1, 1)])
    assert not can_schedule(planned, date(2026, 12, 31)).allowed
    assert can_schedule(planned, date(2026, 12, 30)).allowed


def test_format_day_reads_for_people_and_parses_for_scripts() -> None:
    assert format_day(date(2026, 1, 5)) == "Mon 5 Jan 2026 (2026-01-05)"


def test_day_marks_for_the_calendar() -> None:
    state = days(
        logged=[TODAY - timedelta(days=2)],
        scheduled=[TODAY + timedelta(days=2)],
        weekly=("sunday",),
    )
    assert day_marks(state, TODAY - timedelta(days=2)).trained
    assert day_marks(state, TODAY - timedelta(days=1)).rest
    assert day_marks(state, TODAY) == DayMarks(today=True)
    assert day_marks(state, TODAY + timedelta(days=2)).scheduled == "sprint"
    assert day_marks(state, TODAY + timedelta(days=3)).rest
    assert day_marks(state, date(2026, 11, 29)).rest  # a Sunday
    assert day_marks(state, TODAY + timedelta(days=1)) == DayMarks()


def test_a_second_session_today_does_not_ask_about_tomorrow_again() -> None:
    """Trained today already, tomorrow is a rest day whatever comes: nothing to ask."""
    tomorrow = TODAY + timedelta(days=1)
    check = can_start_today(days(logged=[TODAY], scheduled=[tomorrow]))
    assert check.allowed
    assert check.tomorrow_program is None
