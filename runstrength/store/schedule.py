"""The schedule: planned session days in the log's `schedule` table, and the logged days.

A schedule entry is `{"date": "YYYY-MM-DD", "program": name}`, as in the interchange
format. Each change is one write to the log, as durable as a logged set. This module
does not judge whether a day is allowed (that is `core.restdays`); it only refuses a
second entry on the same day, so the one-session-a-day limit holds on disk too.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any, NamedTuple

from runstrength.core.codec import ScheduledDay, plan_to_data, read_plan
from runstrength.core.data_reader import Reader
from runstrength.core.restdays import TrainingDays, weekday_numbers
from runstrength.core.runs import RunSettings, run_marks
from runstrength.store.errors import BadRecord, BadRecordError
from runstrength.store.log import TrainingLog
from runstrength.store.schema import RULES

TABLE = "schedule"


class LoggedDay(NamedTuple):
    """The day of a logged strength session with at least one set."""

    day: date
    program: str
    session_id: str


class DayTakenError(Exception):
    """The day already has a scheduled session."""


class NotScheduledError(Exception):
    """No session is scheduled on that day."""


def _in_range(value: str, since: date | None, until: date | None) -> bool:
    return (since is None or value >= since.isoformat()) and (
        until is None or value <= until.isoformat()
    )


def _planned(doc: dict[str, Any]) -> ScheduledDay:
    """A plan from its (checked) document."""
    plan = read_plan(Reader(), doc, TABLE)
    assert plan is not None
    return plan


def _checked(log: TrainingLog, docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`docs` when each is a plan; BadRecordError naming the first that is not."""
    for doc in docs:
        problem = RULES[TABLE](doc)
        if problem is not None:
            raise BadRecordError(log.path, [BadRecord(log.path, TABLE, "", problem, doc)])
    return docs


def _on(docs: list[dict[str, Any]], day: date) -> dict[str, Any]:
    for doc in docs:
        if doc["date"] == day.isoformat():
            return doc
    raise NotScheduledError(f"no session is scheduled on {day.isoformat()}")


class Schedule:
    """Domain operations on the schedule table of one training log."""

    def __init__(self, log: TrainingLog) -> None:
        self.log = log

    def add(self, day: date, program: str) -> ScheduledDay:
        """Plan `program` on `day`; raises DayTakenError when the day already has one."""

        def edit(docs: list[dict[str, Any]]) -> None:
            if any(doc["date"] == day.isoformat() for doc in _checked(self.log, docs)):
                raise DayTakenError(f"{day.isoformat()} already has a scheduled session")
            docs.append(plan_to_data(plan))

        plan = ScheduledDay(day, program)
        self.log.change_documents(TABLE, edit)
        return plan

    def remove(self, day: date) -> ScheduledDay:
        """Drop the plan on `day` and return it; raises NotScheduledError when there is none."""

        def edit(docs: list[dict[str, Any]]) -> ScheduledDay:
            doc = _on(_checked(self.log, docs), day)
            docs.remove(doc)
            return _planned(doc)

        return self.log.change_documents(TABLE, edit)

    def move(self, day: date, to: date) -> ScheduledDay:
        """Move the plan on `day` to `to` in one write."""

        def edit(docs: list[dict[str, Any]]) -> ScheduledDay:
            if any(doc["date"] == to.isoformat() for doc in _checked(self.log, docs)):
                raise DayTakenError(f"{to.isoformat()} already has a scheduled session")
            doc = _on(docs, day)
            doc["date"] = to.isoformat()
            return _planned(doc)

        return self.log.change_documents(TABLE, edit)

    def between(self, since: date | None = None, until: date | None = None) -> list[ScheduledDay]:
        """Plans within [since, until] (either end open), by date."""
        docs = _checked(self.log, self.log.documents(TABLE))
        return sorted(_planned(doc) for doc in docs if _in_range(str(doc["date"]), since, until))

    def logged_days(self, since: date | None = None, until: date | None = None) -> list[LoggedDay]:
        """Days of logged strength sessions with at least one set (journal included), read
        without loading the sets. A recovery routine is not training: it never makes the
        next day a rest day.

        The day is the one stored with the session (its local start date), so a later
        change of time zone never moves it.
        """
        return sorted(LoggedDay(*found) for found in self.log.strength_days(since, until))

    def training_days(
        self,
        today: date,
        weekly_rest_days: Iterable[str] = (),
        since: date | None = None,
        runs: RunSettings | None = None,
    ) -> TrainingDays:
        """What the rest-day rule needs: logged days and plans from the day before today
        (or from `since`, to show an earlier month) onwards; with `runs`, the runs too,
        for the running rules."""
        start = today - timedelta(days=1)
        if since is not None:
            start = min(start, since)
        logged = {d.day: d.program for d in self.logged_days(start)}
        scheduled = {p.day: p.program for p in self.between(start)}
        days = TrainingDays(today, logged, scheduled, weekday_numbers(weekly_rest_days))
        if runs is None:
            return days
        from runstrength.store.runs import RunLog

        marks = run_marks(RunLog(self.log).between(start - timedelta(days=1)), runs)
        return days._replace(runs=marks, taper_days=runs.taper_days)
