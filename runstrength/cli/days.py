"""What the day-based commands share: reading dates, opening the log, today's rule inputs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from runstrength.config import load_settings
from runstrength.core.clock import Clock, SystemClock
from runstrength.core.fields import read_day
from runstrength.core.restdays import TrainingDays
from runstrength.core.settings import Settings, run_settings
from runstrength.paths import Paths
from runstrength.store import LogWriter, TrainingLog
from runstrength.store.schedule import Schedule
from runstrength.store.writer import Write

T = TypeVar("T")


class BadInput(Exception):
    """A value on the command line that cannot be used (exit 2, one line)."""


def parse_day(text: str, what: str = "date") -> date:
    """A YYYY-MM-DD date, or BadInput saying what is wrong with it."""
    try:
        return read_day(text)
    except ValueError as problem:
        raise BadInput(f"{what}: {problem}") from None


@dataclass
class Days:
    """The log, its schedule and the settings, opened for one command; writes go through
    the log's one writer, as the app's do."""

    settings: Settings
    log: TrainingLog
    schedule: Schedule
    today: date
    writer: LogWriter = field(init=False)

    def __post_init__(self) -> None:
        self.writer = LogWriter(self.log)

    def write(self, write: Write[T]) -> T:
        """Apply `write` through the log's writer and wait for it (it raises as it would)."""
        return self.writer.run(write)

    def training_days(self, since: date | None = None) -> TrainingDays:
        return self.schedule.training_days(
            self.today, self.settings.weekly_rest_days, since, runs=run_settings(self.settings)
        )

    def close(self) -> None:
        self.writer.close()
        self.log.close()


def open_days(paths: Paths, clock: Clock | None = None, *, read_only: bool = False) -> Days:
    """Raises LogError when the log cannot be used; read-only never takes the log's lock."""
    settings, _problems = load_settings(paths.config_file)
    clock = clock or SystemClock()
    log = TrainingLog(paths.log_file, read_only=read_only, clock=clock)
    today = clock.now().date()
    return Days(settings, log, Schedule(log), today)
