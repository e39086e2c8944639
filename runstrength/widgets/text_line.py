"""A label whose text is a reactive: setting the text it already shows costs nothing.

A label's update costs a layout pass even when its text is the same; a running timer
changes little more than its digits, so the lines around them are set on every tick
and redrawn only when they change.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Label


class TextLine(Label):
    text: reactive[str | Text | Content] = reactive[str | Text | Content]("", init=False)
    """A str is markup (escape what came from a file); Text and Content are shown as
    they are."""

    def watch_text(self, text: str | Text | Content) -> None:
        self.update(text)
