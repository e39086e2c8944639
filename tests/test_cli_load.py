"""`runstrength load`: weekly load of runs and strength and today's ratio, worked by hand."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from runstrength.cli import main
from runstrength.core.records import SessionInfo, SetRecord
from runstrength.core.runs import Activity
from runstrength.store import TrainingLog
from runstrength.store.runs import RunLog

TODAY = date.today()


def at(days_back: int, hour: int) -> datetime:
    return datetime.combine(TODAY - timedelta(days=days_back), time(hour)).astimezone()


def strength(log: TrainingLog, days_back: int, minutes: int, effort: int | None) -> None:
    start = at(days_back, 18)
    info = SessionInfo(id=f"s{days_back}", program="endurance", started_at=start)
    done = start + timedelta(minutes=5)
    log.log_set(info, SetRecord("glute-bridge", 1, None, 20, 20, None, None, done))
    log.finish_session(info, "completed", start + timedelta(minutes=minutes))
    if effort is not None:
        log.set_effort(info.id, effort)


def a_run(days_back: int, minutes: int, effort: int | None) -> Activity:
    start = at(days_back, 7)
    return Activity(id="", day=start.date(), start=start, duration_s=minutes * 60.0, effort=effort)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    log = TrainingLog(tmp_path / "log.json")
    strength(log, 35, 30, 5)  # 5 x 30 = 150
    strength(log, 1, 30, 8)  # 8 x 30 = 240
    RunLog(log).add([a_run(30, 60, 5), a_run(2, 40, 6)])  # 300 and 240
    log.close()
    return tmp_path


def cli(data: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_load_as_json(data: Path, capsys) -> None:
    code, out, _ = cli(data, capsys, "load", "--json")
    assert code == 0
    report = json.loads(out)
    assert len(report["weeks"]) == 8
    # Runs 300 + 240 = 540, strength 150 + 240 = 390, all within 8 weeks.
    assert sum(w["runs"] for w in report["weeks"]) == 540
    assert sum(w["strength"] for w in report["weeks"]) == 390
    # Last 7 days: 240 + 240 = 480, a day 480 / 7; last 28 days: the same 480, a day
    # 480 / 28 (the run 30 days back and the session 35 back are older): 4.0.
    assert report["ratio"] == 4.0
    assert report["ratio_note"] == "load rising fast"
    assert report["band"] == [0.8, 1.3]


def test_load_as_a_table(data: Path, capsys) -> None:
    code, out, _ = cli(data, capsys, "load", "--weeks", "2")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["WEEK", "OF", "RUNS", "STRENGTH", "TOTAL", "RATIO"]
    assert len(lines) == 1 + 2 + 2
    assert "Acute:chronic ratio today: 4.00 (load rising fast; steady is 0.8-1.3)" in out


@pytest.mark.parametrize("weeks", ["0", "105", "many", "-1"])
def test_bad_weeks_are_refused(data: Path, capsys, weeks: str) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["--data-dir", str(data), "load", "--weeks", weeks])
    assert stopped.value.code == 2
    assert "--weeks" in capsys.readouterr().err


def test_an_empty_log_says_what_load_counts(tmp_path: Path, capsys) -> None:
    code, out, _ = cli(tmp_path, capsys, "load")
    assert code == 0
    assert "No load yet" in out


def test_a_damaged_run_record_is_named_not_a_crash(data: Path, capsys) -> None:
    path = data / "log.json"
    log = json.loads(path.read_text())
    next(iter(log["runs"].values()))["day"] = "2000-13-45"
    path.write_text(json.dumps(log))
    code, _, err = cli(data, capsys, "load")
    assert code == 1
    assert "runs record" in err


def test_status_warns_when_load_rises_fast(data: Path, capsys) -> None:
    code, out, _ = cli(data, capsys, "status")
    assert code == 0
    assert "Load rising fast: 4.00 (the last 7 days against 28): go easier." in out
    _, out, _ = cli(data, capsys, "status", "--json")
    assert json.loads(out)["load_ratio"] == 4.0
    _, out, _ = cli(data / "empty", capsys, "status", "--json")
    assert json.loads(out)["load_ratio"] is None


def test_an_imported_session_ended_the_next_day_counts_three_hours(tmp_path: Path, capsys) -> None:
    """A session whose end was logged 24 h 40 min after its start: not a day of training
    (5 x 1480 = 7400) but 3 hours at most (5 x 180 = 900), and the table says so."""
    source = tmp_path / "source"
    log = TrainingLog(source / "log.json")
    strength(log, 3, 24 * 60 + 40, None)
    log.close()
    code, exported, _ = cli(source, capsys, "export")
    assert code == 0
    file = tmp_path / "sessions.json"
    file.write_text(exported, encoding="utf-8")
    data = tmp_path / "data"
    data.mkdir()
    code, _, _ = cli(data, capsys, "import", str(file))
    assert code == 0
    code, out, _ = cli(data, capsys, "load", "--json")
    assert sum(w["strength"] for w in json.loads(out)["weeks"]) == 900
    code, out, _ = cli(data, capsys, "load")
    assert code == 0
    day = TODAY - timedelta(days=3)
    assert (
        f"Strength logged longer than 3 h counts as 3 h (check its end time): {day:%a %Y-%m-%d}."
        in out
    )
    code, out, _ = cli(data, capsys, "history")
    assert "24 h 40 min" in out  # shown as logged
