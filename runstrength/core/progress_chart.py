"""The progress chart's numbers: one line per set number, days on the x axis, whole ticks.

Kept apart from the screen so its axes are tested directly: reps are whole numbers, the
x axis is dates (not session counts), and a single session still has a visible range.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from runstrength.core.records import SessionRecord
from runstrength.core.stats import amount

MAX_TICKS = 6
MAX_DATES = 4
"""Dates are wider than numbers: fewer of them, so none crowds the next."""


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
    """The best of each set number per session that did the exercise, oldest first."""
    done = sorted(
        (s for s in sessions if any(r.exercise == exercise_id for r in s.sets)),
        key=lambda s: s.info.started_at,
    )
    if not done:
        return SetChart(date.min, date.min, [])
    first, last = done[0].date, done[-1].date
    numbers = sorted({r.set for s in done for r in s.sets if r.exercise == exercise_id})
    lines = []
    for number in numbers:
        best: dict[int, int] = {}
        for session in done:
            values = [
                amount(r) for r in session.sets if r.exercise == exercise_id and r.set == number
            ]
            if values:
                day = (session.date - first).days
                best[day] = max(best.get(day, 0), *values)
        lines.append(SetLine(number, list(best), list(best.values())))
    return SetChart(first, last, lines)
