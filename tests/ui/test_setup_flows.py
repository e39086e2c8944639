"""First run, settings, the exercise browser, custom programs and the palette, driven by keys."""

from __future__ import annotations

import os
import threading
import tomllib
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, SelectionList, Static

from runstrength.app import RunStrengthApp
from runstrength.factory import build_context
from runstrength.paths import Paths
from runstrength.screens.browser import BrowserScreen
from runstrength.screens.dialogs import HelpScreen
from runstrength.screens.edit_dialogs import ConfirmDialog
from runstrength.screens.first_run import FirstRunScreen
from runstrength.screens.home import HomeScreen
from runstrength.screens.session import SessionScreen
from runstrength.screens.settings import SettingsScreen
from runstrength.widgets.sound_test import SoundTest
from tests.ui.screen_text import notices, screen_lines
from tests.ui.settling import settle

SIZE = (80, 24)

USER_CONFIG = """\
# my runstrength settings
warmup_minutes = 6   # short warm-up, I jog there

theme = "textual-dark"
rest_seconds = 30    # keep it moving
"""

HILLS = """\
name = "hills"
title = "Hill strength"
goal = "endurance"

[[exercise]]
id = "glute-bridge"
sets = 1
reps = 15
"""


@pytest.fixture(autouse=True)
def _quick_sound_test(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SoundTest, "GAP_SECONDS", 0.0)


def make(paths: Paths, clock, sound) -> RunStrengthApp:
    return RunStrengthApp(build_context(paths, clock=clock, sound=sound))


# --- first run -------------------------------------------------------------------------


async def test_first_run_asks_then_shows_the_matching_program(paths: Paths, clock, sound) -> None:
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FirstRunScreen)
        await pilot.press("down")  # the goal: sprint
        await pilot.press("enter")
        await pilot.press("tab")  # the bands, all five owned: keep only red and blue
        await pilot.press("space", "down", "down", "space", "down", "down", "space")
        assert screen.query_one("#bands", SelectionList).selected == ["red", "blue"]
        # Ticked or not shows without colour: a tick in the box, or an empty box.
        rows = {
            line.split()[-1]: line
            for line in screen_lines(app)
            if line.strip().endswith(("yellow", "red", "green", "blue", "black"))
        }
        assert "✓" in rows["red"]
        assert "✓" in rows["blue"]
        assert "✓" not in rows["yellow"]
        assert "X" not in rows["yellow"]
        goal_rows = [
            line for line in screen_lines(app) if "Sprint:" in line or "Endurance:" in line
        ]
        assert "●" in goal_rows[1]
        assert "●" not in goal_rows[0]
        await pilot.click("#sound-test-button")
        await settle(pilot)
        assert sound.played  # every cue went to the player
        assert "cues sent to the player" in screen.query_one(SoundTest).result
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.program.name == "sprint"
        assert "Sprinter" in str(app.screen.query_one("#program", Static).render())
    saved = tomllib.loads(paths.config_file.read_text())
    assert saved["goal"] == "sprint"
    assert saved["program"] == "sprint"
    assert saved["bands"] == ["red", "blue"]
    assert saved["first_run_done"] is True
    again = make(paths, clock, sound)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, HomeScreen)


async def test_skipping_the_first_run_is_remembered(paths: Paths, clock, sound) -> None:
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, FirstRunScreen)
        kept = "Skip keeps the defaults: the endurance program; bands owned: yellow, red"
        assert kept in "".join(screen_lines(app))
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        [note] = notices(app)
        assert note.startswith(f"First run skipped\n{kept}")
        assert app.screen.program.name == "endurance"
    assert tomllib.loads(paths.config_file.read_text())["first_run_done"] is True
    assert not build_context(paths, clock=clock, sound=sound).first_run


async def test_skipping_the_first_run_then_quitting_at_once_is_remembered(
    paths: Paths, clock, sound
) -> None:
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape", "q")
    assert tomllib.loads(paths.config_file.read_text())["first_run_done"] is True


async def test_settings_saved_then_left_at_once_are_saved_and_applied(
    paths: Paths, clock, sound
) -> None:
    user_config(paths)
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        app.screen.query_one("#warmup_minutes", Input).focus()
        await pilot.press("backspace", "9", "ctrl+s", "escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.context.settings.warmup_minutes == 9
    assert "warmup_minutes = 9" in paths.config_file.read_text()


BROKEN = "warmup_minutes = = 6\n"
"""A config.toml that a save refuses to change."""


@asynccontextmanager
async def settings_on_a_broken_file(
    paths: Paths, clock, sound
) -> AsyncIterator[tuple[RunStrengthApp, Pilot[None]]]:
    """The settings form open, its file broken behind it, the warm-up field focused."""
    user_config(paths)
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        paths.config_file.write_text(BROKEN)
        app.screen.query_one("#warmup_minutes", Input).focus()
        yield app, pilot


async def test_a_save_that_cannot_be_written_is_said_in_the_form_and_changes_nothing(
    paths: Paths, clock, sound
) -> None:
    async with settings_on_a_broken_file(paths, clock, sound) as (app, pilot):
        await pilot.press("backspace", "9", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        errors = str(app.screen.query_one("#errors", Static).render())
        assert "not valid TOML, so it was not changed" in errors
        assert "✓" not in str(app.screen.query_one("#saved-to").render())
        assert app.context.settings.warmup_minutes == 6
        assert not any("Settings saved" in note for note in notices(app))
        await pilot.press("escape")  # the change is still not saved: leaving asks
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
    assert paths.config_file.read_text() == BROKEN


async def test_a_save_that_cannot_be_written_after_the_form_was_left_is_said_on_home(
    paths: Paths, clock, sound
) -> None:
    async with settings_on_a_broken_file(paths, clock, sound) as (app, pilot):
        gate = threading.Event()  # the save waits behind it: it lands once the form is left
        app.context.writer.submit(lambda _: gate.wait(5))
        await pilot.press("backspace", "9", "ctrl+s", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        gate.set()
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        [note] = notices(app, "error")
        assert note.startswith("Settings not saved")
        assert "not valid TOML" in note
        assert app.context.settings.warmup_minutes == 6


async def test_saved_settings_reach_home_while_it_is_covered_and_keep_the_program_picked(
    paths: Paths, clock, sound
) -> None:
    user_config(paths)
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        await pilot.press("right")  # another program than the default one
        picked = home.program.name
        assert picked != app.context.default_program().name
        seen: list[int] = []
        home.watch(app, "settings", lambda new: seen.append(new.warmup_minutes), init=False)
        await pilot.press("comma")
        app.screen.query_one("#warmup_minutes", Input).focus()
        await pilot.press("backspace", "9", "ctrl+s")
        await settle(pilot)
        assert seen == [9]  # one new value, once, while home lies under the settings
        assert app.settings.warmup_minutes == 9
        program_text = str(home.query_one("#program", Static).render())
        assert "9 min warm-up" in program_text
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        assert home.program.name == picked  # only a new default program replaces it
        await pilot.press("comma")
        app.screen.query_one("#goal", Select).value = "sprint"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        assert home.program.name == app.context.default_program().name == "sprint"


async def test_no_first_run_when_settings_exist(paths: Paths, clock, sound) -> None:
    paths.config_dir.mkdir(parents=True)
    paths.config_file.write_text(USER_CONFIG)
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert paths.config_file.read_text() == USER_CONFIG


# --- settings --------------------------------------------------------------------------


def user_config(paths: Paths, text: str = USER_CONFIG) -> None:
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text(text)


async def test_settings_save_keeps_comments_and_writes_atomically(
    paths: Paths, clock, sound, monkeypatch: pytest.MonkeyPatch
) -> None:
    user_config(paths)
    app = make(paths, clock, sound)  # before the spy: the start keeps its parsed content
    renames: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(source: str, target: str) -> None:
        renames.append((str(source), str(target)))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", spy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        field = screen.query_one("#warmup_minutes", Input)
        assert field.value == "6"
        field.focus()
        await pilot.press("backspace", "1", "2")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.context.settings.warmup_minutes == 12
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        assert "12 min warm-up" in str(app.screen.query_one("#program", Static).render())
    text = paths.config_file.read_text()
    # The comment stays in the user's column (the one rest_seconds's is in too).
    assert text == USER_CONFIG.replace("warmup_minutes = 6   #", "warmup_minutes = 12  #")
    [(source, target)] = renames
    assert target == str(paths.config_file)
    assert Path(source).parent == paths.config_dir
    assert not Path(source).exists()


async def test_settings_refuse_a_value_out_of_range(paths: Paths, clock, sound) -> None:
    user_config(paths)
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        screen = app.screen
        field = screen.query_one("#rest_seconds", Input)
        field.focus()
        await pilot.press("backspace", "backspace", "9")
        assert field.has_class("-invalid")
        await pilot.press("ctrl+s")
        await settle(pilot)
        # The error sits right under its own field, not in a list at the bottom.
        error = screen.query_one("#error-rest_seconds", Static)
        assert "9 is outside 15-180" in str(error.render())
        assert error.region.y == field.region.y + 1
        assert not screen.query_one("#errors", Static).display
        assert app.context.settings.rest_seconds == 30
        await pilot.press("backspace", "3", "0")
        assert not error.display
    assert paths.config_file.read_text() == USER_CONFIG


async def test_settings_arrive_focused_and_show_where_you_are(paths: Paths, clock, sound) -> None:
    user_config(paths)
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        assert screen.focused is screen.query_one("#goal", Select)
        await pilot.press("tab", "tab", "tab")
        bell = screen.query_one("#bell")
        assert screen.focused is bell
        assert bell.parent is not None
        label = bell.parent.query_one(".setting-label")
        assert label.styles.text_style.reverse
        sound_row = screen.query_one("#sound").parent
        assert sound_row is not None
        other = sound_row.query_one(".setting-label")
        assert not other.styles.text_style.reverse
        await pilot.press("space", "ctrl+s")
        await settle(pilot)
        assert app.context.settings.bell is True
    assert "bell = true" in paths.config_file.read_text()


async def test_the_settings_screen_has_one_field_per_setting_with_its_help(
    paths: Paths, clock, sound
) -> None:
    from runstrength.core.settings import SETTINGS

    user_config(paths)
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        screen = app.screen
        on_screen = [spec for spec in SETTINGS if spec.on_screen]
        for spec in on_screen:
            row = screen.query_one(f"#{spec.name}").parent
            assert row is not None
            assert str(row.query_one(".setting-label", Static).render()) == spec.label
            assert str(row.query_one(".setting-allowed", Static).render()) == spec.hint()
        assert not screen.query("#first_run_done")
        help_line = screen.query_one("#field-help", Static)
        assert str(help_line.render()) == on_screen[0].help
        await pilot.press("tab")
        assert str(help_line.render()) == on_screen[1].help
        screen.query_one("#taper_days", Input).focus()
        await pilot.pause()
        assert "before a race" in str(help_line.render())
        assert "before a race" in " ".join(screen_lines(app))


async def test_theme_applies_at_once_and_is_saved(paths: Paths, clock, sound) -> None:
    user_config(paths)
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "textual-dark"
        await pilot.press("comma")
        app.screen.query_one("#theme", Select).value = "textual-light"
        await pilot.pause()
        assert app.theme == "textual-light"
        await pilot.press("escape")  # not saved: asked first
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("escape", "y")  # leave: back to the saved theme
        assert isinstance(app.screen, HomeScreen)
        assert app.theme == "textual-dark"
        await pilot.press("comma")
        app.screen.query_one("#theme", Select).value = "nord"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        assert app.theme == "nord"
    assert 'theme = "nord"\n' in paths.config_file.read_text()


async def test_a_bad_config_is_shown_once_on_home_and_never_rewritten(
    paths: Paths, clock, sound
) -> None:
    text = USER_CONFIG + "warmup_minutes_x = 3\nstretch_hold_seconds = 90\n"
    user_config(paths, text)
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = str(app.screen.query_one("#problems", Static).render())
        assert f"{paths.config_file}: line 7: stretch_hold_seconds: 90 is outside 15-60" in (
            shown.replace("\n", "")
        )
        assert "line 6: warmup_minutes_x: unknown key" in shown.replace("\n", "")
        assert app.context.settings.stretch_hold_seconds == 30
        assert app.context.settings.warmup_minutes == 6
        assert app.context.problems == []
    assert paths.config_file.read_text() == text


# --- the exercise browser --------------------------------------------------------------


async def test_browser_filters_by_muscle_and_equipment(paths: Paths, clock, sound) -> None:
    user_config(paths)
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        screen = app.screen
        assert isinstance(screen, BrowserScreen)
        everything = len(screen.shown)
        assert everything == len(app.context.catalogue.exercises)
        screen.query_one("#muscle", Select).value = "muscle:glutes"
        await pilot.pause()
        glutes = list(screen.shown)
        assert glutes
        assert all("glutes" in e.muscles for e in glutes)
        screen.query_one("#equipment", Select).value = "band"
        await pilot.pause()
        assert screen.shown
        assert set(screen.shown) < set(glutes)
        assert all(e.uses_band for e in screen.shown)
        screen.query_one("#muscle", Select).value = "region:upper"
        screen.query_one("#equipment", Select).value = "bodyweight"
        await pilot.pause()
        assert {e.id for e in screen.shown} >= {"push-up", "pike-push-up"}
        assert all(e.region == "upper" and not e.uses_band for e in screen.shown)
        await pilot.press("down")
        second = screen.shown[1]
        detail = str(screen.query_one("#detail", Static).render())
        assert second.name in detail
        assert second.cues[0] in detail
        assert app.context.catalogue.stretch_for(second).name in detail
        assert ("left, then on the right" in detail) == second.per_side
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


# --- a custom program ------------------------------------------------------------------


async def test_a_custom_program_runs_like_a_builtin(paths: Paths, clock, sound) -> None:
    user_config(paths)
    paths.programs_dir.mkdir()
    (paths.programs_dir / "hills.toml").write_text(HILLS)
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        while home.program.name != "hills":
            await pilot.press("right")
        assert "Hill strength" in str(home.query_one("#program", Static).render())
        await pilot.press("enter")
        session = app.screen
        assert isinstance(session, SessionScreen)
        clock.advance(6 * 60)
        session.tick()
        await pilot.press("enter", *["space"] * 15, "enter")
        while not session.engine.finished:
            clock.advance(30)
            session.tick()
            await pilot.pause()
        await settle(pilot)
        [logged] = app.context.log.sessions()
        assert logged.info.program == "hills"
        assert logged.status == "completed"
        assert [(s.exercise, s.reps) for s in logged.sets] == [("glute-bridge", 15)]


# --- help and the command palette ------------------------------------------------------


@pytest.mark.parametrize(("key", "title"), [("comma", "settings"), ("e", "exercise browser")])
async def test_help_on_each_new_screen(paths: Paths, clock, sound, key: str, title: str) -> None:
    user_config(paths)
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(key, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.title_text == title
        assert ("escape" in dict(app.screen.rows)) or ("escape / q" in dict(app.screen.rows))


async def test_help_on_the_first_run(paths: Paths, clock, sound) -> None:
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert "ctrl+s" in dict(app.screen.rows)


@pytest.mark.parametrize(
    ("typed", "screen_type"),
    [("Browse exercises", BrowserScreen), ("Settings", SettingsScreen)],
)
async def test_the_palette_opens_each_screen(
    paths: Paths, clock, sound, typed: str, screen_type: type
) -> None:
    user_config(paths)
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*typed)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, screen_type)


async def test_the_palette_picks_a_program(paths: Paths, clock, sound) -> None:
    user_config(paths)
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Program: Sprinter")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.program.name == "sprint"


class NoBackend:
    """A player like Playsound3Player on a machine with no audio backend."""

    def __init__(self) -> None:
        self.available: bool | None = None
        self.played: list[Sequence[str]] = []

    def play(self, sounds: Sequence[str]) -> None:
        self.played.append(sounds)
        self.available = False

    def prepare(self) -> None:
        pass  # this one only learns when it tries to play

    def close(self) -> None:
        pass


async def test_the_sound_test_says_when_there_is_no_sound(
    paths: Paths, clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from runstrength.core.cues import sound_test

    monkeypatch.setattr(SoundTest, "GAP_SECONDS", 0)
    user_config(paths)
    player = NoBackend()
    app = make(paths, clock, player)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        await pilot.click("#sound-test-button")
        await settle(pilot)
        result = app.screen.query_one(SoundTest).result
        assert result.startswith("No sound on this machine")
        assert [s for group in player.played for s in group] == list(sound_test("voice"))


async def test_changing_the_goal_follows_with_the_program(paths: Paths, clock, sound) -> None:
    user_config(paths)
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("comma")
        app.screen.query_one("#goal", Select).value = "sprint"
        await pilot.pause()
        assert app.screen.query_one("#program", Select).value == "sprint"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.program.name == "sprint"
    saved = tomllib.loads(paths.config_file.read_text())
    assert (saved["goal"], saved["program"]) == ("sprint", "sprint")


async def test_the_palette_lists_screens_and_actions(paths: Paths, clock, sound) -> None:
    from runstrength.palette import RunStrengthCommands

    user_config(paths)
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        provider = RunStrengthCommands(app.screen)
        titles = [title for title, _, _ in provider._commands()]
        for wanted in ("Start session", "Settings", "Browse exercises", "Toggle sound", "Theme"):
            assert wanted in titles
        assert "Program: Sprinter: full body" in titles
        assert ("History" in titles) == hasattr(app, "action_history")


async def test_first_run_styles_do_not_leak_into_settings(paths: Paths, clock, sound) -> None:
    """Both screens have a #goal; each screen's CSS must style only its own."""
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("comma")
        await pilot.pause()
        goal = app.screen.query_one("#goal", Select)
        program = app.screen.query_one("#program", Select)
        assert goal.region.width == program.region.width == 30


async def test_an_unknown_theme_is_reported_with_its_line(paths: Paths, clock, sound) -> None:
    user_config(paths, USER_CONFIG.replace('"textual-dark"', '"solarised-night"'))
    app = make(paths, clock, sound)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = str(app.screen.query_one("#problems", Static).render()).replace("\n", "")
        assert f'{paths.config_file}: line 4: theme: no theme named "solarised-night"' in shown
        assert "known: " in shown
        assert "textual-light" in shown
        assert app.theme == "textual-dark"
