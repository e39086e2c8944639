"""Home: today, the chosen program, the last session, and the way into a new one."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from runstrength.context import AppContext
from runstrength.core.programs import Program, target_text
from runstrength.screens.plain import escape
from runstrength.store import LogError

if TYPE_CHECKING:
    from runstrength.core.records import SessionRecord
    from runstrength.core.restdays import StartCheck, TrainingDays
    from runstrength.core.runs import RunMark
    from runstrength.screens.resume import ResumeChoice
    from runstrength.screens.start_dialogs import StartChoice

# What home needs only after its first frame (the rest-day rule, the schedule, dialogs)
# is imported where it is used, mostly on the worker thread that reads the log: the
# first frame does not wait for it.

SOUND_CHECK_DELAY = 1.0
"""Seconds after home first shows: late enough to stay out of the start-up's way."""
PAINT_WAIT = 0.25
"""Seconds home waits for the day's status to be painted before it goes on reading."""


class HomeScreen(Screen[None]):
    CSS_PATH = "home.tcss"
    BINDINGS = [
        Binding("enter", "start", "Start"),
        # On a rest day enter only says why no session starts; the footer offers r instead.
        Binding("enter", "start_refused", "Start", show=False),
        Binding("r", "recovery", "Recovery"),
        Binding("left", "cycle(-1)", "Program", key_display="←→"),
        Binding("right", "cycle(1)", "Program", key_display="→", show=False),
        Binding("h", "history", "History"),
        Binding("c", "calendar", "Plan"),
        Binding("e", "app.browse", "Browse"),
        Binding("comma", "app.settings", "Settings", key_display=","),
        Binding("q", "quit_app", "Quit"),
        Binding("up", "scroll_lines(-1)", "Scroll", show=False),
        Binding("down", "scroll_lines(1)", "Scroll", show=False),
    ]
    HELP_ROWS = [
        ("enter", "start a session of the program shown (not on a rest day)"),
        ("r", "on a rest day: a recovery routine of the program's stretches and easy moves"),
        ("← / →", "show the previous / next program (built-in and your own)"),
        ("↑ / ↓", "scroll, when the screen holds more than fits"),
        ("h", "history: sessions, progress, overview"),
        ("c", "plan: the calendar of trained, rest and scheduled days"),
        ("e", "exercise browser"),
        (",", "settings"),
        ("ctrl+p", "command palette: every screen and action"),
        ("m", "sound on / off"),
        ("?", "this help"),
        ("q", "quit runstrength"),
    ]

    def __init__(self, context: AppContext, program: Program | None = None) -> None:
        super().__init__()
        self.context = context
        self.program: Program = program or context.default_program()
        self.check: StartCheck | None = None
        """Today under the rest-day rule; None until the log has been read."""
        self._settings_shown = context.settings
        self._checked = False
        self._start_asked = False
        self.waiting: SessionRecord | None = None
        """A session still open (set aside or interrupted), offered before a new one starts."""

    def compose(self) -> ComposeResult:
        yield Header()
        # The way into a session comes before any list of file problems, so it stays in
        # sight; a long list scrolls.
        # Not focusable: ← → stay home's program keys; ↑ ↓ scroll it (action_scroll_lines).
        with VerticalScroll(id="home", can_focus=False):
            yield Label("", id="today")
            yield Static("", id="day-status")
            yield Static("", id="program")
            yield Static("", id="last")
            yield Static("", id="load")
            yield Label("[b]enter[/b]  start the session", id="start-hint")
            yield Static("", id="problems")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        today = self.context.clock.now()
        self.query_one("#today", Label).update(f"{today:%A %-d %B %Y}")
        self.show_program(with_length=False)  # the length follows the day's status
        problems = self.context.problems
        if problems:
            self.query_one("#problems", Static).update(
                "[b]Some of your files have problems[/b] (defaults are used):\n"
                + "\n".join(escape(problem) for problem in problems)
            )
            self.context.problems = []
        # The log is read once the first frame is up (on_screen_resume reads the last
        # session): the reading thread would otherwise compete with the first paint.
        self.call_after_refresh(self.find_interrupted)
        # Once home is up, learn whether sound can play, so a machine without it flashes
        # even the first phase change of a session.
        self.set_timer(SOUND_CHECK_DELAY, self.context.sound.prepare)
        if self.context.settings.runs_folder:
            self.call_after_refresh(self.import_runs_folder)

    def import_runs_folder(self) -> None:
        from runstrength.screens.background import run_write
        from runstrength.screens.runs_folder import import_runs_folder

        # The app's own writer: quitting waits for the import rather than cut it short.
        run_write(self.app, lambda: import_runs_folder(self), "runs-folder")

    def on_screen_resume(self) -> None:
        if self.context.settings != self._settings_shown:
            # New settings (or the first-run answers): the default program may have changed.
            self.program = self.context.default_program()
            self.show_program()
        self.call_after_refresh(self.load_last_session)
        if self._checked:  # back from a session or a question: is one still open?
            self.call_after_refresh(self.find_interrupted, False)

    def training_days(self) -> TrainingDays:
        from runstrength.core.settings import run_settings
        from runstrength.store import Schedule

        today = self.context.clock.now().date()
        schedule = Schedule(self.context.log)
        settings = self.context.settings
        return schedule.training_days(today, settings.weekly_rest_days, runs=run_settings(settings))

    def choose(self, name: str) -> None:
        program = self.context.programs.get(name)
        if program is not None:
            self.program = program
            self.show_program()

    def action_scroll_lines(self, lines: int) -> None:
        self.query_one("#home", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_cycle(self, step: int) -> None:
        names = list(self.context.programs.programs)
        position = names.index(self.program.name) if self.program.name in names else 0
        self.choose(names[(position + step) % len(names)])

    def show_program(self, *, with_length: bool = True) -> None:
        """The program shown; `with_length=False` leaves out its estimated length, which
        needs the whole session laid out (the first frame comes sooner without it)."""
        settings = self.context.settings
        program = self.program.for_bands(settings.bands)
        self._settings_shown = settings
        names = list(self.context.programs.programs)
        position = names.index(program.name) + 1 if program.name in names else 0
        length = ""
        if with_length:
            from runstrength.core.plan import build_plan, estimate_seconds

            plan = build_plan(program, settings, self.context.catalogue.warmup)
            length = f", about {round(estimate_seconds(plan, settings) / 60)} min"
        kind = "" if program.builtin else " · your own"
        name = program.name if program.name == program.goal else f"{program.name} · {program.goal}"
        lines = [
            f"[b]{escape(program.title)}[/b]  ({name}{kind})  "
            f"[dim]← {position}/{len(names)} →[/dim]",
            f"{settings.warmup_minutes} min warm-up, {len(program.entries)} exercises{length}",
        ]
        lines += [f"  • {e.exercise.name}: {target_text(e)}" for e in program.entries]
        self.query_one("#program", Static).update("\n".join(lines))
        if self.check is not None and not self.check.allowed:
            self.show_day_status(self.check)  # the recovery routine follows the program shown

    @work(thread=True, exclusive=True, group="home")
    def load_last_session(self) -> None:
        from runstrength.core.restdays import can_start_today
        from runstrength.screens.load_warning import load_warning

        try:
            with self.context.write_lock:
                last = self.context.log.last_session()
                days = self.training_days()
                check = can_start_today(days)
        except LogError as error:
            self.app.call_from_thread(self.show_last, None, str(error))
            self.app.call_from_thread(self.show_program)
        else:
            self.app.call_from_thread(self.show_last, last, None)
            trained_today = days.today in days.logged
            run_today = days.runs.get(days.today)
            self.app.call_from_thread(self.show_day_status, check, trained_today, run_today)
            # What home is for is painted before the program's length and the training
            # load are worked out: they would hold up that paint.
            painted = threading.Event()
            self.app.call_from_thread(self.call_after_refresh, painted.set)
            painted.wait(timeout=PAINT_WAIT)
            self.app.call_from_thread(self.show_program)
            self.app.call_from_thread(self.show_load, load_warning(self.context, days.today))

    def show_load(self, text: str) -> None:
        widget = self.query_one("#load", Static)
        widget.update(text)
        widget.display = bool(text)  # no empty line on home when all is well

    def show_day_status(
        self, check: StartCheck, trained_today: bool = False, run_today: RunMark | None = None
    ) -> None:
        from runstrength.core.restdays import format_day
        from runstrength.core.runrules import run_headline

        self.check = check
        self.refresh_bindings()
        verdict = check.verdict
        status = self.query_one("#day-status", Static)
        hint = self.query_one("#start-hint", Label)
        status.set_class(not verdict.allowed, "rest")
        hint.set_class(not verdict.allowed, "rest")
        if verdict.allowed:
            text = "[b]Training day[/b]"
            if trained_today:
                text = (
                    "[b]Trained today[/b] · tomorrow is a rest day; "
                    "another session today is allowed"
                )
            elif check.tomorrow_program:
                text += (
                    f" · planned tomorrow: {escape(check.tomorrow_program)}; "
                    "training today makes it a rest day"
                )
            if run_today is not None:  # a hard or easy run: strength fits beside it
                text += f" · {escape(run_headline(run_today, 'today'))}: strength is fine"
            status.update(text)
            hint.update("[b]enter[/b]  start the session")
            return
        if verdict.by_run:
            self.show_run_day(check)
            return
        when = (
            f"next session possible {format_day(verdict.next_allowed)}"
            if verdict.next_allowed
            else "no day is open: every weekday is a weekly rest day"
        )
        reason = escape(verdict.reason[0].upper() + verdict.reason[1:])
        status.update(f"[b]Rest day — {when}[/b]\n{reason}.")
        hint.update(f"[b]r[/b]  recovery routine: {self.recovery_length()} · [b]c[/b]  plan")

    def recovery_length(self) -> str:
        """What a rest day's routine holds and roughly how long it takes."""
        from runstrength.core.plan import build_recovery_plan, estimate_seconds

        settings = self.context.settings
        plan = build_recovery_plan(self.program, settings, self.context.catalogue.mobility)
        return f"stretches and easy moves, about {round(estimate_seconds(plan, settings) / 60)} min"

    def askable(self, check: StartCheck) -> bool:
        """Refused by a run only, with the running rules set to ask rather than refuse."""
        return (
            not check.allowed and check.verdict.by_run and self.context.settings.run_rules == "warn"
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        refused = self.check is not None and not self.check.allowed
        askable = self.check is not None and self.askable(self.check)
        if action == "start":
            return not refused or askable
        if action == "start_refused":
            return refused and not askable
        if action == "recovery":
            # The routine's key is a day without strength (the palette offers it on any day).
            return refused
        return True

    async def action_start_refused(self) -> None:
        await self.action_start()

    def action_recovery(self) -> None:
        self.start_recovery()

    def start_recovery(self) -> None:
        """A recovery routine of the program shown: never a strength session, so allowed
        on any day, rest days included."""
        from runstrength.screens.session import SessionScreen

        self.app.push_screen(SessionScreen(self.context, self.program, kind="recovery"))

    def show_run_day(self, check: StartCheck) -> None:
        """Today kept free of strength by a run: the run, and the next possible day."""
        from runstrength.core.runrules import RunCause, headline

        verdict = check.verdict
        assert isinstance(verdict.cause, RunCause)
        line = headline(verdict.cause, verdict.day, verdict.next_allowed)
        reason = escape(verdict.reason[0].upper() + verdict.reason[1:])
        self.query_one("#day-status", Static).update(f"[b]{escape(line)}[/b]\n{reason}.")
        warn = self.context.settings.run_rules == "warn"
        self.query_one("#start-hint", Label).update(
            "[b]enter[/b]  start anyway (asks first) · [b]c[/b]  plan"
            if warn
            else "No strength today · [b]r[/b]  recovery routine · [b]c[/b]  plan"
        )

    def show_last(self, last: SessionRecord | None, error: str | None) -> None:
        from runstrength.core.summary import plural

        widget = self.query_one("#last", Static)
        if error:
            widget.update(f"[b red]{escape(error)}[/]")
        elif last is None:
            widget.update("Last session: none yet. Your first one starts here.")
        else:
            from runstrength.core.history import status_text

            aside = last.set_aside_at is not None and last.ended_at is None
            ended = status_text(last.status, len(last.skipped), aside)
            status = f" · {ended}" if ended else ""
            this_year = self.context.clock.now().year
            year = "" if last.date.year == this_year else f" {last.date.year}"
            done = f"{plural(len(last.sets), 'set')} · {plural(last.total_reps, 'rep')}"
            if last.info.is_recovery:
                from runstrength.core.recovery import stretches_text

                held = sum(1 for stretch in last.stretches if not stretch.skipped)
                done = f"recovery routine · {stretches_text(held)} held"
            widget.update(
                f"Last session: {last.date:%a %-d %b}{year} · {escape(last.info.program)} · "
                f"{done}{status}"
            )

    async def action_start(self) -> None:
        if not self._checked:
            self._start_asked = True  # once we know whether a session waits to be resumed
            return
        self._start_asked = False
        await self.start_checked()

    async def start_checked(self) -> None:
        """Start a session unless today is a rest day; ask first when tomorrow is planned."""
        from runstrength.core.restdays import can_start_today
        from runstrength.core.resume import can_resume

        waiting = self.waiting
        if waiting is not None and can_resume(waiting, self.context.clock.now().date()):
            if self.app.screen is self:  # one session a day at a time: go on or close it
                self.offer_resume(waiting)
            return
        check = self.check
        if check is None:  # the worker has not read the log yet: ask it now
            try:
                check = can_start_today(self.training_days())
            except LogError as error:
                self.notify(escape(str(error)), severity="error")
                return
        if self.askable(check):
            self.ask_despite_run(check)
            return
        if not check.allowed:
            title = "No strength today" if check.verdict.by_run else "Rest day"
            offer = "\nr: a recovery routine of stretches and easy moves instead."
            self.notify(escape(check.verdict.message()) + offer, title=title, severity="warning")
            return
        await self.start_after_checks(check)

    async def start_after_checks(self, check: StartCheck) -> None:
        """Start, asking first when tomorrow is planned."""
        from runstrength.screens.start_dialogs import ConfirmTomorrow

        if check.tomorrow_program is None:
            self.start_session()
            return
        tomorrow = check.verdict.day + timedelta(days=1)

        def chosen(choice: StartChoice | None) -> None:
            if choice == "move" and check.move_to is not None:
                self.move_plan_and_start(tomorrow, check.move_to)
            elif choice in ("move", "keep"):
                self.start_session()

        await self.app.push_screen(
            ConfirmTomorrow(check.tomorrow_program, tomorrow, check.move_to), chosen
        )

    def ask_despite_run(self, check: StartCheck) -> None:
        """run_rules = "warn": a running rule asks before the session starts."""
        from runstrength.screens.edit_dialogs import ConfirmDialog

        async def answered(yes: bool | None) -> None:
            if yes:
                await self.start_after_checks(check)

        question = ConfirmDialog("Start a session anyway?", escape(check.verdict.message()))
        self.app.push_screen(question, answered)

    def start_session(self) -> None:
        # Imported on first use: the session's widgets are not needed to show home.
        from runstrength.screens.session import SessionScreen

        self.app.push_screen(SessionScreen(self.context, self.program))

    # --- a session still open: offered at start, and before a new one -----------------

    @work(thread=True, group="resume")
    def find_interrupted(self, offer: bool = True) -> None:
        try:
            interrupted = self.context.log.interrupted_sessions()
        except LogError:
            interrupted = []  # load_last_session shows what is wrong
        # A recovery routine has no set to go on from: one cut off is closed as it stands.
        routines = [r for r in interrupted if r.info.is_recovery]
        for record in routines:
            self.close_as_partial(record)
        if routines:
            self.app.call_from_thread(self.load_last_session)
        interrupted = [r for r in interrupted if not r.info.is_recovery]
        waiting = interrupted[-1] if interrupted else None
        self.app.call_from_thread(self.interrupted_found, waiting, offer)

    def interrupted_found(self, record: SessionRecord | None, offer: bool = True) -> None:
        self._checked = True
        self.waiting = record
        if offer and record is not None and self.app.screen is self:
            self.offer_resume(record)  # rather than a new session asked for meanwhile
        elif self._start_asked:
            self.call_later(self.action_start)

    def offer_resume(self, record: SessionRecord) -> None:
        from runstrength.core.fields import shown
        from runstrength.core.resume import can_resume
        from runstrength.screens.resume import ResumeDialog

        last = record.sets[-1].exercise if record.sets else ""
        name = self.context.catalogue.exercise_name(last) if last else ""
        program = self.context.programs.get(record.info.program)
        why_not = None
        if program is None:
            why_not = f"The program {shown(record.info.program)} is gone, so it cannot be resumed."
        elif not can_resume(record, self.context.clock.now().date()):
            why_not = (
                f"It started on {record.date:%a %-d %b} and goes on only that day "
                "(the rest-day rule counts it then): close it to keep its sets."
            )

        def chosen(choice: ResumeChoice) -> None:
            if choice == "resume" and why_not is None and program is not None:
                from runstrength.screens.session import SessionScreen

                self.waiting = None  # under way again: never offered twice
                self.app.push_screen(SessionScreen(self.context, program, resume=record))
            elif choice == "close":
                self.waiting = None
                self.close_interrupted(record)

        self.app.push_screen(ResumeDialog(record, name, why_not), chosen)

    def close_interrupted(self, record: SessionRecord) -> None:
        from runstrength.screens.background import run_write

        def close() -> None:
            self.close_as_partial(record)
            self.app.call_from_thread(self.load_last_session)

        run_write(self.app, close, "resume-close")

    def close_as_partial(self, record: SessionRecord) -> None:
        """End an interrupted session as partial, at the last thing it logged (on a worker)."""
        done = [r.completed_at for r in record.sets]
        if record.info.is_recovery:
            done = [r.completed_at for r in record.stretches]
        ended = max(done, default=record.info.started_at)
        try:
            self.context.log.finish_session(record.info, "partial", ended)
        except LogError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=15)

    def action_history(self) -> None:
        from runstrength.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen(self.context))

    def move_plan_and_start(self, tomorrow: date, to: date) -> None:
        from runstrength.screens.background import run_write

        run_write(self.app, lambda: self.move_plan(tomorrow, to), "home-plan")

    def move_plan(self, tomorrow: date, to: date) -> None:
        """Move tomorrow's plan, then start today's session (on the log's writer)."""
        from runstrength.core.restdays import format_day
        from runstrength.store import DayTakenError, NotScheduledError, Schedule

        try:
            Schedule(self.context.log).move(tomorrow, to)
        except (LogError, DayTakenError, NotScheduledError) as error:
            self.app.call_from_thread(
                self.notify, f"The plan was not moved: {error}", severity="error"
            )
            return
        self.app.call_from_thread(
            self.notify, f"Tomorrow's session moved to {format_day(to)}.", timeout=4
        )
        self.app.call_from_thread(self.start_session)

    def action_calendar(self) -> None:
        from runstrength.screens.calendar import CalendarScreen

        self.app.push_screen(CalendarScreen(self.context))

    async def action_quit_app(self) -> None:
        await self.app.run_action("app.quit")

    def action_help(self) -> None:
        from runstrength.screens.dialogs import HelpScreen

        self.app.push_screen(HelpScreen("home", self.HELP_ROWS))
