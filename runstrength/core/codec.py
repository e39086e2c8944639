"""Records as plain JSON data and back, checked: the one place where a set, a session, its
warm-up and stretches, and a plan are written down and read again, for the log's files,
its journal and the interchange format alike.

Two forms share every field: the log's documents (`stored=True`: a set names its session
and its place in it, a session may be in progress or set aside, its sets are stored
apart) and the interchange format's (a session holds its sets). Reading checks every
field against the same rules and names each problem by its path (`sessions[3].sets[0].reps`
in an import, `sets record 12.reps` in the log), so that nothing malformed is taken in,
folded or written onward.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, NamedTuple, cast

from runstrength.core.data_reader import TEXT_LIMIT, Reader, said
from runstrength.core.effort import is_effort
from runstrength.core.fields import quoted, text_problem
from runstrength.core.records import (
    SESSION_KINDS,
    Break,
    ResumePoint,
    SessionInfo,
    SessionRecord,
    SetRecord,
    Status,
    StretchRecord,
    WarmupRecord,
)

STATUSES = ("completed", "partial")
"""How a session ended; the log also holds sessions still in progress."""
STORED_STATUSES = (*STATUSES, "in-progress")

Data = dict[str, Any]


class ScheduledDay(NamedTuple):
    """A session planned on a day, in the log's schedule, the calendar, the command line
    and the interchange format; stored as `{"date": "YYYY-MM-DD", "program": name}`."""

    day: date
    program: str


# --- writing -------------------------------------------------------------------------


def iso(value: datetime | None) -> str | None:
    """A time as every record stores it: to the second, with its UTC offset."""
    return value.isoformat(timespec="seconds") if value else None


def set_to_data(record: SetRecord) -> Data:
    return {
        "exercise": record.exercise,
        "set": record.set,
        "side": record.side,
        "target_reps": record.target_reps,
        "reps": record.reps,
        "band": record.band,
        "seconds": record.seconds,
        "completed_at": iso(record.completed_at),
        "started_at": iso(record.started_at),
        "target_seconds": record.target_seconds,
        "edited_at": iso(record.edited_at),
    }


def set_to_doc(session_id: str, record: SetRecord, seq: int = 0) -> Data:
    """The set as the log stores it; `seq` is its place in the session (1, 2, ...)."""
    return {"session": session_id, "seq": seq, **set_to_data(record)}


def warmup_to_data(record: WarmupRecord) -> Data:
    return {"seconds": record.seconds, "target_seconds": record.target_seconds}


def stretch_to_data(record: StretchRecord) -> Data:
    return {
        "stretch": record.stretch,
        "after": record.after,
        "side": record.side,
        "seconds": record.seconds,
        "target_seconds": record.target_seconds,
        "skipped": record.skipped,
        "completed_at": iso(record.completed_at),
    }


def plan_to_data(plan: ScheduledDay) -> Data:
    return {"date": plan.day.isoformat(), "program": plan.program}


def session_to_doc(info: SessionInfo) -> Data:
    """A session's document as first logged; `kind` is stored only for a recovery routine
    (absent: strength, as in every log written before routines existed)."""
    doc: Data = {
        "id": info.id,
        "date": info.date.isoformat(),
        "program": info.program,
        "started_at": iso(info.started_at),
        "ended_at": None,
        "status": "in-progress",
    }
    if info.kind != "strength":
        doc["kind"] = info.kind
    return doc


def point_to_doc(resume_at: ResumePoint | None) -> Data | None:
    """Where a session goes on, as its document keeps it (`resume_at`)."""
    if resume_at is None:
        return None
    point: Data = {
        "exercise": resume_at.exercise,
        "number": resume_at.number,
        "set": resume_at.set,
        "side": resume_at.side,
    }
    if resume_at.band is not None:
        point["band"] = resume_at.band
    return point


def breaks_to_data(breaks: Sequence[Break]) -> list[Data]:
    """The spans a session was set aside (`breaks`), as the log and the interchange
    format keep them."""
    return [{"from": iso(gap.start), "until": iso(gap.end)} for gap in breaks]


def aside_to_doc(at: datetime, skipped: Sequence[str], resume_at: ResumePoint | None) -> Data:
    """What a session set aside adds to its document (it stays in progress)."""
    return {"set_aside_at": iso(at), "skipped": list(skipped), "resume_at": point_to_doc(resume_at)}


def record_to_doc(record: SessionRecord) -> Data:
    """A whole session's document as the log stores it (its sets are stored apart)."""
    doc = session_to_doc(record.info)
    doc.update(status=record.status, ended_at=iso(record.ended_at))
    if record.warmup is not None:
        doc["warmup"] = warmup_to_data(record.warmup)
    if record.stretches:
        doc["stretches"] = [stretch_to_data(s) for s in record.stretches]
    if record.skipped:
        doc["skipped"] = list(record.skipped)
    if record.set_aside_at is not None:
        doc.update(aside_to_doc(record.set_aside_at, record.skipped, record.resume_at))
    if record.effort is not None:
        doc["effort"] = record.effort
    if record.breaks:
        doc["breaks"] = breaks_to_data(record.breaks)
    return doc


def session_to_data(session: SessionRecord) -> Data:
    """A session as the interchange format has it, with its sets; `kind`, `warmup`,
    `stretches`, `skipped` and `effort` are optional on import (a session without `kind`
    is a strength session; `effort` is how hard it was on the CR-10 scale, null when
    not rated; `breaks`, the spans it was set aside, is there only when it was)."""
    status = session.status if session.status in STATUSES else "partial"
    warmup = session.warmup
    data: Data = {
        "id": session.id,
        "date": session.date.isoformat(),
        "program": session.info.program,
        "kind": session.info.kind,
        "started_at": iso(session.info.started_at),
        "ended_at": iso(session.ended_at),
        "status": status,
        "sets": [set_to_data(s) for s in session.sets],
        "warmup": None if warmup is None else warmup_to_data(warmup),
        "stretches": [stretch_to_data(s) for s in session.stretches],
        "skipped": list(session.skipped),
        "effort": session.effort,
    }
    if session.breaks:
        data["breaks"] = breaks_to_data(session.breaks)
    return data


# --- reading (field by field: `core.data_reader`) ----------------------------------


def read_set(
    r: Reader, raw: Any, path: str, *, stored: bool = False, key: str | None = None
) -> SetRecord | None:
    """A set, or None with its problems in `r`; `stored`: as the log keeps it (with the
    id of its session and its place in it), `key` its handle in the log."""
    data = r.table(raw, path)
    if data is None:
        return None
    before = len(r.problems)
    if stored:
        r.text(data, "session", path)
        r.count(data, "seq", path)
    exercise = r.text(data, "exercise", path, ident=True)
    number = r.count(data, "set", path, low=1, optional=False)
    band = _band(r, data, path)
    record = SetRecord(
        exercise=exercise,
        set=number or 1,
        side=r.side(data, path),
        target_reps=r.count(data, "target_reps", path),
        reps=r.count(data, "reps", path),
        band=band,
        seconds=r.count(data, "seconds", path),
        completed_at=r.time(data, "completed_at", path) or datetime.min,
        started_at=r.time(data, "started_at", path, optional=True),
        target_seconds=r.count(data, "target_seconds", path),
        edited_at=r.time(data, "edited_at", path, optional=True),
        key=key,
    )
    return record if len(r.problems) == before else None


def read_warmup(r: Reader, raw: Any, path: str) -> WarmupRecord | None:
    if raw is None:
        return None
    data = r.table(raw, path)
    if data is None:
        return None
    seconds = r.count(data, "seconds", path, optional=False)
    target = r.count(data, "target_seconds", path, optional=False)
    if seconds is None or target is None:
        return None
    return WarmupRecord(seconds=seconds, target_seconds=target)


def read_stretch(r: Reader, raw: Any, path: str) -> StretchRecord | None:
    data = r.table(raw, path)
    if data is None:
        return None
    before = len(r.problems)
    stretch = r.text(data, "stretch", path, ident=True)
    after = r.text(data, "after", path, ident=True)
    side = r.side(data, path)
    skipped = data.get("skipped")
    if not isinstance(skipped, bool):
        r.wrong(path, data, "skipped", "must be true or false")
    seconds = r.count(data, "seconds", path, optional=False)
    target = r.count(data, "target_seconds", path, optional=False)
    completed_at = r.time(data, "completed_at", path)
    if len(r.problems) != before or seconds is None or target is None or completed_at is None:
        return None
    return StretchRecord(
        stretch=stretch,
        after=after,
        side=side,
        seconds=seconds,
        target_seconds=target,
        skipped=bool(skipped),
        completed_at=completed_at,
    )


def _read_stretches(r: Reader, raw: Any, path: str) -> list[StretchRecord]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        r.bad(path, "must be a list")
        return []
    read = (read_stretch(r, item, f"{path}[{index}]") for index, item in enumerate(raw))
    return [record for record in read if record is not None]


def _band(r: Reader, data: dict[str, Any], path: str) -> str | None:
    band = data.get("band")
    if band is not None and (not isinstance(band, str) or text_problem(band, TEXT_LIMIT)):
        r.bad(f"{path}.band", "must be a band name or null")
        return None
    return band


def read_resume_point(r: Reader, raw: Any, path: str) -> ResumePoint | None:
    """Where a session set aside goes on (absent: at its start)."""
    if raw is None:
        return None
    data = r.table(raw, path)
    if data is None:
        return None
    before = len(r.problems)
    exercise = r.text(data, "exercise", path, ident=True)
    number = r.count(data, "number", path, low=1, optional=False)
    number_of_set = r.count(data, "set", path, optional=False)
    side = r.side(data, path)
    band = _band(r, data, path)
    if len(r.problems) != before or number is None or number_of_set is None:
        return None
    return ResumePoint(exercise, number, number_of_set, side, band)


def read_breaks(r: Reader, raw: Any, path: str) -> list[Break]:
    """The spans a session was set aside (absent: none), each `from` a time `until` one
    no earlier, oldest first."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        r.bad(path, "must be a list")
        return []
    found: list[Break] = []
    for index, item in enumerate(raw):
        where = f"{path}[{index}]"
        data = r.table(item, where)
        if data is None:
            continue
        start = r.time(data, "from", where)
        end = r.time(data, "until", where)
        if start is None or end is None:
            continue
        if end < start:
            r.bad(f"{where}.until", f"{iso(end)} is before its start ({iso(start)})")
        elif found and start < found[-1].end:
            r.bad(f"{where}.from", f"{iso(start)} is before the end of the one before it")
        else:
            found.append(Break(start, end))
    return found


def read_session(r: Reader, raw: Any, path: str, *, stored: bool = False) -> SessionRecord | None:
    """A session, or None with its problems in `r`. In the interchange form it holds its
    sets; `stored`: as the log keeps it (sets apart; it may be in progress or set aside)."""
    data = r.table(raw, path)
    if data is None:
        return None
    before = len(r.problems)
    session_id = r.text(data, "id", path)
    program = r.text(data, "program", path, ident=True)
    day = r.day(data, "date", path)
    started_at = r.time(data, "started_at", path)
    ended_at = r.time(data, "ended_at", path, optional=True)
    status = data.get("status")
    statuses = STORED_STATUSES if stored else STATUSES
    if status not in statuses:
        r.wrong(path, data, "status", f"must be {quoted(statuses)}")
    if started_at and day and started_at.date() != day:
        r.bad(f"{path}.date", f"{day} is not the day the session started ({started_at.date()})")
    kind = data.get("kind", "strength")
    if kind not in SESSION_KINDS:
        r.bad(f"{path}.kind", f"{kind!r} must be 'strength' or 'recovery'")
    sets: list[SetRecord] = []
    if not stored:
        raw_sets = data.get("sets")
        if not isinstance(raw_sets, list):
            r.bad(f"{path}.sets", "must be a list")
        else:
            for index, raw_set in enumerate(raw_sets):
                record = read_set(r, raw_set, f"{path}.sets[{index}]")
                if record is not None:
                    sets.append(record)
        if kind == "recovery" and sets:
            r.bad(f"{path}.sets", "a recovery routine has no sets: it must be empty")
    effort = data.get("effort")
    if effort is not None and not is_effort(effort):
        r.bad(f"{path}.effort", f"{said(effort)} must be a whole number from 0 to 10, or null")
    session = SessionRecord(
        info=SessionInfo(
            id=session_id, program=program, started_at=started_at or datetime.min, kind=kind
        ),
        status=cast(Status, status),
        ended_at=ended_at,
        sets=sets,
        warmup=read_warmup(r, data.get("warmup"), f"{path}.warmup"),
        stretches=_read_stretches(r, data.get("stretches"), f"{path}.stretches"),
        skipped=r.ids(data.get("skipped"), f"{path}.skipped"),
        set_aside_at=r.time(data, "set_aside_at", path, optional=True) if stored else None,
        resume_at=read_resume_point(r, data.get("resume_at"), f"{path}.resume_at")
        if stored
        else None,
        effort=effort,
        breaks=read_breaks(r, data.get("breaks"), f"{path}.breaks"),
    )
    return session if len(r.problems) == before else None


def read_plan(r: Reader, raw: Any, path: str) -> ScheduledDay | None:
    """A planned day, or None with its problems in `r`."""
    entry = r.table(raw, path)
    if entry is None:
        return None
    day = r.day(entry, "date", path)
    program = r.text(entry, "program", path, ident=True)
    return ScheduledDay(day, program) if day is not None and program else None
