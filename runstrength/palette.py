"""The command palette's runstrength commands: every screen, and the common actions.

What it offers is declared once in `runstrength.commands.PALETTE` (the same declarations
give the keys and the `?` help); the app's `check_action` says which are available now.
Its Theme command lists Textual's themes; the one picked is kept in config.toml, as the
settings screen keeps it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.theme import ThemeProvider

from runstrength.commands import PALETTE, Command
from runstrength.screens.plain import escape
from runstrength.writes import remember_setting

if TYPE_CHECKING:
    from runstrength.app import RunStrengthApp


class ThemeChoices(ThemeProvider):
    """Textual's list of themes; the one picked is in effect at once and written to
    config.toml through the one writer (the file's other lines and comments kept)."""

    @property
    def commands(self) -> list[tuple[str, Callable[[], None]]]:
        app: RunStrengthApp = self.app  # type: ignore[assignment]

        def keep(name: str) -> None:
            remember_setting(app, app.context, "theme", name)  # the app's theme follows

        return [(name, partial(keep, name)) for name in sorted(app.available_themes)]


def pick_theme(app: RunStrengthApp) -> None:
    """The palette's list of themes (Textual's own would not keep the theme picked)."""
    app.push_screen(CommandPalette(providers=[ThemeChoices], placeholder="Search for themes…"))


def _run(app: RunStrengthApp, command: Command) -> Callable[[], object]:
    return partial(app.run_action, command.action)


class RunStrengthCommands(Provider):
    """Screens, actions and 'Program: …' to pick each loaded program on home."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app: RunStrengthApp = self.app  # type: ignore[assignment]
        found: list[tuple[str, str, Callable[[], object]]] = [
            (command.palette, command.help, _run(app, command))
            for command in PALETTE
            if app.check_action(command.action.removeprefix("app."), ())
        ]
        # During a session only what leaves it alone is offered.
        if app.running_session() is not None:
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
