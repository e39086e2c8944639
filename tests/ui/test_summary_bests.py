"""The summary names each personal best the session set, against the log."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from runstrength.core.records import SessionInfo, SessionRecord, SetRecord
from tests.ui.screen_text import screen_lines

AT = datetime(2026, 11, 20, 7, tzinfo=timezone(timedelta(hours=1)))


async def test_the_summary_names_a_new_best(make_app) -> None:
    app = make_app(start=True)
    before = [SetRecord("glute-bridge", n, None, 15, 15, None, None, AT) for n in (1, 2)]
    app.context.log.add_sessions(
        [SessionRecord(SessionInfo("before", "short", AT), "completed", AT, before)]
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("S", "enter", *["space"] * 17, "enter")  # set 1: 17 reps
        await pilot.press("q", "x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = "\n".join(screen_lines(app))
        assert "New best: Glute bridge 17 reps (best was 15)" in text
