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
from runstrength.cli.common import EXIT_FAILED, EXIT_USAGE, error
from runstrength.paths import DATA_DIR_VARIABLE, resolve_paths

TOPICS = [session, status, schedule, runs, plan, load, history, programs, config, doctor]


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors as one line on stderr and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        error(message)
        raise SystemExit(EXIT_USAGE)


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


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    paths = resolve_paths(args.data_dir)
    try:
        result: int = args.run(args, paths)
    except BrokenPipeError:
        # The reader left early (`runstrength history | head`): stop quietly like other
        # command-line tools, and keep Python from failing again on the final flush.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    return result
