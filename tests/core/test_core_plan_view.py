"""The session laid out as steps, and what the screen shows for each of them."""

from __future__ import annotations

import pytest

from runstrength.core.catalogue import Catalogue, Exercise, WarmupMove
from runstrength.core.engine import SessionEngine
from runstrength.core.plan import (
    IntroStep,
    RestStep,
    SetStep,
    Step,
    StretchStep,
    SummaryStep,
    WarmupStep,
    build_plan,
    estimate_seconds,
    warmup_position,
)
from runstrength.core.programs import Program, program_from_toml, target_text
from runstrength.core.settings import Settings
from runstrength.core.view import describe
from runstrength.store import load_programs


def kinds(plan: tuple[Step, ...]) -> list[str]:
    names = {
        WarmupStep: "W",
        IntroStep: "I",
        SetStep: "S",
        RestStep: "R",
        StretchStep: "X",
        SummaryStep: "E",
    }
    return [names[type(step)] for step in plan]


def current_exercise(engine: SessionEngine) -> Exercise:
    """The exercise of the card, set or stretch under way."""
    step = engine.step
    assert isinstance(step, IntroStep | SetStep | StretchStep)
    return step.entry.exercise


def move(move_id: str, seconds: int, per_side: bool = False) -> WarmupMove:
    return WarmupMove(move_id, move_id.replace("-", " ").title(), seconds, per_side, ())


# --- build_plan -------------------------------------------------------------------------


def test_the_plan_order(mini_program: Program, fast_settings: Settings, catalogue) -> None:
    plan = build_plan(mini_program, fast_settings, catalogue.warmup)
    # warm-up; bridge: intro, set, rest, set, stretch L/R; side plank: intro, set L/R,
    # stretch L/R; band walk: intro, set, one stretch; summary
    assert "".join(kinds(plan)) == "WISRSXXISSXXISXE"
    assert plan[0] == WarmupStep(fast_settings.warmup_minutes * 60, catalogue.warmup)
    intros = [s for s in plan if isinstance(s, IntroStep)]
    assert [(i.number, i.count) for i in intros] == [(1, 3), (2, 3), (3, 3)]
    assert [i.entry.exercise.id for i in intros] == [
        "glute-bridge",
        "side-plank",
        "lateral-band-walk",
    ]


def test_rest_comes_only_between_sets(catalogue, fast_settings: Settings) -> None:
    for program in load_programs(catalogue).programs.values():
        plan = build_plan(program, fast_settings, ())
        for before, rest, after in zip(plan, plan[1:], plan[2:], strict=False):
            if isinstance(rest, RestStep):
                assert isinstance(before, SetStep)
                assert isinstance(after, SetStep)
                assert before.entry is after.entry
                assert after.set_number == before.set_number + 1
                assert rest.upcoming == after
        rests = sum(isinstance(s, RestStep) for s in plan)
        assert rests == sum(entry.sets - 1 for entry in program.entries)


def test_per_side_sets_and_stretches(mini_program: Program, fast_settings: Settings) -> None:
    plan = build_plan(mini_program, fast_settings, ())
    plank_sets = [s for s in plan if isinstance(s, SetStep) and s.entry.exercise.id == "side-plank"]
    assert [(s.set_number, s.side) for s in plank_sets] == [(1, "left"), (1, "right")]
    assert [s.is_last_set for s in plank_sets] == [False, True]
    stretches = [(s.stretch.id, s.side, s.seconds) for s in plan if isinstance(s, StretchStep)]
    hold = fast_settings.stretch_hold_seconds
    assert stretches == [
        ("figure-four-stretch", "left", hold),
        ("figure-four-stretch", "right", hold),
        ("side-bend-stretch", "left", hold),
        ("side-bend-stretch", "right", hold),
        ("cobra-stretch", None, hold),
    ]


def test_rest_length_comes_from_the_program_else_the_settings(
    mini_program: Program, fast_settings: Settings
) -> None:
    plan = build_plan(mini_program, fast_settings, ())
    assert [s.seconds for s in plan if isinstance(s, RestStep)] == [20]
    no_rest = mini_program._replace(rest_seconds=None)
    plan = build_plan(no_rest, fast_settings, ())
    assert [s.seconds for s in plan if isinstance(s, RestStep)] == [fast_settings.rest_seconds]


def test_the_last_set_of_an_exercise(mini_program: Program, fast_settings: Settings) -> None:
    plan = build_plan(mini_program, fast_settings, ())
    bridge = [s for s in plan if isinstance(s, SetStep) and s.number == 1]
    assert [s.is_last_set for s in bridge] == [False, True]


@pytest.mark.parametrize("name", ["endurance", "sprint"])
def test_a_builtin_session_takes_20_to_40_minutes(catalogue, name: str) -> None:
    program = load_programs(catalogue).get(name)
    assert program is not None
    estimate = estimate_seconds(build_plan(program, Settings(), catalogue.warmup), Settings())
    assert 20 * 60 <= estimate <= 40 * 60


def test_the_estimate_grows_with_longer_timers(catalogue, mini_program: Program) -> None:
    short = Settings(warmup_minutes=5, stretch_hold_seconds=15)
    long = Settings(warmup_minutes=10, stretch_hold_seconds=30)
    a = estimate_seconds(build_plan(mini_program, short, ()), short)
    b = estimate_seconds(build_plan(mini_program, long, ()), long)
    assert b - a == pytest.approx(5 * 60 + 5 * 15)  # five stretch holds, 15 s longer each


# --- warmup_position --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("elapsed", "index", "left"),
    [
        (0, 0, 120),
        (119, 0, 1),
        (120, 1, 60),
        (150, 1, 30),
        (200, 2, 40),
        (239.5, 2, 0.5),
        (240, 2, 0),
        (1000, 2, 0),
    ],
)
def test_warmup_moves_share_the_time_by_weight(elapsed: float, index: int, left: float) -> None:
    moves = (move("jog", 60), move("leg-swings", 30, True), move("arm-circles", 30))
    position = warmup_position(moves, 240, elapsed)
    assert position[0] == index
    assert position[1] == pytest.approx(left)


def test_warmup_without_moves_counts_down_the_whole() -> None:
    assert warmup_position((), 300, 100) == (0, 200)
    assert warmup_position((), 300, 400) == (0, 0)


def test_the_builtin_warmup_at_eight_minutes(catalogue: Catalogue) -> None:
    moves = catalogue.warmup
    total = 8 * 60
    seen = []
    for second in range(total):
        index, left = warmup_position(moves, total, second + 0.5)
        assert 0 < left <= total
        seen.append(index)
    assert seen == sorted(seen)
    assert set(seen) == set(range(len(moves)))


# --- describe ---------------------------------------------------------------------------


def test_the_warmup_view(engine: SessionEngine, clock, catalogue: Catalogue) -> None:
    engine.start()
    view = describe(engine)
    assert view.stage == "warmup"
    assert view.big == "1:00"
    assert view.highlight == 0
    assert len(view.lines) == len(catalogue.warmup)
    first = catalogue.warmup[0]
    assert view.target.startswith(first.name)
    for line, warm in zip(view.lines, catalogue.warmup, strict=True):
        assert line.startswith(warm.name)
        assert ("both sides" in line) == warm.per_side
    assert "1 of 3" in view.where
    assert "Mini session" in view.where
    assert view.progress == (0, 60)
    clock.advance(59.5)
    view = describe(engine)
    assert view.big == "0:01"
    assert view.highlight == len(catalogue.warmup) - 1
    assert view.progress == pytest.approx((59.5, 60))


def test_the_intro_view(engine: SessionEngine) -> None:
    engine.start()
    engine.skip_warmup()
    view = describe(engine)
    bridge = current_exercise(engine)
    assert view.stage == "intro"
    assert view.heading == bridge.name
    assert "Exercise 1 of 3" in view.where
    assert "2 × 15 reps" in view.where
    assert (view.big, view.big_caption, view.target) == ("15", "reps", "× 2 sets")
    assert view.lines[0] == bridge.summary
    assert view.lines[1].startswith("Works: ")
    assert "glutes" in view.lines[1]
    assert view.lines[2] == "With: bodyweight"
    assert view.lines[3:] == bridge.cues
    assert view.prompt == "begin the first set"
    engine.skip()
    view = describe(engine)
    plank = current_exercise(engine)
    assert "1 × 10 s each side" in view.where
    assert (view.big, view.big_caption) == ("10", "seconds")
    assert view.target.startswith("× 1 set")
    assert view.target.endswith(" each side")
    assert view.lines == (
        plank.summary,
        "Works: " + ", ".join(m.replace("-", " ") for m in plank.muscles),
        "With: bodyweight",
        *plank.cues,
    )
    assert "hip abductors" in view.lines[1]  # ids read as words
    engine.skip()
    view = describe(engine)
    assert (view.big, view.big_caption, view.target) == ("16", "reps", "× 1 set")
    assert view.lines[2] == "With: resistance band · band: yellow"
    engine.next_band()
    assert describe(engine).lines[2] == "With: resistance band · band: red"


def test_the_set_view_shows_the_count_against_the_target(make_engine, catalogue, clock) -> None:
    program = load_programs(catalogue).get("endurance")
    engine = make_engine(program)
    engine.start()
    engine.skip_warmup()
    engine.proceed()
    view = describe(engine)
    assert view.stage == "set"
    assert view.big == "0"
    assert view.target == "of 20"
    assert "Set 1 of 2" in view.where
    assert "Exercise 1 of 7" in view.where
    for _ in range(7):
        engine.count(+1)
    view = describe(engine)
    assert view.big == "7"
    assert view.progress == (7, 20)
    for _ in range(20):
        engine.count(+1)
    view = describe(engine)
    assert view.big == "27"
    assert view.progress == (20, 20)


def test_the_hold_view(engine: SessionEngine, clock) -> None:
    engine.start()
    engine.skip_warmup()
    engine.skip()
    engine.proceed()
    plank = current_exercise(engine)
    view = describe(engine)  # first, five seconds to get into position
    assert view.stage == "hold"
    assert view.heading == plank.name
    assert "Left side" in view.where
    assert view.big == "0:05"
    assert view.big_caption == "get ready"
    assert view.target == "then hold 10 s"
    assert view.progress == (0, 5)
    assert view.lines == plank.cues
    assert view.prompt == "start the hold now"
    clock.advance(2)
    assert describe(engine).big == "0:03"
    engine.proceed()  # in position early
    view = describe(engine)
    assert view.stage == "hold"
    assert view.big == "0:10"
    assert view.big_caption == "hold"
    assert view.target == "Hold 10 s"
    assert view.progress == (0, 10)
    assert view.prompt == "end the hold now"
    assert "Left side" in view.where
    clock.advance(3.2)
    assert describe(engine).big == "0:07"


def test_the_hold_view_after_getting_ready_runs_out(engine: SessionEngine, clock) -> None:
    engine.start()
    engine.skip_warmup()
    engine.skip()
    engine.proceed()
    clock.advance(5)
    engine.tick()
    view = describe(engine)
    assert (view.big, view.big_caption, view.target) == ("0:10", "hold", "Hold 10 s")


def count_and_finish(engine: SessionEngine, reps: int) -> None:
    for _ in range(reps):
        engine.count(+1)
    engine.proceed()


def test_the_rest_view(engine: SessionEngine, clock) -> None:
    engine.start()
    engine.skip_warmup()
    engine.proceed()
    count_and_finish(engine, 15)
    view = describe(engine)
    assert view.stage == "rest"
    assert view.big == "0:20"
    assert view.target == "Next: set 2/2, 15 reps"
    assert "Glute bridge" in view.where
    assert view.prompt == "start the next set now"
    engine.adjust(+15)
    assert describe(engine).big == "0:35"


def test_the_total_beside_a_timer_follows_plus_and_minus(engine: SessionEngine) -> None:
    engine.start()  # the warm-up: a minute
    assert describe(engine).goal == "of 1:00"
    engine.adjust(+15)
    assert describe(engine).goal == "of 1:15"
    engine.skip_warmup()
    engine.proceed()
    count_and_finish(engine, 15)  # a rest of 20 s
    engine.adjust(+15)
    assert (describe(engine).big, describe(engine).goal) == ("0:35", "of 35 s")
    engine.adjust(-15)
    engine.adjust(-15)
    assert (describe(engine).big, describe(engine).goal) == ("0:05", "of 5 s")
    engine.proceed()
    count_and_finish(engine, 15)  # the stretch, 15 s each side
    assert (describe(engine).goal, describe(engine).target) == (
        "of 15 s each side",
        "Hold 15 s each side",
    )
    engine.adjust(+15)  # this side only: the other starts at 15 s again
    assert (describe(engine).goal, describe(engine).target) == ("of 30 s", "Hold 30 s")
    engine.proceed()
    assert describe(engine).goal == "of 15 s each side"
    engine.proceed()
    engine.proceed()  # the side plank's get-ready: its own timer, not the hold's
    engine.adjust(+15)
    assert (describe(engine).goal, describe(engine).target) == ("then hold 10 s",) * 2
    engine.proceed()
    engine.adjust(+15)
    assert (describe(engine).goal, describe(engine).target) == ("of 25 s", "Hold 25 s")


PLANKS_TOML = """\
name = "planks"
title = "Planks"
goal = "endurance"
rest_seconds = 30

[[exercise]]
id = "side-plank"
sets = 2
seconds = 20
"""


def test_the_rest_view_before_a_per_side_hold(make_engine, catalogue, clock) -> None:
    engine = make_engine(program_from_toml(PLANKS_TOML, "planks.toml", catalogue))
    engine.start()
    engine.skip_warmup()
    engine.proceed()
    while not isinstance(engine.step, RestStep):  # set 1, both sides, held to the end
        clock.advance(1)
        engine.tick()
    view = describe(engine)
    assert view.stage == "rest"
    assert view.big == "0:30"
    assert view.target == "Next: set 2/2, 20 s, left"


def test_the_stretch_view(engine: SessionEngine, clock, catalogue: Catalogue) -> None:
    engine.start()
    engine.skip_warmup()
    engine.proceed()
    count_and_finish(engine, 15)
    engine.skip()
    count_and_finish(engine, 15)
    view = describe(engine)
    stretch = catalogue.stretches["figure-four-stretch"]
    assert view.stage == "stretch"
    assert stretch.name in view.heading
    assert "Glute bridge" in view.where
    assert "Left side" in view.where
    assert view.big == "0:15"
    assert view.big_caption == "left"
    assert "each side" in view.target
    assert view.lines == stretch.cues
    assert view.prompt == "other side"
    engine.proceed()
    view = describe(engine)
    assert "Right side" in view.where
    assert view.big_caption == "right"
    assert view.prompt == "done stretching"


def test_the_stretch_view_without_sides(engine: SessionEngine, catalogue: Catalogue) -> None:
    engine.start()
    engine.skip_warmup()
    for _ in range(2):  # the bridge, the side plank
        engine.skip()
    engine.proceed()
    count_and_finish(engine, 16)  # the band walk, then its cobra stretch
    assert engine.step == engine.plan[-2]
    view = describe(engine)
    assert view.stage == "stretch"
    assert catalogue.stretches["cobra-stretch"].name in view.heading
    assert "side" not in view.where.lower()
    assert view.big_caption == "hold"
    assert view.target == "Hold 15 s"
    assert view.prompt == "done stretching"


def test_a_paused_view_says_so(engine: SessionEngine, clock) -> None:
    engine.start()
    engine.skip_warmup()
    engine.proceed()
    count_and_finish(engine, 15)
    clock.advance(4)
    engine.toggle_pause()
    view = describe(engine)
    assert view.big_caption == "paused · rest"
    clock.advance(30)
    assert describe(engine).big == "0:16"
    engine.toggle_pause()
    assert describe(engine).big_caption == "rest"


def test_the_summary_view(engine: SessionEngine, clock) -> None:
    engine.start()
    engine.skip_warmup()
    engine.proceed()
    count_and_finish(engine, 15)  # one bridge set is enough for the bridge
    for _ in range(4):  # the rest, set 2, the stretch on both sides
        engine.skip()
    assert isinstance(engine.step, IntroStep)
    engine.proceed()
    engine.proceed()  # side plank, left: no need to wait for the get-ready, hold 2 s
    clock.advance(2)
    engine.proceed()
    for _ in range(4):  # the right side (its get-ready, then the hold), the stretch's two
        engine.skip()
    assert isinstance(engine.step, IntroStep)
    engine.proceed()
    count_and_finish(engine, 3)
    engine.skip()  # the cobra stretch
    assert engine.finished
    assert len(engine.completed) == 3
    view = describe(engine)
    assert view.stage == "summary"
    assert view.heading == "Session complete"
    assert view.prompt == "back to home"


def test_the_summary_view_when_every_set_was_skipped(engine: SessionEngine) -> None:
    engine.start()
    engine.skip_warmup()
    engine.skip()
    engine.skip()
    engine.skip()
    assert engine.finished
    assert engine.status == "completed"  # reached the summary: nothing was stopped
    view = describe(engine)
    assert view.stage == "summary"
    assert view.heading == "Session complete"


def test_the_summary_view_after_quitting(engine: SessionEngine) -> None:
    engine.start()
    engine.quit()
    view = describe(engine)
    assert view.stage == "summary"
    assert "complete" not in view.heading.lower()


def test_target_text_gives_sets_times_reps_or_seconds_each_side(mini_program: Program) -> None:
    bridge, plank, walk = mini_program.entries
    assert target_text(bridge) == "2 × 15 reps"
    assert target_text(plank) == "1 × 10 s each side"
    assert target_text(walk) == "1 × 16 reps"


def test_a_band_exercise_without_bands_owned_says_to_do_it_without(
    make_engine, mini_program, clock
) -> None:
    engine = make_engine(mini_program, Settings(bands=()))
    engine.start()
    while not (isinstance(engine.step, IntroStep) and current_exercise(engine).uses_band):
        engine.skip()
    assert describe(engine).lines[2] == "With: no band in your settings: do it without"


BAND_ONLY_TOML = """\
name = "band"
title = "Band"
goal = "endurance"

[[exercise]]
id = "band-squat"
sets = 1
reps = 20
"""


def test_the_status_line_says_paused_tempo_band_sound_and_notice_first(
    make_engine, catalogue, clock
) -> None:
    from runstrength.core.styled import Piece, plain
    from runstrength.core.view import status_line

    saved = (Piece("✓ saved"),)
    engine = make_engine(program_from_toml(BAND_ONLY_TOML, "band.toml", catalogue))
    engine.start()
    engine.skip_warmup()
    engine.proceed()  # the band exercise's first set
    line = status_line(engine, sound_off=False, last_saved=saved)
    assert line == (Piece("band: yellow"), Piece(" · "), Piece("✓ saved"))
    engine.toggle_pause()
    engine.toggle_tempo()
    engine.proceed()  # no reps counted: a notice, shown instead of the last save
    line = status_line(engine, sound_off=True, last_saved=saved)
    assert line[0] == Piece(" PAUSED ", "paused")
    assert plain(line).startswith(" PAUSED  · tempo 2 s · band: yellow · sound off · ")
    assert line[-1] == Piece(
        "Count your reps with space first, or press s to skip the set.", "strong"
    )
    assert "✓ saved" not in plain(line)
