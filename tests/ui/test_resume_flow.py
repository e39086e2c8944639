"""An interrupted session is offered on home: resumed where it stopped, or closed as partial."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from runstrength.core.plan import SetStep
from runstrength.core.records import SessionInfo, SetRecord
from runstrength.screens.home import HomeScreen
from runstrength.screens.resume import ResumeDialog
from runstrength.screens.session import SessionScreen
from runstrength.store import TrainingLog
from tests.ui.settling import settle

SIZE = (80, 24)


def interrupt_a_session(tmp_path: Path, clock) -> SessionInfo:
    """The log as a killed app leaves it: one set of 'short' saved, the session never ended."""
    info = SessionInfo(id="before-crash", program="short", started_at=clock.now())
    done = SetRecord(
        exercise="glute-bridge",
        set=1,
        side=None,
        target_reps=15,
        reps=15,
        band=None,
        seconds=None,
        completed_at=clock.now() + timedelta(minutes=7),
    )
    log = TrainingLog(tmp_path / "log.json")
    log.log_set(info, done)
    log.close()
    return info


async def test_resume_goes_on_at_the_next_set_of_the_same_session(
    make_app, clock, tmp_path: Path
) -> None:
    interrupt_a_session(tmp_path, clock)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResumeDialog)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        step = screen.engine.step
        assert isinstance(step, SetStep)
        assert (step.entry.exercise.id, step.set_number) == ("glute-bridge", 2)
        await pilot.press(*["space"] * 15, "enter")
        await settle(pilot)
        [logged] = app.context.log.sessions()
        assert logged.id == "before-crash"
        assert [s.set for s in logged.sets] == [1, 2]
        assert logged.status == "in-progress"


async def test_close_as_partial_keeps_the_sets(make_app, clock, tmp_path: Path) -> None:
    interrupt_a_session(tmp_path, clock)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        [logged] = app.context.log.sessions()
        assert logged.status == "partial"
        assert logged.ended_at == logged.sets[-1].completed_at
        assert "partial" in str(app.screen.query_one("#last").render())


async def test_later_leaves_it_for_another_time(make_app, clock, tmp_path: Path) -> None:
    interrupt_a_session(tmp_path, clock)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert [s.status for s in app.context.log.sessions()] == ["in-progress"]


@pytest.mark.parametrize("size", [SIZE, (60, 20)], ids=["80x24", "60x20"])
async def test_start_offers_the_open_session_first_and_none_over_the_new_one(
    make_app, clock, tmp_path: Path, size: tuple[int, int]
) -> None:
    """`runstrength start` with today's session left open: it is offered first (one
    session a day at a time); closed, the new session starts, and no offer comes over it.
    The offer leads into a session: it makes do with a session's 60 x 20, not home's."""
    interrupt_a_session(tmp_path, clock)
    app = make_app(start=True)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResumeDialog)
        await pilot.press("x")
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)


def test_resume_dialog(snap_compare, make_app, clock, tmp_path: Path) -> None:
    """The offer to resume an interrupted session, over home."""
    interrupt_a_session(tmp_path, clock)
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=settle)


async def test_continue_later_then_resume_the_same_day(make_app, clock, tmp_path: Path) -> None:
    app = make_app(start=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("S", "enter", *["space"] * 15, "enter")  # set 1 done: a rest
        await pilot.press("s", "space", "space")  # set 2 under way
        await pilot.press("q")
        text = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "continue later" in text
        assert "Glute bridge, set 2" in text
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        [open_one] = app.context.log.interrupted_sessions()
        assert open_one.set_aside_at is not None
        assert [s.set for s in open_one.sets] == [1]
        assert "set aside" in str(app.screen.query_one("#last").render())
        # Asking for a new session the same day offers this one first.
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ResumeDialog)
        assert "set aside" in str(app.screen.query_one(".dialog-title").render())
        await pilot.press("escape")
        await settle(pilot)
    app.context.log.close()

    clock.advance(3 * 3600)  # later the same day, a new start of the app
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResumeDialog)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        step = screen.engine.step
        assert isinstance(step, SetStep)
        assert (step.entry.exercise.id, step.set_number) == ("glute-bridge", 2)
        assert screen.engine.info.id == open_one.id


async def test_a_session_set_aside_only_closes_the_next_day(
    make_app, clock, tmp_path: Path
) -> None:
    app = make_app(start=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S", "enter", *["space"] * 15, "enter", "q", "l")
        await settle(pilot)
    app.context.log.close()

    clock.advance(24 * 3600)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ResumeDialog)
        assert not dialog.can_resume
        text = " ".join(str(s.render()) for s in dialog.query("Static"))
        assert "goes on only the day it started" in text
        assert "resume" not in text.lower()  # it cannot be: never offered
        await pilot.press("enter")  # resume is not offered
        await settle(pilot)
        assert app.screen is dialog
        await pilot.press("x")
        await settle(pilot)
        await settle(pilot)
        [closed] = app.context.log.sessions()
        assert closed.status == "partial"
        assert closed.ended_at == closed.sets[-1].completed_at
        assert isinstance(app.screen, HomeScreen)
        # Nothing is open any more: enter starts a new session (today is a rest day,
        # so home says so instead).
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ResumeDialog)
