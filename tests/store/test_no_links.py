"""The store never writes through a link planted in place of one of its files or folders,
even one planted while it runs: the write is refused naming the link, nothing changes."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from runstrength.cli.common import setup_logging, unexpected
from runstrength.core.records import SessionInfo, SetRecord
from runstrength.paths import resolve_paths
from runstrength.store import LogWriteError, TrainingLog
from runstrength.store.backups import KEEP, list_backups, take_backup
from runstrength.store.errors import UnsafeFileError
from runstrength.store.private import copy_private
from runstrength.store.storage import write_atomically

STARTED = datetime(2026, 11, 23, 7, 0, tzinfo=timezone(timedelta(hours=1)))
PRECIOUS = b"someone else's file\n"


def finished(log: TrainingLog, session_id: str) -> None:
    info = SessionInfo(session_id, "endurance", STARTED)
    log.log_set(info, SetRecord("glute-bridge", 1, None, 20, 18, None, None, STARTED))
    log.finish_session(info, "completed", STARTED + timedelta(minutes=5))


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim").write_bytes(PRECIOUS)
    return outside / "victim"


def test_a_link_in_place_of_the_lock_file(tmp_path: Path, victim: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "log.lock").symlink_to(victim)
    with pytest.raises(LogWriteError, match=f"{data / 'log.lock'} is a symbolic link"):
        TrainingLog(data / "log.json")
    assert victim.read_bytes() == PRECIOUS
    assert not (data / "log.json").exists()


def test_a_link_in_place_of_the_log(tmp_path: Path, victim: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "log.json").symlink_to(victim)
    with pytest.raises(UnsafeFileError, match=f"{data / 'log.json'} cannot be used: it is a sym"):
        TrainingLog(data / "log.json")
    with pytest.raises(UnsafeFileError):
        TrainingLog(data / "log.json", read_only=True)
    assert (data / "log.json").is_symlink()
    assert victim.read_bytes() == PRECIOUS


def test_a_link_put_in_place_of_the_log_while_it_is_open(tmp_path: Path, victim: Path) -> None:
    log = TrainingLog(tmp_path / "log.json")
    finished(log, "a")
    (tmp_path / "log.json").unlink()
    (tmp_path / "log.json").symlink_to(victim)
    finished(log, "b")  # its fold into the log is refused: the session waits in the journal
    assert [s.id for s in log.sessions()] == ["a", "b"]
    assert b'"b"' in log.journal_path.read_bytes()
    assert (tmp_path / "log.json").is_symlink()
    assert victim.read_bytes() == PRECIOUS


def test_a_link_in_place_of_the_backups_folder(tmp_path: Path) -> None:
    log = TrainingLog(tmp_path / "log.json")
    finished(log, "a")
    finished(log, "b")
    elsewhere = tmp_path / "elsewhere"
    (tmp_path / "backups").rename(elsewhere)
    for n in range(KEEP + 1):
        (elsewhere / f"log-2000010{n}-000000-000000-fold.json").write_bytes(PRECIOUS)
    (tmp_path / "backups").symlink_to(elsewhere)
    kept = sorted(p.name for p in elsewhere.iterdir())
    with pytest.raises(LogWriteError, match=f"{tmp_path / 'backups'} is a symbolic link"):
        take_backup(tmp_path / "log.json", "edit")
    assert sorted(p.name for p in elsewhere.iterdir()) == kept
    assert list_backups(tmp_path / "log.json") == []  # never read through the link


def test_a_link_in_place_of_a_backup_is_neither_read_nor_rotated(
    tmp_path: Path, victim: Path
) -> None:
    log = TrainingLog(tmp_path / "log.json")
    finished(log, "a")
    finished(log, "b")
    planted = tmp_path / "backups" / "log-20000101-000000-000000-fold.json"
    planted.symlink_to(victim)
    assert planted not in list_backups(tmp_path / "log.json")
    for n in range(KEEP + 2):
        finished(log, f"more{n}")
    assert planted.is_symlink()
    assert victim.read_bytes() == PRECIOUS
    assert len(list_backups(tmp_path / "log.json")) == KEEP


def test_a_link_in_place_of_a_damaged_copy(tmp_path: Path, victim: Path) -> None:
    (tmp_path / "log.json").write_bytes(b"{damaged")
    planted = tmp_path / "log.json.damaged-20261129-084500"
    planted.symlink_to(victim)
    with pytest.raises(FileExistsError):
        copy_private(tmp_path / "log.json", planted)
    assert victim.read_bytes() == PRECIOUS


def test_a_link_in_place_of_a_file_written_whole(tmp_path: Path, victim: Path) -> None:
    (tmp_path / "config.toml").symlink_to(victim)
    with pytest.raises(OSError, match="symbolic link") as refused:
        write_atomically(tmp_path / "config.toml", b"x = 1\n")
    assert refused.value.filename == str(tmp_path / "config.toml")
    assert (tmp_path / "config.toml").is_symlink()
    assert victim.read_bytes() == PRECIOUS


def test_a_link_in_place_of_the_app_log(tmp_path: Path, victim: Path) -> None:
    paths = resolve_paths(tmp_path)
    paths.state_dir.mkdir()
    paths.app_log.symlink_to(victim)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        setup_logging(paths)
        logging.getLogger("runstrength.test").warning("never through the link")
    finally:
        for handler in root.handlers[len(handlers) :]:
            root.removeHandler(handler)
        root.setLevel(level)
    message = unexpected(RuntimeError("a fault"), paths)
    assert "details in" not in message
    assert victim.read_bytes() == PRECIOUS
