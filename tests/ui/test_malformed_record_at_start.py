"""The app meeting a malformed record in the log says so on home instead of crashing, and
changes no file; the session it then runs is kept in the journal."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from textual.widgets import Static

from runstrength.core.records import SessionInfo, SetRecord
from runstrength.store import TrainingLog
from tests.ui.screen_text import screen_lines

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


async def test_home_warns_of_a_malformed_record_in_an_older_session(
    make_app, tmp_path: Path, clock
) -> None:
    """The newest session reads fine: home still names the damage and the way out, at
    80 columns, before a session is started; the check leaves the file as it is."""
    before = a_log_with_a_malformed_set(tmp_path, clock)
    log = TrainingLog(tmp_path / "log.json")
    info = SessionInfo("newer", "endurance", clock.now() - timedelta(days=1))
    log.log_set(info, SetRecord("glute-bridge", 1, None, 20, 20, None, None, info.started_at))
    log.finish_session(info, "completed", info.started_at + timedelta(minutes=30))
    log.close()  # the newer session stays in the journal: the log file cannot take it
    assert (tmp_path / "log.json").read_bytes() == before
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(300):  # read after the first paint, on a worker
            await app.workers.wait_for_complete()
            await pilot.pause(0.01)
            if any(notice.display for notice in app.screen.query("#damage")):
                break
        await pilot.pause()  # mounted: laid out at the next refresh
        assert "malformed" not in str(app.screen.query_one("#last", Static).render())
        shown = " ".join(line.strip() for line in screen_lines(app))
        assert "malformed record" in shown
        assert "runstrength doctor --repair" in shown
        assert "sets record 1: reps" in shown
    assert (tmp_path / "log.json").read_bytes() == before


async def test_a_sound_log_is_checked_once(make_app, tmp_path: Path, clock) -> None:
    from runstrength.store.checked import checked_before

    start = clock.now() - timedelta(days=2)
    log = TrainingLog(tmp_path / "log.json")
    info = SessionInfo("before", "endurance", start)
    log.log_set(info, SetRecord("glute-bridge", 1, None, 20, 18, None, None, start))
    log.finish_session(info, "completed", start + timedelta(minutes=30))
    log.close()
    (tmp_path / ".log.json.checked").unlink(missing_ok=True)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not any(notice.display for notice in app.screen.query("#damage"))
    # Noted: the next start needs no record read again.
    assert checked_before(tmp_path / "log.json")


async def test_the_effort_given_with_a_damaged_log_is_kept_until_the_repair(
    make_app, tmp_path: Path, clock
) -> None:
    from tests.ui.screen_text import notices
    from tests.ui.test_effort_flow import one_set_then_stop

    a_log_with_a_malformed_set(tmp_path, clock)
    app = make_app(start=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await one_set_then_stop(pilot)
        session_id = screen.engine.info.id
        await pilot.press("7", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert notices(app, "error") == []  # nothing refused: it waits in the journal
        kept = app.context.log.session(session_id)
        assert kept is not None
        assert (kept.effort, [s.reps for s in kept.sets]) == (7, [12])
    app.context.log.close()

    # Repaired (the malformed count put right): the next start folds it all in.
    path = tmp_path / "log.json"
    data = json.loads(path.read_text())
    [doc] = data["sets"].values()
    doc["reps"] = 18
    path.write_text(json.dumps(data))
    TrainingLog(path).close()
    folded = json.loads(path.read_text())
    [session] = [s for s in folded["sessions"].values() if s["id"] == session_id]
    assert (session["effort"], session["status"]) == (7, "partial")
    assert not (tmp_path / "log.journal").exists()
