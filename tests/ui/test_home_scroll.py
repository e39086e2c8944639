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
