"""Settings: every value of config.toml in one form, checked by the core's rules, saved on request.

The theme is applied the moment it is picked; everything else takes effect on save.
Leaving without saving changes nothing (the theme goes back too).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static

from runstrength.commands import HELP, SOUND, Command, keys
from runstrength.config import save_settings
from runstrength.context import AppContext
from runstrength.core.programs import GOALS
from runstrength.core.settings import (
    GROUPS,
    SETTINGS,
    SPECS,
    Settings,
    SettingSpec,
    settings_from_mapping,
)
from runstrength.widgets.marks import MarkedCheckbox
from runstrength.widgets.sound_test import SoundTest
from runstrength.writes import SettingsSaved, hand_config_write


def _words(text: str) -> list[str]:
    return [word.strip() for word in text.split(",") if word.strip()]


def _number(text: str) -> object:
    """An int or float when the text is one, else the text (the core then says what is wrong)."""
    for kind in (int, float):
        try:
            return kind(text.strip())
        except ValueError:
            continue
    return text


SELECTS = ("choice", "program", "theme")
"""The kinds picked from a list; bool is a checkbox, every other kind is typed."""


class SettingsScreen(Screen[None]):
    CSS_PATH = ["shared.tcss", "settings.tcss"]
    KEYS = keys(
        "settings",
        Command("tab", "next field (shift+tab: back); the field you are on is highlighted"),
        Command("enter", "open a list · press a button"),
        Command("ctrl+s", "save to config.toml (comments kept)", "save", "Save", priority=True),
        Command("escape", "back without saving", "back", "Back"),
        SOUND.help_only(),
        HELP._replace(action="app.help", priority=True),
    )
    BINDINGS = KEYS.bindings

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self._saving: Settings | None = None
        """The settings of a save still being written (leaving then asks nothing)."""

    def compose(self) -> ComposeResult:
        settings = self.context.settings
        yield Header()
        with VerticalScroll(id="settings"):
            yield Label("Settings: tab moves between fields, ctrl+s saves", id="settings-title")
            for group, heading in GROUPS.items():
                if heading:
                    yield Label(heading, id=f"{group}-title", classes="group-title")
                for spec in SETTINGS:
                    if spec.group == group and spec.on_screen:
                        yield from self._row(spec, getattr(settings, spec.name))
                if not group:
                    yield SoundTest(self.context.sound.player, self._voice_choice, id="sound-test")
            yield Static("", id="errors")
            with Horizontal(id="buttons"):
                yield Button("Save", id="save", variant="primary", compact=True)
                yield Button("Back", id="back", compact=True)
            yield Label(self._where(), id="saved-to")
        yield Static("", id="field-help")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        # Focus on arrival: the first field, so tab and the arrows start from the top.
        self.query_one(f"#{SETTINGS[0].name}").focus()
        self.show_problems([])
        self.watch(self.app, "settings", self.settings_changed, init=False)

    def settings_changed(self, settings: Settings) -> None:
        """A theme picked from the palette meanwhile is kept already: the form shows it,
        so neither leaving nor saving the form puts the old one back."""
        theme = self.query_one("#theme", Select)
        if theme.value != settings.theme and settings.theme in self.app.available_themes:
            theme.value = settings.theme

    def _options(self, spec: SettingSpec) -> list[tuple[str | Text, str]]:
        """What a list offers: the declared choices, the programs loaded or the themes."""
        if spec.kind == "program":
            programs = self.context.programs.programs.values()
            return [(Text(f"{p.name}: {p.title}"), p.name) for p in programs]
        if spec.kind == "theme":
            return [(t, t) for t in sorted(self.app.available_themes)]
        return [(c, c) for c in spec.choices]

    def _control(self, spec: SettingSpec, value: Any) -> Widget:
        """The field for one setting, of the kind the schema declares."""
        if spec.kind == "bool":
            return MarkedCheckbox("on", value, id=spec.name, compact=True)
        if spec.kind in SELECTS:
            options = self._options(spec)
            if value not in [v for _, v in options]:  # an unknown program or theme
                fallbacks = {
                    "program": self.context.default_program().name,
                    "theme": self.app.theme,
                }
                value = fallbacks.get(spec.kind, spec.default)
            return Select(options, value=value, id=spec.name, compact=True, allow_blank=False)
        text = ", ".join(value) if isinstance(value, tuple) else str(value)
        return Input(text, id=spec.name, compact=True)

    def _voice_choice(self) -> str:
        """The voice setting as chosen on screen (tested before it is saved)."""
        value = self.query_one("#voice", Select).value
        return value if isinstance(value, str) else self.context.settings.voice

    def _row(self, spec: SettingSpec, value: Any) -> Iterator[Widget]:
        """The label, the field and its allowed values; under them, its own error line."""
        row = Horizontal(
            Label(spec.label, classes="setting-label"),
            self._control(spec, value),
            Label(spec.hint(), classes="setting-allowed"),
            classes="setting-row",
        )
        row.tooltip = spec.help
        yield row
        yield Static("", id=f"error-{spec.name}", classes="setting-error")

    def _where(self) -> str:
        if self.context.config_file is None:
            return "Settings are not saved in this run."
        return "ctrl+s saves to config.toml (`runstrength config path` shows where)"

    # --- reading the form ---------------------------------------------------------------

    def form_values(self) -> dict[str, Any]:
        """The form as a config mapping, checked later by the same rules as the file."""
        values: dict[str, Any] = {}
        for spec in SETTINGS:
            if not spec.on_screen:
                values[spec.name] = getattr(self.context.settings, spec.name)
            elif spec.kind == "bool":
                values[spec.name] = self.query_one(f"#{spec.name}", MarkedCheckbox).value
            elif spec.kind in SELECTS:
                value = self.query_one(f"#{spec.name}", Select).value
                if value is not Select.NULL:
                    values[spec.name] = value
            else:
                text = self.query_one(f"#{spec.name}", Input).value
                if spec.kind in ("int", "float"):
                    values[spec.name] = _number(text)
                elif spec.kind == "bands":
                    values[spec.name] = _words(text)
                elif spec.kind == "weekdays":
                    values[spec.name] = [word.lower() for word in _words(text)]
                else:
                    values[spec.name] = text.strip()
        return values

    def checked(self) -> tuple[Settings, list[str]]:
        settings, problems = settings_from_mapping(self.form_values(), "settings")
        return settings, [p.removeprefix("settings: ") for p in problems]

    # --- events -------------------------------------------------------------------------

    @on(Select.Changed, "#goal")
    def goal_changed(self, event: Select.Changed) -> None:
        # The goal picks the default program: follow it while a built-in one is chosen.
        program = self.query_one("#program", Select)
        if program.value in GOALS and event.value in self.context.programs.programs:
            program.value = event.value

    @on(Select.Changed, "#theme")
    def theme_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value in self.app.available_themes:
            self.app.theme = event.value

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Under the form, what the field you are on does."""
        spec = SPECS.get(event.widget.id or "")
        self.query_one("#field-help", Static).update(Text(spec.help) if spec else "")

    @on(Input.Changed)
    def input_changed(self, event: Input.Changed) -> None:
        _, problems = self.checked()
        mine = [p for p in problems if p.startswith(f"{event.input.id}:")]
        event.input.set_class(bool(mine), "-invalid")
        self.show_problems(problems)

    @on(Button.Pressed, "#save")
    def save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#back")
    def back_pressed(self) -> None:
        self.action_back()

    def show_problems(self, problems: list[str]) -> None:
        """Each problem under its own field; one that belongs to no field under the form."""
        by_field: dict[str, list[str]] = {}
        general: list[str] = []
        for problem in problems:
            key, _, what = problem.partition(": ")
            if what and key in SPECS and self.query(f"#error-{key}"):
                by_field.setdefault(key, []).append(what)
            else:
                general.append(problem)
        for line in self.query(".setting-error").results(Static):
            key = (line.id or "").removeprefix("error-")
            found = by_field.get(key, [])
            line.update(Text("↑ " + "; ".join(found)) if found else "")
            line.display = bool(found)
        errors = self.query_one("#errors", Static)
        errors.update(Text("Not saved: " + "\n".join(general)) if general else "")
        errors.display = bool(general)

    def action_save(self) -> None:
        settings, problems = self.checked()
        self.show_problems(problems)
        if problems:
            self.notify(
                "Not saved: fix the values marked in the form first", severity="warning", timeout=3
            )
            return
        self._saving = settings
        if self.context.config_file is None:  # in effect for this run only
            self.app.post_message(SettingsSaved(settings))
            return
        # The app puts the values in effect once written: the runner may leave meanwhile.
        hand_config_write(
            self.app,
            self.context,
            lambda path: save_settings(path, settings),
            said=lambda problem: SettingsSaved(settings, problem),
        )

    def show_saved(self) -> None:
        """The save asked for here has landed."""
        self.query_one("#saved-to", Label).update(self._where() + " ✓")

    def show_refused(self, problem: str) -> None:
        """The save asked for here could not be written: leaving now asks first."""
        self._saving = None
        self.show_problems([problem])

    def action_back(self) -> None:
        """Leave; with changes not saved, ask first."""
        settings, problems = self.checked()
        if not problems and settings in (self.context.settings, self._saving):
            self.dismiss(None)
            return

        def leave(yes: bool | None) -> None:
            if yes:
                self.dismiss(None)

        from runstrength.screens.edit_dialogs import ConfirmDialog

        detail = "Your changes here are not saved (ctrl+s saves them)."
        self.app.push_screen(ConfirmDialog("Leave without saving?", detail), leave)

    def on_unmount(self) -> None:
        # Leaving without saving: the theme picked for a look goes back.
        theme = self.context.settings.theme
        if self.app.theme != theme and theme in self.app.available_themes:
            self.app.theme = theme
