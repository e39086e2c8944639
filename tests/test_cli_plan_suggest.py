"""`plan suggest` says plainly when no day of a week fits (not "only 0 of 2")."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.test_cli_runs import ics, run


def test_a_week_with_no_day_says_so(tmp_path: Path) -> None:
    data = tmp_path / "data"
    race = tmp_path / "race.ics"
    # The days before a race are its taper, the day after it rests: no strength this week.
    on = (date.today() + timedelta(days=6)).strftime("%Y%m%d")
    race.write_text(ics(("race@coach", on, "City half marathon race")))
    assert run(data, "runs", "plan", str(race)).returncode == 0
    shown = run(data, "plan", "suggest", "--weeks", "1")
    assert shown.returncode == 0, shown.stderr
    assert "  no day fits this week: the rules leave none up to " in shown.stdout
    assert "0 of" not in shown.stdout
    assert "--apply" not in shown.stdout
