"""Only real damage in a file is reported as a damaged log; a fault in the program is not."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from runstrength.core.records import SessionInfo, SetRecord
from runstrength.store import CorruptLogError, TrainingLog, log_reads
from runstrength.store import log as log_module

TZ = timezone(timedelta(hours=1))
STARTED = datetime(2026, 11, 23, 7, 0, tzinfo=TZ)


def sound_log(path: Path) -> None:
    log = TrainingLog(path)
    info = SessionInfo("s1", "endurance", STARTED)
    log.log_set(info, SetRecord("glute-bridge", 1, None, 20, 18, None, None, STARTED))
    log.finish_session(info, "completed", STARTED + timedelta(minutes=30))
    log.close()


def test_a_fault_in_the_program_is_raised_as_itself_and_logged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "log.json"
    sound_log(path)

    def broken(*_: object) -> None:
        raise AttributeError("'NoneType' object has no attribute 'reps'")

    monkeypatch.setattr(log_reads, "summarize_docs", broken)
    log = TrainingLog(path, read_only=True)
    with caplog.at_level(logging.ERROR), pytest.raises(AttributeError, match="no attribute"):
        log.session_summaries()
    [record] = [r for r in caplog.records if r.name == log_module.__name__]
    assert record.exc_info is not None  # the traceback goes to the log file
    assert "sound records" in record.getMessage()
    log.close()


def test_real_damage_is_still_named_with_its_record(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    sound_log(path)
    text = path.read_text().replace('"reps":18', '"reps":"eighteen"')
    path.write_text(text)
    log = TrainingLog(path, read_only=True)
    with pytest.raises(CorruptLogError, match="sets record 1: reps"):
        log.session_summaries()
    log.close()
