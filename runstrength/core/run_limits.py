"""What no finished activity can be: a file that says so is wrong (a watch whose clock was
never set counts from 1989-12-31, the FIT epoch; a corrupt record gives a 480-hour run at
250 bpm), and stored, it would outweigh every real week in the load.

`refusal` is why an activity is not logged: dated in the future (`runs.future_reason`)
or beyond these limits; None when it may be.
"""

from __future__ import annotations

import math
from datetime import date, datetime

from runstrength.core.runs import Activity, future_reason
from runstrength.core.wording import format_distance

EARLIEST = date(2000, 1, 1)
"""No file of a recorded activity is older: a date before it is a clock never set."""
LONGEST_HOURS = 7 * 24
"""The longest single activity (the longest mountain ultras take some 150 hours)."""
HIGHEST_HR = 230
"""An average heart rate no one keeps for a whole activity."""
FURTHEST_KM = 5000
"""Further than any one recorded activity goes (a run, a ride, a row)."""


def impossible_reason(activity: Activity) -> str | None:
    """Why a finished activity cannot be as its file says, or None. A planned run is
    judged by its calendar, not here."""
    if activity.planned:
        return None
    if activity.start is not None and activity.start.date() < EARLIEST:
        return (
            f"is dated {activity.start:%Y-%m-%d}, before {EARLIEST.year}: "
            "the device's clock was not set when it recorded"
        )
    seconds, metres = activity.duration_s, activity.distance_m
    if seconds is not None and math.isfinite(seconds) and seconds > LONGEST_HOURS * 3600:
        return f"lasts {seconds / 3600:,.0f} hours: no activity lasts over {LONGEST_HOURS}"
    if activity.avg_hr is not None and activity.avg_hr > HIGHEST_HR:
        return (
            f"has an average heart rate of {activity.avg_hr:.0f} bpm: no heart keeps over "
            f"{HIGHEST_HR} for a whole activity"
        )
    if metres is not None and math.isfinite(metres) and metres > FURTHEST_KM * 1000:
        return f"is {format_distance(metres)} long: no activity goes over {FURTHEST_KM:,} km"
    return None


def refusal(activity: Activity, now: datetime) -> str | None:
    """Why a finished activity is not logged (in the future, or impossible), or None."""
    return future_reason(activity, now) or impossible_reason(activity)
