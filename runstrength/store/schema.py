"""What each record of the log's files and journal must hold: the record codec's rules
(`core.codec`, `core.run_data`), applied table by table.

Every record is checked against them before it is folded into the log file or written
onward with it, and `doctor` checks them all; a record that parses but breaks them is
named (file, table, id, reason) and never carried further (see `BadRecordError`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from runstrength.core.codec import (
    STORED_STATUSES,
    read_breaks,
    read_plan,
    read_resume_point,
    read_session,
    read_set,
    read_stretch,
    read_warmup,
)
from runstrength.core.data_reader import Reader
from runstrength.core.effort import is_effort
from runstrength.core.fields import quoted, shown
from runstrength.core.run_data import activity_from_data
from runstrength.store.errors import BadRecord, BadRecordError

Doc = dict[str, Any]
AT = "record"
"""The path a record's problems are first said under, then cut off."""


def _first(r: Reader) -> str | None:
    if not r.problems:
        return None
    return r.problems[0].removeprefix(f"{AT}.").removeprefix(f"{AT}: ")


def _session(doc: Any) -> str | None:
    r = Reader()
    read_session(r, doc, AT, stored=True)
    return _first(r)


def _set(doc: Any) -> str | None:
    r = Reader()
    read_set(r, doc, AT, stored=True)
    return _first(r)


def _plan(doc: Any) -> str | None:
    r = Reader()
    read_plan(r, doc, AT)
    return _first(r)


def _run(doc: Any) -> str | None:
    problems: list[str] = []
    activity_from_data(doc, AT, problems)
    return problems[0].removeprefix(f"{AT}.").removeprefix(f"{AT}: ") if problems else None


def _meta(doc: Any) -> str | None:
    if not isinstance(doc, dict):
        return "must be an object"
    schema = doc.get("schema")
    if isinstance(schema, bool) or not isinstance(schema, int):
        return f"schema: {shown(schema)} is not a format version"
    folded = doc.get("folded_journal")
    if folded is not None and not isinstance(folded, str):
        return f"folded_journal: {shown(folded)} is not a journal id"
    return None


RULES: dict[str, Callable[[Any], str | None]] = {
    "meta": _meta,
    "sessions": _session,
    "sets": _set,
    "schedule": _plan,
    "runs": _run,
}
"""Why a record of each table is malformed, or None (tables not named here are a later
format's, and left alone)."""


def bad_records(path: Path, data: Doc, tables: Iterable[str] = RULES) -> list[BadRecord]:
    """Every record of a log or year file's `tables` that breaks its table's rules."""
    found: list[BadRecord] = []
    for table in tables:
        rule = RULES[table]
        for doc_id, doc in data.get(table, {}).items():
            problem = rule(doc)
            if problem is not None:
                found.append(BadRecord(path, table, str(doc_id), problem, doc))
    return found


def check_every_record(path: Path, data: Doc) -> None:
    """BadRecordError naming each malformed record of a file's tables, before it is
    written: nothing malformed is carried onward."""
    bad = bad_records(path, data)
    if bad:
        raise BadRecordError(path, bad)


def _end(r: Reader, change: Any, path: str) -> None:
    """How a session ended, as the journal holds it."""
    data = r.table(change, path)
    if data is None:
        return
    if data.get("status") not in STORED_STATUSES[:2]:
        r.wrong(path, data, "status", f"must be {quoted(STORED_STATUSES[:2])}")
    r.time(data, "ended_at", path)
    r.ids(data.get("skipped"), f"{path}.skipped")
    read_breaks(r, data.get("breaks"), f"{path}.breaks")


def _aside(r: Reader, change: Any, path: str) -> None:
    """A session set aside, as the journal holds it."""
    data = r.table(change, path)
    if data is None:
        return
    r.time(data, "set_aside_at", path)
    r.ids(data.get("skipped"), f"{path}.skipped")
    read_resume_point(r, data.get("resume_at"), f"{path}.resume_at")


def entry_problem(entry: Doc) -> str | None:
    """Why a journal entry (its session, and the set, warm-up, stretch or end it adds)
    cannot be folded into the log, or None."""
    r = Reader()
    session = read_session(r, entry.get("session"), "session", stored=True)
    if "set" in entry:
        found = read_set(r, entry["set"], "set", stored=True)
        if found is not None and session is not None and entry["set"]["session"] != session.id:
            r.bad("set.session", f"{shown(entry['set']['session'])} is not the entry's session")
    elif "warmup" in entry:
        if read_warmup(r, entry["warmup"], "warmup") is None and not r.problems:
            r.bad("warmup", "must be an object")
    elif "stretch" in entry:
        read_stretch(r, entry["stretch"], "stretch")
    elif "aside" in entry:
        _aside(r, entry["aside"], "aside")
    elif "resume" in entry:
        if read_resume_point(r, entry["resume"], "resume") is None and not r.problems:
            r.bad("resume", "must be where the session goes on")
        if "breaks" in entry:
            read_breaks(r, entry["breaks"], "breaks")
    elif "effort" in entry:
        if entry["effort"] is not None and not is_effort(entry["effort"]):
            r.bad("effort", f"{shown(entry['effort'])} is not an effort from 0 to 10")
    else:
        _end(r, entry.get("finish"), "finish")
    return r.problems[0] if r.problems else None
