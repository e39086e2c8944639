"""Rotating backups of the log, taken before each fold and each migration.

A backup is the previous log file itself: the fold writes a new file and renames it over
the old one, so a hard link to the old file keeps it at no cost (a copy where links fail).
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

from runstrength.store.errors import CorruptLogError, LogWriteError
from runstrength.store.storage import fsync_directory, parse_log

KEEP = 5


def backup_dir(log_file: Path) -> Path:
    return log_file.parent / "backups"


def list_backups(log_file: Path) -> list[Path]:
    """Backups of `log_file`, newest first."""
    folder = backup_dir(log_file)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{log_file.stem}-*.json"), reverse=True)


def is_readable(path: Path) -> bool:
    try:
        parse_log(path, path.read_bytes())
    except (OSError, CorruptLogError):
        return False
    return True


def newest_readable(log_file: Path) -> Path | None:
    return next((p for p in list_backups(log_file) if is_readable(p)), None)


def take_backup(log_file: Path, reason: str, keep: int = KEEP) -> Path | None:
    """Keep the current `log_file` in the backups folder; the oldest beyond `keep` go."""
    if not log_file.exists():
        return None
    folder = backup_dir(log_file)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{log_file.stem}-{stamp}-{reason}.json"
    try:
        folder.mkdir(exist_ok=True)
        try:
            os.link(log_file, target)
        except OSError:
            shutil.copyfile(log_file, target)
            with open(target, "rb") as handle:
                os.fsync(handle.fileno())
        fsync_directory(folder)
        for old in list_backups(log_file)[keep:]:
            old.unlink()
    except OSError as error:
        raise LogWriteError(target, error) from error
    return target
