"""Activities as plain data: the same fields in the log and in the interchange format.

    {"id": "20261128-0715", "day": "2026-11-28", "start": "2026-11-28T07:15:00+01:00",
     "sport": "running", "title": "Sunday long", "duration_s": 7260.0,
     "distance_m": 24010.5, "avg_hr": 148.0, "source": "/watch/2026-11-28.fit",
     "planned": false, "uid": null, "kind": null, "effort": null}

Reading checks every field and names each problem by its path (`runs[3].start`).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from runstrength.core.effort import is_effort
from runstrength.core.fields import shown
from runstrength.core.runs import KINDS, SPORTS, Activity

FIELDS = (
    "id",
    "day",
    "start",
    "sport",
    "title",
    "duration_s",
    "distance_m",
    "avg_hr",
    "source",
    "planned",
    "uid",
    "kind",
    "effort",
)


def activity_to_data(activity: Activity) -> dict[str, Any]:
    start = activity.start
    return {
        "id": activity.id,
        "day": activity.day.isoformat(),
        "start": None if start is None else start.isoformat(),
        "sport": activity.sport,
        "title": activity.title,
        "duration_s": activity.duration_s,
        "distance_m": activity.distance_m,
        "avg_hr": activity.avg_hr,
        "source": activity.source,
        "planned": activity.planned,
        "uid": activity.uid,
        "kind": activity.kind,
        "effort": activity.effort,
    }


def _number(data: dict[str, Any], key: str, path: str, problems: list[str]) -> float | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        problems.append(f"{path}.{key}: {value!r} must be a number, at least 0, or null")
        return None
    return float(value)


def _text(data: dict[str, Any], key: str, path: str, problems: list[str]) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        problems.append(f"{path}.{key}: must be a string")
        return ""
    return value


def activity_from_data(raw: Any, path: str, problems: list[str]) -> Activity | None:
    """The activity in `raw`, or None with its problems added to `problems`."""
    if not isinstance(raw, dict):
        problems.append(f"{path}: must be an object")
        return None
    before = len(problems)
    ident = raw.get("id")
    if not isinstance(ident, str) or not ident:
        problems.append(f"{path}.id: must be a non-empty string")
    day: date | None = None
    try:
        day = date.fromisoformat(str(raw.get("day")))
    except ValueError:
        problems.append(f"{path}.day: {raw.get('day')!r} is not a date (YYYY-MM-DD)")
    start: datetime | None = None
    if raw.get("start") is not None:
        try:
            start = datetime.fromisoformat(str(raw["start"]))
        except ValueError:
            start = None
        if start is None or start.tzinfo is None:
            problems.append(f"{path}.start: {raw['start']!r} is not a time with its UTC offset")
        elif day is not None and start.date() != day:
            problems.append(f"{path}.day: {day} is not the day it started ({start.date()})")
    sport = raw.get("sport")
    if sport not in SPORTS:
        problems.append(f"{path}.sport: {sport!r} is not one of {', '.join(SPORTS)}")
    kind = raw.get("kind")
    if kind is not None and kind not in KINDS:
        problems.append(f"{path}.kind: {kind!r} is not one of {', '.join(KINDS)} or null")
    effort = raw.get("effort")
    if effort is not None and not is_effort(effort):
        problems.append(f"{path}.effort: {shown(effort)} must be a whole number 0-10 or null")
    planned = raw.get("planned", False)
    if not isinstance(planned, bool):
        problems.append(f"{path}.planned: must be true or false")
    uid = raw.get("uid")
    if uid is not None and not isinstance(uid, str):
        problems.append(f"{path}.uid: must be a string or null")
    title = _text(raw, "title", path, problems)
    source = _text(raw, "source", path, problems)
    duration = _number(raw, "duration_s", path, problems)
    distance = _number(raw, "distance_m", path, problems)
    avg_hr = _number(raw, "avg_hr", path, problems)
    if len(problems) != before or day is None:
        return None
    if not planned and start is None:
        problems.append(f"{path}.start: a completed activity needs its start time")
        return None
    return Activity(
        id=str(ident),
        day=day,
        sport=str(sport),
        title=title,
        start=start,
        duration_s=duration,
        distance_m=distance,
        avg_hr=avg_hr,
        source=source,
        planned=planned,
        uid=uid,
        kind=kind,
        effort=effort,
    )


def activities_from_list(raw: Any, path: str = "runs") -> tuple[list[Activity], list[str]]:
    """The activities in a list, and every problem found (an id twice is one)."""
    problems: list[str] = []
    if raw is None:
        return [], problems
    if not isinstance(raw, list):
        return [], [f"{path}: must be a list"]
    found: list[Activity] = []
    seen: set[str] = set()
    for index, item in enumerate(raw):
        activity = activity_from_data(item, f"{path}[{index}]", problems)
        if activity is None:
            continue
        if activity.id in seen:
            problems.append(f"{path}[{index}].id: {activity.id!r} appears twice")
        seen.add(activity.id)
        found.append(activity)
    return found, problems
