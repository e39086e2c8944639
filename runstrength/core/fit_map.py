"""A session and a program as FIT files describe them, without the FIT encoding itself
(that is `store.fit_out`): each exercise's FIT category, a logged session's sets and the
rests between them, and a program's workout steps.

The category of each exercise is data (`data/fit_exercises.toml`), checked on load.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from runstrength.core.catalogue import Catalogue
from runstrength.core.errors import ValidationError
from runstrength.core.plan import RestStep, SetStep, Step, StretchStep, WarmupStep
from runstrength.core.records import Break, SessionRecord, SetRecord

UNKNOWN = "unknown"
"""FIT's category for an exercise it has no name for (one no longer in the catalogue)."""
_NAME = re.compile(r"^[a-z0-9_]+$")


@dataclass(frozen=True)
class FitExercise:
    category: str
    """A FIT `exercise_category` name ("plank", "hip_raise")."""
    name: str | None = None
    """The exercise within its category (a `<category>_exercise_name`), when FIT has one."""


def fit_map_from_data(data: Mapping[str, Any], source: str) -> dict[str, FitExercise]:
    """Each exercise id's FIT exercise; ValidationError naming every malformed entry."""
    problems: list[str] = []
    found: dict[str, FitExercise] = {}
    for ident, entry in data.items():
        where = f"[{ident}]"
        if not isinstance(entry, Mapping):
            problems.append(f"{where} must be a table")
            continue
        category, name = entry.get("category"), entry.get("name")
        if not isinstance(category, str) or not _NAME.match(category):
            problems.append(f"{where} category must be a FIT category name, like plank")
            continue
        if name is not None and (not isinstance(name, str) or not _NAME.match(name)):
            problems.append(f"{where} name must be a FIT exercise name, like side_plank")
            continue
        unknown = set(entry) - {"category", "name"}
        if unknown:
            problems.append(f"{where} has unknown keys: {', '.join(sorted(unknown))}")
            continue
        found[ident] = FitExercise(category, name)
    if problems:
        raise ValidationError(source, problems)
    return found


def unmapped(catalogue: Catalogue, fit_map: Mapping[str, FitExercise]) -> list[str]:
    """The catalogue's exercises with no FIT category (there should be none)."""
    return sorted(ident for ident in catalogue.exercises if ident not in fit_map)


def fit_exercise(fit_map: Mapping[str, FitExercise], exercise_id: str) -> FitExercise:
    return fit_map.get(exercise_id, FitExercise(UNKNOWN))


@dataclass(frozen=True)
class FitSet:
    """One FIT `set` message: an active set as logged, or the rest before the next one."""

    kind: Literal["active", "rest"]
    start: datetime | None
    """None: not known (a set imported without its start), so neither is its length."""
    end: datetime
    repetitions: int | None = None
    exercise: FitExercise | None = None
    record: SetRecord | None = None

    @property
    def seconds(self) -> float | None:
        return None if self.start is None else (self.end - self.start).total_seconds()


def set_start(record: SetRecord) -> datetime | None:
    """When a set began: as logged, else its seconds held before its end; None when
    neither is known (only in imported data)."""
    if record.started_at is not None and record.started_at <= record.completed_at:
        return record.started_at
    if record.seconds:
        return record.completed_at - timedelta(seconds=record.seconds)
    return None


def _rests(start: datetime, end: datetime, breaks: Iterable[Break]) -> list[FitSet]:
    """The rest from `start` to `end`, without the spans the session was set aside
    (those are no rest: the activity's timer stops for them)."""
    rests = []
    for gap in breaks:
        if gap.end <= start or gap.start >= end:
            continue
        if gap.start > start:
            rests.append(FitSet("rest", start, gap.start))
        start = max(start, gap.end)
    if end > start:
        rests.append(FitSet("rest", start, end))
    return rests


def fit_sets(session: SessionRecord, fit_map: Mapping[str, FitExercise]) -> list[FitSet]:
    """The session's sets in the order done, each gap between them as a rest set (the
    spans it was set aside left out); a set whose start is not known has no length and
    no rest before it."""
    found: list[FitSet] = []
    previous_end: datetime | None = None
    for record in sorted(session.sets, key=lambda r: r.completed_at):
        start = set_start(record)
        if previous_end is not None and start is not None and start > previous_end:
            found += _rests(previous_end, start, session.breaks)
        elif previous_end is not None and start is not None and start < previous_end:
            start = previous_end  # overlapping times (a set corrected by hand): no overlap
        found.append(
            FitSet(
                "active",
                start,
                record.completed_at,
                record.reps,
                fit_exercise(fit_map, record.exercise),
                record,
            )
        )
        previous_end = record.completed_at
    return found


def session_end(session: SessionRecord) -> datetime:
    """When the session ended; for one never closed, its last set."""
    last = max((r.completed_at for r in session.sets), default=session.info.started_at)
    return session.ended_at if session.ended_at is not None else last


@dataclass(frozen=True)
class WorkoutStep:
    """One step of a FIT workout: by repetitions or by time."""

    name: str
    intensity: Literal["warmup", "active", "rest", "cooldown"]
    reps: int | None = None
    seconds: int | None = None
    exercise: FitExercise | None = None


def workout_steps(plan: Iterable[Step], fit_map: Mapping[str, FitExercise]) -> list[WorkoutStep]:
    """A program's session plan (`core.plan.build_plan`) as workout steps: the warm-up, each
    set (each side of a per-side one) by reps or time, the rests and the stretches."""
    steps: list[WorkoutStep] = []
    for step in plan:
        if isinstance(step, WarmupStep):
            steps.append(WorkoutStep("Warm-up", "warmup", seconds=step.seconds))
        elif isinstance(step, SetStep):
            exercise = step.entry.exercise
            side = f" ({step.side})" if step.side else ""
            name = f"{exercise.name}{side}"
            mapped = fit_exercise(fit_map, exercise.id)
            if exercise.is_hold:
                steps.append(
                    WorkoutStep(name, "active", seconds=step.entry.seconds, exercise=mapped)
                )
            else:
                steps.append(WorkoutStep(name, "active", reps=step.entry.reps, exercise=mapped))
        elif isinstance(step, RestStep):
            steps.append(WorkoutStep("Rest", "rest", seconds=step.seconds))
        elif isinstance(step, StretchStep):
            side = f" ({step.side})" if step.side else ""
            steps.append(
                WorkoutStep(f"{step.stretch.name}{side}", "cooldown", seconds=step.seconds)
            )
    return steps
