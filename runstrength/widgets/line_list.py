"""A short list of lines (form cues, warm-up moves) with an optional current line marked."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class LineList(Static):
    """Renders lines as a bulleted list; the highlighted one stands out with an arrow."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self._shown: tuple[tuple[str, ...], int | None] | None = None

    def show(self, lines: tuple[str, ...], highlight: int | None = None) -> None:
        if self._shown == (lines, highlight):
            return
        self._shown = (lines, highlight)
        text = Text()
        for index, line in enumerate(lines):
            if index:
                text.append("\n")
            if index == highlight:
                text.append(f"▶ {line}", style="bold reverse")
            elif highlight is not None and index < highlight:
                text.append(f"✓ {line}", style="dim")
            else:
                text.append(f"• {line}")
        self.update(text)
