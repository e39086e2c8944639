"""What the activity readers share: reading a file (gzip or not) and dating an activity."""

from __future__ import annotations

import gzip
import zlib
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

SUFFIXES = (".fit", ".gpx", ".tcx")
"""The formats read; each may also end in .gz."""


class UnreadableFile(Exception):
    """A file that holds no activity that can be read; the message says why."""


class NotAnActivity(UnreadableFile):
    """A whole file of another kind (a FIT course, settings or health file): in a folder
    it is passed over quietly; named on its own it is reported."""


def format_of(path: Path) -> str | None:
    """ "fit", "gpx" or "tcx" from the name (`run.fit.gz` is "fit"), else None."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            return suffix[1:]
    return None


def read_bytes(path: Path) -> bytes:
    """The file's bytes as stored; UnreadableFile when it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise UnreadableFile(f"cannot be read ({error.strerror or error})") from None


def unpack(raw: bytes, path: Path) -> bytes:
    """The bytes unpacked when the name ends in .gz; UnreadableFile when they cannot be."""
    if not path.name.lower().endswith(".gz"):
        return raw
    try:
        return gzip.decompress(raw)
    except (OSError, EOFError, zlib.error) as error:
        raise UnreadableFile(f"is not a whole gzip file ({error})") from None


def local_start(start: datetime, offset: timedelta | None = None) -> datetime:
    """The start with its time zone: the offset the file gives, else this computer's zone
    at that moment (files often keep UTC only). A naive time is taken as UTC."""
    if start.tzinfo is None:
        start = start.replace(tzinfo=UTC)
    if offset is not None:
        return start.astimezone(timezone(offset))
    if start.utcoffset() != timedelta(0):
        return start
    return start.astimezone()
