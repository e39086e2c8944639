"""The parts of a session that are not sets, as logged: the warm-up and each stretch.

A session enters the log with its first set; one stopped before any set leaves nothing
behind. So the warm-up (and a stretch after an exercise whose sets were all skipped)
is held back until the first set is logged, then handed on with it.
"""

from __future__ import annotations

from datetime import datetime

from runstrength.core.events import Event, RoutineDone
from runstrength.core.plan import Step, StretchStep, WarmupStep
from runstrength.core.records import SessionInfo, StretchRecord, WarmupRecord


class RoutineLog:
    """Turns a finished warm-up or stretch into an event, in step with the logged sets."""

    def __init__(self) -> None:
        self.records: list[WarmupRecord | StretchRecord] = []
        self._held: list[Event] = []
        self._logging = False

    def left(
        self, info: SessionInfo, step: Step, held: float, skipped: bool, now: datetime
    ) -> list[Event]:
        """The warm-up or a stretch ends after `held` seconds (skipped: cut short with s)."""
        record: WarmupRecord | StretchRecord
        if isinstance(step, WarmupStep):
            record = WarmupRecord(seconds=round(held), target_seconds=step.seconds)
        elif isinstance(step, StretchStep):
            record = StretchRecord(
                stretch=step.stretch.id,
                after=step.entry.exercise.id,
                side=step.side,
                seconds=round(held),
                target_seconds=step.seconds,
                skipped=skipped,
                completed_at=now,
            )
        else:
            return []
        self.records.append(record)
        event = RoutineDone(info, record)
        if self._logging:
            return [event]
        self._held.append(event)
        return []

    @property
    def logged(self) -> int:
        """How many records went to the log (none while they are held back)."""
        return len(self.records) if self._logging else 0

    def set_logged(self) -> list[Event]:
        """A set was logged: from now on the session is in the log; what waited follows."""
        self._logging = True
        held, self._held = self._held, []
        return held
