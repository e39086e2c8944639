"""Home's title bar: the title where the other screens' Header has it, today's date on
the right (following the day at midnight), and the icon that opens the palette."""

from __future__ import annotations

from textual.command import CommandPalette

from runstrength.screens.home import HomeScreen
from runstrength.widgets.title_bar import TitleBar
from tests.ui.screen_text import screen_lines


async def test_the_bar_has_the_title_where_the_header_has_it_and_the_date(make_app, clock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        home_line = screen_lines(app)[0]
        assert home_line.rstrip().endswith(f"{clock.now():%A %-d %B %Y}")
        await pilot.press("h")  # the history has Textual's Header
        await pilot.pause()
        assert not isinstance(app.screen, HomeScreen)
        header_line = screen_lines(app)[0]
        assert home_line.index("runstrength") == header_line.index("runstrength")
        assert home_line.index("⭘") == header_line.index("⭘")


async def test_the_date_follows_the_day_after_midnight(make_app, clock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        before = f"{clock.now():%A %-d %B %Y}"
        assert app.screen.query_one(TitleBar).right == before
        clock.advance(24 * 3600)
        app.screen.load_last_session()  # as when a screen above it closes
        await app.workers.wait_for_complete()
        await pilot.pause()
        after = app.screen.query_one(TitleBar).right
        assert after == f"{clock.now():%A %-d %B %Y}" != before


async def test_clicking_the_icon_opens_the_palette(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.click(TitleBar, offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


def test_a_narrow_bar_gives_up_the_date_not_the_title() -> None:
    bar = TitleBar()
    bar.right = "Wednesday 30 September 2026"
    assert "runstrength" in bar.title_line(40, "runstrength")
    assert "September" not in bar.title_line(40, "runstrength")
    assert bar.title_line(80, "runstrength").endswith("September 2026 ")
