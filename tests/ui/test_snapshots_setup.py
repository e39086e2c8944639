"""How the settings, first-run, exercise browser and its help look at 80x24."""

from __future__ import annotations

from textual.pilot import Pilot

SIZE = (80, 24)


def press(*keys: str):
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run_before


def test_settings(snap_compare, make_app) -> None:
    """Every setting with its allowed values; the top of the form."""
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=press("comma"))


def test_first_run(snap_compare, make_app) -> None:
    """The first-run questions: goal, bands, sound test."""
    app = make_app()
    app.context.first_run = True
    assert snap_compare(app, terminal_size=SIZE, run_before=press())


def test_browser(snap_compare, make_app) -> None:
    """The exercise browser with the second exercise picked."""
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=press("e", "down"))


def test_browser_help(snap_compare, make_app) -> None:
    """? on the exercise browser lists its keys."""
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=press("e", "question_mark"))
