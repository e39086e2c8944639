"""Home's title bar, laid out as Textual's Header is on the other screens (the icon that
opens the command palette on the left, the title in the middle) with a line of its own
on the right: today's date.

It is one widget where the Header is four (the bar, its icon, title and clock space):
home's first frame, which waits for every widget on it, comes sooner.
"""

from __future__ import annotations

from rich.text import Text
from textual.events import Click
from textual.reactive import reactive
from textual.widget import Widget

ICON = "⭘"
ICON_WIDTH = 8
"""The icon's place on the left, as the Header's: clicking there opens the palette."""
RIGHT_SPACE = 10
"""Kept free on the right, as the Header's clock space, so the title sits where it does
on the other screens."""


class TitleBar(Widget):
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    right: reactive[str] = reactive("")
    """Plain text shown on the right; it gives way when the bar is too narrow for it."""

    def render(self) -> Text:
        line = self.title_line(self.size.width, self.screen.title or self.app.title)
        return Text(line, no_wrap=True, end="")

    def title_line(self, width: int, title: str) -> str:
        """The bar's line at `width` columns."""
        middle = max(0, width - ICON_WIDTH - RIGHT_SPACE)
        line = (f" {ICON}".ljust(ICON_WIDTH) + title.center(middle)[:middle]).rstrip()
        if self.right and len(line) + 2 + len(self.right) < width:
            line = line.ljust(width - len(self.right) - 1) + self.right
        return line[:width].ljust(width)

    async def on_click(self, event: Click) -> None:
        if event.x < ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
