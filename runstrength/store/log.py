"""The training log: the one place that reads and writes sessions and sets (TinyDB).

A set is appended to the journal (one fsynced line, fast at any size of history) and
folded into the TinyDB file, with a backup of the previous file, when its session ends
or at the next start. Reads see the TinyDB file and the journal together.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Callable, MutableMapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tinydb import TinyDB

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
from runstrength.store.log_reads import JOURNALLED, LogReads
from runstrength.store.migrations import SCHEMA_VERSION, check_records, migrate, schema_of
from runstrength.store.storage import DurableJSONStorage
from runstrength.store.years import (
    ClosedYears,
    numbered,
    split_key,
    this_year,
    year_of,
)

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


def _drop(key: str) -> Callable[[MutableMapping[Any, Any]], None]:
    def drop(doc: MutableMapping[Any, Any]) -> None:
        doc.pop(key, None)

    return drop


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
        self.years = ClosedYears(path, read_only=read_only)
        if not read_only:
            self._dir_lock.acquire()
        try:
            self._db = TinyDB(path, storage=DurableJSONStorage)
            storage = self._db.storage
            assert isinstance(storage, DurableJSONStorage)
            self._storage = storage
            self._journal = Journal(self.journal_path)
            self._pending: list[Doc] = []
            self._migrated: int | None = None
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
                return
        if self._migrated is not None:
            self._close_years(self._migrated)
            return
        try:
            self._close_years()
        except LogError as error:
            logger.warning("could not move past years to their files: %s", error)

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
        boundary = this_year()
        moving = {
            key: doc
            for key, doc in data.get("sessions", {}).items()
            if year_of(doc) < boundary and doc.get("status") != "in-progress"
        }
        if moving or migrated_from is not None:
            if moving:
                take_backup(self.path, "close")
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
        """Add whole sessions; those already present (same id) are skipped. The log file
        and each past year's file touched are written once each.

        Returns (added, skipped).
        """
        from runstrength.store import codec

        with self._lock:
            self._writable()
            self._fold()
            present = {doc["id"] for doc in self._db.table("sessions").all()}
            present |= {row["id"] for row in self.years.rows()}
            new: list[SessionRecord] = []
            for record in records:
                if record.id not in present:
                    present.add(record.id)
                    new.append(record)
            boundary = this_year()
            by_year: dict[int, tuple[list[Doc], list[Doc]]] = {}
            for record in new:
                doc = codec.record_to_doc(record)
                sets = [codec.set_to_doc(record.id, s, seq) for seq, s in enumerate(record.sets, 1)]
                year = year_of(doc) if record.status != "in-progress" else boundary
                part = by_year.setdefault(min(year, boundary), ([], []))
                part[0].append(doc)
                part[1].extend(sets)
            for year, (session_docs, set_docs) in sorted(by_year.items()):
                if year < boundary:
                    self.years.merge(year, session_docs, set_docs, "import")
                    continue
                take_backup(self.path, "import")
                with self._storage.batch():
                    self._ensure_meta()
                    self._db.table("sessions").insert_multiple(session_docs)
                    self._db.table("sets").insert_multiple(set_docs)
                self._seq = None
            return len(new), len(records) - len(new)

    def _change_past_year(self, year: int, change: Callable[[list[Doc], list[Doc]], None]) -> None:
        """Change a past year's sessions and sets (copies) and write its file once."""
        tables = self.years.tables(year)
        sessions = [dict(doc) for doc in tables.get("sessions", {}).values()]
        sets = [dict(doc) for doc in tables.get("sets", {}).values()]
        change(sessions, sets)
        self.years.write(year, numbered(sessions, sets), "edit")

    def correct_set(
        self, key: str, *, reps: int | None, seconds: int | None, band: str | None, when: datetime
    ) -> None:
        """Change a logged set's reps (or seconds held) and band by hand; marked as edited."""
        changes = {"reps": reps, "seconds": seconds, "band": band, "edited_at": _iso(when)}
        year, doc_id = split_key(key)
        with self._lock:
            self._writable()
            if year is not None:
                wanted = self.years.tables(year).get("sets", {}).get(doc_id)

                def correct(_: list[Doc], sets: list[Doc]) -> None:
                    for doc in sets:
                        if doc == wanted:
                            doc.update(changes)
                            return

                self._change_past_year(year, correct)
                return
            take_backup(self.path, "edit")
            self._db.table("sets").update(changes, doc_ids=[int(doc_id)])

    def set_effort(self, session_id: str, effort: int | None) -> bool:
        """Rate how hard a session was (CR-10), or clear the rating with None; False when
        the log holds no session of that id."""
        with self._lock:
            self._writable()
            self._fold()
            year = self.years.year_of_session(session_id) if self.years.on_disk() else None
            if year is not None:

                def rate(sessions: list[Doc], _: list[Doc]) -> None:
                    for doc in sessions:
                        if doc["id"] == session_id and effort is None:
                            doc.pop("effort", None)
                        elif doc["id"] == session_id:
                            doc["effort"] = effort

                self._change_past_year(year, rate)
                return True
            sessions = self._db.table("sessions")
            if not sessions.contains(lambda doc: doc.get("id") == session_id):
                return False
            take_backup(self.path, "edit")
            if effort is None:
                sessions.update(_drop("effort"), lambda doc: doc.get("id") == session_id)
            else:
                sessions.update({"effort": effort}, lambda doc: doc.get("id") == session_id)
            return True

    def delete_set(self, key: str) -> None:
        year, doc_id = split_key(key)
        with self._lock:
            self._writable()
            if year is not None:
                wanted = self.years.tables(year).get("sets", {}).get(doc_id)

                def delete(_: list[Doc], sets: list[Doc]) -> None:
                    sets.remove(wanted)

                self._change_past_year(year, delete)
                return
            take_backup(self.path, "edit")
            self._db.table("sets").remove(doc_ids=[int(doc_id)])

    def delete_session(self, session_id: str) -> None:
        """Remove a session and all its sets, in one write."""
        with self._lock:
            self._writable()
            self._fold()
            year = self.years.year_of_session(session_id) if self.years.on_disk() else None
            if year is not None:

                def delete(sessions: list[Doc], sets: list[Doc]) -> None:
                    sessions[:] = [doc for doc in sessions if doc["id"] != session_id]
                    sets[:] = [doc for doc in sets if doc["session"] != session_id]

                self._change_past_year(year, delete)
            take_backup(self.path, "delete")
            with self._storage.batch():
                self._db.table("sessions").remove(lambda doc: doc.get("id") == session_id)
                self._db.table("sets").remove(lambda doc: doc.get("session") == session_id)

    def change_documents(self, name: str, edit: Callable[[list[Doc]], T]) -> T:
        """Change one of the log's side tables (schedule, runs, ...) in one durable write.

        `edit` gets copies of the table's documents, as plain dicts, and changes the list
        in place; the table then holds what the list holds, written at once with a backup
        of the file first. Nothing is written if `edit` raises. The log's lock is held
        while `edit` runs, so it must not call the log.
        """
        if name in JOURNALLED:
            raise ValueError(f"the {name} table is written only through the log's own methods")
        with self._lock:
            self._writable()
            data = self._storage.read() or {}
            docs = [dict(doc) for doc in data.get(name, {}).values()]
            take_backup(self.path, name)
            result = edit(docs)
            # Every change lands in one atomic write of the file.
            with self._storage.batch():
                self._ensure_meta()
                table = self._db.table(name)
                table.truncate()
                table.insert_multiple(docs)
            return result

    def close(self) -> None:
        with self._lock:
            self._journal.close()
            self._db.close()
            self._dir_lock.release()
