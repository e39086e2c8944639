"""The rest-day rule in the app: home refuses on a rest day, asks about tomorrow's plan,
and the calendar plans and drops sessions. The fake clock's today is Mon 23 Nov 2026."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from runstrength.screens.calendar import CalendarScreen, add_months
from runstrength.screens.dialogs import HelpScreen
from runstrength.screens.home import HomeScreen
from runstrength.screens.session import SessionScreen
from runstrength.screens.start_dialogs import ConfirmTomorrow
from runstrength.store.schedule import Schedule
from runstrength.widgets.month import MonthView
from tests.ui.restday_seed import seed
from tests.ui.screen_text import notices, screen_lines
from tests.ui.settling import settle

TODAY = date(2026, 11, 23)


def text_of(pilot: Pilot[None], selector: str) -> str:
    return str(pilot.app.screen.query_one(selector, Static).render())


def plans(app) -> dict[date, str]:
    return {p.day: p.program for p in Schedule(app.context.log).between()}


async def test_enter_on_a_rest_day_does_not_start(make_app, clock, tmp_path: Path) -> None:
    seed(tmp_path, clock, logged_offsets=(-1,))
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        status = text_of(pilot, "#day-status")
        assert "Rest day — next session possible Tue 24 Nov 2026" in status
        assert "logged on Sun 22 Nov 2026" in status
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        [note] = notices(app)
        assert "rest day" in note
        assert "Next session possible: Tue 24 Nov 2026" in note


async def test_a_weekly_rest_day_is_a_rest_day(make_app, clock) -> None:
    app = make_app(weekly_rest_days=("monday",))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Monday is a weekly rest day" in text_of(pilot, "#day-status")
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)


async def test_training_day_starts_at_once(make_app, clock, tmp_path: Path) -> None:
    seed(tmp_path, clock, logged_offsets=(-2,))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert text_of(pilot, "#day-status").startswith("Training day")
        await pilot.press("enter")
        assert isinstance(app.screen, SessionScreen)


async def test_tomorrow_planned_moves_on_yes(make_app, clock, tmp_path: Path) -> None:
    seed(tmp_path, clock, logged_offsets=(), planned=[(date(2026, 11, 24), "sprint")])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "planned tomorrow: sprint" in text_of(pilot, "#day-status")
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmTomorrow)
        assert app.screen.move_to == date(2026, 11, 25)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert plans(app) == {date(2026, 11, 25): "sprint"}


async def test_the_tomorrow_question_has_its_own_keys_and_is_asked_once_a_day(
    make_app, clock, tmp_path: Path
) -> None:
    seed(tmp_path, clock, logged_offsets=(), planned=[(date(2026, 11, 24), "sprint")])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, ConfirmTomorrow)
        footer = screen_lines(app)[-1]
        assert "Move and start" in footer
        assert "History" not in footer
        await pilot.press("n")
        await settle(pilot)
        # A set done, then stopped: today is trained and tomorrow stays planned.
        await pilot.press("S", "enter")
        for _ in range(15):
            await pilot.press("space")
        await pilot.press("enter", "q", "x")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert [len(s.sets) for s in app.context.log.sessions()] == [1]
        assert plans(app) == {date(2026, 11, 24): "sprint"}
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)


async def test_tomorrow_planned_escape_and_no(make_app, clock, tmp_path: Path) -> None:
    seed(tmp_path, clock, logged_offsets=(), planned=[(date(2026, 11, 24), "sprint")])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter", "n")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert plans(app) == {date(2026, 11, 24): "sprint"}


async def test_calendar_keys_add_refuse_remove(make_app, clock, tmp_path: Path) -> None:
    seed(tmp_path, clock, logged_offsets=(-1,))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CalendarScreen)
        month = screen.query_one(MonthView)
        assert month.selected == TODAY
        # today is the rest day after yesterday's session: refused, with the reason inline
        await pilot.press("a")
        await settle(pilot)
        message = text_of(pilot, "#message")
        assert "Not scheduled" in message
        assert "rest day" in message
        assert "Next session possible: Tue 24 Nov 2026" in message
        assert plans(app) == {}
        # tomorrow is free
        await pilot.press("right", "enter")
        await settle(pilot)
        assert plans(app) == {date(2026, 11, 24): "short"}
        assert "Scheduled short" in text_of(pilot, "#message")
        # the day after is now a rest day
        await pilot.press("right", "a")
        await settle(pilot)
        assert "follows the short session scheduled" in text_of(pilot, "#message")
        await pilot.press("left", "x")
        await settle(pilot)
        assert plans(app) == {}
        await pilot.press("x")
        await settle(pilot)
        assert "Nothing is scheduled" in text_of(pilot, "#message")
        await pilot.press("down", "up", "up")
        assert month.selected == date(2026, 11, 17)
        await pilot.press("right_square_bracket")
        assert month.selected == date(2026, 12, 17)
        await pilot.press("pageup", "pageup")
        assert month.selected == date(2026, 10, 17)
        await pilot.press("pagedown", "t")
        assert month.selected == TODAY
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_a_plan_from_the_calendar_reaches_home(make_app, clock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c", "right", "a")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert "planned tomorrow" in text_of(pilot, "#day-status")


async def test_past_months_show_what_was_trained(make_app, clock, tmp_path: Path) -> None:
    seed(tmp_path, clock, logged_offsets=(-40,))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c", "left_square_bracket", "left_square_bracket")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CalendarScreen)
        assert date(2026, 10, 14) in screen.days.logged
        screen.query_one(MonthView).selected = date(2026, 10, 14)
        screen.show_day()
        assert "Trained: endurance" in text_of(pilot, "#day-info")


def test_add_months_clamps_to_shorter_months() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)
    assert add_months(date(2027, 1, 15), -1) == date(2026, 12, 15)


async def test_opening_straight_into_a_session_asks_about_tomorrow(
    make_app, clock, tmp_path: Path
) -> None:
    seed(tmp_path, clock, logged_offsets=(), planned=[(date(2026, 11, 24), "sprint")])
    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ConfirmTomorrow)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.engine.program.name == "short"
        assert plans(app) == {date(2026, 11, 25): "sprint"}


async def test_opening_straight_into_a_session_on_a_rest_day_stays_home_and_says_why(
    make_app, clock, tmp_path: Path
) -> None:
    seed(tmp_path, clock, logged_offsets=(-1,))
    app = make_app(start=True)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        # The session asked for was refused by the rule, not left unasked.
        [note] = notices(app, "warning")
        assert note.startswith("Rest day\n")
        assert "Next session possible: Tue 24 Nov 2026" in note


async def test_keys_faster_than_the_redraw_never_slip_past_the_rule(make_app, clock) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("right", "a", "right", "a", "left", "left", "a")
        await settle(pilot)
        # whichever write ran first won; no two plans ever sit on neighbouring days
        planned = sorted(plans(app))
        assert planned
        assert set(planned) <= {TODAY, date(2026, 11, 24), date(2026, 11, 25)}
        assert all((b - a).days > 1 for a, b in pairwise(planned))


async def test_a_plan_added_just_before_leaving_is_kept(make_app, clock, tmp_path: Path) -> None:
    seed(tmp_path, clock, logged_offsets=())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("right", "a", "escape", "q")
    assert plans(app) == {date(2026, 11, 24): "short"}


async def test_home_says_when_today_is_already_trained(make_app, clock, tmp_path: Path) -> None:
    seed(tmp_path, clock, logged_offsets=(0,))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        status = text_of(pilot, "#day-status")
        assert "Trained today · tomorrow is a rest day" in status
        await pilot.press("enter")  # a second session is still allowed
        await settle(pilot)
        assert isinstance(app.screen, SessionScreen)


async def test_a_last_session_in_another_year_shows_its_year(
    make_app, clock, tmp_path: Path
) -> None:
    seed(tmp_path, clock, logged_offsets=(-400,))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Last session: Sun 19 Oct 2025 · endurance" in text_of(pilot, "#last")
