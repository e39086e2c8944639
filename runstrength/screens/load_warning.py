"""Home's warning when training load rises fast, read from the log (without the load
view's chart library)."""

from __future__ import annotations

from datetime import date

from runstrength.context import AppContext
from runstrength.store import LogError


def load_warning(context: AppContext, today: date) -> str:
    """Home's line when load rises fast (the ratio above 1.5), else ""; read from the log
    (on a worker thread)."""
    from runstrength.core.load import rising_fast
    from runstrength.core.settings import run_settings
    from runstrength.store.load import read_load

    try:
        report = read_load(context.log, run_settings(context.settings), today, 1)
    except LogError:
        return ""  # home shows the log's problem with the last session
    warning = rising_fast(report.ratio)
    if warning is None:
        return ""
    return (
        f"[b]{warning[0].upper()}{warning[1:]}[/b] (the last 7 days against 28) · "
        "go easier for a few days"
    )
