"""Runs in the app: home's line for a run, the calendar's run marks and refusals, the
warning that asks, and the runs folder read at start. Today is Mon 23 Nov 2026."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Label, Static

from runstrength.core.runs import Activity
from runstrength.screens.calendar import CalendarScreen
from runstrength.screens.edit_dialogs import ConfirmDialog
from runstrength.screens.home import HomeScreen
from runstrength.screens.session import SessionScreen
from runstrength.store import TrainingLog
from runstrength.store.runs import RunLog
from runstrength.store.schedule import Schedule
from runstrength.widgets.month import MonthView
from tests.activity_files import fit_bytes, gpx_text
from tests.ui.screen_text import notices

TODAY = date(2026, 11, 23)
ZONE = timezone(timedelta(hours=1))


async def settle(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def text_of(pilot: Pilot[None], selector: str) -> str:
    widget = pilot.app.screen.query_one(selector)
    assert isinstance(widget, Static | Label)
    return str(widget.render())


def seed_runs(tmp_path: Path) -> None:
    log = TrainingLog(tmp_path / "log.json")
    runs = RunLog(log)
    runs.add(
        [
            Activity(
                "",
                date(2026, 11, 21),
                title="[bold]Tempo[/bold] Saturday",
                start=datetime(2026, 11, 21, 9, 0, tzinfo=ZONE),
                duration_s=2700,
                distance_m=9000,
            ),
            Activity(
                "",
                date(2026, 11, 22),
                sport="cycling",
                title="Ride",
                start=datetime(2026, 11, 22, 9, 0, tzinfo=ZONE),
                distance_m=40000,
            ),
        ]
    )
    planned = [Activity("", date(2026, 11, 24), title="Sunday long 24 km", distance_m=24000)]
    runs.replace_planned("/plans/coach.ics", [*planned], TODAY)
    log.close()


async def test_home_and_calendar_show_the_run_and_refuse_the_day_before(
    make_app, tmp_path: Path
) -> None:
    seed_runs(tmp_path)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        status = text_of(pilot, "#day-status")
        assert "Long run tomorrow (24 km): no strength today; next possible Thursday" in status
        assert "No strength today" in text_of(pilot, "#start-hint")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)  # refused, like a rest day
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CalendarScreen)
        month = str(screen.query_one(MonthView).render())
        assert " 24 L " in month  # tomorrow's long run
        assert " 21 H " in month  # Saturday's tempo
        lines = month.splitlines()
        tempo_row = next(i for i, line in enumerate(lines) if " 21 H " in line)
        assert lines[tempo_row + 1][lines[tempo_row].index("21") - 1 :].startswith(" 9km ")
        assert "24km" in lines[tempo_row + 3]  # under the long run, a week later
        info = text_of(pilot, "#day-info")
        assert (
            'No strength: the day before your planned long run "Sunday long 24 km" (24 km).' in info
        )
        await pilot.press("a")
        await settle(pilot)
        assert "Not scheduled" in text_of(pilot, "#message")
        assert "Sunday long 24 km" in text_of(pilot, "#message")
        assert "Next session possible: Thu 26 Nov 2026" in text_of(pilot, "#message")
        assert Schedule(app.context.log).between() == []
        await pilot.press("left", "left")
        await settle(pilot)
        info = text_of(pilot, "#day-info")
        # A title with brackets is shown as written, never read as markup.
        assert "Hard run: [bold]Tempo[/bold] Saturday · 9 km · 45 min" in info
        await pilot.press("right")
        assert "Cycling: Ride · 40 km" in text_of(pilot, "#day-info")
        await pilot.press("right", "right", "right", "right", "a")  # Thursday is free
        await settle(pilot)
        assert [p.day for p in Schedule(app.context.log).between()] == [date(2026, 11, 26)]


async def test_home_says_strength_fits_beside_an_easy_run(make_app, tmp_path: Path) -> None:
    log = TrainingLog(tmp_path / "log.json")
    today = Activity("", TODAY, title="Recovery jog 6 km", distance_m=6000)
    RunLog(log).replace_planned("/plans/coach.ics", [today], TODAY)
    log.close()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        status = text_of(pilot, "#day-status")
        assert "Training day · Easy run today (6 km): strength is fine" in status


async def test_warn_asks_and_yes_goes_ahead(make_app, tmp_path: Path) -> None:
    seed_runs(tmp_path)
    app = make_app(run_rules="warn")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "start anyway" in text_of(pilot, "#start-hint")
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        assert Schedule(app.context.log).between() == []
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert [p.day for p in Schedule(app.context.log).between()] == [TODAY]
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)


async def test_the_runs_folder_is_read_after_the_first_frame(make_app, tmp_path: Path) -> None:
    folder = tmp_path / "watch"
    folder.mkdir()
    start = datetime(2026, 11, 22, 7, 0, tzinfo=ZONE)
    (folder / "a.fit").write_bytes(fit_bytes(start, 6000, 20000))
    (folder / "b.gpx").write_text(gpx_text(None, 0))
    # A watch whose clock is a day ahead: a finished run cannot be tomorrow.
    (folder / "c.fit").write_bytes(fit_bytes(start + timedelta(days=2), 3000, 9000))
    app = make_app(runs_folder=str(folder))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        runs = RunLog(app.context.log).between()
        assert [(a.day, a.distance_m) for a in runs] == [(date(2026, 11, 22), 20000)]
        messages = notices(app)
        assert "Imported 1 new run from the runs folder." in messages
        [refused] = [m for m in messages if "b.gpx" in m]
        assert "b.gpx has no times" in refused
        assert "c.fit is dated 2026-11-24 07:00, later than now (2026-11-23 07:02)" in refused
        assert "Long run yesterday" in text_of(pilot, "#day-status")
    # The next start reads only new files: nothing is reported again.
    again = make_app(runs_folder=str(folder))
    async with again.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        assert notices(again) == []
        assert len(RunLog(again.context.log).between()) == 1


async def test_the_settings_screen_keeps_the_run_settings(make_app, tmp_path: Path) -> None:
    import tomllib

    app = make_app(max_hr=185, run_rules="warn", runs_folder="~/watch")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        await settle(pilot)
        taper = app.screen.query_one("#taper_days", Input)
        taper.value = "40"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "40 is outside 0-21" in text_of(pilot, "#error-taper_days")  # under its field
        taper.value = "10"
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = tomllib.loads((tmp_path / "config.toml").read_text())
    assert (saved["max_hr"], saved["run_rules"], saved["runs_folder"]) == (185, "warn", "~/watch")
    assert saved["taper_days"] == 10
    assert app.context.settings.taper_days == 10
