"""A recovery routine in a real terminal on a rest day: offered on home, run with keys,
then read back with `runstrength history --json`."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from runstrength.core.records import SessionInfo, SetRecord
from runstrength.store import TrainingLog
from tests.e2e.test_tmux import COMMAND, Terminal, returning_user, terminal  # noqa: F401 (the fixture)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def wait_until_gone(terminal: Terminal, text: str, timeout: float = 20.0) -> None:  # noqa: F811
    deadline = time.monotonic() + timeout
    while text in terminal.screen() and time.monotonic() < deadline:
        time.sleep(0.05)


def test_a_rest_day_routine_from_home(terminal: Terminal, tmp_path: Path) -> None:  # noqa: F811
    data = tmp_path / "data"
    returning_user(data)
    log = TrainingLog(data / "log.json")
    started = datetime.now().astimezone() - timedelta(days=1)
    yesterday = SessionInfo("yesterday", "endurance", started)
    log.log_set(yesterday, SetRecord("glute-bridge", 1, None, 20, 20, None, None, started))
    log.finish_session(yesterday, "completed", started + timedelta(minutes=30))
    log.close()

    env = f"env -u NO_COLOR -u TEXTUAL_THEME RUNSTRENGTH_DATA_DIR={data}"
    terminal.start(f"{env} {COMMAND}; sleep 5", width=80, height=24)
    screen = terminal.wait_for("r Recovery")  # in the footer, whatever fits above it
    assert "Rest day" in screen
    terminal.keys("r")
    terminal.wait_for("Mobility")  # "Mobility · move 1 of 6" on the floor layout
    terminal.keys("Enter")  # the moves, ended by hand
    terminal.wait_for("stretch 1 of 7")
    terminal.keys("s")  # the first side cut short
    terminal.wait_for("Right side")
    for _ in range(11):
        terminal.keys("Enter")
    terminal.wait_for("Recovery routine done")
    terminal.keys("Enter")
    terminal.wait_for("Last session")
    terminal.keys("q")
    wait_until_gone(terminal, "Last session")

    result = subprocess.run(
        [str(COMMAND), "--data-dir", str(data), "history", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    sessions = json.loads(result.stdout)["sessions"]
    [routine] = [s for s in sessions if s["kind"] == "recovery"]
    assert routine["status"] == "completed"
    assert routine["sets"] == []
    assert routine["warmup"]["target_seconds"] == 300
    assert len(routine["stretches"]) == 12
    assert [s["skipped"] for s in routine["stretches"]][:2] == [True, False]
    table = subprocess.run(
        [str(COMMAND), "--data-dir", str(data), "history"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert table.splitlines()[1].rstrip().endswith("recovery")
