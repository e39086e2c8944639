"""Rotating backups of the log, taken before every write to it (a fold at a session's
end, a correction or deletion, an import, a schedule change, a format upgrade).

A backup is the previous log file itself: the write makes a new file and renames it over
the old one, so a hard link to the old file keeps it at no cost (a copy where links fail).
A state already backed up is not backed up twice, so the few kept are all different.
"""

from __future__ import annotations

import contextlib
import errno
import os
from datetime import datetime
from pathlib import Path

from runstrength.store.errors import CorruptLogError, LogWriteError
from runstrength.store.private import copy_private, is_link, private_dir, refuse_link
from runstrength.store.storage import parse_log

KEEP = 5


def backup_dir(log_file: Path) -> Path:
    return log_file.parent / "backups"


def list_backups(log_file: Path) -> list[Path]:
    """Backups of `log_file`, newest first."""
    folder = backup_dir(log_file)
    if is_link(folder) or not folder.is_dir():
        return []
    found = (p for p in folder.glob(f"{log_file.stem}-*.json") if not is_link(p))
    return sorted(found, reverse=True)


def is_readable(path: Path) -> bool:
    try:
        parse_log(path, path.read_bytes())
    except (OSError, CorruptLogError):
        return False
    return True


def newest_readable(log_file: Path) -> Path | None:
    return next((p for p in list_backups(log_file) if is_readable(p)), None)


def describe(backup: Path) -> str:
    """'taken Wed 25 Nov 2026 15:02, before an edit: 12 sessions, the newest on 2026-11-25'."""
    parts = backup.stem.split("-")
    try:
        taken = datetime.strptime("-".join(parts[-4:-1]), "%Y%m%d-%H%M%S-%f")
        reason = REASONS.get(parts[-1]) or (
            "a format upgrade" if parts[-1].startswith("format") else "a change"
        )
        when = f"taken {taken:%a %-d %b %Y %H:%M}, before {reason}"
    except ValueError:
        when = "taken at an unknown time"
    try:
        data = parse_log(backup, backup.read_bytes())
    except (OSError, CorruptLogError):
        return f"{when}: unreadable"
    days = sorted(str(doc.get("date", "")) for doc in data.get("sessions", {}).values())
    newest = f", the newest on {days[-1]}" if days else ""
    return f"{when}: {len(days)} session{'' if len(days) == 1 else 's'}{newest}"


REASONS = {
    "fold": "a session's end was written",
    "edit": "a set was corrected or deleted",
    "effort": "a session's effort was rated",
    "delete": "a session was deleted",
    "import": "an import",
    "schedule": "a schedule change",
    "runs": "a change to the runs",
    "close": "past years were moved to their files",
    "aside": "malformed records were set aside",
}


def take_backup(log_file: Path, reason: str, keep: int = KEEP) -> Path | None:
    """Keep the current `log_file` in the backups folder; the oldest beyond `keep` go.

    Everything happens inside the backups folder as opened (never through a link in
    place of it or of a backup): a link there is refused (LogWriteError) and nothing
    is removed."""
    if not log_file.exists():
        return None
    newest = next(iter(list_backups(log_file)), None)
    with contextlib.suppress(OSError):
        if newest is not None and os.path.samefile(newest, log_file):
            return newest
    folder = backup_dir(log_file)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{log_file.stem}-{stamp}-{reason}.json"
    try:
        refuse_link(log_file)
        private_dir(folder)
        folder_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as error:
        raise LogWriteError(target, error) from error
    try:
        try:
            os.link(log_file, target.name, dst_dir_fd=folder_fd, follow_symlinks=False)
        except OSError as error:
            if error.errno in (errno.EEXIST, errno.ELOOP):
                raise
            copy_private(log_file, target)
        os.fsync(folder_fd)
        for old in list_backups(log_file)[keep:]:
            os.unlink(old.name, dir_fd=folder_fd)
    except OSError as error:
        raise LogWriteError(target, error) from error
    finally:
        os.close(folder_fd)
    return target
