"""An import is one change: sessions, plans and runs in one write after one backup, all
or nothing (a full disk leaves the log as it was, and says so truly), its plans judged by
the rules of `schedule add`."""

from __future__ import annotations

import errno
import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from runstrength.cli import main
from runstrength.core.interchange import to_document
from runstrength.core.records import SessionInfo, SessionRecord, SetRecord
from runstrength.store import TrainingLog
from runstrength.store.backups import list_backups
from runstrength.store.runs import RunLog
from runstrength.store.schedule import Schedule

TODAY = date.today()
ZONE = datetime.now().astimezone().tzinfo


def session(days_ago: int, ident: str) -> SessionRecord:
    start = datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time(), ZONE)
    start += timedelta(hours=7)
    done = SetRecord("glute-bridge", 1, None, 20, 18, None, None, start + timedelta(minutes=5))
    return SessionRecord(
        SessionInfo(ident, "endurance", start), "completed", start + timedelta(minutes=30), [done]
    )


def plan(days_ahead: int, program: str = "endurance") -> dict[str, str]:
    return {"date": (TODAY + timedelta(days=days_ahead)).isoformat(), "program": program}


def exported(tmp_path: Path, plans: list[dict[str, str]], name: str = "in.json") -> Path:
    document: dict[str, Any] = to_document([session(3, "a"), session(6, "b")], [])
    document["schedule"] = plans
    path = tmp_path / name
    path.write_text(json.dumps(document))
    return path


def command(data: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder with one session folded and one set still in the journal."""
    folder = tmp_path / "data"
    log = TrainingLog(folder / "log.json")
    first = session(10, "old")
    log.add_sessions([first])
    running = SessionInfo("running", "endurance", datetime.now().astimezone())
    log.log_set(running, SetRecord("glute-bridge", 1, None, 20, 17, None, None, running.started_at))
    log.close()
    return folder


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_sessions_and_plans_are_one_write_after_one_backup(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = exported(tmp_path, [plan(20), plan(30), plan(40), plan(50), plan(60)])
    before = (data / "log.json").read_bytes()
    code, out, err = command(data, capsys, "import", str(source))
    assert code == 0, err
    assert "Imported 2 sessions" in out
    assert "Imported 5 scheduled days" in out
    imports = [b for b in list_backups(data / "log.json") if b.stem.endswith("-import")]
    assert len(imports) == 1  # five plans: still one backup, of the log as it was
    folds = [b for b in list_backups(data / "log.json") if b.stem.endswith("-fold")]
    assert before in {b.read_bytes() for b in imports + folds}
    log = TrainingLog(data / "log.json", read_only=True)
    assert len(Schedule(log).between()) == 5
    assert {s.id for s in log.sessions()} >= {"a", "b", "old", "running"}


@pytest.mark.parametrize("room", [0, 1, 2])
def test_a_full_disk_mid_import_keeps_all_or_nothing_and_says_so_truly(
    room: int,
    data: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The disk fills after `room` more files are written, wherever that falls."""
    from runstrength.store import storage

    source = exported(tmp_path, [plan(20), plan(30)])
    log = TrainingLog(data / "log.json")  # the journal's fold at opening goes first
    log.close()
    before = files(data)
    write = storage.write_atomically
    written: list[Path] = []

    def filling(path: Path, payload: bytes) -> None:
        if len(written) >= room:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(path)
        write(path, payload)

    monkeypatch.setattr(storage, "write_atomically", filling)
    code, out, err = command(data, capsys, "import", str(source))
    monkeypatch.undo()
    log = TrainingLog(data / "log.json", read_only=True)
    plans = Schedule(log).between()
    ids = {s.id for s in log.sessions()}
    if code == 0:
        assert "Imported 2 sessions" in out
        assert len(plans) == 2
        assert ids == {"a", "b", "old", "running"}
        return
    assert code == 1
    assert "The log on disk is unchanged" in err
    assert "disk is full" in err
    assert plans == []
    assert ids == {"old", "running"}
    changed = {k for k, v in files(data).items() if before.get(k) != v}
    assert {k for k in changed if not k.startswith("backups/")} == set()


@pytest.mark.parametrize(
    ("plans", "named"),
    [
        ([plan(20, "no-such-program")], "no program named"),
        ([plan(20), plan(21)], "rest day"),
        ([plan(20), plan(19)], "rest day"),
        ([plan(365 * 6)], "years ahead"),
    ],
    ids=["unknown program", "the day after a plan", "the day before a plan", "too far ahead"],
)
def test_a_plan_the_rules_refuse_refuses_the_import_and_changes_no_file(
    plans: list[dict[str, str]],
    named: str,
    data: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = exported(tmp_path, [plan(40), *plans])
    before = files(data)
    code, out, err = command(data, capsys, "import", str(source))
    assert code == 2
    assert "nothing was imported" in err
    assert named in err
    assert out == ""
    assert files(data) == before  # the journal not folded, no backup taken


def test_a_weekly_rest_day_is_refused_as_schedule_add_refuses_it(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    day = TODAY + timedelta(days=20)
    (data / "config.toml").write_text(f'weekly_rest_days = ["{day:%A}"]\n'.lower())
    source = exported(tmp_path, [plan(20)])
    code, _, err = command(data, capsys, "import", str(source))
    assert code == 2
    assert (TODAY + timedelta(days=20)).isoformat() in err
    added = command(data, capsys, "schedule", "add", day.isoformat(), "--program", "endurance")
    assert added[0] == 1


def test_past_plans_are_named_and_left_out_the_rest_is_imported(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    past = plan(-30)
    source = exported(tmp_path, [past, plan(20)])
    code, out, err = command(data, capsys, "import", str(source))
    assert code == 0, err
    assert f"Not planned, the days are past: {past['date']}." in out
    log = TrainingLog(data / "log.json", read_only=True)
    assert [p.day.isoformat() for p in Schedule(log).between()] == [plan(20)["date"]]


def test_an_import_of_past_years_leaves_one_backup_of_the_log_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The move of the imported past years to their year files is part of the import:
    the import's backup covers it, no second one of the log in between."""
    folder = tmp_path / "data"
    log = TrainingLog(folder / "log.json")
    log.add_sessions([session(0, "today")])
    log.close()
    before = (folder / "log.json").read_bytes()
    taken = list_backups(folder / "log.json")
    last_year = TODAY - timedelta(days=400)
    document: dict[str, Any] = to_document([session(400, "past"), session(0, "now")], [])
    source = tmp_path / "in.json"
    source.write_text(json.dumps(document))
    code, out, err = command(folder, capsys, "import", str(source))
    assert code == 0, err
    assert "Imported 2 sessions" in out
    new = [b for b in list_backups(folder / "log.json") if b not in taken]
    assert [b.read_bytes() for b in new] == [before]
    assert (folder / "years" / f"{last_year.year}.json").exists()
    log = TrainingLog(folder / "log.json", read_only=True)
    assert {s.id for s in log.sessions()} == {"today", "past", "now"}


def race_calendar(tmp_path: Path, day: date) -> Path:
    path = tmp_path / "race.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//coach//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:race@coach\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:{day:%Y%m%d}\r\n"
        "SUMMARY:City 10k race\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    return path


@pytest.mark.parametrize("rules", ["warn", "refuse"])
def test_plans_the_running_rules_advise_against_are_warned_of_or_refused(
    rules: str, data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """run_rules = "warn" imports them and names each with why; "refuse" imports nothing."""
    race = TODAY + timedelta(days=30)
    assert command(data, capsys, "runs", "plan", str(race_calendar(tmp_path, race)))[0] == 0
    (data / "config.toml").write_text(f'run_rules = "{rules}"\n')
    source = exported(tmp_path, [plan(26), plan(29), plan(40)])
    code, out, err = command(data, capsys, "import", str(source))
    log = TrainingLog(data / "log.json", read_only=True)
    planned = [p.day for p in Schedule(log).between()]
    if rules == "refuse":
        assert code == 2
        assert "nothing was imported" in err
        assert planned == []
        return
    assert code == 0, err
    assert "Imported 3 scheduled days" in out
    assert planned == [TODAY + timedelta(days=d) for d in (26, 29, 40)]
    warned = out[out.index("Warning: ") :].splitlines()
    assert "advise against 2 imported plans" in warned[0]
    assert warned[1].startswith(f"  {plan(26)['date']} endurance: ")
    assert "taper" in warned[1]
    assert warned[2].startswith(f"  {plan(29)['date']} endurance: ")
    assert "the day before your planned race" in warned[2]
    assert "schedule remove" in warned[3]
    assert plan(40)["date"] not in "\n".join(warned)


def test_plans_are_judged_against_the_runs_the_same_file_brings(
    data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A race planned in the file keeps the day before it free, as one in the log would."""
    from runstrength.core.run_data import activity_to_data
    from runstrength.core.runs import Activity

    race = Activity(
        id="plan-race", day=TODAY + timedelta(days=30), start=None, title="City 10k race"
    )
    race_data = {**activity_to_data(race), "planned": True, "kind": "race"}
    source = exported(tmp_path, [plan(29), plan(40)])
    document = json.loads(source.read_text())
    document["runs"] = [race_data]
    source.write_text(json.dumps(document))
    before = files(data)
    code, out, err = command(data, capsys, "import", str(source))
    assert code == 2
    assert f"{plan(29)['date']} endurance: " in err
    assert "the day before your planned race" in err
    assert files(data) == before
    (data / "config.toml").write_text('run_rules = "warn"\n')
    code, out, err = command(data, capsys, "import", str(source))
    assert code == 0, err
    assert "Warning: the running rules advise against an imported plan: " in out
    log = TrainingLog(data / "log.json", read_only=True)
    assert [r.id for r in RunLog(log).between()] == ["plan-race"]
