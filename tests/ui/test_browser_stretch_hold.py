"""The exercise browser says how long the stretch after an exercise is held in a session:
the runner's own setting, not the catalogue's suggestion."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from runstrength.screens.browser import BrowserScreen


async def test_the_stretch_hold_is_the_users_setting(make_app) -> None:
    app = make_app(stretch_hold_seconds=20)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("e")
        screen = app.screen
        assert isinstance(screen, BrowserScreen)
        dead_bug = next(i for i, e in enumerate(screen.shown) if e.id == "dead-bug")
        screen.query_one("#exercises", OptionList).highlighted = dead_bug
        await pilot.pause()
        detail = str(screen.query_one("#detail", Static).render())
        stretch = app.context.catalogue.stretch_for(screen.shown[dead_bug])
        assert stretch.hold_seconds != 20  # the catalogue's own figure is not the one shown
        assert f"Then stretch: {stretch.name}, held 20 s" in detail
