"""`runstrength import FILE.json` refuses a completed run dated later than now, as `runs
import` and the runs folder do: named by its place in the file, its id and its date, exit
1, everything else in the file imported, and what the log already holds left as it is."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from runstrength.cli import main
from runstrength.core.interchange import to_document
from runstrength.core.records import SessionInfo, SessionRecord, SetRecord
from runstrength.core.run_data import activity_to_data
from runstrength.core.runs import Activity
from runstrength.store import TrainingLog
from runstrength.store.runs import RunLog

NOW = datetime.now().astimezone()


def at(days: int, hour: int = 7) -> datetime:
    return (NOW + timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)


def run(ident: str, start: datetime, title: str = "") -> dict[str, Any]:
    return activity_to_data(
        Activity(id=ident, day=start.date(), start=start, title=title, duration_s=1800)
    )


def session(days: int, ident: str) -> SessionRecord:
    start = at(days)
    done = SetRecord("glute-bridge", 1, None, 20, 18, None, None, start + timedelta(minutes=5))
    return SessionRecord(
        SessionInfo(ident, "endurance", start), "completed", start + timedelta(minutes=30), [done]
    )


def command(data: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def stored_runs(data: Path) -> list[dict[str, Any]]:
    log = TrainingLog(data / "log.json", read_only=True)
    try:
        return [activity_to_data(a) for a in RunLog(log).between()]
    finally:
        log.close()


def test_a_run_dated_in_the_future_is_named_and_the_rest_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    # A run of next week stored by an older runstrength, which took such runs: it stays.
    log = TrainingLog(data / "log.json")
    already = run("old-ahead", at(6), "Stored before")
    log.change_documents("runs", lambda docs: docs.append(already))
    log.close()
    before = stored_runs(data)
    document = to_document([session(-2, "s1")], [])
    document["runs"] = [
        run("past", at(-1), "Easy"),
        run("ahead", at(3), "Sunday long"),
        already,  # the file's copy of what the log holds: skipped, not refused
        run("later-today", NOW + timedelta(hours=2)),
    ]
    source = tmp_path / "in.json"
    source.write_text(json.dumps(document))

    code, out, err = command(data, capsys, "import", str(source))

    assert code == 1
    assert "Imported 1 session" in out
    assert "Imported 1 of 4 runs and other activities; 1 already in the log" in out
    ahead, later, total = err.splitlines()
    assert ahead.startswith(
        f'runstrength: {source}: runs[1] "ahead" ("Sunday long") is dated '
        f"{at(3):%Y-%m-%d} 07:00, later than now ({NOW:%Y-%m-%d}"
    )
    assert ahead.endswith("cannot be in the future; is the device's clock right?")
    assert later.startswith(f'runstrength: {source}: runs[3] "later-today" is dated ')
    assert total == (
        "runstrength: 2 activities not imported: in the future or impossible (see above)"
    )
    assert stored_runs(data) == [run("past", at(-1), "Easy"), *before]
    log = TrainingLog(data / "log.json", read_only=True)
    assert [s.id for s in log.sessions()] == ["s1"]
    log.close()

    # Read again: nothing new, the run ahead still refused, nothing else changed.
    files = (data / "log.json").read_bytes()
    code, out, err = command(data, capsys, "import", str(source))
    assert code == 1
    assert "Imported 0 of 4 runs and other activities; 2 already in the log" in out
    assert '"ahead"' in err
    assert (data / "log.json").read_bytes() == files


def test_an_export_read_back_with_nothing_ahead_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = to_document([], [])
    document["runs"] = [run("past", at(-1), "Easy")]
    source = tmp_path / "in.json"
    source.write_text(json.dumps(document))
    code, out, err = command(tmp_path / "data", capsys, "import", str(source))
    assert (code, err) == (0, "")
    assert "Imported 1 of 1 runs and other activities; 0 already in the log" in out
