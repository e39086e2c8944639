"""Messages between the app and its screens (those about writes live in writes.py)."""

from __future__ import annotations

from textual.message import Message


class SoundSwitched(Message, bubble=False):
    """Sound was turned on or off (`m`): a screen that shows it draws it again."""

    def __init__(self, on: bool) -> None:
        super().__init__()
        self.on = on


class HomeShown(Message):
    """Home shows what the log holds, for the first time: what the start left for later
    (the other screens' styles) may follow."""
