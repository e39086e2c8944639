"""A session set aside, on a later day: `runstrength start` and home's enter offer to close
it before a new session starts, the offer never speaks of resuming, and while it waits
home keeps a key (x, in the footer and the help) to close it."""

from __future__ import annotations

from textual.pilot import Pilot

from runstrength.screens.home import HomeScreen
from runstrength.screens.resume import ResumeDialog
from runstrength.screens.session import SessionScreen
from tests.ui.screen_text import screen_lines
from tests.ui.settling import settle
from tests.ui.test_resume_flow import SIZE

LATER = 2 * 24 * 3600  # two days on: not a rest day under the default rule


async def set_one_aside(make_app, clock) -> None:
    app = make_app(start=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S", "enter", *["space"] * 15, "enter", "q", "l")
        await settle(pilot)
    app.context.log.close()
    clock.advance(LATER)


def dialog_text(pilot: Pilot[None]) -> str:
    return " ".join(str(s.render()) for s in pilot.app.screen.query("Static"))


async def test_start_on_a_later_day_offers_to_close_it_first(make_app, clock) -> None:
    await set_one_aside(make_app, clock)
    app = make_app(start=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResumeDialog)
        assert not app.screen.can_resume
        text = dialog_text(pilot)
        assert "resume" not in text.lower()
        assert "Close it as partial" in text
        await pilot.press("x")
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)  # the new session follows
        [closed] = app.context.log.sessions()
        assert closed.status == "partial"


async def test_start_on_a_later_day_goes_on_after_later(make_app, clock) -> None:
    """escape leaves the old session for another time: the new one starts all the same."""
    await set_one_aside(make_app, clock)
    app = make_app(start=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResumeDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        [still_open] = app.context.log.interrupted_sessions()
        assert still_open.set_aside_at is not None


async def test_home_keeps_a_key_to_close_it_after_later(make_app, clock) -> None:
    await set_one_aside(make_app, clock)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResumeDialog)
        await pilot.press("escape")
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert "x Left open" in screen_lines(app)[-1]
        await pilot.press("question_mark")
        await settle(pilot)
        assert any("left open" in line for line in screen_lines(app))
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ResumeDialog)
        await pilot.press("x")
        await settle(pilot)
        await settle(pilot)
        assert app.screen is home
        assert [s.status for s in app.context.log.sessions()] == ["partial"]
        assert "Left open" not in screen_lines(app)[-1]
        await pilot.press("x")  # nothing waits: x does nothing
        await settle(pilot)
        assert app.screen is home


async def test_enter_after_later_starts_a_new_session(make_app, clock) -> None:
    """The offer came when home opened; once put off, enter starts today's session."""
    await set_one_aside(make_app, clock)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
