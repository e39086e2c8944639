"""Reading the training log: sessions and their sets as the log file and journal hold them.

`TrainingLog` (store/log.py) writes; these queries see the TinyDB file and the journal
together, each under the log's lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, datetime
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from runstrength.store.errors import CorruptLogError
from runstrength.store.journal import overlay
from runstrength.store.storage import DurableJSONStorage
from runstrength.store.summaries import last_bands, summarize_docs, within

if TYPE_CHECKING:
    from runstrength.core.history import SessionSummary
    from runstrength.core.records import SessionRecord

Doc = dict[str, Any]
T = TypeVar("T")


def _records(docs: list[Doc], sets: list[tuple[str | None, Doc]]) -> list[SessionRecord]:
    # The records load with the first read: opening the log at start does not need them.
    from runstrength.store.codec import records_from_docs

    return records_from_docs(docs, sets)


class LogReads:
    """The log's queries, in domain terms."""

    path: Path
    _lock: threading.Lock
    _storage: DurableJSONStorage
    _pending: list[Doc]

    def _docs(self) -> tuple[dict[str, Doc], list[tuple[str | None, Doc]]]:
        """Session documents by id, and set documents with their key (None: in the journal)."""
        # The storage's tables as they are (read, never changed here): TinyDB's own
        # `all()` would wrap each of tens of thousands of documents first.
        data = self._storage.read() or {}
        sessions: dict[str, Doc] = {doc["id"]: doc for doc in data.get("sessions", {}).values()}
        journal_sets: list[Doc] = []
        overlay(sessions, journal_sets, self._pending)
        sets: list[tuple[str | None, Doc]] = list(data.get("sets", {}).items())
        sets += [(None, doc) for doc in journal_sets]
        return sessions, sets

    def _read(self, pick: Callable[[dict[str, Doc], list[tuple[str | None, Doc]]], T]) -> T:
        """`pick` applied to the documents as they are now (see `_docs`); a record missing a
        field or holding a bad value means a damaged log."""
        try:
            with self._lock:
                sessions, sets = self._docs()
            return pick(sessions, sets)
        except (KeyError, TypeError, ValueError, AssertionError, AttributeError) as error:
            detail = f"a record is incomplete or malformed ({type(error).__name__}: {error})"
            raise CorruptLogError(self.path, detail) from None

    def sessions(self, since: date | None = None, until: date | None = None) -> list[SessionRecord]:
        """Sessions whose day is within [since, until], oldest first, with their sets."""
        return self._read(lambda docs, sets: _records(within(docs.values(), since, until), sets))

    def last_session(self) -> SessionRecord | None:
        def last(docs: dict[str, Doc], sets: list[tuple[str | None, Doc]]) -> SessionRecord | None:
            if not docs:
                return None
            newest = max(docs.values(), key=lambda d: datetime.fromisoformat(d["started_at"]))
            return _records([newest], sets)[0]

        return self._read(last)

    def interrupted_sessions(self) -> list[SessionRecord]:
        """Sessions still marked in progress: the app stopped before they ended."""
        return self._read(
            lambda docs, sets: _records(
                [doc for doc in docs.values() if doc.get("status") == "in-progress"], sets
            )
        )

    def session_summaries(
        self, since: date | None = None, until: date | None = None
    ) -> list[SessionSummary]:
        """Sessions whose day is within [since, until], oldest first, as totals without sets."""
        return self._read(
            lambda docs, sets: summarize_docs(
                within(docs.values(), since, until), map(itemgetter(1), sets)
            )
        )

    def last_bands(self) -> dict[str, str]:
        """Per exercise, the band of the most recent set done with one."""
        return self._read(lambda docs, sets: last_bands(map(itemgetter(1), sets)))

    def session(self, session_id: str) -> SessionRecord | None:
        """One session with its sets; None when the log holds no session of that id."""
        return self._read(
            lambda docs, sets: _records([docs[session_id]], sets)[0] if session_id in docs else None
        )
