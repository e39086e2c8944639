"""A big number (rep count or time) with a caption above it and its target below."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Label


class Readout(Vertical):
    """Large, readable-from-the-floor digits; updates only what changed."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[str, str, str] | None = None

    def compose(self) -> ComposeResult:
        yield Label("", id="caption")
        yield Digits("", id="digits")
        yield Label("", id="target")

    def show(self, value: str, caption: str, target: str) -> None:
        shown = self._shown
        if shown == (value, caption, target):
            return
        self._shown = (value, caption, target)
        # A label's update costs a layout pass even when its text is the same: a running
        # timer changes only the digits.
        if shown is None or shown[0] != value:
            self.query_one("#digits", Digits).update(value)
        if shown is None or shown[1] != caption:
            self.query_one("#caption", Label).update(caption.upper())
        if shown is None or shown[2] != target:
            self.query_one("#target", Label).update(target)
