"""The time spent in a session: from its start to its end, the spans it was set aside left
out; kept in the log as `breaks` (absent in logs written before: read exactly as then), and
never more than `LONGEST_STRENGTH` in the load."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from runstrength.core import codec
from runstrength.core.data_reader import Reader
from runstrength.core.history import summarize, summary_row
from runstrength.core.load import LONGEST_STRENGTH, strength_bouts
from runstrength.core.records import (
    Break,
    SessionInfo,
    SessionRecord,
    SetRecord,
    time_spent,
)
from runstrength.core.resume import breaks_until

TZ = timezone(timedelta(hours=1))
START = datetime(2026, 11, 29, 7, 0, tzinfo=TZ)


def minutes(n: float) -> datetime:
    return START + timedelta(minutes=n)


def a_set(done: float) -> SetRecord:
    return SetRecord("glute-bridge", 1, None, 20, 20, None, None, minutes(done), minutes(done - 1))


def session(
    end: float | None, breaks: list[Break] | None = None, *, aside: float | None = None
) -> SessionRecord:
    return SessionRecord(
        SessionInfo("s1", "endurance", START),
        "completed" if end is not None else "in-progress",
        None if end is None else minutes(end),
        [a_set(2), a_set(12 * 60 + 2)],
        breaks=breaks or [],
        set_aside_at=None if aside is None else minutes(aside),
        effort=4,
    )


TWELVE_HOURS = Break(minutes(3), minutes(12 * 60))


def test_time_spent_leaves_out_the_spans_set_aside() -> None:
    assert time_spent(START, minutes(12 * 60 + 5), [TWELVE_HOURS]) == timedelta(minutes=8)
    assert time_spent(START, minutes(30)) == timedelta(minutes=30)
    # A span reaching past the end counts only up to it; the result is never below nothing.
    assert time_spent(START, minutes(10), [Break(minutes(5), minutes(60))]) == timedelta(minutes=5)
    assert time_spent(minutes(10), START) == timedelta(0)


def test_going_on_adds_the_span_since_it_was_set_aside() -> None:
    left = session(None, aside=3)
    assert breaks_until(left, minutes(12 * 60)) == (TWELVE_HOURS,)
    # A session cut off (the app killed): from the last thing logged, its last set;
    # earlier spans are kept.
    cut = session(None, [TWELVE_HOURS])
    later = Break(minutes(12 * 60 + 2), minutes(13 * 60))
    assert breaks_until(cut, minutes(13 * 60)) == (TWELVE_HOURS, later)


def test_history_and_load_count_the_time_spent() -> None:
    done = session(12 * 60 + 5, [TWELVE_HOURS])
    assert summary_row(summarize(done)).duration == "8 min"
    [bout] = strength_bouts([summarize(done)])
    assert (bout.minutes, bout.load) == (8, 32)
    # Not ended (resumed, then cut off): up to its last set, the span left out.
    cut = session(None, [TWELVE_HOURS])
    assert summarize(cut).time_spent == timedelta(minutes=5)


def test_a_log_written_before_breaks_reads_as_it_did() -> None:
    old = codec.record_to_doc(session(12 * 60 + 5))
    assert "breaks" not in old
    r = Reader()
    read = codec.read_session(r, old, "sessions record 1", stored=True)
    assert r.problems == []
    assert read is not None
    assert read.breaks == []
    assert summary_row(summarize(read)).duration == "12 h 05 min"
    assert "breaks" not in codec.session_to_data(read)  # its export as before too


def test_breaks_round_trip_in_the_log_and_the_interchange_format() -> None:
    done = session(12 * 60 + 5, [TWELVE_HOURS])
    doc = codec.record_to_doc(done)
    assert doc["breaks"] == [
        {"from": "2026-11-29T07:03:00+01:00", "until": "2026-11-29T19:00:00+01:00"}
    ]
    for data, stored in ((doc, True), (codec.session_to_data(done), False)):
        r = Reader()
        read = codec.read_session(r, data, "s", stored=stored)
        assert r.problems == []
        assert read is not None
        assert read.breaks == [TWELVE_HOURS]


@pytest.mark.parametrize(
    ("breaks", "problem"),
    [
        ("noon", "s.breaks: must be a list"),
        ([{"from": "2026-11-29T09:00:00+01:00"}], "s.breaks[0].until"),
        (
            [{"from": "2026-11-29T09:00:00+01:00", "until": "2026-11-29T08:00:00+01:00"}],
            "s.breaks[0].until: 2026-11-29T08:00:00+01:00 is before its start",
        ),
        (
            [
                {"from": "2026-11-29T09:00:00+01:00", "until": "2026-11-29T10:00:00+01:00"},
                {"from": "2026-11-29T09:30:00+01:00", "until": "2026-11-29T11:00:00+01:00"},
            ],
            "s.breaks[1].from",
        ),
    ],
)
def test_malformed_breaks_are_named(breaks: object, problem: str) -> None:
    data = codec.session_to_data(session(12 * 60 + 5))
    data["breaks"] = breaks
    r = Reader()
    assert codec.read_session(r, data, "s") is None
    assert r.problems[0].startswith(problem), r.problems


def test_a_session_logged_over_a_day_counts_three_hours_at_most_in_the_load() -> None:
    """An imported session whose end was logged the next day (24 h 40 min from start to
    end, nothing set aside) is shown as logged, but is not a day of training."""
    imported = session(24 * 60 + 40)
    assert summary_row(summarize(imported)).duration == "24 h 40 min"
    [bout] = strength_bouts([summarize(imported)])
    assert bout.minutes == LONGEST_STRENGTH.total_seconds() / 60 == 180
    assert bout.load == 4 * 180  # not 4 x 1480
