"""What a session added up to against its plan (`SessionResult`), and how long a
session took in words (`format_duration`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from runstrength.core.programs import Program, ProgramEntry
from runstrength.core.records import Break, SetRecord, time_spent
from runstrength.core.styled import Piece, Styled, strong
from runstrength.core.wording import plural


@dataclass(frozen=True)
class ExerciseResult:
    """One exercise's sets and reps (or seconds) against the program's targets."""

    exercise_id: str
    name: str
    sets_done: int
    sets_planned: int
    done: int
    """Reps done, or seconds held for a timed hold."""
    target: int
    is_hold: bool
    skipped: bool = False
    """Passed over without a set."""


@dataclass(frozen=True)
class SessionResult:
    """The session just ended against its program, as the summary table shows it (the
    sessions table's rows are `history.SessionSummary`, read from the log)."""

    status: str
    duration: timedelta
    exercises: tuple[ExerciseResult, ...]

    @property
    def skipped(self) -> tuple[str, ...]:
        """The names of the exercises skipped."""
        return tuple(e.name for e in self.exercises if e.skipped)

    @property
    def sets_done(self) -> int:
        return sum(e.sets_done for e in self.exercises)

    @property
    def sets_planned(self) -> int:
        return sum(e.sets_planned for e in self.exercises)

    @property
    def reps_done(self) -> int:
        return sum(e.done for e in self.exercises if not e.is_hold)

    @property
    def reps_target(self) -> int:
        return sum(e.target for e in self.exercises if not e.is_hold)


def planned_sets(entry: ProgramEntry) -> tuple[int, int]:
    """How many sets a program entry logs (each side of a per-side exercise is one) and
    what they aim at together: reps, or seconds for a timed hold."""
    sets = entry.sets * (2 if entry.exercise.per_side else 1)
    amount = entry.seconds if entry.exercise.is_hold else entry.reps
    return sets, sets * (amount or 0)


def session_result(
    program: Program,
    records: list[SetRecord],
    started_at: datetime,
    ended_at: datetime,
    status: str,
    skipped: Sequence[str] = (),
    breaks: Sequence[Break] = (),
) -> SessionResult:
    """Per exercise: sets (each side counts as one) and reps or seconds against the targets;
    `skipped`: the ids of the exercises passed over without a set. Its time leaves out
    `breaks`, the spans it was set aside.

    An exercise that appears more than once in the program is one row with both plans.
    """
    planned: dict[str, tuple[int, int]] = {}
    for entry in program.entries:
        sets, target = planned_sets(entry)
        before_sets, before_target = planned.get(entry.exercise.id, (0, 0))
        planned[entry.exercise.id] = (before_sets + sets, before_target + target)
    exercises = []
    for exercise_id, (sets, target) in planned.items():
        exercise = next(e.exercise for e in program.entries if e.exercise.id == exercise_id)
        done = [r for r in records if r.exercise == exercise_id]
        field = "seconds" if exercise.is_hold else "reps"
        amount = sum(getattr(r, field) or 0 for r in done)
        exercises.append(
            ExerciseResult(
                exercise_id,
                exercise.name,
                len(done),
                sets,
                amount,
                target,
                exercise.is_hold,
                skipped=exercise_id in skipped and not done,
            )
        )
    return SessionResult(status, time_spent(started_at, ended_at, breaks), tuple(exercises))


def totals_text(result: SessionResult, logged: int) -> Styled:
    """The line under the summary table: totals, how many exercises were skipped,
    whether it was stopped; `logged`: how many sets went to the log."""
    text = [
        strong(f"{result.sets_done}/{result.sets_planned}"),
        Piece(" sets · "),
        strong(f"{result.reps_done}/{result.reps_target} reps"),
        Piece(" · time "),
        strong(format_duration(result.duration)),
    ]
    if result.skipped:  # the table names them
        text += [Piece(" · "), strong(f"{plural(len(result.skipped), 'exercise')} skipped")]
    if result.status == "partial" and logged:
        text += [
            Piece("\n"),
            strong("Stopped"),
            Piece(": the finished sets are kept as a partial session."),
        ]
    if not logged:
        text.append(Piece("\nNothing was logged: no set was finished."))
    return tuple(text)


def format_duration(duration: timedelta) -> str:
    """'34 min', '1 h 05 min', '45 s', or under ten minutes '1 min 35 s'."""
    seconds = max(0, int(duration.total_seconds()))
    if seconds < 60:
        return f"{seconds} s"
    minutes = seconds // 60
    if minutes < 10 and seconds % 60:
        return f"{minutes} min {seconds % 60:02d} s"
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"
