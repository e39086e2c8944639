"""How home and the calendar look with runs, at 80x24 (SVG baselines)."""

from __future__ import annotations

from pathlib import Path

from tests.ui.test_restday_snapshots import SIZE, keys
from tests.ui.test_runs_flow import seed_runs


def test_home_the_day_before_a_long_run(snap_compare, make_app, tmp_path: Path) -> None:
    """Tomorrow's long run keeps today free: the run, the rule and the next day show."""
    seed_runs(tmp_path)
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=keys())


def test_calendar_with_runs(snap_compare, make_app, tmp_path: Path) -> None:
    """Run marks and distances in the month; a refused add names the run."""
    seed_runs(tmp_path)
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=keys("c", "a"))
