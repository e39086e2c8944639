"""Everything a screen needs from the outside world, made in one place and handed down."""

from __future__ import annotations

import logging
import threading
import uuid
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from runstrength.audio import SoundPlayer
from runstrength.core.catalogue import Catalogue
from runstrength.core.clock import Clock
from runstrength.core.programs import Program
from runstrength.core.settings import Settings
from runstrength.store import LogError, LogWriter, ProgramLibrary, TrainingLog

if TYPE_CHECKING:
    # The session's events are loaded with the session: home does not need them.
    from runstrength.core.events import LogWrite, SetCompleted

log = logging.getLogger(__name__)


class LiveValues(Protocol):
    """The values that change while the app runs: the app holds them as reactives that
    screens watch; where no app runs (the command line), a `HeldValues` does."""

    settings: Settings
    sound_on: bool
    """False while muted (m); a start, or a save of the settings, sets it from `sound`."""


@dataclass
class HeldValues:
    """The live values of a run without the app, and until the app starts."""

    settings: Settings
    sound_on: bool = True


@dataclass
class AppContext:
    live: LiveValues
    log: TrainingLog
    catalogue: Catalogue
    programs: ProgramLibrary
    clock: Clock
    sound: SoundPlayer
    problems: list[str] = field(default_factory=list)
    """Problems found in the user's files, shown once on home."""
    config_file: Path | None = None
    """Where the settings screen saves; None: settings are not saved in this run."""
    first_run: bool = False
    """No settings file and an empty log: greet with the short setup."""
    new_id: Callable[[], str] = field(default=lambda: uuid.uuid4().hex)
    pending_writes: deque[LogWrite] = field(default_factory=deque)
    """Log writes not yet done, oldest first (sets, warm-up, stretches, ends, in order)."""
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    """Held while writes are drained; readers that must see them take it too."""
    writer: LogWriter = field(default_factory=LogWriter)
    """The one way in for writes to the log: its own thread, in order (see run_write)."""

    def drain_writes(
        self,
        on_saved: Callable[[SetCompleted], object] = lambda event: None,
        on_failed: Callable[[str], object] = lambda reason: None,
    ) -> bool:
        """Write everything pending, oldest first; a failed write stays first in line.

        Returns True when nothing is left pending.
        """
        from runstrength.core.events import RoutineDone, SessionSetAside, SetCompleted

        pending = self.pending_writes
        with self.write_lock:
            while pending:
                event = pending[0]
                try:
                    if isinstance(event, SetCompleted):
                        self.log.log_set(event.session, event.record)
                    elif isinstance(event, RoutineDone):
                        self.log.log_routine(event.session, event.record)
                    elif isinstance(event, SessionSetAside):
                        self.log.set_aside(event.session, event.at, event.skipped, event.resume_at)
                    else:
                        self.log.finish_session(
                            event.session, event.status, event.ended_at, event.skipped
                        )
                except LogError as error:
                    on_failed(str(error))
                    return False
                pending.popleft()
                if isinstance(event, SetCompleted):
                    on_saved(event)
        return True

    _silence_logged: set[str] = field(default_factory=set, init=False, repr=False)

    @property
    def settings(self) -> Settings:
        """The settings in effect: one immutable value, replaced whole (never changed in
        place) so that whoever watches `app.settings` sees every change."""
        return self.live.settings

    @settings.setter
    def settings(self, settings: Settings) -> None:
        self.live.settings = settings

    @property
    def sound_on(self) -> bool:
        return self.live.sound_on

    @sound_on.setter
    def sound_on(self, on: bool) -> None:
        self.live.sound_on = on

    def silence_reason(self) -> str | None:
        """Why nothing can be heard now, or None when sound plays."""
        if self.settings.voice == "off":
            return 'voice = "off" in the settings'
        if not self.sound_on:
            return "muted (m, or sound = false in the settings)"
        if self.sound.available is False:
            return self.sound.reason or "no audio backend"
        return None

    def sound_line(self) -> str:
        """What `m` reports, from the same source as the session's "sound off"."""
        if not self.sound_on:
            return "Sound off (m turns it back on)"
        reason = self.silence_reason()
        return "Sound on" if reason is None else f"Sound on, but nothing can be heard: {reason}"

    def play_sounds(self, sounds: Sequence[str]) -> bool:
        """Play a sequence if sound is on; False when nothing can be heard.

        The first time each reason for silence comes up it goes to the log file once
        (the player logs its own reasons itself).
        """
        reason = self.silence_reason()
        if reason is None:
            if sounds:
                self.sound.play(sounds)
            return True
        if self.sound.available is not False and reason not in self._silence_logged:
            self._silence_logged.add(reason)
            log.warning("Sound is off: %s", reason)
        return False

    def default_program(self) -> Program:
        """The program from the settings, else the goal's built-in one."""
        return (
            self.programs.get(self.settings.program)
            or self.programs.get(self.settings.goal)
            or next(iter(self.programs.programs.values()))
        )
