"""When the screen must tick next, and timers in a row that do not drift."""

from __future__ import annotations

import pytest

from runstrength.core.plan import RestStep, SetStep, StretchStep, WarmupStep
from runstrength.core.timer import MAX_CARRY_SECONDS


def test_next_tick_falls_on_the_next_whole_second_of_the_timer(engine, clock) -> None:
    engine.start()
    assert isinstance(engine.step, WarmupStep)
    assert engine.next_tick_in() == pytest.approx(1.0)
    clock.advance(0.3)
    assert engine.next_tick_in() == pytest.approx(0.7)
    clock.advance(0.7)
    assert engine.next_tick_in() == pytest.approx(1.0)


def test_the_last_second_ends_exactly_at_the_deadline(engine, clock) -> None:
    engine.start()
    total = engine.remaining()
    assert total is not None
    clock.advance(total - 0.4)
    assert engine.next_tick_in() == pytest.approx(0.4)
    clock.advance(0.4)
    assert engine.next_tick_in() == 0.0


def test_nothing_to_tick_for_on_a_counted_set_or_a_pause(engine, clock) -> None:
    engine.start()
    engine.skip_warmup()
    engine.proceed()
    assert isinstance(engine.step, SetStep)
    assert engine.next_tick_in() is None
    engine.toggle_tempo()
    assert engine.next_tick_in() == pytest.approx(2.0)  # the cadence in the test settings
    engine.toggle_pause()
    assert engine.next_tick_in() is None


def test_a_late_tick_does_not_delay_the_next_timer(engine, clock) -> None:
    engine.start()
    engine.skip_warmup()
    engine.proceed()
    engine.count(1)
    engine.proceed()  # set 1 done: rest
    assert isinstance(engine.step, RestStep)
    rest = engine.remaining()
    assert rest is not None
    engine.skip()
    engine.count(1)
    engine.proceed()  # set 2 done: the stretch (left), then its right side
    assert isinstance(engine.step, StretchStep)
    hold = engine.remaining()
    assert hold is not None
    clock.advance(hold + 0.3)  # the tick comes 0.3 s late
    engine.tick()
    assert isinstance(engine.step, StretchStep)
    assert engine.step.side == "right"
    assert engine.remaining() == pytest.approx(hold - 0.3)


def test_a_long_gap_starts_the_next_timer_afresh(engine, clock) -> None:
    engine.start()
    engine.skip_warmup()
    engine.proceed()
    engine.count(1)
    engine.proceed()
    engine.skip()
    engine.count(1)
    engine.proceed()
    hold = engine.remaining()
    assert hold is not None
    clock.advance(hold + MAX_CARRY_SECONDS + 60)  # the laptop slept
    engine.tick()
    assert isinstance(engine.step, StretchStep)
    assert engine.step.side == "right"
    assert engine.remaining() == pytest.approx(hold)
