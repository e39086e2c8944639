"""The table `runs list` prints: one activity a line, fitted to the terminal's width.

On a narrow terminal the distance and time say less first ("21.1" under KM, "1:40"),
then the title (and the sport, after it) are cut short with "…": a row never wraps.
"""

from __future__ import annotations

from collections.abc import Sequence

from runstrength.cli.common import visible
from runstrength.core.table_fit import clipped, natural_widths, shrink_to

HEADER = ("ID", "DATE", "START", "SPORT", "KIND", "DISTANCE", "TIME", "HR", "TITLE")
SHORT_HEADER = ("ID", "DATE", "START", "SPORT", "KIND", "KM", "TIME", "HR", "TITLE")
DISTANCE, TIME = HEADER.index("DISTANCE"), HEADER.index("TIME")
NARROWED = {HEADER.index("TITLE"): 8, HEADER.index("SPORT"): 4}
"""The columns that give up room on a narrow terminal, and the least each keeps."""
GAP = "  "


def one_line(text: str) -> str:
    """A cell's text as printed, on one line: a line break in a title would break the
    row, and a control character is measured as the escape it is shown as."""
    return visible(" ".join(text.splitlines()))


def short_time(seconds: float | None) -> str:
    """ "1:40", "0:40" (hours and minutes); empty when unknown."""
    if seconds is None:
        return ""
    minutes = round(seconds / 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


def shortened(row: Sequence[str], seconds: float | None) -> tuple[str, ...]:
    """`row` with its distance as a number of km and its time as h:mm."""
    cells = list(row)
    cells[DISTANCE] = cells[DISTANCE].removesuffix(" km")
    cells[TIME] = short_time(seconds)
    return tuple(cells)


def table_lines(
    rows: Sequence[Sequence[str]], short_rows: Sequence[Sequence[str]], width: int | None
) -> list[str]:
    """The table's lines (header first) within `width` characters (None: every word)."""
    room = None if width is None else width - len(GAP) * (len(HEADER) - 1)
    for candidate in ([HEADER, *rows], [SHORT_HEADER, *short_rows]):
        table = [tuple(one_line(cell) for cell in row) for row in candidate]
        widths = natural_widths(table)
        if room is None or sum(widths) <= room:
            break
    else:  # neither fits a width: the long columns give up room
        assert room is not None
        widths = shrink_to(widths, room, NARROWED)
        table = clipped(table, widths)
    return [
        GAP.join(cell.ljust(w) for cell, w in zip(cells, widths, strict=True)).rstrip()
        for cells in table
    ]
