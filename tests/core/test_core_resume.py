"""Resuming an interrupted session from the sets it had already logged."""

from __future__ import annotations

from runstrength.core.engine import SessionEngine
from runstrength.core.events import Event, SessionEnded, SetCompleted
from runstrength.core.plan import IntroStep, SetStep
from runstrength.core.records import SessionInfo, SetRecord
from runstrength.core.resume import resume_index


def step_through(engine: SessionEngine) -> list[Event]:
    """Do the current step as planned: count the reps, hold the hold, skip timers."""
    step = engine.step
    if isinstance(step, IntroStep):
        return list(engine.proceed())
    if isinstance(step, SetStep):
        if step.entry.exercise.is_hold:
            events = list(engine.proceed()) if engine.getting_ready else []
            engine.clock.advance(step.entry.seconds or 0)  # type: ignore[attr-defined]
            return events + engine.tick()
        for _ in range(step.entry.reps or 1):
            engine.count(1)
        return list(engine.proceed())
    return list(engine.skip())


def whole_run(engine: SessionEngine) -> list[SetRecord]:
    """Every set of the program, done as planned."""
    engine.start()
    done: list[SetRecord] = []
    while not engine.finished:
        events = step_through(engine)
        done += [e.record for e in events if isinstance(e, SetCompleted)]
    return done


def key(step: object) -> tuple[object, ...]:
    assert isinstance(step, SetStep)
    return (step.entry.exercise.id, step.set_number, step.side)


def test_resume_goes_on_at_the_set_after_the_last_one_done(make_engine, mini_program, clock):
    done = whole_run(make_engine(mini_program))
    assert len(done) == 5  # bridge 1 and 2, plank left and right, band walk
    old = SessionInfo(id="interrupted", program="mini", started_at=clock.now())
    for count in range(1, len(done)):
        engine = make_engine(mini_program)
        events = engine.resume(old, done[:count])
        assert engine.info == old
        assert engine.completed == done[:count]
        step = engine.step
        following = done[count]
        if isinstance(step, IntroStep):
            # a new exercise begins: its first set is the one not done yet
            assert step.entry.exercise.id == following.exercise
            assert following.set == 1
            assert following.exercise != done[count - 1].exercise
        else:
            assert key(step) == (following.exercise, following.set, following.side)
        assert not [e for e in events if isinstance(e, SetCompleted | SessionEnded)]


def test_a_resumed_session_logs_under_its_own_id_and_ends_with_all_sets(
    make_engine, mini_program, clock
):
    done = whole_run(make_engine(mini_program))
    old = SessionInfo(id="interrupted", program="mini", started_at=clock.now())
    engine = make_engine(mini_program)
    engine.resume(old, done[:2])
    rest = whole_run_from(engine)
    assert all(e.session.id == "interrupted" for e in rest if isinstance(e, SetCompleted))
    assert [(r.exercise, r.set, r.side) for r in engine.completed] == [
        (r.exercise, r.set, r.side) for r in done
    ]
    assert engine.status == "completed"


def whole_run_from(engine: SessionEngine) -> list[object]:
    events: list[object] = []
    while not engine.finished:
        events += step_through(engine)
    return events


def test_nothing_done_starts_from_the_warmup(make_engine, mini_program, clock):
    engine = make_engine(mini_program)
    engine.resume(SessionInfo("x", "mini", clock.now()), [])
    assert engine.index == 0


def test_skipped_sets_are_passed_over_and_bands_come_back(make_engine, mini_program, clock):
    done = whole_run(make_engine(mini_program))
    # bridge set 1 done, set 2 skipped, the plank's left side done
    kept = [done[0], done[2]]
    engine = make_engine(mini_program)
    plan = engine.plan
    assert key(plan[resume_index(plan, kept)]) == (done[3].exercise, 1, "right")
    band_walk = done[4]._replace(band="green")
    engine.resume(SessionInfo("x", "mini", clock.now()), [*done[:4], band_walk])
    assert engine.finished, "every set was done: the session goes to its summary"
    walk = engine.program.entries[-1].exercise
    assert walk.id == "lateral-band-walk"
    assert engine.band_for(walk) == "green"


def test_records_of_another_program_are_ignored(make_engine, mini_program, clock):
    stray = SetRecord("push-up", 1, None, 15, 15, None, None, clock.now())
    assert resume_index(make_engine(mini_program).plan, [stray]) == 0
