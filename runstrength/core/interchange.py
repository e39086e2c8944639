"""The interchange format (one JSON document): records to plain data and back, checked.

Reading checks the whole document first and names every problem by its JSON path
(e.g. `sessions[3].sets[0].reps`), so an import either takes all of it or nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from runstrength.core.effort import is_effort
from runstrength.core.fields import ID_PATTERN, quoted, read_day, shown, text_problem
from runstrength.core.records import (
    SESSION_KINDS,
    SessionInfo,
    SessionKind,
    SessionRecord,
    SetRecord,
    Status,
    StretchRecord,
    WarmupRecord,
    stretch_to_data,
    warmup_to_data,
)

FORMAT = "runstrength"
VERSION = 1
STATUSES = ("completed", "partial")
SIDES = (None, "left", "right")
YEARS = (1970, 2199)
"""The years a date in a training log may fall in; others are typos (or worse)."""
TEXT_LIMIT = 100
COUNT_LIMITS = {"set": 100, "reps": 1000, "target_reps": 1000}
"""The largest of each count; seconds of any kind are at most a day."""
DAY_SECONDS = 86_400
TIME_PATTERN = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})\Z"
)


def _said(value: Any) -> str:
    """A value as the file spells it, cut short: a message stays one readable line."""
    text = shown(value)
    return text if len(text) <= 40 else f"{text[:39]}…"


@dataclass(frozen=True)
class ScheduledDay:
    date: date
    program: str


class InterchangeError(ValueError):
    """A document that cannot be imported; `problems` lists each with its JSON path."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def set_to_data(record: SetRecord) -> dict[str, Any]:
    return {
        "exercise": record.exercise,
        "set": record.set,
        "side": record.side,
        "target_reps": record.target_reps,
        "reps": record.reps,
        "band": record.band,
        "seconds": record.seconds,
        "completed_at": _iso(record.completed_at),
        "started_at": _iso(record.started_at),
        "target_seconds": record.target_seconds,
        "edited_at": _iso(record.edited_at),
    }


def session_to_data(session: SessionRecord) -> dict[str, Any]:
    """A session as the format has it; `kind`, `warmup`, `stretches`, `skipped` and `effort`
    are optional on import (a session without `kind` is a strength session; `effort` is how
    hard it was on the CR-10 scale, null when not rated)."""
    status = session.status if session.status in STATUSES else "partial"
    warmup = session.warmup
    return {
        "id": session.id,
        "date": session.date.isoformat(),
        "program": session.info.program,
        "kind": session.info.kind,
        "started_at": _iso(session.info.started_at),
        "ended_at": _iso(session.ended_at),
        "status": status,
        "sets": [set_to_data(s) for s in session.sets],
        "warmup": None if warmup is None else warmup_to_data(warmup),
        "stretches": [stretch_to_data(s) for s in session.stretches],
        "skipped": list(session.skipped),
        "effort": session.effort,
    }


def to_document(sessions: list[SessionRecord], schedule: list[ScheduledDay]) -> dict[str, Any]:
    """The whole interchange document, sessions oldest first."""
    ordered = sorted(sessions, key=lambda s: (s.info.started_at, s.id))
    return {
        "format": FORMAT,
        "version": VERSION,
        "sessions": [session_to_data(s) for s in ordered],
        "schedule": [
            {"date": d.date.isoformat(), "program": d.program}
            for d in sorted(schedule, key=lambda d: d.date)
        ],
    }


class _Reader:
    """Collects problems while converting, each under its JSON path."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def bad(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def wrong(self, path: str, data: dict[str, Any], key: str, rule: str) -> None:
        """`rule` ("must be …") broken by the value at `key`, or by its absence."""
        found = _said(data[key]) if key in data else "missing:"
        self.bad(f"{path}.{key}", f"{found} {rule}")

    def table(self, value: Any, path: str) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.bad(path, "must be an object")
            return None
        return value

    def text(self, data: dict[str, Any], key: str, path: str, *, ident: bool = False) -> str:
        value = data.get(key)
        if not isinstance(value, str) or not value:
            self.bad(f"{path}.{key}", "missing" if key not in data else "must be a string")
            return ""
        problem = text_problem(value, TEXT_LIMIT)
        if problem is not None:
            self.bad(f"{path}.{key}", problem)
        elif ident and not ID_PATTERN.match(value):
            self.wrong(path, data, key, "must be a lowercase hyphenated id")
        return value

    def in_years(self, value: date, path: str) -> bool:
        if YEARS[0] <= value.year <= YEARS[1]:
            return True
        self.bad(path, f"{value.isoformat()} is outside the years {YEARS[0]}-{YEARS[1]}")
        return False

    def day(self, data: dict[str, Any], key: str, path: str) -> date | None:
        value = data.get(key)
        if not isinstance(value, str):
            self.bad(f"{path}.{key}", "missing" if key not in data else "must be YYYY-MM-DD")
            return None
        try:
            day = read_day(value)
        except ValueError as problem:
            self.bad(f"{path}.{key}", str(problem))
            return None
        return day if self.in_years(day, f"{path}.{key}") else None

    def time(
        self, data: dict[str, Any], key: str, path: str, *, optional: bool = False
    ) -> datetime | None:
        value = data.get(key)
        if value is None and optional:
            return None
        if isinstance(value, str) and TIME_PATTERN.match(value):
            try:
                parsed = datetime.fromisoformat(value)
            except ValueError:
                parsed = None
            if parsed is not None and parsed.tzinfo is not None:
                return parsed if self.in_years(parsed.date(), f"{path}.{key}") else None
        self.wrong(
            path,
            data,
            key,
            "must be a date and time with its UTC offset (YYYY-MM-DDTHH:MM:SS+HH:MM)",
        )
        return None

    def count(
        self, data: dict[str, Any], key: str, path: str, *, low: int = 0, optional: bool = True
    ) -> int | None:
        value = data.get(key)
        if value is None and optional:
            return None
        high = COUNT_LIMITS.get(key, DAY_SECONDS)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.wrong(path, data, key, f"must be a whole number from {low} to {high}")
            return None
        return value


def _read_set(r: _Reader, raw: Any, path: str) -> SetRecord | None:
    data = r.table(raw, path)
    if data is None:
        return None
    before = len(r.problems)
    exercise = r.text(data, "exercise", path, ident=True)
    number = r.count(data, "set", path, low=1, optional=False)
    side = data.get("side")
    if side not in SIDES:
        r.wrong(path, data, "side", f"must be {quoted(SIDES)}")
    band = data.get("band")
    if band is not None and (not isinstance(band, str) or text_problem(band, TEXT_LIMIT)):
        r.bad(f"{path}.band", "must be a band name or null")
    record = SetRecord(
        exercise=exercise,
        set=number or 1,
        side=side if side in SIDES else None,
        target_reps=r.count(data, "target_reps", path),
        reps=r.count(data, "reps", path),
        band=band,
        seconds=r.count(data, "seconds", path),
        completed_at=r.time(data, "completed_at", path) or datetime.min,
        started_at=r.time(data, "started_at", path, optional=True),
        target_seconds=r.count(data, "target_seconds", path),
        edited_at=r.time(data, "edited_at", path, optional=True),
    )
    return record if len(r.problems) == before else None


def _read_warmup(r: _Reader, raw: Any, path: str) -> WarmupRecord | None:
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


def _read_stretch(r: _Reader, raw: Any, path: str) -> StretchRecord | None:
    data = r.table(raw, path)
    if data is None:
        return None
    before = len(r.problems)
    stretch = r.text(data, "stretch", path, ident=True)
    after = r.text(data, "after", path, ident=True)
    side = data.get("side")
    if side not in SIDES:
        r.wrong(path, data, "side", f"must be {quoted(SIDES)}")
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


def _read_stretches(r: _Reader, raw: Any, path: str) -> list[StretchRecord]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        r.bad(path, "must be a list")
        return []
    read = (_read_stretch(r, item, f"{path}[{index}]") for index, item in enumerate(raw))
    return [record for record in read if record is not None]


def _read_skipped(r: _Reader, raw: Any, path: str) -> list[str]:
    """The exercises skipped in a session: a list of ids (absent in older files)."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        r.bad(path, "must be a list of exercise ids")
        return []
    for index, item in enumerate(raw):
        if not isinstance(item, str) or not ID_PATTERN.match(item):
            r.bad(f"{path}[{index}]", f"{item!r} is not a lowercase hyphenated id")
    return [item for item in raw if isinstance(item, str)]


def _read_session(r: _Reader, raw: Any, path: str) -> SessionRecord | None:
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
    if status not in STATUSES:
        r.wrong(path, data, "status", f"must be {quoted(STATUSES)}")
    if started_at and day and started_at.date() != day:
        r.bad(f"{path}.date", f"{day} is not the day the session started ({started_at.date()})")
    kind = data.get("kind", "strength")
    if kind not in SESSION_KINDS:
        r.bad(f"{path}.kind", f"{kind!r} must be 'strength' or 'recovery'")
    raw_sets = data.get("sets")
    sets: list[SetRecord] = []
    if not isinstance(raw_sets, list):
        r.bad(f"{path}.sets", "must be a list")
    else:
        for index, raw_set in enumerate(raw_sets):
            record = _read_set(r, raw_set, f"{path}.sets[{index}]")
            if record is not None:
                sets.append(record)
    if kind == "recovery" and sets:
        r.bad(f"{path}.sets", "a recovery routine has no sets: it must be empty")
    warmup = _read_warmup(r, data.get("warmup"), f"{path}.warmup")
    stretches = _read_stretches(r, data.get("stretches"), f"{path}.stretches")
    skipped = _read_skipped(r, data.get("skipped"), f"{path}.skipped")
    effort = data.get("effort")
    if effort is not None and not is_effort(effort):
        r.bad(f"{path}.effort", f"{shown(effort)} must be a whole number from 0 to 10, or null")
    if len(r.problems) != before or started_at is None:
        return None
    return SessionRecord(
        info=SessionInfo(
            id=session_id, program=program, started_at=started_at, kind=cast(SessionKind, kind)
        ),
        status=cast(Status, status),
        ended_at=ended_at,
        sets=sets,
        warmup=warmup,
        stretches=stretches,
        skipped=skipped,
        effort=effort,
    )


def from_document(document: Any) -> tuple[list[SessionRecord], list[ScheduledDay]]:
    """Sessions and schedule from a parsed document; InterchangeError lists every problem."""
    r = _Reader()
    data = r.table(document, "$")
    if data is None:
        raise InterchangeError(r.problems)
    if data.get("format") != FORMAT:
        found = "missing" if "format" not in data else f"{_said(data['format'])} is not it"
        r.bad("format", f"{found}: a runstrength export says {shown(FORMAT)}")
    version = data.get("version")
    if type(version) is not int or version != VERSION:  # true is no version number
        found = "missing" if "version" not in data else f"{_said(version)} is not it"
        r.bad("version", f"{found}: this version of runstrength reads version {VERSION}")
    if r.problems:
        raise InterchangeError(r.problems)
    sessions: list[SessionRecord] = []
    raw_sessions = data.get("sessions", [])
    if not isinstance(raw_sessions, list):
        r.bad("sessions", "must be a list")
        raw_sessions = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_sessions):
        session = _read_session(r, raw, f"sessions[{index}]")
        if session is not None:
            if session.id in seen:
                r.bad(f"sessions[{index}].id", f"{shown(session.id)} appears twice")
            seen.add(session.id)
            sessions.append(session)
    schedule: list[ScheduledDay] = []
    raw_schedule = data.get("schedule", [])
    if not isinstance(raw_schedule, list):
        r.bad("schedule", "must be a list")
        raw_schedule = []
    for index, raw in enumerate(raw_schedule):
        path = f"schedule[{index}]"
        entry = r.table(raw, path)
        if entry is None:
            continue
        day = r.day(entry, "date", path)
        program = r.text(entry, "program", path, ident=True)
        if day is not None and program:
            schedule.append(ScheduledDay(day, program))
    if r.problems:
        raise InterchangeError(r.problems)
    return sessions, schedule
