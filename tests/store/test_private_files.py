"""Private files: the log, its journal, backups, past years, damaged copies, exports, the
config and the app's log file are 0600 in 0700 folders whatever the umask."""

from __future__ import annotations

import json
import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from runstrength.cli.common import setup_logging
from runstrength.config import save_setting
from runstrength.core.records import SessionInfo, SetRecord
from runstrength.paths import resolve_paths
from runstrength.store import TrainingLog

COMMAND = str(Path(sys.executable).with_name("runstrength"))
LAST_YEAR = date.today().year - 1


@pytest.fixture(params=[0o000, 0o022], ids=["umask000", "umask022"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)  # the commands run below inherit it
    try:
        yield request.param
    finally:
        os.umask(old)


def modes(root: Path) -> dict[str, str]:
    """Each file and folder under `root` (and root itself) with its permission bits."""
    found = {".": oct(stat.S_IMODE(root.lstat().st_mode))}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder, name)
            found[str(path.relative_to(root))] = oct(stat.S_IMODE(path.lstat().st_mode))
    return found


def session(log: TrainingLog, session_id: str, day: date) -> None:
    started = datetime.combine(day, time(7, 0)).astimezone()
    info = SessionInfo(session_id, "endurance", started)
    done = started + timedelta(minutes=5)
    log.log_set(info, SetRecord("glute-bridge", 1, None, 20, 18, None, None, done))
    log.finish_session(info, "completed", done)


def command(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [COMMAND, "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result


def test_everything_runstrength_writes_is_private(tmp_path: Path, umask: int) -> None:
    data = tmp_path / "data"
    log = TrainingLog(data / "log.json")
    started = datetime.combine(date.today(), time(7, 0)).astimezone()
    info = SessionInfo("today", "endurance", started)
    log.log_set(info, SetRecord("glute-bridge", 1, None, 20, 18, None, None, started))
    assert modes(data)["log.journal"] == "0o600"
    log.finish_session(info, "completed", started + timedelta(minutes=5))
    session(log, "earlier", date.today() - timedelta(days=2))  # a second backup
    session(log, "last-year", date(LAST_YEAR, 3, 2))
    log.close()
    log = TrainingLog(data / "log.json")  # moves last year to its own file
    session(log, "last-year-again", date(LAST_YEAR, 3, 4))
    log.close()
    TrainingLog(data / "log.json").close()  # that year file is rewritten: its backup kept
    save_setting(data / "config.toml", "weekly_rest_days", 2)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        setup_logging(resolve_paths(data))
        logging.getLogger("runstrength.test").warning("a line in the app's log")
    finally:
        for handler in root.handlers[len(handlers) :]:
            root.removeHandler(handler)
        root.setLevel(level)
    (data / "log.json").write_bytes(b"{damaged")
    command(data, "doctor", "--repair")
    command(data, "export", "-o", str(data / "export.json"))
    command(data, "export", "--format", "fit", "-o", str(data / "fit"))
    command(data, "schedule", "export", "--ics", str(data / "plans.ics"))
    command(data, "programs", "export", "--fit", str(data / "workout.fit"), "endurance")

    found = modes(data)
    for name in (
        "log.json",
        "log.lock",
        "config.toml",
        "state/runstrength.log",
        "export.json",
        "plans.ics",
        "workout.fit",
        f"years/{LAST_YEAR}.json",
        "years/index.json",
    ):
        assert found.pop(name) == "0o600", name
    for name in (".", "backups", "state", "years", "years/backups", "fit"):
        assert found.pop(name) == "0o700", name
    assert any(name.startswith("log.json.damaged-") for name in found)
    assert any(name.startswith("backups/") for name in found)
    assert any(name.startswith("years/backups/") for name in found)
    assert any(name.startswith("fit/") for name in found)
    assert {name: mode for name, mode in found.items() if mode != "0o600"} == {}


def test_what_an_older_version_left_open_is_made_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    log = TrainingLog(data / "log.json")
    session(log, "a", date.today() - timedelta(days=2))
    session(log, "b", date.today() - timedelta(days=1))
    log.close()
    (data / "shared.txt").write_text("not runstrength's")
    save_setting(data / "config.toml", "weekly_rest_days", 2)
    (data / "state").mkdir()
    (data / "state" / "runstrength.log").write_text("an older version's line\n")
    for path in [data, *data.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    result = command(data, "history")
    assert result.stderr == ""
    TrainingLog(data / "log.json").close()
    found = modes(data)
    assert found.pop("shared.txt") == "0o644"  # not ours: left as it is
    assert found.pop(".") == "0o755"  # the folder the user named keeps its mode
    assert {name for name, mode in found.items() if mode not in ("0o600", "0o700")} == set()
    assert found["backups"] == found["state"] == "0o700"
    assert found["config.toml"] == found["state/runstrength.log"] == "0o600"
    assert json.loads((data / "log.json").read_text())["sessions"]


def test_an_export_folder_the_user_named_keeps_its_mode(tmp_path: Path) -> None:
    data = tmp_path / "data"
    log = TrainingLog(data / "log.json")
    session(log, "a", date.today() - timedelta(days=2))
    log.close()
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    downloads.chmod(0o755)
    result = command(data, "export", "--format", "fit", "-o", str(downloads))
    assert result.returncode == 0, result.stderr
    assert oct(downloads.stat().st_mode & 0o777) == "0o755"
    assert [oct(p.stat().st_mode & 0o777) for p in downloads.iterdir()] == ["0o600"]


def test_a_data_folder_the_app_makes_first_is_private(tmp_path: Path, umask: int) -> None:
    """The app's log file comes first, in the state folder inside a new --data-dir: the
    data folder it is made in is private too, as a command's log makes it."""
    data = tmp_path / "new"
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        setup_logging(resolve_paths(data))
    finally:
        for handler in root.handlers[len(handlers) :]:
            handler.close()
            root.removeHandler(handler)
        root.setLevel(level)
    found = modes(data)
    assert found["."] == found["state"] == "0o700"
