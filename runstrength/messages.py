"""Messages between the app and its screens (those about writes live in writes.py)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class SoundSwitched(Message, bubble=False):
    """Sound was turned on or off (`m`): a screen that shows it draws it again."""

    on: bool


class ScreenShown(Message, bubble=False):
    """A screen whose size needs differ from its neighbours' (the session, home) is now
    the one in use: the app checks the terminal's size against it."""
