"""The training log: the one place that reads and writes sessions and sets (TinyDB).

A set is appended to the journal (one fsynced line, fast at any size of history) and
folded into the TinyDB file, with a backup of the previous file, when its session ends
or at the next start. Reads see the TinyDB file and the journal together.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tinydb import TinyDB
from tinydb.table import Table

from runstrength.core.fields import shown
from runstrength.store.backups import newest_readable, take_backup
from runstrength.store.errors import (
    CorruptLogError,
    LogError,
    NewerSchemaError,
    ReadOnlyLogError,
)
from runstrength.store.journal import (
    Journal,
    JournalContents,
    journal_path,
    overlay,
    read_journal,
)
from runstrength.store.lock import DataDirLock
from runstrength.store.log_reads import LogReads
from runstrength.store.migrations import SCHEMA_VERSION, check_records, migrate, schema_of
from runstrength.store.storage import DurableJSONStorage

# The records and their conversion (codec) load with the first read or write: opening
# the log at start does not need them.
if TYPE_CHECKING:
    from runstrength.core.records import (
        ResumePoint,
        SessionInfo,
        SessionRecord,
        SetRecord,
        StretchRecord,
        WarmupRecord,
    )

logger = logging.getLogger(__name__)

Doc = dict[str, Any]
T = TypeVar("T")


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


class TrainingLog(LogReads):
    """Sessions and their sets, each set durable on disk before `log_set` returns.

    Opened for writing (the default), it holds the data folder's lock: a second writer
    gets LockHeldError. `read_only=True` never takes the lock and never writes.
    Safe to call from a worker thread: every operation holds one lock.
    """

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.journal_path = journal_path(path)
        self._lock = threading.Lock()
        self._dir_lock = DataDirLock(path.parent)
        self._seq: Counter[str] | None = None
        if not read_only:
            self._dir_lock.acquire()
        try:
            self._db = TinyDB(path, storage=DurableJSONStorage)
            storage = self._db.storage
            assert isinstance(storage, DurableJSONStorage)
            self._storage = storage
            self._journal = Journal(self.journal_path)
            self._pending: list[Doc] = []
            self._open()
        except BaseException:
            self._dir_lock.release()
            raise

    # --- opening -----------------------------------------------------------------------

    def _open(self) -> None:
        try:
            data = self._storage.read()
            contents = read_journal(self.journal_path)
        except CorruptLogError as error:
            raise CorruptLogError(error.path, error.detail, newest_readable(self.path)) from None
        folded = None
        if data is not None:
            self._check_and_migrate(data)
            folded = self._meta().get("folded_journal")
        if contents.id is not None and contents.id == folded:
            contents = JournalContents()  # folded already; only its removal was cut short
        self._pending = list(contents.entries)
        if self.read_only:
            return
        # A rewrite cut short leaves its temporary file; with the lock held, none is live.
        for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            stale.unlink(missing_ok=True)
        self._journal.adopt(contents)
        if self._pending:
            try:
                self._fold()
            except LogError as error:
                # The sets are safe in the journal; reads see them, the next fold retries.
                logger.warning("could not fold the journal at start: %s", error)

    def _check_and_migrate(self, data: Doc) -> None:
        version = schema_of(data)
        if version is None:
            return
        if version < 0:
            meta = data.get("meta", {}).get("1", {}).get("schema")
            raise CorruptLogError(self.path, f"unreadable format version {shown(meta)}")
        if version > SCHEMA_VERSION:
            raise NewerSchemaError(self.path, version, SCHEMA_VERSION)
        if version == SCHEMA_VERSION:
            check_records(self.path, data)
            return
        migrated = migrate(data, version)
        check_records(self.path, migrated)
        if self.read_only:
            self._storage.replace_memory(migrated)
            return
        take_backup(self.path, f"format{version}")
        self._storage.write(migrated)
        logger.info("migrated %s from format %d to %d", self.path, version, SCHEMA_VERSION)

    def _meta(self) -> Doc:
        data = self._storage.read() or {}
        meta: Doc = data.get("meta", {}).get("1", {})
        return meta

    def _ensure_meta(self) -> None:
        meta = self._db.table("meta")
        if not meta.contains(doc_id=1):
            meta.insert({"schema": SCHEMA_VERSION})

    # --- writes ------------------------------------------------------------------------

    def _writable(self) -> None:
        if self.read_only:
            raise ReadOnlyLogError(self.path)

    def _next_seq(self, session_id: str) -> int:
        if self._seq is None:
            data = self._storage.read() or {}
            seq: Counter[str] = Counter(doc["session"] for doc in data.get("sets", {}).values())
            seq.update(entry["session"]["id"] for entry in self._pending if "set" in entry)
            self._seq = seq
        self._seq[session_id] += 1
        return self._seq[session_id]

    def log_set(self, session: SessionInfo, record: SetRecord) -> None:
        """Save one completed set; the session record is created with its first set."""
        from runstrength.store import codec

        with self._lock:
            self._writable()
            seq = self._next_seq(session.id)
            entry = {
                "session": codec.session_to_doc(session),
                "set": codec.set_to_doc(session.id, record, seq),
            }
            try:
                self._journal.append(entry)
            except LogError:
                assert self._seq is not None
                self._seq[session.id] -= 1
                raise
            self._pending.append(entry)

    def log_routine(self, session: SessionInfo, record: WarmupRecord | StretchRecord) -> None:
        """Save how the warm-up or a stretch went, with its session (durable on return)."""
        from runstrength.core.records import WarmupRecord
        from runstrength.store import codec

        if isinstance(record, WarmupRecord):
            entry = {
                "session": codec.session_to_doc(session),
                "warmup": codec.warmup_to_doc(record),
            }
        else:
            entry = {
                "session": codec.session_to_doc(session),
                "stretch": codec.stretch_to_doc(record),
            }
        with self._lock:
            self._writable()
            self._journal.append(entry)
            self._pending.append(entry)

    def finish_session(
        self,
        session: SessionInfo,
        status: str,
        ended_at: datetime,
        skipped: Sequence[str] = (),
    ) -> None:
        """Close a session as completed or partial (creating its record if no set has yet);
        `skipped`: the exercises passed over without a set, by id."""
        end = {"status": status, "ended_at": _iso(ended_at), "skipped": list(skipped)}
        self._end(session, {"finish": end})

    def set_aside(
        self,
        session: SessionInfo,
        at: datetime,
        skipped: Sequence[str],
        resume_at: ResumePoint | None,
    ) -> None:
        """Keep a session open to continue later, the same day, at `resume_at`."""
        from runstrength.store import codec

        self._end(session, {"aside": codec.aside_to_doc(at, skipped, resume_at)})

    def _end(self, session: SessionInfo, change: Doc) -> None:
        """Journal how a session ended (durable once there), then fold the journal into the
        log file: at once, or at the next start if that fails now."""
        from runstrength.store import codec

        with self._lock:
            self._writable()
            entry = {"session": codec.session_to_doc(session), **change}
            self._journal.append(entry)
            self._pending.append(entry)
            try:
                self._fold()
            except LogError as error:
                logger.warning("could not fold the journal: %s", error)

    def fold(self) -> None:
        """Move the journal into the log file now (with a backup of the previous file)."""
        with self._lock:
            self._writable()
            self._fold()

    def _fold(self) -> None:
        if not self._pending:
            return
        take_backup(self.path, "fold")
        sessions = self._db.table("sessions")
        touched = {entry["session"]["id"] for entry in self._pending}
        known = {doc["id"]: doc for doc in sessions.all() if doc["id"] in touched}
        merged: dict[str, Doc] = {key: dict(doc) for key, doc in known.items()}
        new_sets: list[Doc] = []
        overlay(merged, new_sets, self._pending)
        with self._storage.batch():
            self._ensure_meta()
            sessions.insert_multiple(doc for key, doc in merged.items() if key not in known)
            for key, doc in merged.items():
                if key in known and doc != known[key]:
                    sessions.update(doc, doc_ids=[known[key].doc_id])
            self._db.table("sets").insert_multiple(new_sets)
            self._db.table("meta").update({"folded_journal": self._journal.id}, doc_ids=[1])
        self._pending = []
        self._journal.discard()

    def add_sessions(self, records: list[SessionRecord]) -> tuple[int, int]:
        """Add whole sessions in one durable write; those already present (same id) are skipped.

        Returns (added, skipped).
        """
        from runstrength.store import codec

        with self._lock:
            self._writable()
            self._fold()
            present = {doc["id"] for doc in self._db.table("sessions").all()}
            new = [r for r in records if r.id not in present]
            if new:
                take_backup(self.path, "import")
                session_docs = []
                set_docs = []
                for record in new:
                    session_docs.append(codec.record_to_doc(record))
                    set_docs += [
                        codec.set_to_doc(record.id, s, seq) for seq, s in enumerate(record.sets, 1)
                    ]
                with self._storage.batch():
                    self._ensure_meta()
                    self._db.table("sessions").insert_multiple(session_docs)
                    self._db.table("sets").insert_multiple(set_docs)
                self._seq = None
            return len(new), len(records) - len(new)

    def correct_set(
        self, key: str, *, reps: int | None, seconds: int | None, band: str | None, when: datetime
    ) -> None:
        """Change a logged set's reps (or seconds held) and band by hand; marked as edited."""
        with self._lock:
            self._writable()
            take_backup(self.path, "edit")
            changes = {"reps": reps, "seconds": seconds, "band": band, "edited_at": _iso(when)}
            self._db.table("sets").update(changes, doc_ids=[int(key)])

    def delete_set(self, key: str) -> None:
        with self._lock:
            self._writable()
            take_backup(self.path, "edit")
            self._db.table("sets").remove(doc_ids=[int(key)])

    def delete_session(self, session_id: str) -> None:
        """Remove a session and all its sets, in one write."""
        with self._lock:
            self._writable()
            self._fold()
            take_backup(self.path, "delete")
            with self._storage.batch():
                self._db.table("sessions").remove(lambda doc: doc.get("id") == session_id)
                self._db.table("sets").remove(lambda doc: doc.get("session") == session_id)

    @contextmanager
    def table(self, name: str, *, write: bool = False) -> Iterator[Table]:
        """One of the log's tables under the log's lock, for the store modules beside this one.

        Every write through it is as durable as the log's own; `write` marks the log's
        format version first, as the log's own writes do, and all the block's changes are
        written at once at its end (none if it raises). The lock is held inside the
        block, so no other method of the log may be called there.
        """
        with self._lock:
            if not write:
                yield self._db.table(name)
                return
            self._writable()
            take_backup(self.path, name)
            # Every change inside the block lands in one atomic write of the file.
            with self._storage.batch():
                self._ensure_meta()
                yield self._db.table(name)

    def close(self) -> None:
        with self._lock:
            self._journal.close()
            self._db.close()
            self._dir_lock.release()
