"""The installed `runstrength` command in a real terminal (tmux), driven by keys."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

COMMAND = Path(sys.executable).with_name("runstrength")


class Terminal:
    """One tmux session on a private socket."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return result.stdout

    def start(self, command: str, width: int = 100, height: int = 30) -> None:
        self.tmux("new-session", "-d", "-s", "rs", "-x", str(width), "-y", str(height), command)

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", "rs", key)
            time.sleep(0.05)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "rs")

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        """Poll the screen until `text` shows (waits for drawing, never for a workout timer)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{self.screen()}")

    def alive(self) -> bool:
        return "rs" in self.tmux("list-sessions", "-F", "#{session_name}")


def returning_user(data: Path) -> None:
    """A config file that says the first-run setup is done, so home opens directly."""
    data.mkdir(parents=True, exist_ok=True)
    (data / "config.toml").write_text("first_run_done = true\n", encoding="utf-8")


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    term = Terminal(f"runstrength-test-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    yield term
    # A server of its own per test: a new session on a socket whose old server is still
    # shutting down can be taken down with it.
    term.tmux("kill-server")


def test_installed_command_runs_a_session_and_logs_it(terminal: Terminal, tmp_path: Path) -> None:
    assert COMMAND.exists(), f"the console script is not installed at {COMMAND}"
    data = tmp_path / "data"
    env = f"env -u NO_COLOR -u TEXTUAL_THEME RUNSTRENGTH_DATA_DIR={data}"
    terminal.start(f"{env} {COMMAND}; sleep 5")
    terminal.wait_for("Three quick questions")  # the first run: skip it
    terminal.keys("Escape")
    terminal.wait_for("start the session")
    config = data / "config.toml"
    deadline = time.monotonic() + 20
    while not config.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "first_run_done = true" in config.read_text()
    terminal.keys("Enter")
    terminal.wait_for("Warm-up")
    terminal.keys("S")
    screen = terminal.wait_for("begin the first set")
    assert "Band squat" in screen
    terminal.keys("Enter")
    terminal.wait_for("set done")
    terminal.keys(*["Space"] * 6, "BSpace", "Enter")
    terminal.wait_for("Band squat set 1 saved")
    terminal.keys("s")
    terminal.wait_for("Set 2 of 2")
    terminal.keys("Space", "Space", "Space", "Enter")
    terminal.wait_for("Band squat set 2 saved")
    terminal.keys("q")
    terminal.wait_for("Leave this session?")
    terminal.keys("x")
    terminal.wait_for("the finished sets are kept")  # the summary's last line
    screen = terminal.wait_for("Session stopped")  # once the phase-change band has gone
    assert "Band squat" in screen
    assert "partial" in screen
    assert "How hard was it?" in screen
    terminal.keys("7")
    terminal.wait_for("7 very hard")
    terminal.keys("Enter")
    terminal.wait_for("Last session")
    terminal.keys("q")
    deadline = time.monotonic() + 20
    while "start the session" in terminal.screen() and time.monotonic() < deadline:
        time.sleep(0.05)
    log = json.loads((data / "log.json").read_text())
    [session] = log["sessions"].values()
    assert session["status"] == "partial"
    assert session["program"] == "endurance"
    assert session["effort"] == 7
    sets = sorted(log["sets"].values(), key=lambda s: s["set"])
    assert [(s["exercise"], s["set"], s["reps"], s["target_reps"]) for s in sets] == [
        ("band-squat", 1, 5, 20),
        ("band-squat", 2, 3, 20),
    ]
    assert all(s["band"] == "yellow" for s in sets)
    assert "No supported audio backends" not in terminal.screen()
