"""Session detail shows the warm-up and each stretch where they happened; only sets edit."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable, Static

from runstrength.core.records import (
    SessionInfo,
    SessionRecord,
    SetRecord,
    Side,
    StretchRecord,
    WarmupRecord,
)
from runstrength.screens.session_detail import SessionDetailScreen


def a_session(clock) -> SessionRecord:
    started = clock.now() - timedelta(days=2)

    def at(minutes: int):
        return started + timedelta(minutes=minutes)

    def bridge(number: int, minute: int) -> SetRecord:
        return SetRecord("glute-bridge", number, None, 20, 20, None, None, at(minute))

    def stretch(side: Side, minute: int, seconds: int, skipped: bool) -> StretchRecord:
        return StretchRecord(
            "figure-four-stretch",
            "glute-bridge",
            side,
            seconds,
            30,
            skipped,
            at(minute),
        )

    return SessionRecord(
        info=SessionInfo("past", "short", started),
        status="completed",
        ended_at=at(20),
        sets=[bridge(1, 8), bridge(2, 10)],
        warmup=WarmupRecord(seconds=250, target_seconds=300),
        stretches=[stretch("left", 11, 30, False), stretch("right", 12, 6, True)],
    )


async def test_detail_lists_warmup_sets_and_stretches_in_order(make_app, clock) -> None:
    app = make_app()
    app.context.log.add_sessions([a_session(clock)])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, SessionDetailScreen)
        table = detail.query_one(DataTable)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert [(r[0].strip(), r[2], r[3]) for r in rows] == [
            ("Warm-up", "", "4:10 of 5:00 short"),
            ("Glute bridge", "", "20/20 reps"),
            ("Glute bridge", "", "20/20 reps"),
            ("Figure-four glute stretch", "left", "held 30/30 s"),
            ("Figure-four glute stretch", "right", "skipped 6/30 s"),
        ]
        heading = str(detail.query_one("#filter-line", Static).render())
        assert "warm-up 4:10 of 5:00 (cut short)" in heading
        assert "stretches: 1 held, 1 skipped" in heading
        assert table.cursor_row == 1  # on the first set, ready to correct it

        await pilot.press("up", "c")  # the warm-up row: nothing to correct
        assert app.screen is detail
        await pilot.press("end", "x")
        assert app.screen is detail
        assert len(app.context.log.sessions()[0].stretches) == 2


def test_snapshot_detail_with_warmup_and_stretches(snap_compare, make_app, clock) -> None:
    app = make_app()
    app.context.log.add_sessions([a_session(clock)])

    async def run_before(pilot) -> None:
        await pilot.press("h")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause(0.1)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
