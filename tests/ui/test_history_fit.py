"""The sessions table at 80 columns, the narrowest the app accepts: every column in sight,
with the widest rows a log makes; what a narrow table cuts short is whole in the detail."""

from __future__ import annotations

import re

from textual.widgets import DataTable

from runstrength.screens.session_detail import SessionDetailScreen
from tests.ui.screen_text import screen_lines, screen_text
from tests.ui.test_history_screens import open_history
from tests.wide_history import LONG_PROGRAM, wide_sessions

HEADERS = ("Date", "Program", "Time", "Sets", "Reps", "Done", "Effort")


def seeded(make_app, clock):
    app = make_app()
    added, _ = app.context.log.add_sessions(wide_sessions(clock.now().tzinfo))
    assert added == 4
    return app


def table_lines(app) -> list[str]:
    """The table's rows on screen, header first (below the title and the count)."""
    table = app.screen.query_one(DataTable)
    top = table.region.y
    return screen_lines(app)[top : top + 1 + table.row_count]


def cells(line: str) -> list[str]:
    """A row's cells as read on screen: text apart by two spaces or more."""
    return re.split(r"\s{2,}", line.strip())


async def sized(pilot, newest: str = "Fri 2026-11-20") -> None:
    """The table sizes its columns when idle, after the rows arrive."""
    for _ in range(200):
        if newest in cells(table_lines(pilot.app)[1]):
            return
        await pilot.pause(0.01)
    raise AssertionError(f"the newest row is not whole: {table_lines(pilot.app)}")


async def test_every_column_is_in_sight_at_80_columns(make_app, clock) -> None:
    app = seeded(make_app, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        await sized(pilot)
        table = screen.query_one(DataTable)
        assert table.max_scroll_x == 0  # nothing hides to the right
        header, long, aside, recovery, plain = table_lines(app)
        assert cells(header) == list(HEADERS)
        # Numbers are never cut, and each row says how it ended.
        for shown in ("1 h 05 min", "120", "12000", "100%", "10", "partial"):
            assert shown in cells(long), (shown, long)
        assert "hills-and" in long
        assert "…" in long  # the long name, cut short on purpose
        assert "set aside" in aside
        assert "recovery" in recovery
        assert "46 min" in plain
        assert "endurance" in plain
        for line in (header, long, aside, recovery, plain):
            assert len(line.rstrip()) <= 80


async def test_the_detail_says_in_full_what_the_table_cut_short(make_app, clock) -> None:
    app = seeded(make_app, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(pilot)
        assert LONG_PROGRAM not in screen_text(app)
        await pilot.press("enter")  # the newest: the long one
        await pilot.pause()
        assert isinstance(app.screen, SessionDetailScreen)
        text = screen_text(app)
        assert LONG_PROGRAM in text
        assert "Skipped: Side plank, Clamshell, Dead bug" in text


async def test_a_wide_terminal_shows_every_word_and_a_resize_keeps_the_row(make_app, clock) -> None:
    app = seeded(make_app, clock)
    async with app.run_test(size=(140, 30)) as pilot:
        screen = await open_history(pilot)
        await sized(pilot)
        _, long, aside, _, _ = table_lines(app)
        assert LONG_PROGRAM in long
        assert "partial · 3 exercises skipped" in long
        assert "set aside · 1 exercise skipped" in aside
        await pilot.press("down", "down")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        table = screen.query_one(DataTable)
        assert table.max_scroll_x == 0
        assert LONG_PROGRAM not in screen_text(app)
        assert table.cursor_row == 2
