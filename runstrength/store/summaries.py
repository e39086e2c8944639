"""Session totals counted straight from the log's documents, for the sessions table.

Ten years hold about 36,000 sets: making a record of each (and parsing its times)
costs half a second, while a table row needs only each session's counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from runstrength.core.history import SessionSummary
    from runstrength.core.records import Status

Doc = dict[str, Any]


def within(docs: Iterable[Doc], since: date | None, until: date | None) -> list[Doc]:
    """The session documents whose day is within [since, until]."""
    low = since.isoformat() if since else None
    high = until.isoformat() if until else None
    return [
        doc
        for doc in docs
        if (low is None or doc["date"] >= low) and (high is None or doc["date"] <= high)
    ]


def _time(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if value is not None else None


def summarize_docs(sessions: list[Doc], sets: Iterable[Doc]) -> list[SessionSummary]:
    """A summary of each session document, from the set documents, oldest first.

    A malformed value raises KeyError, TypeError or ValueError.
    """
    # Loaded here: home's first frame does not need the sessions table.
    from runstrength.core.history import SessionSummary, SetTally, aside_seconds
    from runstrength.core.records import Break
    from runstrength.core.stored_docs import doc_effort, doc_kind

    tallies = {doc["id"]: SetTally() for doc in sessions}
    unended = {doc["id"] for doc in sessions if doc.get("ended_at") is None}
    last: dict[str, datetime] = {}
    for doc in sets:
        session = doc["session"]
        tally = tallies.get(session)
        if tally is None:
            continue
        tally.add(
            doc.get("reps"), doc.get("seconds"), doc.get("target_reps"), doc.get("target_seconds")
        )
        if session in unended:
            done = datetime.fromisoformat(doc["completed_at"])
            if session not in last or done > last[session]:
                last[session] = done
    summaries = []
    for doc in sessions:
        tally = tallies[doc["id"]]
        started_at = datetime.fromisoformat(doc["started_at"])
        ended_at = _time(doc.get("ended_at"))
        breaks = [
            Break(datetime.fromisoformat(gap["from"]), datetime.fromisoformat(gap["until"]))
            for gap in doc.get("breaks") or ()
        ]
        summaries.append(
            SessionSummary(
                id=str(doc["id"]),
                program=str(doc["program"]),
                started_at=started_at,
                status=cast("Status", doc.get("status", "partial")),
                ended_at=ended_at,
                last_set_at=last.get(doc["id"]),
                sets=tally.sets,
                reps=tally.reps,
                done_sets=tally.done,
                target_sets=tally.target,
                skipped=len(doc.get("skipped") or ()),
                set_aside=doc.get("set_aside_at") is not None and doc.get("ended_at") is None,
                kind=doc_kind(doc),
                effort=doc_effort(doc),
                set_aside_seconds=aside_seconds(
                    started_at, ended_at or last.get(doc["id"]), breaks
                ),
            )
        )
    summaries.sort(key=lambda s: s.started_at)
    return summaries


def last_bands(sets: Iterable[Doc]) -> dict[str, str]:
    """Each exercise's band on the most recent set done with one (by when it was done)."""
    latest: dict[str, tuple[datetime, str]] = {}
    for doc in sets:
        band = doc.get("band")
        if not band:
            continue
        done = datetime.fromisoformat(doc["completed_at"])
        exercise = str(doc["exercise"])
        if exercise not in latest or done >= latest[exercise][0]:
            latest[exercise] = (done, str(band))
    return {exercise: band for exercise, (_, band) in latest.items()}
