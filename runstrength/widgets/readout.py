"""A big number (rep count or time) with a caption above it and its target below."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits

from runstrength.widgets.text_line import TextLine


class Readout(Vertical):
    """Large, readable-from-the-floor digits; a running timer redraws only its digits."""

    def compose(self) -> ComposeResult:
        yield TextLine(id="caption")
        yield Digits("", id="digits")
        yield TextLine(id="target")

    def show(self, value: str, caption: str, target: str) -> None:
        digits = self.query_one("#digits", Digits)
        if digits.value != value:
            digits.update(value)
        self.query_one("#caption", TextLine).text = caption.upper()
        self.query_one("#target", TextLine).text = target
