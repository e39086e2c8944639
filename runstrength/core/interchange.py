"""The interchange format (one JSON document): sessions and plans, written and read back
through the record codec (`core.codec`).

Reading checks the whole document first and names every problem by its JSON path
(e.g. `sessions[3].sets[0].reps`), so an import either takes all of it or nothing.
"""

from __future__ import annotations

from typing import Any

from runstrength.core.codec import (
    STATUSES,
    ScheduledDay,
    plan_to_data,
    read_plan,
    read_session,
    session_to_data,
)
from runstrength.core.data_reader import Reader, said
from runstrength.core.fields import shown
from runstrength.core.records import SessionRecord

__all__ = ["STATUSES", "InterchangeError", "ScheduledDay", "from_document", "to_document"]

FORMAT = "runstrength"
VERSION = 1


class InterchangeError(ValueError):
    """A document that cannot be imported; `problems` lists each with its JSON path."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def to_document(sessions: list[SessionRecord], schedule: list[ScheduledDay]) -> dict[str, Any]:
    """The whole interchange document, sessions oldest first."""
    ordered = sorted(sessions, key=lambda s: (s.info.started_at, s.id))
    return {
        "format": FORMAT,
        "version": VERSION,
        "sessions": [session_to_data(s) for s in ordered],
        "schedule": [plan_to_data(d) for d in sorted(schedule, key=lambda d: d.day)],
    }


def _version_problem(data: dict[str, Any]) -> str | None:
    """Why the document's version is not one this runstrength reads, in plain words."""
    if "version" not in data:
        return f"missing: this runstrength reads version {VERSION}"
    version = data["version"]
    if type(version) is int and version == VERSION:
        return None
    if type(version) is int and version > VERSION:
        return (
            f"{version} is newer than this runstrength reads (version {VERSION}): "
            "update runstrength to import the file"
        )
    if isinstance(version, str):
        return f"{said(version)} is text: this runstrength reads version {VERSION}, unquoted"
    # true is no version number (bool is an int to Python)
    return f"{said(version)} is not {VERSION}, the version this runstrength reads"


def from_document(document: Any) -> tuple[list[SessionRecord], list[ScheduledDay]]:
    """Sessions and schedule from a parsed document; InterchangeError lists every problem."""
    r = Reader()
    data = r.table(document, "$")
    if data is None:
        raise InterchangeError(r.problems)
    if "format" not in data:
        r.bad("format", f'missing: a runstrength export has "format": {shown(FORMAT)}')
    elif data["format"] != FORMAT:
        found = said(data["format"])
        r.bad("format", f"{found} is not {shown(FORMAT)}: the file is not a runstrength export")
    version_problem = _version_problem(data)
    if version_problem is not None:
        r.bad("version", version_problem)
    if r.problems:
        raise InterchangeError(r.problems)
    sessions: list[SessionRecord] = []
    raw_sessions = data.get("sessions", [])
    if not isinstance(raw_sessions, list):
        r.bad("sessions", "must be a list")
        raw_sessions = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_sessions):
        session = read_session(r, raw, f"sessions[{index}]")
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
        plan = read_plan(r, raw, f"schedule[{index}]")
        if plan is not None:
            schedule.append(plan)
    if r.problems:
        raise InterchangeError(r.problems)
    return sessions, schedule
