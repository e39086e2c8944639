"""`import`: a file `export` wrote (sessions, plans, runs) back into the log, in one
write; plans judged as `schedule add` judges one, runs dated in the future refused."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from runstrength.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, error
from runstrength.cli.days import Days
from runstrength.cli.history import open_log, program_targets
from runstrength.config import load_settings
from runstrength.core.clock import SystemClock
from runstrength.core.codec import plan_to_data
from runstrength.core.fields import shown
from runstrength.core.interchange import InterchangeError, from_document
from runstrength.core.planning import PlansChecked, check_plans
from runstrength.core.run_data import activities_from_list, activity_to_data
from runstrength.core.runs import run_marks
from runstrength.core.settings import run_settings
from runstrength.core.wording import plural
from runstrength.input_file import IMPORT_LIMIT, InputError, read_text_input
from runstrength.paths import Paths
from runstrength.store import LogError, LogWriter, TrainingLog
from runstrength.store.runs import Added, RunLog
from runstrength.store.schedule import Schedule

if TYPE_CHECKING:
    from runstrength.core.codec import ScheduledDay
    from runstrength.core.records import SessionRecord
    from runstrength.core.runs import Activity


def import_file(args: argparse.Namespace, paths: Paths) -> int:

    source = Path(args.file)
    try:
        raw = read_text_input(source, IMPORT_LIMIT)
    except InputError as problem:
        error(f"cannot read {source}: {problem}; nothing was changed")
        return EXIT_USAGE
    try:
        # orjson refuses what Python's reader lets through and fails on later: numbers
        # beyond 64 bits, lone surrogates, NaN, nesting deeper than 1,024.
        document = orjson.loads(raw)
    except orjson.JSONDecodeError as problem:
        why = "a number too large" if "infinity" in problem.msg else problem.msg
        error(f"{source}: not JSON (line {problem.lineno}, column {problem.colno}: {why})")
        return EXIT_USAGE

    try:
        sessions, schedule = from_document(document)
        problems: list[str] = []
    except InterchangeError as problem:
        problems = problem.problems
    runs, run_problems = activities_from_list(document.get("runs") if problems == [] else None)
    found = problems + run_problems
    if len(found) == 1:
        error(f"{source}: nothing was imported: {found[0]}")
        return EXIT_USAGE
    if found:
        error(f"{source}: nothing was imported; fix these {len(found)} first:")
        for line in found:
            print(f"  {line}", file=sys.stderr)
        return EXIT_USAGE

    try:
        # The plans are judged on a read-only look first: a refused import changes no
        # file (the log's opening for a write would fold its journal).
        look = open_log(paths)
        try:
            checked = _checked_plans(paths, look, (sessions, schedule, runs))
        finally:
            look.close()
        if checked.refused:
            return _refused_plans(source, checked.refused)
        log = open_log(paths, read_only=False)
        try:
            checked = _checked_plans(paths, log, (sessions, schedule, runs))
            if checked.refused:  # planned meanwhile by another command
                return _refused_plans(source, checked.refused)
            runs_found = RunLog(log).new_of(runs) if runs else Added([], [])
            side = {
                "schedule": [plan_to_data(plan) for plan in checked.accepted],
                "runs": [activity_to_data(run) for run in runs_found.added],
            }
            writer = LogWriter(log)  # the one way in for writes, as in the app
            try:
                added, skipped = writer.run(lambda log: log.add_sessions(sessions, side))
            finally:
                writer.close()
        finally:
            log.close()
    except LogError as problem:
        error(str(problem))
        return EXIT_FAILED
    print(f"Imported {plural(added, 'session')}; {_skipped(skipped, 'already in the log')}.")
    if schedule:
        print(
            f"Imported {plural(len(checked.accepted), 'scheduled day')}; "
            f"{_skipped(len(checked.already), 'already planned')}."
        )
    if checked.past:
        days = ", ".join(plan.day.isoformat() for plan in checked.past)
        print(f"Not planned, the days are past: {days}.")
    _warn_plans(checked.warned)
    if runs:
        print(
            f"Imported {len(runs_found.added)} of {len(runs)} runs and other activities; "
            f"{_skipped(len(runs_found.duplicates), 'already in the log')}."
        )
    if runs_found.refused:
        _refused_runs(source, runs, runs_found.refused)
        return EXIT_FAILED
    return EXIT_OK


def _skipped(count: int, why: str) -> str:
    """'1 already planned was skipped', '2 … were skipped'."""
    return f"{count} {why} {'was' if count == 1 else 'were'} skipped"


def _refused_runs(
    source: Path, runs: list[Activity], refused: Sequence[tuple[Activity, str]]
) -> None:
    """Each completed activity of the file dated later than now or impossible, by its
    place in the file and its id, with why (as `runs import` names such a file); the rest
    was imported."""
    place = {run.id: index for index, run in enumerate(runs)}
    for activity, reason in refused:
        title = f" ({shown(activity.title)})" if activity.title else ""
        error(f"{source}: runs[{place[activity.id]}] {shown(activity.id)}{title} {reason}")
    dated = "1 activity" if len(refused) == 1 else f"{len(refused)} activities"
    error(f"{dated} not imported: in the future or impossible (see above)")


def _checked_plans(
    paths: Paths,
    log: TrainingLog,
    imported: tuple[list[SessionRecord], list[ScheduledDay], list[Activity]],
) -> PlansChecked:
    """The imported plans judged as `schedule add` judges one, against the log and the
    imported sessions and runs (a race the file plans keeps the day before it free)."""

    sessions, plans, runs = imported
    if not plans:
        return PlansChecked()
    settings = load_settings(paths.config_file)[0]
    days = Days(settings, log, Schedule(log), SystemClock().now().date()).training_days()
    for session in sessions:
        if session.is_training and session.date not in days.logged:
            days = days.with_logged(session.date, session.info.program)
    if runs:
        stored = RunLog(log)
        # From two days back, as `Schedule.training_days` reads the log's own runs.
        known = [*stored.between(days.today - timedelta(days=2)), *stored.new_of(runs).added]
        days = days._replace(runs=run_marks(known, run_settings(settings)))
    programs = program_targets(paths).keys()
    return check_plans(days, plans, programs, run_rules_warn=settings.run_rules == "warn")


def _warn_plans(warned: list[str]) -> None:
    """The plans imported though the running rules advise against them (run_rules = "warn"),
    each with why, as `schedule add --yes` warns of one."""

    if not warned:
        return
    if len(warned) == 1:
        print(f"Warning: the running rules advise against an imported plan: {warned[0]}.")
    else:
        print(f"Warning: the running rules advise against {len(warned)} imported plans:")
        for line in warned:
            print(f"  {line}.")
    print(
        'Planned all the same (run_rules = "warn"); '
        "`runstrength schedule remove YYYY-MM-DD` drops a plan."
    )


def _refused_plans(source: Path, refused: list[str]) -> int:
    if len(refused) == 1:
        error(f"{source}: nothing was imported: a plan is refused: {refused[0]}")
        return EXIT_USAGE
    error(f"{source}: nothing was imported; these {len(refused)} plans are refused:")
    for line in refused:
        print(f"  {line}", file=sys.stderr)
    return EXIT_USAGE
