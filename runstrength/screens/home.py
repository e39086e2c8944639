"""Home: today, the chosen program, the last session, and the way into a new one."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from runstrength.context import AppContext
from runstrength.core.plan import build_plan, estimate_seconds
from runstrength.core.programs import Program
from runstrength.core.records import SessionRecord
from runstrength.core.view import target_text
from runstrength.screens.dialogs import HelpScreen
from runstrength.screens.session import SessionScreen
from runstrength.store import LogError


class HomeScreen(Screen[None]):
    CSS_PATH = "home.tcss"
    BINDINGS = [
        Binding("enter", "start", "Start"),
        Binding("left", "cycle(-1)", "Program", key_display="←→"),
        Binding("right", "cycle(1)", "Program", key_display="→", show=False),
        Binding("e", "app.browse", "Exercises"),
        Binding("comma", "app.settings", "Settings", key_display=","),
        Binding("q", "quit_app", "Quit"),
    ]
    HELP_ROWS = [
        ("enter", "start a session of the program shown"),
        ("← / →", "show the previous / next program (built-in and your own)"),
        ("e", "exercise browser"),
        (",", "settings"),
        ("ctrl+p", "command palette: every screen and action"),
        ("m", "sound on / off"),
        ("?", "this help"),
        ("q", "quit runstrength"),
    ]

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.program: Program = context.default_program()
        self._settings_shown = context.settings

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home"):
            yield Label("", id="today")
            yield Static("", id="program")
            yield Static("", id="last")
            yield Static("", id="problems")
            yield Label("[b]enter[/b]  start the session", id="start-hint")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        today = self.context.clock.now()
        self.query_one("#today", Label).update(f"{today:%A %-d %B %Y}")
        self.show_program()
        problems = self.context.problems
        if problems:
            self.query_one("#problems", Static).update(
                "[b]Some settings were not used[/b] (defaults apply):\n" + "\n".join(problems)
            )
            self.context.problems = []
        self.load_last_session()

    def on_screen_resume(self) -> None:
        if self.context.settings != self._settings_shown:
            # New settings (or the first-run answers): the default program may have changed.
            self.program = self.context.default_program()
            self.show_program()
        self.load_last_session()

    def choose(self, name: str) -> None:
        program = self.context.programs.get(name)
        if program is not None:
            self.program = program
            self.show_program()

    def action_cycle(self, step: int) -> None:
        names = list(self.context.programs.programs)
        position = names.index(self.program.name) if self.program.name in names else 0
        self.choose(names[(position + step) % len(names)])

    def show_program(self) -> None:
        program = self.program
        settings = self.context.settings
        self._settings_shown = settings
        names = list(self.context.programs.programs)
        position = names.index(program.name) + 1 if program.name in names else 0
        minutes = round(
            estimate_seconds(build_plan(program, settings, self.context.catalogue.warmup), settings)
            / 60
        )
        kind = "" if program.builtin else " · your own"
        lines = [
            f"[b]{program.title}[/b]  ({program.name} · {program.goal}{kind})"
            f"  [dim]← {position}/{len(names)} →[/dim]",
            f"{settings.warmup_minutes} min warm-up, {len(program.entries)} exercises, "
            f"about {minutes} min",
        ]
        lines += [f"  • {e.exercise.name}: {target_text(e)}" for e in program.entries]
        self.query_one("#program", Static).update("\n".join(lines))

    @work(thread=True, exclusive=True, group="home")
    def load_last_session(self) -> None:
        try:
            last = self.context.log.last_session()
        except LogError as error:
            self.app.call_from_thread(self.show_last, None, str(error))
        else:
            self.app.call_from_thread(self.show_last, last, None)

    def show_last(self, last: SessionRecord | None, error: str | None) -> None:
        widget = self.query_one("#last", Static)
        if error:
            widget.update(f"[b red]{error}[/]")
        elif last is None:
            widget.update("Last session: none yet. Your first one starts here.")
        else:
            status = "" if last.status == "completed" else f" · {last.status}"
            widget.update(
                f"Last session: {last.date:%a %-d %b} · {last.info.program} · "
                f"{len(last.sets)} sets · {last.total_reps} reps{status}"
            )

    def action_start(self) -> None:
        self.app.push_screen(SessionScreen(self.context, self.program))

    def action_quit_app(self) -> None:
        self.app.exit()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("home", self.HELP_ROWS))
