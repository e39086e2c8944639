"""Shared seams for every test: a temporary data dir, a fake clock, a silent player.

Each fixture replaces one seam so no test touches the user's real folders, waits for
a real timer or makes a sound.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from runstrength.core.catalogue import Catalogue
from runstrength.paths import Paths, resolve_paths
from runstrength.store import load_catalogue
from tests.doubles import FakeClock, SilentPlayer


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


@pytest.fixture
def berlin() -> Iterator[None]:
    """This computer's time zone set to Berlin (UTC+01:00, +02:00 in summer) for the test,
    put back after it."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Berlin"
    time.tzset()
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()
