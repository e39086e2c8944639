"""The Textual app: built from an AppContext, it only hosts screens and app-wide keys."""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App, SystemCommand
from textual.filter import LineFilter
from textual.reactive import reactive

from runstrength.commands import APP_KEYS, PALETTE, Keys
from runstrength.config import unknown_theme
from runstrength.context import AppContext
from runstrength.core.programs import Program
from runstrength.core.settings import Settings
from runstrength.messages import HomeShown, SoundSwitched
from runstrength.palette import RunStrengthCommands, pick_theme
from runstrength.screens import registry as screens
from runstrength.theme import readable_variables
from runstrength.widgets.control_filter import ControlCharacters
from runstrength.writes import NotSaved, SettingsSaved, finish_writes

if TYPE_CHECKING:
    from textual.screen import Screen

    from runstrength.screens.dialogs import TooSmall
    from runstrength.screens.home import HomeScreen
    from runstrength.screens.session import SessionScreen

logger = logging.getLogger(__name__)

# Screens are made through the registry, which loads each module when it first opens:
# their widgets (inputs, selects, lists) would otherwise add to every start-up.

MIN_SIZE = (80, 24)
"""What the app's screens need; a screen that makes do with less says so in its own
`MIN_SIZE` (the session: it is used from a phone or tablet on the floor)."""
HOME_UP_WAIT = 2.0
"""Seconds after the app mounts before it does what the start left for later: the garbage
collector runs again (see `run`), and the other screens' styles are read."""

_DECLARED_SYSTEM_COMMANDS = {"Theme", "Keys"}

_PALETTE_ACTIONS = {command.action.removeprefix("app."): command for command in PALETTE}


CONTROL_FILTER = ControlCharacters()


class RunStrengthApp(App[None]):
    TITLE = "runstrength"
    # Home is the default screen, whose own CSS_PATH Textual does not load: the app does.
    # The other screens' styles wait until home is up (see `_home_is_up`).
    CSS_PATH = screens.HOME_CSS
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {RunStrengthCommands}
    BINDINGS = APP_KEYS.bindings
    settings: reactive[Settings] = reactive(Settings(), init=False)
    """The settings in effect, replaced whole on a save: screens watch it."""

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        # Textual's own Theme and Keys would sit beside ours (commands.py): once each.
        for command in super().get_system_commands(screen):
            if command.title not in _DECLARED_SYSTEM_COMMANDS:
                yield command

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, and one that keeps text from files from driving the terminal."""
        return [*super().get_line_filters(), CONTROL_FILTER]

    def __init__(
        self, context: AppContext, start_with: Program | None = None, recovery: bool = False
    ) -> None:
        """`start_with`: open straight into a session of it (`recovery`: its recovery routine)."""
        super().__init__()
        self.context = context
        self.set_reactive(RunStrengthApp.settings, context.settings)
        context.live = self  # from now on the context reads and writes these reactives
        # Found before home first shows, so it lists this problem with the others.
        theme_problem = unknown_theme(context.config_file, context.settings, self.available_themes)
        if theme_problem and theme_problem not in context.problems:
            context.problems.append(theme_problem)
        self.start_with = start_with
        self.recovery = recovery
        self._too_small: TooSmall | None = None
        self._screens_ready = False
        self._leaving = False

    def get_css_variables(self) -> dict[str, str]:
        # Every text colour of every theme is made readable on its backgrounds.
        variables = readable_variables(super().get_css_variables())
        self.theme_variables = variables
        return variables

    def running_session(self, *, on_top: bool = False) -> SessionScreen | None:
        """The session under way (not yet at its summary) anywhere in the screen stack,
        or only when it is the screen shown (`on_top`)."""
        return screens.running_session([self.screen] if on_top else self.screen_stack)

    def run(self, *args: Any, **kwargs: Any) -> None:
        # What is loaded by now (Textual, the content, the log) lives as long as the app:
        # moved out of the collector's reach, it is not scanned again and again, which
        # shortens the start and keeps pauses out of the timers. Until home is up the
        # collector waits: the start makes many objects and leaves little garbage.
        gc.freeze()
        gc.disable()
        try:
            return super().run(*args, **kwargs)
        finally:
            gc.enable()

    def _handle_exception(self, error: Exception) -> None:
        # A fault in the program, not in the user's files: its traceback goes to the log
        # file in the state folder, where a report can find it.
        logger.error("unexpected error", exc_info=error)
        super()._handle_exception(error)

    def get_default_screen(self) -> HomeScreen:
        # Home is the app's first screen itself: no empty default screen is built first.
        return screens.home(self.context, self.start_with)

    def watch_settings(self, settings: Settings) -> None:
        if settings.theme in self.available_themes and settings.theme != self.theme:
            self.theme = settings.theme

    async def on_mount(self) -> None:
        self.set_timer(HOME_UP_WAIT, self._home_is_up)
        self.screen_change_signal.subscribe(self, self._screen_changed)
        self.watch_settings(self.settings)
        home = self.screen
        if self.start_with is not None and screens.is_home(home) and self.recovery:
            home.start_recovery()  # not training: the rest-day rule does not apply
        elif self.start_with is not None and screens.is_home(home):
            await home.start_at_launch()  # the rest-day rule and tomorrow's plan apply too
        elif self.context.first_run:
            await self.push_screen(screens.first_run(self.context))
        self._screens_ready = True
        self.check_size(self.size.width, self.size.height)

    def _home_is_up(self) -> None:
        """What the start made stays out of the collector's reach too."""
        gc.freeze()
        gc.enable()
        self.on_home_shown()  # should home not have said so (a session opened at start)

    def on_home_shown(self, _: HomeShown | None = None) -> None:
        """The styles of the dialogs and the history, read and parsed on their own once
        home is complete: a screen that lists them then finds them loaded, where Textual
        would parse every stylesheet again for it."""
        later = [path for path in screens.LATER_CSS if not self.stylesheet.has_source(str(path))]
        for path in later:
            self.stylesheet.read(path)
        if later:
            self.stylesheet.parse()

    def on_resize(self, event: events.Resize) -> None:
        # The first resize arrives before the screens are up; on_mount checks then.
        if self._screens_ready:
            self.check_size(event.size.width, event.size.height)

    def _screen_changed(self, _: Screen[Any]) -> None:
        # Screens need different sizes (a session makes do with less than home).
        if self._screens_ready:
            self.check_size(self.size.width, self.size.height)

    def needed_size(self) -> tuple[int, int]:
        """What the screen in use needs: the topmost full screen's (a dialog, or the
        too-small notice, goes by the screen under it, unless it says what it needs)."""
        top = self.screen_stack[-1] if self.screen_stack else None
        own: tuple[int, int] | None = vars(type(top)).get("MIN_SIZE") if top else None
        if top is not None and top.is_modal and own is not None:
            return own
        full = next((s for s in reversed(self.screen_stack) if not s.is_modal), None)
        need: tuple[int, int] = getattr(full, "MIN_SIZE", MIN_SIZE)
        return need

    def check_size(self, width: int, height: int) -> None:
        need = self.needed_size()
        small = width < need[0] or height < need[1]
        if small and self._too_small is None:
            running = self.running_session(on_top=True) is not None
            self._too_small = screens.too_small(need, session_running=running)
            self.push_screen(self._too_small, self._too_small_closed)
        elif small and self._too_small is not None:
            self._too_small.need = need
            self._too_small.show_size(width, height)
        elif not small and self._too_small is not None and self.screen is self._too_small:
            self._too_small.dismiss(None)
        # Under a stop question it waits: the screen change that closes the question checks.

    def _too_small_closed(self, _: None) -> None:
        self._too_small = None

    async def action_quit(self) -> None:
        """ctrl+q (and q over the too-small notice): during a session ask first, like q,
        so nothing is left half-logged."""
        session = self.running_session()
        if session is not None:
            session.action_quit_session()
            return
        for screen in self.screen_stack:  # a summary's answer to "How hard was it?"
            if screens.is_session(screen):
                screen.keep_effort()
        self._leaving = True
        await finish_writes(self, self.context.writer)
        self.exit()

    async def on_event(self, event: events.Event) -> None:
        # While quitting waits for the last writes, keys and clicks are let go: a screen
        # opened then would be torn down half made.
        if self._leaving and isinstance(event, events.InputEvent):
            return
        await super().on_event(event)

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """Save the screen as SVG to a folder that exists, and say where (or why not)."""
        from runstrength.paths import screenshot_dir
        from runstrength.screens.plain import escape

        folder = Path(path) if path else screenshot_dir(self.context.log.path.parent)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            saved = Path(self.save_screenshot(filename, str(folder), time_format))
        except OSError as error:
            reason = escape(f"{folder}: {error.strerror or error}")
            self.notify(f"Not saved: {reason}", title="Screenshot", severity="error", timeout=10)
            return None
        self.notify(f"Saved to {escape(str(saved))}", title="Screenshot", timeout=8)
        return None

    def action_change_theme(self) -> None:
        """The themes to pick from; the one picked is kept in config.toml (Textual's own
        list would not keep it)."""
        pick_theme(self)

    def action_toggle_sound(self) -> None:
        sound = self.context.sound
        sound.on = not sound.on
        # A plain on/off note is brief; "on, but nothing can be heard" stays longer.
        surprising = sound.on and sound.silence_reason() is not None
        self.notify(sound.line(), timeout=5 if surprising else 2)
        for screen in self.screen_stack:
            screen.post_message(SoundSwitched(sound.on))

    def on_not_saved(self, message: NotSaved) -> None:
        """A write refused with no screen left to say so (see writes.py)."""
        from runstrength.screens.plain import escape

        logger.warning("%s: %s", message.title, message.reason)
        timeout = 15 if message.severity == "error" else 8
        self.notify(
            escape(message.reason), title=message.title, severity=message.severity, timeout=timeout
        )

    def on_settings_saved(self, message: SettingsSaved) -> None:
        """A save from the settings screen has landed, whether or not the screen is still
        open: its values take effect, or why they could not be written is said there."""
        from runstrength.core.settings import SETTINGS
        from runstrength.screens.plain import escape

        form = next((s for s in self.screen_stack if screens.is_settings(s)), None)
        if message.problem is not None:
            if form is not None:
                form.show_refused(message.problem)
            else:
                self.notify(
                    escape(message.problem),
                    title="Settings not saved",
                    severity="error",
                    timeout=10,
                )
            return
        settings, before = message.settings, self.context.settings
        changed = [
            s.label for s in SETTINGS if getattr(settings, s.name) != getattr(before, s.name)
        ]
        self.context.settings = settings  # the theme follows (watch_settings); home too
        self.context.sound.on = settings.sound
        self.notify(f"Settings saved ({', '.join(changed) or 'nothing changed'})", timeout=3)
        if form is not None:
            form.show_saved()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While a session runs, the palette offers only what leaves it alone.
        command = _PALETTE_ACTIONS.get(action)
        return command is None or command.in_session or self.running_session() is None

    def action_help(self) -> None:
        """The keys of the screen on top, from its declaration, and the app's own."""
        declared = getattr(self.screen, "KEYS", None)
        if isinstance(declared, Keys):
            self.push_screen(
                screens.help_screen(declared.title, declared.help_rows(APP_KEYS.commands))
            )

    # --- screens, for the home keys and the command palette -----------------------------

    def _to_home(self) -> HomeScreen | None:
        """Close what lies above home; None (with a note) while a session runs."""
        if self.running_session() is not None:
            self.notify("A session is running: finish or quit it first", timeout=3)
            return None
        while not screens.is_home(self.screen) and len(self.screen_stack) > 1:
            self.pop_screen()
        return self.screen if screens.is_home(self.screen) else None

    def action_home(self) -> None:
        self._to_home()

    async def action_start_session(self) -> None:
        home = self._to_home()
        if home is not None:
            await home.action_start()

    def action_recovery(self) -> None:
        home = self._to_home()
        if home is not None:
            home.start_recovery()

    def action_history(self) -> None:
        home = self._to_home()
        if home is not None:
            home.action_history()

    def action_calendar(self) -> None:
        home = self._to_home()
        if home is not None:
            home.action_calendar()

    def choose_program(self, name: str) -> None:
        home = self._to_home()
        if home is not None:
            home.choose(name)

    def action_settings(self) -> None:
        if self._to_home() is not None:
            self.push_screen(screens.settings(self.context))

    def action_browse(self) -> None:
        if not screens.is_browser(self.screen):
            self.push_screen(screens.browser(self.context))

    def action_load(self) -> None:
        if not screens.is_load(self.screen) and self.running_session() is None:
            self.push_screen(screens.load(self.context))

    def action_first_run(self) -> None:
        if self._to_home() is not None:
            self.push_screen(screens.first_run(self.context))
