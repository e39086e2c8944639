"""A log as the previous format kept it (format 2): every session and set in one file."""

from __future__ import annotations

import json
from datetime import date, timedelta, timezone
from pathlib import Path

from runstrength.core import codec
from runstrength.core.records import SessionRecord
from runstrength.store import load_catalogue, load_programs
from tests.sample_history import sample_history

ZONE = timezone(timedelta(hours=1))


def history(weeks: int, until: date | None = None) -> list[SessionRecord]:
    """`weeks` weeks of the endurance program ending yesterday, oldest first."""
    program = load_programs(load_catalogue()).get("endurance")
    assert program is not None
    return sample_history(
        program, ("red", "green"), until=until or date.today(), weeks=weeks, zone=ZONE
    )


def write_single_file(path: Path, sessions: list[SessionRecord]) -> None:
    """`path` holding `sessions` (and one plan) as format 2 wrote them."""
    session_docs = {str(n): codec.record_to_doc(r) for n, r in enumerate(sessions, 1)}
    set_docs = [codec.set_to_doc(r.id, s, seq) for r in sessions for seq, s in enumerate(r.sets, 1)]
    plan_day = (date.today() + timedelta(days=2)).isoformat()
    data = {
        "meta": {"1": {"schema": 2}},
        "sessions": session_docs,
        "sets": {str(n): doc for n, doc in enumerate(set_docs, 1)},
        "schedule": {"1": {"date": plan_day, "program": "endurance"}},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data))
