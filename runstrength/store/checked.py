"""The note that a log file's records have all been checked (`.log.json.checked`): its
size, times of change (of its contents and of its inode) and inode when they last were,
and the format they were checked in. While the file is that very file, no record in it
needs checking again, neither the full check before a rewrite (`store.schema`) nor the
quick look at every start (`migrations.check_records`); and the app's start need not
read it before home shows (`TrainingLog(open_later=True)`).
"""

from __future__ import annotations

import os
from pathlib import Path

import orjson

from runstrength.store.migrations import SCHEMA_VERSION
from runstrength.store.private import open_private


def _stamp_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.checked")


def file_as_is(path: Path) -> list[int] | None:
    """What tells this very file from any other: its size, the times of change of its
    contents and of its inode (which no tool can set back, as touch -r, cp -p and rsync -t
    set the first), and its inode; None when there is none."""
    try:
        found = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return [found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino]


def _stamp(path: Path) -> list[int] | None:
    # The format too: a file written before a change of format is checked (and migrated).
    found = file_as_is(path)
    return None if found is None else [*found, SCHEMA_VERSION]


def checked_before(path: Path) -> bool:
    """Whether `path` is the very file written after its records were last checked (its
    size, time of change and inode as then): no record in it needs checking again."""
    try:
        return bool(orjson.loads(_stamp_path(path).read_bytes()) == _stamp(path))
    except (OSError, orjson.JSONDecodeError):
        return False


def remember_checked(path: Path, as_read: list[int] | None) -> None:
    """Note that `path` holds only checked records: those of the file as it was read or
    written (`as_read`, see `file_as_is`). A file changed since (an edit while the app
    runs) gets no note: its records are checked at the next start. Not made durable: a
    note lost in a crash only means the next check reads every record again."""
    stamp = _stamp(path)
    if stamp is None or as_read is None or stamp[:-1] != as_read:
        return
    try:
        payload = orjson.dumps(stamp)
        fd = open_private(_stamp_path(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        try:
            os.write(fd, payload)
        finally:
            os.close(fd)
    except OSError:
        pass  # the records are checked again next time
