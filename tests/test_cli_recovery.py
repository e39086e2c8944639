"""Recovery routines on the command line: history marks them, JSON and export/import carry
them, status and a refused start point to `start --recovery`.

Fixtures are written relative to the real today: the command reads the real clock.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path

from runstrength.core.records import SessionInfo, SetRecord, StretchRecord, WarmupRecord
from runstrength.store import TrainingLog

COMMAND = str(Path(sys.executable).with_name("runstrength"))
TODAY = date.today()


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [COMMAND, "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def seed(data_dir: Path) -> None:
    """A strength session the day before yesterday, a recovery routine yesterday."""
    log = TrainingLog(data_dir / "log.json")
    started = datetime.combine(TODAY - timedelta(days=2), time(7, 0)).astimezone()
    strength = SessionInfo("strength-1", "endurance", started)
    log.log_set(strength, SetRecord("glute-bridge", 1, None, 20, 18, None, None, started))
    log.finish_session(strength, "completed", started + timedelta(minutes=30))
    started = datetime.combine(TODAY - timedelta(days=1), time(18, 0)).astimezone()
    routine = SessionInfo("routine-1", "endurance", started, kind="recovery")
    log.log_routine(routine, WarmupRecord(seconds=300, target_seconds=300))
    stretch = StretchRecord(
        "cobra-stretch", "dead-bug", None, 30, 30, False, started + timedelta(minutes=6)
    )
    log.log_routine(routine, stretch)
    log.finish_session(routine, "completed", started + timedelta(minutes=7))
    log.close()


def test_history_marks_the_routine_and_json_carries_it(tmp_path: Path) -> None:
    seed(tmp_path)
    table = run(tmp_path, "history")
    assert table.returncode == 0, table.stderr
    newest, oldest = table.stdout.strip().splitlines()[1:]
    assert newest.split()[-4:] == ["-", "-", "-", "recovery"]
    assert "recovery" not in oldest
    document = json.loads(run(tmp_path, "history", "--json").stdout)
    kinds = {s["id"]: s["kind"] for s in document["sessions"]}
    assert kinds == {"strength-1": "strength", "routine-1": "recovery"}
    [routine] = [s for s in document["sessions"] if s["kind"] == "recovery"]
    assert routine["sets"] == []
    assert routine["warmup"] == {"seconds": 300, "target_seconds": 300}
    assert [s["stretch"] for s in routine["stretches"]] == ["cobra-stretch"]


def test_export_import_export_gives_the_same_bytes(tmp_path: Path) -> None:
    seed(tmp_path / "a")
    out = tmp_path / "out.json"
    assert run(tmp_path / "a", "export", "-o", str(out)).returncode == 0
    imported = run(tmp_path / "b", "import", str(out))
    assert imported.returncode == 0, imported.stderr
    assert "Imported 2 sessions" in imported.stdout
    assert run(tmp_path / "b", "export").stdout == out.read_text()
    log = TrainingLog(tmp_path / "b" / "log.json", read_only=True)
    assert [s.info.kind for s in log.sessions()] == ["strength", "recovery"]


def test_a_routine_yesterday_leaves_today_a_training_day(tmp_path: Path) -> None:
    seed(tmp_path)
    report = json.loads(run(tmp_path, "status", "--json").stdout)
    assert report["training_day"] is True


def test_a_refused_start_and_status_point_to_the_routine(tmp_path: Path) -> None:
    log = TrainingLog(tmp_path / "log.json")
    started = datetime.combine(TODAY - timedelta(days=1), time(7, 0)).astimezone()
    info = SessionInfo("s1", "endurance", started)
    log.log_set(info, SetRecord("glute-bridge", 1, None, 20, 18, None, None, started))
    log.finish_session(info, "completed", started + timedelta(minutes=30))
    log.close()
    refused = run(tmp_path, "start")
    assert refused.returncode == 1
    assert "runstrength start --recovery" in refused.stderr
    assert "runstrength start --recovery" in run(tmp_path, "status").stdout


def test_start_recovery_is_offered_and_checks_its_program(tmp_path: Path) -> None:
    assert "--recovery" in run(tmp_path, "start", "--help").stdout
    result = run(tmp_path, "start", "--recovery", "--program", "nope")
    assert result.returncode == 2
    assert 'no program named "nope"' in result.stderr
