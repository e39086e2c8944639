"""How hard it was on the command line: `runs effort`, the effort column of `history`,
and effort in the JSON and CSV export."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from runstrength.cli import main
from runstrength.core.records import SessionInfo, SetRecord
from runstrength.core.runs import Activity
from runstrength.store import TrainingLog
from runstrength.store.runs import RunLog

TZ = timezone(timedelta(hours=1))
START = datetime(2026, 11, 23, 7, 0, tzinfo=TZ)


def cli(data: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(["--data-dir", str(data), *args])
    except SystemExit as stop:  # refused while the arguments were read
        code = int(stop.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def data(tmp_path: Path) -> Path:
    log = TrainingLog(tmp_path / "log.json")
    info = SessionInfo(id="s1", program="endurance", started_at=START)
    log.log_set(
        info,
        SetRecord("glute-bridge", 1, None, 20, 18, None, None, START + timedelta(minutes=10)),
    )
    log.finish_session(info, "completed", START + timedelta(minutes=30))
    log.set_effort("s1", 6)
    RunLog(log).add(
        [
            Activity(
                id="",
                day=date(2026, 11, 24),
                start=START + timedelta(days=1),
                duration_s=2400,
                title="Easy",
            ),
            Activity(
                id="",
                day=date(2026, 11, 25),
                start=START + timedelta(days=2),
                duration_s=3600,
                sport="cycling",
            ),
        ]
    )
    RunLog(log).replace_planned(
        "plan.ics", [Activity(id="", day=date(2026, 12, 6), title="Long run")], date(2026, 11, 23)
    )
    log.close()
    return tmp_path


def test_runs_effort_rates_a_run_and_auto_goes_back(data: Path, capsys) -> None:
    code, out, _ = cli(data, capsys, "runs", "effort", "20261124-0700", "4")
    assert code == 0
    assert "effort 4 somewhat hard" in out
    code, out, _ = cli(data, capsys, "runs", "list", "--json")
    assert [a["effort"] for a in json.loads(out)] == [4, None, None]
    _, out, _ = cli(data, capsys, "runs", "show", "20261124-0700")
    assert "Effort: 4 somewhat hard (yours)" in out
    assert "Load: 160 (effort x minutes)" in out  # 4 x 40 min
    code, out, _ = cli(data, capsys, "runs", "effort", "20261124-0700", "auto")
    assert code == 0
    assert "effort 3 moderate (estimated from its kind)" in out


@pytest.mark.parametrize("bad", ["11", "-2", "hard", "4.5", ""])
def test_runs_effort_refuses_a_number_off_the_scale(data: Path, capsys, bad: str) -> None:
    code, _, err = cli(data, capsys, "runs", "effort", "20261124-0700", bad)
    assert code == 2
    assert ("0 to 10" in err or "0-10" in err) if bad else "must not be empty" in err
    assert len(err.strip().splitlines()) == 1
    _, out, _ = cli(data, capsys, "runs", "list", "--json")
    assert json.loads(out)[0]["effort"] is None  # nothing changed


def test_runs_effort_on_what_is_not_a_run(data: Path, capsys) -> None:
    code, _, err = cli(data, capsys, "runs", "effort", "20261125-0700", "5")
    assert code == 2
    assert "cycling activity" in err
    code, _, err = cli(data, capsys, "runs", "effort", "plan-20261206", "5")
    assert code == 2
    assert "a planned run" in err
    code, _, err = cli(data, capsys, "runs", "effort", "nope", "5")
    assert code == 1
    assert 'no run or activity with id "nope"' in err


def test_history_shows_the_effort(data: Path, capsys) -> None:
    _code, out, _ = cli(data, capsys, "history")
    header, row = out.splitlines()
    assert "Effort" in header
    assert row.split()[-1] == "6"
    _, out, _ = cli(data, capsys, "history", "--json")
    assert json.loads(out)["sessions"][0]["effort"] == 6


def test_export_carries_effort_and_reads_back(data: Path, capsys, tmp_path: Path) -> None:
    _, out, _ = cli(data, capsys, "export", "--format", "csv")
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert row["effort"] == "6"
    exported = tmp_path / "all.json"
    assert cli(data, capsys, "export", "-o", str(exported))[0] == 0
    again = tmp_path / "again"
    assert cli(again, capsys, "import", str(exported))[0] == 0
    second = tmp_path / "second.json"
    cli(again, capsys, "export", "-o", str(second))
    assert second.read_bytes() == exported.read_bytes()
    assert json.loads(second.read_text())["sessions"][0]["effort"] == 6
