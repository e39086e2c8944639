"""Telling damage in the log's records from a fault in the program that reads them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

Doc = dict[str, Any]


def damaged_record(sessions: dict[str, Doc], sets: list[tuple[str | None, Doc]]) -> str | None:
    """The first record that cannot be read on its own, said for a runner; None when every
    record reads (a failure then is a fault in the program, not damage in the file)."""
    from runstrength.store.codec import doc_to_session, doc_to_set

    def problem(what: str, error: Exception) -> str:
        return f"{what} is incomplete or malformed ({type(error).__name__}: {error})"

    def times(doc: Doc, needed: tuple[str, ...], optional: tuple[str, ...]) -> None:
        for name in needed + optional:
            value = doc.get(name)
            if value is None and name in optional:
                continue
            if not isinstance(value, str):
                raise ValueError(f"{name} is {value!r}, not a time")
            datetime.fromisoformat(value)

    for session_id, doc in sessions.items():
        try:
            if not isinstance(doc.get("id"), str) or not isinstance(doc.get("date"), str):
                raise ValueError("no id or day")
            date.fromisoformat(doc["date"])
            times(doc, ("started_at",), ("ended_at",))
            doc_to_session(doc, [])
        except (KeyError, TypeError, ValueError, AssertionError, AttributeError) as error:
            return problem(f"session {session_id}", error)
    for key, doc in sets:
        try:
            if not isinstance(doc.get("session"), str):
                raise ValueError("no session")
            times(doc, ("completed_at",), ("started_at", "edited_at"))
            doc_to_set(doc, key)
        except (KeyError, TypeError, ValueError, AssertionError, AttributeError) as error:
            return problem(f"set {key or 'in the journal'}", error)
    return None
