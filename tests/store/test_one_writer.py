"""One writer per data folder, even when `log.lock` is deleted under the one running."""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from runstrength.store import LockHeldError, TrainingLog
from runstrength.store.doctor import check
from runstrength.store.lock import LOCK_NAME

COMMAND = str(Path(sys.executable).with_name("runstrength"))

WRITER = """
import sys, time
from pathlib import Path
from runstrength.store import TrainingLog
log = TrainingLog(Path(sys.argv[1]))
print("held", flush=True)
time.sleep(60)
"""

OLDER_WRITER = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o644)
fcntl.flock(fd, fcntl.LOCK_EX)
os.write(fd, str(os.getpid()).encode())
print("held", flush=True)
time.sleep(60)
"""


def _hold(script: str, path: Path) -> Iterator[subprocess.Popen[str]]:
    holder = subprocess.Popen(
        [sys.executable, "-c", script, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        yield holder
    finally:
        holder.kill()
        holder.wait()


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """A runstrength writing to the log in tmp_path, whose log.lock was then deleted."""
    tmp_path.mkdir(exist_ok=True)
    for holder in _hold(WRITER, tmp_path / "log.json"):
        (tmp_path / LOCK_NAME).unlink()
        yield holder


def command(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [COMMAND, "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def test_a_second_log_is_refused_when_the_lock_file_was_deleted(
    tmp_path: Path, writer: subprocess.Popen[str]
) -> None:
    with pytest.raises(LockHeldError, match=f"pid {writer.pid}"):
        TrainingLog(tmp_path / "log.json")
    assert not (tmp_path / LOCK_NAME).exists()  # the refused writer wrote nothing
    assert TrainingLog(tmp_path / "log.json", read_only=True).sessions() == []


def test_a_writing_command_is_refused_when_the_lock_file_was_deleted(
    tmp_path: Path, writer: subprocess.Popen[str]
) -> None:
    before = sorted(p.name for p in tmp_path.iterdir())
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    result = command(tmp_path, "schedule", "add", tomorrow)
    assert result.returncode == 1
    assert f"Another runstrength (pid {writer.pid}) is using the log" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_a_second_app_is_refused_when_the_lock_file_was_deleted(
    tmp_path: Path, writer: subprocess.Popen[str]
) -> None:
    result = command(tmp_path)
    assert result.returncode == 1
    assert f"Another runstrength (pid {writer.pid}) is using the log" in result.stderr


def test_doctor_sees_the_writer_when_the_lock_file_was_deleted(
    tmp_path: Path, writer: subprocess.Popen[str]
) -> None:
    lines = check(tmp_path / "log.json").lines
    assert f"in use: another runstrength (pid {writer.pid}) has the log open" in lines


def test_the_lock_goes_with_its_holder_and_the_next_writer_names_itself(tmp_path: Path) -> None:
    for _ in _hold(WRITER, tmp_path / "log.json"):
        (tmp_path / LOCK_NAME).unlink()
    log = TrainingLog(tmp_path / "log.json")
    assert (tmp_path / LOCK_NAME).read_text() == str(os.getpid())
    log.close()


def test_an_older_runstrength_holding_only_the_lock_file_is_respected(tmp_path: Path) -> None:
    for holder in _hold(OLDER_WRITER, tmp_path / LOCK_NAME):
        with pytest.raises(LockHeldError, match=f"pid {holder.pid}"):
            TrainingLog(tmp_path / "log.json")
        # the folder's own lock was given back: it was not this process's to keep
        folder = os.open(tmp_path, os.O_RDONLY)
        try:
            fcntl.flock(folder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(folder)


def test_a_folder_that_cannot_be_locked_is_guarded_by_the_lock_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_flock = fcntl.flock

    def no_folder_locks(fd: int, operation: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):  # as on some network file systems
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        real_flock(fd, operation)

    monkeypatch.setattr(fcntl, "flock", no_folder_locks)
    log = TrainingLog(tmp_path / "log.json")
    second = subprocess.run(
        [sys.executable, "-c", WRITER, str(tmp_path / "log.json")],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert f"LockHeldError: Another runstrength (pid {os.getpid()})" in second.stderr
    log.close()
