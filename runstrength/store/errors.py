"""Why the log cannot be used, each with a message a runner can act on."""

from __future__ import annotations

from pathlib import Path


class LogError(Exception):
    """The log cannot be read or written; nothing was changed."""


class CorruptLogError(LogError):
    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        super().__init__(
            f"The training log {path} is damaged ({detail}). It was left exactly as it is "
            "and nothing will be written to it."
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
        reason = error.strerror or str(error)
        super().__init__(f"Could not save to {path}: {reason}. The log on disk is unchanged.")
