"""What every command shares: exit codes, error output and the log-file setup."""

from __future__ import annotations

import logging
import sys

from runstrength.paths import Paths

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def error(message: str) -> None:
    """One line (or a few) on stderr, prefixed with the program name."""
    print(f"runstrength: {message}", file=sys.stderr)


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
