"""A run's start on this computer's clock: the zone's rule for that moment (summer time
included), not the UTC offset the file kept."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from runstrength.core.runs import Activity, local_start, start_text

PLUS_TWO = timezone(timedelta(hours=2))
EVENING = Activity(
    id="evening",
    day=date(2026, 11, 20),
    start=datetime(2026, 11, 20, 19, 10, tzinfo=PLUS_TWO),
    duration_s=1800,
    title="Evening",
)
PAST_MIDNIGHT = Activity(
    id="late",
    day=date(2026, 11, 21),  # its day where it was recorded
    start=datetime(2026, 11, 21, 0, 30, tzinfo=PLUS_TWO),
    duration_s=1800,
    title="Past midnight",
)
SUMMER = Activity(
    id="summer",
    day=date(2026, 7, 1),
    start=datetime(2026, 7, 1, 5, 0, tzinfo=UTC),
    duration_s=1800,
    title="Summer",
)


def test_the_start_is_read_in_local_time(berlin: None) -> None:
    start = local_start(EVENING)
    assert start is not None
    assert (start.hour, start.minute, start.utcoffset()) == (18, 10, timedelta(hours=1))
    assert start_text(EVENING) == "18:10"
    # Berlin's summer time for a run of July: +02:00, where its winter is +01:00.
    assert start_text(SUMMER) == "07:00"
    # On the local clock it began the evening before its day: the weekday says so.
    assert start_text(PAST_MIDNIGHT) == "Fri 23:30"
    assert start_text(Activity(id="p", day=date(2026, 12, 6), planned=True)) == ""
