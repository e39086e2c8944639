"""History screens on a generated year of sessions: the table, detail, progress, overview."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.widgets import DataTable, Input, OptionList

from runstrength.core.history import SessionFilter
from runstrength.screens.history import HistoryScreen
from runstrength.screens.history_filter import FilterDialog
from runstrength.screens.overview import OverviewScreen
from runstrength.screens.progress import ProgressScreen
from runstrength.screens.session_detail import SessionDetailScreen
from tests.sample_history import sample_history
from tests.ui.screen_text import screen_lines

SIZE = (80, 24)


@pytest.fixture
def history_app(make_app, clock):
    app = make_app()
    program = app.context.programs.get("endurance")
    year = sample_history(
        program,
        app.context.settings.bands,
        until=date(2026, 11, 23),
        weeks=52,
        zone=clock.now().tzinfo,
    )
    added, skipped = app.context.log.add_sessions(year)
    assert (added, skipped) == (len(year), 0)
    app.year = year
    return app


async def wait_until_filled(pilot, screen: HistoryScreen) -> None:
    """The table gets its rows a batch at a time, each after a paint."""
    for _ in range(500):
        if screen.filled:
            return
        await pilot.pause(0.01)
    raise AssertionError("the sessions table was never filled")


async def open_history(pilot) -> HistoryScreen:
    await pilot.press("h")
    screen = pilot.app.screen
    assert isinstance(screen, HistoryScreen)
    # The log is read in a worker that starts after the first frame.
    await wait_until_filled(pilot, screen)
    await pilot.app.workers.wait_for_complete()
    # The table sizes its columns when idle after the rows arrive.
    await pilot.pause(0.1)
    await pilot.pause()
    return screen


async def press_for_sets(pilot, key: str) -> None:
    """Progress and overview open once every set is read (in a worker)."""
    await pilot.press(key)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_sessions_table_newest_first_and_filter(history_app) -> None:
    async with history_app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        table = screen.query_one(DataTable)
        assert table.row_count == len(history_app.year)
        newest = max(history_app.year, key=lambda s: s.info.started_at)
        assert str(table.get_row_at(0)[0]) == f"{newest.date:%a %Y-%m-%d}"
        await pilot.press("slash")
        assert isinstance(history_app.screen, FilterDialog)
        history_app.screen.query_one("#since", Input).value = "2026-11-01"
        await pilot.press("enter")
        expected = [s for s in history_app.year if s.date >= date(2026, 11, 1)]
        assert table.row_count == len(expected)
        await pilot.press("slash")
        history_app.screen.query_one("#since", Input).value = "2026-13-01"
        await pilot.press("enter")
        assert isinstance(history_app.screen, FilterDialog)
        error = str(history_app.screen.query_one("#filter-error").render())
        assert "2026-13-01 is not a real date: there is no month 13" in error
        history_app.screen.query_one("#since", Input).value = "2026-02-30"
        await pilot.press("enter")
        error = str(history_app.screen.query_one("#filter-error").render())
        assert "2026-02-30 is not a real date: February 2026 has 28 days" in error
        assert "YYYY-MM-DD" not in error
        history_app.screen.query_one("#since", Input).value = "1 Nov"
        await pilot.press("enter")
        error = str(history_app.screen.query_one("#filter-error").render())
        assert "write it as YYYY-MM-DD" in error
        await pilot.press("escape")
        assert table.row_count == len(expected)


async def test_a_new_filter_while_the_table_fills_replaces_its_rows(history_app) -> None:
    async with history_app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        table = screen.query_one(DataTable)
        screen.refill()  # every row again, a batch at a time
        assert not screen.filled
        assert 0 < table.row_count < len(history_app.year)
        screen.filter = SessionFilter(since=date(2026, 6, 1))
        screen.refill()
        await wait_until_filled(pilot, screen)
        await pilot.pause()
        expected = [s for s in history_app.year if s.date >= date(2026, 6, 1)]
        assert len(expected) > 40, "more than one batch"
        assert table.row_count == len(expected)
        newest = max(expected, key=lambda s: s.info.started_at)
        assert str(table.get_row_at(0)[0]) == f"{newest.date:%a %Y-%m-%d}"


async def test_enter_opens_the_session_detail(history_app) -> None:
    async with history_app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("enter")
        detail = history_app.screen
        assert isinstance(detail, SessionDetailScreen)
        newest = max(history_app.year, key=lambda s: s.info.started_at)
        assert detail.query_one(DataTable).row_count == len(newest.sets)
        await pilot.press("escape")
        assert isinstance(history_app.screen, HistoryScreen)


async def test_the_last_row_of_a_session_is_reachable_and_deleting_names_the_side(
    history_app,
) -> None:
    async with history_app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("enter")
        detail = history_app.screen
        table = detail.query_one(DataTable)
        table.move_cursor(row=table.row_count - 1)
        await pilot.pause()
        await pilot.pause()
        last = [str(cell) for cell in table.get_row_at(table.row_count - 1)]
        lines = screen_lines(history_app)
        assert any(last[0] in line and last[-1] in line for line in lines[:-1]), lines
        # Every row, the last included, can be brought into view above the footer.
        footer_row = len(lines) - 1
        assert table.region.bottom <= footer_row
        plank = next(
            i for i in range(table.row_count) if str(table.get_row_at(i)[0]) == "Side plank"
        )
        table.move_cursor(row=plank + 1)
        await pilot.press("x")
        question = "\n".join(screen_lines(history_app))
        assert "Side plank, set 1 (right)" in question


async def test_progress_and_overview(history_app) -> None:
    async with history_app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await press_for_sets(pilot, "p")
        progress = history_app.screen
        assert isinstance(progress, ProgressScreen)
        assert progress.query_one(OptionList).option_count == len(
            history_app.context.programs.get("endurance").entries
        )
        assert "Best set per band" in str(progress.query_one("#bests").render())
        await pilot.press("escape")
        await press_for_sets(pilot, "o")
        overview = history_app.screen
        assert isinstance(overview, OverviewScreen)
        text = " ".join(screen_lines(history_app))
        assert "Streak" in text
        assert "Rest days kept" in text
        text = str(overview.query_one("#rest-days").render()).replace("\n", " ")
        today = date(2026, 11, 23)
        lived = {s.date for s in history_app.year if s.sets and s.date < today - timedelta(days=1)}
        assert f"of {len(lived)} strength days were followed by rest" in text
        heading = str(overview.query_one("#muscles-heading").render())
        assert "last 12 weeks" in heading
        await pilot.press("p")
        assert "last year" in str(overview.query_one("#muscles-heading").render())


async def test_empty_history_says_so(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        assert "No sessions yet" in str(screen.query_one("#filter-line").render())


def test_snapshot_history(snap_compare, history_app) -> None:
    """The sessions table on a year of history."""

    async def run_before(pilot) -> None:
        await open_history(pilot)

    assert snap_compare(history_app, terminal_size=SIZE, run_before=run_before)


def test_snapshot_progress(snap_compare, history_app) -> None:
    """Progress of the first exercise: chart, bests per band."""

    async def run_before(pilot) -> None:
        await open_history(pilot)
        await press_for_sets(pilot, "p")

    assert snap_compare(history_app, terminal_size=SIZE, run_before=run_before)


def test_snapshot_overview(snap_compare, history_app) -> None:
    """Weekly bars, streaks, reps per muscle and rest days."""

    async def run_before(pilot) -> None:
        await open_history(pilot)
        await press_for_sets(pilot, "o")

    assert snap_compare(history_app, terminal_size=SIZE, run_before=run_before)


def test_snapshot_detail(snap_compare, history_app) -> None:
    """One session's sets."""

    async def run_before(pilot) -> None:
        await open_history(pilot)
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(history_app, terminal_size=SIZE, run_before=run_before)


async def written(pilot) -> None:
    """Wait for the log's writer, then for its result on screen."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_correct_and_delete_a_set_then_the_session(history_app) -> None:
    from runstrength.screens.edit_dialogs import ConfirmDialog, CorrectSetDialog

    newest = max(history_app.year, key=lambda s: s.info.started_at)
    async with history_app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("enter", "c")
        dialog = history_app.screen
        assert isinstance(dialog, CorrectSetDialog)
        dialog.query_one("#amount", Input).value = "abc"
        await pilot.press("enter")
        assert "whole number" in str(dialog.query_one("#correct-error").render())
        dialog.query_one("#amount", Input).value = "12"
        await pilot.press("enter")
        await written(pilot)
        detail = history_app.screen
        assert isinstance(detail, SessionDetailScreen)
        logged = next(s for s in history_app.context.log.sessions() if s.id == newest.id)
        first = min(logged.sets, key=lambda r: r.completed_at)
        assert first.reps == 12
        assert first.edited_at is not None
        assert "(edited)" in detail.query_one(DataTable).get_row_at(0)[3]

        await pilot.press("x")
        assert isinstance(history_app.screen, ConfirmDialog)
        await pilot.press("n")
        assert len(detail.session.sets) == len(newest.sets)
        await pilot.press("x", "y")
        await written(pilot)
        assert len(detail.session.sets) == len(newest.sets) - 1
        assert detail.query_one(DataTable).row_count == len(newest.sets) - 1

        await pilot.press("D", "y")
        await history_app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(history_app.screen, HistoryScreen)
        await wait_until_filled(pilot, history_app.screen)
        ids = {s.id for s in history_app.context.log.sessions()}
        assert newest.id not in ids
        assert len(ids) == len(history_app.year) - 1
        assert history_app.screen.query_one(DataTable).row_count == len(history_app.year) - 1


def test_snapshot_delete_confirmation(snap_compare, history_app) -> None:
    """Deleting a set asks first and says what goes."""

    async def run_before(pilot) -> None:
        await open_history(pilot)
        await pilot.press("enter", "x")
        await pilot.pause()

    assert snap_compare(history_app, terminal_size=SIZE, run_before=run_before)


async def test_a_filter_that_matches_nothing_says_so(history_app) -> None:
    async with history_app.run_test(size=SIZE) as pilot:
        screen = await open_history(pilot)
        await pilot.press("slash")
        history_app.screen.query_one("#since", Input).value = "2026-11-22"
        history_app.screen.query_one("#until", Input).value = "2026-11-22"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one(DataTable).row_count == 0
        line = str(screen.query_one("#filter-line").render())
        assert "No session matches 2026-11-22 to 2026-11-22" in line


async def test_the_band_of_a_set_is_picked_with_keys(history_app) -> None:
    from runstrength.screens.edit_dialogs import CorrectSetDialog

    async with history_app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("enter", "c")
        dialog = history_app.screen
        assert isinstance(dialog, CorrectSetDialog)
        first = dialog.record
        await pilot.press("tab", "enter")  # the band list opens instead of saving
        await pilot.pause()
        assert history_app.screen is dialog
        bands = history_app.context.settings.bands
        assert first.band == bands[-1]  # on the heaviest band owned: one lighter is a change
        await pilot.press("end", "up", "enter")
        await pilot.pause()
        assert history_app.screen is dialog
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert history_app.screen is not dialog
        await history_app.workers.wait_for_complete()
        sessions = history_app.context.log.sessions()
        corrected = next(r for s in sessions for r in s.sets if r.key == first.key)
        assert corrected.band == bands[-2]
        assert corrected.edited_at is not None


async def test_an_edit_is_written_off_the_ui_thread_and_lands_after_its_screen_closes(
    history_app, monkeypatch
) -> None:
    import threading
    import time

    log = history_app.context.log
    delete_set = log.delete_set
    threads: list[str] = []

    def slow_delete(key: str) -> None:
        threads.append(threading.current_thread().name)
        time.sleep(0.2)  # a slow disk: the screen is closed before the write ends
        delete_set(key)

    monkeypatch.setattr(log, "delete_set", slow_delete)
    newest = max(history_app.year, key=lambda s: s.info.started_at)
    async with history_app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("enter", "x", "y", "escape")
        assert isinstance(history_app.screen, HistoryScreen)
        await written(pilot)
    assert threads == ["log-writer"]
    [logged] = [s for s in log.sessions() if s.id == newest.id]
    assert len(logged.sets) == len(newest.sets) - 1


async def test_quitting_waits_for_a_write_still_pending(history_app, monkeypatch) -> None:
    import time

    log = history_app.context.log
    delete_session = log.delete_session

    def slow_delete(session_id: str) -> None:
        time.sleep(0.3)  # a slow disk: q is pressed while the write is under way
        delete_session(session_id)

    monkeypatch.setattr(log, "delete_session", slow_delete)
    newest = max(history_app.year, key=lambda s: s.info.started_at)
    async with history_app.run_test(size=SIZE) as pilot:
        await open_history(pilot)
        await pilot.press("enter", "D", "y")
        await history_app.run_action("quit")  # returns once pending writes have landed
    assert newest.id not in {s.id for s in log.sessions()}
