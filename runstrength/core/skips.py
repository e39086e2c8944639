"""Which exercises of a session were done and which were passed over without a set.

An exercise counts as skipped once the session has moved past it with no set of it
logged: skipped on its intro card, or every set of it skipped. An exercise under way
when the session is stopped, and those never reached, are not skipped.
"""

from __future__ import annotations

from runstrength.core.plan import IntroStep, RestStep, SetStep, Step, StretchStep, SummaryStep
from runstrength.core.programs import Program


def exercises_behind(step: Step, count: int) -> int:
    """How many exercises lie wholly behind a session at `step` (all of them at the summary)."""
    if isinstance(step, IntroStep | SetStep | StretchStep):
        return step.number - 1
    if isinstance(step, RestStep):
        return step.upcoming.number - 1
    if isinstance(step, SummaryStep):
        return count
    return 0


class ExerciseTally:
    """Exercises (by their 1-based place in the program) with a set done, and those skipped."""

    def __init__(self, program: Program) -> None:
        self.program = program
        self.done: set[int] = set()
        self._skipped: list[int] = []

    def set_done(self, number: int) -> None:
        self.done.add(number)

    def passed(self, behind: int) -> None:
        """The first `behind` exercises are behind the session: those without a set are skipped."""
        for number in range(1, behind + 1):
            if number not in self.done and number not in self._skipped:
                self._skipped.append(number)

    @property
    def skipped(self) -> tuple[str, ...]:
        """The ids of the exercises skipped, in program order."""
        entries = self.program.entries
        return tuple(entries[number - 1].exercise.id for number in sorted(self._skipped))
