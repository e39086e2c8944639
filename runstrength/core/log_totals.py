"""Totals of a span of the log, from which the overview and progress screens are drawn.

A span's totals are small (a few numbers per exercise and day) and merge with those of
other spans into the totals of the whole log: each past year's are counted once, when
its file is written, and kept; only the current year's are counted from its sessions.
So the overview and the progress of an exercise cost the same at thirty years as at
ten. Each figure equals the one counted from every session (see `core/stats.py`).

A span's totals are plain JSON-ready data (`Part`), the form they are kept in. Days are
ordinals (`date.toordinal`); a "column" is a pair of lists [[day, ...], [count, ...]],
days in order, which reads back many times faster than an object keyed by day:

    training    column: strength sessions with a set per day
    exercises   exercise -> {
        last:   [start, position]  its most recent session (start as a timestamp)
                                   and where in it the exercise first came
        first, final: the days of its first and last session
        reps:   column: reps done per day (a timed hold counts none); total: all of them
        points: set number -> column: the best of that set per day (reps or seconds)
        best:   [[band or null, amount, completed day, start, position], ...]
                the best set per band, the earliest winning a tie
        recent: [[start, every set reached its goal, band of its last set], ...]
                its last two sessions, oldest first
    }
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from runstrength.core.records import SessionRecord, SetRecord
from runstrength.core.stats import amount, reached_target

VERSION = 2
"""Counted differently by another version: kept totals of another version are recounted."""

Part = dict[str, Any]


def totals_of(sessions: Iterable[SessionRecord]) -> Part:
    """The totals of a span of sessions (in any order)."""
    training: dict[int, int] = {}
    exercises: dict[str, Part] = {}
    for session in sessions:
        day = session.date.toordinal()
        if session.is_training:
            training[day] = training.get(day, 0) + 1
        start = session.info.started_at.timestamp()
        done_here: dict[str, list[SetRecord]] = {}
        for position, record in enumerate(session.sets):
            totals = exercises.get(record.exercise)
            if totals is None:
                totals = exercises[record.exercise] = _empty(day)
            mine = done_here.setdefault(record.exercise, [])
            if not mine:
                _count_session(totals, day, start, position)
            mine.append(record)
            _count_set(totals, day, start, position, record)
        for exercise, records in done_here.items():
            reached = all(reached_target(r) for r in records)
            _keep_recent(exercises[exercise]["recent"], [[start, reached, records[-1].band]])
    for totals in exercises.values():
        totals["reps"] = _column(totals["reps"])
        totals["points"] = {str(n): _column(line) for n, line in sorted(totals["points"].items())}
    return {"training": _column(training), "exercises": exercises}


def _column(counts: dict[int, int]) -> list[list[int]]:
    days = sorted(counts)
    return [days, [counts[day] for day in days]]


def _empty(day: int) -> Part:
    return {
        "last": None,
        "first": day,
        "final": day,
        "reps": {},
        "total": 0,
        "points": {},
        "best": [],
        "recent": [],
    }


def _count_session(totals: Part, day: int, start: float, position: int) -> None:
    totals["first"] = min(totals["first"], day)
    totals["final"] = max(totals["final"], day)
    totals["last"] = _later(totals["last"], [start, position])


def _later(kept: list[float] | None, other: list[float] | None) -> list[float] | None:
    """The more recent session's [start, position]; of one session, the first position."""
    if kept is None or other is None:
        return kept or other
    if other[0] != kept[0]:
        return other if other[0] > kept[0] else kept
    return other if other[1] < kept[1] else kept


def _count_set(totals: Part, day: int, start: float, position: int, record: SetRecord) -> None:
    if record.reps:
        totals["reps"][day] = totals["reps"].get(day, 0) + record.reps
        totals["total"] += record.reps
    value = amount(record)
    line = totals["points"].setdefault(record.set, {})
    line[day] = max(line.get(day, 0), value)
    done_on = record.completed_at.date().toordinal()
    _keep_best(totals["best"], [record.band, value, done_on, start, position])


def _keep_best(best: list[list[Any]], entry: list[Any]) -> None:
    """The best per band: the greater amount; of equal ones, the earlier set."""
    for index, kept in enumerate(best):
        if kept[0] == entry[0]:
            if entry[1] > kept[1] or (entry[1] == kept[1] and entry[3:5] < kept[3:5]):
                best[index] = entry
            return
    best.append(entry)


def _keep_recent(recent: list[list[Any]], more: list[list[Any]]) -> None:
    recent[:] = sorted([*recent, *more], key=lambda entry: float(entry[0]))[-2:]


@dataclass(frozen=True)
class BandBest:
    amount: int
    """Reps, or seconds held."""
    done_on: date


@dataclass(frozen=True)
class ExerciseTotals:
    """One exercise over the whole log: what its progress screen shows."""

    points: dict[int, dict[date, int]]
    """Per set number, the best of that set per day, days in order."""
    best: dict[str | None, BandBest]
    """The best set per band (None: bodyweight)."""
    recent: list[tuple[bool, str | None]]
    """Its last two sessions, oldest first: every set reached its goal, the last set's band."""


class LogTotals:
    """The totals of the whole log, from those of its spans (each counted once)."""

    def __init__(self, parts: Sequence[Part]) -> None:
        self.parts = list(parts)

    def training_days(self) -> dict[date, int]:
        """Strength sessions with a set, per day."""
        days: dict[int, int] = {}
        for part in self.parts:
            for day, count in zip(*part["training"], strict=True):
                days[day] = days.get(day, 0) + count
        return {date.fromordinal(day): count for day, count in sorted(days.items())}

    def exercise_ids(self) -> list[str]:
        """Every exercise with a set in the log, most recently done first."""
        last: dict[str, list[float] | None] = {}
        for part in self.parts:
            for exercise, totals in part["exercises"].items():
                last[exercise] = _later(last.get(exercise), totals["last"])
        # Most recent session first; within one session, in the order the sets came.
        ordered = sorted(
            ((value[0], value[1], exercise) for exercise, value in last.items() if value),
            key=lambda item: (-item[0], item[1]),
        )
        return [exercise for _, _, exercise in ordered]

    def reps(self, since: date, until: date) -> dict[str, int]:
        """Reps per exercise done between two days, inclusive."""
        low, high = since.toordinal(), until.toordinal()
        found: dict[str, int] = {}
        for part in self.parts:
            for exercise, totals in part["exercises"].items():
                if totals["final"] < low or totals["first"] > high:
                    continue
                if low <= totals["first"] and totals["final"] <= high:
                    count = int(totals["total"])
                else:
                    days, reps = totals["reps"]
                    count = sum(n for day, n in zip(days, reps, strict=True) if low <= day <= high)
                if count:
                    found[exercise] = found.get(exercise, 0) + count
        return found

    def exercise(self, exercise_id: str) -> ExerciseTotals:
        points: dict[int, dict[int, int]] = {}
        best: list[list[Any]] = []
        recent: list[list[Any]] = []
        for part in self.parts:
            totals = part["exercises"].get(exercise_id)
            if totals is None:
                continue
            for number, (days, values) in totals["points"].items():
                merged = points.setdefault(int(number), {})
                for day, value in zip(days, values, strict=True):
                    if value >= merged.get(day, 0):
                        merged[day] = value
            for entry in totals["best"]:
                _keep_best(best, list(entry))
            _keep_recent(recent, totals["recent"])
        return ExerciseTotals(
            points={
                number: {date.fromordinal(day): line[day] for day in sorted(line)}
                for number, line in sorted(points.items())
            },
            best={entry[0]: BandBest(entry[1], date.fromordinal(entry[2])) for entry in best},
            recent=[(bool(entry[1]), entry[2]) for entry in recent],
        )
