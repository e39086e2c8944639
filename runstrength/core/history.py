"""The sessions table: one row per session, filtered, newest first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from runstrength.core.records import SessionRecord, SetRecord
from runstrength.core.summary import format_duration


@dataclass(frozen=True)
class SessionFilter:
    program: str | None = None
    since: date | None = None
    until: date | None = None

    def matches(self, session: SessionRecord) -> bool:
        return (
            (self.program is None or session.info.program == self.program)
            and (self.since is None or session.date >= self.since)
            and (self.until is None or session.date <= self.until)
        )

    def describe(self) -> str:
        parts = []
        if self.program:
            parts.append(f"program {self.program}")
        if self.since or self.until:
            parts.append(f"{self.since or '…'} to {self.until or '…'}")
        return ", ".join(parts) or "all sessions"


def _target(record: SetRecord) -> int:
    return (record.target_reps if record.reps is not None else record.target_seconds) or 0


def _done(record: SetRecord) -> int:
    return record.reps if record.reps is not None else record.seconds or 0


def completion(session: SessionRecord) -> float | None:
    """Done against target over the sets that have a target (capped at each set's target)."""
    target = sum(_target(r) for r in session.sets)
    if not target:
        return None
    return sum(min(_done(r), _target(r)) for r in session.sets if _target(r)) / target


@dataclass(frozen=True)
class SessionRow:
    id: str
    date: date
    program: str
    duration: str
    sets: int
    reps: int
    completion: str
    status: str

    def cells(self) -> tuple[str, ...]:
        status = "" if self.status == "completed" else self.status
        return (
            f"{self.date:%a %Y-%m-%d}",
            self.program,
            self.duration,
            str(self.sets),
            str(self.reps),
            self.completion,
            status,
        )


COLUMNS = ("Date", "Program", "Time", "Sets", "Reps", "Done", "")


def session_row(session: SessionRecord) -> SessionRow:
    if session.ended_at is not None:
        duration = format_duration(session.ended_at - session.info.started_at)
    elif session.sets:
        last = max(r.completed_at for r in session.sets)
        duration = format_duration(max(last - session.info.started_at, timedelta(0)))
    else:
        duration = "-"
    done = completion(session)
    return SessionRow(
        id=session.id,
        date=session.date,
        program=session.info.program,
        duration=duration,
        sets=len(session.sets),
        reps=session.total_reps,
        completion=f"{done:.0%}" if done is not None else "-",
        status=session.status,
    )


def table_rows(sessions: Iterable[SessionRecord], wanted: SessionFilter) -> list[SessionRow]:
    """Rows for the sessions that match, newest first."""
    chosen = [s for s in sessions if wanted.matches(s)]
    chosen.sort(key=lambda s: s.info.started_at, reverse=True)
    return [session_row(s) for s in chosen]
