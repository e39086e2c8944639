"""Bringing a log written by an older runstrength up to the current format, one step at a time.

Format 0: the first logs, with sessions and sets but no `meta` table.
Format 1: `meta` holds the format version.
Format 2: each set carries `seq`, its place in its session (1, 2, ...), so the order of
          sets no longer depends on TinyDB's document ids (history editing needs that).
          A session may carry `kind: "recovery"` (a rest day's routine; absent means
          strength). It needed no new format: an older version reads such a session as
          one without sets, which counts for nothing there either.
Format 3: the ended sessions of past years (with their sets) live in their own files
          beside the log (`years/2019.json`, ..., and `years/index.json`, their totals;
          see `store/years.py`); the log file keeps the current year, the plans and the
          runs. Its tables are those of format 2: the move itself is done by the log
          when it opens the file for writing.

Each step is a pure function from the tables of one format to the next; the caller backs
up the file before writing the result.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from runstrength.store.errors import BadRecord, BadRecordError

Tables = dict[str, dict[str, Any]]

SCHEMA_VERSION = 3


def schema_of(data: Tables) -> int | None:
    """The format version of a log's tables; None when it holds no version and no data;
    -1 when it is unreadable."""
    meta = data.get("meta", {}).get("1")
    if meta is None:
        return 0 if data.get("sessions") or data.get("sets") else None
    if not isinstance(meta, dict):
        return -1
    version = meta.get("schema")
    return version if isinstance(version, int) and not isinstance(version, bool) else -1


def _v0_to_v1(data: Tables) -> Tables:
    return {**data, "meta": {"1": {"schema": 1}}}


def _v1_to_v2(data: Tables) -> Tables:
    sets = {key: dict(doc) for key, doc in data.get("sets", {}).items()}
    counters: dict[str, int] = {}
    for key in sorted(sets, key=int):
        doc = sets[key]
        counters[doc["session"]] = counters.get(doc["session"], 0) + 1
        doc["seq"] = counters[doc["session"]]
    meta = dict(data.get("meta", {}).get("1", {}))
    meta["schema"] = 2
    return {**data, "sets": sets, "meta": {**data.get("meta", {}), "1": meta}}


def _v2_to_v3(data: Tables) -> Tables:
    meta = {**data.get("meta", {}).get("1", {}), "schema": 3}
    return {**data, "meta": {**data.get("meta", {}), "1": meta}}


STEPS: dict[int, Callable[[Tables], Tables]] = {0: _v0_to_v1, 1: _v1_to_v2, 2: _v2_to_v3}


def migrate(data: Tables, found: int) -> Tables:
    """The tables of format `found` brought to SCHEMA_VERSION."""
    for version in range(found, SCHEMA_VERSION):
        data = STEPS[version](data)
    return data


SESSION_FIELDS = frozenset({"id", "date", "program", "started_at", "status"})
SET_FIELDS = frozenset({"session", "exercise", "set", "completed_at"})
RUN_FIELDS = frozenset({"id", "day", "sport", "planned"})


def check_records(path: Path, data: dict[str, Any]) -> None:
    """A quick look at every record of a current-format log, so a damaged log is refused
    before anything is read: BadRecordError naming the first record lacking a field.
    (Every field of every record is checked before the file is written: `store.schema`.)"""
    needed = {"sessions": SESSION_FIELDS, "sets": SET_FIELDS, "runs": RUN_FIELDS}
    for table, fields in needed.items():
        for doc_id, doc in data.get(table, {}).items():
            if isinstance(doc, dict) and doc.keys() >= fields:
                continue  # the common case, first: this runs over every record at start
            missing = sorted(fields - doc.keys()) if isinstance(doc, dict) else ["all fields"]
            if missing:
                lacks = f"lacks {', '.join(missing)}"
                raise BadRecordError(path, [BadRecord(path, table, doc_id, lacks, doc)])
