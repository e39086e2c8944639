"""Home's line about the last session says how a session left open was left."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Static

from runstrength.core.records import SessionInfo, SetRecord
from runstrength.store import TrainingLog
from tests.doubles import FakeClock
from tests.ui.conftest import MakeApp


def cut_off(tmp_path: Path, clock: FakeClock) -> None:
    """A session with a set logged, then the app stopped: never ended, never set aside."""
    started = clock.now() - timedelta(hours=2)
    log = TrainingLog(tmp_path / "log.json", clock=clock)
    info = SessionInfo(id="cut", program="short", started_at=started)
    log.log_set(info, SetRecord("glute-bridge", 1, None, 15, 15, None, None, started))
    log.close()


async def test_a_session_cut_off_is_called_so_on_home_and_in_the_history(
    make_app: MakeApp, clock: FakeClock, tmp_path: Path
) -> None:
    from runstrength.screens.history import HistoryScreen
    from tests.ui.screen_text import screen_lines

    cut_off(tmp_path, clock)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        home = app.screen_stack[0]
        last = str(home.query_one("#last", Static).render())
        assert "1 set · 15 reps · cut off" in last
        assert "in-progress" not in last
        await pilot.press("escape", "h")  # later, then the history
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        text = "\n".join(screen_lines(app))
        assert "cut off" in text
        assert "in-progress" not in text
