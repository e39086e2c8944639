"""The calendar in a real terminal: plan a session with keys, and find it in the log."""

from __future__ import annotations

import json
import shutil
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.e2e.test_tmux import COMMAND, Terminal, returning_user, terminal  # noqa: F401 (the fixture)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def test_plan_a_session_from_the_calendar(terminal: Terminal, tmp_path: Path) -> None:  # noqa: F811
    data = tmp_path / "data"
    returning_user(data)
    env = f"env -u NO_COLOR -u TEXTUAL_THEME RUNSTRENGTH_DATA_DIR={data}"
    terminal.start(f"{env} {COMMAND}; sleep 5", width=80, height=24)
    terminal.wait_for("Training day")
    terminal.keys("c")
    screen = terminal.wait_for("Legend")
    assert "rest day" in screen
    target = date.today() + timedelta(days=2)
    terminal.keys("Right", "Right", "a")
    terminal.wait_for("Scheduled endurance")
    terminal.keys("Left", "a")
    screen = terminal.wait_for("Not scheduled")
    assert "needs a rest day" in " ".join(screen.split())
    terminal.keys("Escape")
    terminal.wait_for("start the session")
    terminal.keys("q")
    deadline = time.monotonic() + 20
    while "start the session" in terminal.screen() and time.monotonic() < deadline:
        time.sleep(0.05)
    log = json.loads((data / "log.json").read_text())
    assert list(log["schedule"].values()) == [{"date": target.isoformat(), "program": "endurance"}]
