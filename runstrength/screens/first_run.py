"""The first run: goal, bands owned and a sound test, then home with the matching program.

Finished or skipped, it records `first_run_done = true` in config.toml and never shows again.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Label, RadioSet

from runstrength.commands import HELP, SOUND, Command, keys
from runstrength.config import save_settings
from runstrength.context import AppContext
from runstrength.core.settings import Settings
from runstrength.widgets.marks import MarkedRadioButton, MarkedSelectionList
from runstrength.widgets.sound_test import SoundTest
from runstrength.writes import hand_config_write

GOAL_CHOICES = [
    ("endurance", "Endurance: core and legs, for longer runs"),
    ("sprint", "Sprint: full body, arms and shoulders too"),
]


def band_choices(owned: tuple[str, ...]) -> list[str]:
    """The usual bands, light to heavy, with the runner's own names among them: each band
    owned keeps its place relative to the others owned (their order is light to heavy)."""
    usual = Settings().bands
    choices: list[str] = []
    waiting = list(owned)
    for band in usual:
        if band in choices:  # owned, and placed already before a lighter usual band
            continue
        if band in waiting:  # the runner's own bands lighter than this one come first
            choices += waiting[: waiting.index(band)]
            waiting = waiting[waiting.index(band) + 1 :]
        choices.append(band)
    return choices + waiting


class FirstRunScreen(Screen[None]):
    CSS_PATH = ["shared.tcss", "first_run.tcss"]
    KEYS = keys(
        "first run",
        Command("tab", "next question (shift+tab: back)"),
        Command("up,down", "move within a question"),
        Command("space,enter", "choose · tick a band · press a button"),
        Command("ctrl+s", "done: save and go to home", "done", "Done", priority=True),
        Command("escape", "skip: keep the defaults (never asked again)", "skip", "Skip"),
        SOUND.help_only(),
        HELP._replace(action="app.help"),
    )
    BINDINGS = KEYS.bindings

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.band_choices = band_choices(context.settings.bands)
        """The bands offered: the usual five and any of the runner's own."""

    def compose(self) -> ComposeResult:
        settings = self.context.settings
        yield Header()
        with VerticalScroll(id="first-run"):
            yield Label("Welcome to runstrength. Three quick questions.", id="welcome")
            yield Label("1. What do you train for?", classes="question")
            with RadioSet(id="goal", compact=True):
                for goal, text in GOAL_CHOICES:
                    yield MarkedRadioButton(text, value=goal == settings.goal, name=goal)
            yield Label(
                "2. Which resistance bands do you own? (none is fine: bodyweight only)",
                classes="question",
            )
            yield MarkedSelectionList(
                *[(band, band, band in settings.bands) for band in self.band_choices],
                id="bands",
                compact=True,
            )
            yield Label("3. Can you hear the cues?", classes="question")
            yield SoundTest(
                self.context.sound.player, lambda: self.context.settings.voice, id="sound-test"
            )
            with Horizontal(id="buttons"):
                yield Button("Done", id="done", variant="primary", compact=True)
                yield Button("Skip", id="skip", compact=True)
            yield Label(self.skip_text(), id="skip-note")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#goal", RadioSet).focus()

    def chosen(self) -> Settings:
        radio = self.query_one("#goal", RadioSet).pressed_button
        goal = radio.name if radio is not None and radio.name else self.context.settings.goal
        owned = set(self.query_one("#bands", MarkedSelectionList).selected)
        bands = tuple(band for band in self.band_choices if band in owned)
        return self.context.settings._replace(
            goal=goal, program=goal, bands=bands, first_run_done=True
        )

    @on(Button.Pressed, "#done")
    def done_pressed(self) -> None:
        self.action_done()

    @on(Button.Pressed, "#skip")
    def skip_pressed(self) -> None:
        self.action_skip()

    def action_done(self) -> None:
        self.finish(self.chosen())

    def skip_text(self) -> str:
        """What skipping keeps, said before and after: the answers on screen are not used."""
        settings = self.context.settings
        bands = ", ".join(settings.bands) if settings.bands else "none (bodyweight only)"
        return (
            f"Skip keeps the defaults: the {settings.program} program; "
            f"bands owned: {bands}. Settings (,) change them any time."
        )

    def action_skip(self) -> None:
        self.app.notify(self.skip_text(), title="First run skipped", timeout=5)
        self.finish(self.context.settings._replace(first_run_done=True))

    def finish(self, settings: Settings) -> None:
        self.context.settings = settings
        self.context.first_run = False
        hand_config_write(
            self.app, self.context, lambda path: save_settings(path, settings), severity="error"
        )
        self.dismiss(None)
