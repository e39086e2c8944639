"""status, schedule and the rest-day refusal of start, through the installed command.

Fixtures are written relative to the real today: the command reads the real clock.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from runstrength.core.records import SessionInfo, SetRecord
from runstrength.store import TrainingLog
from runstrength.store.schedule import Schedule

COMMAND = str(Path(sys.executable).with_name("runstrength"))
TODAY = date.today()


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [COMMAND, "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def log_session(data_dir: Path, offset: int, program: str = "endurance") -> None:
    started = datetime.combine(day(offset), time(7, 0)).astimezone()
    info = SessionInfo(f"s{offset}", program, started)
    log = TrainingLog(data_dir / "log.json")
    log.log_set(
        info, SetRecord("glute-bridge", 1, None, 20, 18, None, None, started + timedelta(minutes=9))
    )
    log.finish_session(info, "partial", started + timedelta(minutes=20))
    log.close()


def plans(data_dir: Path) -> list[tuple[date, str]]:
    log = TrainingLog(data_dir / "log.json", read_only=True)
    return [(p.day, p.program) for p in Schedule(log).between()]


def test_help_for_each_command(tmp_path: Path) -> None:
    for args in (["status"], ["schedule"], *[["schedule", a] for a in ("add", "list")]):
        result = run(tmp_path, *args, "--help")
        assert result.returncode == 0, args
        assert "usage:" in result.stdout
    assert "--json" in run(tmp_path, "status", "--help").stdout
    assert "--ics" in run(tmp_path, "schedule", "export", "--help").stdout


def test_status_on_a_rest_day_names_the_session_and_the_next_date(tmp_path: Path) -> None:
    log_session(tmp_path, -1)
    result = run(tmp_path, "status")
    assert result.returncode == 0
    assert result.stdout.startswith("Rest day:")
    assert "endurance session logged on" in result.stdout
    assert f"({day(-1).isoformat()})" in result.stdout
    assert f"Next session possible: {day(1):%a}" in result.stdout
    report = json.loads(run(tmp_path, "status", "--json").stdout)
    assert report["today"] == TODAY.isoformat()
    assert report["training_day"] is False
    assert "rest day" in report["reason"]
    assert report["cause"] == {
        "kind": "logged",
        "date": day(-1).isoformat(),
        "program": "endurance",
    }
    assert report["next_allowed"] == day(1).isoformat()


def test_status_on_a_training_day(tmp_path: Path) -> None:
    log_session(tmp_path, -2)
    report = json.loads(run(tmp_path, "status", "--json").stdout)
    assert report["training_day"] is True
    assert report["next_allowed"] == TODAY.isoformat()
    assert run(tmp_path, "status").stdout.startswith("Training day:")
    assert report["trained_today"] is False


def test_status_after_a_session_today(tmp_path: Path) -> None:
    log_session(tmp_path, 0)
    report = json.loads(run(tmp_path, "status", "--json").stdout)
    assert report["training_day"] is True  # a second session is allowed
    assert report["trained_today"] is True
    text = run(tmp_path, "status").stdout
    assert text.startswith("Trained today:")
    assert "Tomorrow is a rest day" in text


def test_add_list_remove(tmp_path: Path) -> None:
    added = run(tmp_path, "schedule", "add", day(2).isoformat())
    assert added.returncode == 0, added.stderr
    assert day(2).isoformat() in added.stdout
    sprint = run(tmp_path, "schedule", "add", day(5).isoformat(), "--program", "sprint")
    assert sprint.returncode == 0, sprint.stderr
    assert plans(tmp_path) == [(day(2), "endurance"), (day(5), "sprint")]
    listed = json.loads(run(tmp_path, "schedule", "list", "--json").stdout)
    assert listed == [
        {"date": day(2).isoformat(), "program": "endurance"},
        {"date": day(5).isoformat(), "program": "sprint"},
    ]
    window = run(
        tmp_path, "schedule", "list", "--from", day(3).isoformat(), "--to", day(9).isoformat()
    )
    assert window.returncode == 0
    assert day(5).isoformat() in window.stdout
    assert day(2).isoformat() not in window.stdout
    removed = run(tmp_path, "schedule", "remove", day(2).isoformat())
    assert removed.returncode == 0
    assert plans(tmp_path) == [(day(5), "sprint")]
    again = run(tmp_path, "schedule", "remove", day(2).isoformat())
    assert again.returncode == 1
    assert "no session is scheduled" in again.stderr
    assert (
        "No sessions planned."
        in run(tmp_path, "schedule", "list", "--to", day(4).isoformat()).stdout
    )


def test_a_refused_add_says_rest_day_and_when_and_changes_nothing(tmp_path: Path) -> None:
    log_session(tmp_path, -1)
    assert run(tmp_path, "schedule", "add", day(3).isoformat()).returncode == 0
    before = (tmp_path / "log.json").read_bytes()
    for offset, why in ((0, "rest day"), (2, "rest day"), (4, "rest day"), (3, "one a day")):
        result = run(tmp_path, "schedule", "add", day(offset).isoformat())
        assert result.returncode == 1, offset
        assert why in result.stderr
        assert "Next session possible:" in result.stderr
        assert result.stdout == ""
    refused_today = run(tmp_path, "schedule", "add", TODAY.isoformat()).stderr
    assert f"logged on {day(-1):%a}" in refused_today
    assert f"Next session possible: {day(1):%a}" in refused_today
    assert (tmp_path / "log.json").read_bytes() == before


def test_a_weekly_rest_day_from_the_settings_is_refused(tmp_path: Path) -> None:
    weekday = day(3).strftime("%A").lower()
    (tmp_path / "config.toml").write_text(f'weekly_rest_days = ["{weekday}"]\n')
    result = run(tmp_path, "schedule", "add", day(3).isoformat())
    assert result.returncode == 1
    assert f"{weekday.capitalize()} is a weekly rest day" in result.stderr
    assert f"({day(4).isoformat()})" in result.stderr


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("tomorrow", "is not a date"),
        ("2026-02-30", "2026-02-30 is not a real date: February 2026 has 28 days"),
        ("2026-2-3", "is not a date"),
        ("2000-01-01", "is in the past"),
    ],
)
def test_bad_dates_are_usage_errors(tmp_path: Path, value: str, message: str) -> None:
    result = run(tmp_path, "schedule", "add", value)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "log.json").exists() or plans(tmp_path) == []


def test_other_bad_input(tmp_path: Path) -> None:
    unknown = run(tmp_path, "schedule", "add", day(2).isoformat(), "--program", "nope")
    assert unknown.returncode == 2
    assert 'no program named "nope"' in unknown.stderr
    assert len(unknown.stderr.strip().splitlines()) == 1
    bad_from = run(tmp_path, "schedule", "list", "--from", "2026-13-01")
    assert bad_from.returncode == 2
    assert "--from: 2026-13-01 is not a real date: there is no month 13" in bad_from.stderr
    assert run(tmp_path, "schedule", "remove", "x").returncode == 2
    assert run(tmp_path, "schedule").returncode == 2


def test_start_is_refused_on_a_rest_day(tmp_path: Path) -> None:
    log_session(tmp_path, -1, "sprint")
    result = run(tmp_path, "start")
    assert result.returncode == 1
    assert "rest day" in result.stderr
    assert "sprint session logged on" in result.stderr
    assert f"Next session possible: {day(1):%a}" in result.stderr


def test_export_ics_is_read_back_by_a_calendar_library(tmp_path: Path) -> None:
    assert run(tmp_path, "schedule", "add", day(1).isoformat()).returncode == 0
    assert (
        run(tmp_path, "schedule", "add", day(4).isoformat(), "--program", "sprint").returncode == 0
    )
    target = tmp_path / "plan.ics"
    result = run(tmp_path, "schedule", "export", "--ics", str(target))
    assert result.returncode == 0, result.stderr
    calendar = Calendar.from_ical(target.read_bytes())
    events = sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))
    assert [e.decoded("dtstart") for e in events] == [day(1), day(4)]
    assert [e.decoded("dtend") for e in events] == [day(2), day(5)]
    assert [str(e["summary"]) for e in events] == [
        "Strength session: endurance",
        "Strength session: sprint",
    ]
    assert len({str(e["uid"]) for e in events}) == 2
    unwritable = run(tmp_path, "schedule", "export", "--ics", str(tmp_path / "no" / "x.ics"))
    assert unwritable.returncode == 1
    assert "cannot write" in unwritable.stderr


def test_a_damaged_log_fails_cleanly(tmp_path: Path) -> None:
    (tmp_path / "log.json").write_text("{broken")
    for args in (["status"], ["schedule", "list"]):
        result = run(tmp_path, *args)
        assert result.returncode == 1
        assert "damaged" in result.stderr
    assert (tmp_path / "log.json").read_text() == "{broken"
