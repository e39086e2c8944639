"""The one door to storage: the training log (TinyDB) and the content files on disk."""

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
from runstrength.store.schedule import (
    DayTakenError,
    LoggedDay,
    NotScheduledError,
    Planned,
    Schedule,
)

__all__ = [
    "SCHEMA_VERSION",
    "CorruptLogError",
    "DayTakenError",
    "LockHeldError",
    "LogError",
    "LogWriteError",
    "LoggedDay",
    "NewerSchemaError",
    "NotScheduledError",
    "Planned",
    "ProgramLibrary",
    "ReadOnlyLogError",
    "Schedule",
    "TrainingLog",
    "load_catalogue",
    "load_programs",
]
