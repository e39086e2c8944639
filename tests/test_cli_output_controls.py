"""Control characters in text from files and the user never reach the output of a
command as they are: a terminal (or the one output is piped to) would obey them."""

from __future__ import annotations

import json
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
    return subprocess.run([COMMAND, *args], capture_output=True, text=True, timeout=60, check=False)


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
    assert "a\\u001b[31mRED\\u001b[0m\\u001b]0;PWNED\\u0007\\u009b2J\\u000d b" in listed.stdout
    shown = run("--data-dir", str(folder), "runs", "show", ident)
    assert_clean(shown)
    assert "\\u001b]0;PWNED" in shown.stdout


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
