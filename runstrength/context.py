"""What the app is made of, made in one place (factory.py) and handed down to every screen.

Two kinds of parts besides the settings: what is fixed for the run (the log to read
from, the content, the clock, how a session gets its id, what start-up found), and the
services that act on the world (the log's one writer, the sound). Screens read the
fixed parts and ask the services; nothing here changes behind their back.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from runstrength.audio import SoundPlayer
from runstrength.core.catalogue import Catalogue
from runstrength.core.clock import Clock
from runstrength.core.programs import Program
from runstrength.core.settings import Settings
from runstrength.store import LogWriter, ProgramLibrary, TrainingLog

log = logging.getLogger(__name__)


class LiveValues(Protocol):
    """The values that change while the app runs: the app holds them as reactives that
    screens watch; where no app runs (the command line), a `HeldValues` does."""

    settings: Settings


class HeldValues:
    """The live values of a run without the app, and until the app starts."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings


class Sound:
    """The sound service: the player, whether sound is on (`m`), and why nothing can be
    heard; the one place that decides whether a cue plays."""

    def __init__(self, player: SoundPlayer, voice: Callable[[], str], on: bool = True) -> None:
        self.player = player
        self.on = on
        self._voice = voice
        self._silence_logged: set[str] = set()

    def silence_reason(self) -> str | None:
        """Why nothing can be heard now, or None when sound plays."""
        if self._voice() == "off":
            return 'voice = "off" in the settings'
        if not self.on:
            return "muted (m, or sound = false in the settings)"
        if self.player.available is False:
            return self.player.reason or "no audio backend"
        return None

    def line(self) -> str:
        """What `m` reports, from the same source as the session's "sound off"."""
        if not self.on:
            return "Sound off (m turns it back on)"
        reason = self.silence_reason()
        return "Sound on" if reason is None else f"Sound on, but nothing can be heard: {reason}"

    def play(self, sounds: Sequence[str]) -> bool:
        """Play a sequence if sound is on; False when nothing can be heard.

        The first time each reason for silence comes up it goes to the log file once
        (the player logs its own reasons itself).
        """
        reason = self.silence_reason()
        if reason is None:
            if sounds:
                self.player.play(sounds)
            return True
        if self.player.available is not False and reason not in self._silence_logged:
            self._silence_logged.add(reason)
            log.warning("Sound is off: %s", reason)
        return False


class AppContext:
    """The parts of the app, handed to every screen. A plain class rather than a
    dataclass: Python compiles a dataclass's methods at every start (see `core.values`)."""

    def __init__(
        self,
        *,
        live: LiveValues,
        log: TrainingLog,
        catalogue: Catalogue,
        programs: ProgramLibrary,
        clock: Clock,
        player: SoundPlayer,
        config_file: Path | None = None,
        new_id: Callable[[], str] | None = None,
        first_run: bool = False,
        problems: list[str] | None = None,
    ) -> None:
        # --- the settings (live: replaced whole on a save), and where they are saved ----
        self.live = live
        self.config_file = config_file
        """Where the settings screen saves; None: settings are not saved in this run."""

        # --- fixed for the run ----------------------------------------------------------
        self.log = log
        """The log to read from; writes go through `writer`."""
        self.catalogue = catalogue
        self.programs = programs
        self.clock = clock
        self.new_id = new_id or (lambda: uuid.uuid4().hex)
        self.first_run = first_run
        """No settings file and an empty log: greet with the short setup."""
        self.problems = problems if problems is not None else []
        """Problems found in the user's files, shown once on home."""

        # --- services -------------------------------------------------------------------
        self.sound = Sound(player, lambda: self.settings.voice, on=self.settings.sound)
        """Cues, through the player, when sound is on (see Sound)."""
        self.writer = LogWriter(log)
        """The one way in for writes to the log: its own thread, in order (writes.py)."""

    @property
    def settings(self) -> Settings:
        """The settings in effect: one immutable value, replaced whole (never changed in
        place) so that whoever watches `app.settings` sees every change."""
        return self.live.settings

    @settings.setter
    def settings(self, settings: Settings) -> None:
        self.live.settings = settings

    def default_program(self) -> Program:
        """The program from the settings, else the goal's built-in one."""
        return (
            self.programs.get(self.settings.program)
            or self.programs.get(self.settings.goal)
            or next(iter(self.programs.programs.values()))
        )
