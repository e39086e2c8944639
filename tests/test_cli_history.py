"""`history`, `export` and `import` through the installed command."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from datetime import date, timedelta, timezone
from pathlib import Path

import pytest

from runstrength.core.interchange import to_document
from runstrength.store import load_programs
from tests.sample_history import sample_history
from tests.wide_history import LONG_PROGRAM, wide_sessions

COMMAND = str(Path(sys.executable).with_name("runstrength"))
ZONE = timezone(timedelta(hours=1))
PLAN_A = (date.today() + timedelta(days=40)).isoformat()
PLAN_B = (date.today() + timedelta(days=100)).isoformat()
BETWEEN = (date.today() + timedelta(days=70)).isoformat()
"""Days an import may plan (within the years ahead a plan may be made)."""


def run(data: Path, *args: str, columns: int | None = None) -> subprocess.CompletedProcess[str]:
    """`columns`: the terminal's width, as a shell passes it ($COLUMNS); None: a pipe."""
    env = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    if columns is not None:
        env["COLUMNS"] = str(columns)
    return subprocess.run(
        [COMMAND, "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory, catalogue) -> Path:
    program = load_programs(catalogue).get("endurance")
    assert program is not None
    sessions = sample_history(
        program, ("yellow", "red", "green"), until=date(2026, 11, 23), weeks=20, zone=ZONE
    )
    path = tmp_path_factory.mktemp("sample") / "sample.json"
    path.write_text(json.dumps(to_document(sessions, [])))
    return path


def test_history_of_an_empty_log_says_there_are_no_sessions(tmp_path: Path) -> None:
    result = run(tmp_path, "history")
    assert result.returncode == 0
    assert "No sessions" in result.stdout


def test_import_then_history_export_round_trip(tmp_path: Path, sample_file: Path) -> None:
    first = run(tmp_path / "a", "import", str(sample_file))
    assert first.returncode == 0, first.stderr
    count = len(json.loads(sample_file.read_text())["sessions"])
    assert f"Imported {count} sessions; 0 already" in first.stdout
    again = run(tmp_path / "a", "import", str(sample_file))
    assert f"Imported 0 sessions; {count} already" in again.stdout

    exported = run(tmp_path / "a", "export")
    assert exported.returncode == 0
    assert json.loads(exported.stdout) == json.loads(sample_file.read_text())
    out = tmp_path / "out.json"
    assert run(tmp_path / "a", "export", "-o", str(out)).returncode == 0
    assert run(tmp_path / "b", "import", str(out)).returncode == 0
    assert run(tmp_path / "b", "export").stdout == exported.stdout

    table = run(tmp_path / "a", "history", "--since", "2026-11-01")
    lines = table.stdout.strip().splitlines()
    assert lines[0].split()[:3] == ["Date", "Program", "Time"]
    november = [
        s for s in json.loads(sample_file.read_text())["sessions"] if s["date"] >= "2026-11-01"
    ]
    assert len(lines) == 1 + len(november)
    assert lines[1].split()[1] == max(s["date"] for s in november)
    as_json = json.loads(run(tmp_path / "a", "history", "--json", "--program", "sprint").stdout)
    assert as_json["sessions"] == []


def test_csv_export_has_one_row_per_set(tmp_path: Path, sample_file: Path) -> None:
    run(tmp_path, "import", str(sample_file))
    result = run(tmp_path, "export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    document = json.loads(sample_file.read_text())
    assert len(rows) == sum(len(s["sets"]) for s in document["sessions"])
    assert list(rows[0]) == [
        "date", "program", "session_id", "status", "exercise", "set", "side",
        "target_reps", "reps", "band", "seconds", "completed_at", "effort",
    ]  # fmt: skip
    first_session = document["sessions"][0]
    assert rows[0]["session_id"] == first_session["id"]
    assert rows[0]["reps"] == str(first_session["sets"][0]["reps"])


def _broken(sample: Path, change) -> str:
    document = json.loads(sample.read_text())
    change(document)
    return json.dumps(document)


@pytest.mark.parametrize(
    ("name", "make", "expected"),
    [
        ("not json", lambda s: "{oops", "not JSON (line 1"),
        ("wrong format", lambda s: _broken(s, lambda d: d.update(format="other")), "format:"),
        ("newer version", lambda s: _broken(s, lambda d: d.update(version=9)), "version:"),
        (
            "missing field",
            lambda s: _broken(s, lambda d: d["sessions"][1].pop("program")),
            "sessions[1].program: missing",
        ),
        (
            "bad date",
            lambda s: _broken(s, lambda d: d["sessions"][2].update(date="2026-02-30")),
            "sessions[2].date",
        ),
        (
            "bad time",
            lambda s: _broken(s, lambda d: d["sessions"][0]["sets"][0].update(completed_at="7am")),
            "sessions[0].sets[0].completed_at",
        ),
        (
            "negative reps",
            lambda s: _broken(s, lambda d: d["sessions"][3]["sets"][1].update(reps=-3)),
            "sessions[3].sets[1].reps",
        ),
        (
            "unknown status",
            lambda s: _broken(s, lambda d: d["sessions"][0].update(status="done")),
            "sessions[0].status",
        ),
        (
            "unknown side",
            lambda s: _broken(s, lambda d: d["sessions"][0]["sets"][0].update(side="up")),
            "sessions[0].sets[0].side",
        ),
    ],
)
def test_a_bad_import_changes_nothing(tmp_path: Path, sample_file: Path, name, make, expected):
    data = tmp_path / "data"
    assert run(data, "import", str(sample_file)).returncode == 0
    before = (data / "log.json").read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_text(make(sample_file))
    result = run(data, "import", str(bad))
    assert result.returncode == 2, name
    assert expected in result.stderr
    assert (data / "log.json").read_bytes() == before


def test_bad_dates_on_the_command_line(tmp_path: Path) -> None:
    result = run(tmp_path, "history", "--since", "2026-02-30")
    assert result.returncode == 2
    assert "2026-02-30 is not a real date: February 2026 has 28 days" in result.stderr
    missing = run(tmp_path, "import", str(tmp_path / "nope.json"))
    assert missing.returncode == 2
    assert "cannot read" in missing.stderr


def test_the_schedule_travels_with_export_and_import(tmp_path: Path, sample_file: Path) -> None:
    document = json.loads(sample_file.read_text())
    document["schedule"] = [{"date": PLAN_A, "program": "endurance"}]
    source = tmp_path / "with-plan.json"
    source.write_text(json.dumps(document))
    first = run(tmp_path / "a", "import", str(source))
    assert "Imported 1 scheduled day; 0 already planned" in first.stdout
    again = run(tmp_path / "a", "import", str(source))
    assert "Imported 0 scheduled days; 1 already planned was skipped." in again.stdout
    exported = json.loads(run(tmp_path / "a", "export").stdout)
    assert exported["schedule"] == document["schedule"]
    assert exported == document


def test_history_json_carries_the_plans_as_export_does(tmp_path: Path, sample_file: Path) -> None:
    document = json.loads(sample_file.read_text())
    document["schedule"] = [
        {"date": PLAN_A, "program": "endurance"},
        {"date": PLAN_B, "program": "sprint"},
    ]
    source = tmp_path / "with-plans.json"
    source.write_text(json.dumps(document))
    assert run(tmp_path / "a", "import", str(source)).returncode == 0
    listed = json.loads(run(tmp_path / "a", "history", "--json").stdout)
    assert listed["schedule"] == document["schedule"]
    assert listed == json.loads(run(tmp_path / "a", "export").stdout)
    ranged = json.loads(run(tmp_path / "a", "history", "--json", "--since", BETWEEN).stdout)
    assert ranged["schedule"] == [{"date": PLAN_B, "program": "sprint"}]
    assert ranged["sessions"] == []
    by_program = json.loads(
        run(tmp_path / "a", "history", "--json", "--program", "endurance").stdout
    )
    assert by_program["schedule"] == [{"date": PLAN_A, "program": "endurance"}]


@pytest.mark.parametrize(
    "args", [("history",), ("history", "--json"), ("export",), ("config", "show")]
)
def test_a_reader_that_leaves_early_gets_no_traceback(
    tmp_path: Path, sample_file: Path, args: tuple[str, ...]
) -> None:
    """`runstrength history | head -1`: the pipe closes before the output is written."""
    assert run(tmp_path, "import", str(sample_file)).returncode == 0
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will read: the first write fails with a broken pipe
    try:
        result = subprocess.run(
            [COMMAND, "--data-dir", str(tmp_path), *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)
    assert "Traceback" not in result.stderr
    assert result.stderr == ""
    assert result.returncode == 1


def test_an_unknown_program_is_bad_input(tmp_path: Path, sample_file: Path) -> None:
    assert run(tmp_path, "import", str(sample_file)).returncode == 0
    result = run(tmp_path, "history", "--program", "nope")
    assert result.returncode == 2
    assert 'unknown program "nope"' in result.stderr
    assert "endurance" in result.stderr  # the known ones are named
    known = run(tmp_path, "history", "--program", "sprint")  # known, never trained
    assert known.returncode == 0
    assert "No sessions (program sprint)" in known.stdout


def test_an_unreadable_import_says_why_in_words(tmp_path: Path) -> None:
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'{"format": "caf\xe9"}')
    result = run(tmp_path, "import", str(latin))
    assert result.returncode == 2
    assert f"cannot read {latin}: not UTF-8 text (byte 16 cannot be read)" in result.stderr
    missing = run(tmp_path, "import", str(tmp_path / "nope.json"))
    assert f"cannot read {tmp_path / 'nope.json'}: No such file or directory" in missing.stderr
    for python in ("[Errno", "codec", "'"):
        assert python not in result.stderr + missing.stderr


def test_history_says_what_was_skipped(tmp_path: Path) -> None:
    session = {
        "id": "s1",
        "date": "2026-11-23",
        "program": "endurance",
        "started_at": "2026-11-23T07:02:11+01:00",
        "ended_at": "2026-11-23T07:30:00+01:00",
        "status": "completed",
        "sets": [
            {
                "exercise": "glute-bridge",
                "set": 1,
                "side": None,
                "target_reps": 20,
                "reps": 20,
                "band": None,
                "seconds": None,
                "completed_at": "2026-11-23T07:12:05+01:00",
            }
        ],
        "skipped": ["side-plank", "clamshell", "band-squat"],
    }
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"format": "runstrength", "version": 1, "sessions": [session]}))
    assert run(tmp_path / "d", "import", str(source)).returncode == 0
    table = run(tmp_path / "d", "history")
    assert table.returncode == 0, table.stderr
    [row] = table.stdout.splitlines()[1:]
    assert row.endswith("3 exercises skipped")
    assert "100%" not in row  # completion counts what was skipped against the plan
    document = json.loads(run(tmp_path / "d", "history", "--json").stdout)
    assert document["sessions"][0]["skipped"] == ["side-plank", "clamshell", "band-squat"]
    assert document["sessions"][0]["status"] == "completed"
    exported = json.loads(run(tmp_path / "d", "export").stdout)
    assert exported["sessions"][0]["skipped"] == ["side-plank", "clamshell", "band-squat"]


def test_since_after_until_is_refused(tmp_path: Path) -> None:
    result = run(tmp_path / "data", "history", "--since", "2026-11-25", "--until", "2026-11-01")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "runstrength: --since 2026-11-25 is after --until 2026-11-01: no day is in between"
    ]


def test_history_fits_80_columns_and_a_pipe_gets_every_word(tmp_path: Path) -> None:
    source = tmp_path / "wide.json"
    source.write_text(json.dumps(to_document(wide_sessions(), [])))
    assert run(tmp_path / "d", "import", str(source)).returncode == 0
    narrow = run(tmp_path / "d", "history", columns=80)
    assert narrow.returncode == 0, narrow.stderr
    header, long, aside, recovery, plain = narrow.stdout.splitlines()
    for line in (header, long, aside, recovery, plain):
        assert len(line) <= 80, line
    assert header.split() == ["Date", "Program", "Time", "Sets", "Reps", "Done", "Effort"]
    for shown in ("Fri 2026-11-20", "1 h 05 min", "120", "12000", "100%", "10", "partial"):
        assert shown in re.split(r"\s{2,}", long), (shown, long)
    assert "hills-and" in long
    assert LONG_PROGRAM not in long
    assert aside.endswith("partial")  # an import ends a session set aside
    assert "recovery" in recovery
    # Into a pipe or a file (no terminal, no $COLUMNS): every word, whatever the width.
    piped = run(tmp_path / "d", "history").stdout.splitlines()
    assert LONG_PROGRAM in piped[1]
    assert piped[1].endswith("partial · 3 exercises skipped")
    assert piped[2].endswith("partial · 1 exercise skipped")
    wide = run(tmp_path / "d", "history", columns=200).stdout
    assert wide == "\n".join(piped) + "\n"
