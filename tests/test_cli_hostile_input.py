"""Whatever a file or the command line holds: one line on stderr, exit 2, no file changed.

Each case was a traceback, a hang or a guess before: numbers beyond 64 bits, lone
surrogates, deep nesting, /dev/zero, a named pipe, a folder as the file to import, a
date past the calendar's end, a week date, a file where the data folder should be.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from runstrength.core.records import SessionInfo, SetRecord
from runstrength.store import TrainingLog
from runstrength.store.schedule import Schedule

COMMAND = str(Path(sys.executable).with_name("runstrength"))
TZ = timezone(timedelta(hours=1))
STARTED = datetime(2026, 11, 20, 7, 0, tzinfo=TZ)
IN_A_MONTH = (date.today() + timedelta(days=30)).isoformat()


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [COMMAND, *args], capture_output=True, text=True, timeout=timeout, check=False
    )


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (but the diagnostics log) and its bytes."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != "runstrength.log"
    }


def assert_one_line_refusal(result: subprocess.CompletedProcess[str], code: int = 2) -> str:
    assert "Traceback" not in result.stderr
    assert result.returncode == code, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("runstrength: ")
    return lines[0]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A data folder with a logged session, a plan, and a set not yet folded into the log
    (as a killed app leaves it)."""
    data = tmp_path / "data"
    log = TrainingLog(data / "log.json")
    one = SetRecord("glute-bridge", 1, None, 15, 15, None, None, STARTED)
    log.log_set(SessionInfo("s1", "endurance", STARTED), one)
    log.finish_session(SessionInfo("s1", "endurance", STARTED), "completed", STARTED)
    Schedule(log).add(date.fromisoformat(IN_A_MONTH), "endurance")
    later = STARTED + timedelta(days=2)
    log.log_set(SessionInfo("s2", "endurance", later), one)
    log.close()  # the journal stays, unfolded
    assert (data / "log.journal").exists()
    return data


def export_text(**changes: object) -> str:
    document = {
        "format": "runstrength",
        "version": 1,
        "sessions": [
            {
                "id": "imported-1",
                "date": "2026-10-01",
                "program": "endurance",
                "started_at": "2026-10-01T07:00:00+01:00",
                "ended_at": "2026-10-01T07:30:00+01:00",
                "status": "completed",
                "sets": [
                    {
                        "exercise": "glute-bridge",
                        "set": 1,
                        "side": None,
                        "target_reps": 15,
                        "reps": 15,
                        "band": None,
                        "seconds": None,
                        "completed_at": "2026-10-01T07:10:00+01:00",
                    }
                ],
            }
        ],
        "schedule": [],
    }
    document.update(changes)
    return json.dumps(document)


def with_set(**changes: object) -> str:
    text = export_text()
    document = json.loads(text)
    document["sessions"][0]["sets"][0].update(changes)
    return json.dumps(document)


def with_session(**changes: object) -> str:
    document = json.loads(export_text())
    document["sessions"][0].update(changes)
    return json.dumps(document)


IMPORTS = {
    "an integer of 2^64": with_set(reps=2**64),
    "an integer of 5,000 digits": export_text().replace('"version": 1', '"version": ' + "9" * 5000),
    "reps of 2^70 (within JSON, beyond any set)": with_set(reps=2**62),
    "a lone surrogate": with_set(exercise="glute-bridge").replace('"glute-bridge"', '"\\ud800"', 1),
    "arrays nested 5,000 deep": "[" * 5000 + "]" * 5000,
    "version true": export_text(version=True),
    "a schedule entry as a string": export_text(schedule=["2026-12-24"]),
    "a program name with markup": with_session(program="[/]"),
    "a program name with a new line": with_session(program="endurance\n"),
    "a compact date": with_session(date="20261001"),
    "a week date": export_text(schedule=[{"date": "2026-W50-1", "program": "endurance"}]),
    "a compact time": with_session(started_at="20261001T070000+0100"),
    "a date past the calendar's end": export_text(
        schedule=[{"date": "9999-12-31", "program": "endurance"}]
    ),
    "a session id with a control character": with_session(id="a\u001b[2Jb"),
    "NaN": with_set(reps=float("nan")),
    "a format ending the line (U+0085)": export_text(format="\u0085"),
    "a side with a line separator": with_set(side="left\u2028"),
    "a date with a carriage return": with_session(date="0\r0"),
}


@pytest.mark.parametrize("case", list(IMPORTS))
def test_a_hostile_import_is_one_line_and_changes_nothing(
    case: str, folder: Path, tmp_path: Path
) -> None:
    source = tmp_path / "in.json"
    source.write_text(IMPORTS[case], encoding="utf-8")
    before = folder_bytes(folder)
    result = run("--data-dir", str(folder), "import", str(source))
    line = assert_one_line_refusal(result)
    assert str(source) in line
    assert folder_bytes(folder) == before


def test_a_file_of_another_kind_names_each_problem_under_one_line(
    folder: Path, tmp_path: Path
) -> None:
    source = tmp_path / "log.json"
    source.write_text(json.dumps({"meta": {"1": 5}}))
    before = folder_bytes(folder)
    result = run("--data-dir", str(folder), "import", str(source))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    first, *problems = result.stderr.splitlines()
    assert first == f"runstrength: {source}: nothing was imported; fix these 2 first:"
    assert problems[0] == '  format: missing: a runstrength export has "format": "runstrength"'
    assert len(problems) == 2
    assert folder_bytes(folder) == before


def test_import_refuses_what_is_not_a_regular_file_before_reading(
    folder: Path, tmp_path: Path
) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    big = tmp_path / "big.json"
    with big.open("wb") as handle:  # sparse: no disk is used
        handle.truncate(65 * 1024 * 1024)
    before = folder_bytes(folder)
    for source, said in (
        ("/dev/zero", "a device"),
        (str(pipe), "a named pipe"),
        (str(tmp_path), "a folder"),
        (str(big), "65.0 MB; at most 64 MB"),
        (str(tmp_path / "missing.json"), "No such file"),
    ):
        line = assert_one_line_refusal(run("--data-dir", str(folder), "import", source, timeout=20))
        assert said in line
    assert folder_bytes(folder) == before


def test_other_commands_refuse_pipes_and_devices_too(folder: Path, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    before = folder_bytes(folder)
    for args in (
        ("programs", "validate", str(pipe)),
        ("programs", "validate", "/dev/zero"),
        ("runs", "import", "/dev/zero"),
        ("runs", "plan", str(pipe)),
    ):
        line = assert_one_line_refusal(run("--data-dir", str(folder), *args, timeout=20))
        assert "not a regular file" in line
    assert folder_bytes(folder) == before


@pytest.mark.parametrize(
    ("day", "said"),
    [
        ("9999-12-31", "years ahead"),
        ("2026-02-30", "February 2026 has 28 days"),
        ("2026-W50-1", "write it as YYYY-MM-DD"),
        ("20261201", "write it as YYYY-MM-DD"),
        ("2020-01-01", "in the past"),
    ],
)
def test_a_bad_day_to_plan_changes_no_file(day: str, said: str, folder: Path) -> None:
    before = folder_bytes(folder)
    line = assert_one_line_refusal(run("--data-dir", str(folder), "schedule", "add", day))
    assert said in line
    assert folder_bytes(folder) == before  # the journal not folded, no backup taken


def test_an_unknown_program_to_plan_changes_no_file(folder: Path) -> None:
    before = folder_bytes(folder)
    line = assert_one_line_refusal(
        run("--data-dir", str(folder), "schedule", "add", IN_A_MONTH, "--program", "nope")
    )
    assert "no program named" in line
    assert folder_bytes(folder) == before


def test_removing_an_unplanned_day_takes_no_backup(folder: Path) -> None:
    before = folder_bytes(folder)
    unplanned = (date.today() + timedelta(days=40)).isoformat()
    line = assert_one_line_refusal(
        run("--data-dir", str(folder), "schedule", "remove", unplanned), code=1
    )
    assert f"no session is scheduled on {unplanned}" in line
    assert folder_bytes(folder) == before
    removed = run("--data-dir", str(folder), "schedule", "remove", IN_A_MONTH)
    assert removed.returncode == 0, removed.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("schedule", "list", "--from", ""),
        ("schedule", "list", "--to", ""),
        ("export", "-o", ""),
        ("schedule", "add", IN_A_MONTH, "--program", ""),
        ("import", ""),
        ("history", "--since", ""),
        ("runs", "import", ""),
    ],
)
def test_an_empty_value_is_refused_not_taken_for_missing(
    args: tuple[str, ...], folder: Path
) -> None:
    before = folder_bytes(folder)
    line = assert_one_line_refusal(run("--data-dir", str(folder), *args))
    assert "must not be empty" in line or "is not a date" in line or "empty path" in line
    assert folder_bytes(folder) == before


@pytest.mark.parametrize("value", ["", "   "])
@pytest.mark.parametrize("command", [(), ("status",)], ids=["app", "status"])
def test_an_empty_or_blank_data_dir_is_refused(value: str, command: tuple[str, ...]) -> None:
    line = assert_one_line_refusal(run("--data-dir", value, *command))
    assert "--data-dir" in line
    assert "must not be empty" in line


def test_usage_errors_are_one_line() -> None:
    for args in (("schedule", "nope"), ("--nope",), ("export", "--format", "xml")):
        line = assert_one_line_refusal(run(*args))
        assert "--help" in line


def test_history_dates_are_read_strictly(folder: Path) -> None:
    for text in ("2026-W50-1", "20261201"):
        line = assert_one_line_refusal(run("--data-dir", str(folder), "history", "--since", text))
        assert "YYYY-MM-DD" in line


def test_a_data_dir_that_is_a_file_is_refused(tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("mine")
    for folder in (afile, afile / "below"):
        line = assert_one_line_refusal(run("--data-dir", str(folder), "status"))
        assert f"{afile} is a file" in line or "it is a file" in line
    assert afile.read_text() == "mine"


WRITES_AND_READS = (("schedule", "add", IN_A_MONTH), ("status",), ())
"""A command that writes, one that only reads, and the app itself (refused before it
draws)."""


@pytest.mark.parametrize("args", WRITES_AND_READS, ids=["schedule add", "status", "the app"])
def test_a_data_dir_behind_a_link_to_nothing_is_refused(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    link = tmp_path / "data"
    link.symlink_to(tmp_path / "gone")
    for folder, named in ((link, "it is"), (link / "below", f"{link} is")):
        line = assert_one_line_refusal(run("--data-dir", str(folder), *args))
        assert line.startswith(
            f"runstrength: {folder} cannot be used as a folder: {named} a symbolic link to "
            f"{tmp_path / 'gone'}, which does not exist. Make that folder, or remove the link"
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]  # nothing made through it
    # Made where the link points, the folder is taken.
    (tmp_path / "gone").mkdir()
    assert run("--data-dir", str(link), "status").returncode == 0


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="a Linux /proc")
@pytest.mark.parametrize("args", WRITES_AND_READS, ids=["schedule add", "status", "the app"])
def test_a_data_dir_that_cannot_be_made_is_refused(args: tuple[str, ...]) -> None:
    for folder, named in (("/proc/nope", "it"), ("/proc/nope/below", "/proc/nope")):
        line = assert_one_line_refusal(run("--data-dir", folder, *args))
        assert line.startswith(
            f"runstrength: {folder} cannot be used as a folder: {named} cannot be made in /proc ("
        )
        assert "log.lock" not in line


def test_a_data_dir_not_there_yet_is_made_by_a_write_not_by_a_read(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "data"
    assert run("--data-dir", str(folder), "status").returncode == 0
    assert list(tmp_path.iterdir()) == []  # the check that it can be made left nothing
    assert run("--data-dir", str(folder), "schedule", "add", IN_A_MONTH).returncode == 0
    assert (folder / "log.json").is_file()


def test_a_log_that_is_a_folder_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "log.json").mkdir()
    for args in (("status",), ("history",), ("export",), ("schedule", "add", IN_A_MONTH)):
        result = run("--data-dir", str(tmp_path), *args)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert "log.json" in result.stderr


def test_programs_validate_checks_the_title_is_one_printable_line(tmp_path: Path) -> None:
    program = tmp_path / "hills.toml"
    body = '\ngoal = "endurance"\n\n[[exercise]]\nid = "glute-bridge"\nsets = 2\nreps = 15\n'
    program.write_text('name = "hills"\ntitle = "Hills [/b]"' + body)
    fine = run("--data-dir", str(tmp_path), "programs", "validate", str(program))
    assert fine.returncode == 0, fine.stderr
    assert "Hills [/b]" in fine.stdout
    program.write_text('name = "hills"\ntitle = "Hills \\u001b[2J"' + body)
    line = assert_one_line_refusal(
        run("--data-dir", str(tmp_path), "programs", "validate", str(program))
    )
    assert "line 2: title: holds U+001B" in line


def test_text_from_the_log_never_drives_the_terminal(tmp_path: Path) -> None:
    """A run's title holding an escape sequence is printed as visible text on a terminal;
    piped output (an export, JSON) keeps its bytes."""
    import pty

    from runstrength.core.runs import Activity
    from runstrength.store.runs import RunLog

    start = datetime.fromisoformat(f"{IN_A_MONTH}T07:00:00+01:00") - timedelta(days=60)
    log = TrainingLog(tmp_path / "log.json")
    [stored] = RunLog(log).add([Activity("", start.date(), title="a\u001b[2Jb", start=start)]).added
    log.close()
    main, child = pty.openpty()
    with os.fdopen(main, "rb", buffering=0) as terminal:
        subprocess.run(
            [COMMAND, "--data-dir", str(tmp_path), "runs", "show", stored.id],
            stdout=child,
            stderr=child,
            timeout=60,
            check=True,
        )
        os.close(child)
        shown = terminal.read(4096)
    assert b"a\\u001b[2Jb" in shown
    assert b"\x1b" not in shown
    piped = run("--data-dir", str(tmp_path), "export")
    assert json.loads(piped.stdout)["runs"][0]["title"] == "a\u001b[2Jb"


def test_a_pipe_in_place_of_settings_or_a_program_is_named_not_read(tmp_path: Path) -> None:
    (tmp_path / "programs").mkdir()
    os.mkfifo(tmp_path / "config.toml")
    os.mkfifo(tmp_path / "programs" / "hills.toml")
    check = run("--data-dir", str(tmp_path), "config", "check", timeout=20)
    assert check.returncode == 2
    assert "config.toml: cannot be read (it is a named pipe" in check.stderr
    listed = run("--data-dir", str(tmp_path), "programs", "list", timeout=20)
    assert listed.returncode == 0
    assert "hills.toml: cannot be read: it is a named pipe" in listed.stdout
    assert run("--data-dir", str(tmp_path), "status", timeout=20).returncode == 0
