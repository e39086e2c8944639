"""The app's start shows home before this year's file is read: the first frame waits for
no part of the log, and what home is for follows from the first read."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Static

from runstrength.app import RunStrengthApp
from runstrength.core.records import SessionInfo, SetRecord
from runstrength.factory import build_context
from runstrength.paths import Paths
from runstrength.store import TrainingLog
from tests.doubles import FakeClock, SilentPlayer


def log_yesterday(paths: Paths, clock: FakeClock) -> None:
    started = clock.now() - timedelta(days=1)
    log = TrainingLog(paths.log_file, clock=clock)
    info = SessionInfo(id="yesterday", program="endurance", started_at=started)
    log.log_set(info, SetRecord("glute-bridge", 1, None, 20, 18, None, None, started))
    log.finish_session(info, "completed", started + timedelta(minutes=30))
    log.close()


async def test_home_shows_before_the_log_is_read_then_what_it_holds(
    paths: Paths, clock: FakeClock, sound: SilentPlayer
) -> None:
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text('program = "endurance"\n')
    log_yesterday(paths, clock)
    context = build_context(paths, clock=clock, sound=sound, open_log_later=True)
    assert not context.log.opened
    app = RunStrengthApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert context.log.opened
        last = str(app.screen.query_one("#last", Static).render())
        assert "Last session:" in last
        assert "1 set · 18 reps" in last
    context.writer.close()
    context.log.close()
