"""Words and numbers in solid block letters, scaled to fill the space they are given."""

from __future__ import annotations

import re

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from runstrength.widgets.block_font import DIGIT_FONT, LETTER_FONT, LIT, BlockFont

ROWS_PER_SCREEN_ROWS = 20
"""A band of letters gets one line of letters per this many rows of the screen (5 rows at 80x24,
10 at 120x40): the same height for every word, so nothing below it moves between steps."""
ROOMY_SCREEN_ROWS = 30


class BlockText(Widget):
    """Text in a block font, as large as the widget's size allows, centred.

    Text the font cannot draw at any size (too long, or a character it lacks) is shown
    as one line of plain bold text instead. The widget is as tall as one line of letters
    per ROWS_PER_SCREEN_ROWS rows of the screen, whatever it shows.
    """

    DEFAULT_CSS = """
    BlockText {
        width: 1fr;
        height: auto;
        text-style: bold;
    }
    """
    FONT: BlockFont = LETTER_FONT

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.value = ""
        self._drawn: tuple[str, int, int, list[str]] | None = None

    def show(self, value: str) -> None:
        if value != self.value:
            self.value = value
            self.refresh()

    def typeset(self) -> tuple[tuple[int, int] | None, list[str]]:
        """The scale drawn at (None: plain text) and the lines, each centred across.

        A line break in the value is where the text may wrap: it stays on one line
        unless two lines draw it larger.
        """
        width, height = self.size.width, self.size.height
        parts = [part for part in self.value.split("\n") if part]
        options = [["  ".join(parts)], parts] if len(parts) > 1 else [parts]
        best: tuple[tuple[int, int], list[str]] | None = None
        for lines in options:
            if not lines or not all(self.FONT.supports(line) for line in lines):
                continue
            widest = max(lines, key=self.FONT.pixels_wide)
            room = (height - (len(lines) - 1)) // len(lines)  # a blank row between lines
            scale = self.FONT.fit(widest, width, room)
            if scale and (best is None or scale[::-1] > best[0][::-1]):
                best = (scale, lines)
        if best is None:
            return None, ["  ".join(parts).center(width)]
        scale, lines = best
        rows: list[str] = []
        for line in lines:
            if rows:
                rows.append("")
            rows += [row.center(width) for row in self.FONT.rows(line, *scale)]
        return scale, rows

    @property
    def scale(self) -> tuple[int, int] | None:
        """(cells per pixel across, rows per pixel down) as drawn now; None: plain text."""
        return self.typeset()[0]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        lines = max(1, viewport.height // ROWS_PER_SCREEN_ROWS)
        # A blank row under the letters where the screen has rows to spare.
        below = 1 if viewport.height >= ROOMY_SCREEN_ROWS else 0
        return self.FONT.height * lines + lines - 1 + below

    def lines(self) -> list[str]:
        """The lines drawn, centred across the widget."""
        width, height = self.size.width, self.size.height
        drawn = self._drawn
        if drawn is not None and drawn[:3] == (self.value, width, height):
            return drawn[3]
        rows = self.typeset()[1]
        self._drawn = (self.value, width, height, rows)
        return rows

    def render_line(self, y: int) -> Strip:
        """Line y of the text centred in the widget.

        Lit pixels are "█" on a background of the same colour: solid with no seams
        between rows in any font, and still drawn where colours are off (NO_COLOR).
        """
        width, height = self.size.width, self.size.height
        rows = self.lines()
        top = max(0, (height - len(rows)) // 2)
        row = rows[y - top] if 0 <= y - top < len(rows) else ""
        line = row.ljust(width)[:width]
        base = self.rich_style
        lit = base + Style(bgcolor=base.color)
        segments = [
            Segment(run, lit) if run[0] == LIT else Segment(run, base)
            for run in re.findall(f"{LIT}+|[^{LIT}]+", line)
        ]
        return Strip(segments, width)


class BigNumber(BlockText):
    """A rep count or a time in block digits filling the widget."""

    DEFAULT_CSS = """
    BigNumber {
        width: 1fr;
        height: 1fr;
        text-style: bold;
        color: $text-accent;
    }
    """
    FONT = DIGIT_FONT

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.FONT.height
