"""`runstrength doctor` and how every command treats a damaged, newer or locked log."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from runstrength.core.records import SessionInfo, SetRecord
from runstrength.store import TrainingLog
from runstrength.store.backups import list_backups

COMMAND = str(Path(sys.executable).with_name("runstrength"))
STARTED = datetime(2026, 11, 23, 7, 0, tzinfo=timezone(timedelta(hours=1)))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([COMMAND, *args], capture_output=True, text=True, timeout=60)


def log_sessions(data: Path, count: int) -> None:
    log = TrainingLog(data / "log.json")
    for number in range(count):
        info = SessionInfo(id=f"s{number}", program="endurance", started_at=STARTED)
        record = SetRecord("glute-bridge", 1, None, 20, 18, None, None, STARTED)
        log.log_set(info, record)
        log.finish_session(info, "completed", STARTED + timedelta(minutes=30))
    log.close()


def test_doctor_help_offers_repair() -> None:
    result = run("doctor", "--help")
    assert result.returncode == 0
    assert "--repair" in result.stdout


def test_a_healthy_log_is_reported_as_such(tmp_path: Path) -> None:
    log_sessions(tmp_path, 3)
    result = run("--data-dir", str(tmp_path), "doctor")
    assert result.returncode == 0, result.stderr
    assert "3 sessions, 3 sets" in result.stdout
    assert "backups: 2" in result.stdout  # the first fold had no file to keep


def test_a_damaged_log_is_found_and_repaired_from_the_newest_backup(tmp_path: Path) -> None:
    log_sessions(tmp_path, 3)
    log_file = tmp_path / "log.json"
    damaged = log_file.read_bytes()[:-20]  # cut short, as a crash in a plain rewrite would
    log_file.write_bytes(damaged)

    opened = run("--data-dir", str(tmp_path))
    assert opened.returncode == 1
    assert str(log_file) in opened.stderr
    assert str(list_backups(log_file)[0]) in opened.stderr
    assert log_file.read_bytes() == damaged

    checked = run("--data-dir", str(tmp_path), "doctor")
    assert checked.returncode == 1
    assert "damaged" in checked.stderr
    assert "--repair" in checked.stderr

    repaired = run("--data-dir", str(tmp_path), "doctor", "--repair")
    assert repaired.returncode == 0, repaired.stderr
    [copy] = tmp_path.glob("log.json.damaged-*")
    assert copy.read_bytes() == damaged
    assert "restored" in repaired.stdout
    assert [s.id for s in TrainingLog(log_file, read_only=True).sessions()] == ["s0", "s1"]
    assert run("--data-dir", str(tmp_path), "doctor").returncode == 0


def test_without_a_readable_backup_repair_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "log.json").write_text('{"meta": ')
    result = run("--data-dir", str(tmp_path), "doctor", "--repair")
    assert result.returncode == 1
    assert "no readable backup" in result.stderr
    assert (tmp_path / "log.json").read_text() == '{"meta": '
    assert not list(tmp_path.glob("log.json.damaged-*"))


def test_a_damaged_journal_keeps_its_readable_lines(tmp_path: Path) -> None:
    log = TrainingLog(tmp_path / "log.json")
    info = SessionInfo(id="live", program="endurance", started_at=STARTED)
    for number in (1, 2, 3):
        log.log_set(info, SetRecord("glute-bridge", number, None, 20, 18, None, None, STARTED))
    log.close()
    journal = tmp_path / "log.journal"
    lines = journal.read_bytes().split(b"\n")
    lines[2] = b'{"set": broken'
    journal.write_bytes(b"\n".join(lines))
    assert run("--data-dir", str(tmp_path)).returncode == 1
    repaired = run("--data-dir", str(tmp_path), "doctor", "--repair")
    assert repaired.returncode == 0, repaired.stderr
    [session] = TrainingLog(tmp_path / "log.json").sessions()
    assert [s.set for s in session.sets] == [1, 3]


def test_a_newer_log_is_refused_by_the_app_and_the_doctor(tmp_path: Path) -> None:
    content = json.dumps({"meta": {"1": {"schema": 99}}, "sessions": {}})
    (tmp_path / "log.json").write_text(content)
    assert "newer runstrength" in run("--data-dir", str(tmp_path)).stderr
    checked = run("--data-dir", str(tmp_path), "doctor")
    assert checked.returncode == 1
    assert "format 99" in checked.stderr
    assert (tmp_path / "log.json").read_text() == content


HOLDER = """
import sys, time
from pathlib import Path
from runstrength.store import TrainingLog
log = TrainingLog(Path(sys.argv[1]) / "log.json")
print("held", flush=True)
time.sleep(30)
"""


def test_a_second_app_is_refused_and_read_only_commands_still_work(tmp_path: Path) -> None:
    log_sessions(tmp_path, 1)
    before = (tmp_path / "log.json").read_bytes()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        second = run("--data-dir", str(tmp_path), "start")
        assert second.returncode == 1
        assert f"pid {holder.pid}" in second.stderr
        assert "Nothing was written" in second.stderr
        home = run("--data-dir", str(tmp_path))  # home reads the log later, locks it first
        assert home.returncode == 1
        assert f"pid {holder.pid}" in home.stderr
        checked = run("--data-dir", str(tmp_path), "doctor")
        assert checked.returncode == 0
        assert f"pid {holder.pid}" in checked.stdout
        refused = run("--data-dir", str(tmp_path), "doctor", "--repair")
        assert refused.returncode == 0  # nothing to repair, so no lock is needed
    finally:
        holder.kill()
        holder.wait()
    assert (tmp_path / "log.json").read_bytes() == before


def test_a_damaged_past_year_is_found_and_repaired_from_its_backup(tmp_path: Path) -> None:
    from tests.old_format import history

    past = [r for r in history(104) if r.date.year < datetime.now().year]
    log = TrainingLog(tmp_path / "log.json")
    log.add_sessions(past[:-1])
    log.add_sessions(past[-1:])  # the year's file is written again: a backup of it is kept
    log.close()
    year = tmp_path / "years" / f"{past[-1].date.year}.json"
    healthy = run("--data-dir", str(tmp_path), "doctor")
    assert healthy.returncode == 0, healthy.stderr
    assert "past year" in healthy.stdout
    damaged = year.read_bytes()[:-20]
    year.write_bytes(damaged)

    history_cmd = run("--data-dir", str(tmp_path), "history", "--json")
    assert history_cmd.returncode == 1
    assert str(year) in history_cmd.stderr
    checked = run("--data-dir", str(tmp_path), "doctor")
    assert checked.returncode == 1
    assert f"{year} is damaged" in checked.stderr + checked.stdout

    repaired = run("--data-dir", str(tmp_path), "doctor", "--repair")
    assert repaired.returncode == 0, repaired.stderr
    assert year.read_bytes() != damaged
    [copy] = year.parent.glob(f"{year.name}.damaged-*")
    assert copy.read_bytes() == damaged
    after = TrainingLog(tmp_path / "log.json", read_only=True).sessions()
    assert {r.id for r in after} == {r.id for r in past[:-1]}  # as the backup held them


def test_history_says_cut_off_unless_an_app_may_have_the_session_under_way(
    tmp_path: Path,
) -> None:
    log = TrainingLog(tmp_path / "log.json")
    info = SessionInfo(id="open", program="endurance", started_at=STARTED)
    log.log_set(info, SetRecord("glute-bridge", 1, None, 20, 18, None, None, STARTED))
    log.close()  # the session never ended nor was set aside
    alone = run("--data-dir", str(tmp_path), "history")
    assert "cut off" in alone.stdout
    assert "in-progress" not in alone.stdout
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        beside = run("--data-dir", str(tmp_path), "history")  # the app may run it now
        assert "in-progress" in beside.stdout
    finally:
        holder.kill()
        holder.wait()
