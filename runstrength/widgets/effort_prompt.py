"""The summary's question "How hard was it?": digits give the answer (0-10), shown with
the scale's words; enter on the summary saves it, and enter alone skips it."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.reactive import reactive
from textual.widget import Widget

from runstrength.commands import Command, keys
from runstrength.core.effort import EFFORT_MAX, EFFORT_MIN, question, scale_line, typed_digit


class EffortPrompt(Widget, can_focus=True):
    """Holds the effort typed so far; the screen reads `effort` when it closes."""

    DEFAULT_CSS = """
    EffortPrompt {
        height: auto;
        margin-top: 1;
    }
    """
    KEYS = keys(
        "how hard was it",
        Command(
            ",".join(str(digit) for digit in range(10)),
            "how hard it was, from 0 (rest) to 10 (maximal: 1 then 0)",
            help_keys=f"{EFFORT_MIN}-{EFFORT_MAX}",
            more=tuple(Binding(str(digit), f"digit({digit})", show=False) for digit in range(10)),
        ),
        Command("backspace", "clear the answer typed", "clear", show=False),
    )
    BINDINGS = KEYS.bindings

    effort: reactive[int | None] = reactive(None)
    saved = False
    """Set once the answer has been handed to the log."""

    def render(self) -> Text:
        text = Text(question(self.effort), style="bold")
        text.append("\n")
        text.append(scale_line(), style="dim")
        return text

    def action_digit(self, digit: int) -> None:
        self.effort = typed_digit(self.effort, digit)

    def action_clear(self) -> None:
        self.effort = None
