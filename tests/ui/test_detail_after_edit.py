"""Session detail after an edit at 80x24: the rebuilt table shows its rows whole, wherever
the cursor was and whenever the write lands (even while its dialog is still closing)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.widgets import DataTable, Input

from runstrength.screens.edit_dialogs import CorrectSetDialog
from runstrength.screens.session_detail import SessionDetailScreen
from tests.ui.screen_text import screen_lines
from tests.ui.test_history_screens import history_app, open_history, written

__all__ = ["history_app"]  # the fixture, used by name


def rows_shown(detail: SessionDetailScreen) -> list[str]:
    """The table's rows as drawn on screen, its header left out."""
    table = detail.query_one(DataTable)
    lines = screen_lines(detail.app)[table.region.y + 1 : table.region.bottom]
    return [line for line in lines if line.strip()]


def expect_full(detail: SessionDetailScreen) -> None:
    """As many rows as fit, each with its cells whole (no column squeezed to its heading)."""
    table = detail.query_one(DataTable)
    shown = rows_shown(detail)
    assert len(shown) == min(table.row_count, table.region.height - 1)
    assert 0 <= table.scroll_y <= table.max_scroll_y
    for offset, line in enumerate(shown):
        cells = [str(cell) for cell in table.get_row_at(round(table.scroll_y) + offset)]
        assert line.split() == " ".join(cells).split(), (line, cells)


async def open_detail(pilot) -> SessionDetailScreen:
    await open_history(pilot)
    await pilot.press("enter")
    await pilot.pause()
    detail = pilot.app.screen
    assert isinstance(detail, SessionDetailScreen)
    expect_full(detail)
    return detail


@pytest.mark.parametrize("cursor", [0, 12, 23])
async def test_the_table_keeps_its_rows_after_a_correction(history_app, cursor: int) -> None:
    async with history_app.run_test(size=(80, 24)) as pilot:
        detail = await open_detail(pilot)
        detail.query_one(DataTable).move_cursor(row=cursor)
        await pilot.pause()
        for reps in (9, 8, 7):  # the table went wrong only now and then: again
            await pilot.press("c")
            assert isinstance(history_app.screen, CorrectSetDialog)
            history_app.screen.query_one("#amount", Input).value = str(reps)
            await pilot.press("enter")
            await written(pilot)
            assert history_app.screen is detail
            assert detail.query_one(DataTable).cursor_row == cursor
            shown = rows_shown(detail)
            assert any(f"{reps}/" in row and "(edited)" in row for row in shown), shown
            expect_full(detail)


async def test_a_change_landing_while_a_dialog_is_open_shows_whole(history_app) -> None:
    """The write lands while a dialog is still over the screen (the runner was quick, or
    the disk slow): once the dialog is gone the table shows it, every row whole."""
    async with history_app.run_test(size=(80, 24)) as pilot:
        detail = await open_detail(pilot)
        session = detail.session
        first = min(session.sets, key=lambda r: r.completed_at)
        edited = first._replace(reps=7, edited_at=first.completed_at)
        fresh = replace(session, sets=[edited if r is first else r for r in session.sets])
        await pilot.press("c")
        assert isinstance(history_app.screen, CorrectSetDialog)
        detail.post_message(SessionDetailScreen.Changed(fresh, "Set corrected", close=False))
        await pilot.press("escape")
        await pilot.pause()
        assert history_app.screen is detail
        assert "7/20 reps (edited)" in rows_shown(detail)[0]
        expect_full(detail)


async def test_saving_a_correction_that_changes_nothing_writes_nothing(history_app) -> None:
    """c, then enter at once: the set is as it was, not "(edited)", and the log is not written."""
    async with history_app.run_test(size=(80, 24)) as pilot:
        detail = await open_detail(pilot)
        log = history_app.context.log
        before = log.sessions()
        await pilot.press("c")
        assert isinstance(history_app.screen, CorrectSetDialog)
        await pilot.press("enter")
        await written(pilot)
        assert history_app.screen is detail
        assert not any("(edited)" in row for row in rows_shown(detail))
        assert log.sessions() == before
        assert not any(r.edited_at for s in log.sessions() for r in s.sets)
