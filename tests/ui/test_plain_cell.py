"""A plain table cell: measured by its width, shown as written (no markup)."""

from __future__ import annotations

from rich.console import Console
from textual.render import measure

from runstrength.widgets.plain_cell import PlainCell


def test_a_plain_cell_measures_its_width_and_shows_its_text_as_is() -> None:
    console = Console(width=40, height=5, record=True)
    cell = PlainCell("Wed 2026-11-18 [b]x[/b] ✓")
    assert measure(console, cell, 1) == len("Wed 2026-11-18 [b]x[/b] ✓")
    assert measure(console, PlainCell("日本"), 1) == 4
    console.print(cell)
    assert console.export_text() == "Wed 2026-11-18 [b]x[/b] ✓"
    assert str(cell) == cell.text
