"""A session set aside, resumed and then cut off (the app killed) is offered on the next
start as what it is: interrupted, going on after its last set, not "set aside"."""

from __future__ import annotations

from runstrength.core.plan import IntroStep
from runstrength.screens.home import HomeScreen
from runstrength.screens.resume import ResumeDialog
from runstrength.screens.session import SessionScreen
from tests.ui.screen_text import screen_text
from tests.ui.settling import settle

SIZE = (80, 24)


async def test_a_session_resumed_after_being_set_aside_then_cut_off_is_interrupted(
    make_app, clock
) -> None:
    app = make_app(start=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S", "enter", *["space"] * 15, "enter")  # set 1 done: a rest
        await pilot.press("q", "l")  # continue later
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    app.context.log.close()

    clock.advance(3600)  # later the same day: resumed, one more set, then the app is killed
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResumeDialog)
        assert "set aside" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        await pilot.press(*["space"] * 15, "enter")  # set 2 done
        await settle(pilot)
        # Left as a kill leaves it: no end written, the log never closed.

    clock.advance(600)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ResumeDialog)
        text = screen_text(app)
        assert "A session was interrupted" in text
        assert "set aside" not in text
        assert "2 sets saved, the last:" in text
        assert "Glute bridge set 2." in text
        assert "at the next set" in text
        [open_one] = app.context.log.interrupted_sessions()
        assert open_one.set_aside_at is None
        assert [s.set for s in open_one.sets] == [1, 2]

        await pilot.press("escape")  # later: home names it the same way
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        home = screen_text(app)
        assert "go on with today's short session (cut off)" in home
        assert "set aside" not in home

        await pilot.press("enter")  # the offer again; resumed after its last set
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        step = screen.engine.step
        assert isinstance(step, IntroStep)  # the bridges are done: the plank's card
        assert step.entry.exercise.id == "side-plank"
