"""Suggested strength days: as many a week as asked, where every rule allows them.

The weeks are calendar weeks, Monday to Sunday, as the calendar and the load count
them: the first is the one holding the first day, from that day on. A day qualifies
when the rest-day rule and the running rules allow a session there
(`restdays.can_schedule`); two suggested days are never next to each other (the day
after a strength day is a rest day). Sessions already logged or scheduled in a week
count toward its number. Among the sets of days that reach the most sessions, hard-run
days are preferred, then days spread apart. The choice is exact: each week's sets are
tried against the two ways the week before can end (with a suggested last day or not).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations, pairwise

from runstrength.core.restdays import TrainingDays, can_schedule

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class WeekPlan:
    start: date
    """Its Monday (the first week's days start later: from the first day asked for)."""
    wanted: int
    """Sessions asked for this week beyond those already logged or scheduled."""
    days: tuple[date, ...]

    @property
    def short(self) -> bool:
        return len(self.days) < self.wanted


@dataclass(frozen=True)
class Suggestion:
    weeks: tuple[WeekPlan, ...]

    @property
    def days(self) -> list[date]:
        return [day for week in self.weeks for day in week.days]

    @property
    def short_weeks(self) -> list[WeekPlan]:
        return [week for week in self.weeks if week.short]


def _score(days: TrainingDays, chosen: tuple[date, ...]) -> tuple[int, int, int]:
    """More hard-run days, then the widest smallest gap, then the earliest days."""
    hard = sum(1 for d in chosen if (mark := days.runs.get(d)) is not None and mark.kind == "hard")
    gaps = [(b - a).days for a, b in pairwise(chosen)]
    return hard, min(gaps) if gaps else 7, -sum(d.toordinal() for d in chosen)


def suggest(days: TrainingDays, start: date, weeks: int = 2, per_week: int = 2) -> Suggestion:
    """Strength days for `weeks` calendar weeks, the first from `start` (not before
    today), that keep every rule."""
    first = max(start, days.today)
    monday = first - timedelta(days=first.weekday())
    whole = [[monday + timedelta(days=7 * w + i) for i in range(7)] for w in range(weeks)]
    spans = [[d for d in week if d >= first] for week in whole]
    existing = set(days.logged) | set(days.scheduled)
    # best[ends_on_last_day] = (count, scores, picks) over the weeks so far
    Best = tuple[int, tuple[tuple[int, int, int], ...], tuple[tuple[date, ...], ...]]
    best: dict[bool, Best] = {False: (0, (), ())}
    for span, week in zip(spans, whole, strict=True):
        wanted = max(0, per_week - sum(1 for d in week if d in existing))
        open_days = [d for d in span if can_schedule(days, d).allowed]
        options = [
            combo
            for size in range(min(wanted, len(open_days)), -1, -1)
            for combo in combinations(open_days, size)
            if all((b - a).days > 1 for a, b in pairwise(combo))
        ]
        following: dict[bool, Best] = {}
        for ended_on_last, (count, scores, picks) in best.items():
            for combo in options:
                if ended_on_last and combo and combo[0] == span[0]:
                    continue
                candidate: Best = (
                    count + len(combo),
                    (*scores, _score(days, combo)),
                    (*picks, combo),
                )
                ends = bool(combo) and combo[-1] == span[-1]
                held = following.get(ends)
                if held is None or candidate[:2] > held[:2]:
                    following[ends] = candidate
        best = following
    _count, _scores, picks = max(best.values(), key=lambda b: b[:2])
    plans = []
    for week, combo in zip(whole, picks, strict=True):
        wanted = max(0, per_week - sum(1 for d in week if d in existing))
        plans.append(WeekPlan(week[0], wanted, combo))
    return Suggestion(tuple(plans))
