"""The command line: `runstrength` opens the app; subcommands do what people script.

`COMMANDS` is the command table: each command's one-line help and the module that holds
it. Each such module has a `register(commands)` that adds its parsers and sets `run` on
them; only the module of the command given is imported (`runstrength --help` imports
none), so a module imports what its commands need at its top, and a command that prints
never loads the Textual app.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from runstrength import __version__
from runstrength.cli.common import EXIT_FAILED, EXIT_USAGE, Run, error, printable, unexpected
from runstrength.paths import DATA_DIR_VARIABLE, resolve_paths


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


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors as one line on stderr and exit code 2; an empty value
    ("") is refused, never taken for "not given"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The deepest command parsed leaves its name here, for the help a mistake points to.
        self.set_defaults(help_prog=self.prog)

    def error(self, message: str) -> None:  # type: ignore[override]
        error(f"{message} (see `{self.prog} --help`)")
        raise SystemExit(EXIT_USAGE)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:  # said by the command they were given to: its --help tells what it takes
            error(f"unrecognized arguments: {' '.join(extras)} (see `{parsed.help_prog} --help`)")
            raise SystemExit(EXIT_USAGE)
        return parsed

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        parsed, extras = super().parse_known_args(args, namespace)
        for action in self._actions:
            if getattr(parsed, action.dest, None) == "":
                name = max(action.option_strings, key=len, default=action.metavar or action.dest)
                self.error(f"argument {name}: must not be empty")
        return parsed, extras


def _data_dir_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help=f"keep the log, settings and programs in DIR (default: ${DATA_DIR_VARIABLE}, "
        "else your platform's user folders)",
    )


class _Commands:
    """Adds a subcommand with its help from the table, and --data-dir accepted after it as
    well as before."""

    def __init__(self, commands: argparse._SubParsersAction[_Parser]) -> None:
        self.commands = commands
        self.added: set[str] = set()

    def add_parser(self, name: str, **kwargs: object) -> argparse.ArgumentParser:
        kwargs.setdefault("help", COMMANDS[name].help)
        parser = self.commands.add_parser(name, **kwargs)  # type: ignore[arg-type]
        _data_dir_option(parser, argparse.SUPPRESS)
        self.added.add(name)
        return parser


def _command_in(argv: Sequence[str]) -> str | None:
    """The subcommand named on the command line, if any (a --data-dir value is no command)."""
    takes_value = False
    for arg in argv:
        if takes_value:
            takes_value = False
        elif arg.startswith("--d") and "--data-dir".startswith(arg):
            takes_value = True
        elif arg in COMMANDS:
            return arg
        elif not arg.startswith("-"):
            return None
    return None


def _app_alone(argv: Sequence[str]) -> bool:
    """Whether `argv` only opens the app (nothing but --data-dir): the way it is opened
    most, where no command's parser is needed."""
    takes_value = False
    for arg in argv:
        if takes_value:
            takes_value = False
        elif arg.startswith("--d") and "--data-dir".startswith(arg):
            takes_value = True
        elif not arg.startswith("--data-dir="):
            return False
    return not takes_value


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser for `argv`: in full for the command it names, the others by name and
    help alone (their modules are not loaded), and none when it only opens the app."""
    parser = _Parser(
        prog="runstrength",
        description="A terminal workout companion for runners who strength-train. "
        "With no command it opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"runstrength {__version__}")
    _data_dir_option(parser, None)
    commands = _Commands(
        parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    )
    if _app_alone(argv):
        return parser
    chosen = _command_in(argv)
    for name, command in COMMANDS.items():
        if name in commands.added:
            continue
        if chosen is not None and command.module == COMMANDS[chosen].module:
            importlib.import_module(command.module).register(commands)
        else:
            commands.add_parser(name)
    return parser


def _run(args: argparse.Namespace) -> Run:
    """What the command line asked for: the command's `run`, or else the app."""
    run: Run | None = getattr(args, "run", None)
    if run is None:
        app: Run = importlib.import_module(APP).open_app
        return app
    return run


def _not_a_folder(folder: Path) -> Path | None:
    """The file standing where `folder` (or a folder above it) must be, if any."""
    for path in (folder, *folder.parents):
        if path.exists():
            return None if path.is_dir() else path
    return None


def main(argv: Sequence[str] | None = None) -> int:
    # The start loads many modules and makes many objects that live as long as the run,
    # and leaves little garbage: the collector waits until the command runs (the app
    # takes it from there: `RunStrengthApp.run`), rather than scan them again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _main(argv, collecting)
    finally:
        if collecting:
            gc.enable()


def _main(argv: Sequence[str] | None, collecting: bool) -> int:
    if argv is None:
        argv = sys.argv[1:]
    args = build_parser(argv).parse_args(argv)
    run = _run(args)
    if collecting and args.command not in (None, "start"):
        gc.enable()
    if args.command not in (None, "start"):
        # A title from a downloaded file or a shared calendar never drives the terminal.
        sys.stdout = printable(sys.stdout)
        sys.stderr = printable(sys.stderr)
    paths = resolve_paths(args.data_dir)
    for folder in dict.fromkeys((paths.data_dir, paths.config_dir, paths.state_dir)):
        blocking = _not_a_folder(folder)
        if blocking is not None:
            why = "it is" if blocking == folder else f"{blocking} is"
            error(f"{folder} cannot be used as a folder: {why} a file")
            return EXIT_USAGE
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
