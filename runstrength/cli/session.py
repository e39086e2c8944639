"""Opening the app: `runstrength` (home) and `runstrength start` (straight into a session)."""

from __future__ import annotations

import argparse
from typing import Any

from runstrength.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, error, setup_logging
from runstrength.core.errors import ValidationError
from runstrength.paths import Paths


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
    from runstrength.app import RunStrengthApp

    app = RunStrengthApp(context, start_with=program)
    try:
        app.run()
    finally:
        context.sound.close()
        context.log.close()
    return EXIT_OK
