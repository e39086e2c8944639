"""Small modal screens: confirm quitting a session, help for a screen, terminal too small."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, Static

from runstrength.core.summary import plural


class ConfirmQuit(ModalScreen[bool]):
    """Asks before a session is stopped; True means stop (what was done is kept)."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes, stop"),
        Binding("n,escape,q", "answer(False)", "No, go on"),
    ]

    def __init__(
        self, sets_done: int, reps_in_progress: int = 0, *, routine: int | None = None
    ) -> None:
        """`routine`: for a recovery routine, how many moves and stretches are logged."""
        super().__init__()
        self.sets_done = sets_done
        self.reps_in_progress = reps_in_progress
        self.routine = routine

    def compose(self) -> ComposeResult:
        done, reps = self.sets_done, self.reps_in_progress
        finished = "The set you finished" if done == 1 else f"The {done} sets you finished"
        if done and reps:
            kept = f"{finished} and this set's {plural(reps, 'rep')} stay"
        elif done:
            kept = finished + (" stays" if done == 1 else " stay")
        elif reps:
            kept = f"The {plural(reps, 'rep')} counted on this set stay"
        else:
            kept = ""
        kept = (
            f"{kept} in your log as a partial session."
            if kept
            else "No set is finished yet, so nothing will be logged."
        )
        if self.routine is not None:
            kept = (
                "What you did stays in your log as a partial recovery routine."
                if self.routine
                else "No move or stretch is finished yet, so nothing will be logged."
            )
        with Vertical(classes="dialog"):
            yield Label("Stop this session?", classes="dialog-title")
            yield Static(kept)
            yield Static("[b]y[/b] stop    [b]n[/b] keep going", classes="dialog-keys")
        yield Footer(compact=True, show_command_palette=False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class HelpScreen(ModalScreen[None]):
    """The keys of the screen below, with what each does there."""

    BINDINGS = [Binding("escape,question_mark,q,enter", "close", "Close")]

    def __init__(self, title: str, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.rows = rows

    def keys_table(self) -> Table:
        """Keys on the left, what they do on the right: a long line wraps in its own column,
        and key names such as `[` are text, never markup."""
        table = Table.grid(padding=(0, 2))
        table.add_column(justify="right", no_wrap=True)
        table.add_column()
        for key, what in self.rows:
            table.add_row(Text(key, style="bold"), Text(what))
        return table

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Label(Text(f"Keys: {self.title_text}"), classes="dialog-title")
            yield Static(self.keys_table(), id="help-keys")
            yield Static("escape or ? closes this help", classes="dialog-keys")
        yield Footer(compact=True, show_command_palette=False)

    def action_close(self) -> None:
        self.dismiss(None)


class TooSmall(ModalScreen[None]):
    """Covers the app while the terminal is smaller than it needs; q still stops."""

    BINDINGS = [Binding("q", "app.quit", "Quit")]

    def __init__(self, need: tuple[int, int], session_running: bool = False) -> None:
        super().__init__()
        self.need = need
        self.session_running = session_running

    def compose(self) -> ComposeResult:
        yield Static("", id="too-small-message")

    def show_size(self, width: int, height: int) -> None:
        need_w, need_h = self.need
        self.query_one("#too-small-message", Static).update(
            f"runstrength needs a terminal of at least {need_w} × {need_h}.\n"
            f"This one is {width} × {height}.\n\n"
            "Please make the window larger or the font smaller."
            + (
                "\nYour session keeps running meanwhile; q stops it."
                if self.session_running
                else "\nq quits."
            )
        )

    def on_mount(self) -> None:
        self.show_size(self.app.size.width, self.app.size.height)

    def on_screen_resume(self) -> None:
        width, height = self.app.size
        if width >= self.need[0] and height >= self.need[1]:
            self.dismiss(None)  # the terminal grew while a question was on top
        else:
            self.show_size(width, height)
