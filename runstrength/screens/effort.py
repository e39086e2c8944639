"""How hard a session was: saving the summary's answer, and the dialog that corrects it
from the session's detail."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Static

from runstrength.context import AppContext
from runstrength.core.effort import effort_words, parse_effort, scale_line
from runstrength.writes import hand_write


def save_effort(app: App[Any], context: AppContext, session_id: str, effort: int) -> None:
    """Store the effort with the session, after the session's own writes (off the UI
    thread, finished even when the screen has closed)."""
    hand_write(
        app,
        context.writer,
        lambda log: log.set_effort(session_id, effort),
        keep=True,  # behind the session's end, should that be waiting to be tried again
        title="Effort not saved",
        what="the effort rating",
    )


@dataclass(frozen=True)
class EffortAnswer:
    effort: int | None
    """None: the rating is cleared."""


class EffortDialog(ModalScreen[EffortAnswer | None]):
    """Correct how hard a session was: 0-10, or empty to clear the rating."""

    CSS_PATH = "shared.tcss"

    DEFAULT_CSS = "EffortDialog { align: center middle; }"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, effort: int | None) -> None:
        super().__init__()
        self.effort = effort

    def compose(self) -> ComposeResult:
        now = effort_words(self.effort) if self.effort is not None else "not rated"
        with Vertical(classes="dialog"):
            yield Label("How hard was it?", classes="dialog-title")
            yield Static(f"Now: {now}\n{scale_line()}")
            yield Input(
                "" if self.effort is None else str(self.effort),
                placeholder="0-10",
                type="integer",
                max_length=2,
                id="effort",
            )
            yield Label("", id="effort-problem")
            yield Static(
                "[b]enter[/b] save (empty clears it)    [b]escape[/b] cancel",
                classes="dialog-keys",
            )
        yield Footer(compact=True, show_command_palette=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            effort = parse_effort(event.value)
        except ValueError as problem:
            self.query_one("#effort-problem", Label).update(str(problem))
            return
        self.dismiss(EffortAnswer(effort))

    def action_cancel(self) -> None:
        self.dismiss(None)
