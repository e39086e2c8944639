"""The app's start leaves reading this year's file to the first read (`open_later`), and
only for a file checked as it is: anything that needs a look, a repair or a fold is
opened at once, so its problem is named before the app shows anything. The open left for
later only reads; moving past years to their files waits for the writer."""

from __future__ import annotations

import json
import os
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from runstrength.core.records import SessionInfo, SetRecord
from runstrength.store import CorruptLogError, TrainingLog
from runstrength.store.checked import checked_before
from runstrength.store.opening import OpeningLock
from tests.doubles import FakeClock

TZ = timezone(timedelta(hours=1))
AT = datetime(2026, 11, 23, 7, 0, tzinfo=TZ)
LAST_YEAR = datetime(2025, 12, 30, 7, 0, tzinfo=TZ)


def logged(path: Path, *starts: datetime, clock: FakeClock | None = None) -> None:
    log = TrainingLog(path, clock=clock or FakeClock(AT))
    for number, start in enumerate(starts or (AT,)):
        info = SessionInfo(id=f"s{number}", program="endurance", started_at=start)
        log.log_set(info, SetRecord("glute-bridge", 1, None, 20, 18, None, None, start))
        log.finish_session(info, "completed", start + timedelta(minutes=30))
    log.close()


def test_a_checked_log_is_read_at_its_first_read_and_reads_the_same(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    logged(path, AT, AT + timedelta(days=1))
    eager = TrainingLog(path, read_only=True)
    expected = eager.sessions()
    eager.close()

    log = TrainingLog(path, clock=FakeClock(AT), open_later=True)
    assert not log.opened
    assert log.sessions() == expected
    assert log.opened
    log.close()


def test_quitting_before_any_read_reads_nothing(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    logged(path)
    log = TrainingLog(path, open_later=True)
    log.close()
    assert not log.opened
    TrainingLog(path).close()


def test_a_log_changed_outside_runstrength_is_opened_and_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    logged(path)
    path.write_text("{not json")
    with pytest.raises(CorruptLogError):
        TrainingLog(path, open_later=True)
    assert path.read_text() == "{not json"


def test_a_hand_edited_log_is_opened_at_once(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    logged(path)
    path.write_bytes(path.read_bytes() + b"\n")
    log = TrainingLog(path, open_later=True)
    assert log.opened
    log.close()


def test_sets_left_in_the_journal_are_folded_at_once(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    logged(path)
    log = TrainingLog(path, clock=FakeClock(AT))
    info = SessionInfo(id="open", program="endurance", started_at=AT)
    log.log_set(info, SetRecord("glute-bridge", 1, None, 20, 15, None, None, AT))
    log._journal.close()  # a stop: the set is only in the journal
    log._dir_lock.release()
    again = TrainingLog(path, clock=FakeClock(AT), open_later=True)
    assert again.opened
    assert not again.journal_path.exists()
    assert [r.info.id for r in again.interrupted_sessions()] == ["open"]
    again.close()


def test_a_note_from_an_older_format_is_not_trusted(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    logged(path)
    assert checked_before(path)
    found = os.stat(path)
    note = path.with_name(".log.json.checked")
    note.write_text(json.dumps([found.st_size, found.st_mtime_ns, found.st_ino]))
    assert not checked_before(path)
    log = TrainingLog(path, open_later=True)
    assert log.opened
    log.close()


def test_past_years_move_to_their_files_when_the_writer_is_quiet_not_at_the_read(
    tmp_path: Path,
) -> None:
    path = tmp_path / "log.json"
    logged(path, LAST_YEAR, clock=FakeClock(LAST_YEAR))
    before = path.read_bytes()
    log = TrainingLog(path, clock=FakeClock(AT), open_later=True)
    assert [r.info.id for r in log.sessions()] == ["s0"]
    assert path.read_bytes() == before  # the read wrote nothing
    assert not (tmp_path / "years" / "2025.json").exists()
    log.fold_if_due()  # the writer's quiet moment
    assert (tmp_path / "years" / "2025.json").exists()
    assert json.loads(path.read_text())["sessions"] == {}
    assert [r.info.id for r in log.sessions()] == ["s0"]
    log.close()


def test_past_years_move_at_close_when_the_writer_never_ran(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    logged(path, LAST_YEAR, clock=FakeClock(LAST_YEAR))
    log = TrainingLog(path, clock=FakeClock(AT), open_later=True)
    assert log.last_session() is not None
    log.close()
    assert (tmp_path / "years" / "2025.json").exists()


def test_the_opening_runs_once_for_threads_that_race_to_it() -> None:
    lock = OpeningLock()
    opened: list[str] = []
    started = threading.Barrier(4)

    def opening() -> None:
        opened.append(threading.current_thread().name)

    lock.open_on_first_use(opening)

    def first_use() -> None:
        started.wait()
        with lock:
            pass

    threads = [threading.Thread(target=first_use) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(opened) == 1
    assert lock.opened


def test_an_opening_that_fails_frees_the_lock_and_is_tried_again() -> None:
    lock = OpeningLock()
    tries: list[int] = []

    def opening() -> None:
        tries.append(1)
        if len(tries) == 1:
            raise OSError("disk gone")

    lock.open_on_first_use(opening)
    with pytest.raises(OSError, match="disk gone"), lock:
        pass
    assert not lock.opened
    assert lock.plain.acquire(blocking=False)
    lock.plain.release()
    with lock:
        pass
    assert len(tries) == 2
    assert lock.opened


def test_a_first_start_without_a_log_waits_too_and_logs_as_ever(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path, clock=FakeClock(AT), open_later=True)
    assert not log.opened
    assert log.last_session() is None
    info = SessionInfo(id="first", program="endurance", started_at=AT)
    log.log_set(info, SetRecord("glute-bridge", 1, None, 20, 18, None, None, AT))
    log.finish_session(info, "completed", AT + timedelta(minutes=30))
    log.close()
    assert [r.info.id for r in TrainingLog(path, read_only=True).sessions()] == ["first"]


def test_a_journal_without_a_log_file_is_folded_at_once(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path, clock=FakeClock(AT))
    info = SessionInfo(id="open", program="endurance", started_at=AT)
    log.log_set(info, SetRecord("glute-bridge", 1, None, 20, 15, None, None, AT))
    log._journal.close()  # a stop before any fold: the set is only in the journal
    log._dir_lock.release()
    assert not path.exists()
    again = TrainingLog(path, clock=FakeClock(AT), open_later=True)
    assert again.opened
    assert [r.info.id for r in again.interrupted_sessions()] == ["open"]
    again.close()


def test_a_log_damaged_in_place_with_its_time_set_back_is_still_refused(tmp_path: Path) -> None:
    """Same size, same inode, the time of change put back (touch -r, cp -p): the time of
    the inode's change still tells, and the damage is named before anything shows."""
    path = tmp_path / "log.json"
    logged(path)
    before = os.stat(path)
    damaged = bytearray(path.read_bytes())
    damaged[damaged.rindex(b"}")] = ord("]")
    with path.open("r+b") as handle:
        handle.write(damaged)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size,
        before.st_mtime_ns,
        before.st_ino,
    )
    with pytest.raises(CorruptLogError):
        TrainingLog(path, open_later=True)


def test_a_log_edited_while_it_is_open_gets_no_note_and_is_checked_next_time(
    tmp_path: Path,
) -> None:
    """The look for malformed records checks what was read; a file changed on disk since
    (a hand edit while the app runs) is not noted as checked, so the next start checks
    it and refuses to write a malformed record onward."""
    path = tmp_path / "log.json"
    logged(path)
    note = path.with_name(".log.json.checked")
    note.unlink()
    log = TrainingLog(path, clock=FakeClock(AT), open_later=True)
    assert log.sessions()  # read, as home reads it
    path.write_text(path.read_text().replace('"reps":18', '"reps":"many"'))
    assert log.malformed() is None  # what was read is sound
    log.close()
    assert not note.exists()
    again = TrainingLog(path, clock=FakeClock(AT), open_later=True)
    assert again.opened  # checked at once, not trusted
    assert again.malformed() is not None
    again.close()
