"""The end-of-session table: each exercise's sets and reps (or seconds) against its targets
(for a recovery routine: each move block and stretch)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.widgets import DataTable

from runstrength.core.summary import SessionResult


class SummaryTable(DataTable[Text]):
    """Read-only: it never takes focus, so enter stays with the screen."""

    can_focus = False

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

    def show_rows(self, columns: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> None:
        """Any rows under these columns (a recovery routine's moves and stretches)."""
        self.clear(columns=True)
        self.cursor_type = "none"
        self.add_columns(*columns)
        for row in rows:
            self.add_row(*(Text(cell) for cell in row))
