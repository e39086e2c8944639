"""`runstrength runs import | plan | list | show | mark`: the runs that place strength days."""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from runstrength.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, Commands, error
from runstrength.cli.days import parse_day
from runstrength.cli.schedule import _with_days as with_days
from runstrength.core.effort import effort_words, parse_effort
from runstrength.core.load import run_effort
from runstrength.core.restdays import format_day
from runstrength.core.run_data import activity_to_data
from runstrength.core.runs import (
    as_kind,
    format_distance,
    format_duration,
    kind_why,
    local_start,
    plan_pairs,
    run_kind,
    start_text,
)
from runstrength.core.settings import run_settings
from runstrength.input_file import IMPORT_LIMIT, InputError, check_input
from runstrength.paths import Paths
from runstrength.store.runs import RunLog, UnknownRunError

if TYPE_CHECKING:
    from runstrength.cli.days import Days
    from runstrength.cli.schedule import DaysAction
    from runstrength.core.runs import Activity, PlanPairs, RunSettings

# The file readers (and the calendar reader) load only for the commands that read files:
# they take tens of milliseconds that `runs list` need not wait for.


def register(commands: Commands) -> None:
    runs = commands.add_parser(
        "runs",
        description="Runs keep strength days away from key runs: no strength on the day of "
        "a long run or race, the day before a long, hard or race run, the day after a long "
        "run or race, nor in the taper days before a race.",
    )
    actions = runs.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser(
        "import",
        help="import completed activities from files and folders",
        description="Import FIT, GPX and TCX files (each also .gz) and folders of them, a "
        "Strava bulk export (its zip, or its folder with activities.csv). An activity already in "
        "the log is not stored again, nor one dated later than now (a finished activity "
        "cannot be: the device's clock or the file is wrong). Exit 0 when every file was "
        "read and imported; exit 1 when some could not be (each is named with why; the "
        "others are imported).",
    )
    add.add_argument("paths", nargs="+", metavar="PATH", help="a file or a folder")
    add.set_defaults(run=_import)

    plan = actions.add_parser(
        "plan",
        help="read planned runs from an iCalendar file",
        description="Read a running plan exported from a calendar or a coaching app (.ics): "
        "its future events become planned runs. Importing the same calendar again replaces "
        "what came from it; completed runs are never touched.",
    )
    plan.add_argument("file", metavar="FILE.ics")
    plan.set_defaults(run=_plan)

    listing = actions.add_parser(
        "list", help="list runs and other activities", description="List activities by date."
    )
    listing.add_argument("--from", dest="since", metavar="YYYY-MM-DD", help="first day")
    listing.add_argument("--to", dest="until", metavar="YYYY-MM-DD", help="last day")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=_list)

    show = actions.add_parser("show", help="one activity in full", description="Show one run.")
    show.add_argument("id", metavar="ID")
    show.set_defaults(run=_show)

    mark = actions.add_parser(
        "mark",
        help="correct the kind of a run",
        description="Set the kind of a run by hand (race, long, hard or easy); auto goes "
        "back to the kind worked out from its title, duration and heart rate.",
    )
    mark.add_argument("id", metavar="ID")
    mark.add_argument("kind", metavar="KIND", choices=["race", "long", "hard", "easy", "auto"])
    mark.set_defaults(run=_mark)

    effort = actions.add_parser(
        "effort",
        help="say how hard a run was (0-10)",
        description="Rate how hard a run was on the CR-10 scale: 0 rest, 3 moderate, 5 hard, "
        "7 very hard, 10 maximal. Its load is this effort times its minutes; auto goes back "
        "to the estimate from heart rate or the run's kind.",
    )
    effort.add_argument("id", metavar="ID")
    effort.add_argument("effort", metavar="N", help="0-10, or auto")
    effort.set_defaults(run=_effort)

    remove = actions.add_parser(
        "remove",
        help="drop one activity from the log",
        description="Drop one run or other activity from the log (a backup of the log is "
        "kept first). Importing its file again brings it back.",
    )
    remove.add_argument("id", metavar="ID")
    remove.set_defaults(run=_remove)


def _with_days(
    args: argparse.Namespace, paths: Paths, action: DaysAction, *, read_only: bool = False
) -> int:
    result: int = with_days(args, paths, action, read_only=read_only)
    return result


def _zone(moment: datetime) -> str:
    """The UTC offset of an aware time: "UTC+02:00", "UTC-03:30", "UTC"."""
    minutes = round((moment.utcoffset() or timedelta(0)).total_seconds() / 60)
    if not minutes:
        return "UTC"
    sign = "-" if minutes < 0 else "+"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _refused_inputs(named: list[str]) -> bool:
    """Say so (and True) when a path given is a pipe, a device or too large a file: such
    a path is refused before the log is opened. A Strava zip is read member by member,
    so it may be any size."""
    for name in named:
        if not name:  # Path("") is the current folder: never guessed
            error("cannot import an empty path; name a file or a folder")
            return True
        path = Path(name).expanduser()
        limit = sys.maxsize if path.suffix.lower() == ".zip" else IMPORT_LIMIT
        try:
            if os.path.lexists(path):
                check_input(path, limit, folder_ok=True)
        except InputError as problem:
            error(f"cannot import {path}: {problem}; nothing was changed")
            return True
    return False


def _import(args: argparse.Namespace, paths: Paths) -> int:
    if _refused_inputs(args.paths):
        return EXIT_USAGE
    return _with_days(args, paths, _import_in)


def _import_in(args: argparse.Namespace, days: Days, paths: Paths) -> int:
    from runstrength.store.activities import scan

    found = scan(Path(p).expanduser() for p in args.paths)
    for path, reason in found.failed:
        error(f"{path} {reason}")
    if found.failed and not found.files:
        return EXIT_FAILED  # nothing could be read: each file is named above, nothing changed
    added = days.write(lambda log: RunLog(log).add(found.activities))
    for activity, reason in added.refused:
        error(f"{activity.source} {reason}")
    runs = sum(1 for a in added.added if a.is_run)
    print(
        f"Imported {_plural(runs, 'run', 'runs')} and "
        f"{_plural(len(added.added) - runs, 'other activity', 'other activities')} from "
        f"{_plural(found.files, 'file', 'files')}; "
        f"{len(added.duplicates)} already in the log (or the same one from another file)."
    )
    if found.failed:
        error(f"{_plural(len(found.failed), 'file', 'files')} could not be read (see above)")
    if added.refused:
        dated = _plural(len(added.refused), "activity", "activities")
        error(f"{dated} dated in the future not imported (see above)")
    return EXIT_FAILED if found.failed or added.refused else EXIT_OK


def _plan(args: argparse.Namespace, paths: Paths) -> int:
    if _refused_inputs([args.file]):
        return EXIT_USAGE
    return _with_days(args, paths, _plan_in)


def _plan_in(args: argparse.Namespace, days: Days, paths: Paths) -> int:
    from runstrength.store.ics_plan import CalendarError, read_plan

    source = Path(args.file).expanduser()
    try:
        plan = read_plan(source, days.today)
    except CalendarError as problem:
        error(f"{source} {problem}; nothing was changed")
        return EXIT_USAGE
    result = RunLog(days.log).replace_planned(str(source.resolve()), plan.runs, days.today)
    runs = sum(1 for a in result.added if a.is_run)
    others = len(result.added) - runs
    left_out = [
        _plural(plan.past, "past event", "past events") if plan.past else "",
        _plural(plan.not_runs, "event that is not a run", "events that are not runs")
        if plan.not_runs
        else "",
        _plural(plan.ours, "strength session", "strength sessions") + " exported by runstrength"
        if plan.ours
        else "",
    ]
    left = ", ".join(part for part in left_out if part)
    print(
        f"Planned {_plural(runs, 'run', 'runs')}"
        + (f" and {_plural(others, 'other activity', 'other activities')}" if others else "")
        + f" from {source}"
        + (f", in place of {len(result.removed)} from before" if result.removed else "")
        + (f" (kept your kind for {result.kept_kinds})" if result.kept_kinds else "")
        + (f"; left out: {left}" if left else "")
        + "."
    )
    return EXIT_OK


def _describe(
    activity: Activity, settings: RunSettings, pairs: PlanPairs | None = None
) -> dict[str, str]:
    plan = pairs.planned_as.get(activity.id) if pairs else None
    done = pairs is not None and activity.id in pairs.done
    return {
        "id": activity.id,
        "date": activity.day.isoformat(),
        "time": start_text(activity),
        "sport": activity.sport,
        "kind": (run_kind(activity, settings, plan) + ("*" if activity.kind else ""))
        if activity.is_run
        else "",
        "distance": format_distance(activity.distance_m),
        "time_taken": format_duration(activity.duration_s),
        "hr": f"{activity.avg_hr:.0f}" if activity.avg_hr else "",
        "title": (("planned (done): " if done else "planned: ") if activity.planned else "")
        + activity.title,
    }


def _as_json(activity: Activity, settings: RunSettings, pairs: PlanPairs) -> dict[str, Any]:
    data = activity_to_data(activity)
    plan = pairs.planned_as.get(activity.id)
    data["run_kind"] = run_kind(activity, settings, plan) if activity.is_run else None
    if activity.planned:
        done = pairs.done.get(activity.id)
        data["done_by"] = None if done is None else done.id
    return data


def _list(args: argparse.Namespace, paths: Paths) -> int:
    return _with_days(args, paths, _list_in, read_only=True)


def _list_in(args: argparse.Namespace, days: Days, paths: Paths) -> int:
    since = parse_day(args.since, "--from") if args.since else None
    until = parse_day(args.until, "--to") if args.until else None
    found = RunLog(days.log).between(since, until)
    settings = run_settings(days.settings)
    pairs = plan_pairs(found)
    if args.json:
        listed = [_as_json(a, settings, pairs) for a in found]
        print(json.dumps(listed, indent=2, ensure_ascii=False))
        return EXIT_OK
    if not found:
        print("No runs or other activities. `runstrength runs import PATH` reads your files.")
        return EXIT_OK
    rows = [list(_describe(a, settings, pairs).values()) for a in found]
    header = ["ID", "DATE", "START", "SPORT", "KIND", "DISTANCE", "TIME", "HR", "TITLE"]
    widths = [max(len(c) for c in column) for column in zip(header, *rows, strict=False)]
    for cells in (header, *rows):
        print("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
    if any(a.kind for a in found if a.is_run):
        print("* kind set by hand (runs mark ID auto undoes it)")
    return EXIT_OK


def _show(args: argparse.Namespace, paths: Paths) -> int:
    return _with_days(args, paths, _show_in, read_only=True)


def _find(runs: RunLog, ident: str) -> Activity | None:
    """The activity of that id, or None after saying there is none."""
    try:
        return runs.get(ident)
    except UnknownRunError as problem:
        error(str(problem))
        return None


def _show_in(args: argparse.Namespace, days: Days, paths: Paths) -> int:
    activity = _find(RunLog(days.log), args.id)
    if activity is None:
        return EXIT_FAILED
    settings = run_settings(days.settings)
    pairs = plan_pairs(RunLog(days.log).between(activity.day, activity.day))
    shown = _describe(activity, settings, pairs)
    print(f"{activity.title or activity.sport.capitalize()} ({activity.id})")
    print(f"  {'Planned' if activity.planned else 'Day'}: {format_day(activity.day)}")
    done = pairs.done.get(activity.id)
    if done is not None:
        print(f"  Done: {done.title or 'a run'} ({done.id}) counts in its place")
    start = local_start(activity)
    if activity.start is not None and start is not None:
        recorded = ""
        if activity.start.utcoffset() != start.utcoffset():
            recorded = f" ({activity.start:%H:%M} {_zone(activity.start)} where recorded)"
        print(f"  Start: {start_text(activity)}{recorded}")
    print(f"  Sport: {activity.sport}")
    if activity.is_run:
        kind, why = kind_why(activity, settings, pairs.planned_as.get(activity.id))
        print(f"  Kind: {kind} ({why})")
        if not activity.planned:
            effort, source = run_effort(activity, settings)
            said = "yours" if source == "given" else f"estimated from its {source}"
            print(f"  Effort: {effort_words(effort)} ({said})")
            if activity.duration_s:
                print(f"  Load: {effort * activity.duration_s / 60:.0f} (effort x minutes)")
    for label, key in (("Distance", "distance"), ("Time", "time_taken"), ("Average HR", "hr")):
        if shown[key]:
            print(f"  {label}: {shown[key]}")
    if activity.source:
        print(f"  From: {activity.source}")
    return EXIT_OK


def _mark(args: argparse.Namespace, paths: Paths) -> int:
    return _with_days(args, paths, _mark_in)


def _mark_in(args: argparse.Namespace, days: Days, paths: Paths) -> int:
    runs = RunLog(days.log)
    activity = _find(runs, args.id)
    if activity is None:
        return EXIT_FAILED
    if not activity.is_run:
        error(f"{args.id} is a {activity.sport} activity, not a run: it has no kind")
        return EXIT_USAGE
    marked = days.write(lambda log: RunLog(log).mark(args.id, as_kind(args.kind)))
    plan = plan_pairs(runs.between(marked.day, marked.day)).planned_as.get(marked.id)
    kind, why = kind_why(marked, run_settings(days.settings), plan)
    how = "" if marked.kind else f" (worked out again: {why})"
    what = "a race" if kind == "race" else f"{'an' if kind == 'easy' else 'a'} {kind} run"
    print(f"{marked.title or 'Run'} on {marked.day.isoformat()} is now {what}{how}.")
    return EXIT_OK


def _effort(args: argparse.Namespace, paths: Paths) -> int:
    if args.effort.strip().lower() != "auto":
        try:
            if parse_effort(args.effort) is None:
                raise ValueError("an effort is needed: 0-10, or auto")
        except ValueError as problem:
            error(str(problem))
            return EXIT_USAGE
    return _with_days(args, paths, _effort_in)


def _effort_in(args: argparse.Namespace, days: Days, paths: Paths) -> int:
    runs = RunLog(days.log)
    activity = _find(runs, args.id)
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


def _remove(args: argparse.Namespace, paths: Paths) -> int:
    return _with_days(args, paths, _remove_in)


def _remove_in(args: argparse.Namespace, days: Days, paths: Paths) -> int:
    try:
        gone = days.write(lambda log: RunLog(log).remove(args.id))
    except UnknownRunError as problem:
        error(str(problem))
        return EXIT_FAILED
    what = gone.title or gone.sport
    print(f"Removed {what} on {gone.day.isoformat()} ({gone.id}).")
    return EXIT_OK
