"""The one door to storage: the training log (TinyDB) and the content files on disk."""

from runstrength.store.content import ProgramLibrary, load_catalogue, load_programs
from runstrength.store.errors import CorruptLogError, LogError, LogWriteError, NewerSchemaError
from runstrength.store.log import SCHEMA_VERSION, TrainingLog
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
    "LogError",
    "LogWriteError",
    "LoggedDay",
    "NewerSchemaError",
    "NotScheduledError",
    "Planned",
    "ProgramLibrary",
    "Schedule",
    "TrainingLog",
    "load_catalogue",
    "load_programs",
]
