"""The training load read from the log: strength sessions and completed runs.

Only the days the weeks asked for (and the 28 days before them, for the ratio) are
read, with the day the log starts: a long history costs no more than a short one.
"""

from __future__ import annotations

from datetime import date

from runstrength.core.load import LoadReport, first_day_needed, load_report
from runstrength.core.runs import RunSettings
from runstrength.store.log import TrainingLog
from runstrength.store.runs import RunLog


def read_load(log: TrainingLog, settings: RunSettings, today: date, weeks: int) -> LoadReport:
    """The last `weeks` weeks of load up to `today`, and today's ratio."""
    since = first_day_needed(today, weeks)
    runs = RunLog(log)
    starts = [day for day in (log.first_day(), runs.first_day()) if day is not None]
    return load_report(
        log.session_summaries(since, today),
        runs.between(since, today, planned=False),
        settings,
        today,
        weeks,
        min(starts, default=None),
    )
