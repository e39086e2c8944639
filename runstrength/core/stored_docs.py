"""The log's documents read back into records: a set and a session as stored (a set
names its session and its place in it), checked by the record codec (`core/codec.py`)."""

from __future__ import annotations

from typing import cast

from runstrength.core.codec import Data, read_session, read_set
from runstrength.core.data_reader import Reader, said
from runstrength.core.effort import is_effort
from runstrength.core.fields import quoted
from runstrength.core.records import SESSION_KINDS, SessionKind, SessionRecord, SetRecord


class RecordError(ValueError):
    """A record of the log that does not read; the message names the field and why."""


def doc_to_set(doc: Data, key: str | None = None) -> SetRecord:
    """A set from its log document; `key` is the log's handle on it, for corrections.
    RecordError for a malformed one."""
    r = Reader()
    record = read_set(r, doc, "set", stored=True, key=key)
    if record is None:
        raise RecordError(r.problems[0])
    return record


def doc_to_session(doc: Data, sets: list[SetRecord]) -> SessionRecord:
    """A session from its log document and its sets; RecordError for a malformed one."""
    r = Reader()
    record = read_session(r, doc, "session", stored=True)
    if record is None:
        raise RecordError(r.problems[0])
    record.sets = sets
    return record


def doc_kind(doc: Data) -> SessionKind:
    """The kind of a session document; ValueError for one this version does not know."""
    kind = doc.get("kind", "strength")
    if kind not in SESSION_KINDS:
        raise RecordError(f"kind: {said(kind)} must be {quoted(SESSION_KINDS)}")
    return cast(SessionKind, kind)


def doc_effort(doc: Data) -> int | None:
    """The effort of a session document (absent: not rated); ValueError for a bad one."""
    effort = doc.get("effort")
    if effort is not None and not is_effort(effort):
        raise RecordError(f"effort: {said(effort)} must be a whole number from 0 to 10, or null")
    return cast(int | None, effort)


def records_from_docs(
    docs: list[Data], all_sets: list[tuple[str | None, Data]]
) -> list[SessionRecord]:
    """The sessions of `docs` with their sets (from `all_sets`, each with its key), by start."""
    wanted = {doc["id"] for doc in docs}
    sets: dict[str, list[SetRecord]] = {key: [] for key in wanted}
    for key, set_doc in all_sets:
        if set_doc["session"] in wanted:
            sets[set_doc["session"]].append(doc_to_set(set_doc, key))
    records = [doc_to_session(doc, sets[doc["id"]]) for doc in docs]
    records.sort(key=lambda r: r.info.started_at)
    return records
