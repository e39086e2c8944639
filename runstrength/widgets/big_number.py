"""A rep count or a time in block digits scaled to fill the space it is given."""

from __future__ import annotations

import re

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widget import Widget

# 3 x 5 pixel glyphs; "#" is lit. Each pixel is drawn 2*scale cells wide, scale rows high
# (a terminal cell is about twice as tall as it is wide, so pixels stay square).
GLYPHS: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
}
ROWS = 5
MAX_SCALE = 6


def render_rows(value: str, scale: int) -> list[str]:
    """The value as lines of block characters; unknown characters are left out."""
    glyphs = [GLYPHS[char] for char in value if char in GLYPHS]
    rows: list[str] = []
    for row in range(ROWS):
        line = ".".join(glyph[row] for glyph in glyphs)
        pixels = "".join(("█" if pixel == "#" else " ") * 2 * scale for pixel in line)
        rows += [pixels] * scale
    return rows


def fit_scale(value: str, width: int, height: int) -> int:
    """The largest scale (at least 1) at which the value fits in width x height cells."""
    glyphs = [GLYPHS[char] for char in value if char in GLYPHS]
    if not glyphs:
        return 1
    pixels_wide = sum(len(glyph[0]) for glyph in glyphs) + len(glyphs) - 1
    scale = min(width // (2 * pixels_wide), height // ROWS, MAX_SCALE)
    return max(1, scale)


class BigNumber(Widget):
    """Block digits as large as the widget's size allows."""

    DEFAULT_CSS = """
    BigNumber {
        width: 1fr;
        height: 1fr;
        text-style: bold;
        color: $text-accent;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.value = ""

    def show(self, value: str) -> None:
        if value != self.value:
            self.value = value
            self.refresh()

    def render_line(self, y: int) -> Strip:
        """Line y of the digits centred in the widget.

        Lit pixels are "█" on a background of the same colour: solid with no seams
        between rows in any font, and still drawn where colours are off (NO_COLOR).
        """
        width, height = self.size.width, self.size.height
        rows = render_rows(self.value, fit_scale(self.value, width, height))
        top = max(0, (height - len(rows)) // 2)
        row = rows[y - top] if 0 <= y - top < len(rows) else ""
        left = max(0, (width - len(rows[0] if rows else "")) // 2)
        line = (" " * left + row).ljust(width)[:width]
        base = self.rich_style
        lit = base + Style(bgcolor=base.color)
        segments = [
            Segment(run, lit) if run[0] == "█" else Segment(run, base)
            for run in re.findall(r"█+| +", line)
        ]
        return Strip(segments, width)
