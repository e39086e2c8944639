"""The one door to storage: the training log (TinyDB) and the content files on disk."""

from runstrength.store.content import ProgramLibrary, load_catalogue, load_programs
from runstrength.store.errors import CorruptLogError, LogError, LogWriteError, NewerSchemaError
from runstrength.store.log import SCHEMA_VERSION, TrainingLog

__all__ = [
    "SCHEMA_VERSION",
    "CorruptLogError",
    "LogError",
    "LogWriteError",
    "NewerSchemaError",
    "ProgramLibrary",
    "TrainingLog",
    "load_catalogue",
    "load_programs",
]
