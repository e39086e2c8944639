"""The summary after a session fits the smallest terminal a session accepts (60x20): every
sentence under the table, the way back to home and the effort question with its scale stay
in sight; the table gives way and scrolls with ↑ ↓ (offered in the footer when it must)."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from runstrength.app import RunStrengthApp
from runstrength.core.effort import scale_line
from runstrength.screens.session import SessionScreen
from runstrength.widgets.summary_table import SummaryTable
from tests.core.test_core_resume import step_through
from tests.ui.conftest import MakeApp
from tests.ui.screen_text import screen_lines
from tests.ui.test_effort_flow import help_keys
from tests.ui.test_snapshots import drive

SMALL = (60, 20)
STOPPED = "Stopped: the finished sets are kept as a partial session."


def endurance(make_app: MakeApp, **settings: object) -> RunStrengthApp:
    """The app straight into the endurance program: seven exercises, the longest table."""
    app = make_app(program="endurance", **settings)
    app.start_with = app.context.programs.programs["endurance"]
    return app


def session(app: RunStrengthApp) -> SessionScreen:
    assert isinstance(app.screen, SessionScreen)
    return app.screen


def words(app: RunStrengthApp) -> str:
    """The screen's text with its lines joined: a sentence wrapped is read whole."""
    return " ".join(" ".join(line.split()) for line in screen_lines(app))


def in_table(app: RunStrengthApp) -> str:
    """The table's rows in sight."""
    box = session(app).query_one(SummaryTable).region
    return " ".join(" ".join(line.split()) for line in screen_lines(app)[box.y : box.bottom])


def footer(app: RunStrengthApp) -> str:
    return screen_lines(app)[-1]


async def to_the_end(pilot: Pilot[None]) -> None:
    """Every step of the session done as planned, to its summary."""
    screen = session(pilot.app)  # type: ignore[arg-type]
    while not screen.engine.finished:
        screen.apply(step_through(screen.engine))
        await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def assert_way_on_in_sight(app: RunStrengthApp, *, asks_effort: bool = True) -> None:
    text = words(app)
    assert "enter back to home" in text
    if asks_effort:
        assert "How hard was it?" in text
        assert scale_line() in text
    assert "⏎/q Home" in footer(app)  # where enter (and q) go from the summary
    assert footer(app).rstrip().endswith("? Help")


@pytest.mark.parametrize("layout", ["floor", "compact"])
async def test_a_stopped_session_shows_every_sentence_and_the_way_on_at_60x20(
    make_app, clock, layout: str
) -> None:
    app = endurance(make_app, session_layout=layout)
    async with app.run_test(size=SMALL) as pilot:
        await drive(clock, "S", "enter", *["space"] * 5, "enter", "q", "x")(pilot)
        assert session(app).engine.finished
        text = words(app)
        assert STOPPED in text
        assert "1/16 sets · 5/224 reps" in text
        assert_way_on_in_sight(app)


async def test_the_table_that_does_not_fit_scrolls_with_the_keys_in_the_footer(
    make_app, clock
) -> None:
    app = endurance(make_app)
    async with app.run_test(size=SMALL) as pilot:
        await drive(clock, "S", "enter", *["space"] * 5, "enter", "q", "x")(pilot)
        table = session(app).query_one(SummaryTable)
        assert table.row_count == 7
        assert table.scrolls
        assert "↑↓ Scroll" in footer(app)
        assert "Band squat 1/2" in in_table(app)
        assert "Bird dog" not in in_table(app)
        await pilot.press("pagedown")
        await pilot.pause()
        assert "Bird dog 0/2" in in_table(app)
        assert "Band squat" not in in_table(app)
        assert "Exercise Sets" in in_table(app)  # its header stays
        await pilot.press("up", "up", "up", "up", "up", "up")
        await pilot.pause()
        assert "Band squat 1/2" in in_table(app)
        assert STOPPED in words(app)  # the rest stays where it was
        assert_way_on_in_sight(app)
        # The summary's help names them, while they scroll.
        assert await help_keys(pilot) == ["0-10", "backspace", "↑ / ↓", "enter", "q", "m", "?"]
        # Scrolling answers nothing and leaves nothing: enter still goes home.
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, SessionScreen)


async def test_a_completed_session_shows_the_way_on_and_the_effort_scale_at_60x20(
    make_app, clock
) -> None:
    app = endurance(make_app)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await to_the_end(pilot)
        screen = session(app)
        assert screen.engine.status == "completed"
        text = words(app)
        assert "Session complete" in text
        assert "16/16 sets" in text
        assert_way_on_in_sight(app)
        await pilot.press("7")
        await pilot.pause()
        assert "How hard was it? 7" in words(app)
        assert scale_line() in words(app)


async def test_a_table_that_fits_offers_no_scrolling(make_app, clock) -> None:
    app = make_app(start=True)  # the short program: two exercises
    async with app.run_test(size=SMALL) as pilot:
        await drive(clock, "S", "enter", *["space"] * 5, "enter", "q", "x")(pilot)
        table = session(app).query_one(SummaryTable)
        assert not table.scrolls
        assert table.size.height == 3  # its header and two rows, no more
        assert "Scroll" not in footer(app)
        assert "↑ / ↓" not in await help_keys(pilot)
        assert STOPPED in words(app)
        assert_way_on_in_sight(app)
        # Given more room, the table stays as tall as its rows.
        await pilot.resize_terminal(80, 40)
        await pilot.pause()
        assert table.size.height == 3


async def test_growing_the_terminal_shows_the_whole_table_and_drops_the_scroll_key(
    make_app, clock
) -> None:
    app = endurance(make_app)
    async with app.run_test(size=SMALL) as pilot:
        await drive(clock, "S", "enter", *["space"] * 5, "enter", "q", "x")(pilot)
        assert "↑↓ Scroll" in footer(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        table = session(app).query_one(SummaryTable)
        assert not table.scrolls
        assert "Scroll" not in footer(app)
        assert "↑ / ↓" not in await help_keys(pilot)
        text = words(app)
        assert "Band squat" in text
        assert "Bird dog" in text
        assert STOPPED in text
        assert_way_on_in_sight(app)


async def test_the_keys_that_scroll_are_not_offered_during_the_session(make_app, clock) -> None:
    app = endurance(make_app)
    async with app.run_test(size=SMALL) as pilot:
        await drive(clock, "S", "enter", "space")(pilot)
        assert "Scroll" not in footer(app)
        reps = session(app).engine.reps
        await pilot.press("down", "up")
        assert session(app).engine.reps == reps
