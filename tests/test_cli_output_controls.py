"""Control characters in text from files and the user never reach the output of a
command as they are: a terminal (or the one output is piped to) would obey them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from runstrength.core.runs import Activity
from runstrength.store import TrainingLog
from runstrength.store.runs import RunLog

COMMAND = str(Path(sys.executable).with_name("runstrength"))
HOSTILE = "a\x1b[31mRED\x1b[0m\x1b]0;PWNED\x07\x9b2J\r\tb"
"""CSI, SGR, OSC ended by BEL, the one-byte C1 CSI, a carriage return and a tab."""
RAW = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
"""A control character but a line break."""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Into a pipe (no $COLUMNS): tables keep every word."""
    env = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    return subprocess.run(
        [COMMAND, *args], capture_output=True, text=True, timeout=60, check=False, env=env
    )


def assert_clean(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr
    assert not RAW.search(result.stdout), repr(result.stdout)
    assert not RAW.search(result.stderr), repr(result.stderr)


@pytest.fixture
def data(tmp_path: Path) -> tuple[Path, str]:
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=3)
    log = TrainingLog(tmp_path / "log.json")
    [stored] = (
        RunLog(log)
        .add([Activity("", start.date(), title=HOSTILE, start=start, distance_m=8000)])
        .added
    )
    log.close()
    return tmp_path, stored.id


def test_runs_list_and_show_print_no_control_character(data: tuple[Path, str]) -> None:
    folder, ident = data
    listed = run("--data-dir", str(folder), "runs", "list")
    assert_clean(listed)
    # In a table's cell a carriage return breaks no row: it is a space there.
    assert "a\\u001b[31mRED\\u001b[0m\\u001b]0;PWNED\\u0007\\u009b2J  b" in listed.stdout
    shown = run("--data-dir", str(folder), "runs", "show", ident)
    assert_clean(shown)
    assert "\\u001b]0;PWNED\\u0007\\u009b2J\\u000d b" in shown.stdout


def test_json_output_escapes_every_control_character_and_keeps_the_title(
    data: tuple[Path, str],
) -> None:
    folder, _ = data
    listed = run("--data-dir", str(folder), "runs", "list", "--json")
    assert_clean(listed)
    assert json.loads(listed.stdout)[0]["title"] == HOSTILE


def test_an_export_into_a_pipe_keeps_its_bytes(data: tuple[Path, str]) -> None:
    folder, _ = data
    exported = run("--data-dir", str(folder), "export", "--format", "csv")
    assert exported.returncode == 0
    document = run("--data-dir", str(folder), "export")
    assert json.loads(document.stdout)["runs"][0]["title"] == HOSTILE


def test_an_import_error_does_not_echo_control_characters(tmp_path: Path) -> None:
    junk = tmp_path / "junk.ics"
    junk.write_bytes(b"BEGIN:VCALENDAR\r\n\x1b]0;PWNED\x07\x9b31m\r\nEND:VCALENDAR\r\n")
    planned = run("--data-dir", str(tmp_path / "data"), "runs", "plan", str(junk))
    assert planned.returncode != 0
    assert_clean(planned)
    document = {"format": "runstrength", "version": 1, "sessions": [{"id": HOSTILE}]}
    merged = tmp_path / "merge.json"
    merged.write_text(json.dumps(document))
    imported = run("--data-dir", str(tmp_path / "data"), "import", str(merged))
    assert imported.returncode != 0
    assert_clean(imported)


def test_history_and_programs_list_print_no_control_character(tmp_path: Path) -> None:
    data = tmp_path / "data"
    programs = data / "programs"
    programs.mkdir(parents=True)
    (programs / "hill\x1b[2J\x9b.toml").write_text('name = "x"\n')
    listed = run("--data-dir", str(data), "programs", "list")
    assert_clean(listed)
    assert "hill\\u001b[2J\\u009b" in listed.stdout
    wrong_day = run("--data-dir", str(data), "history", "--since", "2026-01-01\x1b[2J")
    assert wrong_day.returncode == 2
    assert_clean(wrong_day)
    history = run("--data-dir", str(data), "history", "--program", "hill\x1b[2J")
    assert_clean(history)
    assert "hill\\u001b[2J" in history.stdout + history.stderr


def test_a_line_break_stays_and_a_lone_carriage_return_is_shown() -> None:
    from runstrength.cli.common import visible

    assert visible("BEGIN:VCALENDAR\r\nEND\n") == "BEGIN:VCALENDAR\r\nEND\n"
    assert visible("a\rb\tc\x9bd") == "a\\u000db c\\u009bd"


def test_a_title_is_measured_as_it_is_shown(
    data: tuple[Path, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from runstrength.cli import main

    folder, _ = data
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["--data-dir", str(folder), "runs", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert all(len(line) <= 80 for line in lines), lines
    assert lines[1].endswith("…")
