"""A record that parses but is malformed, in the log file or its journal, is named by
`doctor`, never folded or written onward, and set aside (kept) by `doctor --repair`, after
which history, export and the app work again."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from runstrength.cli import main
from runstrength.core.records import SessionInfo, SetRecord
from runstrength.core.run_data import activity_to_data
from runstrength.core.runs import Activity
from runstrength.store import TrainingLog
from runstrength.store.errors import BadRecordError
from runstrength.store.schedule import Schedule

NOW = datetime.now().astimezone().replace(microsecond=0)
STARTED = NOW - timedelta(hours=2)
PLAN_DAY = (date.today() + timedelta(days=10)).isoformat()

Data = dict[str, Any]


def command(data: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def logged(data: Path, *, finish: bool = True) -> None:
    """A log of two sessions of one set each; the second left in the journal unless
    `finish`."""
    log = TrainingLog(data / "log.json")
    for number in (1, 2):
        info = SessionInfo(id=f"s{number}", program="endurance", started_at=STARTED)
        log.log_set(info, SetRecord("glute-bridge", 1, None, 20, 18, None, None, STARTED))
        if finish or number == 1:
            log.finish_session(info, "completed", STARTED + timedelta(minutes=30))
    log.close()


def change_log(data: Path, change: Callable[[Data], None]) -> bytes:
    path = data / "log.json"
    tables = json.loads(path.read_text())
    change(tables)
    path.write_text(json.dumps(tables))
    return path.read_bytes()


def set_of(session_id: str) -> Callable[[Data], Data]:
    def find(tables: Data) -> Data:
        [doc] = [d for d in tables["sets"].values() if d["session"] == session_id]
        found: Data = doc
        return found

    return find


def session_of(session_id: str) -> Callable[[Data], Data]:
    def find(tables: Data) -> Data:
        [doc] = [d for d in tables["sessions"].values() if d["id"] == session_id]
        found: Data = doc
        return found

    return find


def a_run() -> Data:
    return activity_to_data(
        Activity(id="20261122-0830", day=STARTED.date(), start=STARTED, title="Long run")
    )


IN_THE_LOG: dict[str, tuple[Callable[[Data], None], str, str]] = {
    # name: (change, the table named, words of the reason)
    "set number an object": (lambda t: set_of("s2")(t).update(set={}), "sets", "set"),
    "reps a word": (lambda t: set_of("s2")(t).update(reps="many"), "sets", "reps"),
    "reps of 2^70": (lambda t: set_of("s2")(t).update(reps=2**70), "sets", "reps"),
    "a day that is no date": (
        lambda t: session_of("s2")(t).update(date="not-a-date"),
        "sessions",
        "not a date",
    ),
    "a plan without program": (
        lambda t: t.update(schedule={"1": {"date": PLAN_DAY}}),
        "schedule",
        "program",
    ),
    "a plan stored as a string": (
        lambda t: t.update(schedule={"1": PLAN_DAY}),
        "schedule",
        "must be an object",
    ),
    "a run's distance a word": (
        lambda t: t.update(runs={"7": {**a_run(), "distance_m": "far"}}),
        "runs",
        "distance_m",
    ),
}


@pytest.mark.parametrize("name", IN_THE_LOG)
def test_doctor_names_a_malformed_record_of_the_log(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    change, table, words = IN_THE_LOG[name]
    logged(tmp_path)
    change_log(tmp_path, change)
    code, out, err = command(tmp_path, capsys, "doctor")
    assert code == 1
    # The verdict on the log agrees with what was found in it.
    [verdict] = [line for line in out.splitlines() if line.startswith("log: ")]
    assert "readable" not in verdict
    assert "holds 1 malformed record" in verdict
    [line] = [line for line in err.splitlines() if "malformed record:" in line]
    assert str(tmp_path / "log.json") in line
    assert f"{table} record " in line
    assert words in line
    assert "--repair" in err


@pytest.mark.parametrize("name", IN_THE_LOG)
def test_a_malformed_record_of_the_log_is_never_written_onward(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    change, _, _ = IN_THE_LOG[name]
    logged(tmp_path)
    before = change_log(tmp_path, change)
    backups = sorted((tmp_path / "backups").iterdir())
    log = TrainingLog(tmp_path / "log.json")
    try:
        with pytest.raises(BadRecordError, match="malformed record"):
            # A plan goes through a rewrite of the whole file: so would the record.
            Schedule(log).add(date.today() + timedelta(days=20), "endurance")
    finally:
        log.close()
    assert (tmp_path / "log.json").read_bytes() == before
    assert sorted((tmp_path / "backups").iterdir()) == backups


@pytest.mark.parametrize("name", IN_THE_LOG)
def test_repair_sets_a_malformed_record_of_the_log_aside_and_the_rest_is_used(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    change, table, _ = IN_THE_LOG[name]
    logged(tmp_path)
    change_log(tmp_path, change)
    code, out, err = command(tmp_path, capsys, "doctor", "--repair")
    assert code == 0, err
    [kept] = tmp_path.glob("set-aside-*.json")
    assert str(kept) in out
    records = json.loads(kept.read_text())["records"]
    assert table in {r["table"] for r in records}
    assert command(tmp_path, capsys, "doctor")[0] == 0
    code, out, err = command(tmp_path, capsys, "export")
    assert code == 0, err
    assert "s1" in {s["id"] for s in json.loads(out)["sessions"]}
    assert command(tmp_path, capsys, "history")[0] == 0
    code, _, err = command(tmp_path, capsys, "schedule", "add", PLAN_DAY, "--program", "endurance")
    assert code == 0, err
    assert kept.exists()


@pytest.mark.parametrize("args", [("runs", "list"), ("status",), ("export",)])
def test_a_malformed_run_is_named_by_the_commands_that_read_runs(
    args: tuple[str, ...], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every required field present, one of them wrong: the log opens, reading the runs
    names the record and the repair, as the log's other damage is named."""
    logged(tmp_path)
    before = change_log(tmp_path, lambda t: t.update(runs={"7": {**a_run(), "distance_m": "far"}}))
    code, out, err = command(tmp_path, capsys, *args)
    assert code == 1
    assert out == ""
    assert "runs record 7: distance_m: 'far' must be a number" in err
    assert "runstrength doctor --repair" in err
    assert (tmp_path / "log.json").read_bytes() == before


IN_THE_JOURNAL: dict[str, tuple[Callable[[Data], None], str]] = {
    "set number an object": (lambda e: e["set"].update(set={}), "set"),
    "reps a word": (lambda e: e["set"].update(reps="many"), "reps"),
    "reps of 2^70": (lambda e: e["set"].update(reps=2**70), "reps"),
    "a day that is no date": (lambda e: e["session"].update(date="not-a-date"), "not a date"),
}


def change_journal_entry(data: Path, change: Callable[[Data], None]) -> bytes:
    """Change the journal's entry of the unfinished session's set."""
    journal = data / "log.journal"
    lines = journal.read_text().splitlines()
    [number] = [n for n, line in enumerate(lines) if '"set"' in line]
    entry = json.loads(lines[number])
    change(entry)
    lines[number] = json.dumps(entry)
    journal.write_text("\n".join(lines) + "\n")
    return journal.read_bytes()


@pytest.mark.parametrize("name", IN_THE_JOURNAL)
def test_a_malformed_journal_entry_is_named_and_never_folded(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    change, words = IN_THE_JOURNAL[name]
    logged(tmp_path, finish=False)
    log_before = (tmp_path / "log.json").read_bytes()
    journal_before = change_journal_entry(tmp_path, change)

    code, _, err = command(tmp_path, capsys, "doctor")
    assert code == 1
    [line] = [line for line in err.splitlines() if "malformed record:" in line]
    assert str(tmp_path / "log.journal") in line
    assert "line 2" in line
    assert words in line

    # A write opens the log (which would fold the journal): refused, one clear line.
    code, _, err = command(tmp_path, capsys, "schedule", "add", PLAN_DAY, "--program", "endurance")
    assert code == 1
    assert "malformed record" in err
    assert "--repair" in err
    assert "Traceback" not in err
    assert (tmp_path / "log.json").read_bytes() == log_before
    assert (tmp_path / "log.journal").read_bytes() == journal_before


@pytest.mark.parametrize("name", IN_THE_JOURNAL)
def test_repair_sets_a_malformed_journal_entry_aside(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    change, _ = IN_THE_JOURNAL[name]
    logged(tmp_path, finish=False)
    change_journal_entry(tmp_path, change)
    code, _, err = command(tmp_path, capsys, "doctor", "--repair")
    assert code == 0, err
    [kept] = tmp_path.glob("set-aside-*.json")
    [record] = json.loads(kept.read_text())["records"]
    assert record["table"] == "journal"
    assert "set" in record["record"]
    code, out, err = command(tmp_path, capsys, "export")
    assert code == 0, err
    assert [s["id"] for s in json.loads(out)["sessions"]] == ["s1"]
    assert command(tmp_path, capsys, "doctor")[0] == 0


@pytest.mark.parametrize(
    "tables",
    [
        {"meta": {"1": 5}},
        {"sets": {"1": "a set"}},
        {"sets": {"1": {"session": "s1"}}},
        {"meta": {"1": {"schema": 3}}, "schedule": {"1": "2026-12-01"}},
    ],
    ids=["meta a number", "a set a string, no meta", "a set without its fields", "plan text"],
)
def test_a_malformed_log_file_is_one_line_never_a_traceback(
    tables: Data, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "log.json").write_text(json.dumps(tables))
    assert command(tmp_path, capsys, "doctor")[0] == 1
    for args in (["doctor"], ["export"], ["schedule", "list"]):
        code, _, err = command(tmp_path, capsys, *args)
        assert code == 1, (args, err)
        assert len(err.strip().splitlines()) <= 2, err
        assert "unexpected failure" not in err
        assert "Traceback" not in err


@pytest.mark.parametrize("name", ["log.json", "log.journal"])
def test_a_folder_in_place_of_a_log_file_is_one_line(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / name).mkdir()
    for args in (["doctor"], ["doctor", "--repair"], ["history"], ["export"]):
        code, _, err = command(tmp_path, capsys, *args)
        assert code == 1, (args, err)
        [line] = err.strip().splitlines()
        assert f"{tmp_path / name}" in line
        assert "is a folder, not a file" in line
    assert (tmp_path / name).is_dir()


def test_a_malformed_record_of_a_past_year_is_named_and_set_aside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from runstrength.core.records import SessionRecord

    year = date.today().year - 1
    start = datetime(year, 6, 2, 7, 0).astimezone()
    sessions = [
        SessionRecord(
            SessionInfo(f"old-{n}", "endurance", start + timedelta(days=3 * n)),
            "completed",
            start + timedelta(days=3 * n, minutes=30),
            [SetRecord("glute-bridge", 1, None, 20, 18, None, None, start + timedelta(days=3 * n))],
        )
        for n in range(3)
    ]
    log = TrainingLog(tmp_path / "log.json")
    log.add_sessions(sessions)
    log.close()
    year_file = tmp_path / "years" / f"{year}.json"
    tables = json.loads(year_file.read_text())
    key = next(k for k, d in tables["sets"].items() if d["session"] == "old-1")
    tables["sets"][key]["reps"] = "many"
    year_file.write_text(json.dumps(tables))

    code, out, err = command(tmp_path, capsys, "doctor")
    assert code == 1
    assert f"{year_file}: sets record {key}: reps" in err
    [verdict] = [line for line in out.splitlines() if line.startswith("years: ")]
    assert "readable" not in verdict
    assert f"a problem in {year} (named below)" in verdict
    assert "log: " in out
    assert "readable" in out.splitlines()[0]  # the log file itself is sound
    code, out, err = command(tmp_path, capsys, "doctor", "--repair")
    assert code == 0, err
    assert str(year_file) in out
    code, out, _ = command(tmp_path, capsys, "doctor")
    assert code == 0
    assert "3 sessions, 2 sets readable" in out
    code, out, err = command(tmp_path, capsys, "export")
    assert code == 0, err
    kept = {s["id"]: len(s["sets"]) for s in json.loads(out)["sessions"]}
    assert kept == {"old-0": 1, "old-1": 0, "old-2": 1}
    code, out, _ = command(tmp_path, capsys, "history")
    assert code == 0
    assert out.count(f"{year}-") == 3
