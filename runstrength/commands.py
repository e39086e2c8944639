"""Every command the app offers, declared once: its keys, footer label, help line and palette entry.

A screen lists its commands in a `Keys` (its `KEYS`); the screen's `BINDINGS` (and so its
footer), its `?` help and the command palette are all made from those declarations, never
written again by hand. Whether a command is available right now is Textual's `check_action`
on the screen (the session screen answers it from `core/keys.py`) or on the app (commands
the palette offers: `Command.in_session` says which still make sense while a session runs).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from textual.binding import Binding, BindingType

# How the help names a key Textual spells out.
_KEY_NAMES = {
    "question_mark": "?",
    "comma": ",",
    "slash": "/",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "pageup": "pgup",
    "pagedown": "pgdn",
}

HelpRow = tuple[str, str]
"""The keys as the help names them, and what they do."""


class Command(NamedTuple):
    """One thing to ask for: the keys bound to it, its footer label, and its help line.

    `keys` and `action` are Textual's (`"escape,q"`, `"count(1)"`, `"app.browse"`); with no
    action the keys are handled by a widget (tab, arrows in a list) and the command is only
    a help line. `more` binds further keys to the same help line (one footer entry for
    `+` and `-`). `palette` titles the command in the command palette, which runs `action`
    on the app. `gives_way`: on a footer too narrow for every key, the keys with the
    highest number leave it first (the help still lists them); 0: always in the footer."""

    keys: str
    help: str
    action: str = ""
    label: str = ""
    key_display: str | None = None
    show: bool = True
    priority: bool = False
    help_keys: str = ""
    more: tuple[Binding, ...] = ()
    palette: str = ""
    in_session: bool = False
    gives_way: int = 0

    @property
    def bindings(self) -> tuple[Binding, ...]:
        """The Textual bindings behind this command (none for a widget's own keys)."""
        if not self.action:
            return self.more
        binding = Binding(
            self.keys,
            self.action,
            self.label,
            show=self.show,
            key_display=self.key_display,
            priority=self.priority,
        )
        return (binding, *self.more)

    def help_only(self) -> Command:
        """This command's help line, placed in a screen's help without binding it again."""
        return self._replace(action="", more=())

    @property
    def help_row(self) -> HelpRow:
        """The keys as the help shows them (`escape / q`), and the help line."""
        shown = self.help_keys or " / ".join(
            _KEY_NAMES.get(key, key) for key in self.keys.split(",")
        )
        return shown, self.help


class Keys(NamedTuple):
    """A screen's commands, in the order its footer and help show them."""

    title: str
    """What the help calls the screen ("Keys: calendar")."""
    commands: tuple[Command, ...] = ()

    @property
    def bindings(self) -> list[BindingType]:
        """The screen's BINDINGS."""
        return [binding for command in self.commands for binding in command.bindings]

    def help_rows(self, also: Iterable[Command] = ()) -> list[HelpRow]:
        """The `?` help of the screen: its own commands, then those of `also` (the app's
        keys) it does not already place itself."""
        own = {command.keys for command in self.commands}
        extra = [command for command in also if command.keys not in own]
        return [command.help_row for command in (*self.commands, *extra)]

    def gives_way(self, key: str) -> int:
        """How soon a key, as bound, leaves a narrow footer (`Command.gives_way`)."""
        for command in self.commands:
            if key in command.keys.split(","):
                return command.gives_way
        return 0


def keys(title: str, *commands: Command) -> Keys:
    """A screen's declaration: `KEYS = keys("calendar", Command(...), ...)`."""
    return Keys(title, commands)


# --- the app's commands: bound on every screen, or offered by the palette --------------

SOUND = Command(
    "m", "sound on / off", "toggle_sound", "Sound", palette="Toggle sound", in_session=True
)
HELP = Command(
    "question_mark",
    "this help",
    "help",
    "Help",
    key_display="?",
    palette="Help",
    in_session=True,
)
START_SESSION = Command(
    "", "start a session of the program on home", "start_session", palette="Start session"
)
RECOVERY = Command(
    "r",
    "on a rest day: a recovery routine of the program's stretches and easy moves",
    "recovery",
    "Recovery",
    palette="Recovery routine",
)
HOME = Command("", "back to the home screen", "home", palette="Home")
HISTORY = Command(
    "h", "history: sessions, progress, overview", "history", "History", palette="History"
)
LOAD = Command(
    "l",
    "training load: runs and strength per week, and the ratio",
    "app.load",
    "Load",
    palette="Training load",
)
CALENDAR = Command(
    "c",
    "plan: the calendar of trained, rest and scheduled days",
    "calendar",
    "Plan",
    palette="Calendar and schedule",
)
SETTINGS = Command(
    "comma",
    "settings: goal, program, sound, timers, bands, theme",
    "app.settings",
    "Settings",
    key_display=",",
    palette="Settings",
)
BROWSE = Command(
    "e",
    "exercise browser: the catalogue by muscle group and equipment",
    "app.browse",
    "Browse",
    palette="Browse exercises",
)
FIRST_RUN = Command(
    "", "goal, bands and a sound test again", "first_run", palette="First-run setup"
)
THEME = Command(
    "",
    "pick a light or dark theme (kept for next time)",
    "change_theme",
    palette="Theme",
    in_session=True,
)

APP_KEYS = keys("", SOUND, HELP)
"""Bound by the app itself: they act on every screen, and every screen's help lists them."""

PALETTE: tuple[Command, ...] = (
    START_SESSION,
    RECOVERY,
    HOME,
    HISTORY,
    LOAD,
    CALENDAR,
    SETTINGS,
    BROWSE,
    FIRST_RUN,
    SOUND,
    THEME,
    HELP,
)
"""What the command palette offers, in its order."""
