"""Where an interrupted session goes on, from the sets it had already logged."""

from __future__ import annotations

from collections.abc import Sequence

from runstrength.core.plan import IntroStep, SetStep, Step, SummaryStep
from runstrength.core.records import SetRecord


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
