"""One session in full: each exercise with its sets, and the session's times."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from runstrength.context import AppContext
from runstrength.core.history import session_row
from runstrength.core.records import SessionRecord, SetRecord
from runstrength.screens.dialogs import HelpScreen


def _result(record: SetRecord) -> str:
    if record.reps is not None:
        target = f"/{record.target_reps}" if record.target_reps else ""
        return f"{record.reps}{target} reps"
    target = f"/{record.target_seconds}" if record.target_seconds else ""
    return f"{record.seconds or 0}{target} s"


class SessionDetailScreen(Screen[bool]):
    """Dismisses with True when something was changed, so the list reloads."""

    CSS_PATH = Path(__file__).with_name("history.tcss")
    BINDINGS = [Binding("escape,q", "back", "Back")]
    HELP_ROWS = [
        ("↑ ↓", "move through the sets"),
        ("escape / q", "back to the sessions"),
        ("?", "this help"),
    ]

    def __init__(self, context: AppContext, session: SessionRecord) -> None:
        super().__init__()
        self.context = context
        self.session = session
        self.changed = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.heading(), id="filter-line")
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True, show_command_palette=False)

    def heading(self) -> str:
        session = self.session
        row = session_row(session)
        start = f"{session.info.started_at:%H:%M}"
        end = f"{session.ended_at:%H:%M}" if session.ended_at else "?"
        status = "" if session.status == "completed" else f" · [b]{session.status}[/b]"
        return (
            f"[b]{session.date:%A %-d %B %Y}[/b] · {session.info.program}{status}\n"
            f"{start}-{end} ({row.duration}) · {row.sets} sets · {row.reps} reps · "
            f"{row.completion} of target"
        )

    def on_mount(self) -> None:
        self.fill()

    def fill(self) -> None:
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_columns("Exercise", "Set", "Side", "Done", "Band", "At")
        catalogue = self.context.catalogue
        ordered = sorted(self.session.sets, key=lambda r: r.completed_at)
        for index, record in enumerate(ordered):
            table.add_row(
                catalogue.exercise_name(record.exercise),
                str(record.set),
                record.side or "",
                _result(record),
                record.band or "bodyweight",
                f"{record.completed_at:%H:%M}",
                key=str(index),
            )

    def action_back(self) -> None:
        self.dismiss(self.changed)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("session", self.HELP_ROWS))
