"""Offered on home when the app stopped in the middle of a session: resume it or close it."""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, Static

from runstrength.core.fields import shown
from runstrength.core.records import SessionRecord
from runstrength.screens.plain import escape

ResumeChoice = Literal["resume", "close"] | None


class ResumeDialog(ModalScreen[ResumeChoice]):
    """An interrupted session: `resume` it where it stopped, `close` it as partial, or later."""

    BINDINGS = [
        Binding("enter,r", "choose('resume')", "Resume"),
        Binding("x", "choose('close')", "Close as partial"),
        Binding("escape", "choose(None)", "Later"),
    ]

    def __init__(self, record: SessionRecord, exercise_name: str, can_resume: bool) -> None:
        super().__init__()
        self.record = record
        self.exercise_name = exercise_name
        self.can_resume = can_resume

    def compose(self) -> ComposeResult:
        record = self.record
        count = len(record.sets)
        done = f"{count} set{'s' if count != 1 else ''} saved"
        if record.sets:
            last = record.sets[-1]
            side = f" ({last.side})" if last.side else ""
            done += f", the last: {self.exercise_name} set {last.set}{side}"
        keys = (
            "[b]enter[/b] resume    [b]x[/b] close as partial    [b]escape[/b] later"
            if self.can_resume
            else f"The program {escape(shown(record.info.program))} is gone, so it cannot be "
            "resumed.\n"
            "[b]x[/b] close as partial    [b]escape[/b] later"
        )
        with Vertical(classes="dialog"):
            yield Label("A session was interrupted", classes="dialog-title")
            yield Static(
                f"{record.info.started_at:%a %-d %b %H:%M} · {escape(record.info.program)} · "
                f"{escape(done)}.\n"
                "Resume it at the next set, or close it as partial (its sets are kept)."
            )
            yield Static(keys, classes="dialog-keys")
        yield Footer(compact=True, show_command_palette=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters == ("resume",):
            return self.can_resume
        return True

    def action_choose(self, choice: ResumeChoice) -> None:
        self.dismiss(choice)
