"""The session footer offers, step by step, only the keys that act, and names what s skips."""

from __future__ import annotations

from textual.pilot import Pilot

from runstrength.core.plan import IntroStep, RestStep, SetStep, StretchStep, WarmupStep
from runstrength.core.session_state import NOTE_SECONDS
from runstrength.screens.session import SessionScreen
from tests.ui.screen_text import screen_lines


def session(pilot: Pilot[None]) -> SessionScreen:
    screen = pilot.app.screen
    assert isinstance(screen, SessionScreen)
    return screen


def footer(pilot: Pilot[None]) -> dict[str, str]:
    """The session's own keys in the footer now: key shown → its label."""
    screen = session(pilot)
    shown = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if active.node is screen and binding.show and active.enabled:
            shown[binding.key_display or binding.key] = binding.description
    return shown


async def pass_time(pilot: Pilot[None], clock, seconds: float) -> None:
    clock.advance(seconds)
    session(pilot).tick()
    await pilot.pause()


async def test_each_step_shows_only_its_keys(make_app, clock) -> None:
    app = make_app(start=True, bands=("red", "green"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session(pilot)
        assert isinstance(screen.engine.step, WarmupStep)
        keys = footer(pilot)
        assert keys["s"] == "Next move"
        assert keys["S"] == "Skip warm-up"
        for absent in ("space", "backspace", "t", "b"):
            assert absent not in keys
        assert {"p", "+/-", "enter", "q"} <= keys.keys()

        await pilot.press("s")  # the next move, not the whole warm-up
        assert isinstance(screen.engine.step, WarmupStep)
        assert "S skips the whole warm-up" in str(screen.query_one("#status").render())
        await pilot.press("S")
        assert isinstance(screen.engine.step, IntroStep)
        keys = footer(pilot)
        assert keys["s"] == "Skip exercise"
        assert "S" not in keys
        assert "t" in keys  # tempo can be set for the counted sets to come
        for absent in ("space", "p", "+/-", "b"):  # nothing runs; the bridge needs no band
            assert absent not in keys

        await pilot.press("enter")
        assert footer(pilot)["s"] == "Skip set"
        assert {"space", "t"} <= footer(pilot).keys()
        await pilot.press("space")
        assert footer(pilot)["s"] == "End set"
        await pilot.press("s")  # ends the set with the one rep counted
        assert isinstance(screen.engine.step, RestStep)
        assert "Set ended at 1 rep: kept" in str(screen.query_one("#status").render())
        assert footer(pilot)["s"] == "Skip rest"
        await pilot.press("s", *["space"] * 15, "enter")
        assert isinstance(screen.engine.step, StretchStep)
        keys = footer(pilot)
        side = screen.engine.step.side
        # One side of a stretch held on each side: s skips that side, the other is held.
        assert keys["s"] == ("Skip side" if side else "Skip stretch")
        for absent in ("t", "b", "space"):
            assert absent not in keys


async def test_s_cuts_a_hold_short_and_keeps_the_seconds_held(make_app, clock) -> None:
    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session(pilot)
        await pilot.press("S", "s")  # the warm-up, then the glute bridge
        assert isinstance(screen.engine.step, IntroStep)
        await pilot.press("enter")
        assert footer(pilot)["s"] == "Skip get-ready"
        await pass_time(pilot, clock, 5)
        assert not screen.engine.getting_ready
        # For a moment s still means what the footer said as the get-ready ran out.
        assert footer(pilot)["s"] == "Skip get-ready"
        await pass_time(pilot, clock, 1)
        assert footer(pilot)["s"] == "End hold"
        await pass_time(pilot, clock, 6)
        await pilot.press("s")
        step = screen.engine.step
        assert isinstance(step, SetStep)
        assert step.side == "right"
        assert "Hold ended at 7 s: kept" in str(screen.query_one("#status").render())
        await app.workers.wait_for_complete()
        [logged] = app.context.log.sessions()
        assert [(r.exercise, r.side, r.seconds) for r in logged.sets] == [("side-plank", "left", 7)]


async def test_help_names_the_second_skip_key(make_app) -> None:
    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = " ".join(screen_lines(app))
        assert "skip the whole warm-up" in text
        assert "keeps its seconds or reps" in text


async def test_plus_and_minus_on_a_rest_change_the_total_shown_beside_it(make_app) -> None:
    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session(pilot)
        await pilot.press("S", "enter", *["space"] * 15, "enter")
        assert isinstance(screen.engine.step, RestStep)

        def goal() -> str:
            return str(screen.query_one("#floor-goal").render())

        assert goal() == "of 15 s"
        await pilot.press("plus")
        assert goal() == "of 30 s"
        await pilot.press("minus")
        assert goal() == "of 15 s"


async def test_word_of_a_skip_stays_with_the_step_after_it_only_briefly(make_app, clock) -> None:
    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session(pilot)

        def status() -> str:
            return str(screen.query_one("#status").render())

        await pilot.press("S", "enter", *["space"] * 15, "enter", "s")
        assert "Rest skipped" in status()
        await pass_time(pilot, clock, NOTE_SECONDS)  # no timer runs on a counted set
        assert "Rest skipped" not in status()
        await pilot.press(*["space"] * 15, "enter", "s")  # set 2, then its stretch skipped
        assert "Stretch skipped (left side)" in status()
        await pilot.press("s", "s")  # the other side, and the plank on its card
        assert screen.engine.finished
        assert "skipped" not in status()  # the summary's table says what was skipped


async def test_s_while_getting_ready_skips_only_the_countdown(make_app, clock) -> None:
    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session(pilot)
        await pilot.press("S", "s", "enter")  # to the side plank's get-ready
        assert screen.engine.getting_ready
        assert "s Skip get-ready" in screen_lines(app)[-1]  # the footer says so, at 80 columns
        await pass_time(pilot, clock, 2)
        await pilot.press("s")
        step = screen.engine.step
        assert isinstance(step, SetStep)
        assert (step.entry.exercise.id, step.side) == ("side-plank", "left")
        assert not screen.engine.getting_ready  # the hold runs, its full length
        assert str(screen.query_one("#floor-goal").render()).startswith("of 10 s")
        assert footer(pilot)["s"] == "End hold"
