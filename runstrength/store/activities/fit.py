"""FIT activity files (Garmin, Coros, Suunto, Wahoo, OpenTracks), read with Garmin's SDK.

One activity per session message: a multisport file holds several (transitions are
left out). The time zone comes from the activity message's local timestamp when the
device wrote one.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from runstrength.core.runs import Activity, sport_of
from runstrength.store.activities.common import NotAnActivity, UnreadableFile, local_start

FIT_EPOCH = 631065600
"""1989-12-31 00:00 UTC, where FIT times count from, in Unix seconds."""
HEADER_MIN = 12


def _damage(data: bytes) -> str:
    """Why a FIT file fails its integrity check: cut short, or a bad checksum."""
    header = data[0] if data else 0
    size = int.from_bytes(data[4:8], "little") if len(data) >= 8 else 0
    expected = header + size + 2
    if len(data) < expected:
        return f"is cut short ({len(data)} of {expected} bytes)"
    return "is damaged (its checksum does not match: bad CRC)"


def _offset(messages: Any) -> timedelta | None:
    for activity in messages.get("activity_mesgs", []):
        local, stamp = activity.get("local_timestamp"), activity.get("timestamp")
        if isinstance(local, int) and isinstance(stamp, datetime):
            seconds = local + FIT_EPOCH - stamp.timestamp()
            quarter = round(seconds / 900) * 900  # zones are whole quarter hours
            if abs(quarter) <= 14 * 3600:
                return timedelta(seconds=quarter)
    return None


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and value > 0 else None


def read_fit(data: bytes, path: Path) -> list[Activity]:
    """The sessions of a FIT file; UnreadableFile naming the damage when it is not whole."""
    from garmin_fit_sdk import Decoder, Stream

    if len(data) < HEADER_MIN or not Decoder(Stream.from_byte_array(bytearray(data))).is_fit():
        raise UnreadableFile("is not a FIT file")
    if not Decoder(Stream.from_byte_array(bytearray(data))).check_integrity():
        raise UnreadableFile(_damage(data))
    # The checksum was checked above; the totals need neither components expanded nor
    # heart rates merged into the records (that would more than double the time).
    decoder = Decoder(Stream.from_byte_array(bytearray(data)))
    messages, errors = decoder.read(
        enable_crc_check=False, expand_components=False, merge_heart_rates=False
    )
    if errors:
        raise UnreadableFile(f"cannot be decoded ({errors[0]})")
    kinds = {str(m.get("type")) for m in messages.get("file_id_mesgs", []) if m.get("type")}
    if kinds and "activity" not in kinds:
        raise NotAnActivity(f"is a FIT {', '.join(sorted(kinds))} file, not an activity")
    offset = _offset(messages)
    title = ""
    for workout in messages.get("workout_mesgs", []):
        title = str(workout.get("wkt_name") or "")
    found = []
    for session in messages.get("session_mesgs", []):
        start = session.get("start_time")
        sport = str(session.get("sport") or "")
        if not isinstance(start, datetime) or sport == "transition":
            continue
        begins = local_start(start, offset)
        found.append(
            Activity(
                id="",
                day=begins.date(),
                sport=sport_of(sport),
                title=title,
                start=begins,
                duration_s=_number(session.get("total_timer_time"))
                or _number(session.get("total_elapsed_time")),
                distance_m=_number(session.get("total_distance")),
                avg_hr=_number(session.get("avg_heart_rate")),
                source=str(path),
            )
        )
    if not found:
        raise UnreadableFile("holds no activity session (is it a course or settings file?)")
    return found
