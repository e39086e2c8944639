"""Every write of the app goes through the log's one writer: never on the UI thread,
waited for when quitting, and landing even when the screen that asked has closed (a
refusal then said by the app)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from datetime import date
from typing import Any

from textual.message import Message

from runstrength.app import RunStrengthApp
from runstrength.screens.calendar import CalendarScreen
from runstrength.screens.home import HomeScreen
from runstrength.screens.session import SessionScreen
from runstrength.store import LogWriteError, TrainingLog
from runstrength.store.schedule import Schedule
from runstrength.writes import NotSaved, hand_write
from tests.ui.settling import settle

WRITES = (
    "log_set",
    "log_routine",
    "finish_session",
    "set_aside",
    "set_effort",
    "change_documents",
    "correct_set",
    "delete_set",
    "delete_session",
    "add_sessions",
)
"""Every method of the log that changes it."""


def watch_writes(log: TrainingLog, before: Callable[[str], None]) -> None:
    """Call `before(name)` on the writing thread ahead of each write to the log."""
    for name in WRITES:
        method = getattr(log, name)

        def wrapped(*args: Any, __method: Any = method, __name: str = name, **kw: Any) -> Any:
            before(__name)
            return __method(*args, **kw)

        setattr(log, name, wrapped)


def plans(app: RunStrengthApp) -> dict[date, str]:
    return {p.day: p.program for p in Schedule(app.context.log).between()}


async def test_no_write_runs_on_the_ui_thread(make_app, clock) -> None:
    """A set, the warm-up, a session stopped, its effort, and a plan: all on the writer."""
    app = make_app(start=True)
    threads: list[tuple[str, str]] = []
    watch_writes(
        app.context.log, lambda name: threads.append((name, threading.current_thread().name))
    )
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        clock.advance(5 * 60)
        screen.tick()  # the warm-up is over
        await pilot.press("enter", *["space"] * 15, "enter")  # one set done
        await pilot.press("q", "x")  # stopped for good: the summary asks how hard it was
        await settle(pilot)
        await pilot.press("5", "enter")  # effort, then back home
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("c", "right", "right", "a")  # a plan (tomorrow is a rest day)
        await settle(pilot)
        assert plans(app) == {date(2026, 11, 25): "short"}
    written = {name for name, _ in threads}
    assert {"log_routine", "log_set", "finish_session", "set_effort", "change_documents"} <= written
    assert {thread for _, thread in threads} == {"log-writer"}
    assert threading.main_thread().name not in {thread for _, thread in threads}


async def test_quitting_waits_for_a_write_still_pending(make_app) -> None:
    app = make_app()
    gate = threading.Event()
    tomorrow = date(2026, 11, 24)

    def slow_plan(log: TrainingLog) -> object:
        gate.wait(timeout=10)
        return Schedule(log).add(tomorrow, "short")

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        hand_write(app, app.context.writer, slow_plan)
        quitting = asyncio.create_task(app.action_quit())
        await asyncio.sleep(0.05)
        assert not quitting.done()  # held while the write is pending
        assert plans(app) == {}
        gate.set()
        await asyncio.wait_for(quitting, timeout=10)
    assert plans(app) == {tomorrow: "short"}


async def test_a_plan_added_in_a_calendar_closed_at_once_still_lands(make_app) -> None:
    app = make_app()
    gate = threading.Event()

    def held(name: str) -> None:
        gate.wait(timeout=10)

    watch_writes(app.context.log, held)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c", "right", "a", "escape")  # add tomorrow, leave at once
        await pilot.pause()
        assert not isinstance(app.screen, CalendarScreen)
        assert plans(app) == {}  # not yet: the writer is held
        gate.set()
        await settle(pilot)
        assert plans(app) == {date(2026, 11, 24): "short"}


async def test_a_refusal_after_its_screen_closed_is_said_by_the_app(make_app) -> None:
    app = make_app()
    gate = threading.Event()
    messages: list[Message] = []

    def held_then_refused(name: str) -> None:
        gate.wait(timeout=10)
        raise LogWriteError(app.context.log.path, OSError(28, "No space left on device"))

    watch_writes(app.context.log, held_then_refused)
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        await settle(pilot)
        await pilot.press("c", "right", "a", "escape")
        await pilot.pause()
        gate.set()
        await settle(pilot)
        [refusal] = [m for m in messages if isinstance(m, NotSaved)]
        assert "The disk is full" in refusal.reason
        assert plans(app) == {}


async def test_a_refused_set_is_said_and_lands_with_the_next_one(make_app, clock) -> None:
    """Disk full at set 1: the screen says so; space freed, set 2 brings set 1 first."""
    app = make_app(start=True)
    disk_full = [True]

    def refused_while_full(name: str) -> None:
        if name == "log_set" and disk_full[0]:
            raise LogWriteError(app.context.log.path, OSError(28, "No space left on device"))

    watch_writes(app.context.log, refused_while_full)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        clock.advance(5 * 60)
        screen.tick()
        await pilot.press("enter", *["space"] * 15, "enter")
        await settle(pilot)
        assert "NOT SAVED" in str(screen.query_one("#status").render())
        assert app.context.log.sessions() == []
        disk_full[0] = False
        clock.advance(15)
        screen.tick()  # the rest is over
        await pilot.press(*["space"] * 14, "enter")
        await settle(pilot)
        assert "Glute bridge set 2 saved" in str(screen.query_one("#status").render())
        [logged] = app.context.log.sessions()
        assert [(s.set, s.reps) for s in logged.sets] == [(1, 15), (2, 14)]
