"""What every command shares: exit codes, error output and the log-file setup."""

from __future__ import annotations

import logging
import sys

from runstrength.paths import Paths

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def error(message: str) -> None:
    """One line (or a few) on stderr, prefixed with the program name."""
    print(f"runstrength: {message}", file=sys.stderr)


def unexpected(failure: Exception, paths: Paths) -> str:
    """One line for a failure nobody planned for; its traceback goes to the log file."""
    import traceback

    where = ""
    try:
        paths.state_dir.mkdir(parents=True, exist_ok=True)
        with paths.app_log.open("a", encoding="utf-8") as log:
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
    root = logging.getLogger()
    try:
        paths.state_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(paths.app_log, encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
