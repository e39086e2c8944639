"""How hard it was, and the training load of runs and strength in one unit.

Effort is rated on the CR-10 scale (0-10). A session's load is its effort times its
minutes (session-RPE load, after Foster): 30 minutes at 5 ("hard") is 150.

- A strength session's effort is the one given at its summary; without one it counts
  at `STRENGTH_DEFAULT` (sets of 15-20 to near fatigue are hard work). Its minutes run
  from its start to its end (or its last set, for one that never ended), leaving out
  the spans it was set aside, and count up to `LONGEST_STRENGTH` at most: an imported
  session whose end was logged a day late is not a day of training. A recovery
  routine is not training and carries no load.
- A run's effort is the runner's when given; else estimated from the heart-rate
  reserve (`HRR_TABLE`) when its average heart rate and both `max_hr` and `rest_hr`
  are known; else the default for its kind (`KIND_EFFORT`). Planned runs and other
  sports carry no load.

The acute:chronic workload ratio compares the last 7 days' average daily load with the
last 28 days': above 1 the load is rising. It is given only once the log reaches back
28 days (before that every week looks like a sudden rise).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from runstrength.core.history import SessionSummary
from runstrength.core.runs import Activity, RunKind, RunSettings, run_kind

STRENGTH_DEFAULT = 5
"""The effort of a strength session that was not rated."""

LONGEST_STRENGTH = timedelta(hours=3)
"""The most time a strength session counts for (far beyond any program's length)."""

KIND_EFFORT: dict[RunKind, int] = {"easy": 3, "long": 5, "hard": 7, "race": 9}
"""The effort of a run not rated and without heart rate, by its kind."""

HRR_TABLE: tuple[tuple[float, int], ...] = (
    (0.95, 9),
    (0.90, 8),
    (0.85, 7),
    (0.80, 6),
    (0.70, 5),
    (0.60, 4),
    (0.50, 3),
    (0.0, 2),
)
"""Average heart rate as a share of the reserve (max - rest) above rest, from which
each effort holds: at least 95% is 9, 85-90% is 7, 60-70% is 4, under 50% is 2."""

ACUTE_DAYS, CHRONIC_DAYS = 7, 28
RATIO_BAND = (0.8, 1.3)
"""The range of the ratio in which load is building steadily."""
RATIO_WARN = 1.5
"""Above this, load is rising fast."""

EffortSource = Literal["given", "heart rate", "kind", "default"]


def session_load(effort: int, minutes: float) -> float:
    """Session-RPE load: effort x minutes."""
    return effort * minutes


def hrr_effort(avg_hr: float, max_hr: int, rest_hr: int) -> int | None:
    """The effort of an average heart rate by `HRR_TABLE`; None when max <= rest."""
    if max_hr <= rest_hr:
        return None
    share = (avg_hr - rest_hr) / (max_hr - rest_hr)
    for floor, effort in HRR_TABLE:
        if share >= floor:
            return effort
    return HRR_TABLE[-1][1]


def run_effort(run: Activity, settings: RunSettings) -> tuple[int, EffortSource]:
    """A run's effort and where it comes from: given, heart rate or its kind."""
    if run.effort is not None:
        return run.effort, "given"
    if run.avg_hr and settings.max_hr and settings.rest_hr:
        estimated = hrr_effort(run.avg_hr, settings.max_hr, settings.rest_hr)
        if estimated is not None:
            return estimated, "heart rate"
    return KIND_EFFORT[run_kind(run, settings)], "kind"


@dataclass(frozen=True)
class Bout:
    """One piece of training counted: a run or a strength session."""

    day: date
    what: Literal["run", "strength"]
    minutes: float
    effort: int
    source: EffortSource
    capped: bool = False
    """A strength session logged longer than `LONGEST_STRENGTH`, counted as that long."""

    @property
    def load(self) -> float:
        return session_load(self.effort, self.minutes)


def run_bouts(activities: Iterable[Activity], settings: RunSettings) -> list[Bout]:
    """Each completed run with a duration, as training counted."""
    bouts = []
    for run in activities:
        if not run.is_run or run.planned or not run.duration_s:
            continue
        effort, source = run_effort(run, settings)
        bouts.append(Bout(run.day, "run", run.duration_s / 60, effort, source))
    return bouts


def strength_bout(day: date, spent: timedelta | None, effort: int | None) -> Bout | None:
    """A strength session that took `spent` as training counted; None when it has no
    length."""
    if spent is None or spent <= timedelta(0):
        return None
    minutes = min(spent, LONGEST_STRENGTH).total_seconds() / 60
    capped = spent > LONGEST_STRENGTH
    if effort is None:
        return Bout(day, "strength", minutes, STRENGTH_DEFAULT, "default", capped)
    return Bout(day, "strength", minutes, effort, "given", capped)


def strength_bouts(sessions: Iterable[SessionSummary]) -> list[Bout]:
    """Each strength session with at least one set, as training counted (a session that
    never ended runs to its last set)."""
    bouts = []
    for session in sessions:
        if session.kind != "strength" or not session.sets:
            continue
        bout = strength_bout(session.date, session.time_spent, session.effort)
        if bout is not None:
            bouts.append(bout)
    return bouts


@dataclass(frozen=True)
class DayLoad:
    runs: float = 0.0
    strength: float = 0.0

    @property
    def total(self) -> float:
        return self.runs + self.strength


def daily_loads(bouts: Iterable[Bout]) -> dict[date, DayLoad]:
    days: dict[date, DayLoad] = {}
    for bout in bouts:
        day = days.get(bout.day, DayLoad())
        if bout.what == "run":
            days[bout.day] = DayLoad(day.runs + bout.load, day.strength)
        else:
            days[bout.day] = DayLoad(day.runs, day.strength + bout.load)
    return days


def _sum(days: Mapping[date, DayLoad], last: date, count: int) -> float:
    return sum(days[d].total for d in (last - timedelta(days=i) for i in range(count)) if d in days)


def acwr(days: Mapping[date, DayLoad], today: date) -> float | None:
    """The acute:chronic workload ratio on `today`: the average daily load of the 7 days
    ending today over that of the 28 days ending today. None while the log reaches back
    fewer than 28 days, or when there was no load in those 28 days."""
    if not days or min(days) > today - timedelta(days=CHRONIC_DAYS - 1):
        return None
    chronic = _sum(days, today, CHRONIC_DAYS) / CHRONIC_DAYS
    if chronic <= 0:
        return None
    return (_sum(days, today, ACUTE_DAYS) / ACUTE_DAYS) / chronic


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class WeekLoad:
    start: date
    """The week's Monday."""
    runs: float
    strength: float
    ratio: float | None
    """The ratio at the week's last day (today, for the week under way)."""

    @property
    def total(self) -> float:
        return self.runs + self.strength


def weekly_loads(days: Mapping[date, DayLoad], today: date, weeks: int) -> list[WeekLoad]:
    """The last `weeks` weeks (Monday to Sunday), oldest first, the current one last."""
    found = []
    this_week = monday(today)
    for back in range(weeks - 1, -1, -1):
        start = this_week - timedelta(weeks=back)
        in_week = [days[d] for d in (start + timedelta(days=i) for i in range(7)) if d in days]
        end = min(start + timedelta(days=6), today)
        found.append(
            WeekLoad(
                start,
                sum(d.runs for d in in_week),
                sum(d.strength for d in in_week),
                acwr(days, end),
            )
        )
    return found


def ratio_note(ratio: float | None) -> str:
    """What the ratio means, in a few words."""
    if ratio is None:
        return "not yet known: the log needs 28 days"
    if ratio > RATIO_WARN:
        return "load rising fast"
    if ratio > RATIO_BAND[1]:
        return "load rising"
    if ratio < RATIO_BAND[0]:
        return "load falling"
    return "steady"


def rising_fast(ratio: float | None) -> str | None:
    """Home's warning when the ratio is above 1.5: "load rising fast: 1.62"."""
    if ratio is None or ratio <= RATIO_WARN:
        return None
    return f"load rising fast: {ratio:.2f}"


@dataclass(frozen=True)
class LoadReport:
    """The weekly loads and today's ratio, as the load view and `runstrength load` show."""

    today: date
    weeks: list[WeekLoad]
    ratio: float | None
    counted_from: date | None
    """The first day with any load in the log (the ratio needs 28 days of it)."""
    capped: tuple[date, ...] = ()
    """The days, in the weeks shown, of strength sessions counted as `LONGEST_STRENGTH`
    though logged longer."""


def load_report(
    sessions: Iterable[SessionSummary],
    activities: Iterable[Activity],
    settings: RunSettings,
    today: date,
    weeks: int,
    first_day: date | None = None,
) -> LoadReport:
    """The last `weeks` weeks of load; `first_day`, the day the log starts, when the
    sessions and activities given are only those from `first_day_needed` on."""
    bouts = strength_bouts(sessions) + run_bouts(activities, settings)
    days = daily_loads(b for b in bouts if b.day <= today)
    start = min(days, default=None)
    if first_day is not None and (start is None or first_day < start):
        days.setdefault(first_day, DayLoad())  # the log reaches back that far
        start = first_day
    shown = weekly_loads(days, today, weeks)
    since = shown[0].start if shown else today
    capped = tuple(sorted({b.day for b in bouts if b.capped and since <= b.day <= today}))
    return LoadReport(today, shown, acwr(days, today), start, capped)


def first_day_needed(today: date, weeks: int) -> date:
    """The first day whose load the last `weeks` weeks and their ratios need."""
    return monday(today) - timedelta(weeks=weeks - 1, days=CHRONIC_DAYS)


def report_to_data(report: LoadReport) -> dict[str, object]:
    """The report as `runstrength load --json` prints it."""
    return {
        "today": report.today.isoformat(),
        "ratio": None if report.ratio is None else round(report.ratio, 2),
        "ratio_note": ratio_note(report.ratio),
        "band": list(RATIO_BAND),
        "weeks": [
            {
                "week": week.start.isoformat(),
                "runs": round(week.runs),
                "strength": round(week.strength),
                "total": round(week.total),
                "ratio": None if week.ratio is None else round(week.ratio, 2),
            }
            for week in report.weeks
        ],
    }
