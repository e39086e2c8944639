"""Writing FIT files with Garmin's SDK encoder: a strength session as an activity (its
sets and rests as FIT `set` messages), and a program as a workout a watch can lead.

What goes in them (the sets, the rests, the steps, each exercise's category) is worked
out in `core.fit_map`; this module only encodes it and writes the files.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from runstrength.core.fit_map import (
    FitExercise,
    WorkoutStep,
    fit_map_from_data,
    fit_sets,
    session_end,
)
from runstrength.core.records import SessionRecord, time_spent
from runstrength.store.content import _data_text
from runstrength.store.private import private_dir
from runstrength.store.storage import write_export

FIT_EPOCH_S = 631065600
"""1989-12-31 00:00 UTC in Unix seconds: where FIT times count from."""
PRODUCT_NAME = "runstrength"


def load_fit_map() -> dict[str, FitExercise]:
    """The FIT category of each catalogue exercise (`data/fit_exercises.toml`)."""
    return fit_map_from_data(
        tomllib.loads(_data_text("fit_exercises.toml")), "runstrength/data/fit_exercises.toml"
    )


def fit_numbers(exercise: FitExercise) -> tuple[int, int | None]:
    """The FIT category number and exercise-name number; ValueError for a name FIT lacks."""
    from garmin_fit_sdk import Profile

    types = Profile["types"]
    categories = {name: number for number, name in types["exercise_category"].items()}
    if exercise.category not in categories:
        raise ValueError(f"{exercise.category!r} is not a FIT exercise category")
    if exercise.name is None:
        return categories[exercise.category], None
    names = types.get(f"{exercise.category}_exercise_name", {})
    numbers = {name: number for number, name in names.items()}
    if exercise.name not in numbers:
        raise ValueError(f"{exercise.name!r} is not a FIT {exercise.category} exercise")
    return categories[exercise.category], numbers[exercise.name]


def _mesgs() -> Mapping[str, int]:
    from garmin_fit_sdk import Profile

    numbers: Mapping[str, int] = Profile["mesg_num"]
    return numbers


def _local(moment: datetime) -> int:
    """A FIT local timestamp: the local wall-clock time counted from the FIT epoch."""
    offset = moment.utcoffset()
    seconds = moment.timestamp() + (offset.total_seconds() if offset else 0)
    return int(seconds) - FIT_EPOCH_S


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _timer(n: Mapping[str, int], moment: datetime, event_type: str) -> dict[str, Any]:
    return {
        "mesg_num": n["EVENT"],
        "timestamp": _utc(moment),
        "event": "timer",
        "event_type": event_type,
    }


def activity_bytes(session: SessionRecord, fit_map: Mapping[str, FitExercise]) -> bytes:
    """A strength session as a FIT activity file. Each span it was set aside is a pause,
    as a watch writes one: the timer stopped, then started again; its elapsed time runs
    from start to end, its timer time leaves the pauses out."""
    from garmin_fit_sdk import Encoder

    n = _mesgs()
    start, end = session.info.started_at, session_end(session)
    elapsed = max((end - start).total_seconds(), 0.0)
    seconds = time_spent(start, end, session.breaks).total_seconds()
    pauses = [gap for gap in session.breaks if start <= gap.start and gap.end <= end]
    encoder = Encoder()
    encoder.write_mesg(
        {
            "mesg_num": n["FILE_ID"],
            "type": "activity",
            "manufacturer": "development",
            "product": 0,
            "product_name": PRODUCT_NAME,
            "time_created": _utc(start),
        }
    )
    encoder.write_mesg(_timer(n, start, "start"))
    encoder.write_mesg(
        {
            "mesg_num": n["SPORT"],
            "sport": "training",
            "sub_sport": "strength_training",
            "name": "Strength",
        }
    )
    # A record at the start and at the end: some apps refuse an activity without any.
    encoder.write_mesg({"mesg_num": n["RECORD"], "timestamp": _utc(start)})
    for index, item in enumerate(fit_sets(session, fit_map)):
        while pauses and pauses[0].start <= (item.start or item.end):
            gap = pauses.pop(0)
            encoder.write_mesg(_timer(n, gap.start, "stop_all"))
            encoder.write_mesg(_timer(n, gap.end, "start"))
        message: dict[str, Any] = {
            "mesg_num": n["SET"],
            "message_index": index,
            "timestamp": _utc(item.end),
            "set_type": item.kind,
        }
        if item.start is not None:  # FIT leaves both out when the set's start is not known
            message["start_time"] = _utc(item.start)
            message["duration"] = item.seconds
        if item.repetitions is not None:
            message["repetitions"] = item.repetitions
        if item.exercise is not None:
            category, name = fit_numbers(item.exercise)
            message["category"] = [category]
            if name is not None:
                message["category_subtype"] = [name]
        encoder.write_mesg(message)
    for gap in pauses:
        encoder.write_mesg(_timer(n, gap.start, "stop_all"))
        encoder.write_mesg(_timer(n, gap.end, "start"))
    encoder.write_mesg({"mesg_num": n["RECORD"], "timestamp": _utc(end)})
    encoder.write_mesg(_timer(n, end, "stop_all"))
    common = {
        "start_time": _utc(start),
        "timestamp": _utc(end),
        "total_elapsed_time": elapsed,
        "total_timer_time": seconds,
        "sport": "training",
        "sub_sport": "strength_training",
    }
    encoder.write_mesg(
        {"mesg_num": n["LAP"], "message_index": 0, "event": "lap", "event_type": "stop", **common}
    )
    session_message: dict[str, Any] = {
        "mesg_num": n["SESSION"],
        "message_index": 0,
        "event": "session",
        "event_type": "stop",
        "trigger": "activity_end",
        "first_lap_index": 0,
        "num_laps": 1,
        **common,
    }
    if session.effort is not None:
        session_message["workout_rpe"] = session.effort * 10  # FIT counts RPE in tenths
    encoder.write_mesg(session_message)
    encoder.write_mesg(
        {
            "mesg_num": n["ACTIVITY"],
            "timestamp": _utc(end),
            "local_timestamp": _local(end),
            "total_timer_time": seconds,
            "num_sessions": 1,
            "type": "manual",
            "event": "activity",
            "event_type": "stop",
        }
    )
    data: bytes = encoder.close()
    return data


def workout_bytes(name: str, title: str, steps: Iterable[WorkoutStep]) -> bytes:
    """A program as a FIT workout file: steps by repetitions or by time."""
    from garmin_fit_sdk import Encoder

    n = _mesgs()
    chosen = list(steps)
    encoder = Encoder()
    encoder.write_mesg(
        {
            "mesg_num": n["FILE_ID"],
            "type": "workout",
            "manufacturer": "development",
            "product": 0,
            "product_name": PRODUCT_NAME,
        }
    )
    encoder.write_mesg(
        {
            "mesg_num": n["WORKOUT"],
            "wkt_name": title or name,
            "sport": "training",
            "sub_sport": "strength_training",
            "num_valid_steps": len(chosen),
        }
    )
    for index, step in enumerate(chosen):
        message: dict[str, Any] = {
            "mesg_num": n["WORKOUT_STEP"],
            "message_index": index,
            "wkt_step_name": step.name,
            "intensity": step.intensity,
            "target_type": "open",
        }
        if step.reps is not None:
            message["duration_type"] = "reps"
            message["duration_value"] = step.reps
        else:
            message["duration_type"] = "time"
            message["duration_value"] = (step.seconds or 0) * 1000  # milliseconds
        if step.exercise is not None:
            category, exercise_name = fit_numbers(step.exercise)
            message["exercise_category"] = category
            if exercise_name is not None:
                message["exercise_name"] = exercise_name
        encoder.write_mesg(message)
    data: bytes = encoder.close()
    return data


def file_name(session: SessionRecord) -> str:
    """ "2026-11-23-0702-endurance.fit": the local start and the program (a name from an
    imported file is cut down to letters, digits and hyphens: it never names a folder)."""
    return f"{session.info.started_at:%Y-%m-%d-%H%M}-{_safe(session.info.program)}.fit"


def _safe(text: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-") or "session"


@dataclass(frozen=True)
class Exported:
    written: list[Path]
    skipped: int
    """Sessions with no set (nothing to send) and recovery routines."""


def export_sessions(
    sessions: Iterable[SessionRecord], folder: Path, fit_map: Mapping[str, FitExercise]
) -> Exported:
    """One FIT activity file per strength session with sets, in `folder` (made if needed);
    OSError when the folder or a file cannot be written."""
    if not folder.exists():
        private_dir(folder, user_chosen=True)
    written: list[Path] = []
    skipped = 0
    for session in sessions:
        if not session.is_training:
            skipped += 1
            continue
        path = folder / file_name(session)
        if path in written:  # two sessions started in the same minute
            path = path.with_name(f"{path.stem}-{_safe(session.id)}.fit")
        write_export(path, activity_bytes(session, fit_map))
        written.append(path)
    return Exported(written, skipped)
