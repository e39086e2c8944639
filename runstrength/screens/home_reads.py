"""What home reads from the log on its workers, and the messages that carry it back."""

from __future__ import annotations

import threading
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from textual.message import Message

if TYPE_CHECKING:
    from runstrength.context import AppContext
    from runstrength.core.records import SessionRecord
    from runstrength.core.restdays import StartCheck, TrainingDays
    from runstrength.core.runs import RunMark
    from runstrength.store.runs_folder import FolderImport

# The messages keep the home screen's namespace: handlers stay `on_home_screen_…`.
HOME = "home_screen"


class LogOnHome(NamedTuple):
    """What home shows from the log: the last session and today under the rest-day rule
    (or why the log could not be read)."""

    last: SessionRecord | None = None
    error: str | None = None
    check: StartCheck | None = None
    trained_today: bool = False
    run_today: RunMark | None = None


class LogRead(Message, namespace=HOME):
    """The log has been read for home (on a worker)."""

    def __init__(self, from_log: LogOnHome, reading: int) -> None:
        super().__init__()
        self.from_log = from_log
        self.reading = reading
        """Which read it is: home shows only the one it asked for last."""
        self.painted = threading.Event()
        """Set once what was read is on screen: the worker goes on to the load then."""


class LoadRead(Message, namespace=HOME):
    """The training-load line (empty when all is well), worked out after the paint."""

    def __init__(self, load: str, reading: int) -> None:
        super().__init__()
        self.load = load
        self.reading = reading


class DamageFound(Message, namespace=HOME):
    """The log file holds malformed records (checked after the paint): `detail` names the
    first. A session's sets still land in the journal, but its end cannot be folded in."""

    def __init__(self, detail: str) -> None:
        super().__init__()
        self.detail = detail


class OpenSessionsFound(Message, namespace=HOME):
    """Sessions left open (set aside or cut off), oldest first; `offer`: ask now."""

    def __init__(self, sessions: list[SessionRecord], offer: bool) -> None:
        super().__init__()
        self.sessions = sessions
        self.offer = offer


class LogChanged(Message, namespace=HOME):
    """A write home asked for has landed: what it shows is read again."""


class PlanMoved(Message, namespace=HOME):
    """Tomorrow's plan was moved (`to`), or why not (`problem`); the session follows."""

    def __init__(self, to: date, problem: str | None) -> None:
        super().__init__()
        self.to = to
        self.problem = problem


class RunsImported(Message, namespace=HOME):
    """The runs folder has been read into the log."""

    def __init__(self, found: FolderImport) -> None:
        super().__init__()
        self.found = found


def read_home(context: AppContext) -> tuple[LogOnHome, date]:
    """What home shows from the log (the last session, today under the rest-day rule),
    and which day today is; LogError when the log cannot be read."""
    from runstrength.core.restdays import can_start_today

    last = context.log.last_session()
    days = training_days(context)
    check = can_start_today(days)
    today = days.today
    return LogOnHome(last, None, check, today in days.logged, days.runs.get(today)), today


def training_days(context: AppContext) -> TrainingDays:
    """The days around today as the rest-day rule sees them (reads the log)."""
    from runstrength.core.settings import run_settings
    from runstrength.store.schedule import Schedule

    today = context.clock.now().date()
    schedule = Schedule(context.log)
    settings = context.settings
    return schedule.training_days(today, settings.weekly_rest_days, runs=run_settings(settings))
