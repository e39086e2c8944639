"""What each session key does in the step under way, so the footer offers only keys that act.

`s` always skips the thing under way, and what that is changes from step to step; the
footer names it (`SKIP_LABELS`). The other keys are offered only where they do something.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from runstrength.core.plan import IntroStep, RestStep, SetStep, StretchStep, WarmupStep

if TYPE_CHECKING:
    from runstrength.core.engine import SessionEngine
    from runstrength.core.programs import ProgramEntry

SkipKind = Literal[
    "move",
    "warmup",
    "mobility",
    "exercise",
    "set",
    "end-set",
    "ready",
    "hold",
    "rest",
    "stretch",
    "side",
]

SKIP_LABELS: dict[SkipKind, str] = {
    "move": "Next move",
    "warmup": "End warm-up",
    "mobility": "End mobility",
    "exercise": "Skip exercise",
    "set": "Skip set",
    "end-set": "End set",
    "ready": "Skip get-ready",
    "hold": "End hold",
    "rest": "Skip rest",
    "stretch": "Skip stretch",
    "side": "Skip side",
}
"""What `s` does, as the footer says it."""

SKIP_NOTICES: dict[SkipKind, str] = {
    "warmup": "Warm-up over",
    "mobility": "Mobility over",
    "exercise": "Exercise skipped: nothing logged for it",
    "set": "Set skipped: nothing logged for it",
    "rest": "Rest skipped",
    "stretch": "Stretch skipped",
    "side": "Stretch skipped",
}
"""What became of the thing skipped, said on the next step (a set cut short says its count)."""


def routine_word(engine: SessionEngine) -> str:
    """What the timed moves at the start are called: a recovery routine's are its mobility."""
    return "mobility" if engine.kind == "recovery" else "warm-up"


def warmup_kind(engine: SessionEngine) -> SkipKind:
    """The whole of the timed moves, as S (or s on the last move) skips them."""
    return "mobility" if engine.kind == "recovery" else "warmup"


def skip_kind(engine: SessionEngine) -> SkipKind | None:
    """What `s` skips now; None at the summary."""
    step = engine.step
    if isinstance(step, WarmupStep):
        return "move" if engine.next_move_in() is not None else warmup_kind(engine)
    if isinstance(step, IntroStep):
        return "exercise"
    if isinstance(step, SetStep):
        if step.entry.exercise.is_hold:
            return "ready" if engine.getting_ready or engine.ran_into_hold() else "hold"
        return "end-set" if engine.reps else "set"
    if isinstance(step, RestStep):
        return "rest"
    if isinstance(step, StretchStep):
        return "side" if step.side else "stretch"  # one side: the other is still held
    return None


def exercise_at_hand(engine: SessionEngine) -> ProgramEntry | None:
    """The exercise whose card, set or rest is on screen (not its stretch)."""
    step = engine.step
    if isinstance(step, IntroStep | SetStep):
        return step.entry
    if isinstance(step, RestStep):
        return step.upcoming.entry
    return None


def offered(engine: SessionEngine, action: str, parameters: tuple[object, ...] = ()) -> bool:
    """Whether a session key does something in the step under way (before the summary).

    Keys whose footer label follows the state have one binding per label, told apart by
    `parameters`: p's ("pause" or "resume") and S's (the routine's word, `routine_word`)."""
    step = engine.step
    entry = exercise_at_hand(engine)
    counted = entry is not None and not entry.exercise.is_hold
    if action == "count":
        return isinstance(step, SetStep) and counted
    if action == "skip_warmup":
        return isinstance(step, WarmupStep) and parameters in ((), (routine_word(engine),))
    if action == "adjust":
        return engine.countdown is not None
    if action == "pause":
        tempo_running = engine.tempo and isinstance(step, SetStep) and counted
        now = "resume" if engine.paused else "pause"
        acts = engine.paused or engine.countdown is not None or tempo_running
        return acts and parameters in ((), (now,))
    if action == "tempo":
        return counted
    if action == "band":
        return entry is not None and entry.exercise.uses_band and bool(engine.settings.bands)
    return True
