"""The training log: the one place that reads and writes sessions and sets (TinyDB)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from tinydb import Query, TinyDB
from tinydb.table import Table

from runstrength.core.records import SessionInfo, SessionRecord, SetRecord
from runstrength.store.codec import doc_to_session, doc_to_set, session_to_doc, set_to_doc
from runstrength.store.errors import CorruptLogError, NewerSchemaError
from runstrength.store.storage import DurableJSONStorage

SCHEMA_VERSION = 1


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

    # --- reads -------------------------------------------------------------------------

    def sessions(self, since: date | None = None, until: date | None = None) -> list[SessionRecord]:
        """Sessions whose day is within [since, until], oldest first, with their sets."""
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

    def last_session(self) -> SessionRecord | None:
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
