"""What the session engine reports back after each key press or tick."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

from runstrength.core.records import (
    Break,
    ResumePoint,
    SessionInfo,
    SetRecord,
    StretchRecord,
    WarmupRecord,
)

if TYPE_CHECKING:
    from runstrength.core.plan import Step


class Cue(StrEnum):
    """A sound the session asks for; the value names its file in assets/cues/."""

    BEEP = "beep"
    GO = "go"
    TICK = "tick"
    SET_DONE = "set-done"
    REST_OVER = "rest-over"
    SWITCH_SIDES = "switch-sides"
    STRETCH = "stretch"
    SESSION_DONE = "session-done"
    REST = "rest"
    """Phase tone: a rest begins (played by the cue mapping, never emitted by the engine)."""
    EXERCISE = "exercise"
    """Phase tone: the next exercise is up (played by the cue mapping, never emitted)."""


EndStatus = Literal["completed", "partial"]
"""How a session ended: every step passed, or stopped (partial)."""


@dataclass(frozen=True)
class CueEvent:
    cue: Cue


@dataclass(frozen=True)
class StepChanged:
    step: Step


@dataclass(frozen=True)
class SetCompleted:
    """A set is done and must be logged now."""

    session: SessionInfo
    record: SetRecord


@dataclass(frozen=True)
class SessionEnded:
    session: SessionInfo
    status: EndStatus
    ended_at: datetime
    sets_logged: int
    skipped: tuple[str, ...] = ()
    """The exercises passed over without a set, by id."""
    breaks: tuple[Break, ...] = ()
    """The spans it was set aside before it went on."""


@dataclass(frozen=True)
class SessionSetAside:
    """Continue later: the session stays open and goes on at `resume_at` (the same day)."""

    session: SessionInfo
    at: datetime
    skipped: tuple[str, ...]
    resume_at: ResumePoint | None


@dataclass(frozen=True)
class BandPicked:
    """A band picked with b, kept with where the session goes on, so that a session cut
    off (the app killed, the machine off) goes on with it before any set is logged on it."""

    session: SessionInfo
    resume_at: ResumePoint


@dataclass(frozen=True)
class SessionResumed:
    """A session left open (set aside, or cut off) is under way again, at `resume_at`:
    should it be cut off now, it was interrupted, no longer set aside."""

    session: SessionInfo
    resume_at: ResumePoint
    breaks: tuple[Break, ...] = ()
    """Every span it has been set aside, the one ending now included (none: cut off)."""


@dataclass(frozen=True)
class RoutineDone:
    """The warm-up or a stretch is over and must be logged with the session."""

    session: SessionInfo
    record: WarmupRecord | StretchRecord


LogWrite = SetCompleted | RoutineDone | SessionEnded | SessionSetAside | BandPicked | SessionResumed
"""The events that go to the log, in the order they happened."""
Event = CueEvent | StepChanged | LogWrite
