"""TCX activities (Garmin Connect, older apps), read with tcxreader."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from xml.etree.ElementTree import ParseError

from runstrength.core.runs import Activity, sport_of
from runstrength.store.activities.common import UnreadableFile, local_start


def read_tcx(data: bytes, path: Path) -> list[Activity]:
    from tcxreader.tcxreader import TCXReader

    try:
        exercise = TCXReader().read(io.BytesIO(data), only_gps=False)
    except (ParseError, ValueError, KeyError, TypeError, AttributeError) as error:
        reason = error or type(error).__name__
        raise UnreadableFile(f"is not a readable TCX file ({reason})") from None
    start = exercise.start_time
    if not isinstance(start, datetime):
        raise UnreadableFile("has too few timed track points: there is no start to date it by")
    begins = local_start(start)
    return [
        Activity(
            id="",
            day=begins.date(),
            sport=sport_of(exercise.activity_type),
            start=begins,
            duration_s=float(exercise.duration) if exercise.duration else None,
            distance_m=float(exercise.distance) if exercise.distance else None,
            avg_hr=float(exercise.hr_avg) if exercise.hr_avg else None,
            source=str(path),
        )
    ]
