"""The session screen wakes when the engine has something due, not on a fixed fast beat."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.timer import Timer

from runstrength.core.plan import SetStep, WarmupStep
from runstrength.core.ticking import MIN_TICK_SECONDS, next_tick_delay
from runstrength.screens.session import SessionScreen
from tests.ui.repaints import Repaints


def session(pilot: Pilot[None]) -> SessionScreen:
    screen = pilot.app.screen
    assert isinstance(screen, SessionScreen)
    return screen


class Wakeups:
    """What a screen asks Textual's scheduler for (its public `set_timer`): each delay,
    and the timers still armed (neither stopped nor fired)."""

    def __init__(self, screen: SessionScreen, monkeypatch: pytest.MonkeyPatch) -> None:
        self.delays: list[float] = []
        self.armed: set[Timer] = set()
        arm = screen.set_timer

        def set_timer(delay: float, callback: Any = None, **options: Any) -> Timer:
            def fired() -> Any:
                self.armed.discard(timer)
                return callback()

            timer = arm(delay, fired, **options)
            stop = timer.stop

            def stopped() -> None:
                self.armed.discard(timer)
                stop()

            timer.stop = stopped  # type: ignore[method-assign]
            self.delays.append(delay)
            self.armed.add(timer)
            return timer

        monkeypatch.setattr(screen, "set_timer", set_timer)


async def test_the_screen_sleeps_until_the_next_change_and_not_while_nothing_runs(
    make_app, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session(pilot)
        wakeups = Wakeups(screen, monkeypatch)
        assert isinstance(screen.engine.step, WarmupStep)
        clock.advance(0.4)
        screen.tick()
        # the shown second changes in 0.6 s: that is when the screen wakes next, once
        assert wakeups.delays[-1] == pytest.approx(0.6)
        assert len(wakeups.armed) == 1
        clock.advance(screen.engine.remaining() or 0)
        assert next_tick_delay(screen.engine) == MIN_TICK_SECONDS  # the deadline is now
        await pilot.press("S", "enter")  # skip the rest of the warm-up, begin the set
        assert isinstance(screen.engine.step, SetStep)
        assert wakeups.armed == set(), "a counted set waits for keys, not for a timer"
        await pilot.press("t")
        assert len(wakeups.armed) == 1, "tempo mode wakes the screen for each rep"


async def test_a_tick_repaints_the_parts_that_change_not_the_whole_screen(
    make_app, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = session(pilot)
        await pilot.pause()
        repaints = Repaints(screen, monkeypatch)
        shown = screen.step_view
        for _ in range(3):  # three whole seconds of the warm-up
            clock.advance(1.0)
            screen.tick()
        assert screen.step_view != shown, "the ticks changed what the screen shows"
        # A repaint of the screen itself redraws every line of it (a full update in
        # Textual's compositor); the timer and the bar repaint only themselves.
        assert repaints.calls == []
