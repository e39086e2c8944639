"""The first run's band boxes start as the bands owned now: what Skip keeps is what shows."""

from __future__ import annotations

import tomllib

from textual.widgets import Label

from runstrength.app import RunStrengthApp
from runstrength.factory import build_context
from runstrength.paths import Paths
from runstrength.screens.first_run import FirstRunScreen
from runstrength.screens.home import HomeScreen
from runstrength.widgets.marks import MarkedSelectionList
from tests.ui.conftest import MakeApp
from tests.ui.screen_text import screen_lines
from tests.ui.settling import settle

SIZE = (80, 24)
USUAL = ["yellow", "red", "green", "blue", "black"]


def ticked_rows(app: RunStrengthApp, bands: list[str]) -> dict[str, bool]:
    """Per band row on screen: whether its box shows a tick."""
    rows = {}
    for line in screen_lines(app):
        words = line.split()
        if words and words[-1] in bands:
            rows[words[-1]] = "✓" in line
    return rows


async def test_the_boxes_start_with_the_bands_skip_would_keep(paths: Paths, clock, sound) -> None:
    app = RunStrengthApp(build_context(paths, clock=clock, sound=sound))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FirstRunScreen)
        assert screen.query_one("#bands", MarkedSelectionList).selected == USUAL
        assert ticked_rows(app, USUAL) == dict.fromkeys(USUAL, True)
        note = str(screen.query_one("#skip-note", Label).render())
        assert "bands owned: yellow, red, green, blue, black." in note
        await pilot.press("ctrl+s")  # done without touching them: the same as skip
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert tomllib.loads(paths.config_file.read_text())["bands"] == USUAL


async def test_unticking_a_band_leaves_it_out(paths: Paths, clock, sound) -> None:
    app = RunStrengthApp(build_context(paths, clock=clock, sound=sound))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "down", "space")  # red: no longer owned
        assert ticked_rows(app, USUAL) == {**dict.fromkeys(USUAL, True), "red": False}
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert tomllib.loads(paths.config_file.read_text())["bands"] == [
        "yellow",
        "green",
        "blue",
        "black",
    ]


async def test_setup_again_shows_the_bands_owned_own_names_included(make_app: MakeApp) -> None:
    app = make_app(bands=("purple", "red", "blue"))
    async with app.run_test(size=SIZE) as pilot:
        app.action_first_run()
        await pilot.pause()
        bands = app.screen.query_one("#bands", MarkedSelectionList)
        assert bands.selected == ["purple", "red", "blue"]
        offered = ["yellow", "purple", "red", "green", "blue", "black"]
        assert [str(bands.get_option_at_index(i).prompt) for i in range(6)] == offered
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.context.settings.bands == ("purple", "red", "blue")


async def test_bodyweight_only_starts_with_no_box_ticked(make_app: MakeApp) -> None:
    app = make_app(bands=())
    async with app.run_test(size=SIZE) as pilot:
        app.action_first_run()
        await pilot.pause()
        assert app.screen.query_one("#bands", MarkedSelectionList).selected == []
        assert ticked_rows(app, USUAL) == dict.fromkeys(USUAL, False)


def test_own_band_names_keep_their_order_among_the_usual_ones() -> None:
    from runstrength.screens.first_run import band_choices

    assert band_choices(tuple(USUAL)) == USUAL
    assert band_choices(()) == USUAL
    assert band_choices(("red", "yellow")) == ["red", "yellow", "green", "blue", "black"]
    assert band_choices(("light", "yellow", "red", "heavy")) == [
        "light",
        "yellow",
        "red",
        "green",
        "blue",
        "black",
        "heavy",
    ]
