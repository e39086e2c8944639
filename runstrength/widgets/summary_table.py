"""The end-of-session table: each exercise's sets and reps (or seconds) against its targets
(for a recovery routine: each move block and stretch)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from runstrength.core.summary import SessionResult


class SummaryTable(DataTable[Text]):
    """Read-only: it never takes focus, so enter stays with the screen (which scrolls it).

    No taller than its rows: laid out with a height in `fr`, it takes what room the screen
    has left, up to that, and scrolls the rest."""

    can_focus = False

    class Fitted(Message):
        """Laid out anew: whether it scrolls (and so the keys that scroll it) may change."""

    def fit_rows(self) -> None:
        self.styles.max_height = self.row_count + (1 if self.show_header else 0)

    def on_resize(self) -> None:
        self.post_message(self.Fitted())

    @property
    def scrolls(self) -> bool:
        """Whether some of its rows are out of sight."""
        return self.max_scroll_y > 0

    def show(self, result: SessionResult) -> None:
        self.clear(columns=True)
        self.cursor_type = "none"
        self.add_columns("Exercise", "Sets", "Done / target")
        for row in result.exercises:
            unit = "s" if row.is_hold else "reps"
            self.add_row(
                Text(row.name),
                Text(f"{row.sets_done}/{row.sets_planned}"),
                Text("skipped" if row.skipped else f"{row.done}/{row.target} {unit}"),
            )
        self.fit_rows()

    def show_rows(self, columns: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> None:
        """Any rows under these columns (a recovery routine's moves and stretches)."""
        self.clear(columns=True)
        self.cursor_type = "none"
        self.add_columns(*columns)
        for row in rows:
            self.add_row(*(Text(cell) for cell in row))
        self.fit_rows()
