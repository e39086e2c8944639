"""Planned runs from a running plan exported as an iCalendar file (a calendar or a coaching app).

Each future event is a planned run: its title gives the kind and often the distance
("Long run 24 km"); an all-day event has a day only, a timed one its start and length.
Events of other sports (a ride, a swim) are kept as planned activities of that sport,
never as runs. Left out: rest days, events that are no run nor another sport ("Strength
& mobility", "Yoga", "Cross-train 45 min"), and the strength sessions runstrength itself
exported (`store.ics`: its UIDs end in "@runstrength", its PRODID names it), which a
calendar that took them in may hand back with the running plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from runstrength.core.runs import RUNNING, Activity, distance_in_text, sport_of
from runstrength.store.activities.common import local_start
from runstrength.store.ics import OWN_UID, PRODID_START

_REST = re.compile(r"\b(rest|day off)\b", re.IGNORECASE)
_OTHER_SPORT = re.compile(
    r"\b(ride|bike|biking|cycl\w*|spin|swim\w*|walk\w*|hike|hiking)\b", re.IGNORECASE
)
# Words that name a run whatever else the title names ("Brick: bike 40 km + run 5 km").
_RUN = re.compile(
    r"\b(runs?|running|jog\w*|parkrun|race|marathon|fartlek|strides|shake-?out|lsd)\b",
    re.IGNORECASE,
)
# A running plan's workout words, a distance, a set: a run unless another sport is named
# ("Hill sprints + core", but "Bike intervals", "Swim 10x100").
_WORKOUT = re.compile(
    r"\b(tempo|intervals?|threshold|hills?|repeats|track|sprints?|long|easy|\d+\s*x\s*\d+"
    r"|\d+(?:[.,]\d+)?\s*(?:km|k|mi|miles?))\b",
    re.IGNORECASE,
)
_NOT_RUN = re.compile(
    r"\b(strength|gym|weights?|lifting|lift|core|mobility|yoga|pilates|stretch\w*"
    r"|cross[\s-]?train\w*|xt|physio\w*|massage|foam[\s-]?roll\w*|s&c|conditioning"
    r"|plyo\w*|row\w*|elliptical|climb\w*|ski\w*)(?!\w)",
    re.IGNORECASE,
)


REPEAT_DAYS = 366
"""How far ahead a repeating event is planned."""
MAX_REPEATS = 400


class CalendarError(Exception):
    """A file that is not an iCalendar file that can be read; the message says why."""


@dataclass(frozen=True)
class PlannedRuns:
    runs: list[Activity]
    """Planned runs, and planned activities of other sports (`Activity.is_run` tells)."""
    past: int
    """Events before today, left out."""
    not_runs: int = 0
    """Events that are no run nor another sport (strength, yoga), left out."""
    ours: int = 0
    """Strength sessions runstrength exported, left out."""


def sport_of_event(title: str) -> str | None:
    """RUNNING, another of `core.runs.SPORTS` for a ride or a swim, or None for an event
    that is no run nor another sport ("Strength & mobility"); a title that names
    nothing ("Tuesday", "Coach's session") is a run, as a running plan's events are."""
    if _RUN.search(title):
        return RUNNING
    other = _OTHER_SPORT.search(title)
    if other:
        word = other.group(0).lower()
        return sport_of("cycling" if word == "spin" else word)
    if _WORKOUT.search(title):
        return RUNNING
    if _NOT_RUN.search(title):
        return None
    return RUNNING


def _ours(calendar: Any, uid: str) -> bool:
    return uid.endswith(OWN_UID) or str(calendar.get("prodid", "")).startswith(PRODID_START)


def read_plan(path: Path, today: date) -> PlannedRuns:
    """The future events of a calendar file as planned activities (ids are given when
    stored); CalendarError when the file cannot be read."""
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(path.read_bytes())
    except OSError as error:
        raise CalendarError(f"cannot be read ({error.strerror or error})") from None
    except ValueError as error:
        raise CalendarError(f"is not an iCalendar file ({error})") from None
    runs: list[Activity] = []
    past = not_runs = ours = 0
    for event in calendar.walk("VEVENT"):
        title = str(event.get("summary", "")).strip()
        if _REST.search(title) or event.get("dtstart") is None:
            continue
        if _ours(calendar, str(event.get("uid", ""))):
            ours += 1
            continue
        sport = sport_of_event(title)
        if sport is None:
            not_runs += 1
            continue
        begins = event.decoded("dtstart")
        duration: float | None = None
        if isinstance(begins, datetime):
            ends = event.decoded("dtend") if event.get("dtend") is not None else None
            if isinstance(ends, datetime):
                duration = (ends - begins).total_seconds() or None
            elif event.get("duration") is not None:
                length = event.decoded("duration")
                duration = length.total_seconds() if isinstance(length, timedelta) else None
        description = str(event.get("description", ""))
        uid = str(event.get("uid", "")) or f"{title}@{begins}"
        repeats = event.get("rrule") is not None
        for when in _occurrences(event, begins, today):
            start = None
            if isinstance(when, datetime):
                start = local_start(when) if when.tzinfo else when.astimezone()
            day = start.date() if start is not None else when
            if day < today:
                past += 0 if repeats else 1
                continue
            runs.append(
                Activity(
                    id="",
                    day=day,
                    sport=sport,
                    title=title,
                    start=start,
                    duration_s=duration,
                    distance_m=distance_in_text(title) or distance_in_text(description),
                    planned=True,
                    uid=f"{uid}/{day.isoformat()}" if repeats else uid,
                )
            )
    return PlannedRuns(runs, past, not_runs, ours)


def _occurrences(event: Any, begins: date, today: date) -> list[date]:
    """The event's start, or each start of a repeating event up to REPEAT_DAYS ahead."""
    if event.get("rrule") is None:
        return [begins]
    from dateutil.rrule import rrulestr

    rule = event["rrule"].to_ical().decode()
    first = begins if isinstance(begins, datetime) else datetime.combine(begins, time())
    horizon = datetime.combine(today + timedelta(days=REPEAT_DAYS), time())
    if first.tzinfo is not None:
        horizon = horizon.replace(tzinfo=first.tzinfo)
    skipped = {
        moment.dt if isinstance(moment.dt, datetime) else datetime.combine(moment.dt, time())
        for exdate in _as_list(event.get("exdate"))
        for moment in exdate.dts
    }
    found: list[date] = []
    for moment in rrulestr(rule, dtstart=first):
        if moment > horizon or len(found) >= MAX_REPEATS:
            break
        if moment not in skipped and moment.replace(tzinfo=None) not in skipped:
            found.append(moment if isinstance(begins, datetime) else moment.date())
    return found


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
