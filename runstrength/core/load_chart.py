"""The load view's chart in numbers: the weekly bars, a left axis of round steps from 0
to at least the tallest week, the ratio's right axis, and what to say instead when there
is nothing to draw.

Kept apart from the screen so its axes are tested directly. The plot library sizes an
axis to the data alone and drops any tick outside it (or draws one just past it over
the title): a short log's axis came out as a bare "0". So the left axis is given its
range along with its ticks, and always has a bottom and a top.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from runstrength.core.load import RATIO_BAND, RATIO_WARN, LoadReport
from runstrength.core.progress_chart import next_step

FIRST_STEP = 10
"""The smallest step of the load axis: loads are effort x minutes, tens for a short bout."""
MAX_STEPS = 4
"""Steps of the load axis at most: five labels fit the shortest chart."""
DATES = 6
"""About this many week labels under the bars, so none crowds the next."""
RATIO_TOP = 2.0
"""The ratio axis reaches at least this high (past the 1.5 warning line)."""


@dataclass(frozen=True)
class LoadChart:
    positions: list[float]
    """Where each week's bar stands, 1 for the oldest."""
    runs: list[int]
    strength: list[int]
    week_ticks: list[float]
    week_labels: list[str]
    load_ticks: list[float]
    load_labels: list[str]
    load_range: tuple[float, float]
    """From 0 to the top tick, which no week passes."""
    ratio_points: list[tuple[float, float]]
    """(position, ratio) of each week whose ratio is known."""
    ratio_ticks: list[float]
    ratio_range: tuple[float, float]
    empty: str = ""
    """What to say instead of the chart when there is nothing to draw."""

    @property
    def x_range(self) -> tuple[float, float]:
        """Half a bar's room either side of the first and last weeks."""
        if not self.positions:
            return 0.5, 1.5
        return self.positions[0] - 0.5, self.positions[-1] + 0.5


def load_axis(top: float) -> list[int]:
    """Round steps (10, 20, 50, 100, 200 ... apart) from 0 to the first at or above `top`:
    a bottom and a top always, at most MAX_STEPS steps."""
    step = FIRST_STEP
    while top / step > MAX_STEPS:
        step = next_step(step)
    steps = max(1, math.ceil(top / step))
    return [step * n for n in range(steps + 1)]


def nothing_to_draw(report: LoadReport) -> str:
    """Why the chart would be blank (empty when there is something to draw)."""
    if report.counted_from is None:
        return "No load yet: it counts logged strength sessions and completed runs."
    weeks = report.weeks
    if any(week.total > 0 or week.ratio is not None for week in weeks):
        return ""
    span = "this week" if len(weeks) == 1 else f"the last {len(weeks)} weeks"
    return f"No load in {span}: the log's sessions and runs are older."


def load_chart(report: LoadReport) -> LoadChart:
    """The chart of the report's weeks, oldest first; `empty` says why when it is blank."""
    weeks = report.weeks
    positions = [float(n) for n in range(1, len(weeks) + 1)]
    runs = [round(week.runs) for week in weeks]
    strength = [round(week.strength) for week in weeks]
    ticks = load_axis(max((r + s for r, s in zip(runs, strength, strict=True)), default=0))
    every = max(1, len(weeks) // DATES)
    known = [(x, w.ratio) for x, w in zip(positions, weeks, strict=True) if w.ratio is not None]
    low, high = RATIO_BAND
    return LoadChart(
        positions=positions,
        runs=runs,
        strength=strength,
        week_ticks=positions[::every],
        week_labels=[f"{week.start:%d %b}" for week in weeks][::every],
        load_ticks=[float(t) for t in ticks],
        load_labels=[str(t) for t in ticks],
        load_range=(0.0, float(ticks[-1])),
        ratio_points=known,
        ratio_ticks=[0.0, low, high, RATIO_WARN],
        ratio_range=(0.0, max([RATIO_TOP, *(r + 0.2 for _, r in known)])),
        empty=nothing_to_draw(report),
    )
