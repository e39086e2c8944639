"""The training log's reads: every session, set, plan and run as the log holds them now,
the journal and the past years' files included (see `TrainingLog`)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from runstrength.store.damage import damaged_record
from runstrength.store.errors import BadRecordError, CorruptLogError
from runstrength.store.journal import overlay
from runstrength.store.storage import DurableJSONStorage
from runstrength.store.summaries import last_bands, summarize_docs, within
from runstrength.store.years import ClosedYears, set_key, summary_of, year_of

if TYPE_CHECKING:
    from runstrength.core.clock import Clock
    from runstrength.core.history import SessionSummary
    from runstrength.core.log_totals import LogTotals
    from runstrength.core.records import SessionRecord
    from runstrength.store.opening import OpeningLock

logger = logging.getLogger("runstrength.store.log")

Doc = dict[str, Any]
T = TypeVar("T")

JOURNALLED = frozenset({"sessions", "sets", "meta"})
"""Tables with a part in the journal: read and written only through the log's methods."""


def _records(docs: list[Doc], sets: list[tuple[str | None, Doc]]) -> list[SessionRecord]:
    # The records load with the first read: opening the log at start does not need them.
    from runstrength.core.stored_docs import records_from_docs

    return records_from_docs(docs, sets)


class LogReads:
    """The reads of `TrainingLog`, each under the log's lock."""

    path: Path
    years: ClosedYears
    clock: Clock
    _lock: OpeningLock
    _storage: DurableJSONStorage
    _pending: list[Doc]

    def current_year(self) -> int:
        """The year the log file holds (with any unended session): the clock's year.
        Sessions of the years before it are moved to their year's file."""
        return self.clock.now().year

    # --- reads -------------------------------------------------------------------------

    def documents(self, name: str) -> list[Doc]:
        """Copies of the documents of one of the log's side tables (schedule, runs, ...)."""
        if name in JOURNALLED:
            raise ValueError(f"the {name} table is read only through the log's own methods")
        with self._lock:
            data = self._storage.read() or {}
            # A record that is no object is left as it is, for the table's reader to name.
            return [
                dict(doc) if isinstance(doc, dict) else doc for doc in data.get(name, {}).values()
            ]

    def strength_days(
        self, since: date | None = None, until: date | None = None
    ) -> list[tuple[date, str, str]]:
        """(day, program, session id) of each strength session within [since, until] with
        at least one set, journal included, read without a record per set (past years
        from their index)."""

        def pick(
            docs: dict[str, Doc], sets: list[tuple[str | None, Doc]]
        ) -> list[tuple[date, str, str]]:
            chosen = {
                doc["id"]: doc
                for doc in within(docs.values(), since, until)
                if doc.get("kind", "strength") == "strength"
            }
            with_sets = {doc["session"] for _, doc in sets if doc["session"] in chosen}
            found = [
                (date.fromisoformat(str(doc["date"])), str(doc["program"]), str(key))
                for key, doc in chosen.items()
                if key in with_sets
            ]
            found += [
                (date.fromisoformat(row["date"]), str(row["program"]), str(row["id"]))
                for row in self._closed_rows(docs, since, until)
                if row.get("kind", "strength") == "strength" and row["sets"]
            ]
            return found

        return self._read(pick)

    def _closed_rows(
        self, docs: dict[str, Doc], since: date | None, until: date | None
    ) -> list[Doc]:
        """Index rows of past years within [since, until], but for sessions the log file
        holds too (a move to the year files cut short: the log file's copy counts)."""
        closed = self.years.on_disk()
        if not closed or (since is not None and since.year > closed[-1]):
            return []
        low = since.isoformat() if since else None
        high = until.isoformat() if until else None
        return [row for row in self.years.rows(low, high) if row["id"] not in docs]

    def _docs(
        self, reach: tuple[date | None, date | None] | None = None
    ) -> tuple[dict[str, Doc], list[tuple[str | None, Doc]]]:
        """Session documents by id, and set documents with their key (None: in the journal);
        with `reach` (since, until), those of the past years' files within it too."""
        # The storage's tables as they are (read, never changed here): TinyDB's own
        # `all()` would wrap each of tens of thousands of documents first.
        data = self._storage.read() or {}
        sessions: dict[str, Doc] = {doc["id"]: doc for doc in data.get("sessions", {}).values()}
        journal_sets: list[Doc] = []
        overlay(sessions, journal_sets, self._pending)
        sets: list[tuple[str | None, Doc]] = list(data.get("sets", {}).items())
        sets += [(None, doc) for doc in journal_sets]
        if reach is not None:
            low, high = reach
            current = set(sessions)
            for year in self.years.on_disk():
                if (low is not None and year < low.year) or (high is not None and year > high.year):
                    continue
                tables = self.years.tables(year)
                for doc in tables.get("sessions", {}).values():
                    if doc["id"] not in current:
                        sessions[doc["id"]] = doc
                sets += [
                    (set_key(year, key), doc)
                    for key, doc in tables.get("sets", {}).items()
                    if doc["session"] not in current
                ]
        return sessions, sets

    def _read(
        self,
        pick: Callable[[dict[str, Doc], list[tuple[str | None, Doc]]], T],
        reach: tuple[date | None, date | None] | None = None,
    ) -> T:
        """`pick` applied to the documents as they are now (see `_docs`); a record missing a
        field or holding a bad value means a damaged log."""
        with self._lock:
            try:
                sessions, sets = self._docs(reach)
            except (KeyError, TypeError, AttributeError) as error:
                detail = f"a record is incomplete or malformed ({type(error).__name__}: {error})"
                raise CorruptLogError(self.path, detail) from None
        try:
            return pick(sessions, sets)
        except (KeyError, TypeError, ValueError, AssertionError, AttributeError):
            damage = damaged_record(self.path, sessions, sets)
            if damage is None:
                # Every record reads on its own: the fault is in the code, not the file.
                logger.exception("reading the training log failed on sound records")
                raise
            raise BadRecordError(self.path, [damage]) from None

    def sessions(self, since: date | None = None, until: date | None = None) -> list[SessionRecord]:
        """Sessions whose day is within [since, until], oldest first, with their sets."""
        return self._read(
            lambda docs, sets: _records(within(docs.values(), since, until), sets), (since, until)
        )

    def last_session(self) -> SessionRecord | None:
        def last(docs: dict[str, Doc], sets: list[tuple[str | None, Doc]]) -> SessionRecord | None:
            if not docs:
                return None
            newest = max(docs.values(), key=lambda d: datetime.fromisoformat(d["started_at"]))
            return _records([newest], sets)[0]

        found = self._read(last)
        if found is not None:
            return found
        rows = self._closed_rows({}, None, None)
        if not rows:
            return None
        newest = max(rows, key=lambda row: datetime.fromisoformat(row["started_at"]))
        return self.session(str(newest["id"]))

    def interrupted_sessions(self) -> list[SessionRecord]:
        """Sessions still marked in progress: the app stopped before they ended (an
        unended session is never moved to a past year's file)."""
        return self._read(
            lambda docs, sets: _records(
                [doc for doc in docs.values() if doc.get("status") == "in-progress"], sets
            )
        )

    def session_summaries(
        self, since: date | None = None, until: date | None = None
    ) -> list[SessionSummary]:
        """Sessions whose day is within [since, until], oldest first, as totals without sets
        (past years from their index)."""

        def pick(docs: dict[str, Doc], sets: list[tuple[str | None, Doc]]) -> list[SessionSummary]:
            found = summarize_docs(within(docs.values(), since, until), map(itemgetter(1), sets))
            closed = self._closed_rows(docs, since, until)
            if closed:
                found += [summary_of(row) for row in closed]
                found.sort(key=lambda s: s.started_at)
            return found

        return self._read(pick)

    def last_bands(self) -> dict[str, str]:
        """Per exercise, the band of the most recent set done with one, this year and
        the year before (a band last used longer ago is not taken for the current one)."""
        years = self.years.on_disk()
        reach = (date(years[-1], 1, 1), None) if years else None
        return self._read(lambda docs, sets: last_bands(map(itemgetter(1), sets)), reach)

    def first_day(self) -> date | None:
        """The day of the oldest session in the log; None for an empty log."""
        closed = self.years.first_day() if self.years.on_disk() else None

        def pick(docs: dict[str, Doc], sets: list[tuple[str | None, Doc]]) -> date | None:
            days = [str(doc["date"]) for doc in docs.values()]
            days += [closed] if closed else []
            return date.fromisoformat(min(days)) if days else None

        return self._read(pick)

    def session(self, session_id: str) -> SessionRecord | None:
        """One session with its sets; None when the log holds no session of that id."""

        def pick(docs: dict[str, Doc], sets: list[tuple[str | None, Doc]]) -> SessionRecord | None:
            return _records([docs[session_id]], sets)[0] if session_id in docs else None

        found = self._read(pick)
        if found is not None or not self.years.on_disk():
            return found
        year = self.years.year_of_session(session_id)
        if year is None:
            return None
        day = date(year, 1, 1)
        return self._read(pick, (day, date(year, 12, 31)))

    def totals(self) -> LogTotals:
        """The totals of the whole log that the overview and progress screens show: the
        log file's sessions (journal included) counted now, each past year's as kept."""
        from runstrength.core.log_totals import LogTotals, totals_of

        def pick(docs: dict[str, Doc], sets: list[tuple[str | None, Doc]]) -> tuple[Doc, Doc]:
            return docs, totals_of(_records(list(docs.values()), sets))

        docs, current = self._read(pick)
        parts = self.years.totals()
        closed = set(parts)
        # A session in both the log file and its year's file (a move cut short): the log
        # file's copy counts, so that year is counted again without it.
        doubled: dict[int, set[str]] = {}
        for key, doc in docs.items():
            if year_of(doc) in closed:
                doubled.setdefault(year_of(doc), set()).add(key)
        found = [
            self.years.count_totals(year, frozenset(doubled[year])) if year in doubled else part
            for year, part in sorted(parts.items())
        ]
        return LogTotals([*found, current])
