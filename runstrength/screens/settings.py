"""Settings: every value of config.toml in one form, checked by the core's rules, saved on request.

The theme is applied the moment it is picked; everything else takes effect on save.
Leaving without saving changes nothing (the theme goes back too).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static

from runstrength.config import ConfigSaveError, save_settings
from runstrength.context import AppContext
from runstrength.core.programs import GOALS
from runstrength.core.settings import (
    RUN_RULE_MODES,
    SESSION_LAYOUTS,
    VOICE_MODES,
    Settings,
    settings_from_mapping,
)
from runstrength.screens.dialogs import HelpScreen
from runstrength.screens.plain import escape
from runstrength.widgets.marks import MarkedCheckbox
from runstrength.widgets.sound_test import SoundTest
from runstrength.writes import hand_write

VOICE_CHOICES = VOICE_MODES
# (key, label, allowed values shown to the user)
NUMBERS = [
    ("warmup_minutes", "Warm-up minutes", "5-15"),
    ("rest_seconds", "Rest between sets", "15-180 s"),
    ("stretch_hold_seconds", "Stretch hold", "15-60 s per side"),
    ("tempo_seconds", "Tempo cadence", "1.5-6 s per rep"),
]
RUN_NUMBERS = [
    ("long_run_minutes", "Long run from", "30-300 min"),
    ("max_hr", "Maximum heart rate", "0: unknown"),
    ("rest_hr", "Resting heart rate", "0: unknown"),
    ("taper_days", "Taper before a race", "0-21 days"),
    ("sessions_per_week", "Sessions a week", "1-4, for plan suggest"),
]


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


class SettingsScreen(Screen[None]):
    CSS_PATH = "settings.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "back", "Back"),
        Binding("question_mark", "help", "Help", key_display="?", priority=True),
    ]
    HELP_ROWS = [
        ("tab", "next field (shift+tab: back); the field you are on is highlighted"),
        ("enter", "open a list · press a button"),
        ("ctrl+s", "save to config.toml (comments kept)"),
        ("escape", "back without saving"),
        ("?", "this help"),
    ]

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.saved_theme = context.settings.theme
        self._saving: Settings | None = None
        """The settings of a save still being written (leaving then asks nothing)."""

    def compose(self) -> ComposeResult:
        s = self.context.settings
        programs = self.context.programs.programs
        themes = sorted(self.app.available_themes)
        yield Header()
        with VerticalScroll(id="settings"):
            yield Label("Settings: tab moves between fields, ctrl+s saves", id="settings-title")
            yield from self._row(
                "Goal",
                Select([(g, g) for g in GOALS], value=s.goal, id="goal", **_compact),
                "endurance | sprint",
            )
            program_options = [(Text(f"{p.name}: {p.title}"), p.name) for p in programs.values()]
            program_value = (
                s.program if s.program in programs else self.context.default_program().name
            )
            yield from self._row(
                "Program",
                Select(program_options, value=program_value, id="program", **_compact),
                "built-in or your own",
            )
            yield from self._row(
                "Sound",
                MarkedCheckbox("on", s.sound, id="sound", compact=True),
                "off: silent",
            )
            yield from self._row(
                "Bell",
                MarkedCheckbox("on", s.bell, id="bell", compact=True),
                "if no sound can play",
            )
            yield from self._row(
                "Voice",
                Select(
                    [(c, c) for c in VOICE_CHOICES],
                    value=s.voice,
                    id="voice",
                    **_compact,
                ),
                "voice | tones | off",
            )
            for key, label, allowed in NUMBERS:
                yield from self._row(
                    label, Input(str(getattr(s, key)), id=key, compact=True), allowed
                )
            yield from self._row(
                "Bands owned",
                Input(", ".join(s.bands), id="bands", compact=True),
                "light to heavy, or none",
            )
            yield from self._row(
                "Weekly rest days",
                Input(", ".join(s.weekly_rest_days), id="weekly_rest_days", compact=True),
                "e.g. friday, sunday",
            )
            theme = s.theme if s.theme in themes else self.app.theme
            yield from self._row(
                "Theme",
                Select([(t, t) for t in themes], value=theme, id="theme", **_compact),
                "applied at once",
            )
            yield from self._row(
                "Session layout",
                Select(
                    [(layout, layout) for layout in SESSION_LAYOUTS],
                    value=s.session_layout,
                    id="session_layout",
                    **_compact,
                ),
                "floor | compact · key f",
            )
            yield SoundTest(self.context.sound.player, self._voice_choice, id="sound-test")
            yield from self._run_rows(s)
            yield Static("", id="errors")
            with Horizontal(id="buttons"):
                yield Button("Save", id="save", variant="primary", compact=True)
                yield Button("Back", id="back", compact=True)
            yield Label(self._where(), id="saved-to")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        # Focus on arrival: the first field, so tab and the arrows start from the top.
        self.query_one("#goal", Select).focus()
        self.show_problems([])

    def _run_rows(self, s: Settings) -> ComposeResult:
        yield Label("Runs: strength days kept away from key runs", id="runs-title")
        yield from self._row(
            "Runs folder",
            Input(s.runs_folder, id="runs_folder", compact=True),
            "read at each start",
        )
        for key, label, allowed in RUN_NUMBERS:
            yield from self._row(label, Input(str(getattr(s, key)), id=key, compact=True), allowed)
        yield from self._row(
            "Running rules",
            Select([(m, m) for m in RUN_RULE_MODES], value=s.run_rules, id="run_rules", **_compact),
            "refuse | warn (ask)",
        )

    def _voice_choice(self) -> str:
        """The voice setting as chosen on screen (tested before it is saved)."""
        value = self.query_one("#voice", Select).value
        return value if isinstance(value, str) else self.context.settings.voice

    def _row(self, label: str, control: Any, allowed: str) -> Iterator[Widget]:
        """The label, the control and its allowed values; under them, its own error line."""
        yield Horizontal(
            Label(label, classes="setting-label"),
            control,
            Label(allowed, classes="setting-allowed"),
            classes="setting-row",
        )
        yield Static("", id=f"error-{control.id}", classes="setting-error")

    def _where(self) -> str:
        if self.context.config_file is None:
            return "Settings are not saved in this run."
        return "ctrl+s saves to config.toml (`runstrength config path` shows where)"

    # --- reading the form ---------------------------------------------------------------

    def form_values(self) -> dict[str, Any]:
        """The form as a config mapping, checked later by the same rules as the file."""

        def select(widget_id: str) -> Any:
            value = self.query_one(f"#{widget_id}", Select).value
            return None if value is Select.NULL else value

        values: dict[str, Any] = {
            "goal": select("goal"),
            "program": select("program"),
            "sound": self.query_one("#sound", MarkedCheckbox).value,
            "bell": self.query_one("#bell", MarkedCheckbox).value,
            "voice": select("voice") or "voice",
            "bands": _words(self.query_one("#bands", Input).value),
            "weekly_rest_days": [
                w.lower() for w in _words(self.query_one("#weekly_rest_days", Input).value)
            ],
            "theme": select("theme"),
            "session_layout": select("session_layout"),
            "first_run_done": self.context.settings.first_run_done,
        }
        for key, _, _ in NUMBERS + RUN_NUMBERS:
            values[key] = _number(self.query_one(f"#{key}", Input).value)
        values["runs_folder"] = self.query_one("#runs_folder", Input).value.strip()
        values["run_rules"] = select("run_rules")
        return {key: value for key, value in values.items() if value is not None}

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
            if what and self.query(f"#error-{key}"):
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
        if self.context.config_file is None:
            self.apply(settings)
            return
        self._saving = settings
        hand_write(self.app, self.context.writer, lambda _: self.write(settings))

    def write(self, settings: Settings) -> None:
        assert self.context.config_file is not None
        try:
            save_settings(self.context.config_file, settings)
        except ConfigSaveError as error:
            self.app.call_from_thread(self.save_failed, str(error))
        else:
            self.app.call_from_thread(self.apply, settings)

    def save_failed(self, reason: str) -> None:
        if self.is_attached:
            self.show_problems([reason])
        else:
            self.app.notify(
                escape(reason), title="Settings not saved", severity="error", timeout=10
            )

    def apply(self, settings: Settings) -> None:
        """The saved values take effect, even when the screen was left during the save."""
        changed = [
            f.name
            for f in fields(Settings)
            if getattr(settings, f.name) != getattr(self.context.settings, f.name)
        ]
        self.context.settings = settings
        self.context.sound.on = settings.sound
        self.saved_theme = settings.theme
        if settings.theme in self.app.available_themes:
            self.app.theme = settings.theme
        what = ", ".join(changed) if changed else "nothing changed"
        self.app.notify(f"Settings saved ({what})", timeout=3)
        if self.is_attached:
            self.query_one("#saved-to", Label).update(self._where() + " ✓")

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
        if self.app.theme != self.saved_theme and self.saved_theme in self.app.available_themes:
            self.app.theme = self.saved_theme

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("settings", self.HELP_ROWS))


_compact: dict[str, Any] = {"compact": True, "allow_blank": False}
