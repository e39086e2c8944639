"""A calendar event repeating by the minute (or the hour) plans one run a day, and the
runner is told how many repeats were left out; not 400 runs on one morning."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from tests.test_cli_runs import run


def test_a_rule_by_the_minute_plans_one_run_a_day(tmp_path: Path) -> None:
    data = tmp_path / "data"
    on = (date.today() + timedelta(days=1)).strftime("%Y%m%d")
    calendar = tmp_path / "plan.ics"
    calendar.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//coach//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:easy@coach\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:{on}T070000Z\r\n"
        "RRULE:FREQ=MINUTELY\r\nSUMMARY:Easy run\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    planned = run(data, "runs", "plan", str(calendar))
    assert planned.returncode == 0, planned.stderr
    assert "; left out: 19985 more repeats on a day already planned (one a day)." in planned.stdout
    listed = json.loads(run(data, "runs", "list", "--json").stdout)
    per_day = Counter(a["day"] for a in listed)
    assert listed
    assert max(per_day.values()) == 1
