"""Messages the app sends down to its screens (those about writes live in writes.py)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class SoundSwitched(Message, bubble=False):
    """Sound was turned on or off (`m`): a screen that shows it draws it again."""

    on: bool
