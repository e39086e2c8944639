"""Closed years: the sessions of past years, each year in its own TinyDB file, and an index
of their totals, so that what the app does every day never reads them.

    years/2019.json     the sessions and sets of 2019 (TinyDB tables `sessions`, `sets`)
    years/index.json    one row of totals per session of every closed year (what the
                        sessions table, the rest-day rule and the last session need)
    years/totals.json   each closed year's totals per day and exercise (what the
                        overview and progress screens need, see `core/log_totals.py`)
    years/first.json    the day of the oldest session (what the training load needs)

A year file is read only when something asks for that year's sets (a session opened
from the history, an export) and then kept. The index is read when a read reaches
before the open part of the log (the current year); the totals when the overview or
the progress screen opens.

Each file is written whole, aside and renamed (`write_atomically`). The index and the
totals are derived from the year files: they record each year file's size and time of
change as it was written, and a year whose file no longer matches (a crash between the
writes) is counted again from its file, as is every year when the counting changed.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable
from dataclasses import fields
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from runstrength.store.backups import newest_readable, take_backup
from runstrength.store.errors import BadRecordError, CorruptLogError, LogWriteError
from runstrength.store.migrations import check_records
from runstrength.store.private import private_dir
from runstrength.store.storage import encode_log, parse_log, write_atomically
from runstrength.store.summaries import summarize_docs

if TYPE_CHECKING:
    from runstrength.core.history import SessionSummary

logger = logging.getLogger(__name__)

Doc = dict[str, Any]

FOLDER = "years"
INDEX = "index.json"
TOTALS = "totals.json"
FIRST = "first.json"
YEAR_FORMAT = 1


def year_of(doc: Doc) -> int:
    """The year a session belongs to: the year of its day."""
    return int(str(doc["date"])[:4])


def set_key(year: int, doc_id: str) -> str:
    """The handle on a set of a closed year, for corrections: 'YEAR:ID'."""
    return f"{year}:{doc_id}"


def split_key(key: str) -> tuple[int | None, str]:
    """(year, id) of a set's handle; year None for a set of the open part."""
    year, _, doc_id = key.rpartition(":")
    return (int(year) if year else None), doc_id


TIMES = ("started_at", "ended_at", "last_set_at")


def row_fields() -> list[str]:
    """The names a row holds: those of a session's totals, as this version counts them."""
    from runstrength.core.history import SessionSummary

    return sorted(["date", *(f.name for f in fields(SessionSummary))])


def _row(summary: SessionSummary, doc: Doc) -> Doc:
    row: Doc = {f.name: getattr(summary, f.name) for f in fields(summary)}
    for name in TIMES:
        row[name] = row[name].isoformat() if row[name] is not None else None
    row["date"] = doc["date"]
    return row


def summary_of(row: Doc) -> SessionSummary:
    from runstrength.core.history import SessionSummary

    values = {f.name: row[f.name] for f in fields(SessionSummary) if f.name in row}
    for name in TIMES:
        values[name] = datetime.fromisoformat(row[name]) if row.get(name) else None
    return SessionSummary(**values)


def rows_of(sessions: list[Doc], sets: Iterable[Doc]) -> list[Doc]:
    """Index rows for the session documents, from their set documents."""
    by_id = {doc["id"]: doc for doc in sessions}
    return [_row(s, by_id[s.id]) for s in summarize_docs(sessions, sets)]


class ClosedYears:
    """The closed years beside one log file; safe to call from any thread."""

    def __init__(self, log_file: Path, *, read_only: bool = False) -> None:
        self.read_only = read_only
        self.folder = log_file.parent / FOLDER
        self.index_path = self.folder / INDEX
        self.totals_path = self.folder / TOTALS
        self._lock = threading.RLock()
        self._years: dict[int, Doc] = {}
        self._index: dict[int, list[Doc]] | None = None
        self._totals: dict[int, Doc] | None = None
        self._first: tuple[str | None] | None = None
        self._on_disk: list[int] | None = None

    def path(self, year: int) -> Path:
        return self.folder / f"{year}.json"

    def on_disk(self) -> list[int]:
        """The closed years, oldest first (the folder is listed once)."""
        with self._lock:
            if self._on_disk is None:
                found = self.folder.glob("[0-9]*.json") if self.folder.is_dir() else ()
                self._on_disk = sorted(int(p.stem) for p in found if p.stem.isdigit())
            return self._on_disk

    # --- reading -----------------------------------------------------------------------

    def tables(self, year: int) -> Doc:
        """A closed year's tables (empty when the year has no file); read once, then kept."""
        with self._lock:
            if year not in self._years:
                path = self.path(year)
                try:
                    data = parse_log(path, path.read_bytes())
                    check_records(path, data)
                except FileNotFoundError:
                    data = {}
                except BadRecordError:
                    raise  # set aside by `doctor --repair`, not restored from a backup
                except CorruptLogError as error:
                    raise CorruptLogError(path, error.detail, newest_readable(path)) from None
                self._years[year] = data
            return self._years[year]

    def index(self) -> dict[int, list[Doc]]:
        """Each closed year's rows of totals; a year whose file changed since is recounted."""
        with self._lock:
            if self._index is None:
                self._index = self._read_index()
            return self._index

    def _read_index(self) -> dict[int, list[Doc]]:
        try:
            stored = orjson.loads(self.index_path.read_bytes())
            known: dict[str, Doc] = stored["years"]
            if stored["fields"] != row_fields():
                known = {}  # counted by another version: counted again
        except (FileNotFoundError, orjson.JSONDecodeError, KeyError, TypeError):
            known = {}  # derived data: counted again from the year files
        index: dict[int, list[Doc]] = {}
        stale = False
        for year in self.on_disk():
            entry = known.get(str(year))
            if isinstance(entry, dict) and entry.get("stamp") == self._stamp(year):
                index[year] = list(entry["rows"])
                continue
            tables = self.tables(year)
            index[year] = rows_of(
                list(tables.get("sessions", {}).values()), tables.get("sets", {}).values()
            )
            stale = True
        if stale and not self.read_only:
            self._index = index
            try:
                self._write_index()
            except LogWriteError as error:
                logger.warning("the index of past years was not saved: %s", error)
        return index

    def totals(self) -> dict[int, Doc]:
        """Each closed year's totals (`core/log_totals.py`); a year whose file changed
        since is recounted."""
        from runstrength.core.log_totals import VERSION

        with self._lock:
            if self._totals is None:
                try:
                    stored = orjson.loads(self.totals_path.read_bytes())
                    known: dict[str, Doc] = stored["years"]
                    if stored["version"] != VERSION:
                        known = {}
                except (FileNotFoundError, orjson.JSONDecodeError, KeyError, TypeError):
                    known = {}  # derived data: counted again from the year files
                totals: dict[int, Doc] = {}
                stale = False
                for year in self.on_disk():
                    entry = known.get(str(year))
                    if isinstance(entry, dict) and entry.get("stamp") == self._stamp(year):
                        totals[year] = entry["totals"]
                        continue
                    totals[year] = self.count_totals(year)
                    stale = True
                self._totals = totals
                if stale and not self.read_only:
                    try:
                        self._write_totals()
                    except LogWriteError as error:
                        logger.warning("the totals of past years were not saved: %s", error)
            return self._totals

    def count_totals(self, year: int, leaving_out: frozenset[str] = frozenset()) -> Doc:
        """A closed year's totals counted from its file, without the sessions named."""
        from runstrength.core.log_totals import totals_of
        from runstrength.core.stored_docs import records_from_docs

        tables = self.tables(year)
        sessions = [
            doc for doc in tables.get("sessions", {}).values() if doc["id"] not in leaving_out
        ]
        sets = list(tables.get("sets", {}).items())
        return totals_of(records_from_docs(sessions, [(None, doc) for _, doc in sets]))

    def _write_totals(self) -> None:
        from runstrength.core.log_totals import VERSION

        assert self._totals is not None
        years = {
            str(year): {"stamp": self._stamp(year), "totals": totals}
            for year, totals in sorted(self._totals.items())
        }
        try:
            payload = {"version": VERSION, "years": years}
            write_atomically(self.totals_path, orjson.dumps(payload))
        except OSError as error:
            raise LogWriteError(self.totals_path, error) from error

    def first_day(self) -> str | None:
        """The day (ISO) of the oldest session of the closed years; kept in a file of its
        own, counted again when a year file changed, so that it costs no year's sets."""
        with self._lock:
            if self._first is None:
                path = self.folder / FIRST
                stamps = {str(year): self._stamp(year) for year in self.on_disk()}
                try:
                    stored = orjson.loads(path.read_bytes())
                    if stored["stamps"] != stamps:
                        raise KeyError("stamps")
                    self._first = (stored["first"],)
                except (FileNotFoundError, orjson.JSONDecodeError, KeyError, TypeError):
                    self._first = (self._count_first_day(),)
                    if not self.read_only:
                        payload = {"stamps": stamps, "first": self._first[0]}
                        try:
                            write_atomically(path, orjson.dumps(payload))
                        except OSError as error:
                            logger.warning("the first day of the log was not saved: %s", error)
            return self._first[0]

    def _count_first_day(self) -> str | None:
        for year in self.on_disk():
            days = [str(doc["date"]) for doc in self.tables(year).get("sessions", {}).values()]
            if days:
                return min(days)
        return None

    def _stamp(self, year: int) -> list[int] | None:
        try:
            info = os.stat(self.path(year))
        except FileNotFoundError:
            return None
        return [info.st_size, info.st_mtime_ns]

    def rows(self, low: str | None = None, high: str | None = None) -> list[Doc]:
        """Index rows whose day is within [low, high] (ISO days), oldest year first."""
        found: list[Doc] = []
        first = int(low[:4]) if low else None
        last = int(high[:4]) if high else None
        for year, rows in self.index().items():
            if (first is not None and year < first) or (last is not None and year > last):
                continue
            found += [
                row
                for row in rows
                if (low is None or row["date"] >= low) and (high is None or row["date"] <= high)
            ]
        return found

    def year_of_session(self, session_id: str) -> int | None:
        for year, rows in self.index().items():
            if any(row["id"] == session_id for row in rows):
                return year
        return None

    # --- writing -----------------------------------------------------------------------

    def write(self, year: int, tables: Doc, reason: str) -> None:
        """Replace a closed year's file with `tables` (sessions, sets), then its index rows.

        A backup of the previous file is kept first."""
        with self._lock:
            path = self.path(year)
            sessions = tables.get("sessions", {})
            data = {
                "meta": {"1": {"schema": YEAR_FORMAT, "year": year}},
                "sessions": sessions,
                "sets": tables.get("sets", {}),
            }
            from runstrength.store.schema import check_every_record

            check_every_record(path, data)  # nothing malformed is written onward
            try:
                private_dir(self.folder)
                if path.exists():
                    take_backup(path, reason)
                write_atomically(path, encode_log(data))
            except OSError as error:
                raise LogWriteError(path, error) from error
            self._years[year] = data
            self._first = None
            if year not in self.on_disk():
                self._on_disk = sorted([*self.on_disk(), year])
            index = self.index()
            index[year] = rows_of(list(sessions.values()), data["sets"].values())
            self._write_index()
            if self._totals is None:
                self.totals()  # read, with this year (its file changed) counted again
            else:
                self._totals[year] = self.count_totals(year)
                self._write_totals()

    def _write_index(self) -> None:
        assert self._index is not None
        years = {
            str(year): {"stamp": self._stamp(year), "rows": rows}
            for year, rows in sorted(self._index.items())
        }
        try:
            payload = {"fields": row_fields(), "years": years}
            write_atomically(self.index_path, orjson.dumps(payload))
        except OSError as error:
            raise LogWriteError(self.index_path, error) from error

    def merge(self, year: int, sessions: list[Doc], sets: list[Doc], reason: str) -> None:
        """Add sessions (with their sets) to a closed year; one already there (same id) is
        replaced with its sets."""
        with self._lock:
            old = self.tables(year)
            ids = {doc["id"] for doc in sessions}
            kept = [doc for doc in old.get("sessions", {}).values() if doc["id"] not in ids]
            kept_sets = [doc for doc in old.get("sets", {}).values() if doc["session"] not in ids]
            self.write(year, numbered(kept + sessions, kept_sets + sets), reason)


def numbered(sessions: list[Doc], sets: list[Doc]) -> Doc:
    """Tables as TinyDB stores them: documents by id, 1, 2, ..."""
    return {
        "sessions": {str(n): doc for n, doc in enumerate(sessions, 1)},
        "sets": {str(n): doc for n, doc in enumerate(sets, 1)},
    }
