"""The command palette's runstrength commands: every screen, and the common actions.

Each command names an app action; one the app does not have (yet) is left out, so a
screen added later shows up here as soon as the app gains its `action_<name>`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from runstrength.screens.plain import escape

if TYPE_CHECKING:
    from runstrength.app import RunStrengthApp

# (title, what it does, app action)
COMMANDS = [
    ("Start session", "start a session of the program on home", "start_session"),
    (
        "Recovery routine",
        "stretches and easy moves for a rest day (never counted as training)",
        "recovery",
    ),
    ("Home", "back to the home screen", "home"),
    ("History", "the sessions you logged", "history"),
    ("Training load", "load of runs and strength per week, and the ratio", "load"),
    ("Calendar and schedule", "rest days and planned sessions", "calendar"),
    ("Settings", "goal, program, sound, timers, bands, theme", "settings"),
    ("Browse exercises", "the catalogue by muscle group and equipment", "browse"),
    ("First-run setup", "goal, bands and a sound test again", "first_run"),
    ("Toggle sound", "sound on or off for this run", "toggle_sound"),
    ("Theme", "pick a light or dark theme (saved from settings)", "change_theme"),
    ("Help", "the keys of the screen you are on", "help"),
]


DURING_SESSION = {"toggle_sound", "change_theme", "help"}


class RunStrengthCommands(Provider):
    """Screens, actions and 'Program: …' to pick each loaded program on home."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app: RunStrengthApp = self.app  # type: ignore[assignment]
        # During a session only what leaves it alone is offered.
        running = app.running_session() is not None
        found: list[tuple[str, str, Callable[[], object]]] = [
            (title, help_text, partial(app.run_action, action))
            for title, help_text, action in COMMANDS
            if hasattr(app, f"action_{action}") and (not running or action in DURING_SESSION)
        ]
        if running:
            return found
        for program in app.context.programs.programs.values():
            kind = "built-in" if program.builtin else "your own"
            found.append(
                (
                    f"Program: {program.title}",
                    f"{program.name} · {program.goal} · {kind}",
                    partial(app.choose_program, program.name),
                )
            )
        return found

    # A program's title is text from its file: every title is shown as Content (plain
    # text) and help as escaped markup, never read as markup itself.

    async def discover(self) -> Hits:
        for title, help_text, command in self._commands():
            yield DiscoveryHit(Content(title), command, text=title, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, command in self._commands():
            score = matcher.match(title)
            if score > 0:
                shown = Content(title)
                _, offsets = matcher.fuzzy_search.match(query, title)
                for offset in offsets:
                    if not title[offset].isspace():
                        shown = shown.stylize(matcher.match_style, offset, offset + 1)
                yield Hit(score, shown, command, text=title, help=escape(help_text))
