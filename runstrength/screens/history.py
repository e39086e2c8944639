"""History: every session in a table, newest first, filtered by program and dates."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len
from textual import events, work
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label

from runstrength.commands import Command, keys
from runstrength.context import AppContext
from runstrength.core.history import (
    COLUMNS,
    SessionFilter,
    SessionRow,
    SessionSummary,
    fitted_cells,
    plans_of,
    table_rows,
)
from runstrength.core.log_totals import LogTotals
from runstrength.core.table_fit import natural_widths
from runstrength.screens import registry as screens
from runstrength.screens.history_filter import FilterDialog
from runstrength.screens.plain import escape
from runstrength.store import LogError
from runstrength.widgets.plain_cell import PlainCell

FIRST_BATCH = 40
BATCH = 400


class HistoryScreen(Screen[None]):
    CSS_PATH = ["shared.tcss", "history.tcss"]
    KEYS = keys(
        "history",
        Command("up,down", "move through the sessions", help_keys="↑ ↓"),
        # priority: the table's own enter would otherwise hide this one from the footer.
        Command(
            "enter",
            "open the session: its sets, corrections, deletion",
            "open",
            "Open",
            priority=True,
        ),
        Command("slash", "filter by program and dates", "filter", "Filter", key_display="/"),
        Command("p", "progress of one exercise", "progress", "Progress"),
        Command("o", "overview: weeks, streaks, muscles, rest days", "overview", "Overview"),
        Command("escape,q", "back to home", "back", "Back"),
    )
    BINDINGS = KEYS.bindings

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.summaries: list[SessionSummary] = []
        """Every session's totals: all the table needs, read without a record per set."""
        self.shown: list[SessionRow] = []
        self.cells: list[tuple[str, ...]] = []
        """The text of the rows shown, fitted to the screen's width."""
        self._keep_row: int | None = None
        """The row the cursor goes back to once the table is filled again."""
        self.totals: LogTotals | None = None
        """The log's totals per day and exercise, read when progress or overview first asks."""
        self.loaded = False
        """True once the log has been read."""
        self.failed = False
        """True when reading the log failed (the line under the title says why)."""
        self.filled = False
        """True once every row is in the table."""
        self._filling = 0
        self.filter = SessionFilter()
        self.plans = plans_of(context.programs.programs.values())
        """Each program's whole target: completion is shown against the plan."""
        self.running: str | None = None
        """The session under way, if any (every other left open was cut off or set aside)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("Loading your history…", id="filter-line")
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True, show_command_palette=False)

    @dataclass
    class SummariesRead(Message):
        """Every session's totals and the table's rows for the filter `wanted` (on a worker)."""

        summaries: list[SessionSummary]
        rows: list[SessionRow]
        wanted: SessionFilter

    @dataclass
    class TotalsRead(Message):
        """The log's totals per day and exercise, for the screen `make` builds from them."""

        totals: LogTotals
        make: Callable[[LogTotals], Screen[None]]

    @dataclass
    class ReadFailed(Message):
        """The log could not be read; `reason` says why (`asked`: for a key just pressed)."""

        reason: str
        asked: bool = False

    def on_mount(self) -> None:
        self.running = screens.session_under_way(self.app.screen_stack)
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        # Paint first, then read: the reading thread would otherwise slow the first frame.
        self.call_after_refresh(self.load)

    @work(thread=True, exclusive=True, group="history")
    def load(self) -> None:
        wanted = self.filter
        try:
            summaries = self.context.log.session_summaries()
        except LogError as error:
            self.post_message(self.ReadFailed(str(error)))
            return
        rows = table_rows(summaries, wanted, self.plans, self.running)
        self.post_message(self.SummariesRead(summaries, rows, wanted))

    def on_history_screen_read_failed(self, message: ReadFailed) -> None:
        self.failed = True
        self.show_error(message.reason)
        if message.asked:  # the key pressed is answered where it is seen
            self.notify(escape(message.reason), title="Cannot count your sets", severity="error")

    def show_error(self, message: str) -> None:
        self.query_one("#filter-line", Label).update(f"[b red]{escape(message)}[/]")

    def on_history_screen_summaries_read(self, message: SummariesRead) -> None:
        self.summaries = message.summaries
        self.totals = None
        self.refill(message.rows if message.wanted == self.filter else None)
        self.loaded = True

    def refill(self, rows: list[SessionRow] | None = None) -> None:
        if rows is None:
            rows = table_rows(self.summaries, self.filter, self.plans, self.running)
        self.shown = rows
        fitted = self.fitted(self.size.width)
        self.cells = fitted[1:]
        table = self.query_one(DataTable)
        # Each column as wide as its text here, said up front: a column keeps the widest
        # text it has held, and one measured when idle can be drawn before it is measured.
        table.clear(columns=True)
        for label, width in zip(COLUMNS, natural_widths(fitted, cell_len), strict=True):
            table.add_column(label, width=width)
        self.show_count()
        self.filled = False
        self._filling += 1
        self.add_rows(self._filling, 0)

    def add_rows(self, filling: int, start: int) -> None:
        """Add the rows from `start` on, a batch at a time, each after the last is painted.

        The first batch is a screenful, so the newest sessions show at once; the table
        measures every new cell, so ten years in one batch would hold the screen still.
        """
        if filling != self._filling:
            return  # a newer fill (another filter, a reload) took over
        end = start + (FIRST_BATCH if start == 0 else BATCH)
        table = self.query_one(DataTable)
        table.add_rows([PlainCell(cell) for cell in row] for row in self.cells[start:end])
        if self._keep_row is not None and self._keep_row < table.row_count:
            table.move_cursor(row=self._keep_row)
            self._keep_row = None
        if end < len(self.shown):
            self.call_after_refresh(self.add_rows, filling, end)
        else:
            self.filled = True

    def fitted(self, width: int) -> list[tuple[str, ...]]:
        """The table's text, header first, at a screen `width`: every column in sight, at
        80 columns too (the status says less, then the program and status are cut short:
        enter opens the session with both in full)."""
        table = self.query_one(DataTable)
        # The table is as wide as the screen; the scrollbar and each cell's padding are not text.
        padding = 2 * table.cell_padding * len(COLUMNS)
        room = width - table.styles.scrollbar_size_vertical - padding
        return fitted_cells(self.shown, room, cell_len)

    def on_resize(self, event: events.Resize) -> None:
        if self.loaded and self.fitted(event.size.width)[1:] != self.cells:
            self._keep_row = self.query_one(DataTable).cursor_row
            self.refill(self.shown)

    def show_count(self) -> None:
        filtered = self.filter.describe() != "all sessions"
        total = len(self.summaries)
        noun = "session" if (total if filtered else len(self.shown)) == 1 else "sessions"
        shown = f"{len(self.shown)} of {total}" if filtered else str(len(self.shown))
        if not self.summaries:
            text = "No sessions yet: your first finished set will show here."
        elif filtered and not self.shown:
            text = (
                f"No session matches {escape(self.filter.describe())} · "
                "[b]/[/b] to change the filter"
            )
        else:
            text = f"[b]{shown}[/b] {noun} · {escape(self.filter.describe())}"
        self.query_one("#filter-line", Label).update(text)

    def selected(self) -> SessionRow | None:
        table = self.query_one(DataTable)
        if not table.row_count or not 0 <= table.cursor_row < len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            # One session's sets: a few milliseconds even at ten years of history.
            session = self.context.log.session(row.id)
        except LogError as error:
            self.show_error(str(error))
            return
        if session is not None:
            self.app.push_screen(screens.session_detail(self.context, session), self.after_detail)

    def after_detail(self, changed: bool | None) -> None:
        if changed:
            self.load()

    def action_filter(self) -> None:
        programs = sorted({s.program for s in self.summaries})

        def apply(chosen: SessionFilter | None) -> None:
            if chosen is not None:
                self.filter = chosen
                self.refill()

        self.app.push_screen(FilterDialog(programs, self.filter), apply)

    def action_progress(self) -> None:
        self.with_totals(lambda totals: screens.progress(self.context, totals))

    def action_overview(self) -> None:
        self.with_totals(lambda totals: screens.overview(self.context, totals))

    def with_totals(self, make: Callable[[LogTotals], Screen[None]]) -> None:
        """Push a screen made from the log's totals, read first if need be."""
        if self.totals is not None:
            self.app.push_screen(make(self.totals))
            return
        if not self.loaded and not self.failed:
            return  # still reading: the key is pressed again once the table is up
        self.query_one("#filter-line", Label).update("Counting your sets…")
        self.load_totals(make)

    @work(thread=True, exclusive=True, group="history-sets")
    def load_totals(self, make: Callable[[LogTotals], Screen[None]]) -> None:
        try:
            totals = self.context.log.totals()
        except LogError as error:
            self.post_message(self.ReadFailed(str(error), asked=True))
            return
        self.post_message(self.TotalsRead(totals, make))

    def on_history_screen_totals_read(self, message: TotalsRead) -> None:
        self.totals = message.totals
        self.show_count()
        if self.is_current:
            self.app.push_screen(message.make(message.totals))

    def action_back(self) -> None:
        self.dismiss(None)
