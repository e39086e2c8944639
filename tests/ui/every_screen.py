"""Walks an app through every screen and dialog, calling `look(name)` on each.

Shared by the checks that must hold everywhere: readable contrast in each theme, and a
fit at 80×24 (the last line and the footer visible).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, timedelta

from textual.pilot import Pilot

from runstrength.app import RunStrengthApp
from runstrength.core.wording import plural
from runstrength.screens.resume import ResumeDialog
from runstrength.screens.start_dialogs import ConfirmTomorrow
from tests.sample_history import sample_history

Look = Callable[[str], Awaitable[None] | None]

TODAY = date(2026, 11, 23)


def seed_history(app: RunStrengthApp, weeks: int = 12) -> None:
    """Weeks of the endurance program logged before today (the fake clock's day)."""
    program = app.context.programs.get("endurance")
    assert program is not None
    zone = app.context.clock.now().tzinfo
    assert zone is not None
    year = sample_history(
        program,
        app.context.settings.bands,
        until=TODAY,
        weeks=weeks,
        zone=zone,
    )
    app.context.log.add_sessions(year)


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def _look(look: Look, name: str) -> None:
    result = look(name)
    if result is not None:
        await result


async def visit_every_screen(pilot: Pilot[None], look: Look) -> list[str]:
    """Home, history and its screens, calendar, browser, settings, first run, a session from
    warm-up to summary, and every question on the way; back on home at the end."""
    app = pilot.app
    assert isinstance(app, RunStrengthApp)
    seen: list[str] = []

    async def visit(name: str, *keys: str) -> None:
        if keys:
            await pilot.press(*keys)
        await settle(pilot)
        seen.append(name)
        await _look(look, name)

    await visit("home")
    await visit("home help", "question_mark")
    await pilot.press("escape")
    await visit("history", "h")
    await visit("history filter", "slash")
    await pilot.press("escape")
    await visit("session detail", "enter")
    await visit("correct set", "c")
    await pilot.press("escape")
    await visit("delete set", "x")
    await pilot.press("n")
    await visit("delete session", "D")
    await pilot.press("n", "escape")
    await visit("progress", "p")
    await pilot.press("escape")
    await visit("overview", "o")
    await pilot.press("escape", "escape")
    await visit("calendar", "c")
    await visit("calendar help", "question_mark")
    await pilot.press("escape", "escape")
    await visit("browser", "e")
    await pilot.press("escape")
    await visit("settings", "comma")
    await pilot.press("escape")
    await settle(pilot)
    app.action_first_run()
    await visit("first run")
    await pilot.press("ctrl+s")
    await settle(pilot)
    await visit("warm-up", "enter")
    await visit("session help", "question_mark")
    await pilot.press("escape")
    await visit("intro", "S")
    await visit("set", "enter")
    await visit("big", "f")
    await pilot.press("f", *["space"] * 5)
    await visit("rest", "enter")
    await visit("stop question", "q")
    await pilot.press("n")
    await pilot.press("s", "enter", *["space"] * 5, "enter")
    await visit("stretch")
    await pilot.press("s", "s")
    await visit("hold", "enter")
    await pilot.press("q", "x")
    await visit("summary")
    await pilot.press("enter")
    await settle(pilot)
    # The questions home asks on its own: tomorrow's plan, an interrupted session.
    await app.push_screen(ConfirmTomorrow("sprint", TODAY + timedelta(days=1), None))
    await visit("tomorrow question")
    await pilot.press("escape")
    interrupted = app.context.log.sessions()[-1]
    await app.push_screen(
        ResumeDialog(
            interrupted, "Band squat", 'The program "sprint" is gone, so it cannot be resumed.'
        )
    )
    await visit("resume question")
    await pilot.press("escape")
    await settle(pilot)
    assert len(seen) == len(set(seen)), plural(len(seen), "screen")
    return seen
