"""Why the log cannot be used, each with a message a runner can act on."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any, NamedTuple

from runstrength.core.values import last_field_aside

LINK_HINT = "Remove the link (put the file itself there if it is yours) and try again"


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


@last_field_aside
class BadRecord(NamedTuple):
    """A record that parses but does not hold what its table's records must."""

    file: Path
    table: str
    """The table (`sessions`, `sets`, `schedule`, ...) or, in the journal, `journal`."""
    id: str
    """The record's id in its table; in the journal, its line number."""
    reason: str
    record: Any = None
    """The record as found (kept when it is set aside); not part of its value."""

    def __repr__(self) -> str:
        return f"BadRecord({self.file!r}, {self.table!r}, {self.id!r}, {self.reason!r})"

    @property
    def where(self) -> str:
        if self.table == "journal":
            return f"line {self.id}"
        return f"{self.table} record {self.id}" if self.id else f"a {self.table} record"

    def __str__(self) -> str:
        return f"{self.file}: {self.where}: {self.reason}"


class BadRecordError(CorruptLogError):
    """Records that parse but are malformed: named, never read, folded or written onward."""

    def __init__(self, path: Path, bad: list[BadRecord]) -> None:
        self.bad = bad
        first = bad[0]
        more = f" and {len(bad) - 1} more" if len(bad) > 1 else ""
        LogError.__init__(
            self,
            f"The training log {path} is damaged: it holds a malformed record "
            f"({first.where}: {first.reason}){more}. "
            "Nothing was changed. `runstrength doctor` names each; `runstrength doctor "
            "--repair` sets them aside into a file of their own (kept) so the rest can be used.",
        )
        self.path = path
        self.detail = f"{first.where}: {first.reason}{more}"
        self.backup = None


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
        if error.errno == errno.ELOOP:
            # A link planted where a file of the log belongs: refused, named.
            link = error.filename or path
            reason = f"{link} is a symbolic link, which runstrength never writes through"
            hint = f" {LINK_HINT}."
        elif error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            hint = f" The folder {path.parent} cannot be written to: is it read-only?"
        elif error.errno in (errno.ENOSPC, errno.EDQUOT):
            hint = " The disk is full: free some space and try again."
        super().__init__(f"Could not save to {path}: {reason}. The log on disk is unchanged.{hint}")


def unreadable(error: OSError) -> str:
    """Why a file of the log cannot be read, in words."""
    if isinstance(error, IsADirectoryError):
        return "it is a folder, not a file"
    return error.strerror or type(error).__name__


class UnreadableLogError(LogError):
    """A file of the log that cannot be read at all (a folder in its place, no permission)."""

    def __init__(self, path: Path, error: OSError) -> None:
        self.path = path
        self.reason = unreadable(error)
        super().__init__(
            f"Cannot read {path}: {self.reason}. Nothing was changed; move it away "
            "or give it back its permissions."
        )


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


class UnsafeFileError(LogError):
    """A file of the log is a symbolic link or not a regular file: it is not used."""

    def __init__(self, path: Path, error: OSError) -> None:
        self.path = Path(error.filename or path)
        if error.errno == errno.ELOOP:
            reason, hint = "it is a symbolic link", LINK_HINT
        elif self.path.is_dir():
            reason, hint = "it is a folder, not a file", "Move it away and try again"
        else:
            reason, hint = error.strerror or str(error), "Move it away and try again"
        super().__init__(f"{self.path} cannot be used: {reason}. Nothing was changed. {hint}.")
