"""One session in full, in the order it went: warm-up, each exercise's sets, its stretch."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from runstrength.commands import Command, keys
from runstrength.context import AppContext
from runstrength.core.effort import effort_words
from runstrength.core.history import planned_target, session_row
from runstrength.core.records import SessionRecord, SetRecord, StretchRecord, WarmupRecord
from runstrength.core.timer import format_clock
from runstrength.core.wording import plural, status_text
from runstrength.screens import registry as screens
from runstrength.screens.edit_dialogs import ConfirmDialog, Correction, CorrectSetDialog
from runstrength.screens.effort import EffortAnswer, EffortDialog
from runstrength.screens.plain import escape
from runstrength.store import TrainingLog
from runstrength.writes import hand_write


def _result(record: SetRecord) -> str:
    if record.reps is not None:
        target = f"/{record.target_reps}" if record.target_reps else ""
        return f"{record.reps}{target} reps"
    target = f"/{record.target_seconds}" if record.target_seconds else ""
    return f"{record.seconds or 0}{target} s"


def _warmup_result(warmup: WarmupRecord, *, long: bool = False) -> str:
    text = f"{format_clock(warmup.seconds)} of {format_clock(warmup.target_seconds)}"
    cut = " (cut short)" if long else " short"
    return text + (cut if warmup.seconds < warmup.target_seconds else "")


def _stretch_result(stretch: StretchRecord) -> str:
    held = f"{stretch.seconds}/{stretch.target_seconds} s"
    return f"skipped {held}" if stretch.skipped else f"held {held}"


def routine_line(session: SessionRecord) -> str:
    """'warm-up 8:00 · stretches: 5 held, 1 skipped', or '' when none were logged."""
    parts = []
    if session.warmup is not None:
        what = "mobility moves" if session.info.is_recovery else "warm-up"
        parts.append(f"{what} {_warmup_result(session.warmup, long=True)}")
    if session.stretches:
        skipped = sum(1 for s in session.stretches if s.skipped)
        held = len(session.stretches) - skipped
        parts.append(f"stretches: {held} held" + (f", {skipped} skipped" if skipped else ""))
    return " · ".join(parts)


def _effort(effort: int | None) -> str:
    return "[b]not rated[/b]" if effort is None else f"[b]{effort_words(effort)}[/b]"


Row = SetRecord | StretchRecord | WarmupRecord

COLUMNS = ("Exercise", "Set", "Side", "Done", "Band", "At")


class SessionDetailScreen(Screen[bool]):
    """Dismisses with True when something was changed, so the list reloads."""

    CSS_PATH = ["shared.tcss", "history.tcss"]
    KEYS = keys(
        "session detail",
        Command("up,down", "move through the warm-up, sets and stretches", help_keys="↑ ↓"),
        Command(
            "c",
            "correct the set's reps (or seconds) and band",
            "correct",
            "Correct set",
            help_keys="c / enter",
        ),
        Command("e", "how hard it was: 0-10 (empty clears it)", "effort", "Effort"),
        Command("x,delete", "delete the set (asks first)", "delete_set", "Delete set"),
        Command("D", "delete the whole session (asks first)", "delete_session", "Delete session"),
        Command("escape,q", "back to the sessions", "back", "Back"),
    )
    BINDINGS = KEYS.bindings

    def __init__(self, context: AppContext, session: SessionRecord) -> None:
        super().__init__()
        self.context = context
        self.session = session
        self.changed = False
        self.ordered: list[Row] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.heading(), id="filter-line")
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True, show_command_palette=False)

    def heading(self) -> str:
        session = self.session
        program = self.context.programs.get(session.info.program)
        row = session_row(session, planned_target(program) if program else None)
        start = f"{session.info.started_at:%H:%M}"
        end = f"{session.ended_at:%H:%M}" if session.ended_at else "?"
        aside = session.set_aside_at is not None and session.ended_at is None
        cut_off = session.id != screens.session_under_way(self.app.screen_stack)
        ended = status_text(session.status, len(session.skipped), aside, cut_off=cut_off)
        status = f" · [b]{ended}[/b]" if ended else ""
        routine = routine_line(session)
        if session.info.is_recovery:
            return (
                f"[b]{session.date:%A %-d %B %Y}[/b] · {escape(session.info.program)} · "
                f"[b]recovery routine[/b]{status}\n"
                f"{start}-{end} ({row.duration}) · not counted as training"
                + (f"\n{routine}" if routine else "")
            )
        if session.skipped:
            names = ", ".join(self.context.catalogue.exercise_name(e) for e in session.skipped)
            routine = "\n".join(filter(None, (routine, f"Skipped: {escape(names)}")))
        return (
            f"[b]{session.date:%A %-d %B %Y}[/b] · {escape(session.info.program)}{status} · "
            f"effort {_effort(session.effort)}\n"
            f"{start}-{end} ({row.duration}) · {plural(row.sets, 'set')} · "
            f"{plural(row.reps, 'rep')} · "
            f"{row.completion} of target" + (f"\n{routine}" if routine else "")
        )

    def on_mount(self) -> None:
        self.fill()

    def fill(self) -> None:
        table = self.query_one(DataTable)
        table.clear(columns=True)
        session = self.session
        done: list[SetRecord | StretchRecord] = [*session.sets, *session.stretches]
        done.sort(key=lambda r: r.completed_at)
        timeline: list[Row] = [session.warmup] if session.warmup is not None else []
        timeline += done
        self.ordered = timeline
        rows = [self._cells(record) for record in timeline]
        # Each column is given the width of its widest cell: left for the table to
        # measure when next idle, a frame drawn before that (after an edit, say) squeezes
        # every column to its heading and stays so.
        for column, label in enumerate(COLUMNS):
            width = max([cell_len(label), *(cell_len(cells[column]) for cells in rows)])
            table.add_column(label, width=width)
        for index, cells in enumerate(rows):
            # Cells are markup to a table: an exercise id or band from the log is escaped.
            table.add_row(*(escape(cell) for cell in cells), key=str(index))
        first_set = next((i for i, r in enumerate(timeline) if isinstance(r, SetRecord)), 0)
        table.move_cursor(row=first_set)

    def _cells(self, record: Row) -> tuple[str, ...]:
        catalogue = self.context.catalogue
        if isinstance(record, WarmupRecord):
            started = f"{self.session.info.started_at:%H:%M}"
            what = "Mobility moves" if self.session.info.is_recovery else "Warm-up"
            return (what, "", "", _warmup_result(record), "", started)
        if isinstance(record, StretchRecord):
            stretch = catalogue.stretches.get(record.stretch)
            name = stretch.name if stretch else record.stretch
            at = f"{record.completed_at:%H:%M}"
            return (name, "", record.side or "", _stretch_result(record), "", at)
        return (
            catalogue.exercise_name(record.exercise),
            str(record.set),
            record.side or "",
            _result(record) + (" (edited)" if record.edited_at else ""),
            record.band or "bodyweight",
            f"{record.completed_at:%H:%M}",
        )

    def current(self) -> SetRecord | None:
        """The set under the cursor; None (with a word why) on a warm-up or stretch row."""
        table = self.query_one(DataTable)
        if not self.ordered:
            return None
        row = self.ordered[table.cursor_row]
        if not isinstance(row, SetRecord):
            self.notify("Only a set can be corrected or deleted.", timeout=3)
            return None
        return row

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_correct()

    def action_correct(self) -> None:
        record = self.current()
        if record is None or record.key is None:
            return
        name = self.context.catalogue.exercise_name(record.exercise)
        key = record.key

        def save(correction: Correction | None) -> None:
            if correction is None:
                return
            self.write(
                lambda log: log.correct_set(
                    key,
                    reps=correction.reps,
                    seconds=correction.seconds,
                    band=correction.band,
                    when=self.context.clock.now(),
                ),
                "Set corrected",
            )

        self.app.push_screen(CorrectSetDialog(record, name, self.context.settings.bands), save)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "effort":
            return not self.session.info.is_recovery
        return True

    def action_effort(self) -> None:
        session_id = self.session.id

        def save(answer: EffortAnswer | None) -> None:
            if answer is None or answer.effort == self.session.effort:
                return
            done = "Effort cleared" if answer.effort is None else "Effort saved"
            self.write(lambda log: log.set_effort(session_id, answer.effort), done)

        self.app.push_screen(EffortDialog(self.session.effort), save)

    def action_delete_set(self) -> None:
        record = self.current()
        if record is None or record.key is None:
            return
        name = self.context.catalogue.exercise_name(record.exercise)
        key = record.key

        def delete(yes: bool | None) -> None:
            if yes:
                self.write(lambda log: log.delete_set(key), "Set deleted")

        side = f" ({record.side})" if record.side else ""
        detail = (
            f"{escape(name)}, set {record.set}{side}: {_result(record)}. This cannot be undone."
        )
        self.app.push_screen(ConfirmDialog("Delete this set?", detail), delete)

    def action_delete_session(self) -> None:
        session_id = self.session.id

        def delete_it(log: TrainingLog) -> None:
            log.delete_session(session_id)

        def delete(yes: bool | None) -> None:
            if yes:
                # Back to the sessions once it is done, so their list no longer has it.
                self.write(delete_it, "Session deleted", close=True)

        detail = (
            f"{self.session.date:%A %-d %B %Y}, {plural(len(self.session.sets), 'set')}. "
            "This cannot be undone."
        )
        self.app.push_screen(ConfirmDialog("Delete this whole session?", detail), delete)

    @dataclass
    class Changed(Message):
        """A change to this session is on disk; `fresh` is the session as it now is."""

        fresh: SessionRecord | None
        done: str
        close: bool

    def write(
        self, change: Callable[[TrainingLog], object], done: str, *, close: bool = False
    ) -> None:
        """Hand a change to the log's writer (durable, like any write); the result comes
        back as Changed, a refusal as a note."""
        session_id = self.session.id

        def work(log: TrainingLog) -> SessionRecord | None:
            change(log)
            return log.session(session_id)

        hand_write(
            self.app,
            self.context.writer,
            work,
            reply_to=self,
            saved=lambda fresh: self.Changed(fresh, done, close),
            title="Not changed",
        )

    def on_session_detail_screen_changed(self, message: Changed) -> None:
        self.changed = True
        self.app.notify(message.done, timeout=3)
        if message.close:
            if self.is_current:
                self.dismiss(True)
            return
        if message.fresh is not None:
            self.session = message.fresh
            row = self.query_one(DataTable).cursor_row
            self.query_one("#filter-line", Static).update(self.heading())
            self.fill()
            table = self.query_one(DataTable)
            table.move_cursor(row=min(row, max(0, table.row_count - 1)))

    def action_back(self) -> None:
        self.dismiss(self.changed)
