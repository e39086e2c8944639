"""Opening the app: `runstrength` (home) and `runstrength start` (straight into a session)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from runstrength.app import RunStrengthApp
from runstrength.cli.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    RECOVERY_HINT,
    Commands,
    error,
    setup_logging,
)
from runstrength.core.errors import ValidationError
from runstrength.core.fields import shown
from runstrength.factory import build_context
from runstrength.paths import Paths
from runstrength.store import LogError

if TYPE_CHECKING:
    import argparse

    from runstrength.context import AppContext
    from runstrength.store import ProgramLibrary


def register(commands: Commands) -> None:
    start = commands.add_parser(
        "start",
        description="Open the app straight into a session of the default program, "
        "or of --program NAME. With --recovery: a recovery routine of that program's "
        "stretches and easy mobility moves instead (allowed on a rest day; never counted "
        "as training).",
    )
    start.add_argument("--program", metavar="NAME", help="the program to run (default: settings)")
    start.add_argument(
        "--recovery",
        action="store_true",
        help="a recovery routine (stretches, easy moves) rather than a strength session",
    )
    start.set_defaults(run=start_session)


def open_app(args: argparse.Namespace | None, paths: Paths) -> int:
    return _run_app(paths, None, start=False)


def start_session(args: argparse.Namespace, paths: Paths) -> int:
    return _run_app(paths, args.program, start=True, recovery=args.recovery)


def rest_day_refusal(context: AppContext) -> str:
    """Why no session may start today (empty when one may)."""
    # Loaded here, for `start` only: `runstrength` alone draws home before the rest-day
    # rule and the schedule are loaded (home reads them after its first frame).
    from runstrength.core.restdays import can_start_today
    from runstrength.core.settings import run_settings
    from runstrength.store.schedule import Schedule

    today = context.clock.now().date()
    settings = context.settings
    days = Schedule(context.log).training_days(
        today, settings.weekly_rest_days, runs=run_settings(settings)
    )
    verdict = can_start_today(days).verdict
    if verdict.by_run and settings.run_rules == "warn":
        return "" if _answered_yes(verdict.message()) else f"no session today: {verdict.message()}"
    return "" if verdict.allowed else f"no session today: {verdict.message()}"


def _answered_yes(warning: str) -> bool:
    """The running rules as a question (run_rules = "warn"), asked before the app opens;
    without a terminal to answer on, the answer is no."""
    if not sys.stdin.isatty():
        return False
    try:
        answer = input(f"{warning}\nStart a session anyway? [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def _run_app(paths: Paths, program_name: str | None, start: bool, recovery: bool = False) -> int:
    setup_logging(paths)
    try:
        # `start` reads the log before the app opens; home shows itself first.
        context = build_context(paths, open_log_later=not start)
    except LogError as problem:
        error(str(problem))
        return EXIT_FAILED
    except ValidationError as problem:
        error(f"the built-in content is broken:\n{problem}")
        return EXIT_FAILED
    program = None
    if start:
        program = context.programs.get(program_name) if program_name else context.default_program()
        if program is None:
            context.log.close()
            return _unknown_program(program_name or "", context.programs)
        refusal = "" if recovery else rest_day_refusal(context)
        if refusal:
            error(f"{refusal}\n{RECOVERY_HINT}")
            context.log.close()
            return EXIT_FAILED

    app = RunStrengthApp(context, start_with=program, recovery=recovery)
    try:
        app.run()
    finally:
        # A set finished just before quitting may still be waiting for its write.
        saved = context.writer.close()
        context.sound.player.close()
        context.log.close()
    if not saved:
        error(unsaved_message(context.writer.unsaved, context.writer.refusal))
        return EXIT_FAILED
    return EXIT_OK if not app.return_code else EXIT_FAILED


def unsaved_message(unsaved: list[str], refusal: str | None) -> str:
    """What the log could not take before the app closed, by name ("not saved: the effort
    rating"), and why; everything else is on disk."""
    return f"not saved: {' and '.join(unsaved)}. {refusal or ''}".strip()


def _unknown_program(name: str, programs: ProgramLibrary) -> int:
    for source, problems in programs.invalid.items():
        if Path(source).stem == name:
            error(f"the program {shown(name)} is not valid:")
            for problem in problems:
                print(f"  {source}: {problem}", file=sys.stderr)
            return EXIT_USAGE
    known = ", ".join(sorted(programs.programs))
    error(f"no program named {shown(name)} (known: {known})")
    return EXIT_USAGE
