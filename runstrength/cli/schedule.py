"""`runstrength schedule add | list | remove | export`: planned sessions from the shell."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from runstrength.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    Commands,
    error,
    names_stdout,
    write_stdout,
)
from runstrength.cli.days import BadInput, open_days, parse_day
from runstrength.config import load_settings
from runstrength.core.clock import SystemClock
from runstrength.core.codec import plan_to_data
from runstrength.core.fields import shown
from runstrength.core.planning import day_problem, program_problem
from runstrength.core.restdays import can_schedule, format_day
from runstrength.paths import Paths
from runstrength.store import LogError, load_catalogue, load_programs
from runstrength.store.schedule import DayTakenError, NotScheduledError, Schedule

if TYPE_CHECKING:
    from runstrength.cli.days import Days

    DaysAction = Callable[[argparse.Namespace, Days, Paths], int]
    """A command that works on the log's days: its exit code."""


def register(commands: Commands) -> None:
    schedule = commands.add_parser(
        "schedule",
        description="Plan strength sessions. A day can be planned only when the days "
        "before and after it are free (the day after a strength day is a rest day).",
    )
    actions = schedule.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser(
        "add",
        help="plan a session on a day",
        description="Plan a session on DATE. Exit 0 when planned; exit 1 with the reason "
        "and the next allowed date when the rest-day rule refuses it (nothing is changed).",
    )
    add.add_argument("date", metavar="YYYY-MM-DD")
    add.add_argument(
        "program_name", metavar="PROGRAM", nargs="?", help="the program, as --program says it"
    )
    add.add_argument("--program", metavar="NAME", help="the program (default: settings)")
    add.add_argument(
        "--yes",
        action="store_true",
        help='with run_rules = "warn": schedule a day the running rules advise against',
    )
    add.set_defaults(run=_add)

    listing = actions.add_parser(
        "list", help="list planned sessions", description="List planned sessions by date."
    )
    listing.add_argument("--from", dest="since", metavar="YYYY-MM-DD", help="first day")
    listing.add_argument("--to", dest="until", metavar="YYYY-MM-DD", help="last day")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=_list)

    remove = actions.add_parser(
        "remove", help="drop the plan on a day", description="Drop the session planned on DATE."
    )
    remove.add_argument("date", metavar="YYYY-MM-DD")
    remove.set_defaults(run=_remove)

    export = actions.add_parser(
        "export",
        help="write the plans as an iCalendar file",
        description="Write every planned session as an all-day event in an iCalendar "
        "(.ics) file that calendar apps import.",
    )
    export.add_argument(
        "--ics", metavar="FILE", required=True, help="the .ics file to write (-: stdout)"
    )
    export.set_defaults(run=_export)


def _with_days(
    args: argparse.Namespace, paths: Paths, action: DaysAction, *, read_only: bool = False
) -> int:
    try:
        days = open_days(paths, read_only=read_only)
    except LogError as problem:
        error(str(problem))
        return EXIT_FAILED
    try:
        result = action(args, days, paths)
        return result
    except BadInput as problem:
        error(str(problem))
        return EXIT_USAGE
    except LogError as problem:
        error(str(problem))
        return EXIT_FAILED
    finally:
        days.close()


def _checked_day(args: argparse.Namespace, today: date) -> date:
    """The day to plan, checked before the log is opened: bad input changes no file."""
    day = parse_day(args.date)
    problem = day_problem(day, today)
    if problem is not None:
        raise BadInput(problem)
    return day


def _add(args: argparse.Namespace, paths: Paths) -> int:
    if args.program_name and args.program and args.program_name != args.program:
        error(f"two programs given: {shown(args.program_name)} and --program {shown(args.program)}")
        return EXIT_USAGE
    args.program = args.program or args.program_name
    try:
        args.day = _checked_day(args, SystemClock().now().date())
        _known_program(paths, args.program or _settings_program(paths))
    except BadInput as problem:
        error(str(problem))
        return EXIT_USAGE
    # The rules are asked of a read-only look first: a refused plan changes no file (the
    # log's opening for a write would fold its journal).
    args.look_only = True
    allowed = _with_days(args, paths, _add_in, read_only=True)
    if allowed != EXIT_OK:
        return allowed
    args.look_only = False
    return _with_days(args, paths, _add_in)


def _settings_program(paths: Paths) -> str:
    return load_settings(paths.config_file)[0].program


def _known_program(paths: Paths, name: str) -> None:
    problem = program_problem(name, load_programs(load_catalogue(), paths.programs_dir).programs)
    if problem is not None:
        raise BadInput(problem)


def _add_in(args: argparse.Namespace, days: Days, paths: Paths) -> int:
    day: date = args.day
    if day < days.today:  # midnight passed since the check
        day = _checked_day(args, days.today)
    program = args.program or days.settings.program
    verdict = can_schedule(days.training_days(), day)
    warned = verdict.by_run and days.settings.run_rules == "warn"
    if warned and args.yes:
        if not args.look_only:
            print(f"Warning: {verdict.reason}.")
    elif warned:
        error(f"not scheduled: {verdict.message()} (--yes schedules it anyway)")
        return EXIT_FAILED
    elif not verdict.allowed:
        error(f"not scheduled: {verdict.message()}")
        return EXIT_FAILED
    if args.look_only:
        if days.schedule.between(day, day):
            error(f"not scheduled: {day.isoformat()} already has a scheduled session")
            return EXIT_FAILED
        return EXIT_OK
    try:
        days.write(lambda log: Schedule(log).add(day, program))
    except DayTakenError as problem:  # planned meanwhile by another process
        error(f"not scheduled: {problem}")
        return EXIT_FAILED
    print(f"Scheduled {program} on {format_day(day)}.")
    return EXIT_OK


def _list(args: argparse.Namespace, paths: Paths) -> int:
    return _with_days(args, paths, _list_in, read_only=True)


def _list_in(args: argparse.Namespace, days: Days, paths: Paths) -> int:
    since = parse_day(args.since, "--from") if args.since else None
    until = parse_day(args.until, "--to") if args.until else None
    plans = days.schedule.between(since, until)
    if args.json:
        rows = [plan_to_data(p) for p in plans]
        print(json.dumps(rows, indent=2))
    elif not plans:
        print("No sessions planned.")
    else:
        for plan in plans:
            print(f"{plan.day.isoformat()}  {plan.day:%a}  {plan.program}")
    return EXIT_OK


def _remove(args: argparse.Namespace, paths: Paths) -> int:
    try:
        args.day = parse_day(args.date)
    except BadInput as problem:
        error(str(problem))
        return EXIT_USAGE
    # An unplanned day is answered from a read-only look: nothing is written (no backup).
    found = _with_days(args, paths, _planned_in, read_only=True)
    if found != EXIT_OK:
        return found
    return _with_days(args, paths, _remove_in)


def _planned_in(args: argparse.Namespace, days: Days, paths: Paths) -> int:
    if days.schedule.between(args.day, args.day):
        return EXIT_OK
    error(f"no session is scheduled on {args.day.isoformat()}")
    return EXIT_FAILED


def _remove_in(args: argparse.Namespace, days: Days, paths: Paths) -> int:
    day: date = args.day
    try:
        plan = days.write(lambda log: Schedule(log).remove(day))
    except NotScheduledError as problem:
        error(str(problem))
        return EXIT_FAILED
    print(f"Removed the {plan.program} session planned on {format_day(day)}.")
    return EXIT_OK


def _export(args: argparse.Namespace, paths: Paths) -> int:
    return _with_days(args, paths, _export_in, read_only=True)


def _export_in(args: argparse.Namespace, days: Days, paths: Paths) -> int:
    # icalendar: ~250 ms, for export alone
    from runstrength.store.ics import schedule_to_ics, write_ics

    plans = days.schedule.between()
    if names_stdout(args.ics):
        write_stdout(schedule_to_ics(plans, datetime.now(UTC)).decode("utf-8"))
        return EXIT_OK
    try:
        write_ics(Path(args.ics), plans, datetime.now(UTC))
    except OSError as problem:
        error(f"cannot write {args.ics}: {problem.strerror or problem}")
        return EXIT_FAILED
    print(f"Wrote {len(plans)} planned session{'s' if len(plans) != 1 else ''} to {args.ics}.")
    return EXIT_OK
