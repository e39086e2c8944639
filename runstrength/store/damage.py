"""Telling damage in the log's records from a fault in the program that reads them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from runstrength.store.errors import BadRecord

Doc = dict[str, Any]


def damaged_record(
    path: Path, sessions: dict[str, Doc], sets: list[tuple[str | None, Doc]]
) -> BadRecord | None:
    """The first record that breaks its table's rules (`store.schema`); None when every
    record reads (a failure then is a fault in the program, not damage in the file)."""
    from runstrength.store.schema import RULES

    for session_id, doc in sessions.items():
        problem = RULES["sessions"](doc)
        if problem is not None:
            return BadRecord(path, "sessions", session_id, problem, doc)
    for key, doc in sets:
        problem = RULES["sets"](doc)
        if problem is not None:
            return BadRecord(path, "sets", key or "in the journal", problem, doc)
    return None
