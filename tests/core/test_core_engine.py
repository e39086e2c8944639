"""The session engine, driven only by key methods and the fake clock."""

from __future__ import annotations

import math
import random

import pytest

from runstrength.core.engine import READY_SECONDS, SessionEngine
from runstrength.core.events import Cue, CueEvent, Event, SessionEnded, SetCompleted, StepChanged
from runstrength.core.keys import skip_kind
from runstrength.core.plan import (
    IntroStep,
    RestStep,
    SetStep,
    Step,
    StretchStep,
    SummaryStep,
    WarmupStep,
    warmup_position,
)
from runstrength.core.programs import program_from_toml
from runstrength.core.settings import Settings
from runstrength.store import load_programs

TICK = 0.05


# --- helpers -----------------------------------------------------------------------------


def cues(events: list[Event]) -> list[Cue]:
    return [e.cue for e in events if isinstance(e, CueEvent)]


def records(events: list[Event]) -> list[SetCompleted]:
    return [e for e in events if isinstance(e, SetCompleted)]


def target_reps(engine: SessionEngine) -> int:
    """The reps the set under way asks for."""
    step = engine.step
    assert isinstance(step, SetStep)
    assert step.entry.reps is not None
    return step.entry.reps


def changes(events: list[Event]) -> list[Step]:
    return [e.step for e in events if isinstance(e, StepChanged)]


def ended(events: list[Event]) -> list[SessionEnded]:
    return [e for e in events if isinstance(e, SessionEnded)]


def tick_until_change(engine: SessionEngine, clock, dt: float = TICK, limit: float = 3600):
    """Tick in steps of dt until the step changes; return the events and the time it took."""
    start_index, waited, events = engine.index, 0.0, []
    while engine.index == start_index:
        assert waited < limit, "the step never changed"
        clock.advance(dt)
        waited += dt
        events += engine.tick()
    return events, waited


def start_the_hold(engine: SessionEngine, clock, dt: float = TICK) -> list[Event]:
    """Tick through a hold's get-ready countdown until the hold itself runs."""
    assert engine.getting_ready
    events: list[Event] = []
    while engine.getting_ready:
        clock.advance(dt)
        events += engine.tick()
    return events


def do_set(engine: SessionEngine, clock) -> list[Event]:
    """Do the current set as planned: count the target reps and press enter, or get
    ready and hold until the timer runs out."""
    step = engine.step
    assert isinstance(step, SetStep)
    if not step.entry.exercise.is_hold:
        events: list[Event] = []
        for _ in range(step.entry.reps or 0):
            events += engine.count(+1)
        return events + engine.proceed()
    events = start_the_hold(engine, clock) if engine.getting_ready else []
    clock.advance(engine.remaining() or 0)
    return events + engine.tick()


def run_to(engine: SessionEngine, clock, kind: type, **match: object) -> list[Event]:
    """Walk forward (enter on intros, doing sets in full, skipping timers) until a step of
    this kind."""
    events: list[Event] = []
    for _ in range(200):
        step = engine.step
        if isinstance(step, kind) and all(getattr(step, k) == v for k, v in match.items()):
            return events
        if isinstance(step, WarmupStep | RestStep | StretchStep):
            events += engine.skip()
        elif isinstance(step, IntroStep):
            events += engine.proceed()
        elif isinstance(step, SetStep):
            events += do_set(engine, clock)
        else:
            break
    raise AssertionError(f"never reached {kind.__name__} {match}")


def describe_step(step: Step) -> tuple[object, ...]:
    if isinstance(step, WarmupStep):
        return ("warmup",)
    if isinstance(step, IntroStep):
        return ("intro", step.entry.exercise.id)
    if isinstance(step, SetStep):
        return ("set", step.entry.exercise.id, step.set_number, step.side)
    if isinstance(step, RestStep):
        return ("rest",)
    if isinstance(step, StretchStep):
        return ("stretch", step.stretch.id, step.side)
    return ("summary",)


# --- a whole session ------------------------------------------------------------------------


def test_a_whole_program_from_warmup_to_summary(engine: SessionEngine, clock) -> None:
    events = engine.start()
    assert isinstance(engine.step, WarmupStep)
    assert engine.remaining() == 60

    more, waited = tick_until_change(engine, clock)
    events += more
    assert waited == pytest.approx(60, abs=TICK + 1e-6)
    assert isinstance(engine.step, IntroStep)

    events += engine.proceed()  # glute bridge, set 1: 15 reps counted with space
    for _ in range(15):
        events += engine.count(+1)
    events += engine.proceed()
    assert isinstance(engine.step, RestStep)
    assert engine.remaining() == 20  # the program's rest, not the setting's 30

    more, waited = tick_until_change(engine, clock)
    events += more
    assert waited == pytest.approx(20, abs=TICK + 1e-6)
    for _ in range(14):  # set 2: one rep short of the target
        events += engine.count(+1)
    clock.advance(3)
    events += engine.proceed()

    for _ in range(2):  # figure-four stretch, left then right
        more, waited = tick_until_change(engine, clock)
        events += more
        assert waited == pytest.approx(15, abs=TICK + 1e-6)

    events += engine.proceed()  # side plank: a per-side hold of 10 s, each after 5 s to get ready
    for _ in range(2):
        assert engine.getting_ready
        more, waited = tick_until_change(engine, clock)
        events += more
        # the hold starts on the tick after the get-ready countdown ends: up to one tick late
        assert waited == pytest.approx(READY_SECONDS + 10, abs=2 * TICK + 1e-6)
    for _ in range(2):  # side-bend stretch, both sides
        events += tick_until_change(engine, clock)[0]

    events += engine.next_band()  # band walk: one step heavier than the lightest band
    events += engine.proceed()
    for _ in range(16):
        events += engine.count(+1)
    events += engine.proceed()
    events += tick_until_change(engine, clock)[0]  # cobra stretch, not per side

    assert engine.finished

    assert [describe_step(s) for s in changes(events)] == [
        ("warmup",),
        ("intro", "glute-bridge"),
        ("set", "glute-bridge", 1, None),
        ("rest",),
        ("set", "glute-bridge", 2, None),
        ("stretch", "figure-four-stretch", "left"),
        ("stretch", "figure-four-stretch", "right"),
        ("intro", "side-plank"),
        ("set", "side-plank", 1, "left"),
        ("set", "side-plank", 1, "right"),
        ("stretch", "side-bend-stretch", "left"),
        ("stretch", "side-bend-stretch", "right"),
        ("intro", "lateral-band-walk"),
        ("set", "lateral-band-walk", 1, None),
        ("stretch", "cobra-stretch", None),
        ("summary",),
    ]

    logged = records(events)
    assert [
        (r.record.exercise, r.record.set, r.record.side, r.record.target_reps, r.record.reps)
        for r in logged
    ] == [
        ("glute-bridge", 1, None, 15, 15),
        ("glute-bridge", 2, None, 15, 14),
        ("side-plank", 1, "left", None, None),
        ("side-plank", 1, "right", None, None),
        ("lateral-band-walk", 1, None, 16, 16),
    ]
    assert [r.record.band for r in logged] == [None, None, None, None, "red"]
    assert [r.record.seconds for r in logged] == [None, None, 10, 10, None]  # not the get-ready
    assert all(r.session == engine.info for r in logged)
    assert [r.record for r in logged] == engine.completed

    [end] = ended(events)
    assert end.status == "completed"
    assert end.sets_logged == 5
    assert end.ended_at == clock.now()
    assert engine.status == "completed"
    assert cues(events).count(Cue.SESSION_DONE) == 1
    assert cues(events).count(Cue.SET_DONE) >= 5
    # bridge set 1, each side-plank hold as it starts (not on getting ready), the band walk;
    # bridge set 2 follows a rest that ran out, so it starts with rest-over instead
    assert cues(events).count(Cue.GO) == 4
    assert cues(events).count(Cue.REST_OVER) == 1


def test_each_set_is_logged_at_the_moment_it_is_done(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    for _ in range(15):
        engine.count(+1)
    clock.advance(42)
    [done] = records(engine.proceed())
    assert done.record.completed_at == clock.now()
    assert done.record.started_at is not None
    assert (done.record.completed_at - done.record.started_at).total_seconds() == 42


def test_a_hold_is_logged_from_when_the_hold_starts(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep, side="left")
    clock.advance(3)  # in position early: enter starts the hold before the 5 s are up
    assert cues(engine.proceed()) == [Cue.GO]
    assert not engine.getting_ready
    clock.advance(7.4)
    [done] = records(engine.proceed())  # ended early by hand
    assert done.record.seconds == 7
    assert done.record.target_seconds == 10
    assert done.record.completed_at == clock.now()
    assert done.record.started_at is not None
    assert (done.record.completed_at - done.record.started_at).total_seconds() == 7.4


def test_nothing_after_the_summary(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SummaryStep)
    clock.advance(100)
    for action in (engine.tick, engine.proceed, engine.skip, engine.quit, engine.toggle_pause):
        assert action() == []
    assert engine.finished


# --- pause and resume ------------------------------------------------------------------


def test_a_paused_rest_does_not_expire_and_resumes_with_the_same_time_left(
    engine: SessionEngine, clock
) -> None:
    engine.start()
    run_to(engine, clock, RestStep)
    clock.advance(5)
    assert engine.tick() == []
    engine.toggle_pause()
    assert engine.paused
    for _ in range(200):  # a whole minute paused, ticking all the while
        clock.advance(0.3)
        assert engine.tick() == []
    assert isinstance(engine.step, RestStep)
    assert engine.remaining() == pytest.approx(15)
    engine.toggle_pause()
    assert not engine.paused
    assert engine.remaining() == pytest.approx(15)
    clock.advance(14.9)
    engine.tick()
    assert isinstance(engine.step, RestStep)
    clock.advance(0.2)
    events = engine.tick()
    assert isinstance(engine.step, SetStep)
    assert Cue.REST_OVER in cues(events)


def test_a_paused_hold_does_not_end(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep, side="left")
    start_the_hold(engine, clock)
    clock.advance(4)
    engine.toggle_pause()
    clock.advance(30)
    assert engine.tick() == []
    assert engine.remaining() == pytest.approx(6)
    engine.toggle_pause()
    events, waited = tick_until_change(engine, clock)
    assert waited == pytest.approx(6, abs=TICK + 1e-6)
    [done] = records(events)
    assert done.record.seconds == 10  # the pause is not counted as holding


# --- skipping ----------------------------------------------------------------------------


def test_skip_the_whole_warmup(engine: SessionEngine, clock) -> None:
    engine.start()
    clock.advance(10)
    events = engine.skip_warmup()
    assert isinstance(engine.step, IntroStep)
    assert engine.step.number == 1
    assert records(events) == []
    assert engine.notice == "Warm-up over"
    assert engine.skip_warmup() == []  # only during the warm-up


def test_s_in_the_warmup_moves_to_the_next_move(engine: SessionEngine, clock) -> None:
    engine.start()
    step = engine.step
    assert isinstance(step, WarmupStep)
    assert skip_kind(engine) == "move"
    total = engine.countdown.total  # type: ignore[union-attr]
    clock.advance(3)
    starts = []
    for number in range(1, len(step.moves)):
        engine.skip()
        index, _ = warmup_position(step.moves, total, engine.elapsed())
        assert index == number
        assert "S skips the whole warm-up" in engine.notice
        starts.append(engine.elapsed())
    assert starts == sorted(starts)
    assert skip_kind(engine) == "warmup"  # the last move: s ends the warm-up
    events = engine.skip()
    assert isinstance(engine.step, IntroStep)
    assert records(events) == []
    # The warm-up is logged with the time really spent on it (3 s), not the moves skipped.
    assert engine.routine.records[0].seconds == 3


def test_plus_and_minus_in_the_warmup_change_the_move_under_way(
    engine: SessionEngine, clock
) -> None:
    engine.start()
    step = engine.step
    assert isinstance(step, WarmupStep)
    engine.skip()  # on to the second move, at its very start
    move = engine.warmup_move()
    assert move is not None
    index, left = move
    assert index == 1
    engine.adjust(15)  # the time goes to this move, not back to the first one
    assert engine.warmup_move() == (1, pytest.approx(left + 15))
    clock.advance(left + 10)
    assert engine.warmup_move() == (1, pytest.approx(5))
    engine.adjust(-15)  # takes no more than the move has left: on to the next move
    later = engine.warmup_move()
    assert later is not None
    assert later[0] == 2
    assert engine.next_move_in() == pytest.approx(later[1])


def test_skip_a_rest_starts_the_next_set(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, RestStep)
    events = engine.skip()
    assert describe_step(engine.step) == ("set", "glute-bridge", 2, None)
    assert Cue.GO in cues(events)


def test_skip_a_stretch_moves_to_the_other_side_then_on(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, StretchStep)
    assert isinstance(engine.step, StretchStep)
    assert engine.step.side == "left"
    engine.skip()
    assert describe_step(engine.step) == ("stretch", "figure-four-stretch", "right")
    engine.skip()
    assert describe_step(engine.step) == ("intro", "side-plank")


def test_skip_on_an_intro_skips_the_whole_exercise(engine: SessionEngine, clock) -> None:
    engine.start()
    engine.skip_warmup()
    events = engine.skip()  # glute bridge: its sets, rests and stretch all go
    assert describe_step(engine.step) == ("intro", "side-plank")
    assert records(events) == []
    assert [describe_step(s) for s in changes(events)] == [("intro", "side-plank")]
    events = engine.skip() + engine.skip()  # side plank, then the band walk
    assert engine.finished
    assert records(events) == []
    [end] = ended(events)
    assert end.sets_logged == 0
    # It reached the summary: completed, whatever was skipped, and it says what was.
    assert end.status == "completed"
    assert end.skipped == ("glute-bridge", "side-plank", "lateral-band-walk")


def test_a_session_finished_with_skips_is_completed_and_lists_them(
    engine: SessionEngine, clock
) -> None:
    engine.start()
    run_to(engine, clock, IntroStep, number=2)
    engine.skip()  # the side plank, on its intro card
    assert engine.skipped == ("side-plank",)
    events = run_to(engine, clock, SummaryStep)
    [end] = ended(events)
    assert (end.status, end.skipped) == ("completed", ("side-plank",))
    assert engine.status == "completed"


def test_an_exercise_whose_every_set_was_skipped_counts_as_skipped(
    engine: SessionEngine, clock
) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    engine.skip()  # set 1
    engine.skip()  # the rest
    assert engine.skipped == ()  # still under way
    engine.skip()  # set 2
    assert engine.skipped == ()  # its stretch is still to come
    run_to(engine, clock, IntroStep, number=2)
    assert engine.skipped == ("glute-bridge",)


def test_a_stopped_session_lists_only_what_it_passed_over(engine: SessionEngine, clock) -> None:
    engine.start()
    engine.skip_warmup()  # warm-up
    engine.skip()  # the glute bridge, on its intro card
    run_to(engine, clock, SetStep, number=2)
    [end] = ended(engine.quit())
    # The side plank was under way and the band walk never reached: neither was skipped.
    assert (end.status, end.skipped) == ("partial", ("glute-bridge",))


def test_a_resumed_session_knows_what_it_skipped_before(make_engine, mini_program, clock) -> None:
    first = make_engine(mini_program)
    first.start()
    run_to(first, clock, IntroStep)
    first.skip()  # the glute bridge
    first.skip()  # the side plank
    run_to(first, clock, SetStep, number=3)
    done = [e.record for e in records(do_set(first, clock))]
    again = make_engine(mini_program)
    again.resume(first.info, done)
    assert again.skipped == ("glute-bridge", "side-plank")  # nothing of them was logged
    assert again.finished  # the band walk had one set: the session is over
    assert (again.status, again.skipped) == ("completed", ("glute-bridge", "side-plank"))


def test_a_set_skipped_with_nothing_counted_is_not_logged(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    assert skip_kind(engine) == "set"
    events = engine.skip()
    assert records(events) == []
    assert engine.completed == []
    assert isinstance(engine.step, RestStep)
    assert engine.notice == "Set skipped: nothing logged for it"


def test_s_on_a_set_with_reps_counted_keeps_them(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    for _ in range(12):
        engine.count(+1)
    assert skip_kind(engine) == "end-set"
    [done] = records(engine.skip())
    assert (done.record.reps, done.record.target_reps) == (12, 15)
    assert isinstance(engine.step, RestStep)
    assert engine.notice == "Set ended at 12 reps: kept"


def test_s_in_a_hold_keeps_the_seconds_held_like_enter(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep, side="left")
    assert skip_kind(engine) == "ready"  # getting ready: s skips only that
    start_the_hold(engine, clock)
    clock.advance(1)  # past the moment s still means the get-ready just ended
    assert skip_kind(engine) == "hold"
    clock.advance(7)
    [held] = records(engine.skip())
    assert (held.record.seconds, held.record.side) == (8, "left")
    assert engine.notice == "Hold ended at 8 s: kept"
    assert describe_step(engine.step) == ("set", "side-plank", 1, "right")
    assert engine.getting_ready
    clock.advance(2)
    assert cues(engine.skip()) == [Cue.GO]  # the get-ready skipped: the hold starts now
    assert describe_step(engine.step) == ("set", "side-plank", 1, "right")
    assert not engine.getting_ready
    assert engine.remaining() == 10
    events = engine.skip()  # and s at once (within a second) skips it: nothing held
    assert records(events) == []
    assert engine.notice == "Set skipped: nothing logged for it"
    assert [r.exercise for r in engine.completed] == ["glute-bridge", "glute-bridge", "side-plank"]
    assert describe_step(engine.step) == ("stretch", "side-bend-stretch", "left")
    assert not engine.getting_ready


def test_s_just_as_the_get_ready_runs_out_leaves_the_hold_be(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep, side="left")
    start_the_hold(engine, clock)  # the get-ready ran out by itself
    assert skip_kind(engine) == "ready"  # a moment ago the footer said "Skip get-ready"
    assert engine.skip() == []  # meant for the get-ready: the hold goes on
    assert describe_step(engine.step) == ("set", "side-plank", 1, "left")
    assert not engine.getting_ready
    clock.advance(1)
    assert skip_kind(engine) == "hold"
    clock.advance(5)
    [held] = records(engine.skip())
    assert held.record.seconds == 6  # the whole hold, from when it began


# --- sides ------------------------------------------------------------------------------


def test_per_side_sets_go_left_then_right_with_a_switch_cue(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, IntroStep, number=2)
    events = engine.proceed()
    assert describe_step(engine.step) == ("set", "side-plank", 1, "left")
    assert cues(events) == []  # the left side gets ready in silence
    assert engine.getting_ready
    events = start_the_hold(engine, clock)
    assert cues(events) == [Cue.BEEP] * 3 + [Cue.GO]
    events, _ = tick_until_change(engine, clock)
    assert describe_step(engine.step) == ("set", "side-plank", 1, "right")
    assert cues(events) == [Cue.BEEP] * 3 + [Cue.SET_DONE, Cue.SWITCH_SIDES]
    assert engine.getting_ready
    [left] = records(events)
    assert left.record.side == "left"
    assert cues(start_the_hold(engine, clock)) == [Cue.BEEP] * 3 + [Cue.GO]
    events, _ = tick_until_change(engine, clock)
    [right] = records(events)
    assert right.record.side == "right"
    assert isinstance(engine.step, StretchStep)
    assert engine.step.side == "left"
    events = engine.skip()
    assert engine.step.side == "right"
    assert Cue.SWITCH_SIDES in cues(events)


# --- counting ---------------------------------------------------------------------------


def test_rep_count_goes_up_and_down_but_never_below_zero(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    for _ in range(3):
        engine.count(+1)
    assert engine.reps == 3
    for _ in range(5):
        engine.count(-1)
    assert engine.reps == 0
    engine.count(+1)
    assert engine.reps == 1
    [done] = records(engine.proceed())
    assert done.record.reps == 1


def test_reaching_the_target_plays_set_done_once(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    heard = []
    for _ in range(17):
        heard += cues(engine.count(+1))
    assert heard == [Cue.SET_DONE]
    assert engine.reps == 17
    assert isinstance(engine.step, SetStep)  # the set ends on enter, not by itself


def test_a_hold_is_not_counted_in_reps(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep, side="left")
    assert engine.count(+1) == []  # getting ready
    start_the_hold(engine, clock)
    assert engine.count(+1) == []  # holding
    assert engine.reps == 0


def test_the_count_starts_at_zero_on_every_set(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    for _ in range(9):
        engine.count(+1)
    engine.proceed()
    engine.skip()
    assert describe_step(engine.step) == ("set", "glute-bridge", 2, None)
    assert engine.reps == 0


# --- tempo mode -------------------------------------------------------------------------


def test_tempo_counts_one_rep_per_cadence_with_a_tick(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    engine.toggle_tempo()
    assert engine.tempo
    cadence = engine.settings.tempo_seconds
    clock.advance(cadence - 0.01)
    assert engine.tick() == []
    assert engine.reps == 0
    clock.advance(0.02)
    assert cues(engine.tick()) == [Cue.TICK]
    assert engine.reps == 1
    clock.advance(cadence)
    assert cues(engine.tick()) == [Cue.TICK]
    assert engine.reps == 2


def test_tempo_has_no_drift_over_uneven_ticks(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    engine.toggle_tempo()
    cadence = engine.settings.tempo_seconds
    target = target_reps(engine)
    started = clock.monotonic()
    rng = random.Random(20261123)
    ticked = 0
    while True:
        before = engine.reps
        clock.advance(rng.uniform(0.01, 0.9))
        events = engine.tick()
        ticked += cues(events).count(Cue.TICK)
        expected = math.floor((clock.monotonic() - started) / cadence)
        if expected >= target:
            [done] = records(events)
            assert done.record.reps == target
            assert cues(events).count(Cue.TICK) == target - before
            break
        assert engine.reps == expected
        assert ticked == engine.reps
    assert describe_step(engine.step) == ("rest",)


def test_tempo_catches_up_after_a_late_tick(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    engine.toggle_tempo()
    cadence = engine.settings.tempo_seconds
    clock.advance(cadence * 3 + 0.5)  # the screen was busy: one late tick
    events = engine.tick()
    assert engine.reps == 3
    assert cues(events) == [Cue.TICK] * 3
    clock.advance(cadence - 0.5)
    engine.tick()
    assert engine.reps == 4


def test_tempo_pauses_with_the_session(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    engine.toggle_tempo()
    cadence = engine.settings.tempo_seconds
    clock.advance(cadence * 2 + 0.5)
    engine.tick()
    assert engine.reps == 2
    engine.toggle_pause()
    clock.advance(120)
    assert engine.tick() == []
    assert engine.reps == 2
    engine.toggle_pause()
    clock.advance(cadence - 0.5 - 0.01)
    engine.tick()
    assert engine.reps == 2  # the part of a rep already done before the pause still counts
    clock.advance(0.02)
    engine.tick()
    assert engine.reps == 3


def test_tempo_completes_the_set_at_the_target(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    engine.toggle_tempo()
    target = target_reps(engine)
    cadence = engine.settings.tempo_seconds
    events, waited = tick_until_change(engine, clock, dt=0.1)
    assert waited == pytest.approx(target * cadence, abs=0.1 + 1e-6)
    [done] = records(events)
    assert done.record.reps == target
    assert Cue.SET_DONE in cues(events)
    assert cues(events).count(Cue.TICK) == target


def test_tempo_stays_on_for_the_next_set(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    engine.toggle_tempo()
    tick_until_change(engine, clock)  # set 1 done by tempo
    engine.skip()  # rest
    assert engine.reps == 0
    clock.advance(engine.settings.tempo_seconds + 0.01)
    engine.tick()
    assert engine.reps == 1


def test_tempo_off_stops_counting(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    engine.toggle_tempo()
    clock.advance(engine.settings.tempo_seconds * 2 + 0.1)
    engine.tick()
    engine.toggle_tempo()
    assert not engine.tempo
    clock.advance(60)
    assert engine.tick() == []
    assert engine.reps == 2


# --- beeps ------------------------------------------------------------------------------


def test_beeps_at_three_two_one_seconds_left(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, RestStep)
    beeps_at = []
    while isinstance(engine.step, RestStep):
        clock.advance(TICK)
        left = engine.remaining()
        assert left is not None
        events = engine.tick()
        assert engine.tick() == []  # a second tick at the same moment repeats nothing
        if Cue.BEEP in cues(events):
            assert cues(events).count(Cue.BEEP) == 1
            beeps_at.append(left)
    assert len(beeps_at) == 3
    for left, mark in zip(beeps_at, (3, 2, 1), strict=True):
        assert mark - TICK - 1e-6 < left <= mark


def test_a_hold_beeps_before_it_ends(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep, side="left")
    ready = start_the_hold(engine, clock, dt=0.25)
    assert cues(ready) == [Cue.BEEP] * 3 + [Cue.GO]  # before it starts, too
    events, _ = tick_until_change(engine, clock, dt=0.25)
    assert cues(events) == [Cue.BEEP] * 3 + [Cue.SET_DONE, Cue.SWITCH_SIDES]


def test_no_beep_storm_after_a_long_gap(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, RestStep)
    clock.advance(18.5)  # 1.5 s left: 3 and 2 were missed
    assert cues(engine.tick()) == [Cue.BEEP]
    clock.advance(0.4)
    assert engine.tick() == []
    clock.advance(0.2)
    assert cues(engine.tick()) == [Cue.BEEP]


def test_no_beep_while_paused(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, RestStep)
    clock.advance(17.5)
    assert cues(engine.toggle_pause()) == [Cue.BEEP], "the beep due at pause time plays"
    clock.advance(10)
    assert engine.tick() == []
    engine.toggle_pause()
    assert cues(engine.tick()) == []
    clock.advance(1.0)
    assert cues(engine.tick()) == [Cue.BEEP]


def test_a_beep_plays_again_after_more_time_is_added(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, RestStep)
    clock.advance(17.5)
    assert cues(engine.tick()) == [Cue.BEEP]
    engine.adjust(+15)
    assert engine.remaining() == pytest.approx(17.5)
    clock.advance(14.6)
    assert cues(engine.tick()) == [Cue.BEEP]


# --- adjusting timers -------------------------------------------------------------------


def test_plus_and_minus_change_the_running_timer(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, RestStep)
    clock.advance(5)
    engine.adjust(+15)
    assert engine.remaining() == pytest.approx(30)
    engine.adjust(-15)
    engine.adjust(-15)
    assert engine.remaining() == pytest.approx(0)
    engine.adjust(-15)
    assert engine.remaining() == 0
    events = engine.tick()
    assert isinstance(engine.step, SetStep)
    assert Cue.REST_OVER in cues(events)


def test_adjust_without_a_timer_does_nothing(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    assert engine.adjust(+15) == []
    assert engine.remaining() is None


# --- bands ------------------------------------------------------------------------------


BAND_TOML = """\
name = "bands"
title = "Band work"
goal = "endurance"

[[exercise]]
id = "band-squat"
sets = 2
reps = 20

[[exercise]]
id = "calf-raise"
sets = 1
reps = 20
"""


def test_next_band_wraps_and_is_recorded(make_engine, catalogue, clock) -> None:
    engine = make_engine(program_from_toml(BAND_TOML, "bands.toml", catalogue))
    engine.start()
    run_to(engine, clock, IntroStep)
    squat = engine.step.entry.exercise
    assert engine.band_for(squat) == "yellow"
    seen = []
    for _ in range(4):
        engine.next_band()
        seen.append(engine.band_for(squat))
    assert seen == ["red", "green", "yellow", "red"]
    engine.proceed()
    [first] = records(do_set(engine, clock))
    assert first.record.band == "red"
    engine.next_band()  # during the rest: for the set coming up
    engine.skip()
    [second] = records(do_set(engine, clock))
    assert second.record.band == "green"
    run_to(engine, clock, SetStep, number=2)
    engine.next_band()  # calf raises use body weight: nothing to change
    [calf] = records(do_set(engine, clock))
    assert calf.record.band is None


def test_remembered_bands_are_used(make_engine, catalogue, clock) -> None:
    engine = make_engine(
        program_from_toml(BAND_TOML, "bands.toml", catalogue), bands={"band-squat": "green"}
    )
    engine.start()
    run_to(engine, clock, SetStep)
    [done] = records(do_set(engine, clock))
    assert done.record.band == "green"


def test_no_bands_owned_means_bodyweight(make_engine, catalogue, clock) -> None:
    engine = make_engine(program_from_toml(BAND_TOML, "bands.toml", catalogue), Settings(bands=()))
    engine.start()
    run_to(engine, clock, SetStep)
    assert engine.next_band() == []
    assert "No bands in your settings" in engine.notice  # b says why it does nothing
    [done] = records(do_set(engine, clock))
    assert done.record.band is None


# --- quitting ---------------------------------------------------------------------------


def test_quit_mid_session_keeps_what_was_done(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    [done] = records(do_set(engine, clock))
    engine.skip()
    for _ in range(5):
        engine.count(+1)  # set 2 under way: its counted reps were done, so they are kept
    assert engine.reps_in_progress == 5
    clock.advance(7)
    events = engine.quit()
    [end] = ended(events)
    assert end.status == "partial"
    assert end.sets_logged == 2
    assert end.ended_at == clock.now()
    [kept] = records(events)
    assert (kept.record.set, kept.record.reps, kept.record.target_reps) == (2, 5, 15)
    assert engine.completed == [done.record, kept.record]
    assert engine.status == "partial"
    assert engine.finished
    clock.advance(60)
    for action in (
        engine.tick,
        engine.proceed,
        engine.skip,
        engine.quit,
        engine.toggle_pause,
        engine.toggle_tempo,
        engine.next_band,
        engine.adjust,
        lambda: engine.count(+1),
    ):
        assert action() == []
    assert engine.completed == [done.record, kept.record]


def test_quit_on_a_set_with_nothing_counted_logs_nothing_more(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    assert engine.reps_in_progress == 0
    events = engine.quit()
    assert records(events) == []
    assert ended(events)[0].sets_logged == 0


def test_quit_during_a_hold_drops_only_that_hold(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep, side="right")
    start_the_hold(engine, clock)
    clock.advance(5)
    [end] = ended(engine.quit())
    assert end.status == "partial"
    assert end.sets_logged == 3
    assert [r.side for r in engine.completed] == [None, None, "left"]
    assert engine.completed[-1].seconds == 10


def test_quit_before_any_set(engine: SessionEngine, clock) -> None:
    engine.start()
    clock.advance(30)
    [end] = ended(engine.quit())
    assert end.status == "partial"
    assert end.sets_logged == 0


def test_quit_while_paused(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, RestStep)
    engine.toggle_pause()
    [end] = ended(engine.quit())
    assert end.status == "partial"
    assert end.sets_logged == 1


# --- a long session ---------------------------------------------------------------------


def test_a_45_minute_session_in_small_ticks_has_no_drift(make_engine, catalogue, clock) -> None:
    program = load_programs(catalogue).get("endurance")
    assert program is not None
    settings = Settings(warmup_minutes=15, stretch_hold_seconds=30, tempo_seconds=3.0)
    engine = make_engine(program, settings)
    engine.toggle_tempo()
    reading_seconds = 60  # the runner reads each intro card for a minute
    started = clock.monotonic()
    engine.start()
    entered_at = clock.monotonic()
    expected_total = 0.0
    rests = 0
    holds = 0
    ticks = 0
    while not engine.finished:
        step = engine.step
        if isinstance(step, IntroStep):
            clock.advance(reading_seconds)
            expected_total += reading_seconds
            engine.proceed()
            entered_at = clock.monotonic()
            continue
        getting_ready = isinstance(step, SetStep) and step.entry.exercise.is_hold
        assert engine.getting_ready == getting_ready
        if isinstance(step, SetStep) and not step.entry.exercise.is_hold:
            planned = (step.entry.reps or 0) * settings.tempo_seconds
        elif isinstance(step, SetStep):
            planned = float(READY_SECONDS)  # first the get-ready countdown, then the hold
        else:
            planned = float(step.seconds)
        index = engine.index
        while engine.index == index:
            clock.advance(TICK)
            ticks += 1
            if engine.countdown is not None:
                # the time left is the deadline minus now, to the microsecond
                expected_left = max(0.0, planned - (clock.monotonic() - entered_at))
                assert engine.remaining() == pytest.approx(expected_left, abs=1e-6)
            engine.tick()
            if getting_ready and not engine.getting_ready and engine.index == index:
                # the hold started on this tick: check the get-ready part, then time the hold
                late = clock.monotonic() - entered_at - planned
                assert -1e-6 <= late <= TICK + 1e-6, (describe_step(step), late)
                assert isinstance(step, SetStep)
                getting_ready = False
                holds += 1
                expected_total += planned
                planned = float(step.entry.seconds or 0)
                entered_at = clock.monotonic()
        assert not getting_ready, "a hold ended without starting"
        took = clock.monotonic() - entered_at
        late = took - planned
        assert -1e-6 <= late <= TICK + 1e-6, (describe_step(step), took, planned)
        rests += isinstance(step, RestStep)
        expected_total += planned
        # the next step starts at this one's deadline, not at the tick that noticed it
        entered_at += planned
    total = clock.monotonic() - started
    assert total >= 45 * 60
    assert rests == 7
    assert holds == sum(
        e.sets * (2 if e.exercise.per_side else 1) for e in program.entries if e.exercise.is_hold
    )
    assert holds > 0
    assert ticks * TICK == pytest.approx(total - 7 * reading_seconds, abs=1e-6)
    assert len(engine.completed) == sum(
        e.sets * (2 if e.exercise.per_side else 1) for e in program.entries
    )
    assert all(r.reps == r.target_reps for r in engine.completed if r.reps is not None)
    # a hold records the time held, not the time getting ready
    assert all(
        r.seconds == r.target_seconds for r in engine.completed if r.target_seconds is not None
    )
    assert engine.status == "completed"
    # lateness does not add up from step to step: only where a key starts the next
    # step (each intro card) can one tick be lost
    intros = sum(isinstance(step, IntroStep) for step in engine.plan)
    assert 0 <= total - expected_total <= (intros + 1) * TICK + 1e-6


def test_tempo_reps_already_due_when_pausing_are_kept(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    engine.toggle_tempo()
    cadence = engine.settings.tempo_seconds
    clock.advance(cadence * 2 + 0.5)  # two reps due, no tick yet (a busy or suspended screen)
    engine.toggle_pause()
    engine.toggle_pause()
    engine.tick()
    assert engine.reps == 2


# --- getting ready for a hold -------------------------------------------------------------


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


def test_a_hold_starts_after_five_seconds_to_get_ready(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep, side="left")
    assert engine.getting_ready
    assert engine.remaining() == READY_SECONDS == 5
    beeps_at = []
    events: list[Event] = []
    while engine.getting_ready:
        clock.advance(TICK)
        left = engine.remaining()
        more = engine.tick()
        if Cue.BEEP in cues(more):
            beeps_at.append(left)
        events += more
    assert cues(events) == [Cue.BEEP] * 3 + [Cue.GO]
    for left, mark in zip(beeps_at, (3, 2, 1), strict=True):
        assert mark - TICK - 1e-6 < left <= mark
    assert describe_step(engine.step) == ("set", "side-plank", 1, "left")  # the same step
    assert changes(events) == []
    assert records(events) == []
    assert engine.remaining() == 10  # the whole hold, none of it used up getting ready
    events, waited = tick_until_change(engine, clock)
    assert waited == pytest.approx(10, abs=TICK + 1e-6)
    [done] = records(events)
    assert done.record.seconds == 10


def test_enter_while_getting_ready_starts_the_hold_at_once(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep, side="left")
    clock.advance(1.5)
    assert cues(engine.tick()) == []
    events = engine.proceed()
    assert events == [CueEvent(Cue.GO)]
    assert not engine.getting_ready
    assert engine.remaining() == 10
    assert engine.elapsed() == 0
    clock.advance(3.6)  # the rest of the get-ready time is not added on
    assert engine.tick() == []
    assert engine.remaining() == pytest.approx(6.4)


def test_a_paused_get_ready_waits(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep, side="left")
    clock.advance(1)
    engine.toggle_pause()
    clock.advance(60)
    assert engine.tick() == []
    assert engine.getting_ready
    assert engine.remaining() == pytest.approx(4)
    engine.toggle_pause()
    clock.advance(3.9)
    engine.tick()
    assert engine.getting_ready
    clock.advance(0.2)
    assert Cue.GO in cues(engine.tick())
    assert not engine.getting_ready
    assert engine.remaining() == pytest.approx(10)


def test_more_time_to_get_ready(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep, side="left")
    engine.adjust(+15)
    assert engine.remaining() == pytest.approx(20)
    _, waited = tick_until_change(engine, clock)
    assert waited == pytest.approx(20 + 10, abs=2 * TICK + 1e-6)
    assert engine.completed[-1].seconds == 10


def test_a_hold_after_a_rest_gets_ready_too(make_engine, catalogue, clock) -> None:
    engine = make_engine(program_from_toml(PLANKS_TOML, "planks.toml", catalogue))
    engine.start()
    run_to(engine, clock, RestStep)
    assert [(r.set, r.side, r.seconds) for r in engine.completed] == [
        (1, "left", 20),
        (1, "right", 20),
    ]
    events, _ = tick_until_change(engine, clock)
    assert describe_step(engine.step) == ("set", "side-plank", 2, "left")
    assert cues(events) == [Cue.BEEP] * 3 + [Cue.REST_OVER]
    assert engine.getting_ready
    assert cues(start_the_hold(engine, clock)) == [Cue.BEEP] * 3 + [Cue.GO]
    events, _ = tick_until_change(engine, clock)
    assert describe_step(engine.step) == ("set", "side-plank", 2, "right")
    assert Cue.SWITCH_SIDES in cues(events)
    assert Cue.GO not in cues(events)
    assert engine.getting_ready


def test_quit_while_getting_ready_logs_nothing_for_that_hold(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep, side="left")
    clock.advance(3)
    [end] = ended(engine.quit())
    assert end.status == "partial"
    assert end.sets_logged == 2
    assert not engine.getting_ready


def test_a_hold_started_while_paused_stays_paused(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep, side="left")
    engine.toggle_pause()
    engine.proceed()
    clock.advance(30)
    assert engine.countdown is not None
    assert engine.countdown.paused == engine.paused  # paused, yet the hold runs down


# --- enter needs something done -----------------------------------------------------------


def test_enter_on_a_set_with_no_reps_only_shows_a_hint(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    assert engine.notice == ""
    clock.advance(30)
    assert engine.proceed() == []
    assert describe_step(engine.step) == ("set", "glute-bridge", 1, None)
    assert engine.completed == []
    assert engine.notice
    assert engine.proceed() == []  # again: still nothing
    assert engine.notice
    engine.count(+1)
    assert engine.notice == ""  # counting clears it
    [done] = records(engine.proceed())
    assert done.record.reps == 1


def test_the_hint_goes_when_the_step_changes(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    engine.proceed()
    assert engine.notice
    engine.skip()
    assert isinstance(engine.step, RestStep)
    assert "Count your reps" not in engine.notice
    engine.proceed()  # the rest
    assert engine.notice == ""


def test_counting_back_to_zero_blocks_enter_again(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    engine.count(+1)
    engine.count(-1)
    assert engine.proceed() == []
    assert engine.notice
    assert engine.completed == []


def test_a_hold_cannot_be_ended_in_its_first_second(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep, side="left")
    engine.proceed()  # start the hold
    assert engine.proceed() == []  # a double press does not end it too
    clock.advance(0.9)
    assert engine.proceed() == []
    assert describe_step(engine.step) == ("set", "side-plank", 1, "left")
    assert not engine.getting_ready
    assert engine.remaining() == pytest.approx(9.1)
    clock.advance(0.1)
    [done] = records(engine.proceed())
    assert done.record.seconds == 1


# --- tempo never overshoots ---------------------------------------------------------------


def test_tempo_ends_a_set_counted_to_the_target_by_hand(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    engine.toggle_tempo()
    target = target_reps(engine)
    for _ in range(target):
        engine.count(+1)
    assert isinstance(engine.step, SetStep)
    clock.advance(engine.settings.tempo_seconds)
    events = engine.tick()
    [done] = records(events)
    assert done.record.reps == target
    assert Cue.TICK not in cues(events)
    assert isinstance(engine.step, RestStep)


def test_tempo_does_not_add_to_a_count_past_the_target(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    engine.toggle_tempo()
    target = target_reps(engine)
    for _ in range(target + 2):
        engine.count(+1)
    clock.advance(engine.settings.tempo_seconds * 5)  # several reps due at once
    events = engine.tick()
    [done] = records(events)
    assert done.record.reps == target + 2
    assert cues(events).count(Cue.TICK) == 0


def test_tempo_adds_only_the_reps_still_missing(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    engine.toggle_tempo()
    target = target_reps(engine)
    for _ in range(target - 2):
        engine.count(+1)
    clock.advance(engine.settings.tempo_seconds * 5)
    events = engine.tick()
    [done] = records(events)
    assert done.record.reps == target
    assert cues(events).count(Cue.TICK) == 2


# --- completed or partial -----------------------------------------------------------------


def test_skipping_the_last_exercise_still_completes_the_session(
    engine: SessionEngine, clock
) -> None:
    engine.start()
    run_to(engine, clock, IntroStep, number=3)
    events = engine.skip()  # the band walk: nothing logged for it
    assert engine.finished
    [end] = ended(events)
    assert (end.status, end.skipped) == ("completed", ("lateral-band-walk",))
    assert end.sets_logged == 4
    assert engine.status == "completed"


def test_one_set_of_each_exercise_is_enough_to_complete(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, RestStep)
    engine.skip()
    engine.skip()  # the second bridge set
    run_to(engine, clock, SetStep, side="right")
    engine.skip()  # the plank's right side: its get-ready,
    engine.skip()  # then the hold, at once
    events = run_to(engine, clock, SummaryStep)
    [end] = ended(events)
    assert end.status == "completed"
    assert end.sets_logged == 3
    assert [(r.exercise, r.side) for r in engine.completed] == [
        ("glute-bridge", None),
        ("side-plank", "left"),
        ("lateral-band-walk", None),
    ]
