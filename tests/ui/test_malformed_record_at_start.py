"""The app meeting a malformed record in the log says so on home instead of crashing, and
changes no file; the session it then runs is kept in the journal."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from textual.widgets import Static

from runstrength.core.records import SessionInfo, SetRecord
from runstrength.store import TrainingLog

SIZE = (80, 24)


def a_log_with_a_malformed_set(tmp_path: Path, clock) -> bytes:
    start = clock.now() - timedelta(days=2)
    log = TrainingLog(tmp_path / "log.json")
    info = SessionInfo("before", "endurance", start)
    log.log_set(info, SetRecord("glute-bridge", 1, None, 20, 18, None, None, start))
    log.finish_session(info, "completed", start + timedelta(minutes=30))
    log.close()
    path = tmp_path / "log.json"
    data = json.loads(path.read_text())
    [doc] = data["sets"].values()
    doc["reps"] = "many"
    path.write_text(json.dumps(data))
    return path.read_bytes()


async def test_home_says_the_log_holds_a_malformed_record(make_app, tmp_path: Path, clock) -> None:
    before = a_log_with_a_malformed_set(tmp_path, clock)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = str(app.screen.query_one("#last", Static).render())
        assert "malformed record" in said
        assert "sets record 1: reps" in said
        assert "--repair" in said
        assert app.is_running
    assert (tmp_path / "log.json").read_bytes() == before
