"""The training log: the one place that reads and writes sessions and sets (TinyDB)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from tinydb import Query, TinyDB
from tinydb.table import Table

from runstrength.core.records import SessionInfo, SessionRecord, SetRecord
from runstrength.store.codec import doc_to_session, doc_to_set, session_to_doc, set_to_doc
from runstrength.store.errors import CorruptLogError, NewerSchemaError
from runstrength.store.storage import DurableJSONStorage

SCHEMA_VERSION = 1
SESSION_FIELDS = frozenset({"id", "date", "program", "started_at", "status"})
SET_FIELDS = frozenset({"session", "exercise", "set", "completed_at"})
T = TypeVar("T")


class TrainingLog:
    """Sessions and their sets, written durably one set at a time.

    Safe to call from a worker thread: every operation holds one lock.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._db = TinyDB(path, storage=DurableJSONStorage)
        self._check_schema()

    def _check_schema(self) -> None:
        data = self._db.storage.read()
        if data is None:
            return
        meta = data.get("meta", {}).get("1")
        if meta is None:
            if data.get("sessions") or data.get("sets"):
                raise CorruptLogError(self.path, "it has no format version")
            return
        version = meta.get("schema")
        if not isinstance(version, int):
            raise CorruptLogError(self.path, f"unreadable format version {version!r}")
        if version > SCHEMA_VERSION:
            raise NewerSchemaError(self.path, version, SCHEMA_VERSION)
        self._check_records(data)

    def _check_records(self, data: dict[str, dict[str, Any]]) -> None:
        """A quick look at every record, so a damaged log is refused before anything is written."""
        needed = {"sessions": SESSION_FIELDS, "sets": SET_FIELDS}
        for table, fields in needed.items():
            for doc_id, doc in data.get(table, {}).items():
                missing = sorted(fields - doc.keys()) if isinstance(doc, dict) else ["all fields"]
                if missing:
                    raise CorruptLogError(
                        self.path, f"{table} record {doc_id} lacks {', '.join(missing)}"
                    )

    def _ensure_meta(self) -> None:
        meta = self._db.table("meta")
        if not meta.contains(doc_id=1):
            meta.insert({"schema": SCHEMA_VERSION})

    # --- writes ------------------------------------------------------------------------

    def log_set(self, session: SessionInfo, record: SetRecord) -> None:
        """Save one completed set; the session record is created with its first set."""
        with self._lock:
            self._ensure_meta()
            sessions = self._db.table("sessions")
            if not sessions.contains(Query().id == session.id):
                sessions.insert(session_to_doc(session))
            self._db.table("sets").insert(set_to_doc(session.id, record))

    def finish_session(self, session: SessionInfo, status: str, ended_at: datetime) -> None:
        """Close a session as completed or partial (creating its record if no set has yet)."""
        with self._lock:
            self._ensure_meta()
            sessions = self._db.table("sessions")
            if not sessions.contains(Query().id == session.id):
                sessions.insert(session_to_doc(session))
            sessions.update(
                {"status": status, "ended_at": ended_at.isoformat(timespec="seconds")},
                Query().id == session.id,
            )

    def add_sessions(self, records: list[SessionRecord]) -> tuple[int, int]:
        """Add whole sessions in one durable write; those already present (same id) are skipped.

        Returns (added, skipped).
        """
        with self._lock:
            self._ensure_meta()
            sessions = self._db.table("sessions")
            present = {doc["id"] for doc in sessions.all()}
            new = [r for r in records if r.id not in present]
            session_docs = []
            set_docs = []
            for record in new:
                doc = session_to_doc(record.info)
                doc.update(
                    status=record.status,
                    ended_at=record.ended_at.isoformat(timespec="seconds")
                    if record.ended_at
                    else None,
                )
                session_docs.append(doc)
                set_docs += [set_to_doc(record.id, s) for s in record.sets]
            if new:
                # One write for everything: build the tables in memory, then store once.
                data = self._db.storage.read() or {}
                for name, docs in (("sessions", session_docs), ("sets", set_docs)):
                    table = data.setdefault(name, {})
                    next_id = max((int(k) for k in table), default=0) + 1
                    for offset, doc in enumerate(docs):
                        table[str(next_id + offset)] = doc
                self._db.storage.write(data)
                # Open afresh so TinyDB's tables forget what they cached about ids.
                self._db.close()
                self._db = TinyDB(self.path, storage=DurableJSONStorage)
            return len(new), len(records) - len(new)

    def correct_set(
        self, key: str, *, reps: int | None, seconds: int | None, band: str | None, when: datetime
    ) -> None:
        """Change a logged set's reps (or seconds held) and band by hand; marked as edited."""
        with self._lock:
            changes = {
                "reps": reps,
                "seconds": seconds,
                "band": band,
                "edited_at": when.isoformat(timespec="seconds"),
            }
            self._db.table("sets").update(changes, doc_ids=[int(key)])

    def delete_set(self, key: str) -> None:
        with self._lock:
            self._db.table("sets").remove(doc_ids=[int(key)])

    def delete_session(self, session_id: str) -> None:
        """Remove a session and all its sets, in one write."""
        with self._lock:
            data = self._db.storage.read() or {}
            for table, field_name in (("sessions", "id"), ("sets", "session")):
                rows = data.get(table, {})
                data[table] = {k: v for k, v in rows.items() if v.get(field_name) != session_id}
            self._db.storage.write(data)
            self._db.close()
            self._db = TinyDB(self.path, storage=DurableJSONStorage)

    # --- reads -------------------------------------------------------------------------

    def sessions(self, since: date | None = None, until: date | None = None) -> list[SessionRecord]:
        """Sessions whose day is within [since, until], oldest first, with their sets."""
        return self._checked(lambda: self._sessions(since, until))

    def last_session(self) -> SessionRecord | None:
        return self._checked(self._last_session)

    def _checked(self, read: Callable[[], T]) -> T:
        """Run a read; a record missing a field or holding a bad value means a damaged log."""
        try:
            return read()
        except (KeyError, TypeError, ValueError, AssertionError, AttributeError) as error:
            detail = f"a record is incomplete or malformed ({type(error).__name__}: {error})"
            raise CorruptLogError(self.path, detail) from None

    def _sessions(self, since: date | None, until: date | None) -> list[SessionRecord]:
        with self._lock:
            docs = [
                doc
                for doc in self._db.table("sessions").all()
                if (since is None or doc["date"] >= since.isoformat())
                and (until is None or doc["date"] <= until.isoformat())
            ]
            wanted = {doc["id"] for doc in docs}
            sets: dict[str, list[SetRecord]] = {key: [] for key in wanted}
            for set_doc in self._db.table("sets").all():
                if set_doc["session"] in wanted:
                    sets[set_doc["session"]].append(doc_to_set(set_doc))
        records = [doc_to_session(doc, sets[doc["id"]]) for doc in docs]
        records.sort(key=lambda r: r.info.started_at)
        return records

    def _last_session(self) -> SessionRecord | None:
        with self._lock:
            docs = self._db.table("sessions").all()
            if not docs:
                return None
            last = max(docs, key=lambda d: datetime.fromisoformat(d["started_at"]))
            sets = [
                doc_to_set(d) for d in self._db.table("sets").search(Query().session == last["id"])
            ]
        return doc_to_session(last, sets)

    @contextmanager
    def table(self, name: str, *, write: bool = False) -> Iterator[Table]:
        """One of the log's tables under the log's lock, for the store modules beside this one.

        Every write through it is as durable as the log's own; `write` marks the log's
        format version first, as the log's own writes do. The lock is held inside the
        block, so no other method of the log may be called there.
        """
        with self._lock:
            if write:
                self._ensure_meta()
            yield self._db.table(name)

    def close(self) -> None:
        with self._lock:
            self._db.close()
