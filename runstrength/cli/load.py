"""`runstrength load`: the weekly training load of runs and strength, and the ratio."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from runstrength.cli.common import EXIT_OK, Commands
from runstrength.cli.schedule import _with_days
from runstrength.core.load import LONGEST_STRENGTH, RATIO_BAND, ratio_note, report_to_data
from runstrength.core.settings import run_settings
from runstrength.paths import Paths
from runstrength.store.load import read_load

if TYPE_CHECKING:
    from runstrength.cli.days import Days

MAX_WEEKS = 104


def _weeks(text: str) -> int:
    try:
        weeks = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of weeks") from None
    if not 1 <= weeks <= MAX_WEEKS:
        raise argparse.ArgumentTypeError(f"{weeks} is not between 1 and {MAX_WEEKS}")
    return weeks


def register(commands: Commands) -> None:
    load = commands.add_parser(
        "load",
        description="Load is effort (0-10, how hard it was) x minutes, for every strength "
        "session and completed run. The ratio is the last 7 days' average daily load over "
        "the last 28 days': 0.8-1.3 is steady building, above 1.5 load is rising fast.",
    )
    load.add_argument(
        "--weeks", type=_weeks, default=8, metavar="N", help=f"1-{MAX_WEEKS} (default 8)"
    )
    load.add_argument("--json", action="store_true", help="print JSON")
    load.set_defaults(run=show_load)


def show_load(args: argparse.Namespace, paths: Paths) -> int:
    result: int = _with_days(args, paths, _show_in, read_only=True)
    return result


def _show_in(args: argparse.Namespace, days: Days, paths: Paths) -> int:
    report = read_load(days.log, run_settings(days.settings), days.today, args.weeks)
    if args.json:
        print(json.dumps(report_to_data(report), indent=2))
        return EXIT_OK
    if report.counted_from is None:
        print(
            "No load yet: it counts logged strength sessions and imported runs "
            "(`runstrength runs import PATH`)."
        )
        return EXIT_OK
    header = ("WEEK OF", "RUNS", "STRENGTH", "TOTAL", "RATIO")
    rows = [
        (
            f"{week.start:%a %Y-%m-%d}",
            f"{week.runs:.0f}",
            f"{week.strength:.0f}",
            f"{week.total:.0f}",
            "-" if week.ratio is None else f"{week.ratio:.2f}",
        )
        for week in report.weeks
    ]
    widths = [max(len(c) for c in column) for column in zip(header, *rows, strict=True)]
    for cells in (header, *rows):
        first, *rest = cells
        line = first.ljust(widths[0]) + "".join(
            "  " + c.rjust(w) for c, w in zip(rest, widths[1:], strict=True)
        )
        print(line)
    low, high = RATIO_BAND
    ratio = "-" if report.ratio is None else f"{report.ratio:.2f}"
    print(
        f"Acute:chronic ratio today: {ratio} ({ratio_note(report.ratio)}; steady is {low}-{high})"
    )
    print("Load = effort (0-10) x minutes; a week runs Monday to Sunday.")
    if report.capped:
        hours = LONGEST_STRENGTH.total_seconds() / 3600
        days_said = ", ".join(f"{day:%a %Y-%m-%d}" for day in report.capped)
        print(
            f"Strength logged longer than {hours:.0f} h counts as {hours:.0f} h "
            f"(check its end time): {days_said}."
        )
    return EXIT_OK
