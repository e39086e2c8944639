"""A run's start is shown in the local time of the computer (its zone's rule for that
moment, summer time included), not in the UTC offset the file kept: in `runs list` and
`runs show`. The JSON keeps the offset as recorded (it is data, not a display)."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from runstrength.cli import main
from runstrength.store import TrainingLog
from runstrength.store.runs import RunLog
from tests.core.test_core_run_times import EVENING, PAST_MIDNIGHT, SUMMER
from tests.doubles import FakeClock


def test_runs_list_and_show_give_local_times(
    berlin: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = TrainingLog(tmp_path / "log.json", clock=FakeClock())
    RunLog(log).merge([SUMMER, EVENING, PAST_MIDNIGHT])
    log.close()

    assert main(["--data-dir", str(tmp_path), "runs", "list"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert [re.split(r"\s{2,}", row)[:4] for row in rows] == [
        ["summer", "2026-07-01", "07:00", "running"],
        ["evening", "2026-11-20", "18:10", "running"],
        ["late", "2026-11-21", "Fri 23:30", "running"],
    ]

    assert main(["--data-dir", str(tmp_path), "runs", "show", "evening"]) == 0
    shown = capsys.readouterr().out
    assert "  Start: 18:10 (19:10 UTC+02:00 where recorded)" in shown.splitlines()
    assert main(["--data-dir", str(tmp_path), "runs", "show", "summer"]) == 0
    assert "  Start: 07:00 (05:00 UTC where recorded)" in capsys.readouterr().out

    # The JSON is data: the start as the file gave it, offset and all.
    assert main(["--data-dir", str(tmp_path), "runs", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [a["start"] for a in listed] == [
        "2026-07-01T05:00:00+00:00",
        "2026-11-20T19:10:00+02:00",
        "2026-11-21T00:30:00+02:00",
    ]


def test_a_start_recorded_in_the_local_zone_shows_no_second_time(
    berlin: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    here = EVENING._replace(
        start=datetime(2026, 11, 20, 18, 10, tzinfo=timezone(timedelta(hours=1)))
    )
    log = TrainingLog(tmp_path / "log.json", clock=FakeClock())
    RunLog(log).merge([here])
    log.close()
    assert main(["--data-dir", str(tmp_path), "runs", "show", "evening"]) == 0
    assert "  Start: 18:10\n" in capsys.readouterr().out
