"""An interrupted session is offered on home: resumed where it stopped, or closed as partial."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.pilot import Pilot

from runstrength.core.plan import SetStep
from runstrength.core.records import SessionInfo, SetRecord
from runstrength.screens.home import HomeScreen
from runstrength.screens.resume import ResumeDialog
from runstrength.screens.session import SessionScreen
from runstrength.store import TrainingLog

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


async def settle(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


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


async def test_no_offer_over_a_session_opened_at_once(make_app, clock, tmp_path: Path) -> None:
    interrupt_a_session(tmp_path, clock)
    app = make_app(start=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)


def test_resume_dialog(snap_compare, make_app, clock, tmp_path: Path) -> None:
    """The offer to resume an interrupted session, over home."""
    interrupt_a_session(tmp_path, clock)
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=settle)
