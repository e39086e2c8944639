"""Continue later: a session set aside goes on where it was left, the same day only."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from runstrength.core.engine import SessionEngine
from runstrength.core.events import (
    BandPicked,
    Event,
    SessionEnded,
    SessionResumed,
    SessionSetAside,
    SetCompleted,
)
from runstrength.core.plan import IntroStep, RestStep, SetStep, StretchStep
from runstrength.core.records import ResumePoint, SessionRecord, SetRecord
from runstrength.core.resume import can_resume, point_text, resume_point, resume_position
from tests.core.test_core_resume import whole_run


def logged(events: Sequence[Event]) -> list[SetRecord]:
    return [e.record for e in events if isinstance(e, SetCompleted)]


def to_set(engine: SessionEngine, reps: int = 15) -> list[SetRecord]:
    for _ in range(reps):
        engine.count(+1)
    return logged(engine.proceed())


def test_nothing_to_set_aside_before_a_set_is_logged(engine: SessionEngine) -> None:
    engine.start()
    assert engine.set_aside() == []
    engine.skip_warmup()
    engine.proceed()
    assert engine.set_aside() == []


def test_set_aside_in_a_rest_goes_on_at_the_set_after_it(make_engine, mini_program, clock) -> None:
    engine = make_engine(mini_program)
    engine.start()
    engine.skip_warmup()
    engine.proceed()
    done = to_set(engine)
    assert isinstance(engine.step, RestStep)
    [aside] = engine.set_aside()
    assert isinstance(aside, SessionSetAside)
    assert aside.resume_at == ResumePoint("glute-bridge", 1, 2, None)
    assert aside.skipped == ()
    assert aside.at == clock.now()
    assert point_text(aside.resume_at, mini_program) == "Glute bridge, set 2"

    again = make_engine(mini_program)
    again.resume(engine.info, done, aside.resume_at)
    step = again.step
    assert isinstance(step, SetStep)
    assert (step.entry.exercise.id, step.set_number) == ("glute-bridge", 2)


def test_set_aside_mid_set_starts_that_set_again(make_engine, mini_program, clock) -> None:
    engine = make_engine(mini_program)
    engine.start()
    engine.skip_warmup()
    engine.proceed()
    done = to_set(engine)
    engine.skip()  # the rest
    engine.count(+1)
    engine.count(+1)
    [aside] = engine.set_aside()
    assert aside.resume_at == ResumePoint("glute-bridge", 1, 2, None)
    assert engine.completed == done  # the two reps under way are not a set


def test_set_aside_after_skipping_goes_on_past_the_skipped(
    make_engine, mini_program, clock
) -> None:
    engine = make_engine(mini_program)
    engine.start()
    engine.skip_warmup()
    engine.proceed()
    done = to_set(engine)
    engine.skip()  # the rest
    engine.skip()  # set 2, nothing counted
    while not isinstance(engine.step, IntroStep):
        engine.skip()  # the stretch
    engine.skip()  # the side plank, on its card
    assert isinstance(engine.step, IntroStep)  # the band walk's card
    [aside] = engine.set_aside()
    assert aside.skipped == ("side-plank",)
    assert aside.resume_at == ResumePoint("lateral-band-walk", 3, 0)
    point = aside.resume_at
    # After a crash (no point kept) it would go on at the side plank's card instead.
    assert resume_position(engine.plan, done) < resume_position(engine.plan, done, point)
    again = make_engine(mini_program)
    again.resume(engine.info, done, point)
    assert again.step == engine.step
    assert again.skipped == ("side-plank",)
    again.proceed()
    to_set(again, 16)
    events: list[object] = []
    while not again.finished:
        events = again.skip()
    [end] = [e for e in events if isinstance(e, SessionEnded)]
    assert (end.status, end.skipped) == ("completed", ("side-plank",))


def test_a_point_behind_the_last_set_logged_gives_way(make_engine, mini_program) -> None:
    engine = make_engine(mini_program)
    engine.start()
    engine.skip_warmup()
    engine.proceed()
    done = to_set(engine)
    engine.skip()
    done += to_set(engine)
    stale = ResumePoint("glute-bridge", 1, 1)  # set aside once, then resumed and done
    index = resume_position(engine.plan, done, stale)
    assert isinstance(engine.plan[index], IntroStep)  # the side plank, after both sets
    assert resume_point(engine.plan, len(engine.plan) - 2) is None  # the last stretch
    assert isinstance(engine.plan[len(engine.plan) - 2], StretchStep)


def test_only_the_day_it_started(engine: SessionEngine, clock) -> None:
    record = SessionRecord(info=engine.info)
    today = clock.now().date()
    assert can_resume(record, today)
    assert not can_resume(record, today + timedelta(days=1))


def test_a_band_picked_and_not_yet_logged_goes_on_with_the_session(
    make_engine, mini_program
) -> None:
    engine = make_engine(mini_program)
    engine.start()
    engine.skip_warmup()
    engine.proceed()
    done = to_set(engine)
    while not isinstance(engine.step, IntroStep) or engine.step.entry.exercise.uses_band is False:
        engine.skip()
    walk = engine.step.entry.exercise
    engine.next_band()  # yellow -> red, on the walk's card
    engine.proceed()
    engine.count(+1)
    [aside] = engine.set_aside()
    assert aside.resume_at is not None
    assert aside.resume_at.band == "red"
    # Where it goes on is the same place, whatever the band.
    assert aside.resume_at == ResumePoint("lateral-band-walk", 3, 1, None)

    again = make_engine(mini_program)
    again.resume(engine.info, done, aside.resume_at)
    assert again.band_for(walk) == "red"
    again.bands.learn({"lateral-band-walk": "yellow"})  # the log's last band: older
    assert again.band_for(walk) == "red"
    [aside_again] = again.set_aside()  # set aside again at once: still picked
    assert aside_again.resume_at is not None
    assert aside_again.resume_at.band == "red"
    again.proceed()
    assert [r.band for r in to_set(again, 16)] == ["red"]


def test_no_band_picked_leaves_the_point_without_one(make_engine, mini_program) -> None:
    engine = make_engine(mini_program)
    engine.start()
    engine.skip_warmup()
    engine.proceed()
    to_set(engine)
    [aside] = engine.set_aside()
    assert aside.resume_at is not None
    assert aside.resume_at.band is None


def test_a_band_picked_is_kept_at_once_for_a_session_cut_off(make_engine, mini_program) -> None:
    engine = make_engine(mini_program)
    engine.start()
    engine.skip_warmup()
    engine.proceed()
    assert engine.next_band() == []  # the bridge needs no band
    first = to_set(engine)  # the session is in the log from its first set
    while not isinstance(engine.step, IntroStep) or not engine.step.entry.exercise.uses_band:
        engine.skip()
    [picked] = engine.next_band()  # yellow -> red on the walk's card, kept at once
    assert isinstance(picked, BandPicked)
    assert picked.session == engine.info
    assert picked.resume_at == ResumePoint("lateral-band-walk", 3, 0)
    assert picked.resume_at.band == "red"
    # Cut off here (no set aside): it goes on from the point kept, on the band picked.
    again = make_engine(mini_program)
    again.resume(engine.info, first, picked.resume_at)
    assert isinstance(again.step, IntroStep)
    assert again.band_for(again.step.entry.exercise) == "red"


def test_no_band_is_kept_before_the_session_is_in_the_log(make_engine, mini_program) -> None:
    engine = make_engine(mini_program)
    engine.start()
    engine.skip_warmup()
    while not isinstance(engine.step, IntroStep) or not engine.step.entry.exercise.uses_band:
        engine.skip()
    assert engine.next_band() == []  # nothing logged: nothing to go on with
    assert engine.band_for(engine.step.entry.exercise) == "red"  # picked all the same


def test_resuming_tells_the_log_the_session_is_under_way_again(make_engine, mini_program) -> None:
    engine = make_engine(mini_program)
    engine.start()
    engine.skip_warmup()
    engine.proceed()
    done = to_set(engine)
    [aside] = engine.set_aside()
    assert isinstance(aside, SessionSetAside)

    again = make_engine(mini_program)
    events = again.resume(engine.info, done, aside.resume_at)
    # First of all: cut off from now on, it is interrupted, no longer set aside.
    assert events[0] == SessionResumed(engine.info, ResumePoint("glute-bridge", 1, 2, None))
    assert [e for e in events if isinstance(e, SessionResumed)] == events[:1]


def test_nothing_done_or_nothing_left_tells_the_log_nothing(make_engine, mini_program) -> None:
    engine = make_engine(mini_program)
    engine.start()
    engine.skip_warmup()
    engine.proceed()
    to_set(engine)
    fresh = make_engine(mini_program)  # no set in the log: the session is not there yet
    assert not any(isinstance(e, SessionResumed) for e in fresh.resume(engine.info, []))
    whole = whole_run(make_engine(mini_program))
    ended = make_engine(mini_program)  # every set done: only its end is left to write
    events = ended.resume(engine.info, whole)
    assert ended.finished
    assert not any(isinstance(e, SessionResumed) for e in events)
