"""`runstrength status`: is today a training day or a rest day, and when is the next session."""

from __future__ import annotations

import argparse
import json

from runstrength.cli.common import EXIT_FAILED, EXIT_OK, RECOVERY_HINT, Commands, error
from runstrength.cli.days import open_days
from runstrength.core.load import rising_fast
from runstrength.core.restdays import can_start_today, format_day
from runstrength.core.runrules import RunCause
from runstrength.core.settings import run_settings
from runstrength.paths import Paths
from runstrength.store import LogError
from runstrength.store.load import read_load


def register(commands: Commands) -> None:
    status = commands.add_parser(
        "status",
        description="Say whether today is a training day or a rest day (the day after a "
        "strength session, or a weekly rest day from the settings), and when the next "
        "session is possible.",
    )
    status.add_argument("--json", action="store_true", help="print JSON")
    status.set_defaults(run=show_status)


def show_status(args: argparse.Namespace, paths: Paths) -> int:

    try:
        days = open_days(paths, read_only=True)
        try:
            state = days.training_days()
            upcoming = days.schedule.between(days.today)
            ratio = read_load(days.log, run_settings(days.settings), days.today, 1).ratio
        finally:
            days.close()
    except LogError as problem:
        error(str(problem))
        return EXIT_FAILED
    check = can_start_today(state)
    verdict = check.verdict
    planned = upcoming[0] if upcoming else None
    trained_today = state.today in state.logged
    if args.json:
        cause = verdict.cause
        next_day = state.today if verdict.allowed else verdict.next_allowed
        report = {
            "today": state.today.isoformat(),
            "training_day": verdict.allowed,
            "trained_today": trained_today,
            "reason": verdict.reason or None,
            "cause": None
            if cause is None
            else {"kind": cause.kind, "date": cause.day.isoformat(), "program": cause.program},
            "next_allowed": next_day.isoformat() if next_day else None,
            "tomorrow_becomes_rest_day": check.tomorrow_program is not None,
            "next_scheduled": None
            if planned is None
            else {"date": planned.day.isoformat(), "program": planned.program},
            "blocking_run": _blocking_run(cause),
            "load_ratio": None if ratio is None else round(ratio, 2),
        }
        print(json.dumps(report, indent=2))
        return EXIT_OK
    if verdict.allowed and trained_today:
        print(
            f"Trained today: {format_day(state.today)}. Tomorrow is a rest day; "
            "another session today is allowed."
        )
    elif verdict.allowed:
        print(f"Training day: {format_day(state.today)}. A session may start today.")
        if check.tomorrow_program and check.move_to:
            print(
                f"Planned tomorrow: {check.tomorrow_program}. Training today makes tomorrow "
                f"a rest day (the plan could move to {format_day(check.move_to)})."
            )
    elif verdict.by_run:
        print(f"No strength today: {verdict.message()}")
    else:
        print(f"Rest day: {verdict.message()}")

        print(RECOVERY_HINT)
    if planned is not None:
        print(f"Next planned: {planned.program} on {format_day(planned.day)}.")
    warning = rising_fast(ratio)
    if warning:
        print(f"{warning[0].upper()}{warning[1:]} (the last 7 days against 28): go easier.")
    return EXIT_OK


def _blocking_run(cause: object) -> dict[str, object] | None:
    """The run that keeps today free of strength work, if a running rule does."""
    if not isinstance(cause, RunCause):
        return None
    run = cause.run
    return {
        "date": cause.day.isoformat(),
        "kind": run.kind,
        "title": run.title,
        "distance_m": run.distance_m,
        "planned": run.planned,
        "rule": cause.kind,
    }
