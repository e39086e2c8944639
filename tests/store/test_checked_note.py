"""The note that a log file's records were all checked spares the look at every record
at start, and only while the file is that very file: one changed outside runstrength is
looked at again, and a record damaged there is still refused."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from runstrength.core.records import SessionInfo, SetRecord
from runstrength.store import CorruptLogError, TrainingLog
from runstrength.store import log as log_module

TZ = timezone(timedelta(hours=1))
AT = datetime(2026, 11, 23, 7, 0, tzinfo=TZ)


def logged(path: Path) -> None:
    log = TrainingLog(path)
    info = SessionInfo(id="s1", program="endurance", started_at=AT)
    log.log_set(info, SetRecord("glute-bridge", 1, None, 20, 18, None, None, AT))
    log.finish_session(info, "completed", AT)
    log.close()


def test_a_file_checked_and_unchanged_is_not_looked_through_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "log.json"
    logged(path)
    looked: list[Path] = []
    monkeypatch.setattr(log_module, "check_records", lambda p, _: looked.append(p))
    TrainingLog(path).close()
    assert looked == []
    path.write_bytes(path.read_bytes() + b"\n")  # changed outside runstrength
    TrainingLog(path).close()
    assert looked == [path]


def test_a_record_damaged_after_the_check_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    logged(path)
    data = json.loads(path.read_text())
    del next(iter(data["sessions"].values()))["started_at"]
    path.write_text(json.dumps(data))
    with pytest.raises(CorruptLogError, match="lacks started_at"):
        TrainingLog(path)
