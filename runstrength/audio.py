"""Sound cues (tones and spoken clips) played through playsound3 off the UI thread, or not at all.

playsound3 is imported lazily on that thread: its import probes for backends in
subprocesses and, with none, logs a warning that must never reach the terminal.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from runstrength.core.events import Cue

log = logging.getLogger(__name__)


def assets_dir() -> Path:
    """The folder with the sound files: inside the installed package, else the source tree."""
    package = Path(__file__).resolve().parent
    packaged = package / "assets"
    if (packaged / "cues").is_dir():
        return packaged
    return package.parent / "assets"


def cue_dir() -> Path:
    """The folder with the tones."""
    return assets_dir() / "cues"


def cue_path(cue: Cue) -> Path:
    return cue_dir() / f"{cue.value}.wav"


def sound_path(sound: str, root: Path | None = None) -> Path:
    """The file of a sound id: a tone ("go") or a spoken clip ("voice/number/20")."""
    root = root or assets_dir()
    return root / (f"{sound}.wav" if "/" in sound else f"cues/{sound}.wav")


class SoundPlayer(Protocol):
    """Plays a short sequence of sounds without ever blocking the caller."""

    available: bool | None
    """None until something was played; False once it gave up (no backend, errors)."""
    reason: str
    """Why it gave up, if it did."""

    def play(self, sounds: Sequence[str]) -> None: ...

    def prepare(self) -> None:
        """Find out, without playing, whether sound can play (sets `available` when not)."""

    def close(self) -> None: ...


def _sequence(sounds: Sequence[str]) -> tuple[str, ...]:
    """One sound id (a Cue is one) or several, as a tuple."""
    return (sounds,) if isinstance(sounds, str) else tuple(sounds)


_DONE = object()
POLL_SECONDS = 0.02
FAILURES_TO_GIVE_UP = 3


class Playsound3Player:
    """Plays each sequence through playsound3, one sound after another, on a worker thread.

    A new sequence cuts the sound still playing (and drops the rest of its sequence) and
    replaces one still waiting: sounds never queue up behind each other. With no audio
    backend, or after repeated playback errors, it goes quiet for good and says why once,
    in the app's log file.
    """

    def __init__(self, directory: Path | None = None) -> None:
        self.root = directory or assets_dir()
        self.available: bool | None = None
        self.reason = ""
        self._pending: queue.Queue[tuple[str, ...] | None] = queue.Queue(maxsize=1)
        self._thread: threading.Thread | None = None

    def play(self, sounds: Sequence[str]) -> None:
        if self.available is False or not sounds:
            return
        self.prepare()
        self._offer(_sequence(sounds))

    def prepare(self) -> None:
        """Load playsound3 on the sound thread now, so a machine without a backend is
        known before the first cue (the screen then flashes that phase change too)."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="sound", daemon=True)
            self._thread.start()

    def _offer(self, item: tuple[str, ...] | None) -> None:
        while True:
            try:
                self._pending.put_nowait(item)
                return
            except queue.Full:
                with contextlib.suppress(queue.Empty):
                    self._pending.get_nowait()

    def close(self) -> None:
        if self._thread is not None:
            self._offer(None)
            self._thread.join(timeout=1)

    def _run(self) -> None:
        # playsound3 warns at import when it finds no backend: keep that out of the
        # terminal and out of the log file (the reason is logged once below).
        quiet = logging.getLogger("playsound3")
        quiet.addHandler(logging.NullHandler())
        quiet.propagate = False
        try:
            import playsound3
        except Exception as error:  # any import failure just means: no sound
            self._give_up(f"playsound3 could not be loaded: {error}")
            return
        if getattr(playsound3, "DEFAULT_BACKEND", "") is None:
            self._give_up("No supported audio backends on this system!")
            return
        failures = 0
        item = self._pending.get()
        while item is not None:
            following: object = _DONE
            for sound in item:
                path = sound_path(sound, self.root)
                if not path.is_file():  # a missing clip is skipped, not a reason for silence
                    log.info("No sound file %s", path)
                    continue
                try:
                    current = playsound3.playsound(str(path), block=False)
                except playsound3.PlaysoundException as error:
                    self._give_up(str(error))
                    return
                except OSError as error:
                    self._give_up(f"playback failed: {error}")
                    return
                following = self._wait(current)
                code = _exit_code(current)
                if code is not None and code > 0:
                    failures += 1
                    if failures >= FAILURES_TO_GIVE_UP:
                        self._give_up(f"the player exited with code {code} (no sound device?)")
                        return
                    break
                if code == 0 or following is _DONE:
                    failures = 0
                    self.available = True
                if following is not _DONE:
                    break
            item = self._pending.get() if following is _DONE else following  # type: ignore[assignment]

    def _wait(self, current: Any) -> object:
        """Wait for a sound to end; a new request cuts it short and is returned."""
        while current.is_alive():
            try:
                item = self._pending.get(timeout=POLL_SECONDS)
            except queue.Empty:
                continue
            if current.is_alive():
                current.stop()
            return item
        return _DONE

    def _give_up(self, reason: str) -> None:
        self.reason = reason
        self.available = False
        log.warning("Sound is off: %s", reason)


def _exit_code(sound: Any) -> int | None:
    """The player process's exit code (None where the backend has no process)."""
    process = getattr(sound, "subprocess", None)
    code = process.poll() if process is not None else None
    return code if isinstance(code, int) else None
