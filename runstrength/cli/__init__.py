"""The command line: `runstrength` opens the app; subcommands do what people script.

Each topic lives in its own module with a `register(commands)` that adds its parsers
and sets `run` on them. The Textual app is imported only by the commands that open
it, so the others stay quick.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from runstrength import __version__
from runstrength.cli import doctor, session
from runstrength.cli.common import EXIT_USAGE, error
from runstrength.paths import DATA_DIR_VARIABLE, resolve_paths

TOPICS = [session, doctor]


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors as one line on stderr and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        error(message)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for topic in TOPICS:
        topic.register(commands)
    parser.set_defaults(run=session.open_app)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    paths = resolve_paths(args.data_dir)
    result: int = args.run(args, paths)
    return result
