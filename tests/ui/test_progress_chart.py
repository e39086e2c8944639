"""The progress screen at 80×24: whole reps, dates, a lone session visible, the hint shown."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from textual.widgets import Footer, OptionList
from textual_plotext import PlotextPlot

from runstrength.core.records import SessionInfo, SessionRecord, SetRecord
from runstrength.screens.progress import ProgressScreen
from tests.ui.screen_text import screen_lines

ZONE = timezone(timedelta(hours=1))


def session(day: date, exercise: str, *reps: int, band: str | None = None) -> SessionRecord:
    start = datetime(day.year, day.month, day.day, 7, tzinfo=ZONE)
    sets = [
        SetRecord(exercise, n, None, 20, count, band, None, start + timedelta(minutes=n))
        for n, count in enumerate(reps, 1)
    ]
    return SessionRecord(
        SessionInfo(f"{exercise}-{day}", "endurance", start), "completed", start, sets
    )


async def open_progress(pilot) -> ProgressScreen:
    await pilot.press("h")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("p")
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ProgressScreen)
    return screen


async def test_the_next_band_hint_fits_and_the_axes_read_whole(make_app) -> None:
    app = make_app()
    app.context.log.add_sessions(
        [
            session(date(2026, 11, 16), "band-squat", 20, 20, band="red"),
            session(date(2026, 11, 19), "band-squat", 21, 20, band="red"),
        ]
    )
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot)
        hint = screen.query_one("#hint")
        footer = screen.query_one(Footer)
        text = "\n".join(screen_lines(app))
        assert str(hint.render()) == "Next step: goal met twice running: try the green band"
        assert "try the green" in text
        assert hint.region.bottom <= footer.region.y
        chart = "\n".join(screen_lines(app)[: screen.query_one(PlotextPlot).region.bottom])
        assert "16 Nov" in chart
        assert "19 Nov" in chart
        assert ".5" not in chart
        assert ".25" not in chart
        assert "set 1" not in chart  # no legend over the lines: the points carry the set


async def test_a_single_session_shows_its_points(make_app) -> None:
    app = make_app()
    app.context.log.add_sessions([session(date(2026, 11, 16), "glute-bridge", 15, 13)])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_progress(pilot)
        assert screen.query_one(OptionList).option_count == 1
        plot = screen.query_one(PlotextPlot).region
        rows = screen_lines(app)[plot.y : plot.bottom]
        # Inside the frame only (right of the y axis), where the points are drawn.
        inside = []
        for row in (r[plot.x :] for r in rows):
            left = min((row.find(c) for c in "┤│" if c in row), default=-1)
            if left >= 0:
                inside.append(row[left + 1 : row.rfind("│")])
        marks = "".join(inside)
        assert "1" in marks
        assert "2" in marks
        assert "set" not in marks  # the digits are the points, not a legend


async def test_the_intro_card_shows_the_next_step_earned(make_app, clock) -> None:
    # The compact layout's intro card (the floor layout shows the big target instead).
    app = make_app(start=True, session_layout="compact")
    app.context.log.add_sessions(
        [
            session(date(2026, 11, 16), "glute-bridge", 20, 20),
            session(date(2026, 11, 19), "glute-bridge", 21, 20),
        ]
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("S")  # past the warm-up: the first exercise's intro card
        await app.workers.wait_for_complete()
        await pilot.pause()
        lines = screen_lines(app)
        [hint] = [line for line in lines if "Next step:" in line]
        assert (
            hint.strip() == "Next step: goal met twice running: ready for Single-leg glute bridge?"
        )
        await pilot.press("enter")  # the set: last time and best instead
        await pilot.pause()
        assert not [line for line in screen_lines(app) if "Next step:" in line]


async def test_the_floor_intro_card_shows_the_next_step_earned(make_app, clock) -> None:
    app = make_app(start=True)
    app.context.log.add_sessions(
        [
            session(date(2026, 11, 16), "glute-bridge", 20, 20),
            session(date(2026, 11, 19), "glute-bridge", 21, 20),
        ]
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("S")  # past the warm-up: the first exercise's intro card
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert "Next step: goal met twice running: ready for Single-leg glute bridge?" in text
