"""The load view (from the overview's l and the palette), and home's warning when load
rises fast."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

import pytest
from textual_plotext import PlotextPlot

from runstrength.core.runs import Activity
from runstrength.screens.load import LoadScreen
from runstrength.store.runs import RunLog
from tests.sample_history import sample_history

SIZE = (80, 24)
TODAY = date(2026, 11, 23)  # the fake clock's day, a Monday


def runs_between(first: date, last: date, zone) -> list[Activity]:
    """Tuesday easy 45 min, Thursday tempo 40 min, Sunday long 100 min."""
    found = []
    day = first
    while day <= last:
        plan = {1: ("Easy run", 45), 3: ("Tempo", 40), 6: ("Sunday long", 100)}.get(day.weekday())
        if plan:
            start = datetime.combine(day, time(7), zone)
            found.append(
                Activity(id="", day=day, start=start, title=plan[0], duration_s=plan[1] * 60.0)
            )
        day += timedelta(days=1)
    return found


@pytest.fixture
def load_app(make_app, clock):
    app = make_app()
    zone = clock.now().tzinfo
    program = app.context.programs.get("endurance")
    sessions = sample_history(program, app.context.settings.bands, until=TODAY, weeks=16, zone=zone)
    app.context.log.add_sessions(sessions)
    RunLog(app.context.log).add(runs_between(TODAY - timedelta(weeks=16), TODAY, zone))
    return app


async def open_load(pilot) -> LoadScreen:
    await pilot.press("ctrl+p")
    await pilot.press(*"Training load")
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, LoadScreen)
    return screen


async def test_the_load_view_shows_weeks_and_the_ratio(load_app) -> None:
    async with load_app.run_test(size=SIZE) as pilot:
        screen = await open_load(pilot)
        report = screen.report
        assert report is not None
        assert len(report.weeks) == 12
        assert report.weeks[-1].start == TODAY
        # A steady block of weeks: every full week has the same runs (45 x 3 easy + 40 x 7
        # tempo + 100 x 5 long = 135 + 280 + 500 = 915).
        assert {round(w.runs) for w in report.weeks[:-1]} == {915}
        assert all(w.strength > 0 for w in report.weeks[:-1])
        numbers = str(screen.query_one("#load-numbers").render())
        assert "Ratio today" in numbers
        await pilot.press("p")
        await load_app.workers.wait_for_complete()
        assert screen.report is not None
        assert len(screen.report.weeks) == 26
        await pilot.press("escape")
        assert not isinstance(load_app.screen, LoadScreen)


async def test_the_overview_opens_it_with_l(load_app) -> None:
    from runstrength.screens.overview import OverviewScreen

    async with load_app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await load_app.workers.wait_for_complete()
        await pilot.pause(0.1)
        await pilot.press("o")
        await load_app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(load_app.screen, OverviewScreen)
        await pilot.press("l")
        await load_app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(load_app.screen, LoadScreen)
        assert load_app.screen.query(PlotextPlot)


def test_snapshot_load(snap_compare, load_app) -> None:
    """Stacked weekly bars (runs, strength) and the ratio with its steady band."""

    async def run_before(pilot) -> None:
        await open_load(pilot)

    assert snap_compare(load_app, terminal_size=SIZE, run_before=run_before)


async def test_home_warns_when_load_rises_fast(make_app, clock) -> None:
    app = make_app()
    zone = clock.now().tzinfo
    # Runs of 30 min at effort 3 every day for five weeks (90 a day), then 6 days of an
    # hour at effort 8 (480 a day) up to yesterday, and nothing today:
    # acute (today and 6 days back) = 6 x 480 / 7 = 411.43;
    # chronic (today and 27 days back: 21 light days, 6 heavy) = (21 x 90 + 6 x 480) / 28
    #   = 4770 / 28 = 170.36; ratio = 411.43 / 170.36 = 2.415 -> 2.42
    runs = []
    for back in range(1, 36):
        day = TODAY - timedelta(days=back)
        start = datetime.combine(day, time(7), zone)
        heavy = back <= 6
        runs.append(
            Activity(
                id="",
                day=day,
                start=start,
                duration_s=3600.0 if heavy else 1800.0,
                effort=8 if heavy else 3,
            )
        )
    RunLog(app.context.log).add(runs)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = str(app.screen.query_one("#load").render())
        assert "Load rising fast: 2.42" in text


async def test_home_says_nothing_of_a_steady_load(load_app) -> None:
    async with load_app.run_test(size=SIZE) as pilot:
        await load_app.workers.wait_for_complete()
        await pilot.pause()
        # Nothing to say: no load line on home at all.
        assert not any(notice.display for notice in load_app.screen.query("#load"))


async def test_the_load_view_of_an_empty_log(make_app) -> None:
    from tests.ui.screen_text import screen_text

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_load(pilot)
        await pilot.pause()
        assert screen.report is not None
        assert all(w.total == 0 for w in screen.report.weeks)
        numbers = str(screen.query_one("#load-numbers").render())
        assert "not yet known: the log needs 28 days" in numbers
        # A sentence in the chart's place, not an empty frame with an axis of one 0.
        shown = screen_text(app)
        assert "No load yet: it counts logged strength sessions and completed runs." in shown
        assert "┤" not in shown


async def test_a_short_log_has_a_scale_on_its_load_axis(make_app, clock) -> None:
    """One 30-minute easy run (90): the left axis reads 100, 50 and 0 from top to bottom,
    and no label lands on the chart's title."""
    from tests.ui.screen_text import screen_lines

    app = make_app()
    yesterday = TODAY - timedelta(days=1)
    start = datetime.combine(yesterday, time(7), clock.now().tzinfo)
    RunLog(app.context.log).add(
        [Activity(id="", day=yesterday, start=start, duration_s=1800.0, effort=3)]
    )
    async with app.run_test(size=SIZE) as pilot:
        await open_load(pilot)
        await pilot.pause()
        lines = screen_lines(app)
    labels = [found.group(1) for line in lines if (found := re.match(r"\s*(\d+)┤", line))]
    assert labels == ["100", "50", "0"]
    assert any(line.startswith("  Load per week (effort x minutes)") for line in lines)


async def test_the_legend_sits_under_the_chart_not_over_its_bars(load_app) -> None:
    from tests.ui.screen_text import screen_lines

    async with load_app.run_test(size=SIZE) as pilot:
        screen = await open_load(pilot)
        await pilot.pause()
        chart = screen.query_one(PlotextPlot).region
        lines = screen_lines(load_app)
        inside = lines[chart.y + 1 : chart.bottom]  # under its title
        for word in ("runs", "strength", "ratio"):
            assert not any(word in line for line in inside), word
        [legend] = [line for line in lines[chart.bottom :] if "rising fast" in line]
        assert legend.split() == [
            *("██", "runs", "██", "strength", "⠤⠤", "ratio", "(right", "axis)"),
            *("──", "steady", "──", "1.5", "rising", "fast"),
        ]
