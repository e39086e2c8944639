"""The load chart's numbers (pure): a left axis with a bottom and a top whenever there is
anything to draw, and a sentence instead when there is nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from runstrength.core.load import LoadReport, WeekLoad
from runstrength.core.load_chart import MAX_STEPS, load_axis, load_chart

TODAY = date(2026, 11, 23)  # a Monday


def report(totals: list[float], ratios: list[float | None] | None = None) -> LoadReport:
    """Weeks of runs only, oldest first, the last one this week."""
    count = len(totals)
    weeks = [
        WeekLoad(TODAY - timedelta(weeks=count - 1 - n), total, 0.0, (ratios or [None] * count)[n])
        for n, total in enumerate(totals)
    ]
    first = TODAY - timedelta(days=3) if any(totals) or ratios else None
    return LoadReport(TODAY, weeks, None, first)


def test_a_short_log_has_a_scale_from_0_to_above_its_one_run() -> None:
    """One 30-minute easy run (90): the axis reads 0, 50, 100, not a bare 0."""
    chart = load_chart(report([0.0] * 11 + [90.0]))
    assert chart.empty == ""
    assert chart.load_labels == ["0", "50", "100"]
    assert chart.load_ticks == [0.0, 50.0, 100.0]
    assert chart.load_range == (0.0, 100.0)


def test_the_top_tick_is_the_first_round_step_at_or_above_the_tallest_week() -> None:
    chart = load_chart(report([600.0, 1820.0, 940.0]))
    assert chart.load_labels == ["0", "500", "1000", "1500", "2000"]
    assert chart.load_range == (0.0, 2000.0)
    assert chart.runs == [600, 1820, 940]


@given(st.floats(min_value=0, max_value=1e7, allow_nan=False))
def test_the_axis_always_has_a_bottom_a_top_and_round_even_steps(top: float) -> None:
    ticks = load_axis(top)
    assert ticks[0] == 0
    assert 2 <= len(ticks) <= MAX_STEPS + 1
    assert ticks[-1] >= top
    assert len(ticks) == 2 or ticks[-2] < top  # no step more than needed
    steps = {b - a for a, b in pairwise(ticks)}
    assert len(steps) == 1
    [step] = steps
    assert str(step)[0] in "125"
    assert set(str(step)[1:]) <= {"0"}


def test_weeks_of_no_load_still_show_a_scale_under_the_ratio() -> None:
    """Load only before these weeks: the ratio is still drawn, over an axis of 0 to 10."""
    chart = load_chart(report([0.0, 0.0], ratios=[0.4, None]))
    assert chart.empty == ""
    assert chart.load_labels == ["0", "10"]
    assert chart.ratio_points == [(1.0, 0.4)]


def test_an_empty_log_says_what_load_counts() -> None:
    chart = load_chart(report([0.0] * 12))
    assert chart.empty.startswith("No load yet")


def test_a_log_with_only_older_load_says_these_weeks_are_empty() -> None:
    older = replace(report([0.0] * 12), counted_from=TODAY - timedelta(weeks=40))
    assert load_chart(older).empty == (
        "No load in the last 12 weeks: the log's sessions and runs are older."
    )
    this_week = replace(report([0.0]), counted_from=TODAY - timedelta(weeks=40))
    assert load_chart(this_week).empty.startswith("No load in this week")


def test_week_labels_are_about_six_under_the_bars() -> None:
    chart = load_chart(report([100.0] * 12))
    assert chart.week_ticks == [1.0, 3.0, 5.0, 7.0, 9.0, 11.0]
    assert chart.week_labels[0] == f"{TODAY - timedelta(weeks=11):%d %b}"
    assert chart.x_range == (0.5, 12.5)
