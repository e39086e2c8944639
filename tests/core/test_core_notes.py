"""The note under a step belongs to the step it is about: a hint about the step under way
stays with it; word of what became of the step just left is said briefly on the next one,
and never on the summary. The band is said only where b changes it."""

from __future__ import annotations

import pytest

from runstrength.core.engine import SessionEngine
from runstrength.core.plan import IntroStep, RestStep, SetStep, StretchStep, SummaryStep
from runstrength.core.session_state import NOTE_SECONDS
from runstrength.core.styled import plain
from runstrength.core.view import status_line
from tests.core.test_core_engine import run_to


def status(engine: SessionEngine) -> str:
    return plain(status_line(engine, sound_off=False))


def test_word_of_a_skip_is_said_on_the_next_step_for_a_few_seconds(
    engine: SessionEngine, clock
) -> None:
    engine.start()
    run_to(engine, clock, RestStep)
    engine.skip()
    assert isinstance(engine.step, SetStep)
    assert engine.notice == "Rest skipped"
    # A counted set has no timer: the note alone wakes the screen to take it away.
    assert engine.next_tick_in() == pytest.approx(NOTE_SECONDS)
    clock.advance(NOTE_SECONDS - 0.5)
    engine.tick()
    assert engine.notice == "Rest skipped"
    clock.advance(0.5)
    engine.tick()
    assert engine.notice == ""
    assert "skipped" not in status(engine)
    assert engine.next_tick_in() is None  # nothing left to wake for


def test_word_of_a_skip_goes_while_paused_too(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, StretchStep)
    engine.skip()
    engine.toggle_pause()
    assert engine.next_tick_in() == pytest.approx(NOTE_SECONDS)
    clock.advance(NOTE_SECONDS)
    engine.tick()
    assert engine.notice == ""
    assert engine.paused


def test_a_skipped_side_of_a_stretch_is_named(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, StretchStep, side="left")
    engine.skip()
    assert isinstance(engine.step, StretchStep)
    assert engine.step.side == "right"
    assert engine.notice == "Stretch skipped (left side)"  # not the one under way


def test_a_hint_about_the_step_under_way_stays_with_it(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, SetStep)
    engine.proceed()  # nothing counted: enter says why it did nothing
    assert engine.notice.startswith("Count your reps")
    clock.advance(NOTE_SECONDS * 3)
    engine.tick()
    assert engine.notice.startswith("Count your reps")
    engine.skip()  # the set left: its hint goes with it
    assert engine.notice == "Set skipped: nothing logged for it"


def test_the_summary_says_nothing_of_what_was_skipped_last(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, IntroStep, number=3)
    engine.skip()  # the last exercise, on its card
    assert isinstance(engine.step, SummaryStep)
    assert engine.notice == ""
    assert status(engine) == ""


def test_the_band_is_said_only_where_b_changes_it(engine: SessionEngine, clock) -> None:
    engine.start()
    run_to(engine, clock, IntroStep, number=3)  # the band walk
    engine.next_band()
    assert "band: red" in status(engine)
    engine.proceed()
    assert "band: red" in status(engine)
    for _ in range(16):
        engine.count(+1)
    engine.proceed()
    assert isinstance(engine.step, StretchStep)  # b does nothing here: no band is said
    assert "band" not in status(engine)
