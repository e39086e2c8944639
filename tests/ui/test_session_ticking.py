"""The session screen wakes when the engine has something due, not on a fixed fast beat."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from runstrength.core.plan import SetStep, WarmupStep
from runstrength.core.ticking import MIN_TICK_SECONDS, next_tick_delay
from runstrength.screens.session import SessionScreen


def session(pilot: Pilot[None]) -> SessionScreen:
    screen = pilot.app.screen
    assert isinstance(screen, SessionScreen)
    return screen


async def test_one_timer_armed_for_the_next_change(make_app, clock) -> None:
    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session(pilot)
        assert isinstance(screen.engine.step, WarmupStep)
        clock.advance(0.4)
        screen.tick()
        # the shown second changes in 0.6 s: that is when the screen wakes next
        assert next_tick_delay(screen.engine) == pytest.approx(0.6)
        assert screen._timer is not None
        clock.advance(screen.engine.remaining() or 0)
        assert next_tick_delay(screen.engine) == MIN_TICK_SECONDS  # the deadline is now
        await pilot.press("S", "enter")  # skip the rest of the warm-up, begin the set
        assert isinstance(screen.engine.step, SetStep)
        assert next_tick_delay(screen.engine) is None
        assert screen._timer is None, "a counted set waits for keys, not for a timer"
        await pilot.press("t")
        assert screen._timer is not None, "tempo mode wakes the screen for each rep"
