"""The one door to storage: the training log (TinyDB) and the content files on disk."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from runstrength.store.content import ProgramLibrary, load_catalogue, load_programs
from runstrength.store.errors import (
    CorruptLogError,
    LockHeldError,
    LogError,
    LogWriteError,
    NewerSchemaError,
    ReadOnlyLogError,
)
from runstrength.store.log import TrainingLog
from runstrength.store.migrations import SCHEMA_VERSION
from runstrength.store.parsed import ParsedToml
from runstrength.store.writer import LogWriter

if TYPE_CHECKING:
    from runstrength.store.schedule import (
        DayTakenError,
        LoggedDay,
        NotScheduledError,
        Planned,
        Schedule,
    )

# The schedule (and the rest-day rule under it) is loaded on first use: home's first
# frame does not need it.
_SCHEDULE_NAMES = frozenset(
    {"DayTakenError", "LoggedDay", "NotScheduledError", "Planned", "Schedule"}
)


def __getattr__(name: str) -> Any:
    if name in _SCHEDULE_NAMES:
        from runstrength.store import schedule

        return getattr(schedule, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "SCHEMA_VERSION",
    "CorruptLogError",
    "DayTakenError",
    "LockHeldError",
    "LogError",
    "LogWriteError",
    "LogWriter",
    "LoggedDay",
    "NewerSchemaError",
    "NotScheduledError",
    "ParsedToml",
    "Planned",
    "ProgramLibrary",
    "ReadOnlyLogError",
    "Schedule",
    "TrainingLog",
    "load_catalogue",
    "load_programs",
]
