"""Asks before a session today turns tomorrow's planned session into a rest day."""

from __future__ import annotations

from datetime import date
from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, Static

from runstrength.core.restdays import format_day
from runstrength.screens.plain import escape

StartChoice = Literal["move", "keep", "cancel"]


class ConfirmTomorrow(ModalScreen[StartChoice]):
    """Tomorrow is planned: move that plan and start, start anyway, or go back."""

    CSS_PATH = "shared.tcss"

    DEFAULT_CSS = "ConfirmTomorrow { align: center middle; }"

    BINDINGS = [
        Binding("y", "answer('move')", "Move and start"),
        Binding("n", "answer('keep')", "Start, keep plan"),
        Binding("escape,q", "answer('cancel')", "Back"),
    ]

    def __init__(self, program: str, tomorrow: date, move_to: date | None) -> None:
        super().__init__()
        self.program = program
        self.tomorrow = tomorrow
        self.move_to = move_to

    def compose(self) -> ComposeResult:
        where = (
            f"[b]y[/b] move it to {format_day(self.move_to)} and start"
            if self.move_to
            else "[b]y[/b] start (no free day to move it to)"
        )
        with Vertical(classes="dialog"):
            yield Label("Tomorrow becomes a rest day", classes="dialog-title")
            yield Static(
                f"Planned for {format_day(self.tomorrow)}: {escape(self.program)}. "
                "Training today makes tomorrow a rest day, so that plan cannot be kept."
            )
            yield Static(
                f"{where}\n[b]n[/b] start and leave the plan as it is\n[b]escape[/b] back",
                classes="dialog-keys",
            )
        yield Footer(compact=True, show_command_palette=False)

    def action_answer(self, answer: StartChoice) -> None:
        self.dismiss(answer)
