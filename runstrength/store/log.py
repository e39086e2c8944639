"""The training log: the one place that reads and writes sessions and sets (TinyDB).

A set is appended to the journal (one fsynced line, fast at any size of history) and
folded into the TinyDB file, with a backup of the previous file, when its session ends
(from the app's writer: once it is idle, or at close) or at the next start. Reads see
the TinyDB file and the journal together. Past years' sessions live in their own files
(`ClosedYears`).

Here: opening the log (migrating an older format, folding a journal left by a stop,
moving past years to their files). Its reads, a session's writes and the changes to
what is logged are in `log_reads`, `log_writes` and `log_edits`.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from pathlib import Path
from typing import Any

from runstrength.core.clock import Clock, SystemClock
from runstrength.core.fields import shown
from runstrength.store.backups import newest_readable, take_backup
from runstrength.store.checked import checked_before, remember_checked
from runstrength.store.errors import (
    BadRecordError,
    CorruptLogError,
    LogError,
    NewerSchemaError,
    UnreadableLogError,
)
from runstrength.store.journal import Journal, JournalContents, journal_path, read_journal
from runstrength.store.lock import DataDirLock
from runstrength.store.log_edits import LogEdits
from runstrength.store.migrations import SCHEMA_VERSION, check_records, migrate, schema_of
from runstrength.store.opening import OpeningLock
from runstrength.store.storage import DurableJSONStorage
from runstrength.store.years import ClosedYears, year_of

logger = logging.getLogger(__name__)

Doc = dict[str, Any]


class TrainingLog(LogEdits):
    """Sessions and their sets, each set durable on disk before `log_set` returns.

    Opened for writing (the default), it holds the data folder's lock: a second writer
    gets LockHeldError. `read_only=True` never takes the lock and never writes.
    Safe to call from a worker thread: every operation holds one lock. The year the log
    file holds comes from `clock` (the system's by default), never from the system date.
    `open_later=True` (the app's start) leaves reading this year's file to the first read
    or write when nothing in it needs checking (`_nothing_to_check`).
    """

    def __init__(
        self,
        path: Path,
        *,
        read_only: bool = False,
        clock: Clock | None = None,
        open_later: bool = False,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self.clock = clock or SystemClock()
        self.journal_path = journal_path(path)
        self._lock = OpeningLock()
        self._dir_lock = DataDirLock(path.parent)
        self._seq: Counter[str] | None = None
        self.years = ClosedYears(path, read_only=read_only)
        if not read_only:
            self._dir_lock.acquire()
        try:
            self._storage = DurableJSONStorage(
                path, check=self._check_every_record, written=self._checked_written
            )
            self._journal = Journal(self.journal_path)
            self._pending: list[Doc] = []
            self._migrated: int | None = None
            self._tidy_due = False
            if open_later and self._nothing_to_check():
                self._lock.open_on_first_use(self._open_for_reads)
            else:
                self._open()
        except BaseException:
            self._dir_lock.release()
            raise

    # --- opening -----------------------------------------------------------------------

    @property
    def opened(self) -> bool:
        """Whether this year's file has been read (see `open_later`)."""
        return self._lock.opened

    def _nothing_to_check(self) -> bool:
        """Whether opening can wait for the first read or write: the log file is the one
        written after its records were last checked (or there is none yet), and no
        journal is left by a stop. A damaged, hand-edited or older file, or sets to fold,
        are opened (and any problem raised) at once, before the app shows anything."""
        if self.journal_path.exists():
            return False
        return checked_before(self.path) or not os.path.lexists(self.path)

    def _open(self) -> None:
        contents = self._read_and_check()
        if self.read_only:
            return
        self._remove_stale()
        self._journal.adopt(contents)
        if self._pending:
            try:
                self._fold()
            except LogError as error:
                # The sets are safe in the journal; reads see them, the next fold retries.
                logger.warning("could not fold the journal at start: %s", error)
                return
        if self._migrated is not None:
            self._close_years(self._migrated)
            return
        self._move_past_years()

    def _open_for_reads(self) -> None:
        """The open `open_later` leaves to the first read or write, on its thread: reads
        only. There is no journal and the file is current (`_nothing_to_check`); moving
        past years to their files waits for the writer's next quiet moment (`fold_if_due`)."""
        self._read_and_check()
        self._tidy_due = not self.read_only

    def _read_and_check(self) -> JournalContents:
        from tinydb import TinyDB  # loaded with the first read, not at the app's start

        storage = self._storage
        self._db = TinyDB(storage=lambda: storage)
        try:
            data = self._storage.read()
            contents = read_journal(self.journal_path)
        except CorruptLogError as error:
            raise CorruptLogError(error.path, error.detail, newest_readable(self.path)) from None
        except OSError as error:  # a folder in place of the file, no permission
            raise UnreadableLogError(self.path, error) from None
        folded = None
        if data is not None:
            self._check_and_migrate(data)
            folded = self._meta().get("folded_journal")
        if contents.id is not None and contents.id == folded:
            contents = JournalContents()  # folded already; only its removal was cut short
        if contents.bad:
            raise BadRecordError(self.journal_path, contents.bad)
        self._pending = list(contents.entries)
        return contents

    def _remove_stale(self) -> None:
        # A rewrite cut short leaves its temporary file; with the lock held, none is live.
        for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            stale.unlink(missing_ok=True)

    def _move_past_years(self) -> None:
        try:
            self._close_years()
        except LogError as error:
            logger.warning("could not move past years to their files: %s", error)

    def fold_if_due(self) -> None:
        with self._lock:
            if self._tidy_due:  # see `_open_for_reads`
                self._tidy_due = False
                self._remove_stale()
                self._move_past_years()
        super().fold_if_due()

    def _check_and_migrate(self, data: Doc) -> None:
        version = schema_of(data)
        if version is None:
            return
        if version < 0:
            meta = data["meta"]["1"]
            found = meta.get("schema") if isinstance(meta, dict) else meta
            raise CorruptLogError(self.path, f"unreadable format version {shown(found)}")
        if version > SCHEMA_VERSION:
            raise NewerSchemaError(self.path, version, SCHEMA_VERSION)
        if version == SCHEMA_VERSION:
            if not checked_before(self.path):  # else every record was checked, unchanged since
                check_records(self.path, data)
            return
        check_records(self.path, data)
        migrated = migrate(data, version)
        check_records(self.path, migrated)
        # Written once the past years are in their files (`_close_years`): until then the
        # file on disk stays as it was, and a start cut short migrates again.
        self._storage.replace_memory(migrated)
        if not self.read_only:
            take_backup(self.path, f"format{version}")
            self._migrated = version

    def _close_years(self, migrated_from: int | None = None) -> None:
        """Move the ended sessions of past years (and their sets) out of the log file into
        their year files: the year files first, then the log file without them, so a
        crash between leaves them in both, and the log file's copy is the one read."""
        data = self._storage.read() or {}
        boundary = self.current_year()
        try:
            moving = {
                key: doc
                for key, doc in data.get("sessions", {}).items()
                if year_of(doc) < boundary and doc.get("status") != "in-progress"
            }
        except (KeyError, TypeError, ValueError, AttributeError):
            self._storage.check_now()  # names the malformed record
            raise
        if moving or migrated_from is not None:
            if moving:
                self._back_up("close")
            ids = {doc["id"]: year_of(doc) for doc in moving.values()}
            set_keys = [k for k, d in data.get("sets", {}).items() if d["session"] in ids]
            for year in sorted(set(ids.values())):
                self.years.merge(
                    year,
                    [doc for doc in moving.values() if ids[doc["id"]] == year],
                    [data["sets"][k] for k in set_keys if ids[data["sets"][k]["session"]] == year],
                    "close",
                )
            with self._storage.batch():
                self._ensure_meta()
                self._db.table("sessions").remove(doc_ids=[int(k) for k in moving])
                self._db.table("sets").remove(doc_ids=[int(k) for k in set_keys])
            self._seq = None
            if migrated_from is not None:
                logger.info(
                    "migrated %s from format %d to %d", self.path, migrated_from, SCHEMA_VERSION
                )
        self._migrated = None

    def _check_every_record(self, data: Doc) -> None:
        """Before the log file is first rewritten: every record it holds is checked, so a
        malformed one is named and never written onward."""
        from runstrength.store.schema import check_every_record

        if not checked_before(self.path):
            check_every_record(self.path, data)

    def malformed(self) -> BadRecordError | None:
        """The log file's malformed records (which no session's end can be folded past),
        or None. Cheap once the file as it is has been checked (`checked.checked_before`)."""
        with self._lock:
            noted = checked_before(self.path)
            try:
                self._storage.check_now()
            except BadRecordError as error:
                return error
            if not noted and not self.read_only:
                remember_checked(self.path, self._storage.as_read)
        return None

    def _checked_written(self) -> None:
        """The file just written holds checked records only (see `_check_every_record`)."""
        remember_checked(self.path, self._storage.as_read)

    def _meta(self) -> Doc:
        data = self._storage.read() or {}
        meta: Doc = data.get("meta", {}).get("1", {})
        return meta

    def close(self) -> None:
        if self.opened:  # else nothing was written to fold
            self.fold_if_due()
        with self._lock.plain:
            self._journal.close()
            self._storage.close()
            self._dir_lock.release()
