"""The installed command in tmux, with sound and without: cues play, nothing is printed."""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.test_tmux import Terminal, returning_user, terminal  # noqa: F401  (the fixture is used by name)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

COMMAND = Path(sys.executable).with_name("runstrength")
STRAY = ("aplay", "ALSA", "Playing", "playsound", "Traceback", "Sound is off")


@pytest.mark.skipif(
    shutil.which("aplay") is None,
    reason="aplay is missing: apt-get install alsa-utils to play cues into a file sink",
)
def test_cues_play_through_alsa_and_nothing_reaches_the_terminal(
    terminal: Terminal,  # noqa: F811
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    sink = home / "cues.raw"
    (home / ".asoundrc").write_text(
        f'pcm.!default {{ type file slave.pcm "null" file "|cat >> {sink}" format "raw" }}\n',
        encoding="utf-8",
    )
    returning_user(tmp_path / "data")
    env = (
        f"env -u NO_COLOR -u TEXTUAL_THEME HOME={home} PLAYSOUND3_BACKEND=alsa "
        f"RUNSTRENGTH_DATA_DIR={tmp_path / 'data'}"
    )
    terminal.start(f"{env} {COMMAND}; sleep 5")
    terminal.wait_for("start the session", timeout=30)
    terminal.keys("Enter")
    terminal.wait_for("Warm-up", timeout=30)
    terminal.keys("S")
    screen = terminal.wait_for("begin the first set")
    log = tmp_path / "data" / "state" / "runstrength.log"

    def diagnosis() -> str:
        logged = log.read_text(encoding="utf-8") if log.exists() else "(no log)"
        return f"screen:\n{terminal.screen()}\nlog:\n{logged}"

    deadline = time.monotonic() + 30
    while not sink.exists() or sink.stat().st_size < 20_000:
        assert time.monotonic() < deadline, "no cue reached the sound device\n" + diagnosis()
        time.sleep(0.05)
    screen = terminal.screen()
    assert "NEXT EXERCISE" not in screen, diagnosis()  # sound plays: no flash
    for text in STRAY:
        assert text not in screen, diagnosis()
    assert not log.exists() or "Sound is off" not in log.read_text(encoding="utf-8"), diagnosis()


def test_without_a_backend_the_phase_change_flashes_and_the_log_says_why(
    terminal: Terminal,  # noqa: F811
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    returning_user(data)
    # The flash shows in the compact layout; the floor layout's band shows the phase itself.
    with (data / "config.toml").open("a", encoding="utf-8") as config:
        config.write('session_layout = "compact"\n')
    env = (
        f"env -u NO_COLOR -u TEXTUAL_THEME PLAYSOUND3_BACKEND=none-here RUNSTRENGTH_DATA_DIR={data}"
    )
    terminal.start(f"{env} {COMMAND}; sleep 5")
    terminal.wait_for("start the session", timeout=30)
    terminal.keys("Enter")
    terminal.wait_for("Warm-up", timeout=30)
    terminal.keys("S")
    terminal.wait_for("begin the first set", timeout=30)
    log = data / "state" / "runstrength.log"
    deadline = time.monotonic() + 10
    while not log.exists() or "Sound is off" not in log.read_text(encoding="utf-8"):
        assert time.monotonic() < deadline, "the log never said why sound is off"
        time.sleep(0.05)
    terminal.keys("Enter")
    screen = terminal.wait_for("GO · Band squat")
    for text in STRAY:
        assert text not in screen, text
    lines = [
        line for line in log.read_text(encoding="utf-8").splitlines() if "Sound is off" in line
    ]
    assert len(lines) == 1
    assert "unknown backend" in lines[0]
