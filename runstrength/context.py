"""Everything a screen needs from the outside world, made in one place and handed down."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from runstrength.audio import SoundPlayer
from runstrength.core.catalogue import Catalogue
from runstrength.core.clock import Clock
from runstrength.core.events import Cue
from runstrength.core.programs import Program
from runstrength.core.settings import Settings
from runstrength.store import ProgramLibrary, TrainingLog


@dataclass
class AppContext:
    settings: Settings
    log: TrainingLog
    catalogue: Catalogue
    programs: ProgramLibrary
    clock: Clock
    sound: SoundPlayer
    problems: list[str] = field(default_factory=list)
    """Problems found in the user's files, shown once on home."""
    sound_on: bool = True
    config_file: Path | None = None
    """Where the settings screen saves; None: settings are not saved in this run."""
    first_run: bool = False
    """No settings file and an empty log: greet with the short setup."""
    new_id: Callable[[], str] = field(default=lambda: uuid.uuid4().hex)

    def play(self, cue: Cue) -> None:
        if self.sound_on:
            self.sound.play(cue)

    def default_program(self) -> Program:
        """The program from the settings, else the goal's built-in one."""
        return (
            self.programs.get(self.settings.program)
            or self.programs.get(self.settings.goal)
            or next(iter(self.programs.programs.values()))
        )
