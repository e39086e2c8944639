"""The progress chart's numbers: one line per set number, days on the x axis, whole ticks.

Kept apart from the screen so its axes are tested directly: reps are whole numbers, the
x axis is dates (not session counts), and a single session still has a visible range.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from runstrength.core.records import SessionRecord
from runstrength.core.stats import amount

MAX_TICKS = 6
MAX_DATES = 4
"""Dates are wider than numbers: fewer of them, so none crowds the next."""
MAX_POINTS = 100
"""Points per line at most: about as many as a chart in 80 columns has dots across (two a
column). Over a longer history (eight months at three sessions a week) each point is the
best of a stretch of days, so drawing the chart costs the same at thirty years as at one."""


@dataclass(frozen=True)
class SetLine:
    set_number: int
    days: list[int]
    """Days since the chart's first day, one per session that did this set."""
    values: list[int]
    """The best of the set that day: reps, or seconds held."""


@dataclass(frozen=True)
class SetChart:
    first_day: date
    last_day: date
    lines: list[SetLine]

    def x_range(self) -> tuple[float, float]:
        span = (self.last_day - self.first_day).days
        pad = max(1.0, span * 0.04)
        return -pad, span + pad

    def y_range(self) -> tuple[int, int]:
        values = [v for line in self.lines for v in line.values] or [0]
        low, high = min(values), max(values)
        pad = max(1, (high - low) // 8)
        return max(0, low - pad), high + pad

    def y_ticks(self) -> tuple[list[float], list[str]]:
        """Whole numbers only, at most MAX_TICKS of them."""
        low, high = self.y_range()
        step = 1
        while (high - low) // step + 1 > MAX_TICKS:
            step = next_step(step)
        start = (low + step - 1) // step * step
        ticks = list(range(start, high + 1, step))
        return [float(t) for t in ticks], [str(t) for t in ticks]

    def x_ticks(self) -> tuple[list[float], list[str]]:
        """Dates ('3 Nov'), at most MAX_DATES of them, the first and last day included."""
        span = (self.last_day - self.first_day).days
        if span == 0:
            return [0.0], [label(self.first_day, self.first_day)]
        count = min(MAX_DATES, span + 1)
        ticks = sorted({round(span * i / (count - 1)) for i in range(count)})
        days = [self.first_day + timedelta(days=t) for t in ticks]
        return [float(t) for t in ticks], [label(d, self.last_day) for d in days]


def next_step(step: int) -> int:
    """1, 2, 5, 10, 20, 50, …"""
    scale = 1
    while step >= scale * 10:
        scale *= 10
    lead = step // scale
    return (2 if lead == 1 else 5 if lead == 2 else 10) * scale


def label(day: date, last: date) -> str:
    return f"{day.day} {day:%b}" if day.year == last.year else f"{day:%b %Y}"


def set_chart(sessions: list[SessionRecord], exercise_id: str) -> SetChart:
    """The best of each set number per day the exercise was done, oldest first."""
    points: dict[int, dict[date, int]] = {}
    for session in sessions:
        for record in session.sets:
            if record.exercise == exercise_id:
                line = points.setdefault(record.set, {})
                line[session.date] = max(line.get(session.date, 0), amount(record))
    return chart_of(points)


def chart_of(points: Mapping[int, Mapping[date, int]]) -> SetChart:
    """The chart of the best of each set number per day (see `set_chart`); a line of more
    than MAX_POINTS days shows the best of each stretch of days instead, at its day."""
    days = [day for line in points.values() for day in line]
    if not days:
        return SetChart(date.min, date.min, [])
    first, last = min(days), max(days)
    stretch = -(-((last - first).days + 1) // MAX_POINTS)  # days per point, rounded up
    lines = []
    for number in sorted(points):
        line = points[number]
        best: dict[int, tuple[int, int]] = {}  # stretch -> (day, value)
        for day in sorted(line):
            offset = (day - first).days
            key = offset // stretch if len(line) > MAX_POINTS else offset
            if key not in best or line[day] > best[key][1]:
                best[key] = (offset, line[day])
        lines.append(SetLine(number, [d for d, _ in best.values()], [v for _, v in best.values()]))
    return SetChart(first, last, lines)
