"""When the session screen wakes next: only when something on it is due to change."""

from __future__ import annotations

from runstrength.core.engine import SessionEngine

TICK_SECONDS = 1.0
"""The longest the screen sleeps; it wakes sooner when the engine says something is due."""
MIN_TICK_SECONDS = 0.005
PROGRESS_STEPS = 240


def next_tick_delay(engine: SessionEngine, longest: float = TICK_SECONDS) -> float | None:
    """When the screen ticks next: at the engine's next change (a timer's whole second, its
    deadline, a tempo rep, the note about the step just left going), or after `longest`
    for the progress bar, whichever is first; None while nothing is due (a counted set or
    a pause with no note left): then only a key changes anything."""
    due = engine.next_tick_in()
    return None if due is None else min(max(due, MIN_TICK_SECONDS), longest)
