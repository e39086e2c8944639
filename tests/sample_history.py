"""A made-up but plausible training history, for tests, benchmarks and screenshots.

Deterministic for a given seed: three sessions a week (Monday, Wednesday, Friday),
an occasional missed one, three sets of each exercise (one more than the built-in
programs ask: what a runner does once two come easily), each side of a per-side
exercise logged as its own set, reps drifting up over the months, bands moving
heavier. Ten years of the endurance program make about 1,500 sessions and 36,000 sets.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta, tzinfo

from runstrength.core.programs import Program
from runstrength.core.records import SessionInfo, SessionRecord, SetRecord

TRAINING_WEEKDAYS = (0, 2, 4)
SETS_PER_EXERCISE = 3
MISSED = 0.03
"""The share of planned sessions skipped."""
PARTIAL = 0.05
"""The share of sessions ended early."""


def sample_history(
    program: Program,
    bands: tuple[str, ...],
    until: date,
    weeks: int,
    zone: tzinfo,
    seed: int = 7,
) -> list[SessionRecord]:
    """About three sessions a week for `weeks` weeks ending before `until`, oldest first."""
    rng = random.Random(seed)
    first = until - timedelta(weeks=weeks)
    sessions: list[SessionRecord] = []
    day = first
    while day < until:
        if day.weekday() in TRAINING_WEEKDAYS and rng.random() >= MISSED:
            progress = (day - first).days / max(1, (until - first).days)
            sessions.append(_session(program, bands, day, zone, progress, rng, len(sessions)))
        day += timedelta(days=1)
    return sessions


def _session(
    program: Program,
    bands: tuple[str, ...],
    day: date,
    zone: tzinfo,
    progress: float,
    rng: random.Random,
    number: int,
) -> SessionRecord:
    started = datetime.combine(day, time(7, rng.randrange(0, 50)), zone)
    moment = started + timedelta(minutes=8)
    sets: list[SetRecord] = []
    band_index = min(len(bands) - 1, int(progress * len(bands))) if bands else -1
    for entry in program.entries:
        sides = ("left", "right") if entry.exercise.per_side else (None,)
        for set_number in range(1, max(entry.sets, SETS_PER_EXERCISE) + 1):
            for side in sides:
                moment += timedelta(seconds=rng.randrange(60, 110))
                if entry.exercise.is_hold:
                    target = entry.seconds or 30
                    held = min(target, int(target * (0.7 + 0.3 * progress + rng.random() * 0.1)))
                    reps, seconds = None, held
                else:
                    target = entry.reps or 20
                    reps = min(target, int(target * (0.7 + 0.3 * progress)) + rng.randrange(0, 3))
                    seconds = None
                band = bands[band_index] if entry.exercise.uses_band and band_index >= 0 else None
                sets.append(
                    SetRecord(
                        exercise=entry.exercise.id,
                        set=set_number,
                        side=side,  # type: ignore[arg-type]
                        target_reps=entry.reps,
                        reps=reps,
                        band=band,
                        seconds=seconds,
                        completed_at=moment,
                        started_at=moment - timedelta(seconds=50),
                        target_seconds=entry.seconds,
                    )
                )
    partial = rng.random() < PARTIAL
    if partial:  # stopped somewhere after the first third
        sets = sets[: rng.randrange(max(1, len(sets) // 3), len(sets))]
        moment = sets[-1].completed_at
    info = SessionInfo(id=f"sample-{day:%Y%m%d}-{number}", program=program.name, started_at=started)
    return SessionRecord(
        info=info,
        status="partial" if partial else "completed",
        ended_at=moment + timedelta(minutes=5),
        sets=sets,
        # Rated most times (4-6), as a runner would; drawn without the random source so
        # the rest of the history stays as it was.
        effort=None if number % 5 == 4 else 4 + number % 3,
    )
