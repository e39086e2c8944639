"""What the log holds: completed sets under a session, named as in the interchange format.

The records are NamedTuples (see `core.values`); a session, filled in as it is read, is a
dataclass.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal, NamedTuple

from runstrength.core.values import last_field_aside

Side = Literal["left", "right"]
Status = Literal["in-progress", "completed", "partial"]
SessionKind = Literal["strength", "recovery"]
"""A strength session (sets), or a rest day's recovery routine (moves and stretches only)."""
SESSION_KINDS: tuple[SessionKind, ...] = ("strength", "recovery")


@last_field_aside
class SetRecord(NamedTuple):
    """One completed set (or one side of a per-side set)."""

    exercise: str
    set: int
    side: Side | None
    target_reps: int | None
    reps: int | None
    band: str | None
    seconds: int | None
    completed_at: datetime
    started_at: datetime | None = None
    target_seconds: int | None = None
    edited_at: datetime | None = None
    """When the set was last corrected by hand, if ever."""
    key: str | None = None
    """The log's own handle on this set (for corrections); not part of the record."""


class SessionInfo(NamedTuple):
    """The identity of a session, known from its first moment."""

    id: str
    program: str
    started_at: datetime
    kind: SessionKind = "strength"
    """A recovery routine is logged like a session but is never training: it has no
    sets, makes no rest day and counts in no statistics."""

    @property
    def date(self) -> date:
        """The session's day: the local calendar day on which it started."""
        return self.started_at.date()

    @property
    def is_recovery(self) -> bool:
        return self.kind == "recovery"


class WarmupRecord(NamedTuple):
    """How long the warm-up ran, against the minutes planned (in a recovery routine: its
    mobility moves)."""

    seconds: int
    target_seconds: int


class StretchRecord(NamedTuple):
    """One stretch prompt (one side of a per-side stretch): held, or skipped."""

    stretch: str
    after: str
    """The exercise it followed (in a recovery routine: the exercise it belongs to)."""
    side: Side | None
    seconds: int
    """How long it was held."""
    target_seconds: int
    skipped: bool
    completed_at: datetime


class Break(NamedTuple):
    """A span a session was set aside: from when it was left to when it went on."""

    start: datetime
    end: datetime


def time_spent(started: datetime, ended: datetime, breaks: Iterable[Break] = ()) -> timedelta:
    """The time spent in a session from `started` to `ended`, the spans it was set aside
    left out (never below nothing)."""
    spent = ended - started
    for gap in breaks:
        overlap = min(gap.end, ended) - max(gap.start, started)
        if overlap > timedelta(0):
            spent -= overlap
    return max(spent, timedelta(0))


@last_field_aside
class ResumePoint(NamedTuple):
    """Where a session set aside goes on: an exercise's intro card (set 0) or one of its sets."""

    exercise: str
    number: int
    """The exercise's 1-based place in the program."""
    set: int
    side: Side | None = None
    band: str | None = None
    """The band picked with b for this exercise and not yet logged with a set (None: the
    band of its last set, as usual); not part of where it goes on."""


@dataclass
class SessionRecord:
    """A session as logged: its identity, how it ended, its sets, warm-up and stretches."""

    info: SessionInfo
    status: Status = "in-progress"
    ended_at: datetime | None = None
    sets: list[SetRecord] = field(default_factory=list)
    warmup: WarmupRecord | None = None
    stretches: list[StretchRecord] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    """The exercises passed over without a set, by id (logs before this field have none)."""
    set_aside_at: datetime | None = None
    """When the runner chose to continue later (still in progress); None otherwise."""
    resume_at: ResumePoint | None = None
    """Where a session set aside goes on."""
    effort: int | None = None
    """How hard it was (CR-10, 0-10) as rated at its summary or later; None: not rated."""
    breaks: list[Break] = field(default_factory=list)
    """The spans it was set aside before it went on, oldest first (logs before this field
    have none: their time runs from start to end, as it always did)."""

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def date(self) -> date:
        return self.info.date

    @property
    def is_training(self) -> bool:
        """A strength session with at least one set: what the rest-day rule and the
        statistics count (a recovery routine never is)."""
        return self.info.kind == "strength" and bool(self.sets)

    @property
    def total_reps(self) -> int:
        return sum(s.reps or 0 for s in self.sets)
