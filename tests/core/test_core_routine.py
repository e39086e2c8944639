"""The warm-up and the stretches as logged: how long each ran, held or skipped, and when
they reach the log (with the session's first set, never before)."""

from __future__ import annotations

from datetime import timedelta

from runstrength.core.engine import SessionEngine
from runstrength.core.events import Event, RoutineDone, SetCompleted
from runstrength.core.plan import IntroStep, SetStep, StretchStep
from runstrength.core.records import StretchRecord, WarmupRecord

WARMUP_SECONDS = 60  # the fast settings of tests/core/conftest.py
STRETCH_SECONDS = 15


def routine(events: list[Event]) -> list[WarmupRecord | StretchRecord]:
    return [e.record for e in events if isinstance(e, RoutineDone)]


def count_and_finish(engine: SessionEngine) -> list[Event]:
    step = engine.step
    assert isinstance(step, SetStep)
    events: list[Event] = []
    for _ in range(step.entry.reps or 0):
        events += engine.count(+1)
    return events + engine.proceed()


def to_first_set(engine: SessionEngine) -> list[Event]:
    events = engine.proceed()  # the intro
    assert isinstance(engine.step, SetStep)
    return events


def to_the_first_stretch(engine: SessionEngine) -> None:
    """Warm-up skipped, both glute bridge sets counted, the rest between them skipped."""
    engine.start()
    engine.skip_warmup()
    to_first_set(engine)
    count_and_finish(engine)
    engine.skip()
    count_and_finish(engine)
    assert isinstance(engine.step, StretchStep)


def test_the_full_warmup_is_logged_with_the_first_set(engine: SessionEngine, clock) -> None:
    assert engine.settings.warmup_minutes * 60 == WARMUP_SECONDS
    assert engine.settings.stretch_hold_seconds == STRETCH_SECONDS
    events = engine.start()
    clock.advance(WARMUP_SECONDS)
    events += engine.tick()
    assert isinstance(engine.step, IntroStep)
    events += to_first_set(engine)
    assert routine(events) == []  # nothing logged yet: the session is not in the log
    events = count_and_finish(engine)
    assert routine(events) == [WarmupRecord(seconds=60, target_seconds=60)]
    kinds = [type(e) for e in events if isinstance(e, SetCompleted | RoutineDone)]
    assert kinds == [SetCompleted, RoutineDone]


def test_a_warmup_cut_short_keeps_its_length(engine: SessionEngine, clock) -> None:
    engine.start()
    clock.advance(22.4)
    engine.skip_warmup()
    to_first_set(engine)
    assert routine(count_and_finish(engine)) == [WarmupRecord(seconds=22, target_seconds=60)]


def test_moves_skipped_with_s_do_not_count_as_time_warmed_up(engine: SessionEngine, clock) -> None:
    """s jumps to the next move; the time it jumped over was not spent warming up."""
    engine.start()
    clock.advance(3)
    engine.skip()  # next move at once
    clock.advance(2)
    engine.skip_warmup()
    to_first_set(engine)
    assert routine(count_and_finish(engine)) == [WarmupRecord(seconds=5, target_seconds=60)]


def test_skipping_every_move_logs_only_the_time_spent(engine: SessionEngine, clock) -> None:
    engine.start()
    clock.advance(1)
    while engine.next_move_in():
        engine.skip()
    last_move = engine.countdown.remaining(clock.monotonic()) if engine.countdown else 0
    clock.advance(60)  # the last move runs out by itself
    engine.tick()
    assert isinstance(engine.step, IntroStep)
    to_first_set(engine)
    [record] = routine(count_and_finish(engine))
    assert isinstance(record, WarmupRecord)
    assert record.seconds == round(1 + last_move) < WARMUP_SECONDS


def test_more_time_on_the_warmup_counts_against_the_plan(engine: SessionEngine, clock) -> None:
    engine.start()
    engine.adjust(+15)
    clock.advance(WARMUP_SECONDS + 15)
    engine.tick()
    to_first_set(engine)
    assert routine(count_and_finish(engine)) == [WarmupRecord(seconds=75, target_seconds=60)]


def test_stretches_are_logged_held_or_skipped(engine: SessionEngine, clock) -> None:
    to_the_first_stretch(engine)
    step = engine.step
    assert isinstance(step, StretchStep)
    clock.advance(STRETCH_SECONDS)
    left = engine.tick()  # the left side held to the end
    clock.advance(4)
    right = engine.skip()  # the right side cut short
    [held] = routine(left)
    [skipped] = routine(right)
    assert held == StretchRecord(
        stretch=step.stretch.id,
        after="glute-bridge",
        side="left",
        seconds=STRETCH_SECONDS,
        target_seconds=STRETCH_SECONDS,
        skipped=False,
        completed_at=clock.now() - timedelta(seconds=4),
    )
    assert isinstance(skipped, StretchRecord)
    assert (skipped.side, skipped.seconds, skipped.skipped) == ("right", 4, True)
    assert engine.routine.records[1:] == [held, skipped]


def test_enter_ends_a_stretch_early_as_held(engine: SessionEngine, clock) -> None:
    to_the_first_stretch(engine)
    clock.advance(9)
    [record] = routine(engine.proceed())
    assert isinstance(record, StretchRecord)
    assert (record.seconds, record.skipped) == (9, False)


def test_a_session_stopped_before_any_set_logs_no_routine(engine: SessionEngine, clock) -> None:
    events = engine.start()
    clock.advance(WARMUP_SECONDS)
    events += engine.tick()
    events += engine.quit()
    assert routine(events) == []
    assert [type(r) for r in engine.routine.records] == [WarmupRecord]


def test_a_stretch_before_the_first_set_waits_for_it(engine: SessionEngine, clock) -> None:
    engine.start()
    engine.skip_warmup()  # the warm-up
    to_first_set(engine)
    engine.skip()  # set 1 of the glute bridge
    engine.skip()  # its rest
    engine.skip()  # set 2
    assert isinstance(engine.step, StretchStep)
    waiting = engine.skip() + engine.skip()  # both sides, before any set was logged
    assert routine(waiting) == []
    assert isinstance(engine.step, IntroStep)
    engine.proceed()
    while not isinstance(engine.step, SetStep) or engine.getting_ready:
        clock.advance(1)
        engine.tick()
    clock.advance(engine.remaining() or 0)
    flushed = engine.tick()  # the side plank's left side: the first logged set
    kinds = [type(r).__name__ for r in routine(flushed)]
    assert kinds == ["WarmupRecord", "StretchRecord", "StretchRecord"]


def test_quitting_during_a_stretch_logs_it_as_skipped(engine: SessionEngine, clock) -> None:
    to_the_first_stretch(engine)
    clock.advance(3)
    [record] = routine(engine.quit())
    assert isinstance(record, StretchRecord)
    assert (record.seconds, record.skipped) == (3, True)


def test_a_resumed_session_logs_its_stretches_at_once(engine: SessionEngine, clock) -> None:
    first = SessionEngine(engine.program, engine.settings, clock, "session-1")
    first.start()
    first.skip_warmup()
    first.proceed()
    done = [e.record for e in count_and_finish(first) if isinstance(e, SetCompleted)]
    engine.resume(first.info, done)
    assert isinstance(engine.step, SetStep)
    engine.skip()  # set 2
    assert isinstance(engine.step, StretchStep)
    assert len(routine(engine.skip())) == 1
