"""A symbolic link planted where runstrength keeps one of its files or folders is refused,
named, exit 2, and nothing is written, neither in the data folder nor where it points."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from runstrength.config import save_setting
from runstrength.core.records import SessionInfo, SetRecord
from runstrength.store import TrainingLog

COMMAND = str(Path(sys.executable).with_name("runstrength"))
TOMORROW = (date.today() + timedelta(days=1)).isoformat()
PRECIOUS = b"someone else's file\n"


def command(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [COMMAND, "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def everything(root: Path) -> dict[str, bytes | str]:
    """Every file's bytes and every link's target under `root`."""
    found: dict[str, bytes | str] = {}
    for path in sorted(root.rglob("*")):
        name = str(path.relative_to(root))
        if path.is_symlink():
            found[name] = str(path.readlink())
        elif path.is_file():
            found[name] = path.read_bytes()
    return found


def a_log(data: Path) -> None:
    """A log with two sessions, so a backup folder exists."""
    log = TrainingLog(data / "log.json")
    for offset in (3, 2):
        started = datetime.combine(date.today() - timedelta(days=offset), time(7)).astimezone()
        info = SessionInfo(f"s{offset}", "endurance", started)
        done = started + timedelta(minutes=5)
        log.log_set(info, SetRecord("glute-bridge", 1, None, 20, 18, None, None, done))
        log.finish_session(info, "completed", done)
    log.close()


def lock_file(data: Path, outside: Path) -> Path:
    (data / "log.lock").unlink()
    (data / "log.lock").symlink_to(outside / "victim")
    return data / "log.lock"


def log_file(data: Path, outside: Path) -> Path:
    (outside / "victim").write_bytes((data / "log.json").read_bytes())
    (data / "log.json").unlink()
    (data / "log.json").symlink_to(outside / "victim")
    return data / "log.json"


def a_backup(data: Path, outside: Path) -> Path:
    planted = data / "backups" / "log-29990101-000000-000000-fold.json"
    planted.symlink_to(outside / "victim")
    return planted


def backups_folder(data: Path, outside: Path) -> Path:
    (data / "backups").rename(outside / "folder")
    for n in range(6):  # as many as rotation keeps, and one more: the oldest would go
        (outside / "folder" / f"log-2000010{n}-000000-000000-fold.json").write_bytes(PRECIOUS)
    (data / "backups").symlink_to(outside / "folder")
    return data / "backups"


def damaged_copy(data: Path, outside: Path) -> Path:
    planted = data / "log.json.damaged-20261129-084500"
    planted.symlink_to(outside / "victim")
    return planted


def app_log(data: Path, outside: Path) -> Path:
    (data / "state").mkdir(mode=0o700)
    (data / "state" / "runstrength.log").symlink_to(outside / "victim")
    return data / "state" / "runstrength.log"


PLANTS: list[Callable[[Path, Path], Path]] = [
    lock_file,
    log_file,
    a_backup,
    backups_folder,
    damaged_copy,
    app_log,
]


@pytest.mark.parametrize("plant", PLANTS, ids=[p.__name__ for p in PLANTS])
@pytest.mark.parametrize(
    "args",
    [("schedule", "add", TOMORROW), ("doctor", "--repair"), ("history",)],
    ids=["schedule-add", "doctor-repair", "history"],
)
def test_a_planted_link_is_refused_and_nothing_changes(
    tmp_path: Path, plant: Callable[[Path, Path], Path], args: tuple[str, ...]
) -> None:
    data, outside = tmp_path / "data", tmp_path / "outside"
    a_log(data)
    outside.mkdir()
    (outside / "victim").write_bytes(PRECIOUS)
    link = plant(data, outside)
    before, before_outside = everything(data), everything(outside)

    result = command(data, *args)

    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"runstrength: {link} is a symbolic link")
    assert result.stderr.count("\n") == 1
    assert everything(data) == before
    assert everything(outside) == before_outside


def test_the_app_does_not_start_with_a_planted_link(tmp_path: Path) -> None:
    data, outside = tmp_path / "data", tmp_path / "outside"
    a_log(data)
    outside.mkdir()
    (outside / "victim").write_bytes(PRECIOUS)
    link = lock_file(data, outside)

    result = command(data)

    assert result.returncode == 2
    assert f"{link} is a symbolic link where runstrength keeps a file of its own" in result.stderr
    assert "Remove the link" in result.stderr
    assert (outside / "victim").read_bytes() == PRECIOUS


def test_a_config_kept_as_a_link_with_the_dotfiles_is_read_and_saved_through(
    tmp_path: Path,
) -> None:
    data, dotfiles = tmp_path / "data", tmp_path / "dotfiles"
    a_log(data)
    dotfiles.mkdir()
    real = dotfiles / "runstrength.toml"
    real.write_text("# mine\nwarmup_minutes = 6\n")
    (data / "config.toml").symlink_to(real)
    shown = command(data, "config", "show")
    assert shown.returncode == 0, shown.stderr
    assert "warmup_minutes = 6" in shown.stdout
    save_setting(data / "config.toml", "warmup_minutes", 7)  # as the settings screen saves
    assert (data / "config.toml").is_symlink()  # the link stays; the user's file changed
    assert real.read_text().startswith("# mine\n")
    assert "warmup_minutes = 7" in real.read_text()
