"""The sessions table: one row per session, filtered, newest first.

A row needs only a session's totals, not its sets: `SessionSummary` holds them, so a
long history fills the table without a record per set. `SetTally` is the one place
that counts sets, reps and completion, for summaries read straight from the log and
for whole sessions alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from runstrength.core.programs import Program
from runstrength.core.records import (
    Break,
    SessionKind,
    SessionRecord,
    SetRecord,
    Status,
    time_spent,
)
from runstrength.core.summary import format_duration, planned_sets
from runstrength.core.table_fit import Measure, clipped, natural_widths, shrink_to
from runstrength.core.wording import Wording, status_text


class SetTally:
    """Running totals over one session's sets, as the sessions table counts them."""

    __slots__ = ("done", "reps", "sets", "target")

    def __init__(self) -> None:
        self.sets = 0
        self.reps = 0
        self.done = 0.0
        """The sets with a target, each counted by the share of it reached (at most 1):
        ten reps of twenty count half a set, whatever the set's unit (reps or seconds)."""
        self.target = 0
        """How many sets have a target."""

    def add(
        self,
        reps: int | None,
        seconds: int | None,
        target_reps: int | None,
        target_seconds: int | None,
    ) -> None:
        """Count one set; TypeError for a value that is not a whole number or None."""
        self.sets += 1
        if reps is not None:
            done, target = reps, target_reps
            self.reps += reps
        else:
            done, target = seconds or 0, target_seconds
        if type(done) is not int or (target is not None and type(target) is not int):
            raise TypeError(f"done {done!r}, target {target!r}: not whole numbers")
        if target:
            self.target += 1
            self.done += done / target if done < target else 1

    def add_record(self, record: SetRecord) -> None:
        self.add(record.reps, record.seconds, record.target_reps, record.target_seconds)


@dataclass(frozen=True)
class SessionSummary:
    """A session without its sets: what its row in the sessions table shows."""

    id: str
    program: str
    started_at: datetime
    status: Status
    ended_at: datetime | None
    last_set_at: datetime | None
    """When its last set was done, for a session that has not ended (else None)."""
    sets: int
    reps: int
    done_sets: float
    """The sets with a target, each counted by the share of it reached (`SetTally.done`)."""
    target_sets: int
    """How many of its sets have a target."""
    skipped: int = 0
    """Exercises passed over without a set."""
    set_aside: bool = False
    """Left to continue later (and not yet ended)."""
    kind: SessionKind = "strength"
    effort: int | None = None
    """How hard it was (CR-10), when rated."""
    set_aside_seconds: int = 0
    """How long, between its start and its end (or last set), it was set aside."""

    @property
    def date(self) -> date:
        """The session's day, as `SessionInfo.date`: the local day it started."""
        return self.started_at.date()

    @property
    def time_spent(self) -> timedelta | None:
        """The time spent in it, from its start to its end (one not ended: its last set),
        the spans it was set aside left out; None with neither."""
        end = self.ended_at or self.last_set_at
        if end is None:
            return None
        return max(end - self.started_at - timedelta(seconds=self.set_aside_seconds), timedelta(0))

    @property
    def completion(self) -> float | None:
        """The share of its targeted sets done (each set in part when short of its
        target); None without targets."""
        return self.done_sets / self.target_sets if self.target_sets else None


def summarize(session: SessionRecord) -> SessionSummary:
    tally = SetTally()
    for record in session.sets:
        tally.add_record(record)
    last = None
    if session.ended_at is None:
        last = max((r.completed_at for r in session.sets), default=None)
    return SessionSummary(
        id=session.id,
        program=session.info.program,
        started_at=session.info.started_at,
        status=session.status,
        ended_at=session.ended_at,
        last_set_at=last,
        sets=tally.sets,
        reps=tally.reps,
        done_sets=tally.done,
        target_sets=tally.target,
        skipped=len(session.skipped),
        set_aside=session.set_aside_at is not None and session.ended_at is None,
        kind=session.info.kind,
        effort=session.effort,
        set_aside_seconds=aside_seconds(
            session.info.started_at, session.ended_at or last, session.breaks
        ),
    )


def aside_seconds(started: datetime, end: datetime | None, breaks: Iterable[Break]) -> int:
    """How many seconds between `started` and `end` a session was set aside."""
    if end is None or end <= started:
        return 0
    return round((end - started - time_spent(started, end, breaks)).total_seconds())


@dataclass(frozen=True)
class SessionFilter:
    program: str | None = None
    since: date | None = None
    until: date | None = None

    def matches(self, session: SessionSummary | SessionRecord) -> bool:
        program = session.program if isinstance(session, SessionSummary) else session.info.program
        return (
            (self.program is None or program == self.program)
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


def completion(session: SessionRecord) -> float | None:
    """Done against target over the sets that have a target (capped at each set's target)."""
    return summarize(session).completion


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
    skipped: int = 0
    cut_off: bool = False
    """Left open, not set aside, and not under way now (see `summary_row`)."""
    set_aside: bool = False
    kind: SessionKind = "strength"
    effort: int | None = None

    def cells(self, wording: Wording = "full") -> tuple[str, ...]:
        """The row's text; `wording`: how much its status says (a narrow table's)."""
        if self.kind == "recovery":
            # Not training: no sets, reps or completion to show, and marked as what it is.
            ended = "" if self.status == "completed" or wording == "word" else self.status
            status = "recovery" + (f", {ended}" if ended else "")
            return (
                f"{self.date:%a %Y-%m-%d}",
                self.program,
                self.duration,
                "-",
                "-",
                "-",
                "-",
                status,
            )
        return (
            f"{self.date:%a %Y-%m-%d}",
            self.program,
            self.duration,
            str(self.sets),
            str(self.reps),
            self.completion,
            "-" if self.effort is None else str(self.effort),
            status_text(self.status, self.skipped, self.set_aside, wording, self.cut_off),
        )


COLUMNS = ("Date", "Program", "Time", "Sets", "Reps", "Done", "Effort", "")

NARROWED: dict[int, int] = {1: 8, 7: 9}
"""The columns a narrow table cuts short (the program, the status), each to no less than
this; the session's detail says them in full."""


def fitted_cells(
    rows: Sequence[SessionRow], room: int | None, measure: Measure = len
) -> list[tuple[str, ...]]:
    """The sessions table's text (header first) within `room` cells of text in all (the
    gaps between columns taken off; None: no limit). Every column stays: the status says
    less first ("partial · 2 skipped", then "partial"), then the program and the status
    are cut short with "…"."""
    if room is None:
        return [COLUMNS, *(row.cells() for row in rows)]
    wordings: tuple[Wording, ...] = ("full", "short", "word")
    for wording in wordings:
        table = [COLUMNS, *(row.cells(wording) for row in rows)]
        widths = natural_widths(table, measure)
        if sum(widths) <= room:
            return table
    return clipped(table, shrink_to(widths, room, NARROWED), measure)


def planned_target(program: Program) -> int:
    """How many sets a whole session of a program has, each side of a per-side exercise
    counted as one, as its logged sets are: what completion counts against."""
    return sum(planned_sets(entry)[0] for entry in program.entries)


def plans_of(programs: Iterable[Program]) -> dict[str, int]:
    return {program.name: planned_target(program) for program in programs}


def percent(share: float) -> str:
    """A share as a whole percent; short of the whole, never 100% (15.95 of 16 sets: 99%)."""
    whole = round(share * 100)
    return f"{min(whole, 99) if share < 1 else whole}%"


def summary_row(
    summary: SessionSummary, planned: int | None = None, running: str | None = None
) -> SessionRow:
    """`planned`: the whole program's target, so a session stopped early shows how much of
    the plan it did; without it (a program no longer known), the logged sets' targets.
    `running`: the id of the session under way now, if any; any other left open without
    being set aside was cut off."""
    spent = summary.time_spent
    duration = "-" if spent is None else format_duration(spent)
    # A recovery routine is measured against no program's sets.
    target = max(summary.target_sets, (planned or 0) if summary.kind == "strength" else 0)
    done = summary.done_sets / target if target else None
    return SessionRow(
        id=summary.id,
        date=summary.date,
        program=summary.program,
        duration=duration,
        sets=summary.sets,
        reps=summary.reps,
        completion=percent(done) if done is not None else "-",
        status=summary.status,
        skipped=summary.skipped,
        cut_off=summary.status == "in-progress" and not summary.set_aside and summary.id != running,
        set_aside=summary.set_aside,
        kind=summary.kind,
        effort=summary.effort,
    )


def session_row(
    session: SessionRecord, planned: int | None = None, running: str | None = None
) -> SessionRow:
    return summary_row(summarize(session), planned, running)


def table_rows(
    sessions: Iterable[SessionSummary | SessionRecord],
    wanted: SessionFilter,
    plans: Mapping[str, int] | None = None,
    running: str | None = None,
) -> list[SessionRow]:
    """Rows for the sessions that match, newest first; `plans`: each program's target;
    `running`: the session under way now (see `summary_row`)."""
    plans = plans or {}
    chosen = [s if isinstance(s, SessionSummary) else summarize(s) for s in sessions]
    chosen = [s for s in chosen if wanted.matches(s)]
    chosen.sort(key=lambda s: s.started_at, reverse=True)
    return [summary_row(s, plans.get(s.program), running) for s in chosen]
