"""Why the log cannot be used, each with a message a runner can act on."""

from __future__ import annotations

import errno
from pathlib import Path


class LogError(Exception):
    """The log cannot be read or written; nothing was changed."""


class CorruptLogError(LogError):
    def __init__(self, path: Path, detail: str, backup: Path | None = None) -> None:
        self.path = path
        self.detail = detail
        self.backup = backup
        hint = (
            f" The last good backup is {backup}; `runstrength doctor --repair` restores it "
            "(keeping a copy of the damaged file)."
            if backup
            else " No readable backup was found; `runstrength doctor` tells more."
        )
        super().__init__(
            f"The training log {path} is damaged ({detail}). It was left exactly as it is "
            "and nothing will be written to it." + hint
        )


class NewerSchemaError(LogError):
    def __init__(self, path: Path, found: int, supported: int) -> None:
        self.path = path
        super().__init__(
            f"The training log {path} was written by a newer runstrength (log format {found}; "
            f"this version reads up to {supported}). Update runstrength to use it; "
            "the file was not changed."
        )


class LogWriteError(LogError):
    def __init__(self, path: Path, error: OSError) -> None:
        self.path = path
        self.errno = error.errno
        reason = error.strerror or str(error)
        hint = ""
        if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            hint = f" The folder {path.parent} cannot be written to: is it read-only?"
        elif error.errno in (errno.ENOSPC, errno.EDQUOT):
            hint = " The disk is full: free some space and try again."
        super().__init__(f"Could not save to {path}: {reason}. The log on disk is unchanged.{hint}")


class LockHeldError(LogError):
    """Another runstrength is writing to the same log."""

    def __init__(self, lock_file: Path, holder: str) -> None:
        self.path = lock_file
        self.holder = holder
        super().__init__(
            f"Another runstrength ({holder}) is using the log in {lock_file.parent}; "
            "close it first. Nothing was written. Commands that only read still work."
        )


class ReadOnlyLogError(LogError):
    """A write was asked of a log opened only for reading."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(f"The training log {path} is open for reading only; nothing was written.")
