"""Small modal screens: how to leave a session, help for a screen, terminal too small."""

from __future__ import annotations

from typing import Literal

from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Label, Static

from runstrength.core.wording import plural
from runstrength.screens.plain import escape

QuitChoice = Literal["stop", "later"] | None


class ConfirmQuit(ModalScreen[QuitChoice]):
    """Asks how a session is left: `stop` for good (partial; what was done is kept),
    `later` (set aside, to go on today where it was left), or None to keep going."""

    CSS_PATH = "shared.tcss"

    BINDINGS = [
        Binding("x,y", "answer('stop')", "Stop for good"),
        Binding("l", "answer('later')", "Continue later"),
        Binding("n,escape,q", "answer(None)", "Keep going"),
    ]

    def __init__(
        self,
        sets_done: int,
        reps_in_progress: int = 0,
        goes_on_at: str = "",
        *,
        routine: int | None = None,
    ) -> None:
        """`goes_on_at`: where a session set aside goes on, e.g. "Band squat, set 2";
        `routine`: for a recovery routine, how many moves and stretches are logged."""
        super().__init__()
        self.sets_done = sets_done
        self.reps_in_progress = reps_in_progress
        self.goes_on_at = goes_on_at
        self.routine = routine

    @property
    def can_continue(self) -> bool:
        """Only a session in the log (a set done) can be taken up again."""
        return self.sets_done > 0

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
        stop = (
            f"[b]x[/b] stop for good: {kept[0].lower()}{kept[1:]} in your log as a partial session."
            if kept
            else "[b]x[/b] stop: no set is finished yet, so nothing will be logged."
        )
        if self.routine is not None:
            stop = "[b]x[/b] stop: " + (
                "what you did stays in your log as a partial recovery routine."
                if self.routine
                else "no move or stretch is finished yet, so nothing will be logged."
            )
        lines = [stop]
        if self.can_continue:
            where = f" at {escape(self.goes_on_at)}" if self.goes_on_at else ""
            redo = f" ({plural(reps, 'rep')} counted on this set start again)" if reps else ""
            lines.append(
                f"[b]l[/b] continue later: home offers it again today, to go on{where}{redo}."
            )
        lines.append("[b]n[/b] or [b]escape[/b] keep going")
        with Vertical(classes="dialog"):
            yield Label("Leave this session?", classes="dialog-title")
            yield Static("\n".join(lines), classes="dialog-keys")
        yield Footer(compact=True, show_command_palette=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "answer" and parameters == ("later",):
            return self.can_continue
        return True

    def action_answer(self, answer: QuitChoice) -> None:
        self.dismiss(answer)


class HelpScreen(ModalScreen[None]):
    """The keys of the screen below, with what each does there."""

    CSS_PATH = "shared.tcss"

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
        # The whole dialog scrolls where it does not fit (a session at 60×20): focused,
        # the arrows and page keys move it.
        with VerticalScroll(classes="dialog help"):
            yield Label(Text(f"Keys: {self.title_text}"), classes="dialog-title")
            yield Static(self.keys_table(), id="help-keys")
            yield Static("escape or ? closes this help", classes="dialog-keys")
        yield Footer(compact=True, show_command_palette=False)

    def on_resize(self, event: events.Resize) -> None:
        # Above the footer: a height in % would count the footer's row too.
        self.query_one(".dialog").styles.max_height = max(event.size.height - 1, 1)

    def action_close(self) -> None:
        self.dismiss(None)


class TooSmall(ModalScreen[None]):
    """Covers the app while the terminal is smaller than it needs; q still stops."""

    CSS_PATH = "shared.tcss"

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
