"""Sound cues: every cue has a file, and no backend means silence, not text on screen."""

from __future__ import annotations

import subprocess
import sys
import time
import wave
import zipfile
from pathlib import Path

import pytest

from runstrength.audio import Playsound3Player, cue_dir, cue_path
from runstrength.core.events import Cue

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("cue", list(Cue))
def test_every_cue_has_a_short_mono_wav(cue: Cue) -> None:
    with wave.open(str(cue_path(cue))) as sound:
        assert sound.getnchannels() == 1
        assert 0.02 < sound.getnframes() / sound.getframerate() < 1.5


def test_no_backend_plays_nothing_and_prints_nothing(tmp_path: Path) -> None:
    """With no audio backend, a cue raises nothing, prints nothing and the player goes quiet."""
    script = f"""
import logging, sys, time
sys.path.insert(0, {str(ROOT)!r})
from runstrength.audio import Playsound3Player
from runstrength.core.events import Cue
player = Playsound3Player()
player.play(Cue.GO)
for _ in range(200):
    if player.available is not None:
        break
    time.sleep(0.02)
player.play(Cue.BEEP)
player.close()
print("available", player.available)
"""
    env = {"PATH": "/nonexistent", "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "available False"
    assert result.stderr == ""


def test_a_new_cue_replaces_one_still_waiting() -> None:
    player = Playsound3Player()
    player._thread = object()  # type: ignore[assignment]  # keep the worker from starting
    for cue in (Cue.BEEP, Cue.GO, Cue.SET_DONE):
        player.play(cue)
    player.play(["rest", "voice/phrase/rest"])
    assert player._pending.qsize() == 1
    assert player._pending.get_nowait() == ("rest", "voice/phrase/rest")


def test_cues_ship_inside_the_wheel(tmp_path: Path) -> None:
    """Installed from a built wheel, the package finds its cues without the source tree."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    [wheel] = tmp_path.glob("runstrength-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for cue in Cue:
        assert f"runstrength/assets/cues/{cue.value}.wav" in names
    assert "runstrength/data/exercises.toml" in names
    assert "runstrength/screens/session.tcss" in names
    target = tmp_path / "installed"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    found = subprocess.run(
        [sys.executable, "-c", "from runstrength.audio import cue_dir; print(cue_dir())"],
        capture_output=True, text=True, check=True, cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert found.stdout.strip() == str(target / "runstrength" / "assets" / "cues")
    assert Path(found.stdout.strip(), "go.wav").is_file()


def test_source_tree_cue_dir_exists() -> None:
    assert (cue_dir() / "go.wav").is_file()


def test_player_close_without_start_returns_at_once() -> None:
    started = time.monotonic()
    Playsound3Player().close()
    assert time.monotonic() - started < 0.5
