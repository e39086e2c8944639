"""Sound cues played through playsound3 on a background thread, or not at all.

playsound3 is imported lazily on that thread: its import probes for backends in
subprocesses and, with none, logs a warning that must never reach the terminal.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from runstrength.core.events import Cue

log = logging.getLogger(__name__)


def cue_dir() -> Path:
    """The folder with the cue files: inside the installed package, else the source tree."""
    packaged = Path(str(resources.files("runstrength"))) / "assets" / "cues"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "assets" / "cues"


def cue_path(cue: Cue) -> Path:
    return cue_dir() / f"{cue.value}.wav"


class SoundPlayer(Protocol):
    """Plays cues without ever blocking the caller."""

    def play(self, cue: Cue) -> None: ...

    def close(self) -> None: ...


class SilentPlayer:
    """Plays nothing; remembers what it was asked to play (tests read `played`)."""

    def __init__(self) -> None:
        self.played: list[Cue] = []

    def play(self, cue: Cue) -> None:
        self.played.append(cue)

    def close(self) -> None:
        pass


class Playsound3Player:
    """Plays each cue through playsound3 from a worker thread.

    A new cue cuts the one still sounding and replaces one still waiting: cues are
    never queued up behind each other. With no audio backend it goes quiet for good
    and says why once, in the app's log file.
    """

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or cue_dir()
        self.available: bool | None = None
        self._pending: queue.Queue[Cue | None] = queue.Queue(maxsize=1)
        self._thread: threading.Thread | None = None

    def play(self, cue: Cue) -> None:
        if self.available is False:
            return
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="sound", daemon=True)
            self._thread.start()
        self._offer(cue)

    def _offer(self, item: Cue | None) -> None:
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
        logging.getLogger("playsound3").addHandler(logging.NullHandler())
        try:
            import playsound3
        except Exception as error:  # any import failure just means: no sound
            self._give_up(f"playsound3 could not be loaded: {error}")
            return
        current: Any = None
        while (cue := self._pending.get()) is not None:
            try:
                if current is not None and current.is_alive():
                    current.stop()
                current = playsound3.playsound(
                    str(self.directory / f"{cue.value}.wav"), block=False
                )
                self.available = True
            except playsound3.PlaysoundException as error:
                self._give_up(str(error))
                return
            except OSError as error:
                self._give_up(f"playback failed: {error}")
                return
        if current is not None and current.is_alive():
            current.stop()

    def _give_up(self, reason: str) -> None:
        self.available = False
        log.warning("Sound is off: %s", reason)
