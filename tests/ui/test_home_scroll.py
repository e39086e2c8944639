"""Home scrolls with the page keys as well as the arrows when it holds more than fits
(a rest day's reason and the program's list at 80x24)."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll

from runstrength.screens.home import HomeScreen
from tests.ui.restday_seed import seed


async def test_page_down_and_up_scroll_home(make_app, clock, tmp_path: Path) -> None:
    seed(tmp_path, clock, logged_offsets=(-1,))  # today is a rest day: a longer status
    app = make_app(program="endurance")  # seven exercises listed
    # and problems found in the settings file, listed below the way into a session
    app.context.problems += [f"config.toml: line {n}: unknown key" for n in (3, 4)]
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        area = app.screen.query_one("#home", VerticalScroll)
        assert area.max_scroll_y > 0  # more than fits
        await pilot.press("pagedown")
        await pilot.pause()
        assert area.scroll_y == area.max_scroll_y
        await pilot.press("pageup")
        await pilot.pause()
        assert area.scroll_y == 0


async def test_the_last_session_line_is_whole_when_home_scrolls(
    make_app, clock, tmp_path: Path
) -> None:
    """Problems listed below the way into a session make home scroll; the last session's
    two lines still both show (its height once stayed at the empty line's one)."""
    from datetime import timedelta

    from textual.widgets import Static

    from runstrength.core.records import SessionInfo, SetRecord
    from runstrength.store import TrainingLog

    log = TrainingLog(tmp_path / "log.json", clock=clock)
    started = clock.now() - timedelta(days=1)
    info = SessionInfo("long-name", "marathon-base-building-winter-block-with-hills", started)
    log.log_set(info, SetRecord("glute-bridge", 1, None, 15, 15, None, None, started))
    log.finish_session(info, "partial", started + timedelta(minutes=20), ["side-plank"])
    log.close()
    app = make_app(program="endurance")
    app.context.problems += [f"config.toml: line {n}: unknown key" for n in range(3, 9)]
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        last = app.screen.query_one("#last", Static)
        text = str(last.render())
        assert "1 exercise skipped" in text
        assert len(text) > last.size.width  # so it takes two lines
        assert last.size.height == 2


async def test_the_footer_says_there_is_more_only_while_home_scrolls(make_app) -> None:
    from tests.ui.screen_text import screen_lines

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "↑↓ More" not in screen_lines(app)[-1]  # all of home fits
    app = make_app(program="endurance")
    app.context.problems += [f"config.toml: line {n}: unknown key" for n in range(3, 9)]
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "↑↓ More" in screen_lines(app)[-1]
        assert "? Help" in screen_lines(app)[-1]
