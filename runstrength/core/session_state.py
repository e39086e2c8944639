"""What the screens read from a live session: its step, timers, progress and the note under
the step, never changed here.

`SessionEngine` (core/engine.py) holds this state and changes it; the screens, the view
and the footer's key rules only read it through these queries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from runstrength.core.plan import (
    IntroStep,
    RestStep,
    SetStep,
    Step,
    StretchStep,
    SummaryStep,
    WarmupStep,
    warmup_position,
)
from runstrength.core.resume import resume_point

if TYPE_CHECKING:
    from runstrength.core.bands import BandChoice
    from runstrength.core.catalogue import Exercise
    from runstrength.core.clock import Clock
    from runstrength.core.programs import ProgramEntry
    from runstrength.core.records import ResumePoint, SessionKind
    from runstrength.core.skips import ExerciseTally
    from runstrength.core.timer import Countdown, RepClock

READY_GRACE = 1.0
"""Seconds after a get-ready runs out during which `s` still means "skip get-ready"."""
NOTE_SECONDS = 5.0
"""How long word of what became of the step just left stays on the next step."""


class Note:
    """The line under a step: a hint about the step under way (it stays until the step
    changes), or word of what became of the step just left (said for NOTE_SECONDS)."""

    def __init__(self) -> None:
        self.text = ""
        self.until: float | None = None
        """When word of the step just left goes; None: the text is the step's own."""

    def say(self, text: str) -> None:
        """A hint about the step under way (empty: none)."""
        self.text, self.until = text, None

    def say_after(self, text: str, now: float) -> None:
        """What became of the step just left, said on the next one for a few seconds."""
        self.text, self.until = text, now + NOTE_SECONDS

    def expire(self, now: float) -> None:
        if self.until is not None and now >= self.until:
            self.say("")


class SessionState:
    """The state of a session under way and the questions asked of it."""

    kind: SessionKind
    plan: tuple[Step, ...]
    index: int
    clock: Clock
    countdown: Countdown | None
    reps: int
    paused: bool
    bands: BandChoice
    tally: ExerciseTally
    note: Note
    warmup_extra: dict[int, float]
    """Seconds + and - added to (or took from) each warm-up move, by move."""
    hold_ran_in_at: float | None = None
    """When the hold under way began by its get-ready running out (not by a key)."""
    _reps_clock: RepClock

    @property
    def step(self) -> Step:
        return self.plan[self.index]

    @property
    def finished(self) -> bool:
        return isinstance(self.step, SummaryStep)

    @property
    def notice(self) -> str:
        """The note under the step: a hint, or what became of the step just left."""
        return self.note.text

    @property
    def entry(self) -> ProgramEntry | None:
        """The exercise the current step belongs to (for a rest: the one coming up); none
        in a recovery routine, where no exercise is done (so no band either)."""
        step = self.step
        if self.kind == "recovery":
            return None
        if isinstance(step, IntroStep | SetStep | StretchStep):
            return step.entry
        if isinstance(step, RestStep):
            return step.upcoming.entry
        return None

    def remaining(self) -> float | None:
        """Seconds left on the running timer, or None when the step has no timer."""
        return self.countdown.remaining(self.clock.monotonic()) if self.countdown else None

    def elapsed(self) -> float:
        return self.countdown.elapsed(self.clock.monotonic()) if self.countdown else 0.0

    def band_for(self, exercise: Exercise) -> str | None:
        """The band this exercise is done with now (None: bodyweight)."""
        return self.bands.band_for(exercise)

    def next_tick_in(self) -> float | None:
        """Seconds until the next tick can change anything, or None when none will.

        That is when the shown whole second of the timer changes (beeps and the
        deadline fall on whole seconds too), the next tempo rep is due, or the note about
        the step just left goes (paused or not).
        """
        if self.finished:
            return None
        now = self.clock.monotonic()
        due: list[float] = []
        if self.note.until is not None:
            due.append(max(0.0, self.note.until - now))
        if self.paused:
            return min(due) if due else None
        if self.countdown is not None:
            due.append(self.countdown.until_next_second(now))
        if self._reps_clock.due_at is not None:
            due.append(max(0.0, self._reps_clock.due_at - now))
        return min(due) if due else None

    def goes_on_at(self) -> ResumePoint | None:
        """Where the session would go on if left now, with the band picked with b for that
        exercise (None: only the summary is left)."""
        return self.bands.kept_at(resume_point(self.plan, self.index))

    @property
    def skipped(self) -> tuple[str, ...]:
        """The exercises passed over so far without a set done, by id."""
        return self.tally.skipped

    def ran_into_hold(self) -> bool:
        """Within READY_GRACE of a hold begun by its get-ready running out: a key pressed
        now was meant for the get-ready, as the footer showed it a moment ago."""
        began = self.hold_ran_in_at
        return began is not None and self.clock.monotonic() - began < READY_GRACE

    def warmup_move(self) -> tuple[int, float] | None:
        """During the warm-up: the move under way and the seconds left on it."""
        step = self.step
        if not isinstance(step, WarmupStep):
            return None
        total = step.seconds if self.countdown is None else self.countdown.total
        return warmup_position(step.moves, total, self.elapsed(), self.warmup_extra)

    def next_move_in(self) -> float | None:
        """During the warm-up: seconds until its next move (None on the last move)."""
        move = self.warmup_move()
        step = self.step
        if move is None or self.countdown is None or not isinstance(step, WarmupStep):
            return None
        return move[1] if move[0] + 1 < len(step.moves) else None

    def lengthen(self, seconds: float) -> None:
        """+ / -: more or less time on the running timer; in the warm-up it goes to the
        move under way (and takes no more than that move has left)."""
        assert self.countdown is not None
        move = self.warmup_move()
        before = self.countdown.total
        if move is not None:
            seconds = max(seconds, -move[1])
        self.countdown.adjust(seconds, self.clock.monotonic())
        if move is not None:
            index = move[0]
            self.warmup_extra[index] = self.warmup_extra.get(index, 0.0) + (
                self.countdown.total - before
            )

    @property
    def reps_in_progress(self) -> int:
        """Reps counted on the set under way (0 on anything else)."""
        step = self.step
        counted = isinstance(step, SetStep) and not step.entry.exercise.is_hold
        return self.reps if counted else 0
