"""Fixtures for the pure core: a small program, short timers and an engine on the fake clock."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from runstrength.core.catalogue import Catalogue
from runstrength.core.engine import SessionEngine
from runstrength.core.programs import Program, program_from_toml
from runstrength.core.settings import Settings

# One rep exercise with two sets, one per-side timed hold, one band exercise whose
# stretch is chosen in the file (a stretch that is not per side).
MINI_TOML = """\
name = "mini"
title = "Mini session"
goal = "endurance"
rest_seconds = 20

[[exercise]]
id = "glute-bridge"
sets = 2
reps = 15

[[exercise]]
id = "side-plank"
sets = 1
seconds = 10

[[exercise]]
id = "lateral-band-walk"
sets = 1
reps = 16
stretch = "cobra-stretch"
"""

MINI_WARMUP_SECONDS = 60
MINI_REST_SECONDS = 20
MINI_STRETCH_SECONDS = 15
MINI_TEMPO_SECONDS = 2.0


@pytest.fixture
def mini_program(catalogue: Catalogue) -> Program:
    return program_from_toml(MINI_TOML, "mini.toml", catalogue)


@pytest.fixture
def fast_settings() -> Settings:
    return Settings(
        warmup_minutes=MINI_WARMUP_SECONDS // 60,
        rest_seconds=30,
        stretch_hold_seconds=MINI_STRETCH_SECONDS,
        tempo_seconds=MINI_TEMPO_SECONDS,
        bands=("yellow", "red", "green"),
    )


@pytest.fixture
def make_engine(
    clock, catalogue: Catalogue, fast_settings: Settings
) -> Callable[..., SessionEngine]:
    """An engine on the fake clock; the program and settings can be swapped per test."""

    def make(program: Program, settings: Settings | None = None, **kwargs: object) -> SessionEngine:
        return SessionEngine(
            program,
            settings or fast_settings,
            clock,
            "session-1",
            warmup_moves=catalogue.warmup,
            **kwargs,  # type: ignore[arg-type]
        )

    return make


@pytest.fixture
def engine(make_engine: Callable[..., SessionEngine], mini_program: Program) -> SessionEngine:
    return make_engine(mini_program)
