"""`runstrength plan suggest`: strength days for the coming weeks that keep every rule."""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import TYPE_CHECKING

from runstrength.cli.common import EXIT_FAILED, EXIT_OK, Commands, error
from runstrength.cli.schedule import _known_program, _with_days
from runstrength.core.restdays import format_day
from runstrength.core.suggest import suggest
from runstrength.core.wording import plural
from runstrength.paths import Paths
from runstrength.store.schedule import DayTakenError, Schedule

if TYPE_CHECKING:
    from datetime import date

    from runstrength.cli.days import Days
    from runstrength.store import TrainingLog


def _weeks(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 12:
        raise argparse.ArgumentTypeError(f"{text!r} must be a whole number from 1 to 12")
    return value


def register(commands: Commands) -> None:
    plan = commands.add_parser(
        "plan",
        description="Plan strength days around the running week.",
    )
    actions = plan.add_subparsers(dest="action", metavar="ACTION", required=True)
    suggest = actions.add_parser(
        "suggest",
        help="propose strength days for the coming weeks",
        description="Propose strength days for N calendar weeks, Monday to Sunday (this one "
        "from today, then the next ones), that keep the rest day and the running rules: "
        "sessions_per_week of them a week where the rules allow (sessions logged or planned "
        "that week count), spread apart, on hard-run days when possible. --apply schedules "
        "them.",
    )
    suggest.add_argument(
        "--weeks",
        type=_weeks,
        default=2,
        metavar="N",
        help="1-12 (default 2: this week and the next)",
    )
    suggest.add_argument("--apply", action="store_true", help="schedule the suggested days")
    suggest.add_argument("--program", metavar="NAME", help="the program (default: settings)")
    suggest.set_defaults(run=_suggest)


def _suggest(args: argparse.Namespace, paths: Paths) -> int:
    return _with_days(args, paths, _suggest_in, read_only=not args.apply)


def _suggest_in(args: argparse.Namespace, days: Days, paths: Paths) -> int:
    program = args.program or days.settings.program
    _known_program(paths, program)
    state = days.training_days()
    per_week = days.settings.sessions_per_week
    found = suggest(state, days.today, weeks=args.weeks, per_week=per_week)
    for week in found.weeks:
        end = week.start + timedelta(days=6)
        print(f"Week of {format_day(week.start)}:")
        for day in week.days:
            mark = state.runs.get(day)
            beside = f" (with your {mark.describe()})" if mark else ""
            print(f"  {format_day(day)}{beside}")
        if week.wanted == 0:
            print(f"  already {per_week} sessions logged or planned")
        elif week.short:
            found_days = (
                f"only {plural(len(week.days), 'day')} of the {week.wanted} wanted fits"
                if week.days
                else "no day fits this week"
            )
            # This week's days before today are gone: the rules are not all that is short.
            why = (
                f" in what is left of it (up to {format_day(end)})"
                if week.start < days.today
                else f": the rules leave no more up to {format_day(end)}"
            )
            print(f"  {found_days}{why}")
    if not args.apply:
        if found.days:
            print("`runstrength plan suggest --apply` schedules these days.")
        return EXIT_OK
    failed = 0
    for day in found.days:

        def add(log: TrainingLog, day: date = day) -> object:
            return Schedule(log).add(day, program)

        try:
            days.write(add)
        except DayTakenError as problem:  # planned meanwhile by another process
            error(f"not scheduled: {problem}")
            failed += 1
    print(f"Scheduled {len(found.days) - failed} {program} sessions.")
    return EXIT_FAILED if failed else EXIT_OK
