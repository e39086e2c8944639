"""Text from the log, a config file or a program file is shown as typed, never read as markup.

A data folder holds markup in every field the app shows that may hold free text: a set's
band, a run's title and source file, a planned run's title, a config key and value, a
custom program's title. The app starts on it and each screen shows the text literally
(a `[@click=…]` is no live link). Programs and exercises are ids in the log: a record
with markup or control characters there is malformed, refused before it is written and
named when met.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from rich.text import Text
from textual.content import Content
from textual.widgets import Input, Select

from runstrength.app import RunStrengthApp
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
from runstrength.store import TrainingLog
from runstrength.store.runs import RunLog
from runstrength.store.schedule import Schedule
from tests.doubles import SilentPlayer

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
        SetRecord("glute-bridge", 2, None, 15, 12, LINK, None, at + timedelta(minutes=2)),
    ]
    older = datetime(2026, 11, 17, 7, tzinfo=ZONE)
    log.add_sessions(
        [
            SessionRecord(SessionInfo("imported-1", "endurance", at), "completed", at, sets),
            SessionRecord(
                SessionInfo("imported-2", "endurance", older),
                "completed",
                older,
                [SetRecord("glute-bridge", 1, None, 15, 15, None, None, older)],
            ),
        ]
    )
    Schedule(log).add(date(2026, 11, 25), "endurance")
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
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionDetailScreen)
        detail = _screen_text(app)
        assert LINK in detail  # the band of a set
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("p")  # progress
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
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
        app.screen.query_one("#since", Input).focus()
        await pilot.press(*"[b]x")
        await pilot.press("enter")
        await pilot.pause()
        assert "[b]x" in _screen_text(app)  # the filter text, in its error line
        app.screen.query_one("#since", Input).value = ""
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CalendarScreen)
        for day in (22, 27):
            app.screen.select(date(2026, 11, day))
            await pilot.pause()
            shown = _screen_text(app)
            expected = {22: BOLD_END, 27: LINK}[day]
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


async def test_markup_or_control_characters_in_a_program_are_named_never_shown(
    tmp_path: Path, clock
) -> None:
    """A session whose program is not an id (planted in the journal, as no command writes
    it) stops the app's start with one message naming the record; nothing is shown."""
    import pytest

    from runstrength.store.errors import BadRecordError

    log = TrainingLog(tmp_path / "log.json")
    for number, program in enumerate((LINK, "hills\u001b[2Jx\u009b")):
        info = SessionInfo(f"cut-{number}", program, clock.now() - timedelta(days=3))
        log.log_set(info, SetRecord("glute-bridge", 1, None, 15, 15, None, None, info.started_at))
    log.close()
    with pytest.raises(BadRecordError) as refused:
        TrainingLog(tmp_path / "log.json")
    message = str(refused.value)
    assert "line 2: session.program" in message
    assert "and 1 more" in message
    assert "\u001b" not in message
    assert not (tmp_path / "log.json").exists()


def test_a_record_with_a_control_character_is_never_written(tmp_path: Path) -> None:
    import pytest

    from runstrength.store.errors import BadRecordError

    log = TrainingLog(tmp_path / "log.json")
    at = datetime(2026, 11, 20, 7, tzinfo=ZONE)
    sets = [SetRecord("glute-bridge", 1, None, 15, 15, "red\u001b[2J", None, at)]
    with pytest.raises(BadRecordError, match="band"):
        log.add_sessions([SessionRecord(SessionInfo("old", "hills", at), "completed", at, sets)])
    log.close()
    assert not (tmp_path / "log.json").exists()
