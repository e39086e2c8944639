"""Suggested days go by calendar weeks, Monday to Sunday, as the calendar and the load
count them: the first week from the day asked for, its earlier sessions counted."""

from __future__ import annotations

from datetime import date, timedelta

from runstrength.core.restdays import TrainingDays
from runstrength.core.suggest import suggest

MONDAY = date(2026, 11, 30)
THURSDAY = MONDAY + timedelta(days=3)


def test_weeks_run_monday_to_sunday_from_today() -> None:
    found = suggest(TrainingDays(THURSDAY), THURSDAY, weeks=2, per_week=2)
    assert [week.start for week in found.weeks] == [MONDAY, MONDAY + timedelta(days=7)]
    first, second = found.weeks
    assert all(THURSDAY <= day <= MONDAY + timedelta(days=6) for day in first.days)
    assert len(first.days) == 2
    assert all(MONDAY + timedelta(days=7) <= d <= MONDAY + timedelta(days=13) for d in second.days)


def test_a_session_earlier_in_the_week_counts_toward_it() -> None:
    days = TrainingDays(THURSDAY, logged={MONDAY: "endurance"})
    found = suggest(days, THURSDAY, weeks=1, per_week=2)
    assert found.weeks[0].wanted == 1
    assert len(found.days) == 1
