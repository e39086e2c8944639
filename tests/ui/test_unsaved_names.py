"""Each of a session's writes has its own name, for the line that says what was not saved
when the app closed with a write still refused."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from runstrength.core.events import (
    BandPicked,
    LogWrite,
    RoutineDone,
    SessionEnded,
    SessionResumed,
    SessionSetAside,
    SetCompleted,
)
from runstrength.core.records import ResumePoint, SessionInfo, SetRecord, WarmupRecord
from runstrength.screens.session_log import write_what

AT = datetime(2026, 11, 23, 7, 0, tzinfo=timezone(timedelta(hours=1)))
INFO = SessionInfo("s1", "endurance", AT)
POINT = ResumePoint("band-squat", 1, 2, band="green")


def test_every_kind_of_session_write_is_named_apart() -> None:
    events: list[LogWrite] = [
        SetCompleted(INFO, SetRecord("glute-bridge", 1, None, 20, 18, None, None, AT)),
        RoutineDone(INFO, WarmupRecord(300, 480)),
        SessionSetAside(INFO, AT, (), POINT),
        BandPicked(INFO, POINT),
        SessionResumed(INFO, POINT),
        SessionEnded(INFO, "completed", AT, 1),
    ]
    names = [write_what(event) for event in events]
    assert names == [
        "finished sets",
        "the warm-up or stretches",
        "where the session set aside goes on",
        "the band picked",
        "that the session was resumed",
        "the session's end",
    ]
