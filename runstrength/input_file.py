"""Files from outside (named on the command line, or settings and programs), checked
before a byte of them is read.

Only a regular file of a stated size at most is read: a FIFO would block forever, a
device such as /dev/zero never ends, a folder is no file. The check is made on the
opened file (not only on its name), so a path swapped after the check is caught too.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from runstrength.core.fields import reason

MEGABYTE = 1024 * 1024
IMPORT_LIMIT = 64 * MEGABYTE
"""An export: ten years of sessions (1,510 sessions, 36,000 sets) are 13.8 MB."""
TEXT_LIMIT = 1 * MEGABYTE
"""A program or settings file: a few kilobytes."""


class InputError(ValueError):
    """A file that is not read: one line saying why (the path is not part of it);
    `missing` when there is no such file."""

    def __init__(self, reason: str, *, missing: bool = False) -> None:
        super().__init__(reason)
        self.missing = missing


def _size_text(limit: int) -> str:
    return f"{limit // MEGABYTE} MB"


def _kind(mode: int) -> str | None:
    """What a path that is not a regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def _refusal(mode: int, size: int, limit: int) -> str | None:
    kind = _kind(mode)
    if kind is not None:
        return f"it is {kind}, not a regular file"
    if size > limit:
        return f"it is {size / MEGABYTE:.1f} MB; at most {_size_text(limit)} is read"
    return None


def _refused(problem: OSError) -> InputError:
    return InputError(reason(problem), missing=isinstance(problem, FileNotFoundError))


def check_input(path: Path, limit: int, *, folder_ok: bool = False) -> None:
    """Refuse (InputError) a path that is not a regular file of `limit` bytes at most
    (or, with `folder_ok`, a folder), without opening it."""
    try:
        found = path.stat()
    except OSError as problem:
        raise _refused(problem) from None
    if folder_ok and stat.S_ISDIR(found.st_mode):
        return
    refusal = _refusal(found.st_mode, found.st_size, limit)
    if refusal is not None:
        raise InputError(refusal)


def read_input(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of `limit` bytes at most; InputError otherwise."""
    try:
        # Non-blocking: opening a named pipe with no writer returns at once.
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as problem:
        raise _refused(problem) from None
    try:
        found = os.fstat(handle)
        refusal = _refusal(found.st_mode, found.st_size, limit)
        if refusal is not None:
            raise InputError(refusal)
        chunks = []
        left = limit + 1  # one byte more than allowed tells a file that grew meanwhile
        while left > 0:
            chunk = os.read(handle, min(left, MEGABYTE))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as problem:
        raise _refused(problem) from None
    finally:
        os.close(handle)
    data = b"".join(chunks)
    if len(data) > limit:
        raise InputError(f"it is larger than {_size_text(limit)}, the most that is read")
    return data


def read_text_input(path: Path, limit: int = TEXT_LIMIT) -> str:
    """A regular UTF-8 text file of `limit` bytes at most; InputError otherwise."""
    data = read_input(path, limit)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as problem:
        raise InputError(reason(problem)) from None
