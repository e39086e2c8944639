"""How each screen looks at 80x24 (SVG baselines in __snapshots__)."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot

from runstrength.screens.session import SessionScreen
from tests.ui.settling import settle

SIZE = (80, 24)


@pytest.fixture
def make_app(make_app):
    """The session screens here in the compact layout; test_floor_snapshots has the floor."""
    return functools.partial(make_app, session_layout="compact")


def drive(clock, *steps: object) -> Callable[[Pilot[None]], Awaitable[None]]:
    """A run_before that presses keys (str) and passes fake time (numbers) in order."""

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for step in steps:
            if isinstance(step, str):
                await pilot.press(step)
            else:
                assert isinstance(step, int | float)
                clock.advance(step)
                screen = pilot.app.screen
                assert isinstance(screen, SessionScreen)
                screen.tick()
            await settle(pilot)

    return run_before


def test_home(snap_compare, make_app, clock) -> None:
    """Home: today, the program, no session yet."""
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=drive(clock))


def test_warmup(snap_compare, make_app, clock) -> None:
    """Warm-up timer 100 s in, with the move list and the current move marked."""
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=drive(clock, "enter", 100))


def test_intro(snap_compare, make_app, clock) -> None:
    """The exercise intro card: muscles, equipment, target and form cues."""
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=drive(clock, "enter", "S"))


def test_set(snap_compare, make_app, clock) -> None:
    """A counted set with 7 of 15 reps."""
    keys = ["enter", "S", "enter"] + ["space"] * 7
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=drive(clock, *keys))


def test_rest(snap_compare, make_app, clock) -> None:
    """The rest timer after a saved set, with what comes next."""
    keys = ["enter", "S", "enter"] + ["space"] * 15 + ["enter", 4]
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=drive(clock, *keys))


def test_stretch(snap_compare, make_app, clock) -> None:
    """The stretch prompt after the last set, left side, with its hold timer."""
    keys = ["enter", "S", "enter", "enter", "s", "enter", 5]
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=drive(clock, *keys))


def test_hold(snap_compare, make_app, clock) -> None:
    """A timed hold (side plank, left side) counting down after its get-ready."""
    keys = ["enter", "S", "s", "enter", 5, 3]
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=drive(clock, *keys))


def test_summary(snap_compare, make_app, clock) -> None:
    """The summary of a completed session: sets and reps against targets, and duration."""
    keys: list[object] = ["enter", "S", "enter", *["space"] * 15, "enter", "s", *["space"] * 14]
    keys += ["enter", "s", "s", "enter", 5, 10, 5, 10, "s", "s"]
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=drive(clock, *keys))


def test_quit_dialog(snap_compare, make_app, clock) -> None:
    """Quitting mid-session asks first and says what is kept."""
    keys = ["enter", "S", "enter"] + ["space"] * 15 + ["enter", "q"]
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=drive(clock, *keys))


def test_help(snap_compare, make_app, clock) -> None:
    """? on the session screen lists its keys."""
    keys = ["enter", "question_mark"]
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=drive(clock, *keys))


def test_flash_when_muted(snap_compare, make_app, clock) -> None:
    """Sound off: a rest starting flashes a full-width band in the theme's colour."""
    keys = ["m", "enter", "S", "enter", *["space"] * 15, "enter"]
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=drive(clock, *keys))


def test_set_on_a_phone_sized_terminal(snap_compare, make_app, clock) -> None:
    """A session makes do with 60x20 (a terminal on a phone or tablet): count and target."""
    keys = ["S", "enter", "space", "space", "space"]
    app = make_app(start=True)
    assert snap_compare(app, terminal_size=(60, 20), run_before=drive(clock, *keys))


def test_summary_on_a_phone_sized_terminal(snap_compare, make_app, clock) -> None:
    """At 60x20 a stopped session's summary closes up and its table scrolls (↑↓ in the
    footer): what was kept, the way home and the effort question stay in sight."""
    app = make_app(program="endurance")
    app.start_with = app.context.programs.programs["endurance"]
    keys = ["S", "enter", *["space"] * 5, "enter", "q", "x", 2]
    assert snap_compare(app, terminal_size=(60, 20), run_before=drive(clock, *keys))


def test_too_small(snap_compare, make_app, clock) -> None:
    """Below 80x24 the app says so politely (home; a session makes do with 60x20)."""
    assert snap_compare(make_app(), terminal_size=(60, 18), run_before=drive(clock))


def test_hold_get_ready(snap_compare, make_app, clock) -> None:
    """Before a timed hold: a few seconds to get into position."""
    keys = ["enter", "S", "s", "enter", 2]
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=drive(clock, *keys))


def test_paused_set(snap_compare, make_app, clock) -> None:
    """A paused set says so next to the count."""
    keys = ["enter", "S", "enter", "space", "space", "p"]
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=drive(clock, *keys))
