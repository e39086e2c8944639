"""The band of each band exercise comes from the log: the one last used, else the lightest."""

from __future__ import annotations

from datetime import timedelta

from textual.pilot import Pilot

from runstrength.core.catalogue import Catalogue
from runstrength.core.plan import IntroStep, SetStep
from runstrength.core.programs import Program, program_from_toml
from runstrength.core.records import SessionInfo, SetRecord
from runstrength.screens.session import SessionScreen

BAND_PROGRAM = """
name = "bands"
title = "Band work"
goal = "endurance"
rest_seconds = 15

[[exercise]]
id = "band-squat"
sets = 2
reps = 20

[[exercise]]
id = "lateral-band-walk"
sets = 1
reps = 16
"""


def band_program(catalogue: Catalogue) -> Program:
    return program_from_toml(BAND_PROGRAM, "bands.toml", catalogue)


def log_earlier(app, clock, days_ago: int, sets: list[tuple[int, int, str]]) -> None:
    """A finished session `days_ago` days back with band-squat sets (set, reps, band)."""
    log = app.context.log
    started = clock.now() - timedelta(days=days_ago)
    info = SessionInfo(id=f"earlier-{days_ago}", program="bands", started_at=started)
    for minute, (number, reps, band) in enumerate(sets):
        done = started + timedelta(minutes=minute + 1)
        log.log_set(info, SetRecord("band-squat", number, None, 20, reps, band, None, done))
    log.finish_session(info, "completed", started + timedelta(minutes=30))


async def start(pilot: Pilot[None], app, program: Program) -> SessionScreen:
    screen = SessionScreen(app.context, program)
    await app.push_screen(screen)
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen.apply(screen.engine.skip_warmup())
    await pilot.pause()
    assert isinstance(screen.engine.step, IntroStep)
    return screen


def text(screen: SessionScreen, selector: str) -> str:
    return str(screen.query_one(selector).render())


async def test_a_band_exercise_starts_on_the_band_last_used(make_app, clock, catalogue) -> None:
    app = make_app(bands=("red", "green", "blue"))
    async with app.run_test(size=(80, 24)) as pilot:
        log_earlier(app, clock, 4, [(1, 20, "red"), (2, 19, "red")])
        log_earlier(app, clock, 2, [(1, 18, "green"), (2, 16, "green")])
        screen = await start(pilot, app, band_program(catalogue))
        squat = screen.engine.step.entry.exercise  # type: ignore[union-attr]
        assert screen.engine.band_for(squat) == "green"
        assert "band: green" in text(screen, "#status")

        await pilot.press("enter")
        assert isinstance(screen.engine.step, SetStep)
        assert text(screen, "#last-time") == "green band: last time 18 · best 18"
        # The floor layout (the default) shows it too, beside the target.
        assert "green band: last time 18 · best 18" in text(screen, "#floor-goal")
        assert text(screen, "#floor-goal").startswith("of 20")
        await pilot.press("b")  # the numbers follow the band
        assert text(screen, "#last-time") == "blue band: nothing logged on it yet"
        await pilot.press("b")
        assert text(screen, "#last-time") == "red band: last time 20 · best 20"
        await pilot.press(*["space"] * 19, "enter")
        await app.workers.wait_for_complete()
        [done] = [s for s in app.context.log.sessions() if s.id == screen.engine.info.id]
        assert [(r.exercise, r.reps, r.band) for r in done.sets] == [("band-squat", 19, "red")]

        # An exercise never done with a band starts on the lightest.
        await pilot.press("s")  # the rest
        await pilot.press("s", "s")  # set 2, then the stretch
        while not isinstance(screen.engine.step, IntroStep):
            await pilot.press("s")
        walk = screen.engine.step.entry.exercise
        assert walk.id == "lateral-band-walk"
        assert screen.engine.band_for(walk) == "red"


async def test_a_band_no_longer_owned_gives_way_to_the_lightest(make_app, clock, catalogue) -> None:
    app = make_app(bands=("yellow", "red"))
    async with app.run_test(size=(80, 24)) as pilot:
        log_earlier(app, clock, 2, [(1, 18, "green")])
        screen = await start(pilot, app, band_program(catalogue))
        squat = screen.engine.step.entry.exercise  # type: ignore[union-attr]
        assert screen.engine.band_for(squat) == "yellow"


async def test_band_key_changes_the_band_each_set_is_logged_with(make_app, catalogue) -> None:
    app = make_app(bands=("red", "green"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot, app, band_program(catalogue))
        await pilot.press("enter")  # set 1, on the lightest band
        assert "band: red" in text(screen, "#status")
        await pilot.press("b", *["space"] * 20, "enter")
        await pilot.press("s")  # the rest: set 2 stays on the band chosen for set 1
        assert "band: green" in text(screen, "#status")
        await pilot.press("b", *["space"] * 20, "enter")  # past the heaviest: the lightest
        await app.workers.wait_for_complete()
        [done] = [s for s in app.context.log.sessions() if s.id == screen.engine.info.id]
        assert [(r.set, r.band) for r in done.sets] == [(1, "green"), (2, "red")]


async def test_band_key_is_not_offered_on_a_bodyweight_set(make_app) -> None:
    app = make_app(start=True, bands=("red", "green"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.press("S", "enter")  # the glute bridge's first set: bodyweight
        assert isinstance(screen.engine.step, SetStep)
        assert screen.check_action("band", ()) is False
        await pilot.press("b")
        assert "band" not in text(screen, "#status")


async def set_aside_and_resume(pilot: Pilot[None], app) -> SessionScreen:
    """q, l (continue later), then from home: enter, enter (resume)."""
    await pilot.press("q", "l")
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("enter")  # a new session asked for: the one set aside is offered
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("enter")  # resume
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, SessionScreen)
    return screen


async def test_a_band_picked_on_an_intro_survives_continue_later(make_app, catalogue) -> None:
    app = make_app(bands=("red", "green"), program="bands")
    app.context.programs.programs["bands"] = band_program(catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot, app, band_program(catalogue))
        await pilot.press("enter", *["space"] * 20, "enter")  # squat set 1, red
        await pilot.press("s", "s")  # its rest, then set 2
        while not isinstance(screen.engine.step, IntroStep):
            await pilot.press("s")
        assert screen.engine.step.entry.exercise.id == "lateral-band-walk"
        await pilot.press("b")
        assert "band: green" in text(screen, "#status")
        await pilot.press("enter", "space", "space")

        screen = await set_aside_and_resume(pilot, app)
        step = screen.engine.step
        assert isinstance(step, IntroStep | SetStep)
        assert step.entry.exercise.id == "lateral-band-walk"
        assert "band: green" in text(screen, "#status")
        if isinstance(step, IntroStep):
            await pilot.press("enter")
        assert text(screen, "#last-time") == "green band: nothing logged on it yet"
        await pilot.press(*["space"] * 16, "enter")
        await app.workers.wait_for_complete()
        [done] = [s for s in app.context.log.sessions() if s.id == screen.engine.info.id]
        assert [(r.exercise, r.set, r.band) for r in done.sets] == [
            ("band-squat", 1, "red"),
            ("lateral-band-walk", 1, "green"),
        ]


async def test_a_band_picked_for_the_next_set_survives_continue_later(make_app, catalogue) -> None:
    app = make_app(bands=("red", "green", "blue"), program="bands")
    app.context.programs.programs["bands"] = band_program(catalogue)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot, app, band_program(catalogue))
        await pilot.press("enter", *["space"] * 20, "enter")  # squat set 1, red: a rest
        await pilot.press("b")  # green for set 2, picked during the rest
        assert "band: green" in text(screen, "#status")

        screen = await set_aside_and_resume(pilot, app)
        assert "band: green" in text(screen, "#status")
        # Set aside and resumed again: the band still holds.
        screen = await set_aside_and_resume(pilot, app)
        step = screen.engine.step
        assert isinstance(step, SetStep)
        assert step.set_number == 2
        await pilot.press(*["space"] * 20, "enter")
        await app.workers.wait_for_complete()
        [done] = [s for s in app.context.log.sessions() if s.id == screen.engine.info.id]
        assert [(r.set, r.band) for r in done.sets] == [(1, "red"), (2, "green")]


async def test_a_band_picked_survives_a_session_cut_off(make_app, catalogue) -> None:
    """The app killed after b, before a set on that band: the resumed set keeps it."""
    app = make_app(bands=("red", "green"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot, app, band_program(catalogue))
        await pilot.press("enter", *["space"] * 20, "enter")  # set 1, on red
        await pilot.press("b")  # the rest: green for set 2
        assert "band: green" in text(screen, "#status")
        await app.workers.wait_for_complete()
    app.context.log.close()
    # No set aside, no end: a new app over the log as the killed one left it.
    again = make_app(bands=("red", "green"))
    async with again.run_test(size=(80, 24)) as pilot:
        [cut_off] = [s for s in again.context.log.sessions() if s.status == "in-progress"]
        screen = SessionScreen(again.context, band_program(catalogue), resume=cut_off)
        await again.push_screen(screen)
        await again.workers.wait_for_complete()
        await pilot.pause()
        step = screen.engine.step
        assert isinstance(step, SetStep)
        assert step.set_number == 2
        assert "band: green" in text(screen, "#status")
        await pilot.press(*["space"] * 20, "enter")
        await again.workers.wait_for_complete()
        [done] = [s for s in again.context.log.sessions() if s.id == cut_off.id]
        assert [(r.set, r.band) for r in done.sets] == [(1, "red"), (2, "green")]


async def test_the_hint_counts_the_sets_of_this_session(make_app, catalogue) -> None:
    """A new log, set 1 on red: set 2 does not say nothing was logged on red."""
    app = make_app(bands=("red", "green"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start(pilot, app, band_program(catalogue))
        await pilot.press("enter")
        assert text(screen, "#last-time") == "red band: nothing logged on it yet"
        await pilot.press(*["space"] * 18, "enter", "s")  # set 1: 18 reps, then the rest
        step = screen.engine.step
        assert isinstance(step, SetStep)
        assert step.set_number == 2
        assert text(screen, "#last-time") == "red band: best today 18"
        await pilot.press("b")  # nothing on green, this session or before
        assert text(screen, "#last-time") == "green band: nothing logged on it yet"
