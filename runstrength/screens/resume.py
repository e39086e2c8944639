"""Offered on home for a session still open (set aside, or the app stopped in the middle of
it): resume it the same day, or close it as partial."""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, Static

from runstrength.core.records import SessionRecord
from runstrength.screens import registry as screens
from runstrength.screens.plain import escape

ResumeChoice = Literal["resume", "close"] | None


class ResumeDialog(ModalScreen[ResumeChoice]):
    """An open session: `resume` it where it stopped, `close` it as partial, or later;
    `why_not` says why it cannot be resumed (then only closing is offered)."""

    CSS_PATH = "shared.tcss"

    MIN_SIZE = screens.SESSION_MIN_SIZE
    """As a session's: `runstrength start` on a phone-sized terminal asks it first."""

    BINDINGS = [
        Binding("enter,r", "choose('resume')", "Resume"),
        Binding("x", "choose('close')", "Close as partial"),
        Binding("escape", "choose(None)", "Later"),
    ]

    def __init__(self, record: SessionRecord, exercise_name: str, why_not: str | None) -> None:
        super().__init__()
        self.record = record
        self.exercise_name = exercise_name
        self.why_not = why_not

    @property
    def can_resume(self) -> bool:
        return self.why_not is None

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
            if self.why_not is None
            else f"{escape(self.why_not)}\n[b]x[/b] close as partial    [b]escape[/b] later"
        )
        aside = record.set_aside_at is not None
        title = "A session was set aside" if aside else "A session was interrupted"
        where = "where you left it" if aside else "at the next set"
        with Vertical(classes="dialog"):
            yield Label(title, classes="dialog-title")
            yield Static(
                f"{record.info.started_at:%a %-d %b %H:%M} · {escape(record.info.program)} · "
                f"{escape(done)}.\n"
                f"Resume it {where}, or close it as partial (its sets are kept)."
            )
            yield Static(keys, classes="dialog-keys")
        yield Footer(compact=True, show_command_palette=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters == ("resume",):
            return self.can_resume
        return True

    def action_choose(self, choice: ResumeChoice) -> None:
        self.dismiss(choice)
