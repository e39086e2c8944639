"""A rest day's recovery routine from home: offered by r, guided to its summary, logged as
recovery, shown in history, and never turning the day into a training day.
The fake clock's today is Mon 23 Nov 2026; yesterday's session makes it a rest day."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from runstrength.core.plan import StretchStep, WarmupStep
from runstrength.core.records import SessionInfo, StretchRecord, WarmupRecord
from runstrength.screens.dialogs import ConfirmQuit
from runstrength.screens.history import HistoryScreen
from runstrength.screens.home import HomeScreen
from runstrength.screens.resume import ResumeDialog
from runstrength.screens.session import SessionScreen
from runstrength.screens.session_detail import SessionDetailScreen
from runstrength.store import TrainingLog
from runstrength.widgets.summary_table import SummaryTable
from tests.ui.restday_seed import seed
from tests.ui.screen_text import notices
from tests.ui.settling import settle


def text_of(pilot: Pilot[None], selector: str) -> str:
    return str(pilot.app.screen.query_one(selector).render())


def session(pilot: Pilot[None]) -> SessionScreen:
    screen = pilot.app.screen
    assert isinstance(screen, SessionScreen)
    return screen


async def pass_time(pilot: Pilot[None], clock, seconds: float) -> None:
    clock.advance(seconds)
    session(pilot).tick()
    await pilot.pause()


def footer_keys(pilot: Pilot[None]) -> dict[str, str]:
    return {
        key: active.binding.description
        for key, active in pilot.app.active_bindings.items()
        if active.binding.show and active.enabled
    }


async def test_a_rest_day_routine_from_home_to_the_summary(make_app, clock, tmp_path: Path) -> None:
    seed(tmp_path, clock, logged_offsets=(-1,))
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        assert "Rest day" in text_of(pilot, "#day-status")
        hint = text_of(pilot, "#start-hint")
        assert "r  recovery routine: stretches and easy moves, about 6 min" in hint
        keys = footer_keys(pilot)
        assert keys["r"] == "Recovery"
        assert "enter" not in keys  # no session to start today

        await pilot.press("enter")  # refused, and the routine is named instead
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        [note] = notices(app)
        assert "r: a recovery routine of stretches and easy moves instead" in note

        await pilot.press("r")
        screen = session(pilot)
        engine = screen.engine
        assert engine.kind == "recovery"
        assert isinstance(engine.step, WarmupStep)
        assert engine.step.moves == app.context.catalogue.mobility
        assert "Mobility: easy moves" in text_of(pilot, "#heading")
        assert "Recovery routine" in text_of(pilot, "#where")
        # nothing of a strength set is offered: no reps, tempo or band
        assert not {"space", "t", "b"} & footer_keys(pilot).keys()

        await pass_time(pilot, clock, 300)
        assert isinstance(engine.step, StretchStep)
        assert "Figure-four glute stretch" in text_of(pilot, "#heading")
        assert "stretch 1 of 2 · Left side" in text_of(pilot, "#where")
        await pass_time(pilot, clock, 15)  # left
        await pilot.press("s")  # right, cut short
        await pass_time(pilot, clock, 15)  # side bend, left
        await pass_time(pilot, clock, 15)  # right
        assert engine.finished
        await settle(pilot)
        assert "Recovery routine done" in text_of(pilot, "#heading")
        rows = [
            tuple(str(cell) for cell in row)
            for row in (
                screen.query_one(SummaryTable).get_row_at(i)
                for i in range(screen.query_one(SummaryTable).row_count)
            )
        ]
        assert rows[0] == ("Mobility moves", "done", "5:00/5:00")
        assert rows[1] == ("Figure-four glute stretch (left)", "held", "15/15 s")
        assert rows[2][1] == "skipped"
        assert len(rows) == 5
        assert "3 stretches held, 1 skipped · mobility 5:00" in text_of(pilot, "#totals")

        [logged] = [s for s in app.context.log.sessions() if s.info.is_recovery]
        assert logged.status == "completed"
        assert logged.sets == []
        assert logged.warmup == WarmupRecord(seconds=300, target_seconds=300)
        assert [(s.stretch, s.side, s.skipped) for s in logged.stretches] == [
            ("figure-four-stretch", "left", False),
            ("figure-four-stretch", "right", True),
            ("side-bend-stretch", "left", False),
            ("side-bend-stretch", "right", False),
        ]

        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "Rest day" in text_of(pilot, "#day-status")  # still; and tomorrow stays open
        assert "Next session possible Tue 24 Nov" in text_of(pilot, "#day-status").replace(
            "next", "Next"
        )
        last = text_of(pilot, "#last")
        assert "recovery routine · 3 stretches held" in last

        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one(DataTable)
        newest = [str(cell) for cell in table.get_row_at(0)]
        assert newest[-1] == "recovery"
        assert newest[3:6] == ["-", "-", "-"]
        await pilot.press("enter")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, SessionDetailScreen)
        heading = str(detail.query_one("#filter-line", Static).render())
        assert "recovery routine" in heading
        assert "not counted as training" in heading
        assert "mobility moves 5:00 of 5:00" in heading
        table = detail.query_one(DataTable)
        assert str(table.get_row_at(0)[0]) == "Mobility moves"
        assert table.row_count == 5


async def test_stopping_before_anything_is_done_logs_nothing(
    make_app, clock, tmp_path: Path
) -> None:
    seed(tmp_path, clock, logged_offsets=(-1,))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await pass_time(pilot, clock, 20)
        await pilot.press("q")
        dialog = app.screen
        assert isinstance(dialog, ConfirmQuit)
        said = " ".join(str(s.render()) for s in dialog.query(Static))
        assert "no move or stretch is finished yet, so nothing will be logged" in said
        assert "continue later" not in said  # a routine has no set to go on from
        await pilot.press("x")
        await settle(pilot)
        assert "Recovery routine stopped" in text_of(pilot, "#heading")
        assert "Nothing was logged" in text_of(pilot, "#totals")
        assert not [s for s in app.context.log.sessions() if s.info.is_recovery]


async def test_stopped_midway_it_is_kept_as_partial(make_app, clock, tmp_path: Path) -> None:
    seed(tmp_path, clock, logged_offsets=(-1,))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r", "enter")  # mobility ended early by hand: done
        await pass_time(pilot, clock, 5)
        await pilot.press("q")
        said = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "partial recovery routine" in said
        await pilot.press("x")
        await settle(pilot)
        [logged] = [s for s in app.context.log.sessions() if s.info.is_recovery]
        assert logged.status == "partial"
        assert [(s.seconds, s.skipped) for s in logged.stretches] == [(5, True)]


async def test_on_a_training_day_the_key_is_not_offered_but_the_palette_is(
    make_app, clock, tmp_path: Path
) -> None:
    seed(tmp_path, clock, logged_offsets=(-2,))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "r" not in footer_keys(pilot)
        await pilot.press("r")
        assert isinstance(app.screen, HomeScreen)
        await app.run_action("recovery")  # what the palette's "Recovery routine" runs
        await pilot.pause()
        assert session(pilot).engine.kind == "recovery"


async def test_an_interrupted_routine_is_closed_as_it_stands(
    make_app, clock, tmp_path: Path
) -> None:
    started = clock.now() - timedelta(hours=3)
    info = SessionInfo("cut-off", "short", started, kind="recovery")
    log = TrainingLog(tmp_path / "log.json")
    done_at = started + timedelta(minutes=6)
    log.log_routine(info, StretchRecord("cobra-stretch", "dead-bug", None, 15, 15, False, done_at))
    log.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert not isinstance(app.screen, ResumeDialog)
        [logged] = app.context.log.sessions()
        assert (logged.status, logged.ended_at) == ("partial", done_at)
        assert "recovery routine" in text_of(pilot, "#last")
