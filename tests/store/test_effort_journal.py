"""An effort given while the log file holds a malformed record waits in the journal."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from runstrength.core.records import SessionInfo, SetRecord
from runstrength.store import TrainingLog
from runstrength.store.errors import BadRecordError

START = datetime(2026, 11, 20, 7, 0, tzinfo=UTC)


def damaged_log(path: Path) -> SessionInfo:
    """An older session with a malformed count in the file; a newer one, in the file too."""
    log = TrainingLog(path)
    for number, name in enumerate(("older", "newer")):
        info = SessionInfo(name, "endurance", START + timedelta(days=number))
        log.log_set(info, SetRecord("glute-bridge", 1, None, 20, 18, None, None, info.started_at))
        log.finish_session(info, "completed", info.started_at + timedelta(minutes=30))
    log.close()
    data = json.loads(path.read_text())
    older = next(doc for doc in data["sets"].values() if doc["session"] == "older")
    older["reps"] = "many"
    path.write_text(json.dumps(data))
    (path.parent / ".log.json.checked").unlink(missing_ok=True)
    return SessionInfo("newer", "endurance", START + timedelta(days=1))


def test_a_session_in_the_file_is_rated_and_cleared_through_the_journal(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    newer = damaged_log(path)
    before = path.read_bytes()
    log = TrainingLog(path)
    assert log.set_effort(newer.id, 6)
    with pytest.raises(BadRecordError):  # nowhere to keep it: the damage is said
        log.set_effort("no-such-session", 6)
    log.close()
    assert path.read_bytes() == before  # the damaged file is left as it is
    log = TrainingLog(path)
    found = log.session(newer.id)
    assert found is not None
    assert found.effort == 6
    assert log.set_effort(newer.id, None)
    cleared = log.session(newer.id)
    assert cleared is not None
    assert cleared.effort is None
    log.close()


def test_a_bad_effort_in_the_journal_is_named(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    newer = damaged_log(path)
    log = TrainingLog(path)
    log.set_effort(newer.id, 6)
    log.close()
    journal = tmp_path / "log.journal"
    lines = journal.read_text().splitlines()
    entry = json.loads(lines[-1])
    entry["effort"] = "hard"
    journal.write_text("\n".join([*lines[:-1], json.dumps(entry)]) + "\n")
    with pytest.raises(BadRecordError, match="effort"):
        TrainingLog(path, read_only=True)
