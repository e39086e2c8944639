"""A table of text fitted into a width: the columns that may give up room do, the widest
of them first, and their text is cut short with "…".

Pure: the caller measures text (`measure`: cells on screen, characters on the command
line) and says how much room its text has once the gaps between columns are taken off.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

Measure = Callable[[str], int]
ELLIPSIS = "…"


def natural_widths(rows: Iterable[Sequence[str]], measure: Measure = len) -> list[int]:
    """Each column's width: its longest text (the header counts as a row)."""
    widths: list[int] = []
    for row in rows:
        if len(widths) < len(row):
            widths.extend([0] * (len(row) - len(widths)))
        for column, text in enumerate(row):
            widths[column] = max(widths[column], measure(text))
    return widths


def shrink_to(widths: Sequence[int], room: int, flexible: Mapping[int, int]) -> list[int]:
    """`widths` brought down to `room` in all by the columns in `flexible` (column → the
    least it keeps), one cell at a time from the widest; as near as they can go when even
    their least is too much."""
    fitted = list(widths)
    excess = sum(fitted) - room
    while excess > 0:
        wider = [column for column, least in flexible.items() if fitted[column] > least]
        if not wider:
            break
        column = max(wider, key=lambda c: (fitted[c], -c))
        fitted[column] -= 1
        excess -= 1
    return fitted


def clip(text: str, width: int, measure: Measure = len) -> str:
    """`text` as it fits in `width`: whole, or cut with "…" at its end."""
    if measure(text) <= width:
        return text
    kept = text
    while kept and measure(kept) + measure(ELLIPSIS) > width:
        kept = kept[:-1]
    return kept.rstrip(" -_·,.") + ELLIPSIS


def clipped(
    rows: Iterable[Sequence[str]], widths: Sequence[int], measure: Measure = len
) -> list[tuple[str, ...]]:
    """Every cell of `rows` clipped to its column's width."""
    return [
        tuple(clip(text, width, measure) for text, width in zip(row, widths, strict=True))
        for row in rows
    ]
