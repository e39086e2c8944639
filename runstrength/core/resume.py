"""Where an interrupted or set-aside session goes on, and until when it may.

After a crash it goes on after the last set logged; set aside, at the point it was
left (the set under way, or the next one). Either way only on the day it started:
from the next day on it can only be closed (as partial), since the rest-day rule
counts it on the day it started.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from runstrength.core.plan import IntroStep, RestStep, SetStep, Step, SummaryStep
from runstrength.core.programs import Program
from runstrength.core.records import Break, ResumePoint, SessionRecord, SetRecord


def matched_sets(plan: Sequence[Step], done: Sequence[SetRecord]) -> list[int]:
    """The plan's index of each set done that it still has.

    Each record is matched, in order, to the next set of the plan with the same exercise,
    set number and side (skipped sets have no record).
    """
    matched = []
    position = 0
    for record in done:
        key = (record.exercise, record.set, record.side)
        for index in range(position, len(plan)):
            step = plan[index]
            if (
                isinstance(step, SetStep)
                and (step.entry.exercise.id, step.set_number, step.side) == key
            ):
                matched.append(index)
                position = index + 1
                break
    return matched


def exercises_done(plan: Sequence[Step], done: Sequence[SetRecord]) -> list[int]:
    """The program place (1-based) of the exercise of each set done that the plan still has."""
    steps = [plan[index] for index in matched_sets(plan, done)]
    return [step.number for step in steps if isinstance(step, SetStep)]


def resume_index(plan: Sequence[Step], done: Sequence[SetRecord]) -> int:
    """Where an interrupted session goes on: the step after the last set done.

    Rests and stretches between the last set done and the next one are passed over.
    """
    matched = matched_sets(plan, done)
    if not matched:
        return 0
    for index in range(matched[-1] + 1, len(plan)):
        if isinstance(plan[index], IntroStep | SetStep | SummaryStep):
            return index
    return len(plan) - 1


def can_resume(session: SessionRecord, today: date) -> bool:
    """A session still open goes on only on the day it started."""
    return session.date == today


def breaks_until(session: SessionRecord, now: datetime) -> tuple[Break, ...]:
    """The spans a session going on `now` was left: those logged, and the one until now,
    from when it was set aside or, cut off (the app killed, the machine off), from the
    last thing logged in it (when it stopped is not known: what came after is not
    counted)."""
    breaks = tuple(session.breaks)
    left = session.set_aside_at
    if left is None:
        logged = [s.completed_at for s in session.sets]
        logged += [s.completed_at for s in session.stretches]
        logged += [gap.end for gap in breaks]
        left = max(logged, default=None)
    if left is not None and now > left:
        breaks += (Break(left, now),)
    return breaks


def resume_point(plan: Sequence[Step], index: int) -> ResumePoint | None:
    """Where a session left at step `index` goes on: that intro card or set (a rest: the set
    after it; a stretch or the warm-up: the next exercise); None when only the summary is left."""
    for step in plan[index:]:
        point = _point_of(step.upcoming if isinstance(step, RestStep) else step)
        if point is not None:
            return point
    return None


def _point_of(step: Step) -> ResumePoint | None:
    if isinstance(step, IntroStep):
        return ResumePoint(step.entry.exercise.id, step.number, 0)
    if isinstance(step, SetStep):
        return ResumePoint(step.entry.exercise.id, step.number, step.set_number, step.side)
    return None


def resume_position(
    plan: Sequence[Step], done: Sequence[SetRecord], at: ResumePoint | None = None
) -> int:
    """The step a session goes on at: `at` when the plan still has it and no set was logged
    beyond it (else after the last set done, as after a crash)."""
    after_last = resume_index(plan, done)
    if at is not None:
        for index, step in enumerate(plan):
            if _point_of(step) == at:
                return max(index, after_last)
    return after_last


def point_text(point: ResumePoint, program: Program) -> str:
    """Where a session goes on, as said to the runner: "Band squat, set 2 (left)"."""
    entries = program.entries
    known = 0 < point.number <= len(entries)
    name = entries[point.number - 1].exercise.name if known else point.exercise
    if point.set == 0:
        return f"{name} (its intro card)"
    side = f" ({point.side})" if point.side else ""
    return f"{name}, set {point.set}{side}"
