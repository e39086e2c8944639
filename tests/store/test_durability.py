"""The journal, folding, backups, migration, the write lock and failing disks."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from runstrength.core.records import SessionInfo, SetRecord
from runstrength.store import (
    SCHEMA_VERSION,
    CorruptLogError,
    LockHeldError,
    LogWriteError,
    ReadOnlyLogError,
    TrainingLog,
)
from runstrength.store import storage as storage_module
from runstrength.store.backups import list_backups
from runstrength.store.journal import read_journal

TZ = timezone(timedelta(hours=1))
STARTED = datetime(2026, 11, 23, 7, 0, tzinfo=TZ)


def info(session_id: str = "s1") -> SessionInfo:
    return SessionInfo(id=session_id, program="endurance", started_at=STARTED)


def a_set(number: int) -> SetRecord:
    return SetRecord(
        exercise="glute-bridge",
        set=number,
        side=None,
        target_reps=20,
        reps=15 + number,
        band=None,
        seconds=None,
        completed_at=STARTED + timedelta(minutes=number),
    )


def test_reads_see_the_journal_before_it_is_folded(tmp_path: Path) -> None:
    log = TrainingLog(tmp_path / "log.json")
    log.log_set(info(), a_set(1))
    log.log_set(info(), a_set(2))
    [session] = log.sessions()
    assert [s.reps for s in session.sets] == [16, 17]
    last = log.last_session()
    assert last is not None
    assert len(last.sets) == 2
    assert [s.id for s in log.interrupted_sessions()] == ["s1"]


def test_an_unfolded_journal_is_folded_at_the_next_start(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.log_set(info(), a_set(1))
    log.close()  # as if the process died: the session never ended
    reopened = TrainingLog(path)
    assert not reopened.journal_path.exists()
    on_disk = json.loads(path.read_text())
    assert [s["reps"] for s in on_disk["sets"].values()] == [16]
    [interrupted] = reopened.interrupted_sessions()
    assert interrupted.status == "in-progress"
    # resuming continues the same session, its sets numbered on
    reopened.log_set(info(), a_set(2))
    reopened.finish_session(info(), "completed", STARTED + timedelta(minutes=20))
    sets = json.loads(path.read_text())["sets"].values()
    assert [s["seq"] for s in sets] == [1, 2]
    assert reopened.interrupted_sessions() == []


def test_a_torn_last_line_is_dropped_and_the_rest_kept(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.log_set(info(), a_set(1))
    log.close()
    with open(tmp_path / "log.journal", "ab") as handle:
        handle.write(b'{"session": {"id": "s1"}, "set": {"exer')  # the write that was cut off
    reopened = TrainingLog(path)
    [session] = reopened.sessions()
    assert [s.set for s in session.sets] == [1]


def test_a_journal_folded_before_a_crash_is_not_folded_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.log_set(info(), a_set(1))
    journal = (tmp_path / "log.journal").read_bytes()
    log.finish_session(info(), "partial", STARTED + timedelta(minutes=3))
    log.close()
    # the crash came after the fold's rename and before the journal was removed
    (tmp_path / "log.journal").write_bytes(journal)
    reopened = TrainingLog(path)
    [session] = reopened.sessions()
    assert len(session.sets) == 1
    assert session.status == "partial"
    assert not (tmp_path / "log.journal").exists()


def test_a_rewrite_cut_short_leaves_the_log_whole_and_its_leftover_is_cleared(
    tmp_path: Path,
) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.log_set(info(), a_set(1))
    log.finish_session(info(), "completed", STARTED)
    log.close()
    before = path.read_bytes()
    leftover = tmp_path / ".log.json.4242.tmp"
    leftover.write_bytes(before[: len(before) // 2])  # killed halfway through writing it
    reopened = TrainingLog(path)
    assert not leftover.exists()
    assert path.read_bytes() == before
    assert len(reopened.sessions()) == 1


def test_a_damaged_journal_line_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.log_set(info(), a_set(1))
    log.log_set(info(), a_set(2))
    log.close()
    journal = tmp_path / "log.journal"
    lines = journal.read_bytes().split(b"\n")
    lines[1] = b"{not json"
    journal.write_bytes(b"\n".join(lines))
    damaged = journal.read_bytes()
    with pytest.raises(CorruptLogError, match="line 2 is not valid JSON") as error:
        TrainingLog(path)
    assert str(journal) in str(error.value)
    assert journal.read_bytes() == damaged


def test_each_fold_keeps_a_backup_and_only_the_newest_few(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    for number in range(8):
        log.log_set(info(f"s{number}"), a_set(1))
        log.finish_session(info(f"s{number}"), "completed", STARTED)
    backups = list_backups(path)
    assert len(backups) == 5
    newest = json.loads(backups[0].read_text())
    assert len(newest["sessions"]) == 7, "the log as it was before the last fold"


def test_a_corrupt_log_points_to_the_last_good_backup(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    for number in range(2):
        log.log_set(info(f"s{number}"), a_set(1))
        log.finish_session(info(f"s{number}"), "completed", STARTED)
    log.close()
    path.write_bytes(path.read_bytes()[:40])
    with pytest.raises(CorruptLogError) as error:
        TrainingLog(path)
    assert error.value.backup == list_backups(path)[0]
    assert str(list_backups(path)[0]) in str(error.value)
    assert "doctor --repair" in str(error.value)


def test_an_older_log_is_migrated_with_a_backup_first(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    session = {
        "id": "old",
        "date": "2025-03-01",
        "program": "endurance",
        "started_at": "2025-03-01T07:00:00+01:00",
        "ended_at": "2025-03-01T07:40:00+01:00",
        "status": "completed",
    }
    sets = {
        str(n): {
            "session": "old",
            "exercise": "band-squat",
            "set": n,
            "side": None,
            "target_reps": 20,
            "reps": 20,
            "band": "red",
            "seconds": None,
            "completed_at": f"2025-03-01T07:1{n}:00+01:00",
        }
        for n in (1, 2)
    }
    version_1 = {"meta": {"1": {"schema": 1}}, "sessions": {"1": session}, "sets": sets}
    original = json.dumps(version_1).encode()
    path.write_bytes(original)
    log = TrainingLog(path)
    migrated = json.loads(path.read_text())
    assert migrated["meta"]["1"]["schema"] == SCHEMA_VERSION
    # A session of a past year is kept in its year's file.
    assert migrated["sets"] == {}
    year = json.loads((tmp_path / "years" / "2025.json").read_text())
    assert [s["seq"] for s in year["sets"].values()] == [1, 2]
    [backup] = list_backups(path)
    assert backup.read_bytes() == original
    assert "format1" in backup.name
    [record] = log.sessions()
    assert [s.band for s in record.sets] == ["red", "red"]


def test_a_log_from_before_versions_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    version_0 = {
        "sessions": {
            "1": {
                "id": "a",
                "date": "2025-01-01",
                "program": "sprint",
                "started_at": "2025-01-01T07:00:00+00:00",
                "ended_at": None,
                "status": "partial",
            }
        }
    }
    path.write_text(json.dumps(version_0))
    log = TrainingLog(path)
    assert json.loads(path.read_text())["meta"]["1"]["schema"] == SCHEMA_VERSION
    assert [s.info.program for s in log.sessions()] == ["sprint"]


def test_a_read_only_view_migrates_in_memory_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    content = json.dumps({"meta": {"1": {"schema": 1}}, "sessions": {}, "sets": {}})
    path.write_text(content)
    view = TrainingLog(path, read_only=True)
    assert view.sessions() == []
    with pytest.raises(ReadOnlyLogError):
        view.log_set(info(), a_set(1))
    assert path.read_text() == content
    assert list_backups(path) == []


HOLDER = """
import sys, time
from pathlib import Path
from runstrength.store import TrainingLog
log = TrainingLog(Path(sys.argv[1]))
print("held", flush=True)
time.sleep(30)
"""


def test_a_second_writer_is_refused_and_told_who_holds_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LockHeldError, match=f"pid {holder.pid}"):
            TrainingLog(path)
        assert TrainingLog(path, read_only=True).sessions() == []
    finally:
        holder.kill()
        holder.wait()
    TrainingLog(path).log_set(info(), a_set(1))  # the lock went with its holder


def test_a_read_only_data_dir_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def read_only(path: str, flags: int, mode: int = 0o777) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), path)
        return real_open(path, flags, mode)

    monkeypatch.setattr("runstrength.store.lock.os.open", read_only)
    with pytest.raises(LogWriteError, match="Read-only file system") as error:
        TrainingLog(tmp_path / "log.json")
    assert f"The folder {tmp_path} cannot be written to" in str(error.value)
    assert not (tmp_path / "log.json").exists()


def test_a_full_disk_at_the_write_leaves_no_half_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.log_set(info(), a_set(1))
    before = log.journal_path.read_bytes()
    real_write = os.write

    def short_then_full(fd: int, data: bytes) -> int:
        real_write(fd, data[:10])  # part of the line reaches the disk, then it is full
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("runstrength.store.journal.os.write", short_then_full)
    with pytest.raises(LogWriteError, match=r"No space left on device.*disk is full"):
        log.log_set(info(), a_set(2))
    monkeypatch.undo()
    assert log.journal_path.read_bytes() == before
    log.log_set(info(), a_set(3))
    assert [s.set for s in log.sessions()[0].sets] == [1, 3]
    # On disk, what a restart would fold: the set after the failed one takes its number.
    on_disk = read_journal(log.journal_path).entries
    assert [entry["set"]["seq"] for entry in on_disk] == [1, 2]


def test_a_fold_that_fails_keeps_everything_in_the_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.log_set(info("a"), a_set(1))
    log.finish_session(info("a"), "completed", STARTED)
    before = path.read_bytes()

    def full_disk(path: Path, payload: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(storage_module, "write_atomically", full_disk)
    log.log_set(info("b"), a_set(1))
    log.finish_session(info("b"), "completed", STARTED)  # durable in the journal
    assert path.read_bytes() == before
    assert [s.id for s in log.sessions()] == ["a", "b"]
    monkeypatch.undo()
    log.close()
    assert [s.status for s in TrainingLog(path).sessions()] == ["completed", "completed"]


def test_an_end_that_can_be_saved_nowhere_says_so_and_keeps_the_sets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The end goes straight into the log file; when neither that nor the journal can
    take it, the caller hears of it, and the session stays open with its sets."""
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.log_set(info("a"), a_set(1))

    def full_disk(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(storage_module, "write_atomically", full_disk)
    monkeypatch.setattr(os, "fdatasync", full_disk)
    with pytest.raises(LogWriteError):
        log.finish_session(info("a"), "completed", STARTED)
    assert [s.status for s in log.sessions()] == ["in-progress"]
    monkeypatch.undo()
    log.close()
    [session] = TrainingLog(path).sessions()
    assert (session.status, len(session.sets)) == ("in-progress", 1)
