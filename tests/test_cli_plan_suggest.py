"""`plan suggest` says plainly when no day of a week fits (not "only 0 of 2")."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.test_cli_runs import ics, run


def test_a_week_with_no_day_says_so(tmp_path: Path) -> None:
    data = tmp_path / "data"
    race = tmp_path / "race.ics"
    # A race on next week's Sunday: the days before it are its taper, so no strength
    # day fits that week, Monday to Sunday as the calendar shows it.
    today = date.today()
    next_monday = today + timedelta(days=7 - today.weekday())
    on = (next_monday + timedelta(days=6)).strftime("%Y%m%d")
    race.write_text(ics(("race@coach", on, "City half marathon race")))
    assert run(data, "runs", "plan", str(race)).returncode == 0
    shown = run(data, "plan", "suggest", "--weeks", "2")
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    weeks = [line for line in lines if line.startswith("Week of ")]
    assert weeks[0].startswith(f"Week of {today - timedelta(days=today.weekday()):%a %-d %b}")
    assert weeks[1].startswith(f"Week of {next_monday:%a %-d %b}")
    after = lines[lines.index(weeks[1]) + 1 :]
    assert after[0].startswith("  no day fits this week: the rules leave no more up to Sun ")
    assert "0 of" not in shown.stdout
