"""Whether runstrength's folders can be what they must: each a folder, or one that can be
made. Asked before a command or the app starts, so a data folder that cannot hold the log
is named with what is wrong, rather than failing at the first write."""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from runstrength.store.private import DIR_MODE, is_link


def folder_problem(folder: Path) -> str | None:
    """Why `folder` (absolute) cannot be used, or None: a file stands where it or a folder
    above it must be, a symbolic link there points at nothing, or it is not there and
    cannot be made. Nothing is left changed: a folder not there is made and removed again
    to know that it can be (a command that only reads never makes it)."""
    for path in (folder, *folder.parents):
        if not os.path.lexists(path):
            continue
        try:
            is_dir = path.is_dir()
        except OSError:  # behind a folder this user may not look into: the use will say
            return None
        if is_dir:
            return None if path == folder else _cannot_make(folder, path)
        what = "it is" if path == folder else f"{path} is"
        if is_link(path) and not path.exists():  # to nothing, or round in a loop
            if _loops(path):
                return (
                    f"{folder} cannot be used as a folder: {what} a symbolic link that "
                    "leads back to itself. Remove the link, and try again."
                )
            return (
                f"{folder} cannot be used as a folder: {what} a symbolic link to "
                f"{os.readlink(path)}, which does not exist. Make that folder, or remove "
                "the link, and try again."
            )
        kind = "a file" if path.is_file() else "not a folder"  # a device, a pipe
        return f"{folder} cannot be used as a folder: {what} {kind}"
    return None


def _loops(link: Path) -> bool:
    """Whether following `link` comes back round to a link already followed."""
    try:
        link.resolve(strict=True)
    except RuntimeError:  # Python 3.11-3.12: "Symlink loop"
        return True
    except OSError as error:
        return error.errno == errno.ELOOP
    return False


def _cannot_make(folder: Path, existing: Path) -> str | None:
    """Why the first missing folder on the way from `existing` to `folder` cannot be made
    (a folder that refuses new entries, a read-only disk, a system folder such as
    /proc), or None when it can."""
    first = existing / folder.relative_to(existing).parts[0]
    try:
        os.mkdir(first, DIR_MODE)
    except FileExistsError:
        return None  # made meanwhile: the walk above saw it missing
    except OSError as failure:
        what = "it" if first == folder else str(first)
        return (
            f"{folder} cannot be used as a folder: {what} cannot be made in {existing} "
            f"({failure.strerror or failure})"
        )
    with contextlib.suppress(OSError):
        os.rmdir(first)
    return None
