"""`runstrength runs mark`, `runs effort` and `runs remove`: one run's kind, effort or
place in the log, changed by hand."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from runstrength.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, error
from runstrength.cli.schedule import _with_days as with_days
from runstrength.core.effort import effort_words, parse_effort
from runstrength.core.load import run_effort
from runstrength.core.runs import as_kind, kind_phrase, kind_why, plan_pairs
from runstrength.core.settings import run_settings
from runstrength.paths import Paths
from runstrength.store.runs import RunLog, UnknownRunError

if TYPE_CHECKING:
    from runstrength.cli.days import Days
    from runstrength.core.runs import Activity


def find_run(runs: RunLog, ident: str) -> Activity | None:
    """The activity of that id, or None after saying there is none."""
    try:
        return runs.get(ident)
    except UnknownRunError as problem:
        error(str(problem))
        return None


def mark(args: argparse.Namespace, paths: Paths) -> int:
    return with_days(args, paths, _mark_in)


def _mark_in(args: argparse.Namespace, days: Days, paths: Paths) -> int:
    runs = RunLog(days.log)
    activity = find_run(runs, args.id)
    if activity is None:
        return EXIT_FAILED
    if not activity.is_run:
        error(f"{args.id} is a {activity.sport} activity, not a run: it has no kind")
        return EXIT_USAGE
    marked = days.write(lambda log: RunLog(log).mark(args.id, as_kind(args.kind)))
    plan = plan_pairs(runs.between(marked.day, marked.day)).planned_as.get(marked.id)
    kind, why = kind_why(marked, run_settings(days.settings), plan)
    how = "" if marked.kind else f" (worked out again: {why})"
    print(f"{marked.title or 'Run'} on {marked.day.isoformat()} is now {kind_phrase(kind)}{how}.")
    return EXIT_OK


def effort(args: argparse.Namespace, paths: Paths) -> int:
    if args.effort.strip().lower() != "auto":
        try:
            if parse_effort(args.effort) is None:
                raise ValueError("an effort is needed: 0-10, or auto")
        except ValueError as problem:
            error(str(problem))
            return EXIT_USAGE
    return with_days(args, paths, _effort_in)


def _effort_in(args: argparse.Namespace, days: Days, paths: Paths) -> int:
    runs = RunLog(days.log)
    activity = find_run(runs, args.id)
    if activity is None:
        return EXIT_FAILED
    if not activity.is_run or activity.planned:
        what = "a planned run" if activity.planned else f"a {activity.sport} activity"
        error(f"{args.id} is {what}: only completed runs carry an effort")
        return EXIT_USAGE
    wanted = None if args.effort.strip().lower() == "auto" else parse_effort(args.effort)
    rated = days.write(lambda log: RunLog(log).rate(args.id, wanted))
    effort, source = run_effort(rated, run_settings(days.settings))
    how = "" if source == "given" else f" (estimated from its {source})"
    print(f"{rated.title or 'Run'} on {rated.day.isoformat()}: effort {effort_words(effort)}{how}.")
    return EXIT_OK


def remove(args: argparse.Namespace, paths: Paths) -> int:
    return with_days(args, paths, _remove_in)


def _remove_in(args: argparse.Namespace, days: Days, paths: Paths) -> int:
    try:
        gone = days.write(lambda log: RunLog(log).remove(args.id))
    except UnknownRunError as problem:
        error(str(problem))
        return EXIT_FAILED
    what = gone.title or gone.sport
    print(f"Removed {what} on {gone.day.isoformat()} ({gone.id}).")
    return EXIT_OK
