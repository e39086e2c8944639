"""The command line: `runstrength` opens the app; subcommands do what people script.

The Textual app is imported only by the commands that open it, so the others stay quick.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from runstrength import __version__
from runstrength.core.errors import ValidationError
from runstrength.paths import DATA_DIR_VARIABLE, Paths, resolve_paths

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="runstrength",
        description="A terminal workout companion for runners who strength-train. "
        "With no command it opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"runstrength {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"keep the log, settings and programs in DIR (default: ${DATA_DIR_VARIABLE}, "
        "else your platform's user folders)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    start = commands.add_parser(
        "start",
        help="open the app straight into a session",
        description="Open the app "
        "straight into a session of the default program, or of --program NAME.",
    )
    start.add_argument("--program", metavar="NAME", help="the program to run (default: settings)")
    return parser


def _setup_logging(paths: Paths) -> None:
    """Diagnostics go to a file: nothing may print while the app draws the terminal."""
    root = logging.getLogger()
    try:
        paths.state_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(paths.app_log, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _error(message: str) -> None:
    print(f"runstrength: {message}", file=sys.stderr)


def _open_app(paths: Paths, program_name: str | None, start: bool) -> int:
    from runstrength.factory import build_context
    from runstrength.store import LogError

    _setup_logging(paths)
    try:
        context = build_context(paths)
    except LogError as error:
        _error(str(error))
        return EXIT_FAILED
    except ValidationError as error:
        _error(f"the built-in content is broken:\n{error}")
        return EXIT_FAILED
    program = None
    if start:
        name = program_name or context.settings.program
        program = context.programs.get(name)
        if program is None:
            known = ", ".join(sorted(context.programs.programs))
            _error(f"no program named {name!r} (known: {known})")
            return EXIT_USAGE
    from runstrength.app import RunStrengthApp

    app = RunStrengthApp(context, start_with=program)
    try:
        app.run()
    finally:
        context.sound.close()
        context.log.close()
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    paths = resolve_paths(args.data_dir)
    if args.command == "start":
        return _open_app(paths, args.program, start=True)
    return _open_app(paths, None, start=False)
