"""A rest day's recovery routine: built from the program's stretches and the mobility moves,
guided by the session engine, logged as a routine and never counted as training."""

from __future__ import annotations

import tomllib
from datetime import date, datetime, timedelta, timezone
from importlib import resources
from typing import Any

import pytest

from runstrength.core.catalogue import Catalogue, catalogue_from_data
from runstrength.core.engine import SessionEngine
from runstrength.core.errors import ValidationError
from runstrength.core.events import Event, RoutineDone, SessionEnded, SetCompleted
from runstrength.core.plan import (
    StretchStep,
    SummaryStep,
    WarmupStep,
    build_recovery_plan,
    estimate_seconds,
)
from runstrength.core.programs import Program
from runstrength.core.records import (
    SessionInfo,
    SessionRecord,
    SetRecord,
    StretchRecord,
    WarmupRecord,
)
from runstrength.core.recovery import routine_rows, routine_totals
from runstrength.core.restdays import can_start_today
from runstrength.core.settings import Settings
from runstrength.core.stats import (
    rest_days_respected,
    sessions_per_week,
    strength_days,
    week_streaks,
)
from runstrength.core.styled import plain
from runstrength.core.view import describe, status_line
from runstrength.store import load_programs

TZ = timezone(timedelta(hours=1))


@pytest.fixture
def endurance(catalogue: Catalogue) -> Program:
    program = load_programs(catalogue).get("endurance")
    assert program is not None
    return program


@pytest.fixture
def routine(clock, catalogue: Catalogue, fast_settings: Settings):
    """A recovery routine of a program on the engine, the fake clock and short timers."""

    def make(program: Program) -> SessionEngine:
        return SessionEngine(
            program,
            fast_settings,
            clock,
            "routine-1",
            warmup_moves=catalogue.mobility,
            kind="recovery",
        )

    return make


def stretch_steps(plan) -> list[tuple[str, str | None, int]]:
    return [(s.stretch.id, s.side, s.seconds) for s in plan if isinstance(s, StretchStep)]


# --- the plan ----------------------------------------------------------------------------


def test_the_plan_is_the_mobility_moves_then_each_stretch_of_the_program_once(
    catalogue: Catalogue, endurance: Program
) -> None:
    settings = Settings(stretch_hold_seconds=40)
    plan = build_recovery_plan(endurance, settings, catalogue.mobility)
    first = plan[0]
    assert isinstance(first, WarmupStep)
    assert first.moves == catalogue.mobility
    assert first.seconds == sum(move.seconds for move in catalogue.mobility) == 300
    # each stretch of the program once, in the program's order
    assert stretch_steps(plan) == [
        ("quad-stretch", "left", 40),
        ("quad-stretch", "right", 40),
        ("hamstring-stretch", "left", 40),
        ("hamstring-stretch", "right", 40),
        ("figure-four-stretch", "left", 40),
        ("figure-four-stretch", "right", 40),
        ("calf-stretch", "left", 40),
        ("calf-stretch", "right", 40),
        ("cobra-stretch", None, 40),
        ("side-bend-stretch", "left", 40),
        ("side-bend-stretch", "right", 40),
        ("childs-pose", None, 40),
    ]
    assert isinstance(plan[-1], SummaryStep)
    assert len(plan) == 14  # nothing else: no intro, no set, no rest
    assert estimate_seconds(plan, settings) == 300 + 12 * 40


def test_each_program_gets_its_own_stretches(catalogue: Catalogue) -> None:
    sprint = load_programs(catalogue).get("sprint")
    assert sprint is not None
    plan = build_recovery_plan(sprint, Settings(), catalogue.mobility)
    ids = list(dict.fromkeys(stretch for stretch, _, _ in stretch_steps(plan)))
    assert ids == [entry.stretch.id for entry in sprint.entries if entry.stretch.id in ids]
    assert "chest-doorway-stretch" in ids
    assert "quad-stretch" not in ids


def test_without_mobility_moves_it_is_the_stretches_alone(endurance: Program) -> None:
    plan = build_recovery_plan(endurance, Settings(), ())
    assert isinstance(plan[0], StretchStep)


def test_the_built_in_mobility_moves_are_easy_and_validated(catalogue: Catalogue) -> None:
    assert len(catalogue.mobility) >= 4
    assert {move.id for move in catalogue.mobility}.isdisjoint(catalogue.exercises)
    assert all(move.cues for move in catalogue.mobility)


def _content(name: str) -> dict[str, Any]:
    text = resources.files("runstrength").joinpath("data", name).read_text(encoding="utf-8")
    return tomllib.loads(text)


def test_the_mobility_file_is_checked_like_the_others() -> None:
    exercises, stretches, warmup = (
        _content(f"{name}.toml") for name in ("exercises", "stretches", "warmup")
    )
    mobility = _content("mobility.toml")
    mobility["move"][0]["seconds"] = 5
    mobility["move"][2]["id"] = mobility["move"][1]["id"]
    del mobility["move"][3]["cues"]
    with pytest.raises(ValidationError) as caught:
        catalogue_from_data(exercises, stretches, warmup, source="test", mobility=mobility)
    problems = "\n".join(caught.value.problems)
    assert "mobility move #1" in problems
    assert "seconds" in problems
    assert "mobility move #4" in problems
    assert 'mobility move "ankle-circles": id used twice' in problems
    with pytest.raises(ValidationError):
        catalogue_from_data(exercises, stretches, warmup, mobility={"move": []})


# --- the routine on the engine -----------------------------------------------------------


def run_to_summary(engine, clock) -> list[Event]:
    events = list(engine.start())
    while not engine.finished:
        remaining = engine.remaining()
        assert remaining is not None, f"{engine.step} has no timer"
        clock.advance(remaining + 0.01)
        events += engine.tick()
    return events


def test_a_whole_routine_is_logged_as_a_completed_recovery_session(
    routine, clock, endurance: Program
) -> None:
    engine = routine(endurance)
    events = run_to_summary(engine, clock)
    assert not [e for e in events if isinstance(e, SetCompleted)]
    done = [e.record for e in events if isinstance(e, RoutineDone)]
    assert isinstance(done[0], WarmupRecord)
    assert done[0] == WarmupRecord(seconds=300, target_seconds=300)
    assert [(r.stretch, r.side, r.skipped) for r in done[1:] if isinstance(r, StretchRecord)][
        :3
    ] == [
        ("quad-stretch", "left", False),
        ("quad-stretch", "right", False),
        ("hamstring-stretch", "left", False),
    ]
    assert len(done) == 13
    assert all(e.session.kind == "recovery" for e in events if isinstance(e, RoutineDone))
    [end] = [e for e in events if isinstance(e, SessionEnded)]
    assert end.status == "completed"
    assert end.session.kind == "recovery"
    assert end.sets_logged == 13  # non-zero: the screen writes the ending
    assert engine.info.is_recovery


def test_skipped_steps_wait_for_the_first_one_done(routine, clock, endurance: Program) -> None:
    engine = routine(endurance)
    engine.start()
    clock.advance(20)
    skipped = engine.skip_warmup()
    assert isinstance(engine.step, StretchStep)
    assert not [e for e in skipped if isinstance(e, RoutineDone)]  # held back for now
    clock.advance(15.01)
    events = engine.tick()
    logged = [e.record for e in events if isinstance(e, RoutineDone)]
    assert isinstance(logged[0], WarmupRecord)
    assert logged[0].seconds == 20
    assert isinstance(logged[1], StretchRecord)
    assert not logged[1].skipped


def test_stopped_before_anything_is_done_nothing_is_logged(
    routine, clock, endurance: Program
) -> None:
    engine = routine(endurance)
    engine.start()
    clock.advance(10)
    events = engine.quit()
    assert not [e for e in events if isinstance(e, RoutineDone)]
    [end] = [e for e in events if isinstance(e, SessionEnded)]
    assert end.status == "partial"
    assert end.sets_logged == 0


def test_stopped_midway_it_is_partial_with_what_was_done(
    routine, clock, endurance: Program
) -> None:
    engine = routine(endurance)
    engine.start()
    clock.advance(300.01)
    engine.tick()  # mobility done
    clock.advance(12)
    events = engine.quit()  # the stretch under way: logged as cut short
    [stretch] = [e.record for e in events if isinstance(e, RoutineDone)]
    assert isinstance(stretch, StretchRecord)
    assert stretch.skipped
    assert stretch.seconds == 12
    [end] = [e for e in events if isinstance(e, SessionEnded)]
    assert (end.status, end.sets_logged) == ("partial", 2)


def test_the_screen_words_are_the_routines(routine, clock, endurance: Program) -> None:
    engine = routine(endurance)
    engine.start()
    view = describe(engine)
    assert view.heading == "Mobility: easy moves"
    assert "Recovery routine" in view.where
    assert "then 7 stretches" in view.where
    assert view.lines[0] == "Easy march in place"
    engine.proceed()
    view = describe(engine)
    assert view.heading == "Stretch: Standing quad stretch"
    assert view.where == "Recovery routine · stretch 1 of 7 · Left side"
    assert view.prompt == "other side"
    while not isinstance(engine.step, SummaryStep):
        engine.proceed()
    assert describe(engine).heading == "Recovery routine done"


def test_no_exercise_and_no_band_belong_to_a_routine(routine, endurance: Program) -> None:
    """The quad stretch is the band squat's, but no band is shown or changed on it."""
    engine = routine(endurance)
    engine.start()
    engine.proceed()
    assert isinstance(engine.step, StretchStep)
    assert engine.step.entry.exercise.uses_band
    assert engine.entry is None
    assert "band" not in plain(status_line(engine, sound_off=False))
    assert engine.next_band() == []
    assert engine.bands.band_for(engine.step.entry.exercise) == "yellow"


def test_a_strength_engine_is_unchanged(make_engine, mini_program: Program) -> None:
    engine = make_engine(mini_program)
    assert engine.info.kind == "strength"
    assert describe(engine).heading == "Warm-up"


def test_summary_rows_and_totals() -> None:
    at = datetime(2026, 11, 23, 7, 10, tzinfo=TZ)
    records: list[WarmupRecord | StretchRecord] = [
        WarmupRecord(seconds=250, target_seconds=300),
        StretchRecord("cobra-stretch", "dead-bug", None, 30, 30, False, at),
        StretchRecord("quad-stretch", "band-squat", "left", 4, 30, True, at),
        StretchRecord("no-longer-there", "band-squat", None, 30, 30, False, at),
    ]
    from runstrength.store import load_catalogue

    rows = routine_rows(records, load_catalogue())
    assert rows == [
        ("Mobility moves", "cut short", "4:10/5:00"),
        ("Cobra stretch", "held", "30/30 s"),
        ("Standing quad stretch (left)", "skipped", "4/30 s"),
        ("no-longer-there", "held", "30/30 s"),
    ]
    assert routine_totals(records) == "2 stretches held, 1 skipped · mobility 4:10"
    assert routine_totals([]) == ""


# --- never training ----------------------------------------------------------------------


def a_session(day: date, kind: str = "strength", sid: str = "") -> SessionRecord:
    started = datetime(day.year, day.month, day.day, 7, 0, tzinfo=TZ)
    info = SessionInfo(sid or f"{kind}-{day}", "endurance", started, kind=kind)  # type: ignore[arg-type]
    record = SessionRecord(info=info, status="completed", ended_at=started + timedelta(minutes=10))
    if kind == "strength":
        record.sets.append(
            SetRecord("glute-bridge", 1, None, 20, 20, None, None, started + timedelta(minutes=5))
        )
    else:
        record.stretches.append(
            StretchRecord("cobra-stretch", "dead-bug", None, 30, 30, False, started)
        )
    return record


def test_statistics_count_no_recovery_routine() -> None:
    monday = date(2026, 11, 16)
    strength = [a_session(monday), a_session(monday + timedelta(days=2))]
    routines = [a_session(monday + timedelta(days=n), "recovery") for n in (1, 3, 4, 5, 7, 9)]
    both = strength + routines
    assert strength_days(both) == strength_days(strength) == {monday, date(2026, 11, 18)}
    today = date(2026, 11, 26)
    assert sessions_per_week(both, today, weeks=2) == [
        (date(2026, 11, 16), 2),
        (date(2026, 11, 23), 0),
    ]
    assert week_streaks(both, today) == week_streaks(strength, today)
    assert week_streaks(both, today).longest == 1
    # a routine on the day after a strength day does not spoil the rest day
    assert rest_days_respected(both, today).respected == 2


def test_a_recovery_session_is_no_training_even_with_sets() -> None:
    """The rule rests on the kind, not only on the sets (an import cannot sneak one in)."""
    odd = a_session(date(2026, 11, 16))
    odd.info = odd.info._replace(kind="recovery")
    assert not odd.is_training
    assert strength_days([odd]) == set()


def test_the_rest_day_rule_ignores_a_recovery_routine(tmp_path, clock) -> None:
    """A routine logged yesterday (a rest day itself) leaves today open for training."""
    from runstrength.store import TrainingLog
    from runstrength.store.schedule import Schedule

    log = TrainingLog(tmp_path / "log.json")
    today = clock.now().date()
    for offset, kind in ((-2, "strength"), (-1, "recovery")):
        started = clock.now() + timedelta(days=offset)
        info = SessionInfo(f"s{offset}", "endurance", started, kind=kind)  # type: ignore[arg-type]
        if kind == "strength":
            log.log_set(info, SetRecord("glute-bridge", 1, None, 20, 20, None, None, started))
        else:
            record = StretchRecord("cobra-stretch", "dead-bug", None, 30, 30, False, started)
            log.log_routine(info, record)
        log.finish_session(info, "completed", started + timedelta(minutes=10))
    days = Schedule(log).training_days(today, since=today - timedelta(days=3))
    assert days.logged == {today - timedelta(days=2): "endurance"}
    assert can_start_today(days).allowed
    log.close()
