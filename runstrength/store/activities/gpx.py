"""GPX tracks (phone apps, Strava exports), read with gpxpy: one activity per track.

A track's `type` is often absent; such a track is taken as a run. A track without
point times has no start to date it by and is refused with that reason.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from runstrength.core.runs import RUNNING, Activity, sport_of
from runstrength.store.activities.common import UnreadableFile, local_start


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
                sport=sport_of(track.type) if track.type else RUNNING,
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
