"""Text from the log, a config file or a program file is shown as typed, never read as markup.

A data folder holds markup in every field the app shows: a session's program and its
exercise ids, a planned day's program, a run's title and source file, a planned run's
title, a config key and value, a custom program's title. The app starts on it and each
screen shows the text literally (a `[@click=…]` is no live link).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from rich.text import Text
from textual.content import Content
from textual.widgets import Input, Select

from runstrength.app import RunStrengthApp
from runstrength.audio import SilentPlayer
from runstrength.core.records import SessionInfo, SessionRecord, SetRecord
from runstrength.core.runs import Activity
from runstrength.factory import build_context
from runstrength.paths import resolve_paths
from runstrength.screens.calendar import CalendarScreen
from runstrength.screens.history import HistoryScreen
from runstrength.screens.overview import OverviewScreen
from runstrength.screens.progress import ProgressScreen
from runstrength.screens.session_detail import SessionDetailScreen
from runstrength.screens.settings import SettingsScreen
from runstrength.store import Schedule, TrainingLog
from runstrength.store.runs import RunLog

ZONE = timezone(timedelta(hours=1))
CLOSING = "[/]"
LINK = "[@click=app.quit]clickme[/]"
VERSIONED = "5k plan [v2]"
BOLD_END = "Hills [/b]"

PROGRAM_FILE = """
name = "hills"
title = "Hills [/b]"
goal = "endurance"

[[exercise]]
id = "glute-bridge"
sets = 2
reps = 15
"""


def _seed(folder: Path) -> None:
    (folder / "programs").mkdir(parents=True)
    (folder / "programs" / "hills.toml").write_text(PROGRAM_FILE)
    (folder / "config.toml").write_text(
        'first_run_done = true\n"[/x]" = 1\ntheme = "[@click=app.quit]t[/]"\n'
    )
    log = TrainingLog(folder / "log.json")
    at = datetime(2026, 11, 20, 7, tzinfo=ZONE)
    sets = [
        SetRecord("glute-bridge", 1, None, 15, 15, None, None, at),
        SetRecord(LINK, 1, None, 15, 12, None, None, at + timedelta(minutes=2)),
    ]
    older = datetime(2026, 11, 17, 7, tzinfo=ZONE)
    log.add_sessions(
        [
            SessionRecord(SessionInfo("imported-1", CLOSING, at), "completed", at, sets),
            SessionRecord(
                SessionInfo("imported-2", VERSIONED, older),
                "completed",
                older,
                [SetRecord("glute-bridge", 1, None, 15, 15, None, None, older)],
            ),
        ]
    )
    Schedule(log).add(date(2026, 11, 25), LINK)
    RunLog(log).merge(
        [
            Activity(
                id="run-1",
                day=date(2026, 11, 22),
                title=BOLD_END,
                start=datetime(2026, 11, 22, 9, tzinfo=ZONE),
                duration_s=1800,
                distance_m=5000,
                source="[b]watch[/b].fit",
            ),
            Activity(id="plan-1", day=date(2026, 11, 27), title=LINK, planned=True),
        ]
    )
    log.close()


def _screen_text(app: RunStrengthApp) -> str:
    return "\n".join(
        "".join(segment.text for segment in strip)
        for strip in app.screen._compositor.render_strips()
    )


async def test_markup_in_every_field_is_shown_literally(tmp_path: Path, clock) -> None:
    folder = tmp_path / "data"
    _seed(folder)
    context = build_context(resolve_paths(folder), clock=clock, sound=SilentPlayer())
    app = RunStrengthApp(context)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = _screen_text(app)
        assert "[/x]" in home  # the config key, in the problems list
        assert "[@click=app.quit]t[/]" in home  # the config value
        assert "Last session:" in home
        assert f"· {CLOSING} ·" in home
        for _ in range(3):  # the custom program's title, whichever program comes first
            if BOLD_END in _screen_text(app):
                break
            await pilot.press("right")
            await pilot.pause()
        assert BOLD_END in _screen_text(app)

        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        history = _screen_text(app)
        assert CLOSING in history
        assert VERSIONED in history
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionDetailScreen)
        detail = _screen_text(app)
        assert f"· {CLOSING}" in detail
        assert "clickme" in detail
        assert LINK in detail
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("p")  # progress: the exercise ids of the log
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        assert "[@click=app.quit]clickme" in _screen_text(app)  # wrapped in its column
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("o")  # overview
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        app.screen.query_one("#program", Select).value = CLOSING
        app.screen.query_one("#since", Input).focus()
        await pilot.press(*"[b]x")
        await pilot.press("enter")
        await pilot.pause()
        assert "[b]x" in _screen_text(app)  # the filter text, in its error line
        app.screen.query_one("#since", Input).value = ""
        await pilot.press("enter")
        await pilot.pause()
        assert f"program {CLOSING}" in _screen_text(app)  # the filter line
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CalendarScreen)
        for day in (22, 25, 27):
            app.screen.select(date(2026, 11, day))
            await pilot.pause()
            shown = _screen_text(app)
            expected = {22: BOLD_END, 25: LINK, 27: LINK}[day]
            assert expected in shown, (day, shown)
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"hills")
        for _ in range(50):  # the palette searches in a worker
            if BOLD_END in _screen_text(app):
                break
            await pilot.pause(0.05)
        assert BOLD_END in _screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("comma")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#program", Select).value = "hills"
        await pilot.pause()
        assert f"hills: {BOLD_END}" in _screen_text(app)
        assert app.is_running  # no live link quit the app on the way


def test_escaped_text_is_no_link() -> None:
    from runstrength.screens.plain import escape

    content = Content.from_markup(f"Scheduled: {escape(LINK)}")
    assert content.plain == f"Scheduled: {LINK}"
    assert not any(span.style and "@click" in str(span.style) for span in content.spans)
    assert Text(LINK).plain == LINK


async def test_interrupted_session_and_tomorrows_plan_show_markup_literally(
    make_app, clock, tmp_path: Path
) -> None:
    from runstrength.screens.resume import ResumeDialog
    from runstrength.screens.start_dialogs import ConfirmTomorrow

    log = TrainingLog(tmp_path / "log.json")
    info = SessionInfo(id="cut-short", program=LINK, started_at=clock.now() - timedelta(days=3))
    log.log_set(info, SetRecord("glute-bridge", 1, None, 15, 15, None, None, info.started_at))
    Schedule(log).add(clock.now().date() + timedelta(days=1), VERSIONED)
    log.close()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ResumeDialog)
        shown = _screen_text(app)
        assert f"· {LINK} ·" in shown
        assert f'The program "{LINK}" is gone' in shown
        await pilot.press("x")  # close it as partial
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert f"planned tomorrow: {VERSIONED}" in _screen_text(app)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmTomorrow)
        dialog = _screen_text(app)  # the name wraps at its space
        assert "5k plan" in dialog
        assert "[v2]. Training today" in dialog


async def test_an_escape_sequence_from_the_log_never_reaches_the_terminal(
    make_app, tmp_path: Path
) -> None:
    log = TrainingLog(tmp_path / "log.json")
    at = datetime(2026, 11, 20, 7, tzinfo=ZONE)
    sets = [SetRecord("glute-bridge", 1, None, 15, 15, "red\u001b[2J", None, at)]
    log.add_sessions(
        [SessionRecord(SessionInfo("old", "hills\u001b[2Jx\u009b", at), "completed", at, sets)]
    )
    log.close()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = _screen_text(app)
        assert "hills[2Jx" in home  # shown, minus the control characters
        assert "\u001b" not in home
        assert "\u009b" not in home
        await pilot.press("h")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        detail = _screen_text(app)
        assert "red[2J" in detail
        assert "\u001b" not in detail
