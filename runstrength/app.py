"""The Textual app: built from an AppContext, it only hosts screens and app-wide keys."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.app import App
from textual.binding import Binding

from runstrength.context import AppContext
from runstrength.core.programs import Program
from runstrength.screens.dialogs import TooSmall
from runstrength.screens.home import HomeScreen

MIN_SIZE = (80, 24)


class RunStrengthApp(App[None]):
    TITLE = "runstrength"
    # Home is the default screen, whose own CSS_PATH Textual does not load: the app does.
    CSS_PATH = [
        Path(__file__).with_name("app.tcss"),
        Path(__file__).with_name("screens") / "home.tcss",
    ]
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("m", "toggle_sound", "Sound"),
        Binding("question_mark", "help", "Help", key_display="?"),
    ]

    def __init__(self, context: AppContext, start_with: Program | None = None) -> None:
        super().__init__()
        self.context = context
        self.start_with = start_with
        self._too_small: TooSmall | None = None
        self._screens_ready = False

    def get_default_screen(self) -> HomeScreen:
        # Home is the app's first screen itself: no empty default screen is built first.
        return HomeScreen(self.context)

    async def on_mount(self) -> None:
        theme = self.context.settings.theme
        if theme in self.available_themes and theme != self.theme:
            self.theme = theme
        if self.start_with is not None:
            from runstrength.screens.session import SessionScreen  # not needed on home

            await self.push_screen(SessionScreen(self.context, self.start_with))
        self._screens_ready = True
        self.check_size(self.size.width, self.size.height)

    def on_resize(self, event: events.Resize) -> None:
        # The first resize arrives before the screens are up; on_mount checks then.
        if self._screens_ready:
            self.check_size(event.size.width, event.size.height)

    def check_size(self, width: int, height: int) -> None:
        small = width < MIN_SIZE[0] or height < MIN_SIZE[1]
        if small and self._too_small is None:
            self._too_small = TooSmall(MIN_SIZE)
            self.push_screen(self._too_small)
        elif small and self._too_small is not None:
            self._too_small.show_size(width, height)
        elif not small and self._too_small is not None:
            self._too_small.dismiss(None)
            self._too_small = None

    def action_toggle_sound(self) -> None:
        self.context.sound_on = not self.context.sound_on
        self.notify("Sound on" if self.context.sound_on else "Sound off", timeout=2)
        show_status = getattr(self.screen, "show_status", None)
        if show_status is not None:
            show_status()

    def action_help(self) -> None:
        help_action = getattr(self.screen, "action_help", None)
        if help_action is not None:
            help_action()
