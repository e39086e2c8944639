"""A table cell of plain text that a DataTable measures cheaply.

A DataTable parses every string cell as markup and measures each one through Rich's
general path when rows arrive: for the 1,500 rows of ten years of history that is
most of a second. A cell that knows its width skips both; it renders the same.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text


class PlainCell:
    """One line of text, shown as is (no markup) and never wrapped."""

    __slots__ = ("text", "width")

    def __init__(self, text: str) -> None:
        self.text = text
        self.width = cell_len(text)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(self.width, self.width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(self.text, no_wrap=True, end="")

    def __str__(self) -> str:
        return self.text
