"""Reads the screen as drawn: each cell's character and colours, from the compositor's strips."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from runstrength.core.contrast import RGB, contrast_ratio

BLOCK = "█"


@dataclass(frozen=True)
class Cell:
    char: str
    fg: RGB | None
    bg: RGB | None

    @property
    def seen(self) -> RGB | None:
        """The colour the eye sees in this cell: a full block shows its foreground."""
        return self.fg if self.char == BLOCK else self.bg


def screen_cells(app: Any) -> list[list[Cell]]:
    """Every row of the current screen as cells."""
    rows = []
    for strip in app.screen._compositor.render_strips():
        row: list[Cell] = []
        for segment in strip:
            style = segment.style
            fg = style.color.get_truecolor() if style and style.color else None
            bg = style.bgcolor.get_truecolor() if style and style.bgcolor else None
            if style and style.reverse:
                fg, bg = bg, fg
            row += [Cell(char, fg and tuple(fg), bg and tuple(bg)) for char in segment.text]
        rows.append(row)
    return rows


def screen_text(app: Any) -> str:
    return "\n".join("".join(cell.char for cell in row).rstrip() for row in screen_cells(app))


def band_rows(rows: list[list[Cell]], background: RGB) -> list[int]:
    """Rows whose every cell shows another colour than the screen's background and whose
    cells not drawn in a block all share one background: a band across the screen."""
    found = []
    for y, row in enumerate(rows):
        backgrounds = Counter(cell.bg for cell in row if cell.char != BLOCK)
        if len(backgrounds) == 1 and next(iter(backgrounds)) not in (background, None):
            found.append(y)
    return found


def band_colour(rows: list[list[Cell]], band: list[int]) -> RGB:
    (colour,) = {cell.bg for y in band for cell in rows[y] if cell.char != BLOCK}
    assert colour is not None
    return colour


def band_text_contrast(rows: list[list[Cell]], band: list[int]) -> float:
    """The lowest contrast of anything drawn on the band (block strokes and letters) to it."""
    colour = band_colour(rows, band)
    drawn = [cell.fg for y in band for cell in rows[y] if cell.char.strip() and cell.fg is not None]
    assert drawn, "nothing is drawn on the band"
    return min(contrast_ratio(fg, colour) for fg in drawn)


def tallest_block_run(rows: list[list[Cell]], skip: list[int]) -> int:
    """The most consecutive rows (outside `skip`) with solid blocks in them: the digits' height."""
    best = run = 0
    for y, row in enumerate(rows):
        if y not in skip and any(cell.char == BLOCK for cell in row):
            run += 1
            best = max(best, run)
        else:
            run = 0
    return best
