"""Explicit conversion between log documents (plain JSON) and the core's records."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from runstrength.core.fields import shown
from runstrength.core.records import (
    SESSION_KINDS,
    ResumePoint,
    SessionInfo,
    SessionKind,
    SessionRecord,
    SetRecord,
    Side,
    Status,
    StretchRecord,
    WarmupRecord,
    stretch_to_data,
    warmup_to_data,
)


def _time(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) else None


def _count(value: Any) -> int | None:
    """A stored count: a whole number or null; anything else is a damaged record."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise ValueError(f"{shown(value)} is not a whole number")


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def session_to_doc(info: SessionInfo) -> dict[str, Any]:
    """A session's document; `kind` is stored only for a recovery routine (absent: strength,
    as in every log written before routines existed)."""
    doc: dict[str, Any] = {
        "id": info.id,
        "date": info.date.isoformat(),
        "program": info.program,
        "started_at": info.started_at.isoformat(timespec="seconds"),
        "ended_at": None,
        "status": "in-progress",
    }
    if info.kind != "strength":
        doc["kind"] = info.kind
    return doc


def doc_kind(doc: dict[str, Any]) -> SessionKind:
    """The kind of a session document; ValueError for one this version does not know."""
    kind = doc.get("kind", "strength")
    if kind not in SESSION_KINDS:
        raise ValueError(f"{kind!r} is not a kind of session")
    return cast(SessionKind, kind)


def set_to_doc(session_id: str, record: SetRecord, seq: int = 0) -> dict[str, Any]:
    """The set as stored; `seq` is its place in the session (1, 2, ...)."""
    return {
        "session": session_id,
        "seq": seq,
        "exercise": record.exercise,
        "set": record.set,
        "side": record.side,
        "target_reps": record.target_reps,
        "reps": record.reps,
        "band": record.band,
        "seconds": record.seconds,
        "target_seconds": record.target_seconds,
        "started_at": record.started_at.isoformat(timespec="seconds")
        if record.started_at
        else None,
        "completed_at": record.completed_at.isoformat(timespec="seconds"),
        "edited_at": _iso(record.edited_at),
    }


def doc_to_set(doc: dict[str, Any], key: str | None = None) -> SetRecord:
    """A set from its document; `key` is the log's handle on it, for corrections."""
    completed_at = _time(doc.get("completed_at"))
    assert completed_at is not None
    return SetRecord(
        exercise=str(doc["exercise"]),
        set=int(doc["set"]),
        side=cast(Side | None, doc.get("side")),
        target_reps=_count(doc.get("target_reps")),
        reps=_count(doc.get("reps")),
        band=doc.get("band"),
        seconds=_count(doc.get("seconds")),
        completed_at=completed_at,
        started_at=_time(doc.get("started_at")),
        target_seconds=_count(doc.get("target_seconds")),
        edited_at=_time(doc.get("edited_at")),
        key=key,
    )


# The warm-up and stretches are stored as the interchange format writes them.
warmup_to_doc = warmup_to_data
stretch_to_doc = stretch_to_data


def record_to_doc(record: SessionRecord) -> dict[str, Any]:
    """A whole session's document (its sets are stored apart)."""
    doc = session_to_doc(record.info)
    doc.update(status=record.status, ended_at=_iso(record.ended_at))
    if record.warmup is not None:
        doc["warmup"] = warmup_to_doc(record.warmup)
    if record.stretches:
        doc["stretches"] = [stretch_to_doc(s) for s in record.stretches]
    if record.skipped:
        doc["skipped"] = list(record.skipped)
    if record.set_aside_at is not None:
        doc.update(aside_to_doc(record.set_aside_at, record.skipped, record.resume_at))
    return doc


def aside_to_doc(
    at: datetime, skipped: Sequence[str], resume_at: ResumePoint | None
) -> dict[str, Any]:
    """What a session set aside adds to its document (it stays in progress)."""
    point = None
    if resume_at is not None:
        point = {
            "exercise": resume_at.exercise,
            "number": resume_at.number,
            "set": resume_at.set,
            "side": resume_at.side,
        }
    return {"set_aside_at": _iso(at), "skipped": list(skipped), "resume_at": point}


def _resume_at(value: Any) -> ResumePoint | None:
    if value is None:
        return None
    return ResumePoint(
        exercise=str(value["exercise"]),
        number=int(value["number"]),
        set=int(value["set"]),
        side=cast(Side | None, value.get("side")),
    )


def _skipped(value: Any) -> list[str]:
    """The skipped exercises of a session: absent in older logs; else a list of ids."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"skipped: {value!r} is not a list of exercise ids")
    return list(value)


def _warmup(doc: Any) -> WarmupRecord | None:
    if doc is None:
        return None
    return WarmupRecord(seconds=int(doc["seconds"]), target_seconds=int(doc["target_seconds"]))


def _stretch(doc: dict[str, Any]) -> StretchRecord:
    completed_at = _time(doc["completed_at"])
    assert completed_at is not None
    return StretchRecord(
        stretch=str(doc["stretch"]),
        after=str(doc["after"]),
        side=cast(Side | None, doc.get("side")),
        seconds=int(doc["seconds"]),
        target_seconds=int(doc["target_seconds"]),
        skipped=bool(doc["skipped"]),
        completed_at=completed_at,
    )


def doc_to_session(doc: dict[str, Any], sets: list[SetRecord]) -> SessionRecord:
    started_at = _time(doc["started_at"])
    assert started_at is not None
    return SessionRecord(
        info=SessionInfo(
            id=str(doc["id"]),
            program=str(doc["program"]),
            started_at=started_at,
            kind=doc_kind(doc),
        ),
        status=cast(Status, doc.get("status", "partial")),
        ended_at=_time(doc.get("ended_at")),
        sets=sets,
        warmup=_warmup(doc.get("warmup")),
        stretches=[_stretch(s) for s in doc.get("stretches") or ()],
        skipped=_skipped(doc.get("skipped")),
        set_aside_at=_time(doc.get("set_aside_at")),
        resume_at=_resume_at(doc.get("resume_at")),
    )


def records_from_docs(
    docs: list[dict[str, Any]], all_sets: list[tuple[str | None, dict[str, Any]]]
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
