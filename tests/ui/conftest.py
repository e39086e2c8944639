"""Builds the app from test parts: a temporary log, a fake clock, a silent player."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from runstrength.app import RunStrengthApp
from runstrength.context import AppContext, HeldValues
from runstrength.core.catalogue import Catalogue
from runstrength.core.programs import program_from_toml
from runstrength.core.settings import Settings
from runstrength.store import TrainingLog, load_programs
from tests.doubles import SilentPlayer

SHORT_PROGRAM = """
name = "short"
title = "Short test program"
goal = "endurance"
rest_seconds = 15

[[exercise]]
id = "glute-bridge"
sets = 2
reps = 15

[[exercise]]
id = "side-plank"
sets = 1
seconds = 10
"""

SHORT_SETTINGS = Settings(
    program="short", warmup_minutes=5, rest_seconds=15, stretch_hold_seconds=15
)

MakeApp = Callable[..., RunStrengthApp]


@pytest.fixture
def make_app(tmp_path: Path, catalogue: Catalogue, clock, sound: SilentPlayer) -> MakeApp:
    """An app with the short program as default; keyword arguments change the settings."""

    numbers = itertools.count(1)

    def make(start: bool = False, **settings_changes: Any) -> RunStrengthApp:
        library = load_programs(catalogue)
        short = program_from_toml(SHORT_PROGRAM, "short.toml", catalogue)
        library.programs[short.name] = short
        context = AppContext(
            live=HeldValues(SHORT_SETTINGS._replace(**settings_changes)),
            log=TrainingLog(tmp_path / "log.json", clock=clock),
            catalogue=catalogue,
            programs=library,
            clock=clock,
            player=sound,
            new_id=lambda: f"session-{next(numbers)}",
            config_file=tmp_path / "config.toml",
        )
        return RunStrengthApp(context, start_with=short if start else None)

    return make
