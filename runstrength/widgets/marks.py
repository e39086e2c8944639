"""Checkboxes, radio buttons and a selection list whose state shows without colour.

Textual draws a ticked and an unticked box with the same `X` (a radio button with the
same dot), told apart by colour only: on a monochrome terminal, in a screenshot or to a
colour-blind runner they look the same. Here a ticked box shows ✓ (a chosen radio ●)
and an unticked one stays empty.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, RadioButton, SelectionList
from textual.widgets._toggle_button import ToggleButton

TICK = "✓"
DOT = "●"
EMPTY = " "


class MarkedCheckbox(Checkbox):
    def on_mount(self) -> None:
        self.BUTTON_INNER = TICK if self.value else EMPTY

    def watch_value(self) -> None:
        self.BUTTON_INNER = TICK if self.value else EMPTY
        super().watch_value()
        self.refresh()


class MarkedRadioButton(RadioButton):
    def on_mount(self) -> None:
        self.BUTTON_INNER = DOT if self.value else EMPTY

    def watch_value(self) -> None:
        self.BUTTON_INNER = DOT if self.value else EMPTY
        super().watch_value()
        self.refresh()


class MarkedSelectionList(SelectionList[str]):
    """A selection list whose selected rows show ✓ in their box."""

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        index = self.scroll_offset.y + y
        if index >= self.option_count:
            return line
        segments = list(line)
        if len(segments) < 2 or segments[1].text != ToggleButton.BUTTON_INNER:
            return line
        selected = self.get_option_at_index(index).value in self._selected
        segments[1] = Segment(TICK if selected else EMPTY, segments[1].style)
        return Strip(segments, line.cell_length)
