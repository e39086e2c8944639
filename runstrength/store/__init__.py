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

__all__ = [
    "SCHEMA_VERSION",
    "CorruptLogError",
    "LockHeldError",
    "LogError",
    "LogWriteError",
    "NewerSchemaError",
    "ProgramLibrary",
    "ReadOnlyLogError",
    "TrainingLog",
    "load_catalogue",
    "load_programs",
]
