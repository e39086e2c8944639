"""`history`, `export` and `import`: the log as a table, as JSON or CSV, and back in."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from runstrength.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    Commands,
    error,
    terminal_width,
)
from runstrength.cli.days import Days
from runstrength.config import load_settings
from runstrength.core.clock import SystemClock
from runstrength.core.codec import plan_to_data
from runstrength.core.fields import read_day, shown
from runstrength.core.history import COLUMNS, SessionFilter, fitted_cells, plans_of, table_rows
from runstrength.core.interchange import InterchangeError, from_document, to_document
from runstrength.core.planning import PlansChecked, check_plans
from runstrength.core.run_data import activities_from_list, activity_to_data
from runstrength.core.runs import run_marks
from runstrength.core.settings import run_settings
from runstrength.core.table_fit import natural_widths
from runstrength.core.wording import plural
from runstrength.input_file import IMPORT_LIMIT, InputError, read_text_input
from runstrength.paths import Paths
from runstrength.store import LogError, LogWriter, TrainingLog, load_catalogue, load_programs
from runstrength.store.runs import Added, RunLog
from runstrength.store.schedule import Schedule
from runstrength.store.storage import write_export

if TYPE_CHECKING:
    from runstrength.core.codec import ScheduledDay
    from runstrength.core.records import SessionRecord
    from runstrength.core.runs import Activity

# This module is loaded only for its own commands (the table in cli/__init__.py), so it
# imports what they use at the top; only the FIT writer waits for `export --format fit`.

CSV_COLUMNS = (
    "date",
    "program",
    "session_id",
    "status",
    "exercise",
    "set",
    "side",
    "target_reps",
    "reps",
    "band",
    "seconds",
    "completed_at",
    "effort",
)


def _day(text: str) -> date:

    try:
        return read_day(text)
    except ValueError as problem:
        raise argparse.ArgumentTypeError(str(problem)) from None


def register(commands: Commands) -> None:
    history = commands.add_parser("history", description="List logged sessions, newest first.")
    history.add_argument("--since", type=_day, metavar="YYYY-MM-DD", help="from this day")
    history.add_argument("--until", type=_day, metavar="YYYY-MM-DD", help="up to this day")
    history.add_argument("--program", metavar="NAME", help="only this program")
    history.add_argument("--json", action="store_true", help="the interchange format")
    history.set_defaults(run=show_history)

    export = commands.add_parser(
        "export",
        description="Write everything: JSON in the interchange format, or CSV with one row "
        "per set (the session's columns repeated). --format fit writes one FIT activity file "
        "per strength session into the folder -o DIR (for Garmin Connect, Strava, "
        "intervals.icu), from --since D on.",
    )
    export.add_argument("--format", choices=("json", "csv", "fit"), default="json")
    export.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE, not stdout (fit: a folder)"
    )
    export.add_argument(
        "--since", type=_day, metavar="YYYY-MM-DD", help="fit: only sessions from this day"
    )
    export.set_defaults(run=export_log)

    importer = commands.add_parser(
        "import",
        description="Merge an exported file. Sessions already in the log (same id) are "
        "skipped. The whole file is checked first: a bad file changes nothing. A completed "
        "run dated later than now is named and not imported (exit 1; the rest is). Only a "
        "regular file of 64 MB at most is read.",
    )
    importer.add_argument("file", metavar="FILE")
    importer.set_defaults(run=import_file)


def _open_log(paths: Paths, *, read_only: bool = True) -> TrainingLog:
    """history and export only read: they work while the app runs; import writes."""

    return TrainingLog(paths.log_file, read_only=read_only)


def _plans(paths: Paths) -> dict[str, int]:
    """Each known program's whole target, for completion against the plan."""

    return plans_of(load_programs(load_catalogue(), paths.programs_dir).programs.values())


def show_history(args: argparse.Namespace, paths: Paths) -> int:

    if args.since is not None and args.until is not None and args.since > args.until:
        error(f"--since {args.since} is after --until {args.until}: no day is in between")
        return EXIT_USAGE
    wanted = SessionFilter(program=args.program, since=args.since, until=args.until)
    try:
        log = _open_log(paths)
        # The table needs only each session's totals; JSON carries every set.
        records = log.sessions() if args.json else []
        summaries = [] if args.json else log.session_summaries()
        days = Schedule(log).between(args.since, args.until) if args.json else []
    except LogError as problem:
        error(str(problem))
        return EXIT_FAILED
    plans = _plans(paths)
    logged = {s.info.program for s in records} | {s.program for s in summaries}
    if args.program and args.program not in plans and args.program not in logged:
        known = ", ".join(sorted(plans.keys() | logged))
        error(f"unknown program {shown(args.program)} (known: {known})")
        return EXIT_USAGE
    if args.json:
        # The same document as `export`: the plans in the range go with the sessions.
        chosen = [s for s in records if wanted.matches(s)]
        planned = [p for p in days if args.program is None or p.program == args.program]
        print(json.dumps(to_document(chosen, planned), indent=2, ensure_ascii=False))
        return EXIT_OK
    rows = table_rows(summaries, wanted, plans)
    if not rows:
        print(f"No sessions ({wanted.describe()}).")
        return EXIT_OK
    width = terminal_width()
    gaps = len(TABLE_GAP) * (len(COLUMNS) - 1)
    table = fitted_cells(rows, None if width is None else width - gaps)
    widths = natural_widths(table)
    for cells in table:
        print(
            TABLE_GAP.join(
                cell.ljust(width) for cell, width in zip(cells, widths, strict=True)
            ).rstrip()
        )
    return EXIT_OK


TABLE_GAP = "  "
"""Between two columns of the sessions table."""


def _csv_text(document: dict[str, Any]) -> str:

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for session in document["sessions"]:
        for record in session["sets"]:
            writer.writerow(
                [
                    session["date"],
                    session["program"],
                    session["id"],
                    session["status"],
                    record["exercise"],
                    record["set"],
                    record["side"] or "",
                    "" if record["target_reps"] is None else record["target_reps"],
                    "" if record["reps"] is None else record["reps"],
                    record["band"] or "",
                    "" if record["seconds"] is None else record["seconds"],
                    record["completed_at"],
                    "" if session.get("effort") is None else session["effort"],
                ]
            )
    return out.getvalue()


def export_log(args: argparse.Namespace, paths: Paths) -> int:

    if args.format == "fit":
        return _export_fit(args, paths)
    if args.since is not None:
        error("--since is for --format fit; JSON and CSV exports hold everything")
        return EXIT_USAGE

    try:
        log = _open_log(paths)
        plans = Schedule(log).between()
        document = to_document(log.sessions(), plans)
        runs = _runs_data(log)
        if runs:  # a log without runs exports as before
            document["runs"] = runs
    except LogError as problem:
        error(str(problem))
        return EXIT_FAILED
    if args.format == "json":
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    else:
        text = _csv_text(document)
    if args.output:
        try:
            write_export(Path(args.output), text.encode("utf-8"))
        except OSError as problem:
            error(f"cannot write {args.output}: {problem.strerror}")
            return EXIT_FAILED
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _export_fit(args: argparse.Namespace, paths: Paths) -> int:
    from runstrength.store.fit_out import export_sessions, load_fit_map

    if not args.output:
        error("--format fit needs -o DIR: the folder the FIT files go into")
        return EXIT_USAGE
    folder = Path(args.output).expanduser()
    if folder.exists() and not folder.is_dir():
        error(f"{folder} is a file: -o names the folder the FIT files go into")
        return EXIT_USAGE
    try:
        sessions = _open_log(paths).sessions(since=args.since)
    except LogError as problem:
        error(str(problem))
        return EXIT_FAILED
    try:
        done = export_sessions(sessions, folder, load_fit_map())
    except OSError as problem:
        error(f"cannot write into {folder}: {problem.strerror or problem}")
        return EXIT_FAILED
    since = f" (sessions since {args.since})" if args.since else ""
    print(f"Wrote {plural(len(done.written), 'FIT file')} to {folder}{since}.")
    if not done.written:
        print("No strength session with a set to write.")
    return EXIT_OK


def _runs_data(log: TrainingLog) -> list[dict[str, Any]]:

    return [activity_to_data(a) for a in RunLog(log).between()]


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
        look = _open_log(paths)
        try:
            checked = _checked_plans(paths, look, (sessions, schedule, runs))
        finally:
            look.close()
        if checked.refused:
            return _refused_plans(source, checked.refused)
        log = _open_log(paths, read_only=False)
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
    """Each completed activity of the file dated later than now, by its place in the file
    and its id, with why (as `runs import` names a file dated so); the rest was imported."""
    place = {run.id: index for index, run in enumerate(runs)}
    for activity, reason in refused:
        title = f" ({shown(activity.title)})" if activity.title else ""
        error(f"{source}: runs[{place[activity.id]}] {shown(activity.id)}{title} {reason}")
    dated = "1 activity" if len(refused) == 1 else f"{len(refused)} activities"
    error(f"{dated} dated in the future not imported (see above)")


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
    programs = _plans(paths).keys()
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
