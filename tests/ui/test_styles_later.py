"""The first frame parses home's styles alone; the dialogs' and the history's are read
once home is up, parsed on their own, so opening a dialog or the history then does not
parse every stylesheet again. A screen opened before that is styled all the same."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import PurePath

import pytest
from textual.color import Color
from textual.screen import Screen

import runstrength.screens
from runstrength.app import RunStrengthApp
from runstrength.screens import registry
from runstrength.screens.dialogs import HelpScreen
from runstrength.screens.home import HomeScreen


def _loaded(app: RunStrengthApp, path: PurePath) -> bool:
    return app.stylesheet.has_source(str(path))


def test_the_first_frame_comes_without_the_other_screens_styles(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    app: RunStrengthApp = make_app()
    seen: list[tuple[bool, ...]] = []

    def painted() -> None:
        if not seen:
            seen.append(tuple(_loaded(app, path) for path in registry.LATER_CSS))
            app.exit()

    monkeypatch.setattr(app, "post_display_hook", painted)
    app.run(headless=True, size=(80, 24))
    assert seen == [(False, False)]


async def _help_border(app: RunStrengthApp, pilot) -> Color:
    await pilot.press("question_mark")
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen)
    return app.screen.query_one(".dialog").styles.border.top[1]


async def test_once_home_shows_the_log_a_dialog_opens_without_parsing_every_stylesheet(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    app: RunStrengthApp = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert all(_loaded(app, path) for path in registry.LATER_CSS)  # no timer waited for
        reparsed: list[bool] = []
        monkeypatch.setattr(app.stylesheet, "reparse", lambda: reparsed.append(True))
        border = await _help_border(app, pilot)
        assert reparsed == []
        assert border == Color.parse(app.theme_variables["accent"])  # styled as a dialog


async def test_a_dialog_opened_before_is_styled_too(
    make_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    app: RunStrengthApp = make_app()
    monkeypatch.setattr(RunStrengthApp, "on_home_shown", lambda *_: None)  # home not yet up
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not any(_loaded(app, path) for path in registry.LATER_CSS)
        border = await _help_border(app, pilot)
        assert border == Color.parse(app.theme_variables["accent"])


def test_every_screen_but_home_lists_the_shared_styles() -> None:
    found: list[type[Screen[object]]] = []
    for module in pkgutil.iter_modules(runstrength.screens.__path__):
        loaded = importlib.import_module(f"runstrength.screens.{module.name}")
        for value in vars(loaded).values():
            ours = isinstance(value, type) and value.__module__ == loaded.__name__
            if ours and issubclass(value, Screen) and value is not HomeScreen:
                found.append(value)
    assert len(found) >= 15
    for screen in found:
        listed = screen.CSS_PATH if isinstance(screen.CSS_PATH, list) else [screen.CSS_PATH]
        assert "shared.tcss" in [PurePath(str(path)).name for path in listed], screen
