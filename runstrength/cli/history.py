"""`history`, `export` and `import`: the log as a table, as JSON or CSV, and back in
(`import` itself is in `importing.py`)."""

from __future__ import annotations

import argparse
import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from runstrength.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    Commands,
    data_out,
    error,
    names_stdout,
    range_problem,
    terminal_width,
)
from runstrength.core.fields import read_day, shown
from runstrength.core.history import COLUMNS, SessionFilter, fitted_cells, plans_of, table_rows
from runstrength.core.interchange import to_document
from runstrength.core.run_data import activity_to_data
from runstrength.core.table_fit import natural_widths
from runstrength.core.wording import plural
from runstrength.paths import Paths
from runstrength.store import LogError, TrainingLog, load_catalogue, load_programs
from runstrength.store.runs import RunLog
from runstrength.store.schedule import Schedule
from runstrength.store.storage import write_export

if TYPE_CHECKING:
    from runstrength.core.history import SessionSummary

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
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE (-: stdout, as without it; fit: a folder)",
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
    from runstrength.cli.importing import import_file

    importer.set_defaults(run=import_file)


def open_log(paths: Paths, *, read_only: bool = True) -> TrainingLog:
    """history and export only read: they work while the app runs; import writes."""

    return TrainingLog(paths.log_file, read_only=read_only)


def program_targets(paths: Paths) -> dict[str, int]:
    """Each known program's whole target, for completion against the plan."""

    return plans_of(load_programs(load_catalogue(), paths.programs_dir).programs.values())


def _under_way(paths: Paths, summaries: list[SessionSummary]) -> str | None:
    """The session an app has under way now, if one holds the log: its newest left open
    (neither ended nor set aside). Any other left open was cut off."""
    from runstrength.store.lock import in_use

    open_ones = [s for s in summaries if s.status == "in-progress" and not s.set_aside]
    if not open_ones or in_use(paths.data_dir) is None:
        return None
    return max(open_ones, key=lambda s: s.started_at).id


def show_history(args: argparse.Namespace, paths: Paths) -> int:

    wrong = range_problem(("--since", args.since), ("--until", args.until))
    if wrong is not None:
        error(wrong)
        return EXIT_USAGE
    wanted = SessionFilter(program=args.program, since=args.since, until=args.until)
    try:
        log = open_log(paths)
        # The table needs only each session's totals; JSON carries every set.
        records = log.sessions() if args.json else []
        summaries = [] if args.json else log.session_summaries()
        days = Schedule(log).between(args.since, args.until) if args.json else []
    except LogError as problem:
        error(str(problem))
        return EXIT_FAILED
    plans = program_targets(paths)
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
    rows = table_rows(summaries, wanted, plans, _under_way(paths, summaries))
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
        log = open_log(paths)
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
    if args.output and not names_stdout(args.output):
        try:
            write_export(Path(args.output), text.encode("utf-8"))
        except OSError as problem:
            error(f"cannot write {args.output}: {problem.strerror}")
            return EXIT_FAILED
    else:
        data_out().write(text)
    return EXIT_OK


def _export_fit(args: argparse.Namespace, paths: Paths) -> int:
    from runstrength.store.fit_out import export_sessions, load_fit_map

    if not args.output or names_stdout(args.output):
        error("--format fit needs -o DIR: the folder the FIT files go into")
        return EXIT_USAGE
    folder = Path(args.output).expanduser()
    if folder.exists() and not folder.is_dir():
        error(f"{folder} is a file: -o names the folder the FIT files go into")
        return EXIT_USAGE
    try:
        sessions = open_log(paths).sessions(since=args.since)
    except LogError as problem:
        error(str(problem))
        return EXIT_FAILED
    if not any(session.is_training for session in sessions):  # no empty folder is made
        since = f" since {args.since}" if args.since else ""
        print(f"Nothing to export: no strength session with a set{since}.")
        return EXIT_OK
    try:
        done = export_sessions(sessions, folder, load_fit_map())
    except OSError as problem:
        error(f"cannot write into {folder}: {problem.strerror or problem}")
        return EXIT_FAILED
    since = f" (sessions since {args.since})" if args.since else ""
    print(f"Wrote {plural(len(done.written), 'FIT file')} to {folder}{since}.")
    return EXIT_OK


def _runs_data(log: TrainingLog) -> list[dict[str, Any]]:

    return [activity_to_data(a) for a in RunLog(log).between()]
