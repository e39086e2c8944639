"""The command line: `runstrength` opens the app; subcommands do what people script.

Each topic lives in its own module with a `register(commands)` that adds its parsers
and sets `run` on them. The Textual app is imported only by the commands that open
it, so the others stay quick.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from runstrength import __version__
from runstrength.cli import (
    config,
    doctor,
    history,
    load,
    plan,
    programs,
    runs,
    schedule,
    session,
    status,
)
from runstrength.cli.common import EXIT_FAILED, EXIT_USAGE, error, printable, unexpected
from runstrength.paths import DATA_DIR_VARIABLE, resolve_paths

TOPICS = [session, status, schedule, runs, plan, load, history, programs, config, doctor]


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors as one line on stderr and exit code 2; an empty value
    ("") is refused, never taken for "not given"."""

    def error(self, message: str) -> None:  # type: ignore[override]
        error(f"{message} (see `{self.prog} --help`)")
        raise SystemExit(EXIT_USAGE)

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
    """Adds every subcommand with --data-dir accepted after it as well as before."""

    def __init__(self, commands: argparse._SubParsersAction[_Parser]) -> None:
        self.commands = commands

    def add_parser(self, name: str, **kwargs: object) -> argparse.ArgumentParser:
        parser = self.commands.add_parser(name, **kwargs)  # type: ignore[arg-type]
        _data_dir_option(parser, argparse.SUPPRESS)
        return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="runstrength",
        description="A terminal workout companion for runners who strength-train. "
        "With no command it opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"runstrength {__version__}")
    _data_dir_option(parser, None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for topic in TOPICS:
        topic.register(_Commands(commands))
    parser.set_defaults(run=session.open_app)
    return parser


def _not_a_folder(folder: Path) -> Path | None:
    """The file standing where `folder` (or a folder above it) must be, if any."""
    for path in (folder, *folder.parents):
        if path.exists():
            return None if path.is_dir() else path
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.run not in (session.open_app, session.start_session):
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
        result: int = args.run(args, paths)
    except BrokenPipeError:
        # The reader left early (`runstrength history | head`): stop quietly like other
        # command-line tools, and keep Python from failing again on the final flush.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except Exception as failure:  # a fault: one line here, the traceback in the log file
        error(unexpected(failure, paths))
        return EXIT_FAILED
    return result
