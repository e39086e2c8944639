"""What a session adds up to."""

from __future__ import annotations

from datetime import timedelta

import pytest

from runstrength.core.catalogue import Catalogue
from runstrength.core.engine import READY_SECONDS, SessionEngine
from runstrength.core.plan import IntroStep, RestStep, SetStep, StretchStep, WarmupStep
from runstrength.core.programs import program_from_toml
from runstrength.core.records import SessionInfo, SessionRecord, SetRecord
from runstrength.core.summary import format_duration, summarize, totals_text


def play(engine: SessionEngine, clock, reps: dict[tuple[str, int], int]) -> None:
    """Run a session: count the given reps per (exercise, set), skip sets not listed."""
    engine.start()
    while not engine.finished:
        step = engine.step
        if isinstance(step, WarmupStep | RestStep | StretchStep):
            clock.advance(step.seconds)
            engine.tick()
        elif isinstance(step, IntroStep):
            engine.enter()
        elif isinstance(step, SetStep) and step.entry.exercise.is_hold:
            assert engine.getting_ready
            clock.advance(READY_SECONDS)
            engine.tick()
            assert not engine.getting_ready
            clock.advance(step.entry.seconds or 0)
            engine.tick()
        elif isinstance(step, SetStep):
            key = (step.entry.exercise.id, step.set_number)
            if key not in reps:
                engine.skip()
                continue
            for _ in range(reps[key]):
                engine.count(+1)
            clock.advance(40)
            engine.enter()


def test_totals_for_a_session(engine: SessionEngine, clock) -> None:
    play(engine, clock, {("glute-bridge", 1): 15, ("lateral-band-walk", 1): 12})
    assert engine.status is not None
    summary = summarize(
        engine.program, engine.completed, engine.info.started_at, engine.ended_at, engine.status
    )
    assert summary.status == "completed"
    bridge, plank, walk = summary.exercises
    assert (bridge.exercise_id, bridge.sets_done, bridge.sets_planned) == ("glute-bridge", 1, 2)
    assert (bridge.done, bridge.target) == (15, 30)
    assert not bridge.is_hold
    assert (plank.sets_done, plank.sets_planned) == (2, 2)  # each side counts as one
    assert (plank.done, plank.target) == (20, 20)  # seconds held
    assert plank.is_hold
    assert (walk.done, walk.target) == (12, 16)
    assert summary.sets_done == 4
    assert summary.sets_planned == 5
    assert summary.reps_done == 27
    assert summary.reps_target == 46
    # warm-up 60, bridge 40, rest 20, 2 stretches of 15, holds of 10 each side after 5 s
    # to get ready, 2 stretches, walk 40, 1 stretch
    assert summary.duration == timedelta(seconds=60 + 40 + 20 + 30 + 2 * (5 + 10) + 30 + 40 + 15)


def test_an_exercise_with_no_set_done_is_skipped_and_the_session_completed(
    engine: SessionEngine, clock
) -> None:
    play(engine, clock, {("glute-bridge", 1): 15, ("glute-bridge", 2): 15})  # no band walk
    assert engine.finished
    assert engine.status == "completed"
    summary = summarize(
        engine.program,
        engine.completed,
        engine.info.started_at,
        engine.ended_at,
        engine.status,
        engine.skipped,
    )
    assert summary.status == "completed"
    assert summary.sets_done == 4
    assert summary.sets_planned == 5
    assert [e.sets_done for e in summary.exercises] == [2, 2, 0]
    assert [e.skipped for e in summary.exercises] == [False, False, True]
    assert summary.skipped == ("Lateral band walk",)
    text = totals_text(summary, logged=4)
    assert "[b]1 exercise skipped[/b]" in text
    assert "partial" not in text
    assert "Stopped" not in text


def test_the_totals_say_what_a_stop_keeps_and_when_nothing_was_logged(
    engine: SessionEngine, clock
) -> None:
    engine.start()
    summary = summarize(engine.program, [], engine.info.started_at, clock.now(), "partial")
    assert totals_text(summary, logged=0).endswith("Nothing was logged: no set was finished.")
    assert "Stopped" in totals_text(summary, logged=3)
    skipped = summarize(
        engine.program,
        [],
        engine.info.started_at,
        clock.now(),
        "completed",
        ("glute-bridge", "side-plank"),
    )
    assert "[b]2 exercises skipped[/b]" in totals_text(skipped, logged=0)


def test_a_quit_session_is_partial(engine: SessionEngine, clock) -> None:
    engine.start()
    engine.skip_warmup()
    engine.enter()
    for _ in range(10):
        engine.count(+1)
    engine.enter()
    clock.advance(90)
    engine.quit()
    assert engine.status is not None
    summary = summarize(
        engine.program, engine.completed, engine.info.started_at, engine.ended_at, engine.status
    )
    assert summary.status == "partial"
    assert summary.sets_done == 1
    assert summary.reps_done == 10
    assert summary.sets_planned == 5
    assert summary.duration == timedelta(seconds=90)


def test_nothing_done(engine: SessionEngine) -> None:
    info = engine.info
    summary = summarize(engine.program, [], info.started_at, info.started_at, "partial")
    assert summary.sets_done == 0
    assert summary.reps_done == 0
    assert summary.duration == timedelta(0)
    assert [e.sets_planned for e in summary.exercises] == [2, 2, 1]


REPEATED = """\
name = "twice"
title = "Bridges twice"
goal = "endurance"

[[exercise]]
id = "glute-bridge"
sets = 1
reps = 20

[[exercise]]
id = "calf-raise"
sets = 1
reps = 20

[[exercise]]
id = "glute-bridge"
sets = 1
reps = 15
"""


def test_an_exercise_used_twice_is_counted_once_per_set(
    make_engine, catalogue: Catalogue, clock
) -> None:
    program = program_from_toml(REPEATED, "twice.toml", catalogue)
    engine = make_engine(program)
    play(engine, clock, {("glute-bridge", 1): 20, ("calf-raise", 1): 20})
    assert len(engine.completed) == 3
    summary = summarize(
        program, engine.completed, engine.info.started_at, engine.ended_at, engine.status
    )
    assert summary.sets_planned == 3
    assert summary.sets_done == len(engine.completed)
    assert summary.reps_done == sum(r.reps or 0 for r in engine.completed)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0 s"),
        (-5, "0 s"),
        (45, "45 s"),
        (59.9, "59 s"),
        (60, "1 min"),
        (95, "1 min 35 s"),
        (9 * 60 + 59, "9 min 59 s"),
        (10 * 60 + 59, "10 min"),
        (34 * 60 + 29, "34 min"),
        (3600, "1 h 00 min"),
        (3600 + 5 * 60, "1 h 05 min"),
        (2 * 3600 + 59 * 60, "2 h 59 min"),
    ],
)
def test_format_duration(seconds: float, text: str) -> None:
    assert format_duration(timedelta(seconds=seconds)) == text


def test_a_session_day_is_the_day_it_started(engine: SessionEngine, clock) -> None:
    info = SessionInfo("s", "endurance", engine.info.started_at)
    assert info.date == engine.info.started_at.date()
    record = SessionRecord(info)
    assert record.status == "in-progress"
    record.sets.append(
        SetRecord("glute-bridge", 1, None, 20, 18, None, None, clock.now()),
    )
    record.sets.append(SetRecord("side-plank", 1, "left", None, None, None, 30, clock.now()))
    assert record.total_reps == 18
    assert record.id == "s"
