"""The session footer names what each key does in the state at hand: p says Resume while
paused, and a recovery routine's keys and notes speak of its mobility, not a warm-up."""

from __future__ import annotations

from pathlib import Path

from runstrength.screens.session import SessionScreen
from tests.ui.restday_seed import seed
from tests.ui.screen_text import screen_lines
from tests.ui.settling import settle
from tests.ui.test_recovery_flow import footer_keys, session, text_of


def notice_of(pilot) -> str:
    """The word on the step just left, as the status line shows it."""
    return session(pilot).engine.notice


async def test_p_says_resume_while_paused(make_app) -> None:
    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert footer_keys(pilot)["p"] == "Pause"
        await pilot.press("p")
        assert footer_keys(pilot)["p"] == "Resume"
        await pilot.press("p")  # p still resumes
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert not screen.engine.paused
        assert footer_keys(pilot)["p"] == "Pause"


async def test_a_recovery_routine_speaks_of_mobility(make_app, clock, tmp_path: Path) -> None:
    seed(tmp_path, clock, logged_offsets=(-1,))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert "Mobility" in text_of(pilot, "#heading")
        keys = footer_keys(pilot)
        assert keys["S"] == "Skip mobility"
        await pilot.press("s")  # the next move
        await pilot.pause()
        assert "S skips the whole mobility" in notice_of(pilot)
        await pilot.press("S")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert "Mobility over" in notice_of(pilot)
        assert "warm-up" not in notice_of(pilot).lower()


async def test_a_session_still_speaks_of_its_warmup(make_app) -> None:
    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert footer_keys(pilot)["S"] == "Skip warm-up"
        await pilot.press("S")
        await pilot.pause()
        assert "Warm-up over" in notice_of(pilot)


async def test_the_summary_footer_says_q_goes_home(make_app) -> None:
    """On the summary q does as enter does, back to home, and the footer says so."""
    from runstrength.screens.home import HomeScreen

    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("q", "x")  # stop for good: the summary
        await settle(pilot)
        assert session(pilot).engine.finished
        keys = footer_keys(pilot)
        assert keys == {"enter": "Home", "m": "Sound", "question_mark": "Help"}
        assert "⏎/q Home" in screen_lines(app)[-1]
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
