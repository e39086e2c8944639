"""`-` as an output file is stdout: text formats (ics, json, csv) are written there; a
binary FIT file only when stdout is no terminal (else exit 2, and nothing is written).
A file named "-" is never made."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

COMMAND = str(Path(sys.executable).with_name("runstrength"))


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [COMMAND, "--data-dir", str(cwd / "data"), *args],
        capture_output=True,
        timeout=60,
        check=False,
        cwd=cwd,
    )


def test_text_exports_to_dash_go_to_stdout(tmp_path: Path) -> None:
    ics = run(tmp_path, "schedule", "export", "--ics", "-")
    assert ics.returncode == 0, ics.stderr
    assert ics.stdout.startswith(b"BEGIN:VCALENDAR\r\n")
    assert b"Wrote" not in ics.stdout
    document = run(tmp_path, "export", "-o", "-")
    assert document.returncode == 0, document.stderr
    assert json.loads(document.stdout)["sessions"] == []
    table = run(tmp_path, "export", "--format", "csv", "-o", "-")
    assert table.returncode == 0, table.stderr
    assert table.stdout.startswith(b"date,program,session_id,")
    assert not (tmp_path / "-").exists()


def test_a_fit_workout_to_dash_goes_into_a_pipe(tmp_path: Path) -> None:
    workout = run(tmp_path, "programs", "export", "endurance", "--fit", "-")
    assert workout.returncode == 0, workout.stderr
    assert workout.stdout[8:12] == b".FIT"
    assert not (tmp_path / "-").exists()


def test_a_fit_workout_is_not_written_on_a_terminal(tmp_path: Path) -> None:
    main, child = pty.openpty()
    with os.fdopen(main, "rb", buffering=0):  # the terminal, open while the command runs
        done = subprocess.run(
            [
                COMMAND,
                "--data-dir",
                str(tmp_path / "data"),
                "programs",
                "export",
                "endurance",
                "--fit",
                "-",
            ],
            stdout=child,
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
            cwd=tmp_path,
        )
        os.close(child)
    assert done.returncode == 2
    assert b"binary and stdout is a terminal" in done.stderr
    assert not (tmp_path / "-").exists()


def test_fit_sessions_need_a_folder_not_dash(tmp_path: Path) -> None:
    done = run(tmp_path, "export", "--format", "fit", "-o", "-")
    assert done.returncode == 2
    assert b"needs -o DIR" in done.stderr
    assert not (tmp_path / "-").exists()
