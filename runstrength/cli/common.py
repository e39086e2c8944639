"""What every command shares: exit codes, error output and the log-file setup."""

from __future__ import annotations

import logging
import os
import re
import shutil
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TextIO, cast

from runstrength.paths import Paths

if TYPE_CHECKING:
    import argparse
    from datetime import date

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2

RECOVERY_HINT = "A recovery routine (stretches, easy moves) is open: runstrength start --recovery"
"""Said where strength is refused today."""

Run = Callable[["argparse.Namespace | None", Paths], int]
"""What a command does with its parsed arguments (None: the app alone was asked for, and
nothing was parsed): its exit code."""


class Commands(Protocol):
    """Where a command module's `register` adds its subcommands."""

    def add_parser(self, name: str, **kwargs: object) -> argparse.ArgumentParser: ...


def range_problem(first: tuple[str, date | None], last: tuple[str, date | None]) -> str | None:
    """What is wrong with a range of days given as (option, day) pairs: its first day
    after its last; None when it holds a day (or either end is open)."""
    (first_option, since), (last_option, until) = first, last
    if since is None or until is None or since <= until:
        return None
    return f"{first_option} {since} is after {last_option} {until}: no day is in between"


def error(message: str) -> None:
    """One line (or a few) on stderr, prefixed with the program name."""
    print(f"runstrength: {message}", file=sys.stderr)


# Control characters but a line break (a new line, or a carriage return before one): C0
# (tab included), DEL and C1 (an escape sequence starts so).
_CONTROL = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")


def _visible(found: re.Match[str]) -> str:
    code = ord(found.group())
    return " " if code == 0x09 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with no control character left but its line breaks: a tab is a space, any
    other is written as its escape (ESC as \\u001b), which in a JSON string reads back as
    the character itself."""
    return _CONTROL.sub(_visible, text)


class _Printable:
    """A stream on which control characters are written as visible escapes."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(visible(text))
        return len(text)

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def printable(stream: TextIO) -> TextIO:
    """`stream` writing control characters as visible escapes: what a command prints holds
    titles from downloaded files and shared calendars, which must not drive a terminal,
    nor the one the output is piped to (`| less -R`, `| cat`)."""
    return stream if isinstance(stream, _Printable) else cast(TextIO, _Printable(stream))


def _terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def data_out() -> TextIO:
    """Where a command writes data asked for on stdout (an export, `-o -`): its bytes as
    they are into a pipe or a file; on a terminal, with control characters made visible."""
    stream = sys.stdout
    if isinstance(stream, _Printable) and not _terminal(stream._stream):
        return stream._stream
    return stream


STDOUT = "-"
"""An output file named so is stdout, as for other command-line tools."""


def names_stdout(target: object) -> bool:
    """Whether an output path given on the command line is `-`: stdout."""
    return str(target) == STDOUT


def binary_refused(what: str) -> str | None:
    """Why `what` (a binary file) is not written to stdout, or None: not on a terminal,
    where its bytes would be noise (and could drive it); into a pipe or a file, yes."""
    if not _terminal(data_out()):
        return None
    return (
        f"{what} is binary and stdout is a terminal: name a file instead of -, "
        "or send it to one (> FILE) or a pipe"
    )


def write_stdout(payload: str | bytes) -> None:
    """Data asked for on stdout (`-`): text as it is into a pipe or a file, with control
    characters made visible on a terminal; bytes only when it is no terminal."""
    stream = data_out()
    if isinstance(payload, str):
        stream.write(payload)
    else:
        stream.flush()
        stream.buffer.write(payload)
    stream.flush()


def terminal_width() -> int | None:
    """The width a table printed on stdout fits: $COLUMNS, or the terminal's; None into a
    pipe or a file, which get every word."""
    if not _terminal(sys.stdout) and not os.environ.get("COLUMNS", "").isdigit():
        return None
    return shutil.get_terminal_size().columns


def unexpected(failure: Exception, paths: Paths) -> str:
    """One line for a failure nobody planned for; its traceback goes to the log file."""
    import traceback

    from runstrength.store.private import append_text

    where = ""
    try:
        with append_text(paths.app_log) as log:
            log.write("".join(traceback.format_exception(failure)))
        where = f" (details in {paths.app_log})"
    except OSError:
        pass
    if isinstance(failure, OSError) and failure.strerror:
        named = f"{failure.filename}: " if failure.filename else ""
        return f"{named}{failure.strerror}{where}"
    return f"unexpected failure: {type(failure).__name__}: {failure}{where}"


def setup_logging(paths: Paths) -> None:
    """Diagnostics go to a file: nothing may print while the app draws the terminal."""
    from runstrength.store.private import append_text, private_dir

    root = logging.getLogger()
    try:
        # The data folder first: the state folder may be in it (--data-dir), and a new
        # data folder is private (0700), not made on the way under the umask.
        private_dir(paths.data_dir, user_chosen=True)
        handler: logging.Handler = logging.StreamHandler(append_text(paths.app_log))
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
