"""A session laid out as steps: warm-up, then intro, sets, rests and stretch per exercise."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from runstrength.core.catalogue import Stretch, WarmupMove
from runstrength.core.programs import Program, ProgramEntry
from runstrength.core.records import Side
from runstrength.core.settings import Settings


@dataclass(frozen=True)
class WarmupStep:
    seconds: int
    moves: tuple[WarmupMove, ...]


@dataclass(frozen=True)
class IntroStep:
    entry: ProgramEntry
    number: int
    """1-based position of the exercise in the program."""
    count: int
    """How many exercises the program has."""


@dataclass(frozen=True)
class SetStep:
    entry: ProgramEntry
    number: int
    set_number: int
    side: Side | None

    @property
    def is_last_set(self) -> bool:
        return self.set_number == self.entry.sets and self.side != "left"


@dataclass(frozen=True)
class RestStep:
    seconds: int
    upcoming: SetStep


@dataclass(frozen=True)
class StretchStep:
    stretch: Stretch
    side: Side | None
    seconds: int
    entry: ProgramEntry
    number: int


@dataclass(frozen=True)
class SummaryStep:
    pass


Step = WarmupStep | IntroStep | SetStep | RestStep | StretchStep | SummaryStep


def _sides(per_side: bool) -> tuple[Side | None, ...]:
    return ("left", "right") if per_side else (None,)


def build_plan(
    program: Program, settings: Settings, warmup_moves: tuple[WarmupMove, ...]
) -> tuple[Step, ...]:
    """Every step of a session of this program, in order."""
    rest = program.rest_seconds or settings.rest_seconds
    steps: list[Step] = [WarmupStep(settings.warmup_minutes * 60, warmup_moves)]
    count = len(program.entries)
    for number, entry in enumerate(program.entries, 1):
        steps.append(IntroStep(entry, number, count))
        for set_number in range(1, entry.sets + 1):
            if set_number > 1:
                upcoming = SetStep(entry, number, set_number, _sides(entry.exercise.per_side)[0])
                steps.append(RestStep(rest, upcoming))
            for side in _sides(entry.exercise.per_side):
                steps.append(SetStep(entry, number, set_number, side))
        for side in _sides(entry.stretch.per_side):
            steps.append(
                StretchStep(entry.stretch, side, settings.stretch_hold_seconds, entry, number)
            )
    steps.append(SummaryStep())
    return tuple(steps)


def build_recovery_plan(
    program: Program, settings: Settings, mobility: tuple[WarmupMove, ...]
) -> tuple[Step, ...]:
    """A rest day's recovery routine: the easy mobility moves (timed like the warm-up), then
    each of the program's stretches once, held as long as after a set.

    It uses the same steps as a session, so the same timers, cues and keys guide it; it
    has no sets, so nothing in it is strength work.
    """
    steps: list[Step] = []
    if mobility:
        steps.append(WarmupStep(sum(move.seconds for move in mobility), mobility))
    seen: set[str] = set()
    for number, entry in enumerate(program.entries, 1):
        if entry.stretch.id in seen:
            continue
        seen.add(entry.stretch.id)
        for side in _sides(entry.stretch.per_side):
            steps.append(
                StretchStep(entry.stretch, side, settings.stretch_hold_seconds, entry, number)
            )
    steps.append(SummaryStep())
    return tuple(steps)


def warmup_position(
    moves: tuple[WarmupMove, ...],
    total: float,
    elapsed: float,
    extra: Mapping[int, float] | None = None,
) -> tuple[int, float]:
    """Which move is due after `elapsed` of a `total`-second warm-up, and seconds left on it.

    Each move gets a share of the planned time in proportion to its suggested length, plus
    what + and - added to it or took from it (`extra`, by move; counted in `total`).
    """
    if not moves:
        return 0, max(0.0, total - elapsed)
    extra = extra or {}
    planned = total - sum(extra.values())
    weight = sum(move.seconds for move in moves)
    end = 0.0
    for index, move in enumerate(moves):
        end += planned * move.seconds / weight + extra.get(index, 0.0)
        if elapsed < end - 1e-6:  # a move skipped to lands on its start, not a hair before
            return index, end - elapsed
    return len(moves) - 1, 0.0


SECONDS_PER_REP = 3.0
CHANGEOVER_SECONDS = 30


def estimate_seconds(plan: tuple[Step, ...], settings: Settings) -> float:
    """A fair guess at a session's length: timers as set, reps at the tempo cadence."""
    total = 0.0
    for step in plan:
        if isinstance(step, WarmupStep | RestStep | StretchStep):
            total += step.seconds
        elif isinstance(step, IntroStep):
            total += CHANGEOVER_SECONDS
        elif isinstance(step, SetStep):
            entry = step.entry
            total += entry.seconds or (entry.reps or 0) * max(
                settings.tempo_seconds, SECONDS_PER_REP
            )
    return total
