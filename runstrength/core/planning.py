"""Whether a session may be planned on a day: the rules `schedule add` and an import share
(a day not past, not too far ahead, a known program, the rest-day and running rules)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date

from runstrength.core.codec import ScheduledDay
from runstrength.core.fields import shown
from runstrength.core.restdays import TrainingDays, can_schedule

PLAN_YEARS = 5
"""How far ahead a day can be planned."""


def last_plannable(today: date) -> date:
    leap_day = (today.month, today.day) == (2, 29)
    return today.replace(year=today.year + PLAN_YEARS, day=28 if leap_day else today.day)


def day_problem(day: date, today: date) -> str | None:
    """Why `day` cannot be planned whatever the log holds (past, too far ahead), or None."""
    if day < today:
        return f"{day.isoformat()} is in the past (today is {today.isoformat()})"
    last = last_plannable(today)
    if day > last:
        return f"{day.isoformat()} is more than {PLAN_YEARS} years ahead; plan up to {last}"
    return None


def program_problem(program: str, programs: Collection[str]) -> str | None:
    if program in programs:
        return None
    return f"no program named {shown(program)} (known: {', '.join(sorted(programs))})"


@dataclass
class PlansChecked:
    """Plans sorted by what may be done with them."""

    accepted: list[ScheduledDay] = field(default_factory=list)
    already: list[ScheduledDay] = field(default_factory=list)
    """Days the log already plans (the same plan, or another on that day): left as they are."""
    past: list[ScheduledDay] = field(default_factory=list)
    """Days gone by: nothing to plan any more."""
    refused: list[str] = field(default_factory=list)
    """Each plan the rules refuse, with why."""
    warned: list[str] = field(default_factory=list)
    """Each accepted plan the running rules advise against (`run_rules_warn`), with why."""


def check_plans(
    days: TrainingDays,
    plans: Sequence[ScheduledDay],
    programs: Collection[str],
    *,
    run_rules_warn: bool = False,
) -> PlansChecked:
    """Each plan judged as `schedule add` judges one, in date order, each accepted plan
    counting for the next; `days` holds the log (and what comes with the plans).
    With `run_rules_warn`, a day the running rules advise against is accepted, and said
    in `warned`."""
    found = PlansChecked()
    for plan in sorted(plans, key=lambda p: p.day):
        said = f"{plan.day.isoformat()} {plan.program}"
        if plan.day in days.scheduled:
            found.already.append(plan)
            continue
        if plan.day < days.today:
            found.past.append(plan)
            continue
        problem = day_problem(plan.day, days.today) or program_problem(plan.program, programs)
        warning = None
        if problem is None:
            verdict = can_schedule(days, plan.day)
            if verdict.by_run and run_rules_warn:
                warning = verdict.reason
            elif not verdict.allowed:
                problem = verdict.message()
        if problem is not None:
            found.refused.append(f"{said}: {problem}")
            continue
        if warning is not None:
            found.warned.append(f"{said}: {warning}")
        found.accepted.append(plan)
        days = days.with_scheduled(plan.day, plan.program)
    return found
