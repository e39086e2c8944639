"""GPX tracks (phone apps, Strava exports), read with gpxpy: one activity per track.

A track's `type` is often absent; such a track is taken as a run. Strava writes its
activity type as a number (`<type>9</type>` for a run, 1 for a ride): these are read
by Strava's codes. A track without point times has no start to date it by and is
refused with that reason.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from runstrength.core.runs import RUNNING, Activity, sport_of
from runstrength.store.activities.common import UnreadableFile, local_start

STRAVA_TYPES = {
    "1": "cycling",  # Ride
    "4": "hiking",  # Hike
    "9": "running",  # Run
    "10": "walking",  # Walk
    "16": "swimming",  # Swim
    "17": "cycling",  # VirtualRide
    "53": "running",  # VirtualRun
}
"""The numbers Strava's GPX files give as a track's type, by sport; other numbers are
other sports (skiing, rowing, yoga ...)."""


def sport_of_type(name: str | None) -> str:
    """The sport of a track's `type`: a run when it has none, Strava's number or a name."""
    if not name or not name.strip():
        return RUNNING
    text = name.strip()
    if text.isdigit():
        return STRAVA_TYPES.get(text.lstrip("0") or "0", "other")
    return sport_of(text)


def _heart_rates(track: object) -> list[float]:
    rates: list[float] = []
    for segment in getattr(track, "segments", []):
        for point in segment.points:
            for extension in point.extensions:
                for element in extension.iter():
                    if element.tag.rsplit("}", 1)[-1] in ("hr", "heartrate") and element.text:
                        with contextlib.suppress(ValueError):
                            rates.append(float(element.text))
    return rates


def read_gpx(data: bytes, path: Path) -> list[Activity]:
    import gpxpy
    import gpxpy.gpx

    try:
        document = gpxpy.parse(data.decode("utf-8-sig"))
    except (gpxpy.gpx.GPXException, UnicodeDecodeError, ValueError) as error:
        raise UnreadableFile(f"is not a readable GPX file ({error})") from None
    found = []
    for track in document.tracks:
        bounds = track.get_time_bounds()
        if bounds.start_time is None or bounds.end_time is None:
            continue
        begins = local_start(bounds.start_time)
        rates = _heart_rates(track)
        found.append(
            Activity(
                id="",
                day=begins.date(),
                sport=sport_of_type(track.type),
                title=track.name or document.name or "",
                start=begins,
                duration_s=(bounds.end_time - bounds.start_time).total_seconds(),
                distance_m=track.length_3d() or None,
                avg_hr=round(sum(rates) / len(rates), 1) if rates else None,
                source=str(path),
            )
        )
    if not found:
        if document.tracks:
            raise UnreadableFile("has no times in its tracks: there is no start to date it by")
        raise UnreadableFile("holds no track")
    return found
