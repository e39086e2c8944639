"""The one door to storage: the training log (TinyDB) and the content files on disk.

The schedule (and the rest-day rule under it) lives in `runstrength.store.schedule`,
imported from there where it is used: home's first frame does not need it.
"""

from __future__ import annotations

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

__all__ = [
    "SCHEMA_VERSION",
    "CorruptLogError",
    "LockHeldError",
    "LogError",
    "LogWriteError",
    "LogWriter",
    "NewerSchemaError",
    "ParsedToml",
    "ProgramLibrary",
    "ReadOnlyLogError",
    "TrainingLog",
    "load_catalogue",
    "load_programs",
]
