"""A damaged record met by the history screen: it says so and changes nothing."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from textual.widgets import DataTable

from runstrength.core.sample_history import sample_history
from runstrength.screens.history import HistoryScreen
from runstrength.store import TrainingLog

SIZE = (80, 24)


def damage_oldest(tmp_path: Path, catalogue, clock, field: str, value: object) -> str:
    """Four weeks of history in the log file, one set of the oldest session changed.

    (Home shows the newest session: its damage is home's to report.)
    """
    from runstrength.store import load_programs

    program = load_programs(catalogue).get("endurance")
    assert program is not None
    weeks = sample_history(
        program, ("red",), until=date(2026, 11, 23), weeks=4, zone=clock.now().tzinfo
    )
    log = TrainingLog(tmp_path / "log.json")
    log.add_sessions(weeks)
    log.close()
    oldest = min(weeks, key=lambda s: s.info.started_at).id
    data = json.loads((tmp_path / "log.json").read_text())
    key = next(k for k, doc in data["sets"].items() if doc["session"] == oldest)
    data["sets"][key][field] = value
    (tmp_path / "log.json").write_text(json.dumps(data))
    return (tmp_path / "log.json").read_text()


async def test_a_malformed_count_is_reported_instead_of_the_table(
    make_app, tmp_path: Path, catalogue, clock
) -> None:
    before = damage_oldest(tmp_path, catalogue, clock, "reps", "many")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        line = str(screen.query_one("#filter-line").render())
        assert "damaged" in line
        assert "malformed" in line
        assert not screen.filled
        await pilot.press("enter", "p")
        assert app.screen is screen
    assert (tmp_path / "log.json").read_text() == before


async def test_a_session_with_a_malformed_set_does_not_open(
    make_app, tmp_path: Path, catalogue, clock
) -> None:
    damage_oldest(tmp_path, catalogue, clock, "completed_at", "not a time")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        for _ in range(300):
            if screen.filled:
                break
            await pilot.pause(0.01)
        assert screen.filled, "the totals read fine: the time is not among them"
        table = screen.query_one(DataTable)
        table.move_cursor(row=table.row_count - 1)  # the oldest session
        await pilot.press("enter")
        assert app.screen is screen
        assert "damaged" in str(screen.query_one("#filter-line").render())
