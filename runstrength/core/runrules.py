"""The running rules: which days a strength session would hurt a key run.

On top of the rest day (which stays absolute, see `core.restdays`):
  1. no strength on the day of a long run or a race;
  2. none on the day before a long run, a hard run or a race;
  3. none on the day after a long run or a race;
  4. none in the `taper_days` before a race;
  5. a strength session on a hard-run or easy-run day is fine.
Pure functions over a map of days to the run that counts on each (`core.runs.run_marks`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Literal, NamedTuple

from runstrength.core.runs import RunMark

ONE_DAY = timedelta(days=1)

RunCauseKind = Literal["run-day", "run-before", "run-after", "taper"]
RUN_CAUSES: tuple[RunCauseKind, ...] = ("run-day", "run-before", "run-after", "taper")
KEY_RUNS = ("race", "long")


class RunCause(NamedTuple):
    """A run that keeps a day free of strength work: which rule, and the run's day."""

    kind: RunCauseKind
    day: date
    run: RunMark
    taper_days: int = 7
    program: str = ""

    def describe(self, target: date) -> str:
        """Why `target` is refused, in a runner's words."""
        from runstrength.core.restdays import format_day

        what = self.run.describe()
        on = format_day(self.day)
        if self.kind == "run-day":
            return f"{format_day(target)} has your {what}: no strength on a long run or race day"
        if self.kind == "run-before":
            return (
                f"{format_day(target)} is the day before your {what} on {on}: "
                "keep the legs fresh for it"
            )
        if self.kind == "run-after":
            return f"{format_day(target)} is the day after your {what} on {on}: recover first"
        return (
            f"{format_day(target)} is in the {self.taper_days}-day strength taper before "
            f"your {what} on {on}"
        )

    def short(self) -> str:
        """Which run keeps the day free, without the day itself: for a day already named."""
        from runstrength.core.restdays import format_day

        what = self.run.describe()
        if self.kind == "run-day":
            return f"the day of your {what}"
        if self.kind == "run-before":
            return f"the day before your {what}"
        if self.kind == "run-after":
            return f"the day after your {what}"
        return f"in the {self.taper_days}-day taper before your {what} on {format_day(self.day)}"


def run_cause(runs: Mapping[date, RunMark], day: date, taper_days: int = 7) -> RunCause | None:
    """The first running rule that keeps `day` free of strength work, or None."""
    if not runs:
        return None
    here = runs.get(day)
    if here is not None and here.kind in KEY_RUNS:
        return RunCause("run-day", day, here, taper_days)
    after = runs.get(day + ONE_DAY)
    if after is not None and after.kind != "easy":
        return RunCause("run-before", day + ONE_DAY, after, taper_days)
    before = runs.get(day - ONE_DAY)
    if before is not None and before.kind in KEY_RUNS:
        return RunCause("run-after", day - ONE_DAY, before, taper_days)
    for ahead in range(2, taper_days + 1):
        race_day = day + timedelta(days=ahead)
        race = runs.get(race_day)
        if race is not None and race.kind == "race":
            return RunCause("taper", race_day, race, taper_days)
    return None


KIND_LABELS = {"race": "Race", "long": "Long run", "hard": "Hard run", "easy": "Easy run"}


def _when(day: date, today: date) -> str:
    gap = (day - today).days
    if gap == 0:
        return "today"
    if gap == 1:
        return "tomorrow"
    if gap == -1:
        return "yesterday"
    if 1 < gap < 7:
        return f"on {day:%A}"
    return f"on {day:%a} {day.day} {day:%b}"


def run_headline(run: RunMark, when: str) -> str:
    """ "Long run tomorrow (24 km)", "Easy run today"."""
    from runstrength.core.runs import format_distance

    distance = format_distance(run.distance_m)
    return f"{KIND_LABELS[run.kind]} {when}" + (f" ({distance})" if distance else "")


def headline(cause: RunCause, today: date, next_allowed: date | None) -> str:
    """Today in one line: "Long run tomorrow (24 km): no strength today; next possible
    Thursday"."""
    run = run_headline(cause.run, _when(cause.day, today))
    if next_allowed is None:
        return f"{run}: no strength today"
    return (
        f"{run}: no strength today; next possible {_when(next_allowed, today).removeprefix('on ')}"
    )
