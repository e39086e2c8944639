"""Each screen's footer, `?` help and the command palette all come from one declaration of its
commands (runstrength/commands.py), and no key is bound without a line of help."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

import runstrength.screens
from runstrength.app import RunStrengthApp
from runstrength.commands import APP_KEYS, PALETTE, Command, Keys
from runstrength.palette import RunStrengthCommands
from runstrength.screens.dialogs import HelpScreen
from tests.ui.every_screen import seed_history, visit_every_screen


def _screen_classes() -> list[type[Screen[object]]]:
    """Every full screen of the app (dialogs explain their few keys in their own text)."""
    found = []
    for module in pkgutil.iter_modules(runstrength.screens.__path__):
        loaded = importlib.import_module(f"runstrength.screens.{module.name}")
        for _, kind in inspect.getmembers(loaded, inspect.isclass):
            if (
                issubclass(kind, Screen)
                and not issubclass(kind, ModalScreen)
                and kind.__module__ == loaded.__name__
            ):
                found.append(kind)
    return found


SCREENS = _screen_classes()


def _commands_of(screen: type[Screen[object]]) -> Keys:
    declared = screen.__dict__.get("KEYS")
    assert isinstance(declared, Keys), f"{screen.__name__} declares no KEYS"
    return declared


def test_every_screen_is_found() -> None:
    names = {screen.__name__ for screen in SCREENS}
    assert {"HomeScreen", "SessionScreen", "HistoryScreen", "SettingsScreen"} <= names
    assert len(SCREENS) == 11


@pytest.mark.parametrize("screen", SCREENS, ids=lambda screen: screen.__name__)
def test_the_footer_is_made_from_the_declaration(screen: type[Screen[object]]) -> None:
    declared = _commands_of(screen)
    assert declared.bindings == screen.BINDINGS  # nothing bound beside the declaration


@pytest.mark.parametrize("screen", SCREENS, ids=lambda screen: screen.__name__)
def test_every_binding_has_a_line_of_help(screen: type[Screen[object]]) -> None:
    declared = _commands_of(screen)
    assert declared.title
    for command in (*declared.commands, *APP_KEYS.commands):
        keys, what = command.help_row
        assert keys.strip(), command
        assert what.strip(), f"{screen.__name__}: {keys} has no help text"
    rows = declared.help_rows(APP_KEYS.commands)
    # The app's own keys (sound, help) are in every screen's help, once.
    assert [keys for keys, _ in rows].count("m") == 1
    assert [keys for keys, _ in rows].count("?") == 1
    for command in declared.commands:
        if command.bindings:
            assert command.help_row in rows


def test_a_binding_with_no_help_text_is_refused_by_this_check() -> None:
    class Careless(Screen[object]):
        KEYS = Keys("careless", (Command("z", "", "zap", "Zap"),))
        BINDINGS = [*KEYS.bindings, Binding("y", "yank", "Yank")]

    with pytest.raises(AssertionError):
        test_the_footer_is_made_from_the_declaration(Careless)
    with pytest.raises(AssertionError, match="z has no help text"):
        test_every_binding_has_a_line_of_help(Careless)


async def test_on_every_screen_the_footer_and_help_are_the_declared_ones(make_app) -> None:
    """Walked through every screen: each key the footer shows is declared with help, and `?`
    shows exactly the declared help of the screen below."""
    app = make_app()
    seed_history(app)
    checked: list[str] = []

    async def look(name: str) -> None:
        screen = app.screen
        declared = screen.__dict__.get("KEYS") or type(screen).__dict__.get("KEYS")
        if not isinstance(declared, Keys):
            return  # a dialog, or the help itself
        bound = list(Binding.make_bindings([*declared.bindings, *APP_KEYS.bindings]))
        shown = [
            active.binding
            for active in screen.active_bindings.values()
            if active.binding.show and not active.binding.system
        ]
        assert shown, name
        for binding in shown:
            assert binding in bound, f"{name}: {binding.key} is not declared"
        app.action_help()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen), name
        assert app.screen.title_text == declared.title
        assert app.screen.rows == declared.help_rows(APP_KEYS.commands)
        app.screen.dismiss(None)
        await pilot.pause()
        assert app.screen is screen
        checked.append(name)

    async with app.run_test(size=(80, 24)) as pilot:
        await visit_every_screen(pilot, look)
    expected = {"home", "history", "session detail", "progress", "overview", "calendar"}
    assert expected | {"browser", "settings", "first run", "warm-up", "summary"} <= set(checked)


async def test_the_palette_offers_the_declared_commands(make_app) -> None:
    app: RunStrengthApp = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        offered = RunStrengthCommands(app.screen)._commands()
        declared = [(c.palette, c.help) for c in PALETTE]
        assert [(title, help_text) for title, help_text, _ in offered[: len(PALETTE)]] == declared
        assert all(title.startswith("Program: ") for title, _, _ in offered[len(PALETTE) :])
        for command in PALETTE:
            assert hasattr(app, f"action_{command.action.removeprefix('app.')}"), command


async def test_the_palette_names_each_command_once(make_app) -> None:
    app: RunStrengthApp = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        ours = [title for title, _, _ in RunStrengthCommands(app.screen)._commands()]
        textuals = [command.title for command in app.get_system_commands(app.screen)]
        both = ours + textuals
        assert "Theme" in ours
        assert "Quit" in textuals
        assert sorted(both) == sorted(set(both)), both  # no Theme or help twice
        assert "Keys" not in textuals  # the declared help (?) says it


async def test_during_a_session_the_palette_offers_what_is_declared_for_it(make_app) -> None:
    app = make_app(start=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [title for title, _, _ in RunStrengthCommands(app.screen)._commands()]
        assert titles == [c.palette for c in PALETTE if c.in_session]
        assert not app.check_action("history", ())
        assert app.check_action("toggle_sound", ())
