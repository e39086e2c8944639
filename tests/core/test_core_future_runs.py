"""A completed activity cannot be in the future: the rule that refuses one dated later
than now (a watch with a wrong clock, a bad file), with a few minutes' margin for clocks
that differ a little, and never for a planned run."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from runstrength.core.runs import CLOCK_MARGIN, Activity, future_reason

HOME = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 23, 7, 2, tzinfo=HOME)


def done(start: datetime, minutes: float | None = 30) -> Activity:
    seconds = None if minutes is None else minutes * 60
    return Activity(id="", day=start.date(), start=start, duration_s=seconds)


def test_a_run_that_ended_before_now_is_fine() -> None:
    assert future_reason(done(NOW - timedelta(hours=1), 45), NOW) is None
    assert future_reason(done(NOW - timedelta(days=400)), NOW) is None
    # Saved and synced the moment it ended.
    assert future_reason(done(NOW - timedelta(minutes=30), 30), NOW) is None


def test_a_run_dated_tomorrow_is_refused_with_its_date_and_now() -> None:
    reason = future_reason(done(datetime(2026, 11, 24, 7, 0, tzinfo=HOME)), NOW)
    assert reason is not None
    assert "2026-11-24 07:00" in reason
    assert "later than now (2026-11-23 07:02)" in reason
    assert "\n" not in reason


def test_the_date_is_shown_on_the_local_clock() -> None:
    """A start written in UTC is named as the runner's clock reads it."""
    start = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)  # 07:00 at home
    reason = future_reason(done(start), NOW)
    assert reason is not None
    assert "is dated 2026-11-24 07:00," in reason


def test_a_run_that_began_before_now_but_ends_after_it_is_refused() -> None:
    """A two-hour run that started an hour ago has not been finished yet."""
    reason = future_reason(done(NOW - timedelta(hours=1), 120), NOW)
    assert reason is not None
    assert "is dated 2026-11-23 06:02 and ends 08:02" in reason


def test_clocks_a_few_minutes_apart_are_allowed_and_no_more() -> None:
    assert timedelta(minutes=1) <= CLOCK_MARGIN <= timedelta(minutes=10)  # a few minutes
    ends_at_edge = NOW + CLOCK_MARGIN - timedelta(minutes=30)
    assert future_reason(done(ends_at_edge, 30), NOW) is None
    assert future_reason(done(ends_at_edge + timedelta(seconds=1), 30), NOW) is not None
    assert future_reason(done(NOW + CLOCK_MARGIN - timedelta(minutes=1), None), NOW) is None
    assert future_reason(done(NOW + CLOCK_MARGIN + timedelta(minutes=1), None), NOW) is not None


def test_a_planned_run_may_be_in_the_future() -> None:
    planned = Activity(id="", day=date(2026, 12, 6), title="Long run", planned=True)
    assert future_reason(planned, NOW) is None
    at_a_time = done(datetime(2026, 12, 6, 9, 0, tzinfo=HOME))._replace(planned=True)
    assert future_reason(at_a_time, NOW) is None


@pytest.mark.parametrize("seconds", [float("nan"), float("inf"), -600.0, 1e30])
def test_a_duration_that_cannot_be_counts_as_none(seconds: float) -> None:
    past = done(NOW - timedelta(hours=1))._replace(duration_s=seconds)
    assert future_reason(past, NOW) is None
    ahead = done(NOW + timedelta(days=1))._replace(duration_s=seconds)
    assert future_reason(ahead, NOW) is not None
