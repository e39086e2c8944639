"""Sessions whose row in the sessions table is as wide as a log makes one: a long program
name, an hour's session of 120 sets and 12,000 reps, and every kind of end."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo

from runstrength.core.records import SessionInfo, SessionRecord, SetRecord

LONG_PROGRAM = "hills-and-stairs-for-trail-runners"
EXERCISES = (
    "glute-bridge",
    "band-squat",
    "calf-raise",
    "bird-dog",
    "lateral-band-walk",
    "dead-bug",
)
START = datetime(2026, 11, 20, 7, 0, tzinfo=timezone(timedelta(hours=1)))


def wide_sessions(zone: tzinfo | None = None) -> list[SessionRecord]:
    """Four sessions, newest first: the long one (partial, 3 exercises skipped, effort
    10), one set aside with an exercise skipped, a recovery routine stopped early and an
    ordinary one."""
    start = START if zone is None else START.replace(tzinfo=zone)

    def sets(day: datetime, count: int, reps: int) -> list[SetRecord]:
        def one(n: int) -> SetRecord:
            exercise = EXERCISES[n // 20 % len(EXERCISES)]
            return SetRecord(exercise, n % 20 + 1, None, reps, reps, None, None, day)

        return [one(n) for n in range(count)]

    long_day = start
    long = SessionRecord(
        SessionInfo("wide-1", LONG_PROGRAM, long_day),
        status="partial",
        ended_at=long_day + timedelta(hours=1, minutes=5),
        sets=sets(long_day, 120, 100),
        skipped=["side-plank", "clamshell", "dead-bug"],
        effort=10,
    )
    aside_day = start - timedelta(days=2)
    aside = SessionRecord(
        SessionInfo("wide-2", "endurance", aside_day),
        sets=sets(aside_day, 4, 20),
        skipped=["side-plank"],
        set_aside_at=aside_day + timedelta(minutes=20),
    )
    rest_day = start - timedelta(days=3)
    recovery = SessionRecord(
        SessionInfo("wide-3", "endurance", rest_day, kind="recovery"),
        status="partial",
        ended_at=rest_day + timedelta(minutes=9),
    )
    plain_day = start - timedelta(days=4)
    plain = SessionRecord(
        SessionInfo("wide-4", "endurance", plain_day),
        status="completed",
        ended_at=plain_day + timedelta(minutes=46),
        sets=sets(plain_day, 14, 20),
        effort=5,
    )
    return [long, aside, recovery, plain]
