"""Where an interrupted session goes on, from the sets it had already logged."""

from __future__ import annotations

from collections.abc import Sequence

from runstrength.core.plan import IntroStep, SetStep, Step, SummaryStep
from runstrength.core.records import SetRecord


def resume_index(plan: Sequence[Step], done: Sequence[SetRecord]) -> int:
    """Where an interrupted session goes on: the step after the last set done.

    Each record is matched, in order, to the next set of the plan with the same exercise,
    set number and side (skipped sets have no record); rests and stretches between the
    last set done and the next one are passed over.
    """
    position = 0
    for record in done:
        key = (record.exercise, record.set, record.side)
        for index in range(position, len(plan)):
            step = plan[index]
            if (
                isinstance(step, SetStep)
                and (
                    step.entry.exercise.id,
                    step.set_number,
                    step.side,
                )
                == key
            ):
                position = index + 1
                break
    if position == 0:
        return 0
    for index in range(position, len(plan)):
        if isinstance(plan[index], IntroStep | SetStep | SummaryStep):
            return index
    return len(plan) - 1
