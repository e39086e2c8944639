"""Sound cues: every cue has a file, and no backend means silence, not text on screen."""

from __future__ import annotations

import itertools
import logging
import subprocess
import sys
import threading
import time
import tomllib
import types
import wave
import zipfile
from pathlib import Path

import pytest

from runstrength.audio import (
    FAILURES_TO_GIVE_UP,
    Playsound3Player,
    assets_dir,
    cue_dir,
    cue_path,
    sound_path,
)
from runstrength.core.catalogue import Catalogue
from runstrength.core.cues import (
    NUMBERS,
    PHRASES,
    exercise_sound,
    number_sounds,
    sound_test,
    stretch_sound,
)
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
player.play(["go", "voice/phrase/go"])
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
    spoken = sorted(assets_dir().joinpath("voice").rglob("*.wav"))
    assert len(spoken) > 60
    for clip in spoken:
        assert f"runstrength/assets/{clip.relative_to(assets_dir()).as_posix()}" in names
    assert "runstrength/data/exercises.toml" in names
    assert "runstrength/screens/session.tcss" in names
    # Test and benchmark helpers stay out of what users install.
    assert not [n for n in names if n.endswith(("sample_history.py", "doubles.py"))]
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


def test_closing_a_player_that_never_played_has_nothing_to_wait_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: list[threading.Thread] = []
    monkeypatch.setattr(threading.Thread, "start", started.append)
    Playsound3Player().close()
    assert started == []  # no worker started, so none is joined


# --- spoken cues ---------------------------------------------------------------------------

VOICE = ROOT / "assets" / "voice"
MAX_VOICE_BYTES = 800 * 1024


def spoken_clips() -> list[Path]:
    return sorted(VOICE.rglob("*.wav"))


def test_every_catalogue_entry_has_a_spoken_cue(catalogue: Catalogue) -> None:
    missing = [
        entry.id
        for entry, sound in [(e, exercise_sound(e.id)) for e in catalogue.exercises.values()]
        + [(s, stretch_sound(s.id)) for s in catalogue.stretches.values()]
        if not sound_path(sound).is_file()
    ]
    assert missing == [], "run scripts/make_voice.py: no spoken cue for " + ", ".join(missing)


@pytest.mark.parametrize("mode", ["voice", "tones"])
def test_the_sound_test_finds_its_files(mode: str) -> None:
    assert sound_test(mode)
    for sound in sound_test(mode):
        assert sound_path(sound).is_file(), sound


def test_every_phrase_and_every_target_number_can_be_said() -> None:
    for name in PHRASES:
        assert sound_path(f"voice/phrase/{name}").is_file(), name
    for number in NUMBERS:
        assert sound_path(f"voice/number/{number}").is_file(), number
    # Any target a program may set: reps 15-20, holds 10-120 s, stretches 15-60 s.
    for n in range(1, 121):
        for part in number_sounds(n):
            assert sound_path(part).is_file(), (n, part)


@pytest.mark.parametrize("clip", spoken_clips(), ids=lambda p: p.relative_to(VOICE).as_posix())
def test_spoken_clips_are_small_mono_low_rate(clip: Path) -> None:
    with wave.open(str(clip)) as sound:
        assert sound.getnchannels() == 1
        assert sound.getframerate() <= 16_000
        assert sound.getsampwidth() <= 2
        assert 0.1 < sound.getnframes() / sound.getframerate() < 2.5


def test_spoken_clips_stay_small_and_are_recorded_in_the_manifest() -> None:
    total = sum(clip.stat().st_size for clip in spoken_clips())
    assert total < MAX_VOICE_BYTES, f"spoken cues take {total} bytes"
    manifest = tomllib.loads((VOICE / "voice.toml").read_text(encoding="utf-8"))
    assert manifest["voice"] == "en-us"
    assert manifest["synthesizer"].startswith("eSpeak NG")
    listed = {f"{name}.wav" for name in manifest["clips"]}
    assert listed == {clip.relative_to(VOICE).as_posix() for clip in spoken_clips()}


# --- the player's worker, with a stand-in for playsound3 ------------------------------------


class FakeSound:
    """A sound that plays until the test ends it (or until stopped), like playsound3's."""

    def __init__(self, path: str, log: list[str], exit_code: int) -> None:
        self.path = Path(path)
        self.log = log
        self.done = threading.Event()
        self.subprocess = types.SimpleNamespace(
            poll=lambda: exit_code if self.done.is_set() else None
        )
        log.append(f"play {self.name}")

    @property
    def name(self) -> str:
        name = self.path.relative_to(assets_dir()).with_suffix("").as_posix()
        return name.removeprefix("cues/")

    def is_alive(self) -> bool:
        return not self.done.is_set()

    def stop(self) -> None:
        self.log.append(f"stop {self.name}")
        self.done.set()


class FakePlaysound3(types.ModuleType):
    class PlaysoundException(Exception):
        pass

    def __init__(
        self, exit_code: int = 0, finish_at_once: bool = False, held: bool = False
    ) -> None:
        """`held`: the first call to playsound waits inside it until `release` is set."""
        super().__init__("playsound3")
        self.log: list[str] = []
        self.sounds: list[FakeSound] = []
        self.exit_code = exit_code
        self.finish_at_once = finish_at_once
        self.entered = threading.Event()
        """Set once playsound was called."""
        self.release = threading.Event()
        if not held:
            self.release.set()

    def playsound(self, path: str, block: bool = True) -> FakeSound:
        assert block is False, "the worker must never block on a sound"
        assert Path(path).is_file(), path
        sound = FakeSound(path, self.log, self.exit_code)
        if self.finish_at_once:
            sound.done.set()
        self.sounds.append(sound)
        self.entered.set()
        self.release.wait()
        return sound


def wait_until(condition, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def played(module: FakePlaysound3, count: int):
    return lambda: len(module.sounds) >= count


@pytest.fixture
def fake_playsound3(monkeypatch: pytest.MonkeyPatch) -> FakePlaysound3:
    module = FakePlaysound3()
    monkeypatch.setitem(sys.modules, "playsound3", module)
    return module


def test_a_sequence_plays_in_order_one_after_another(fake_playsound3: FakePlaysound3) -> None:
    player = Playsound3Player()
    player.play(["exercise", "voice/exercise/glute-bridge", "voice/number/20"])
    wait_until(lambda: len(fake_playsound3.sounds) == 1)
    time.sleep(0.05)
    assert fake_playsound3.log == ["play exercise"]  # the next waits for this one to end
    fake_playsound3.sounds[0].done.set()
    wait_until(lambda: len(fake_playsound3.sounds) == 2)
    fake_playsound3.sounds[1].done.set()
    wait_until(lambda: len(fake_playsound3.sounds) == 3)
    fake_playsound3.sounds[2].done.set()
    player.close()
    assert fake_playsound3.log == [
        "play exercise",
        "play voice/exercise/glute-bridge",
        "play voice/number/20",
    ]
    assert player.available is True


def test_a_new_sequence_cuts_the_one_playing_and_drops_its_rest(
    fake_playsound3: FakePlaysound3,
) -> None:
    player = Playsound3Player()
    player.play(["rest", "voice/phrase/rest"])
    wait_until(lambda: len(fake_playsound3.sounds) == 1)
    started = time.monotonic()
    player.play(["beep"])
    wait_until(lambda: len(fake_playsound3.sounds) == 2)
    assert time.monotonic() - started < 1.0
    fake_playsound3.sounds[1].done.set()
    player.close()
    assert fake_playsound3.log == ["play rest", "stop rest", "play beep"]


def test_a_missing_clip_is_skipped_and_the_rest_plays(fake_playsound3: FakePlaysound3) -> None:
    player = Playsound3Player()
    player.play(["voice/exercise/no-such-exercise", "go"])
    wait_until(lambda: len(fake_playsound3.sounds) == 1)
    fake_playsound3.sounds[0].done.set()
    player.close()
    assert fake_playsound3.log == ["play go"]
    assert player.available is True


def busy_player(monkeypatch: pytest.MonkeyPatch) -> tuple[Playsound3Player, FakePlaysound3]:
    """A player whose worker is held inside playsound3, starting "go", until released."""
    module = FakePlaysound3(held=True)
    monkeypatch.setitem(sys.modules, "playsound3", module)
    player = Playsound3Player()
    player.play(["go"])
    assert module.entered.wait(timeout=5)
    return player, module


def test_playing_never_waits_for_a_busy_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    player, module = busy_player(monkeypatch)

    def play_many() -> None:
        for _ in range(200):
            player.play(["tick"])

    caller = threading.Thread(target=play_many, daemon=True)
    caller.start()
    caller.join(timeout=10)  # only a caller blocked by the held worker is still here
    assert not caller.is_alive(), "play() waited for the worker"
    module.release.set()
    wait_until(played(module, 2))
    module.sounds[1].done.set()
    player.close()


def test_a_new_cue_replaces_one_still_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    player, module = busy_player(monkeypatch)
    for cue in (Cue.BEEP, Cue.GO, Cue.SET_DONE):
        player.play(cue)
    player.play(["rest", "voice/phrase/rest"])
    module.release.set()  # "go" starts; the newest sequence waiting cuts it
    wait_until(played(module, 2))
    module.sounds[1].done.set()
    wait_until(played(module, 3))
    module.sounds[2].done.set()
    player.close()
    assert module.log == ["play go", "stop go", "play rest", "play voice/phrase/rest"]


def test_repeated_player_errors_turn_sound_off_with_one_log_line(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    module = FakePlaysound3(exit_code=1, finish_at_once=True)
    monkeypatch.setitem(sys.modules, "playsound3", module)
    player = Playsound3Player()
    caplog.set_level(logging.WARNING, logger="runstrength.audio")
    for count in range(1, FAILURES_TO_GIVE_UP + 1):
        assert player.available is not False
        player.play(["go"])
        wait_until(played(module, count))
    wait_until(lambda: player.available is False)
    player.play(["go"])
    player.close()
    assert "exited with code 1" in player.reason
    lines = [r.getMessage() for r in caplog.records if r.name == "runstrength.audio"]
    assert lines == [f"Sound is off: {player.reason}"]


def test_a_playsound_exception_turns_sound_off(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    module = FakePlaysound3()

    def broken(path: str, block: bool = True) -> FakeSound:
        raise module.PlaysoundException("No supported audio backends on this system!")

    module.playsound = broken  # type: ignore[method-assign]
    monkeypatch.setitem(sys.modules, "playsound3", module)
    player = Playsound3Player()
    player.play(["go"])
    wait_until(lambda: player.available is False)
    assert player.reason == "No supported audio backends on this system!"
    assert "Sound is off: No supported audio backends" in caplog.text


def first_note_hz(cue: Cue) -> float:
    """The pitch of a tone's first note, from zero crossings over its first 60 ms."""
    with wave.open(str(cue_path(cue))) as sound:
        rate = sound.getframerate()
        frames = sound.readframes(int(rate * 0.06))
    samples = [
        int.from_bytes(frames[i : i + 2], "little", signed=True) for i in range(0, len(frames), 2)
    ]
    crossings = sum(1 for a, b in itertools.pairwise(samples) if a < 0 <= b)
    return crossings / 0.06


def test_each_phase_has_its_own_tone() -> None:
    """Work, rest, stretch and the next exercise differ in pitch, so each is known unheard."""
    phases = [Cue.GO, Cue.REST, Cue.STRETCH, Cue.EXERCISE]
    pitches = sorted(first_note_hz(cue) for cue in phases)
    for low, high in itertools.pairwise(pitches):
        assert high > low * 1.15, pitches


def test_prepare_finds_no_backend_before_any_cue(monkeypatch: pytest.MonkeyPatch) -> None:
    module = FakePlaysound3()
    module.DEFAULT_BACKEND = None  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "playsound3", module)
    player = Playsound3Player()
    assert player.available is None
    player.prepare()
    wait_until(lambda: player.available is False)
    assert "No supported audio backends" in player.reason
    player.play(Cue.GO)
    assert module.sounds == []


def test_prepare_with_a_backend_leaves_the_player_ready(
    fake_playsound3: FakePlaysound3,
) -> None:
    player = Playsound3Player()
    player.prepare()
    player.prepare()  # once is enough; a second call starts nothing new
    player.play(Cue.GO)
    wait_until(played(fake_playsound3, 1))
    assert fake_playsound3.log == ["play go"]
    fake_playsound3.sounds[0].stop()
    player.close()
