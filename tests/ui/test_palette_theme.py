"""A theme picked from the command palette is kept in config.toml, comments and all."""

from __future__ import annotations

import tomllib

from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Select

from runstrength.app import RunStrengthApp
from runstrength.factory import build_context
from runstrength.paths import Paths
from runstrength.screens.home import HomeScreen
from runstrength.screens.settings import SettingsScreen
from tests.ui.settling import settle

SIZE = (80, 24)

USER_CONFIG = """\
# my runstrength settings
warmup_minutes = 6   # short warm-up, I jog there

theme = "textual-dark"
rest_seconds = 30    # keep it moving
"""


def make(paths: Paths, clock, sound) -> RunStrengthApp:
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    if not paths.config_file.exists():
        paths.config_file.write_text(USER_CONFIG)
    return RunStrengthApp(build_context(paths, clock=clock, sound=sound))


async def pick_theme(pilot: Pilot[None], theme: str) -> None:
    """ctrl+p, the Theme command, then the theme typed and chosen."""
    await pilot.press("ctrl+p", *"Theme")
    await pilot.pause(0.3)  # the palette searches in the background
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)  # now the list of themes
    await pilot.press(*theme)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await settle(pilot)


async def test_a_theme_picked_from_the_palette_is_there_next_time(
    paths: Paths, clock, sound
) -> None:
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pick_theme(pilot, "textual-light")
        assert isinstance(app.screen, HomeScreen)
        assert app.theme == "textual-light"
        assert app.context.settings.theme == "textual-light"
    text = paths.config_file.read_text()
    assert tomllib.loads(text)["theme"] == "textual-light"
    assert text == USER_CONFIG.replace('"textual-dark"', '"textual-light"')  # comments kept
    again = make(paths, clock, sound)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.theme == "textual-light"


async def test_a_theme_picked_over_the_settings_form_is_its_theme_too(
    paths: Paths, clock, sound
) -> None:
    """The form does not keep the old theme: leaving asks nothing and puts nothing back,
    and saving it does not undo the pick."""
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        await pilot.pause()
        await pick_theme(pilot, "textual-light")
        form = app.screen
        assert isinstance(form, SettingsScreen)
        assert form.query_one("#theme", Select).value == "textual-light"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.theme == "textual-light"
    assert tomllib.loads(paths.config_file.read_text())["theme"] == "textual-light"


async def test_the_problem_with_an_unknown_theme_goes_once_one_is_picked(
    paths: Paths, clock, sound
) -> None:
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text(USER_CONFIG.replace('"textual-dark"', '"no-such-theme"'))
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        problems = app.screen.query_one("#problems")
        assert "no theme named" in str(problems.render())
        await pick_theme(pilot, "nord")
        assert isinstance(app.screen, HomeScreen)
        assert "no theme named" not in str(problems.render())
