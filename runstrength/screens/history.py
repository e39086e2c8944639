"""History: every session in a table, newest first, filtered by program and dates."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label

from runstrength.context import AppContext
from runstrength.core.history import COLUMNS, SessionFilter, table_rows
from runstrength.core.records import SessionRecord
from runstrength.screens.dialogs import HelpScreen
from runstrength.screens.history_filter import FilterDialog
from runstrength.store import LogError


class HistoryScreen(Screen[None]):
    CSS_PATH = Path(__file__).with_name("history.tcss")
    BINDINGS = [
        Binding("enter", "open", "Open"),
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("p", "progress", "Progress"),
        Binding("o", "overview", "Overview"),
        Binding("escape,q", "back", "Back"),
    ]
    HELP_ROWS = [
        ("↑ ↓", "move through the sessions"),
        ("enter", "open the session: its sets, corrections, deletion"),
        ("/", "filter by program and dates"),
        ("p", "progress of one exercise"),
        ("o", "overview: weeks, streaks, muscles, rest days"),
        ("escape / q", "back to home"),
        ("?", "this help"),
    ]

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.sessions: list[SessionRecord] = []
        self.filter = SessionFilter()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("Loading your history…", id="filter-line")
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        # Paint first, then read: the reading thread would otherwise slow the first frame.
        self.call_after_refresh(self.load)

    @work(thread=True, exclusive=True, group="history")
    def load(self) -> None:
        try:
            sessions = self.context.log.sessions()
        except LogError as error:
            self.app.call_from_thread(self.show_error, str(error))
            return
        self.app.call_from_thread(self.show_sessions, sessions)

    def show_error(self, message: str) -> None:
        self.query_one("#filter-line", Label).update(f"[b red]{message}[/]")

    def show_sessions(self, sessions: list[SessionRecord]) -> None:
        self.sessions = sessions
        self.refill()

    def refill(self) -> None:
        table = self.query_one(DataTable)
        rows = table_rows(self.sessions, self.filter)
        table.clear()
        for row in rows:
            table.add_row(*row.cells(), key=row.id)
        shown = (
            f"{len(rows)} of {len(self.sessions)}"
            if self.filter.describe() != "all sessions"
            else str(len(rows))
        )
        self.query_one("#filter-line", Label).update(
            f"[b]{shown}[/b] sessions · {self.filter.describe()}"
            if self.sessions
            else "No sessions yet: your first finished set will show here."
        )

    def selected(self) -> SessionRecord | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((s for s in self.sessions if s.id == key), None)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        from runstrength.screens.session_detail import SessionDetailScreen

        session = self.selected()
        if session is not None:
            self.app.push_screen(SessionDetailScreen(self.context, session), self.after_detail)

    def after_detail(self, changed: bool | None) -> None:
        if changed:
            self.load()

    def action_filter(self) -> None:
        programs = sorted({s.info.program for s in self.sessions})

        def apply(chosen: SessionFilter | None) -> None:
            if chosen is not None:
                self.filter = chosen
                self.refill()

        self.app.push_screen(FilterDialog(programs, self.filter), apply)

    def action_progress(self) -> None:
        from runstrength.screens.progress import ProgressScreen

        self.app.push_screen(ProgressScreen(self.context, self.sessions))

    def action_overview(self) -> None:
        from runstrength.screens.overview import OverviewScreen

        self.app.push_screen(OverviewScreen(self.context, self.sessions))

    def action_back(self) -> None:
        self.dismiss(None)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("history", self.HELP_ROWS))
