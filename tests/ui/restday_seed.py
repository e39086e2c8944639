"""Writes sessions and plans into a test log before the app opens it."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from pathlib import Path

from runstrength.core.records import SessionInfo, SetRecord
from runstrength.store import TrainingLog
from runstrength.store.schedule import Schedule


def seed(
    tmp_path: Path,
    clock,
    logged_offsets: Iterable[int] = (-1,),
    planned: Iterable[tuple[date, str]] = (),
) -> None:
    """Sessions logged some days before the fake clock's today (one set each), and plans."""
    log = TrainingLog(tmp_path / "log.json")
    for offset in logged_offsets:
        started = clock.now().replace(hour=7, minute=0, second=0) + timedelta(days=offset)
        info = SessionInfo(f"s{offset}", "endurance", started)
        log.log_set(
            info,
            SetRecord("glute-bridge", 1, None, 15, 15, None, None, started + timedelta(minutes=9)),
        )
        log.finish_session(info, "completed", started + timedelta(minutes=30))
    schedule = Schedule(log)
    for day, program in planned:
        schedule.add(day, program)
    log.close()
