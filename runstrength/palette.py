"""The command palette's runstrength commands: every screen, and the common actions.

What it offers is declared once in `runstrength.commands.PALETTE` (the same declarations
give the keys and the `?` help); the app's `check_action` says which are available now.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from runstrength.commands import PALETTE
from runstrength.screens.plain import escape

if TYPE_CHECKING:
    from runstrength.app import RunStrengthApp


class RunStrengthCommands(Provider):
    """Screens, actions and 'Program: …' to pick each loaded program on home."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app: RunStrengthApp = self.app  # type: ignore[assignment]
        found: list[tuple[str, str, Callable[[], object]]] = [
            (command.palette, command.help, partial(app.run_action, command.action))
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
