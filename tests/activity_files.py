"""Activity files for the tests, written with the formats' own libraries.

FIT with Garmin's SDK encoder, GPX with gpxpy; TCX (tcxreader only reads) from a small
template of the Garmin schema; a Strava-style export folder with its activities.csv.
"""

from __future__ import annotations

import csv
import gzip
from datetime import UTC, datetime, timedelta
from pathlib import Path


def fit_bytes(
    start: datetime,
    seconds: float,
    metres: float,
    *,
    sport: str = "running",
    avg_hr: int | None = None,
    zone: timedelta | None = None,
    sessions: list[tuple[str, float, float]] | None = None,
    file_type: str = "activity",
) -> bytes:
    """An activity file: one session (or `sessions`: sport, seconds, metres each, back to
    back from `start`); `zone` writes the activity's local timestamp as a device does."""
    from garmin_fit_sdk import Encoder, Profile
    from garmin_fit_sdk.util import FIT_EPOCH_S

    numbers = Profile["mesg_num"]
    encoder = Encoder()
    encoder.write_mesg(
        {
            "mesg_num": numbers["FILE_ID"],
            "type": file_type,
            "manufacturer": "garmin",
            "product": 1,
            "time_created": start,
            "serial_number": 1234,
        }
    )
    at = start
    for name, length, distance in sessions or [(sport, seconds, metres)]:
        encoder.write_mesg({"mesg_num": numbers["RECORD"], "timestamp": at, "distance": 0.0})
        session = {
            "mesg_num": numbers["SESSION"],
            "timestamp": at + timedelta(seconds=length),
            "start_time": at,
            "total_elapsed_time": length,
            "total_timer_time": length,
            "total_distance": distance,
            "sport": name,
        }
        if avg_hr is not None:
            session["avg_heart_rate"] = avg_hr
        encoder.write_mesg(session)
        at += timedelta(seconds=length)
    activity = {"mesg_num": numbers["ACTIVITY"], "timestamp": at, "num_sessions": 1}
    if zone is not None:
        activity["local_timestamp"] = int((at + zone).timestamp()) - FIT_EPOCH_S
    encoder.write_mesg(activity)
    data: bytes = encoder.close()
    return data


def gpx_text(
    start: datetime | None,
    seconds: float,
    *,
    name: str = "Morning Run",
    kind: str | None = "running",
    points: int = 30,
) -> str:
    """A track heading north from Hyde Park; no times at all when `start` is None."""
    import gpxpy.gpx

    document = gpxpy.gpx.GPX()
    track = gpxpy.gpx.GPXTrack(name=name)
    track.type = kind  # type: ignore[assignment]  # gpxpy annotates the field as None
    document.tracks.append(track)
    segment = gpxpy.gpx.GPXTrackSegment()
    track.segments.append(segment)
    for i in range(points):
        when = None if start is None else start + timedelta(seconds=seconds * i / (points - 1))
        segment.points.append(gpxpy.gpx.GPXTrackPoint(51.5 + i * 0.001, -0.16, time=when))
    return document.to_xml()


TCX = """<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
  <Activities>
    <Activity Sport="{sport}">
      <Id>{start}</Id>
      <Lap StartTime="{start}">
        <TotalTimeSeconds>{seconds}</TotalTimeSeconds>
        <DistanceMeters>{metres}</DistanceMeters>
        <Calories>300</Calories>
        <Track>
          <Trackpoint><Time>{start}</Time><DistanceMeters>0</DistanceMeters>
            <HeartRateBpm><Value>{hr}</Value></HeartRateBpm></Trackpoint>
          <Trackpoint><Time>{middle}</Time><DistanceMeters>{half}</DistanceMeters>
            <HeartRateBpm><Value>{hr}</Value></HeartRateBpm></Trackpoint>
          <Trackpoint><Time>{end}</Time><DistanceMeters>{metres}</DistanceMeters>
            <HeartRateBpm><Value>{hr}</Value></HeartRateBpm></Trackpoint>
        </Track>
      </Lap>
    </Activity>
  </Activities>
</TrainingCenterDatabase>
"""


def tcx_text(
    start: datetime, seconds: float, metres: float, *, sport: str = "Running", hr: int = 150
) -> str:
    def stamp(moment: datetime) -> str:
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    return TCX.format(
        sport=sport,
        start=stamp(start),
        middle=stamp(start + timedelta(seconds=seconds / 2)),
        end=stamp(start + timedelta(seconds=seconds)),
        seconds=seconds,
        metres=metres,
        half=metres / 2,
        hr=hr,
    )


STRAVA_HEADER = [
    "Activity ID",
    "Activity Date",
    "Activity Name",
    "Activity Type",
    "Activity Description",
    "Elapsed Time",
    "Distance",
    "Filename",
    "Distance",
]


def strava_export(folder: Path, rows: list[tuple[str, str, datetime, float, float, str]]) -> Path:
    """activities.csv with (name, type, start, seconds, metres, filename) rows; the files
    themselves are written by the caller under folder/activities/."""
    (folder / "activities").mkdir(parents=True, exist_ok=True)
    with (folder / "activities.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(STRAVA_HEADER)
        for number, (name, kind, start, seconds, metres, filename) in enumerate(rows, 1):
            when = start.astimezone(UTC).strftime("%b %d, %Y, %I:%M:%S %p")
            writer.writerow(
                [number, when, name, kind, "", seconds, f"{metres / 1000:.2f}", filename, metres]
            )
    return folder


def gz(data: bytes) -> bytes:
    return gzip.compress(data)
