"""The history filter: a program and a date range, checked before it is applied."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Select, Static

from runstrength.core.fields import read_day
from runstrength.core.history import SessionFilter


def _parse_day(text: str) -> date | None:
    """A YYYY-MM-DD date, None for an empty field; ValueError (saying why) otherwise."""
    return read_day(text) if text.strip() else None


class FilterDialog(ModalScreen[SessionFilter | None]):
    CSS_PATH = "shared.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("enter", "apply", "Apply", priority=True),
    ]

    def __init__(self, programs: list[str], current: SessionFilter) -> None:
        super().__init__()
        self.programs = programs
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Filter sessions", classes="dialog-title")
            yield Select(
                [(Text(name), name) for name in self.programs],
                prompt="all programs",
                value=self.current.program or Select.NULL,
                id="program",
            )
            with Horizontal(classes="dates"):
                yield Input(
                    str(self.current.since or ""), placeholder="from YYYY-MM-DD", id="since"
                )
                yield Input(str(self.current.until or ""), placeholder="to YYYY-MM-DD", id="until")
            yield Static("", id="filter-error")
            yield Static("[b]enter[/b] apply    [b]escape[/b] cancel", classes="dialog-keys")
        yield Footer(compact=True, show_command_palette=False)

    def action_apply(self) -> None:
        program = self.query_one(Select).value
        try:
            since = _parse_day(self.query_one("#since", Input).value)
            until = _parse_day(self.query_one("#until", Input).value)
        except ValueError as problem:
            self.query_one("#filter-error", Static).update(Text(f"{problem}.", style="bold red"))
            return
        if since and until and since > until:
            self.query_one("#filter-error", Static).update("[b red]'from' is after 'to'.[/]")
            return
        chosen = program if isinstance(program, str) else None
        self.dismiss(SessionFilter(program=chosen, since=since, until=until))

    def action_cancel(self) -> None:
        self.dismiss(None)
