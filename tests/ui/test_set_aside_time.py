"""A session set aside and gone on with later the same day: its time, and so its load, is
the time spent in it, not the hours it waited; the log keeps the span it was set aside."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from runstrength.core.history import summarize, summary_row
from runstrength.core.load import strength_bouts
from runstrength.screens.home import HomeScreen
from runstrength.screens.resume import ResumeDialog
from runstrength.screens.session import SessionScreen
from runstrength.store import TrainingLog
from tests.ui.settling import settle

SIZE = (80, 24)


async def test_the_hours_set_aside_are_not_time_in_the_session(
    make_app, clock, tmp_path: Path
) -> None:
    started = clock.now()
    app = make_app(start=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S", "enter")
        clock.advance(60)  # a minute on set 1
        await pilot.press(*["space"] * 15, "enter", "q", "l")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    app.context.log.close()

    clock.advance(12 * 3600)  # the evening of the same day
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResumeDialog)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        clock.advance(90)  # a minute and a half on set 2
        await pilot.press(*["space"] * 15, "enter", "q", "x")
        await pilot.pause()
        assert screen.engine.finished
        totals = str(screen.query_one("#totals").render())
        assert "2 min 30 s" in totals
        assert "12 h" not in totals
        await pilot.press("4", "enter")
        await settle(pilot)
    app.context.log.close()

    log = TrainingLog(tmp_path / "log.json", clock=clock)
    [logged] = log.sessions()
    [stored] = log.session_summaries()  # what `runstrength history` and `load` read
    log.close()
    assert stored.time_spent == timedelta(seconds=150)
    assert stored.set_aside_seconds == 12 * 3600
    assert logged.ended_at == started + timedelta(seconds=12 * 3600 + 150)
    [gap] = logged.breaks
    assert gap.start == started + timedelta(seconds=60)
    assert gap.end == started + timedelta(seconds=12 * 3600 + 60)
    assert summary_row(summarize(logged)).duration == "2 min 30 s"
    [bout] = strength_bouts([summarize(logged)])
    assert bout.minutes == 2.5
    assert bout.load == 10  # effort 4 x 2.5 min, not 4 x 720 min


async def test_a_session_cut_off_counts_up_to_its_last_set_then_from_going_on(
    make_app, clock, tmp_path: Path
) -> None:
    """The app killed after a set: when it stopped is not known, so the time from that
    set to going on again (five hours later) is left out."""
    started = clock.now()
    app = make_app(start=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S", "enter")
        clock.advance(60)
        await pilot.press(*["space"] * 15, "enter")
        await settle(pilot)
    app.context.log.close()  # never ended: as a killed app leaves it

    clock.advance(5 * 3600)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResumeDialog)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        clock.advance(30)
        await pilot.press(*["space"] * 15, "enter", "q", "x")
        await pilot.pause()
        assert "1 min 30 s" in str(screen.query_one("#totals").render())
        await pilot.press("enter")
        await settle(pilot)
    app.context.log.close()
    log = TrainingLog(tmp_path / "log.json", clock=clock)
    [logged] = log.sessions()
    [stored] = log.session_summaries()
    log.close()
    [gap] = logged.breaks
    assert (gap.start, gap.end) == (
        started + timedelta(seconds=60),
        started + timedelta(seconds=60 + 5 * 3600),
    )
    assert stored.time_spent == timedelta(seconds=90)
