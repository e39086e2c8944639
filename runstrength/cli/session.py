"""Opening the app: `runstrength` (home) and `runstrength start` (straight into a session)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from runstrength.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, error, setup_logging
from runstrength.core.errors import ValidationError
from runstrength.paths import Paths

if TYPE_CHECKING:
    from runstrength.context import AppContext


def register(commands: Any) -> None:
    start = commands.add_parser(
        "start",
        help="open the app straight into a session",
        description="Open the app straight into a session of the default program, "
        "or of --program NAME.",
    )
    start.add_argument("--program", metavar="NAME", help="the program to run (default: settings)")
    start.set_defaults(run=start_session)


def open_app(args: argparse.Namespace, paths: Paths) -> int:
    return _run_app(paths, None, start=False)


def start_session(args: argparse.Namespace, paths: Paths) -> int:
    return _run_app(paths, args.program, start=True)


def rest_day_refusal(context: AppContext) -> str:
    """Why no session may start today (empty when one may)."""
    from runstrength.core.restdays import can_start_today
    from runstrength.store import Schedule

    today = context.clock.now().date()
    days = Schedule(context.log).training_days(today, context.settings.weekly_rest_days)
    verdict = can_start_today(days).verdict
    return "" if verdict.allowed else f"no session today: {verdict.message()}"


def _run_app(paths: Paths, program_name: str | None, start: bool) -> int:
    from runstrength.factory import build_context
    from runstrength.store import LogError

    setup_logging(paths)
    try:
        context = build_context(paths)
    except LogError as problem:
        error(str(problem))
        return EXIT_FAILED
    except ValidationError as problem:
        error(f"the built-in content is broken:\n{problem}")
        return EXIT_FAILED
    program = None
    if start:
        name = program_name or context.settings.program
        program = context.programs.get(name)
        if program is None:
            known = ", ".join(sorted(context.programs.programs))
            error(f"no program named {name!r} (known: {known})")
            context.log.close()
            return EXIT_USAGE
        refusal = rest_day_refusal(context)
        if refusal:
            error(refusal)
            context.log.close()
            return EXIT_FAILED
    from runstrength.app import RunStrengthApp

    app = RunStrengthApp(context, start_with=program)
    try:
        app.run()
    finally:
        context.sound.close()
        context.log.close()
    return EXIT_OK
