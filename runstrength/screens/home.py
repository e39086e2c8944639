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
from runstrength.screens.resume import ResumeChoice, ResumeDialog
from runstrength.store import LogError


class HomeScreen(Screen[None]):
    CSS_PATH = "home.tcss"
    BINDINGS = [
        Binding("enter", "start", "Start session"),
        Binding("q", "quit_app", "Quit"),
    ]
    HELP_ROWS = [
        ("enter", "start a session of the program shown"),
        ("m", "sound on / off"),
        ("?", "this help"),
        ("q", "quit runstrength"),
    ]

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.program: Program = context.default_program()
        self._checked = False
        self._start_asked = False

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
        self.find_interrupted()

    def on_screen_resume(self) -> None:
        self.load_last_session()

    def show_program(self) -> None:
        program = self.program
        settings = self.context.settings
        minutes = round(
            estimate_seconds(build_plan(program, settings, self.context.catalogue.warmup), settings)
            / 60
        )
        lines = [
            f"[b]{program.title}[/b]  ({program.name} · {program.goal})",
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

    # --- an interrupted session: offered once, at start -------------------------------

    @work(thread=True, group="resume")
    def find_interrupted(self) -> None:
        try:
            interrupted = self.context.log.interrupted_sessions()
        except LogError:
            interrupted = []  # load_last_session shows what is wrong
        self.app.call_from_thread(self.interrupted_found, interrupted[-1] if interrupted else None)

    def interrupted_found(self, record: SessionRecord | None) -> None:
        self._checked = True
        if record is not None and self.app.screen is self:
            self.offer_resume(record)  # rather than a new session asked for meanwhile
        elif self._start_asked:
            self.action_start()

    def offer_resume(self, record: SessionRecord) -> None:
        last = record.sets[-1].exercise if record.sets else ""
        name = self.context.catalogue.exercise_name(last) if last else ""
        program = self.context.programs.get(record.info.program)

        def chosen(choice: ResumeChoice) -> None:
            if choice == "resume" and program is not None:
                from runstrength.screens.session import SessionScreen

                self.app.push_screen(SessionScreen(self.context, program, resume=record))
            elif choice == "close":
                self.close_interrupted(record)

        self.app.push_screen(ResumeDialog(record, name, program is not None), chosen)

    @work(thread=True, group="resume")
    def close_interrupted(self, record: SessionRecord) -> None:
        ended = record.sets[-1].completed_at if record.sets else record.info.started_at
        try:
            self.context.log.finish_session(record.info, "partial", ended)
        except LogError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=15)
        self.app.call_from_thread(self.load_last_session)

    def action_start(self) -> None:
        if not self._checked:
            self._start_asked = True  # once we know whether a session waits to be resumed
            return
        self._start_asked = False
        # Imported on first use: the session's widgets are not needed to show home.
        from runstrength.screens.session import SessionScreen

        self.app.push_screen(SessionScreen(self.context, self.program))

    def action_quit_app(self) -> None:
        self.app.exit()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("home", self.HELP_ROWS))
