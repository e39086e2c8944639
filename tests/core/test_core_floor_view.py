"""What the floor layout shows for each step: phase, side, target, set and what comes next."""

from __future__ import annotations

from runstrength.core.engine import READY_SECONDS, SessionEngine
from runstrength.core.plan import IntroStep, RestStep, SetStep, StretchStep, SummaryStep
from runstrength.core.view import StepView, describe, flash_for


def until(engine: SessionEngine, kind: type, **match: object) -> StepView:
    """Skip ahead (enter or s) until the current step is of this kind and matches."""
    for _ in range(100):
        step = engine.step
        if isinstance(step, kind) and all(getattr(step, k) == v for k, v in match.items()):
            return describe(engine)
        engine.skip() if isinstance(step, SetStep) else engine.proceed()
    raise AssertionError(f"no {kind.__name__} {match}")


def test_the_warmup_names_the_move_and_the_next_one(engine: SessionEngine, catalogue) -> None:
    engine.start()
    view = describe(engine)
    moves = catalogue.warmup
    assert (view.phase, view.band, view.side) == ("WARM-UP", "warmup", "")
    assert view.title.startswith(moves[0].name)
    assert view.set_text.startswith(f"Warm-up · move 1 of {len(moves)} · ")
    assert view.goal == "of 1:00"
    assert view.coming == f"Next: {moves[1].name}"
    assert view.cues == moves[0].cues


def test_the_intro_says_up_next_and_the_first_set(engine: SessionEngine) -> None:
    engine.start()
    view = until(engine, IntroStep, number=1)
    assert (view.phase, view.band) == ("UP NEXT", "intro")
    assert view.title == "Glute bridge"
    assert view.set_text == "Exercise 1 of 3 · 2 × 15 reps"
    assert view.big == "15"
    assert view.goal == "reps × 2 sets"
    assert view.coming == "Next: set 1 of 2 · 15 reps"


def test_a_counted_set_shows_the_target_the_set_and_the_rest_to_come(
    engine: SessionEngine,
) -> None:
    engine.start()
    until(engine, SetStep, set_number=1)
    engine.count(1)
    engine.count(1)
    view = describe(engine)
    assert (view.phase, view.band, view.side) == ("WORK", "work", "")
    assert (view.big, view.goal) == ("2", "of 15")
    assert view.set_text == "Exercise 1 of 3 · Set 1 of 2"
    assert view.coming == "Next: rest 20 s, then set 2 of 2 · 15 reps"
    assert view.cues == engine.program.entries[0].exercise.cues


def test_the_last_set_of_an_exercise_leads_to_its_stretch(engine: SessionEngine) -> None:
    engine.start()
    view = until(engine, SetStep, set_number=2)
    stretch = engine.program.entries[0].stretch
    assert view.coming == f"Next: {stretch.name} · left side"


def test_the_rest_names_what_comes_and_runs_against_its_length(engine: SessionEngine) -> None:
    engine.start()
    view = until(engine, RestStep)
    assert (view.phase, view.band, view.side) == ("REST", "rest", "")
    assert view.title == "Glute bridge"
    assert view.set_text == "Exercise 1 of 3 · Set 1 of 2 done"
    assert (view.big, view.goal) == ("0:20", "of 20 s")
    assert view.coming == "Next: set 2 of 2 · 15 reps"


def test_a_hold_gets_ready_then_holds_on_its_side(engine: SessionEngine, clock) -> None:
    engine.start()
    view = until(engine, SetStep, number=2, side="left")
    assert (view.phase, view.band, view.side) == ("GET READY", "ready", "LEFT")
    assert view.goal == "then hold 10 s"
    assert view.coming == "Next: set 1 of 1 · 10 s · right side"
    clock.advance(READY_SECONDS)
    engine.tick()
    view = describe(engine)
    assert (view.phase, view.band, view.side) == ("HOLD", "hold", "LEFT")
    assert (view.big, view.goal) == ("0:10", "of 10 s")
    assert view.title == "Side plank"


def test_a_stretch_shows_its_side_and_then_the_other(engine: SessionEngine) -> None:
    engine.start()
    view = until(engine, StretchStep, side="left")
    assert (view.phase, view.band, view.side) == ("STRETCH", "stretch", "LEFT")
    assert view.goal == "of 15 s each side"
    assert view.coming == "Next: right side"
    view = until(engine, StretchStep, side="right")
    assert view.side == "RIGHT"
    assert view.coming == "Next: Side plank · exercise 2 of 3 · 1 × 10 s each side"


def test_the_last_step_says_the_session_ends(engine: SessionEngine) -> None:
    engine.start()
    last = len(engine.plan) - 2
    while engine.index < last:
        engine.skip() if isinstance(engine.step, SetStep) else engine.proceed()
    assert describe(engine).coming == "Next: end of the session"
    until(engine, SummaryStep)
    view = describe(engine)
    assert (view.band, view.coming) == ("summary", "")


def test_paused_shows_in_large_letters_and_keeps_the_phase_colour(engine: SessionEngine) -> None:
    engine.start()
    until(engine, SetStep, set_number=1)
    engine.toggle_pause()
    view = describe(engine)
    assert (view.phase, view.band) == ("PAUSED", "work")


def test_each_phase_has_its_own_band(engine: SessionEngine, clock) -> None:
    engine.start()
    bands = {describe(engine).band}
    for kind, match in (
        (IntroStep, {}),
        (SetStep, {"set_number": 1}),
        (RestStep, {}),
        (StretchStep, {}),
        (SetStep, {"number": 2, "side": "left"}),
    ):
        bands.add(until(engine, kind, **match).band)
    clock.advance(READY_SECONDS)
    engine.tick()
    bands.add(describe(engine).band)
    assert bands == {"warmup", "intro", "work", "rest", "stretch", "ready", "hold"}


def test_without_sound_a_hold_flashes_get_ready_then_go(engine: SessionEngine, clock) -> None:
    engine.start()
    until(engine, IntroStep, number=2)
    events = engine.proceed()  # the side plank's first set: its get-ready
    assert flash_for(engine, events) == ("ready", "Side plank")
    clock.advance(READY_SECONDS)
    assert flash_for(engine, engine.tick()) == ("work", "Side plank")
    clock.advance(1)
    assert flash_for(engine, engine.tick()) is None  # a second of the hold: nothing new


def test_without_sound_each_step_change_flashes_its_phase(engine: SessionEngine) -> None:
    assert flash_for(engine, engine.start()) == ("warmup", "Warm-up")
    assert flash_for(engine, engine.proceed()) == ("exercise", "Glute bridge")
    assert flash_for(engine, engine.proceed()) == ("work", "Glute bridge")
    assert flash_for(engine, engine.skip()) == ("rest", "Rest")
    engine.skip()
    stretch = engine.program.entries[0].stretch
    assert flash_for(engine, engine.skip()) == ("stretch", stretch.name)
    assert flash_for(engine, engine.quit()) == ("stopped", "")


def test_a_recovery_routine_speaks_of_mobility_and_its_stretches(
    mini_program, fast_settings, clock, catalogue
) -> None:
    engine = SessionEngine(
        mini_program,
        fast_settings,
        clock,
        "routine-1",
        warmup_moves=catalogue.mobility,
        kind="recovery",
    )
    engine.start()
    view = describe(engine)
    assert (view.phase, view.band) == ("MOBILITY", "warmup")
    assert view.set_text.startswith(f"Mobility · move 1 of {len(catalogue.mobility)} · ")
    engine.proceed()
    view = describe(engine)
    assert (view.phase, view.side) == ("STRETCH", "LEFT")
    assert view.set_text == "Recovery routine · stretch 1 of 3 · Left side"
    while not isinstance(engine.plan[engine.index + 1], SummaryStep):
        engine.proceed()
    assert describe(engine).coming == "Next: end of the routine"
