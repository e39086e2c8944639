"""How home looks on a rest day and how the calendar looks, at 80x24 (SVG baselines)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.pilot import Pilot

from tests.ui.restday_seed import seed
from tests.ui.settling import settle

SIZE = (80, 24)


def keys(*presses: str):
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for key in presses:
            await pilot.press(key)
            await settle(pilot)

    return run_before


def test_home_on_a_rest_day(snap_compare, make_app, clock, tmp_path: Path) -> None:
    """Yesterday's session makes today a rest day: the reason and the next date show, and
    the recovery routine is offered (r, in the hint and the footer) instead of a session."""
    seed(tmp_path, clock)
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=keys())


def test_calendar(snap_compare, make_app, clock, tmp_path: Path) -> None:
    """The month with trained, rest, scheduled days and today; a refused add inline."""
    seed(
        tmp_path,
        clock,
        logged_offsets=(-12, -9, -6, -3),
        planned=[(date(2026, 11, 26), "short"), (date(2026, 11, 29), "sprint")],
    )
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=keys("c", "right", "right", "a"))


def test_calendar_light_theme(snap_compare, make_app, clock, tmp_path: Path) -> None:
    """The calendar in the light theme, with a day selected next month."""
    seed(tmp_path, clock, logged_offsets=(-2,), planned=[(date(2026, 12, 3), "short")])
    assert snap_compare(
        make_app(theme="textual-light"),
        terminal_size=SIZE,
        run_before=keys("c", "right_square_bracket", "down"),
    )
