"""The command line's parser (argparse): the commands named in `COMMANDS`, each in full
only when it is the one given.

Not loaded when the command line only opens the app (see `runstrength.cli._app_alone`).
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence
from typing import Any

from runstrength import __version__
from runstrength.cli import COMMANDS, names_data_dir
from runstrength.cli.common import EXIT_USAGE, error
from runstrength.paths import DATA_DIR_VARIABLE


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors as one line on stderr and exit code 2; an empty value
    ("") is refused, never taken for "not given". A command's parser and each of its
    actions' take --data-dir after them as well (`config path --data-dir X`)."""

    def __init__(self, *args: Any, top: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The deepest command parsed leaves its name here, for the help a mistake points to.
        self.set_defaults(help_prog=self.prog)
        if not top:  # the top parser has its own, with the default the others leave alone
            _data_dir_option(self, argparse.SUPPRESS)

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
            value = getattr(parsed, action.dest, None)
            if isinstance(value, str) and not value.strip():  # "", or spaces only
                name = max(action.option_strings, key=len, default=action.metavar or action.dest)
                self.error(f"argument {name}: must not be empty{' or blank' if value else ''}")
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
    """Adds a subcommand with its help from the table."""

    def __init__(self, commands: argparse._SubParsersAction[_Parser]) -> None:
        self.commands = commands
        self.added: set[str] = set()

    def add_parser(self, name: str, **kwargs: object) -> argparse.ArgumentParser:
        kwargs.setdefault("help", COMMANDS[name].help)
        parser = self.commands.add_parser(name, **kwargs)  # type: ignore[arg-type]
        self.added.add(name)
        return parser


def command_in(argv: Sequence[str]) -> str | None:
    """The subcommand named on the command line, if any (a --data-dir value is no command)."""
    takes_value = False
    for arg in argv:
        if takes_value:
            takes_value = False
        elif names_data_dir(arg):
            takes_value = True
        elif arg in COMMANDS:
            return arg
        elif not arg.startswith("-"):
            return None
    return None


def build_parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The parser for `argv`: in full for the command it names, the others by name and
    help alone (their modules are not loaded)."""
    parser = _Parser(
        top=True,
        prog="runstrength",
        description="A terminal workout companion for runners who strength-train. "
        "With no command it opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"runstrength {__version__}")
    _data_dir_option(parser, None)
    commands = _Commands(
        parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    )
    chosen = command_in(argv)
    for name, command in COMMANDS.items():
        if name in commands.added:
            continue
        if chosen is not None and command.module == COMMANDS[chosen].module:
            importlib.import_module(command.module).register(commands)
        else:
            commands.add_parser(name)
    return parser
