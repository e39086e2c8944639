"""Shared seams for every test: a temporary data dir, a fake clock, a silent player.

Each fixture replaces one seam so no test touches the user's real folders, waits for
a real timer or makes a sound.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from runstrength.audio import SilentPlayer
from runstrength.core.catalogue import Catalogue
from runstrength.paths import Paths, resolve_paths
from runstrength.store import load_catalogue

START = datetime(2026, 11, 23, 7, 2, 11, tzinfo=timezone(timedelta(hours=1)))


class FakeClock:
    """A clock that only moves when told to; wall time and monotonic time move together."""

    def __init__(self, start: datetime = START) -> None:
        self.start = start
        self.seconds = 1000.0

    def monotonic(self) -> float:
        return self.seconds

    def now(self) -> datetime:
        return self.start + timedelta(seconds=self.seconds - 1000.0)

    def advance(self, seconds: float) -> None:
        self.seconds += seconds


@pytest.fixture(autouse=True)
def _isolated_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Never read or write the real user dirs; keep snapshots independent of the terminal."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.delenv("RUNSTRENGTH_DATA_DIR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TEXTUAL_THEME", raising=False)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def sound() -> SilentPlayer:
    return SilentPlayer()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "runstrength"


@pytest.fixture
def paths(data_dir: Path) -> Paths:
    return resolve_paths(data_dir)


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()
