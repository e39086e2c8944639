"""Cues played for real: playsound3's ALSA backend into a file sink instead of a sound card.

A temporary HOME holds an .asoundrc whose default PCM is ALSA's `file` plugin; every
sample aplay plays is appended to a file the test reads. Needs aplay (alsa-utils).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from runstrength.audio import sound_path

pytestmark = pytest.mark.skipif(
    shutil.which("aplay") is None,
    reason="aplay is missing: apt-get install alsa-utils to play cues into a file sink",
)

ROOT = Path(__file__).resolve().parent.parent
SEQUENCE = ["go", "voice/exercise/glute-bridge", "voice/number/20", "voice/phrase/reps"]


def sink_home(home: Path) -> Path:
    """Write an .asoundrc into `home` whose default device appends to home/cues.raw."""
    home.mkdir(parents=True, exist_ok=True)
    sink = home / "cues.raw"
    (home / ".asoundrc").write_text(
        f'pcm.!default {{ type file slave.pcm "null" file "|cat >> {sink}" format "raw" }}\n',
        encoding="utf-8",
    )
    return sink


def sample_bytes(sounds: list[str]) -> int:
    total = 0
    for sound in sounds:
        with wave.open(str(sound_path(sound))) as clip:
            total += clip.getnframes() * clip.getsampwidth()
    return total


def size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


def test_a_spoken_sequence_reaches_the_sound_device_and_nothing_the_screen(
    tmp_path: Path,
) -> None:
    """In a process of its own, as the app runs: its stdout and stderr are the screen."""
    home = tmp_path / "home"
    sink = sink_home(home)
    script = f"""
import os, sys, time
sys.path.insert(0, {str(ROOT)!r})
from runstrength.audio import Playsound3Player
player = Playsound3Player()
player.play({SEQUENCE!r})
deadline = time.monotonic() + 20
while time.monotonic() < deadline:
    if os.path.exists({str(sink)!r}) and os.path.getsize({str(sink)!r}) >= {sample_bytes(SEQUENCE)}:
        break
    time.sleep(0.02)
player.close()
"""
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "PLAYSOUND3_BACKEND": "alsa"}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == ""
    # Every sample of all four parts arrived (the sink may pad the last period).
    assert size(sink) >= sample_bytes(SEQUENCE)
