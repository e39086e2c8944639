"""Runs and other activities: what the log keeps of each, and the kind of a run.

A run's kind (race, long, hard or easy) drives the rules that place strength days
around the running week (`core.runrules`). It comes from a mark set by hand, else the
strongest of what the title names (`core.run_titles`), the plan the run was done for,
the duration and the average heart rate, else it is an easy run.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable
from datetime import date, datetime, timedelta
from functools import cache
from typing import Literal, NamedTuple

from runstrength.core import wording
from runstrength.core.run_titles import title_kind

RunKind = Literal["race", "long", "hard", "easy"]
KINDS: tuple[RunKind, ...] = ("race", "long", "hard", "easy")
"""Strongest first: when a day holds several runs, the first kind here counts."""

RUNNING = "running"
SPORTS = ("running", "cycling", "walking", "hiking", "swimming", "other")


@cache
def _distance() -> re.Pattern[str]:
    return re.compile(r"(\d+(?:[.,]\d+)?)\s*(km|k|mi|miles?)\b", re.IGNORECASE)


METRES_PER_MILE = 1609.344


class RunSettings(NamedTuple):
    """The settings the kinds and rules read."""

    long_run_minutes: int = 90
    max_hr: int | None = None
    rest_hr: int | None = None
    taper_days: int = 7

    def hard_hr(self) -> float | None:
        """The average heart rate from which a run is hard: 85% of the maximum, or of the
        reserve above the resting rate when that is known too."""
        if not self.max_hr:
            return None
        rest = self.rest_hr or 0
        return rest + 0.85 * (self.max_hr - rest)


class Activity(NamedTuple):
    """A completed or planned activity. Only those of sport "running" are runs.

    A completed activity has its `start` with its UTC offset, and its `day` is the local
    date it started on. A planned one may have only a day (an all-day calendar event).
    """

    id: str
    day: date
    sport: str = RUNNING
    title: str = ""
    start: datetime | None = None
    duration_s: float | None = None
    distance_m: float | None = None
    avg_hr: float | None = None
    source: str = ""
    """The file it was read from, or the calendar it was planned in."""
    planned: bool = False
    uid: str | None = None
    """A planned run's calendar event UID."""
    kind: RunKind | None = None
    """A kind set by hand; None: worked out from the title, duration and heart rate."""
    effort: int | None = None
    """How hard it was (CR-10, 0-10) as the runner rated it; None: estimated."""

    @property
    def is_run(self) -> bool:
        return self.sport == RUNNING


def kind_from_title(title: str) -> RunKind | None:
    """The kind the title names (`core.run_titles`), or None."""
    found = title_kind(title)
    return None if found is None else found.kind


class KindWhy(NamedTuple):
    """A run's kind and what decided it, in a runner's words."""

    kind: RunKind
    why: str


def kind_phrase(kind: RunKind) -> str:
    """ "a race", "an easy run", "a long run": the kind as a sentence says it."""
    return "a race" if kind == "race" else f"{'an' if kind == 'easy' else 'a'} {kind} run"


def kind_why(run: Activity, settings: RunSettings, plan: Activity | None = None) -> KindWhy:
    """The kind of a run and why: a mark set by hand wins; else the strongest of what
    its title names, the planned run it stands in for (`plan`, one of the same day),
    its length and its average heart rate; else it is an easy run."""
    if run.kind is not None:
        return KindWhy(run.kind, "set by hand")
    found: list[KindWhy] = []
    titled = title_kind(run.title)
    if titled is not None:
        found.append(KindWhy(titled.kind, f'its title says "{titled.words}"'))
    if plan is not None and not run.planned:
        planned = kind_why(plan, settings)
        if planned.kind != "easy":
            named = f' "{plan.title}"' if plan.title else ""
            found.append(KindWhy(planned.kind, f"planned as {kind_phrase(planned.kind)}{named}"))
    if run.duration_s is not None and run.duration_s >= settings.long_run_minutes * 60:
        found.append(
            KindWhy(
                "long",
                f"{format_duration(run.duration_s)} long: from {settings.long_run_minutes} min "
                "a run is long",
            )
        )
    hard_hr = settings.hard_hr()
    if run.avg_hr is not None and hard_hr is not None and run.avg_hr >= hard_hr:
        found.append(
            KindWhy("hard", f"average heart rate {run.avg_hr:.0f}: from {hard_hr:.0f} it is hard")
        )
    if not found:
        return KindWhy("easy", "nothing in its title, length or heart rate makes it more")
    return min(found, key=lambda reason: KINDS.index(reason.kind))


def run_kind(run: Activity, settings: RunSettings, plan: Activity | None = None) -> RunKind:
    """The kind of a run (see `kind_why`)."""
    return kind_why(run, settings, plan).kind


class PlanPairs(NamedTuple):
    """Planned runs and the completed runs of their day that stand in for them."""

    done: dict[str, Activity]
    """A planned run's id: the completed run done on its day (the longest there)."""
    planned_as: dict[str, Activity]
    """A completed run's id: the planned run of its day it stands in for."""


def plan_pairs(activities: Iterable[Activity]) -> PlanPairs:
    """Which planned runs were done: a completed run on the day of a planned one stands
    in for it (the longest when there are several; several plans go to that one)."""
    plans: dict[date, list[Activity]] = {}
    longest: dict[date, Activity] = {}
    for activity in activities:
        if not activity.is_run:
            continue
        if activity.planned:
            plans.setdefault(activity.day, []).append(activity)
            continue
        best = longest.get(activity.day)
        if best is None or (activity.duration_s or 0) > (best.duration_s or 0):
            longest[activity.day] = activity
    done: dict[str, Activity] = {}
    planned_as: dict[str, Activity] = {}
    for day, planned in plans.items():
        completed = longest.get(day)
        if completed is None:
            continue
        for plan in planned:
            done[plan.id] = completed
        planned_as[completed.id] = planned[0]
    return PlanPairs(done, planned_as)


def distance_in_text(text: str) -> float | None:
    """Metres named in a title such as "Long run 24 km" or "10 mi tempo", else None."""
    found = _distance().search(text)
    if found is None:
        return None
    number = float(found.group(1).replace(",", "."))
    unit = found.group(2).lower()
    return number * METRES_PER_MILE if unit.startswith("mi") else number * 1000


def format_distance(metres: float | None) -> str:
    """ "8 km", "21.1 km"; empty when unknown (said as everywhere: `wording`)."""
    return wording.format_distance(metres)


def local_start(activity: Activity) -> datetime | None:
    """When it started, on this computer's clock: the file keeps the UTC offset of where
    it was recorded, a runner reads the time of where they are (this zone's rule for that
    moment, summer time included). None when it has no start (a plan for a whole day)."""
    return None if activity.start is None else activity.start.astimezone()


def start_text(activity: Activity) -> str:
    """Its start in local time, "19:10"; with the local weekday before it when that is not
    the activity's day ("Sat 23:10" for a run of Sunday where it was recorded, a day
    at most away); empty when it has no start."""
    start = local_start(activity)
    if start is None:
        return ""
    return f"{start:%H:%M}" if start.date() == activity.day else f"{start:%a %H:%M}"


def format_duration(seconds: float | None) -> str:
    if seconds is None:
        return ""
    minutes = round(seconds / 60)
    return f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"


class RunMark(NamedTuple):
    """The run that counts on a day for the rules: the strongest kind there."""

    kind: RunKind
    title: str = ""
    distance_m: float | None = None
    planned: bool = False

    def describe(self) -> str:
        """'long run "Sunday long" (24 km)' ."""
        what = "race" if self.kind == "race" else f"{self.kind} run"
        if self.planned:
            what = f"planned {what}"
        title = f' "{self.title}"' if self.title else ""
        distance = format_distance(self.distance_m)
        return f"{what}{title}" + (f" ({distance})" if distance else "")


def run_marks(activities: Iterable[Activity], settings: RunSettings) -> dict[date, RunMark]:
    """Each day with a run, with the run that counts there (the strongest kind).

    A planned run done (a completed run on its day, see `plan_pairs`) counts as that
    run, which takes the plan's kind when its own says less. A planned run whose day
    has passed with no run logged, though activities are logged after it, was skipped:
    it counts no more. Without any logged since, it counts as planned: the runner may
    simply not have imported it yet.
    """
    chosen = [activity for activity in activities if activity.is_run or not activity.planned]
    pairs = plan_pairs(chosen)
    last_logged = max((a.day for a in chosen if not a.planned), default=None)
    marks: dict[date, RunMark] = {}
    for activity in chosen:
        if not activity.is_run:
            continue
        if activity.planned and (
            activity.id in pairs.done or (last_logged is not None and activity.day < last_logged)
        ):
            continue
        kind = run_kind(activity, settings, pairs.planned_as.get(activity.id))
        mark = RunMark(kind, activity.title, activity.distance_m, activity.planned)
        current = marks.get(activity.day)
        if current is None or KINDS.index(kind) < KINDS.index(current.kind):
            marks[activity.day] = mark
    return marks


def as_kind(text: str) -> RunKind | None:
    """A kind name as typed, or None when it is not one."""
    name = text.strip().lower()
    return name if name in KINDS else None


def sport_of(name: str | None) -> str:
    """One of SPORTS from the names devices and apps write ("Running", "run", "trail_running",
    "Ride", "Virtual Run", FIT's "running" ...); "other" for anything else."""
    if not name:
        return "other"
    text = name.strip().lower().replace("_", " ")
    if "run" in text or text in ("jog", "jogging", "treadmill"):
        return "running"
    if "cycl" in text or "ride" in text or "bik" in text:
        return "cycling"
    if "walk" in text:
        return "walking"
    if "hik" in text:
        return "hiking"
    if "swim" in text:
        return "swimming"
    return "other"


CLOCK_MARGIN = timedelta(minutes=5)
"""How far past now a finished activity may seem to end and still be logged. A watch sets
its clock from GPS; a computer's may run a few minutes behind, and a run synced as soon as
it is saved must not be refused for that. A wrong clock or time zone is an hour or more
off, far past this."""
LONGEST_SECONDS = 366 * 24 * 3600


def _moment(when: datetime, now: datetime) -> str:
    return f"{when:%Y-%m-%d %H:%M}" if when.date() != now.date() else f"{when:%H:%M}"


def future_reason(activity: Activity, now: datetime) -> str | None:
    """Why a completed activity cannot be logged as done: it ends later than `now` (past
    CLOCK_MARGIN), which only a device with a wrong clock or a bad file can make; None when
    it can be. A planned run is meant to be in the future: never refused here."""
    if activity.planned or activity.start is None:
        return None
    start = activity.start.astimezone(now.tzinfo)
    seconds = activity.duration_s or 0.0
    # A duration that cannot be (negative, not a number, centuries) counts as none.
    fits = math.isfinite(seconds) and 0 < seconds < LONGEST_SECONDS
    end = start + timedelta(seconds=seconds if fits else 0)
    if end <= now + CLOCK_MARGIN:
        return None
    when = f"{start:%Y-%m-%d %H:%M}"
    if start <= now + CLOCK_MARGIN:  # it began before now but lasts past it
        when += f" and ends {_moment(end, start)}"
    return (
        f"is dated {when}, later than now ({now:%Y-%m-%d %H:%M}): a finished activity "
        "cannot be in the future; is the device's clock right?"
    )


SAME_START_SECONDS = 120
"""Two recordings of one activity (a watch's FIT and an app's GPX) start this close."""


def same_activity(a: Activity, b: Activity) -> bool:
    """Whether two completed activities are one: starts within two minutes, and durations
    (when both are known) within two minutes or a tenth of each other."""
    if a.start is None or b.start is None or a.planned or b.planned:
        return False
    if abs((a.start - b.start).total_seconds()) > SAME_START_SECONDS:
        return False
    if a.duration_s is None or b.duration_s is None:
        return True
    gap = abs(a.duration_s - b.duration_s)
    return gap <= max(SAME_START_SECONDS, 0.1 * max(a.duration_s, b.duration_s))


def activity_id(start: datetime, taken: Collection[str] = ()) -> str:
    """A short id from the local start ("20261128-0715"), with "-2", "-3" when taken."""
    base = f"{start:%Y%m%d-%H%M}"
    ident, n = base, 1
    while ident in taken:
        n += 1
        ident = f"{base}-{n}"
    return ident


class ActivityIndex:
    """Completed activities by start, to find the one an activity repeats quickly."""

    def __init__(self, activities: Iterable[Activity] = ()) -> None:
        self._buckets: dict[int, list[Activity]] = {}
        for activity in activities:
            self.add(activity)

    @staticmethod
    def _bucket(activity: Activity) -> int | None:
        if activity.start is None or activity.planned:
            return None
        return int(activity.start.timestamp() // SAME_START_SECONDS)

    def add(self, activity: Activity) -> None:
        bucket = self._bucket(activity)
        if bucket is not None:
            self._buckets.setdefault(bucket, []).append(activity)

    def holds(self, activity: Activity) -> bool:
        """Whether an activity already indexed is the same as this one."""
        bucket = self._bucket(activity)
        if bucket is None:
            return False
        return any(
            same_activity(activity, other)
            for near in (bucket - 1, bucket, bucket + 1)
            for other in self._buckets.get(near, ())
        )
