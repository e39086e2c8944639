"""Home's way into a session names a session of today still open: enter goes on with it
(the resume question) rather than starting a new one."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from runstrength.core.records import ResumePoint, SessionInfo, SetRecord
from runstrength.screens.home import HomeScreen
from runstrength.screens.resume import ResumeDialog
from runstrength.store import TrainingLog
from tests.ui.screen_text import screen_text
from tests.ui.settling import settle

SIZE = (80, 24)


def logged_one_set(tmp_path: Path, clock, *, set_aside: bool) -> None:
    info = SessionInfo(id="open", program="short", started_at=clock.now())
    done = SetRecord("glute-bridge", 1, None, 15, 15, None, None, clock.now())
    log = TrainingLog(tmp_path / "log.json")
    log.log_set(info, done)
    if set_aside:
        at = clock.now() + timedelta(minutes=5)
        log.set_aside(info, at, (), ResumePoint("glute-bridge", 1, 2))
    log.close()


async def test_a_session_set_aside_today_is_what_enter_goes_on_with(
    make_app, clock, tmp_path: Path
) -> None:
    logged_one_set(tmp_path, clock, set_aside=True)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ResumeDialog)
        await pilot.press("escape")  # later
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        text = screen_text(app)
        assert "go on with today's short session (set aside)" in text
        assert "start the session" not in text
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ResumeDialog)


async def test_without_a_session_open_enter_starts_one(make_app, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "enter  start the session" in screen_text(app)
