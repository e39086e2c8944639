"""Links planted where runstrength's own files and folders belong, found before a
command or the app touches any of them (a link there is refused, never followed)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from runstrength.paths import Paths
from runstrength.store.backups import backup_dir
from runstrength.store.folders import folder_problem
from runstrength.store.journal import journal_path
from runstrength.store.lock import LOCK_NAME
from runstrength.store.private import is_link, private_dir, tighten_file
from runstrength.store.years import FOLDER


def _inside(folder: Path, pattern: str = "*") -> Iterator[Path]:
    """The entries of `folder` (not followed when it is itself a link)."""
    if is_link(folder):
        return
    try:
        yield from folder.glob(pattern)
    except OSError:
        return


def _candidates(paths: Paths) -> Iterator[Path]:
    log_file = paths.log_file
    journal = journal_path(log_file)
    yield from (paths.data_dir / LOCK_NAME, log_file, journal)
    for name in (log_file.name, journal.name):
        yield from _inside(paths.data_dir, f"{name}.damaged-*")
    backups = backup_dir(log_file)
    yield backups
    yield from _inside(backups)
    years = paths.data_dir / FOLDER
    yield years
    yield from _inside(years)
    yield from _inside(years / backups.name)
    # Not config.toml: it is the user's own file, and a link to it in their dotfiles is theirs.
    yield from (paths.app_log, paths.parsed_content)


def planted_link(paths: Paths) -> Path | None:
    """The first of runstrength's files or folders that is a symbolic link, if any."""
    return next((path for path in _candidates(paths) if is_link(path)), None)


def check_folders(paths: Paths) -> str | None:
    """Before a command or the app starts: why it may not (a folder of runstrength's that
    cannot be one, or a link planted among its files, named), or None. Its own folders
    that exist are made private (an older runstrength made them under the umask); a
    folder the user named keeps its mode."""
    folders = dict.fromkeys((paths.data_dir, paths.config_dir, paths.state_dir))
    for folder in folders:
        problem = folder_problem(folder)
        if problem is not None:
            return problem
    link = planted_link(paths)
    if link is not None:
        return _refusal(link)
    for folder in folders:
        if folder.is_dir():
            # A folder made inside the data folder (state/ beside a --data-dir log) is
            # runstrength's own; the others were named by the user or the system.
            with contextlib.suppress(OSError):
                private_dir(folder, user_chosen=folder.parent != paths.data_dir)
    for path in (paths.config_file, paths.app_log, paths.parsed_content):
        tighten_file(path)
    return None


def _refusal(link: Path) -> str:
    kind = "folder" if os.path.isdir(link) else "file"
    return (
        f"{link} is a symbolic link where runstrength keeps a {kind} of its own, and it never "
        "reads or writes through one: nothing was changed. Remove the link (put the "
        f"{kind} itself there if it is yours) and try again."
    )
