"""The training load read from the log: every strength session and completed run."""

from __future__ import annotations

from datetime import date

from runstrength.core.load import LoadReport, load_report
from runstrength.core.runs import RunSettings
from runstrength.store.log import TrainingLog
from runstrength.store.runs import RunLog


def read_load(log: TrainingLog, settings: RunSettings, today: date, weeks: int) -> LoadReport:
    """The last `weeks` weeks of load up to `today`, and today's ratio."""
    return load_report(
        log.session_summaries(until=today),
        RunLog(log).between(until=today, planned=False),
        settings,
        today,
        weeks,
    )
