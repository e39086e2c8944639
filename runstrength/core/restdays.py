"""The rest-day rule: after a strength day comes a day off, and plans must respect it.

Pure functions over dates: the days with a logged session (at least one set), the
scheduled days, the weekly rest days from the settings, and today. Every refusal
carries its reason (the session or setting that caused it) and the next allowed date.

A session's day is the local calendar date on which it started (`SessionInfo.date`);
it is stored with the session, so a later time-zone or DST change never moves it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from types import MappingProxyType
from typing import Literal, NamedTuple

from runstrength.core.runrules import RunCause, run_cause
from runstrength.core.runs import RunMark
from runstrength.core.settings import WEEKDAYS

ONE_DAY = timedelta(days=1)

CauseKind = Literal["past", "trained", "taken", "logged", "scheduled", "weekly"]


class Cause(NamedTuple):
    """What makes a day unavailable: a logged or scheduled session, a setting, or the past."""

    kind: CauseKind
    day: date
    program: str = ""

    def describe(self, target: date) -> str:
        """Why `target` is refused, in a runner's words."""
        day = format_day(self.day)
        what = f"the {self.program} session" if self.program else "the session"
        if self.kind == "past":
            return f"{format_day(target)} is in the past"
        if self.kind == "weekly":
            weekday = WEEKDAYS[target.weekday()].capitalize()
            return (
                f"{format_day(target)} is a rest day: {weekday} is a weekly rest day in your "
                "settings"
            )
        if self.kind in ("trained", "taken"):
            verb = "logged" if self.kind == "trained" else "scheduled"
            return f"{format_day(target)} already has {what} {verb} (one a day at most)"
        done = "logged" if self.kind == "logged" else "scheduled"
        if self.day < target:
            return f"{format_day(target)} is a rest day: it follows {what} {done} on {day}"
        return (
            f"{format_day(target)} must stay free: {what} {done} on {day} needs a rest day "
            "before it"
        )


class Verdict(NamedTuple):
    """The answer for one day: allowed, or refused with its cause and the next allowed date."""

    day: date
    cause: Cause | RunCause | None = None
    next_allowed: date | None = None

    @property
    def allowed(self) -> bool:
        return self.cause is None

    @property
    def reason(self) -> str:
        """Empty when allowed, else why the day is refused."""
        return "" if self.cause is None else self.cause.describe(self.day)

    @property
    def by_run(self) -> bool:
        """Refused by a running rule only (the `run_rules = "warn"` setting may ask instead)."""
        return isinstance(self.cause, RunCause)

    def message(self) -> str:
        """The reason and when a session is possible next (empty when allowed)."""
        if self.cause is None:
            return ""
        if self.next_allowed is None:
            return f"{self.reason}. No day is allowed: every weekday is a weekly rest day."
        return f"{self.reason}. Next session possible: {format_day(self.next_allowed)}."


class StartCheck(NamedTuple):
    """Whether a session may start today, and what it does to tomorrow's plan."""

    verdict: Verdict
    tomorrow_program: str | None = None
    """The program scheduled tomorrow: starting today turns tomorrow into a rest day."""
    move_to: date | None = None
    """Where tomorrow's plan can go once today is a strength day."""

    @property
    def allowed(self) -> bool:
        return self.verdict.allowed


class TrainingDays(NamedTuple):
    """Everything the rule looks at. Logged and scheduled days map to their program."""

    today: date
    logged: Mapping[date, str] = MappingProxyType({})
    scheduled: Mapping[date, str] = MappingProxyType({})
    weekly_rest_days: frozenset[int] = frozenset()
    """Weekday numbers (Monday is 0) never trained on."""
    runs: Mapping[date, RunMark] = MappingProxyType({})
    """The run that counts on each day with runs, for the running rules (`core.runrules`)."""
    taper_days: int = 7

    def with_logged(self, day: date, program: str) -> TrainingDays:
        return self._replace(logged={**self.logged, day: program})

    def with_scheduled(self, day: date, program: str) -> TrainingDays:
        return self._replace(scheduled={**self.scheduled, day: program})

    def without_scheduled(self, day: date) -> TrainingDays:
        return self._replace(scheduled={d: p for d, p in self.scheduled.items() if d != day})


def weekday_numbers(names: Iterable[str]) -> frozenset[int]:
    """("friday",) -> {4}; names are the settings' lowercase weekday names."""
    return frozenset(WEEKDAYS.index(name) for name in names)


def format_day(day: date) -> str:
    """A date people read and scripts parse: "Tue 24 Nov 2026 (2026-11-24)"."""
    return f"{day:%a} {day.day} {day:%b %Y} ({day.isoformat()})"


def _cause(days: TrainingDays, day: date) -> Cause | RunCause | None:
    """The first reason `day` cannot hold a new session, or None (the rest day first)."""
    if day < days.today:
        return Cause("past", day)
    if day in days.logged:
        return Cause("trained", day, days.logged[day])
    if day in days.scheduled:
        return Cause("taken", day, days.scheduled[day])
    before, after = day - ONE_DAY, day + ONE_DAY
    if before in days.logged:
        return Cause("logged", before, days.logged[before])
    if before in days.scheduled and before >= days.today:
        return Cause("scheduled", before, days.scheduled[before])
    if day.weekday() in days.weekly_rest_days:
        return Cause("weekly", day)
    if after in days.logged:
        return Cause("logged", after, days.logged[after])
    if after in days.scheduled:
        return Cause("scheduled", after, days.scheduled[after])
    return run_cause(days.runs, day, days.taper_days)


def next_allowed(days: TrainingDays, start: date) -> date | None:
    """The first day on or after `start` (and today) that may hold a new session.

    None only when every weekday is a weekly rest day.
    """
    if len(days.weekly_rest_days) >= 7:
        return None
    day = max(start, days.today)
    # Past the last planned day, at most a week of weekly rest days can follow.
    last = max([day, *days.scheduled, *days.logged, *days.runs]) + timedelta(days=9)
    while day <= last:
        if _cause(days, day) is None:
            return day
        day += ONE_DAY
    raise AssertionError("unreachable: a free day always exists after the last plan")


def next_session_day(days: TrainingDays, start: date) -> date | None:
    """The first day on or after `start` on which a session may happen: a free day, or a
    scheduled one that is not itself a rest day."""
    if len(days.weekly_rest_days) >= 7:
        return None
    day = max(start, days.today)
    while True:
        if day in days.scheduled and _scheduled_day_is_open(days, day):
            return day
        if _cause(days, day) is None:
            return day
        day += ONE_DAY


def _scheduled_day_is_open(days: TrainingDays, day: date) -> bool:
    before = day - ONE_DAY
    return (
        before not in days.logged
        and not (before in days.scheduled and before >= days.today)
        and day.weekday() not in days.weekly_rest_days
        and run_cause(days.runs, day, days.taper_days) is None
    )


def can_schedule(days: TrainingDays, day: date) -> Verdict:
    """May a session be scheduled on `day`? Refusals carry the cause and the next allowed day."""
    cause = _cause(days, day)
    if cause is None:
        return Verdict(day)
    return Verdict(day, cause, next_allowed(days, day + ONE_DAY))


def rest_day_cause(days: TrainingDays, day: date) -> Cause | None:
    """Why `day` is a rest day (a session logged the day before, or a weekly rest day)."""
    before = day - ONE_DAY
    if before in days.logged:
        return Cause("logged", before, days.logged[before])
    if day.weekday() in days.weekly_rest_days:
        return Cause("weekly", day)
    return None


def can_start_today(days: TrainingDays) -> StartCheck:
    """May a session start today? Refused on a rest day; warns when tomorrow is scheduled.

    A second session on a day already trained is allowed (it may finish an interrupted
    one); only the day after a strength day is closed.
    """
    today = days.today
    cause = rest_day_cause(days, today)
    if cause is not None:
        return StartCheck(Verdict(today, cause, next_session_day(days, today + ONE_DAY)))
    # The running rules hold for a second session too: legs trained again today are no
    # fresher for tomorrow's long run.
    by_run = run_cause(days.runs, today, days.taper_days)
    verdict = Verdict(today)
    if by_run is not None:  # refused; with run_rules = "warn" the runner may still start
        verdict = Verdict(today, by_run, next_session_day(days, today + ONE_DAY))
    tomorrow = today + ONE_DAY
    program = days.scheduled.get(tomorrow)
    if program is None or today in days.logged:
        # Trained today already: tomorrow is a rest day whatever comes next, nothing to ask.
        return StartCheck(verdict)
    after_start = days.without_scheduled(tomorrow).with_logged(today, program)
    return StartCheck(verdict, program, next_allowed(after_start, tomorrow + ONE_DAY))


class DayMarks(NamedTuple):
    """How a calendar shows one day."""

    trained: bool = False
    scheduled: str | None = None
    """The program planned on the day."""
    rest: bool = False
    """A rest day: after a logged or planned session, or a weekly rest day."""
    today: bool = False
    run: RunMark | None = None
    """The run that counts on the day (the strongest kind), if any."""


def day_marks(days: TrainingDays, day: date) -> DayMarks:
    before = day - ONE_DAY
    rest = (
        before in days.logged
        or (before in days.scheduled and before >= days.today)
        or day.weekday() in days.weekly_rest_days
    )
    return DayMarks(
        trained=day in days.logged,
        scheduled=days.scheduled.get(day),
        rest=rest,
        today=day == days.today,
        run=days.runs.get(day),
    )
