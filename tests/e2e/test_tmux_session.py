"""A whole session in a real terminal: skips, a hold cut short with s, continue later,
resume at the next start, then `runstrength history --json` holds exactly what was done."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.test_tmux import Terminal, terminal  # noqa: F401  (the fixture is used by name)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

COMMAND = Path(sys.executable).with_name("runstrength")

PROGRAM = """\
name = "floor"
title = "Floor check"
goal = "endurance"
rest_seconds = 15

[[exercise]]
id = "glute-bridge"
sets = 2
reps = 15

[[exercise]]
id = "side-plank"
sets = 1
seconds = 30

[[exercise]]
id = "clamshell"
sets = 1
reps = 15

[[exercise]]
id = "band-squat"
sets = 1
reps = 20
"""

CONFIG = """\
first_run_done = true
program = "floor"
bands = ["red", "green"]
warmup_minutes = 5
stretch_hold_seconds = 15
"""


def press_until(term: Terminal, key: str, text: str, limit: int = 8) -> str:
    """Press `key` (waiting for the screen each time) until `text` shows."""
    for _ in range(limit):
        screen = term.screen()
        if text in screen:
            return screen
        term.keys(key)
        time.sleep(0.3)
    return term.wait_for(text, timeout=5)


def held_seconds(term: Terminal) -> int:
    screen = term.wait_for("s: kept")
    found = re.search(r"Hold ended at (\d+) s: kept", screen)
    assert found, screen
    return int(found.group(1))


def start_app(term: Terminal, data: Path) -> None:
    """Start the app in a new tmux session (again, while an old server is still closing)."""
    env = f"env -u NO_COLOR -u TEXTUAL_THEME RUNSTRENGTH_DATA_DIR={data}"
    deadline = time.monotonic() + 10
    while not term.alive() and time.monotonic() < deadline:
        term.start(f"{env} {COMMAND}; sleep 30")
        time.sleep(0.2)
    assert term.alive(), "tmux did not start"


def wait_until_closed(term: Terminal, text: str) -> None:
    deadline = time.monotonic() + 20
    while text in term.screen() and time.monotonic() < deadline:
        time.sleep(0.05)


def test_skips_a_cut_hold_continue_later_and_resume(
    terminal: Terminal,  # noqa: F811
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    (data / "programs").mkdir(parents=True)
    (data / "programs" / "floor.toml").write_text(PROGRAM, encoding="utf-8")
    (data / "config.toml").write_text(CONFIG, encoding="utf-8")

    start_app(terminal, data)
    terminal.wait_for("start the session")
    terminal.keys("Enter")
    terminal.wait_for("Warm-up")
    terminal.keys("s")  # the next warm-up move only
    terminal.wait_for("S skips the whole warm-up")
    terminal.keys("S")
    terminal.wait_for("begin the first set")
    terminal.keys("Enter", "Space", "Space", "Space", "Enter")
    terminal.wait_for("Glute bridge set 1 saved")
    terminal.keys("s")  # the rest
    terminal.wait_for("Set 2 of 2")
    terminal.keys("Space", "Space", "s")  # set 2 cut short: its 2 reps are kept
    terminal.wait_for("Set ended at 2 reps: kept")
    press_until(terminal, "s", "Exercise 2 of 4")  # past the stretch, to the plank's card
    terminal.wait_for("begin the first set")
    terminal.keys("Enter")
    terminal.wait_for("start the hold now")
    terminal.keys("Enter")
    terminal.wait_for("end the hold now")
    time.sleep(2.5)
    terminal.keys("s")  # cut short: the seconds held are kept
    left = held_seconds(terminal)
    terminal.wait_for("start the hold now")  # the right side gets ready
    terminal.keys("q")
    terminal.wait_for("Leave this session?")
    terminal.wait_for("Side plank, set 1 (right)")
    terminal.keys("l")
    terminal.wait_for("set aside")  # home's last session line
    terminal.keys("q")
    wait_until_closed(terminal, "start the session")
    terminal.tmux("kill-server")
    deadline = time.monotonic() + 10
    while terminal.alive() and time.monotonic() < deadline:
        time.sleep(0.05)

    start_app(terminal, data)  # the next start, the same day
    terminal.wait_for("A session was set aside")
    terminal.keys("Enter")
    terminal.wait_for("start the hold now")  # the right side, where it was left
    terminal.keys("Enter")
    terminal.wait_for("end the hold now")
    time.sleep(1.5)
    terminal.keys("s")
    right = held_seconds(terminal)
    press_until(terminal, "s", "Exercise 3 of 4")
    assert "Clamshell" in terminal.wait_for("Skip exercise")
    terminal.keys("s")  # the clamshell, skipped on its card
    terminal.wait_for("Exercise 4 of 4")
    terminal.keys("Enter", *["Space"] * 4, "Enter")
    terminal.wait_for("Band squat set 1 saved")
    press_until(terminal, "s", "Session complete")
    screen = terminal.wait_for("1 exercise skipped")
    assert "partial" not in screen
    terminal.keys("Enter")
    terminal.wait_for("Last session")
    terminal.keys("q")
    wait_until_closed(terminal, "Last session")

    result = subprocess.run(
        [str(COMMAND), "--data-dir", str(data), "history", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    [session] = json.loads(result.stdout)["sessions"]
    assert session["status"] == "completed"
    assert session["skipped"] == ["clamshell"]
    assert session["program"] == "floor"
    done = [
        (s["exercise"], s["set"], s["side"], s["reps"], s["seconds"], s["band"])
        for s in session["sets"]
    ]
    assert done == [
        ("glute-bridge", 1, None, 3, None, None),
        ("glute-bridge", 2, None, 2, None, None),
        ("side-plank", 1, "left", None, left, None),
        ("side-plank", 1, "right", None, right, None),
        ("band-squat", 1, None, 4, None, "red"),
    ]
    # Cut short well before their 30 s (as long as the machine took to send the key).
    assert 2 <= left < 30
    assert 1 <= right < 30
    table = subprocess.run(
        [str(COMMAND), "--data-dir", str(data), "history"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "1 exercise skipped" in table.stdout
