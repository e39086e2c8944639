"""Offered on home for a session still open (set aside, or the app stopped in the middle of
it): resume it the same day, or close it as partial (on a later day, only that)."""

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

    def __init__(
        self,
        record: SessionRecord,
        exercise_name: str,
        why_not: str | None,
        late: bool = False,
        then_start: bool = False,
    ) -> None:
        """`late`: it started on an earlier day, so it can only be closed; `then_start`:
        today's session follows the answer (closed or put off)."""
        super().__init__()
        self.record = record
        self.exercise_name = exercise_name
        self.why_not = why_not
        self.late = late
        self.then_start = then_start

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
        aside = record.set_aside_at is not None
        title = "A session was set aside" if aside else "A session was interrupted"
        where = "where you left it" if aside else "at the next set"
        if self.late:
            offer = "Close it as partial: its sets are kept."
            then = ", then start" if self.then_start else ""
            later = "just start" if self.then_start else "later"
            keys = f"[b]x[/b] close as partial{then}    [b]escape[/b] {later}"
        else:
            offer = f"Resume it {where}, or close it as partial (its sets are kept)."
            keys = "[b]enter[/b] resume    [b]x[/b] close as partial    [b]escape[/b] later"
        if self.why_not is not None:
            offer = escape(self.why_not) + ("\n" + offer if self.late else "")
            if not self.late:
                keys = "[b]x[/b] close as partial    [b]escape[/b] later"
        with Vertical(classes="dialog"):
            yield Label(title, classes="dialog-title")
            yield Static(
                f"{record.info.started_at:%a %-d %b %H:%M} · {escape(record.info.program)} · "
                f"{escape(done)}.\n{offer}"
            )
            yield Static(keys, classes="dialog-keys")
        yield Footer(compact=True, show_command_palette=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters == ("resume",):
            return self.can_resume
        return True

    def action_choose(self, choice: ResumeChoice) -> None:
        self.dismiss(choice)
