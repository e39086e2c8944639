"""The command line: `runstrength` opens the app; subcommands do what people script.

`COMMANDS` is the command table: each command's one-line help and the module that holds
it. Each such module has a `register(commands)` that adds its parsers and sets `run` on
them; only the module of the command given is imported (`runstrength --help` imports
none), so a module imports what its commands need at its top, and a command that prints
never loads the Textual app.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from runstrength.cli.common import EXIT_FAILED, EXIT_USAGE, Run, error, printable, unexpected
from runstrength.paths import resolve_paths

if TYPE_CHECKING:
    import argparse


class Command(NamedTuple):
    """A subcommand: the module that registers and runs it, and its line in `--help`."""

    module: str
    help: str


COMMANDS: dict[str, Command] = {
    "start": Command("runstrength.cli.session", "open the app straight into a session"),
    "status": Command(
        "runstrength.cli.status", "training day or rest day, and the next allowed date"
    ),
    "schedule": Command("runstrength.cli.schedule", "plan sessions: add, list, remove, export"),
    "runs": Command(
        "runstrength.cli.runs",
        "your runs: import files, plan from a calendar, list, show, mark, remove",
    ),
    "plan": Command("runstrength.cli.plan", "suggest strength days around your runs"),
    "load": Command(
        "runstrength.cli.load",
        "weekly training load of runs and strength, and the acute:chronic ratio",
    ),
    "history": Command("runstrength.cli.history", "list logged sessions"),
    "export": Command(
        "runstrength.cli.history", "write the whole log as JSON or CSV, or sessions as FIT files"
    ),
    "import": Command("runstrength.cli.history", "merge an interchange JSON file into the log"),
    "programs": Command("runstrength.cli.programs", "list, show or validate training programs"),
    "config": Command(
        "runstrength.cli.config", "the settings file: its path, its values, or a check"
    ),
    "doctor": Command(
        "runstrength.cli.doctor", "check the training log (and repair it from a backup)"
    ),
}
"""Every subcommand, in the order `--help` lists them."""

APP = "runstrength.cli.session"
"""Where the app is opened from: `runstrength` with no command, and `start`."""


class AppOpened(NamedTuple):
    """A command line that only opens the app, as read without argparse."""

    data_dir: str | None


def names_data_dir(arg: str) -> bool:
    """Whether `arg` is --data-dir, or an abbreviation argparse takes for it (its value
    follows)."""
    return arg.startswith("--d") and "--data-dir".startswith(arg)


def _app_alone(argv: Sequence[str]) -> AppOpened | None:
    """`argv` when it only opens the app (nothing but --data-dir DIR), the way the app is
    opened most: read here, as argparse would read it, without loading argparse (some
    eight million instructions at every start). None for anything else (a command, help,
    a mistake), which the parser reads and answers."""
    data_dir = None
    takes_value = False
    for arg in argv:
        if takes_value:
            if not arg.strip() or arg.startswith("-"):
                return None  # the parser says what is wrong with it
            data_dir, takes_value = arg, False
        elif names_data_dir(arg):
            takes_value = True
        elif arg.startswith("--data-dir=") and arg.removeprefix("--data-dir=").strip():
            data_dir = arg.removeprefix("--data-dir=")
        else:
            return None
    return None if takes_value else AppOpened(data_dir)


def _run(args: argparse.Namespace | None) -> Run:
    """What the command line asked for: the command's `run`, or else the app."""
    run: Run | None = getattr(args, "run", None)
    if run is None:
        app: Run = importlib.import_module(APP).open_app
        return app
    return run


def main(argv: Sequence[str] | None = None) -> int:
    # The start loads many modules and makes many objects that live as long as the run,
    # and leaves little garbage: the collector waits until the command runs (the app
    # takes it from there: `RunStrengthApp.run`), rather than scan them again and again.
    collecting = gc.isenabled()
    gc.disable()
    streams = sys.stdout, sys.stderr
    try:
        return _main(argv, collecting)
    finally:
        sys.stdout, sys.stderr = streams
        if collecting:
            gc.enable()


def _main(argv: Sequence[str] | None, collecting: bool) -> int:
    if argv is None:
        argv = sys.argv[1:]
    alone = _app_alone(argv)
    args: argparse.Namespace | None = None
    if alone is not None:
        data_dir = alone.data_dir
    else:
        from runstrength.cli.parser import build_parser

        # A title from a downloaded file or a shared calendar (or an argument echoed in
        # an error) never drives the terminal, nor the one the output is piped to: data
        # asked for on stdout goes by `data_out`. The app draws on the streams as they are.
        streams = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = printable(sys.stdout), printable(sys.stderr)
        args = build_parser(argv).parse_args(argv)
        if args.command == "start":
            sys.stdout, sys.stderr = streams
        data_dir = args.data_dir
    command = args.command if args is not None else None
    run = _run(args)
    if collecting and command not in (None, "start"):
        gc.enable()
    paths = resolve_paths(data_dir)
    from runstrength.store.links import check_folders

    refusal = check_folders(paths)
    if refusal is not None:
        error(refusal)
        return EXIT_USAGE
    try:
        result = run(args, paths)
    except BrokenPipeError:
        # The reader left early (`runstrength history | head`): stop quietly like other
        # command-line tools, and keep Python from failing again on the final flush.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except Exception as failure:  # a fault: one line here, the traceback in the log file
        error(unexpected(failure, paths))
        return EXIT_FAILED
    return result
