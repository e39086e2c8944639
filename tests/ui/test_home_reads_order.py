"""Home shows the read of the log it asked for last: a read still running from before
(a thread cannot be stopped) ends unseen, and nothing is cancelled under anyone's feet."""

from __future__ import annotations

import asyncio
import threading
from datetime import timedelta
from typing import Any

import pytest

from runstrength.core.records import SessionInfo, SessionRecord, SetRecord
from runstrength.screens import home_reads
from runstrength.screens.home import HomeScreen
from runstrength.screens.home_reads import training_days as real_training_days


def last_shown(screen: HomeScreen) -> str | None:
    """The id of the last session home shows (read fresh each time: a reactive)."""
    from_log = screen.from_log
    assert from_log is not None
    return from_log.last.id if from_log.last is not None else None


async def test_a_read_asked_for_later_wins_over_one_still_running(
    make_app, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        assert screen.from_log is not None
        assert screen.from_log.last is None

        held = threading.Event()
        release = threading.Event()
        calls: list[int] = []

        def training_days(context: Any) -> Any:
            calls.append(1)
            if len(calls) == 1:  # the first read has read the last session: it waits here
                held.set()
                release.wait(5)
            return real_training_days(context)

        monkeypatch.setattr(home_reads, "training_days", training_days)
        screen.load_last_session()
        assert await asyncio.to_thread(held.wait, 5)

        now = clock.now()
        info = SessionInfo("new", "short", now - timedelta(hours=1))
        done = SetRecord("glute-bridge", 1, None, 15, 15, None, None, now)
        record = SessionRecord(info, "completed", now, [done])
        app.context.writer.run(lambda log: log.add_sessions([record]))
        screen.load_last_session()
        for _ in range(200):
            if last_shown(screen) is not None:
                break
            await pilot.pause(0.01)
        assert last_shown(screen) == "new"

        release.set()
        await app.workers.wait_for_complete()  # nothing was cancelled
        await pilot.pause()
        await pilot.pause()
        assert last_shown(screen) == "new"  # the earlier read, ended since, is not shown
