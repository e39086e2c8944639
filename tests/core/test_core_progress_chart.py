"""The progress chart's axes: whole reps, dates, and a single session that still shows."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from runstrength.core.progress_chart import next_step, set_chart
from runstrength.core.records import SessionInfo, SessionRecord, SetRecord

ZONE = timezone(timedelta(hours=1))


def session(day: date, *reps: int, exercise: str = "glute-bridge") -> SessionRecord:
    start = datetime(day.year, day.month, day.day, 7, tzinfo=ZONE)
    sets = [
        SetRecord(exercise, number, None, 20, count, None, None, start + timedelta(minutes=number))
        for number, count in enumerate(reps, 1)
    ]
    return SessionRecord(SessionInfo(f"s-{day}", "endurance", start), "completed", start, sets)


def test_days_on_x_and_one_line_per_set() -> None:
    log = [session(date(2026, 11, 2), 15, 14), session(date(2026, 11, 9), 17, 16, 12)]
    chart = set_chart(log, "glute-bridge")
    assert [line.set_number for line in chart.lines] == [1, 2, 3]
    assert chart.lines[0].days == [0, 7]
    assert chart.lines[0].values == [15, 17]
    assert chart.lines[2].days == [7]
    ticks, labels = chart.x_ticks()
    assert labels[0] == "2 Nov"
    assert labels[-1] == "9 Nov"
    assert all(t == int(t) for t in ticks)


def test_y_ticks_are_whole_and_few() -> None:
    log = [session(date(2026, 11, d), 10 + d) for d in range(1, 29, 3)]
    ticks, labels = set_chart(log, "glute-bridge").y_ticks()
    assert 2 <= len(ticks) <= 6
    assert all(label.isdigit() for label in labels)
    assert all(t == int(t) for t in ticks)
    low, high = set_chart(log, "glute-bridge").y_range()
    assert low <= 11
    assert high >= 38


def test_a_single_session_has_a_range_around_it() -> None:
    chart = set_chart([session(date(2026, 11, 2), 15)], "glute-bridge")
    low, high = chart.x_range()
    assert low < 0 < high
    y_low, y_high = chart.y_range()
    assert y_low < 15 < y_high
    assert chart.x_ticks() == ([0.0], ["2 Nov"])


def test_steps_are_round() -> None:
    assert [next_step(s) for s in (1, 2, 5, 10, 20, 50)] == [2, 5, 10, 20, 50, 100]
