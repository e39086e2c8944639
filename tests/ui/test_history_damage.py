"""A damaged record met by the history screen: it says so and changes nothing."""

from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable
from textual.worker import WorkerFailed

from runstrength.screens.history import HistoryScreen
from runstrength.store import TrainingLog, log_reads
from tests.sample_history import sample_history
from tests.ui.screen_text import notices, screen_lines

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


async def test_a_fault_in_the_program_is_not_called_damage(
    make_app, tmp_path: Path, catalogue, clock, monkeypatch, caplog
) -> None:
    """The history screen meets a bug on a sound log: no "damaged" line, the traceback
    is in the log file, and the fault surfaces as itself."""
    damage_oldest(tmp_path, catalogue, clock, "reps", 12)  # a sound value

    def broken(*_: object) -> None:
        raise KeyError("totals")

    monkeypatch.setattr(log_reads, "summarize_docs", broken)
    app = make_app()
    lines: list[str] = []

    async def open_history() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("h")
            await app.workers.wait_for_complete()
            await pilot.pause()
            lines.append(str(app.screen.query_one("#filter-line").render()))

    with caplog.at_level(logging.ERROR), pytest.raises(WorkerFailed, match="totals"):
        await open_history()
    assert lines
    assert "damaged" not in lines[0]
    assert any(r.name == "runstrength.app" and r.exc_info for r in caplog.records)


async def test_the_way_out_is_in_sight_at_80_columns_and_p_says_why_it_cannot(
    make_app, tmp_path: Path, catalogue, clock
) -> None:
    before = damage_oldest(tmp_path, catalogue, clock, "reps", "many")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        shown = " ".join(line.strip() for line in screen_lines(app))
        assert "`runstrength doctor --repair`" in shown
        assert notices(app) == []
        for key in ("p", "o"):
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.screen is screen
            said = notices(app, "error")
            assert said, f"{key} did nothing"
            assert "Cannot count your sets" in said[-1]
            assert "doctor --repair" in said[-1]
    assert (tmp_path / "log.json").read_text() == before
