"""Home: today, the chosen program, the last session, and the way into a new one."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Static

from runstrength.commands import (
    BROWSE,
    CALENDAR,
    HELP,
    HISTORY,
    RECOVERY,
    SETTINGS,
    SOUND,
    Command,
    keys,
)
from runstrength.context import AppContext
from runstrength.core.programs import Program, target_text
from runstrength.screens import registry as screens
from runstrength.screens.plain import escape
from runstrength.store import LogError
from runstrength.writes import hand_write

if TYPE_CHECKING:
    from runstrength.core.records import SessionRecord
    from runstrength.core.restdays import StartCheck, TrainingDays
    from runstrength.core.runs import RunMark
    from runstrength.core.settings import Settings
    from runstrength.screens.resume import ResumeChoice
    from runstrength.screens.start_dialogs import StartChoice
    from runstrength.store import TrainingLog
    from runstrength.store.runs_folder import FolderImport

# What home needs only after its first frame (the rest-day rule, the schedule, dialogs)
# is imported where it is used, mostly on the worker thread that reads the log: the
# first frame does not wait for it.

SOUND_CHECK_DELAY = 1.0
"""Seconds after home first shows: late enough to stay out of the start-up's way."""
PAINT_WAIT = 0.25
"""Seconds home waits for the day's status to be painted before it goes on reading."""


@dataclass(frozen=True)
class LogOnHome:
    """What home shows from the log: the last session and today under the rest-day rule
    (or why the log could not be read)."""

    last: SessionRecord | None = None
    error: str | None = None
    check: StartCheck | None = None
    trained_today: bool = False
    run_today: RunMark | None = None


class HomeScreen(Screen[None]):
    CSS_PATH = "home.tcss"
    KEYS = keys(
        "home",
        Command(
            "enter",
            "start a session of the program shown (not on a rest day)",
            "start",
            "Start",
            # On a rest day enter only says why no session starts; the footer offers r instead.
            more=(Binding("enter", "start_refused", "Start", show=False),),
        ),
        RECOVERY,
        Command(
            "left",
            "show the previous / next program (built-in and your own)",
            "cycle(-1)",
            "Program",
            key_display="←→",
            help_keys="← / →",
            more=(Binding("right", "cycle(1)", "Program", key_display="→", show=False),),
        ),
        Command(
            "up",
            "scroll, when the screen holds more than fits",
            "scroll_lines(-1)",
            "Scroll",
            show=False,
            help_keys="↑ / ↓",
            more=(Binding("down", "scroll_lines(1)", "Scroll", show=False),),
        ),
        HISTORY,
        CALENDAR,
        BROWSE,
        SETTINGS,
        Command("ctrl+p", "command palette: every screen and action"),
        SOUND.help_only(),
        HELP.help_only(),
        Command("q", "quit runstrength", "quit_app", "Quit"),
    )
    BINDINGS = KEYS.bindings

    def __init__(self, context: AppContext, program: Program | None = None) -> None:
        super().__init__()
        self.context = context
        self.program: Program = program or context.default_program()
        self._checked = False
        self._start_asked = False
        self.waiting: SessionRecord | None = None
        """A session still open (set aside or interrupted), offered before a new one starts."""

    from_log: reactive[LogOnHome | None] = reactive(None, init=False)
    """The log as home last read it; None until then."""

    @dataclass
    class LogRead(Message):
        """The log has been read for home (on a worker)."""

        from_log: LogOnHome
        painted: threading.Event = field(default_factory=threading.Event)
        """Set once what was read is on screen: the worker goes on to the load then."""

    @dataclass
    class LoadRead(Message):
        """The training-load line (empty when all is well), worked out after the paint."""

        load: str

    @dataclass
    class OpenSessionsFound(Message):
        """Sessions left open (set aside or cut off), oldest first; `offer`: ask now."""

        sessions: list[SessionRecord]
        offer: bool

    class LogChanged(Message):
        """A write home asked for has landed: what it shows is read again."""

    @dataclass
    class PlanMoved(Message):
        """Tomorrow's plan was moved (`to`), or why not (`problem`); the session follows."""

        to: date
        problem: str | None

    @dataclass
    class RunsImported(Message):
        """The runs folder has been read into the log."""

        found: FolderImport

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
        self.watch(self.app, "settings", self.settings_changed, init=False)
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
        self.set_timer(SOUND_CHECK_DELAY, self.context.sound.player.prepare)
        if self.context.settings.runs_folder:
            self.call_after_refresh(self.import_runs_folder)

    @property
    def check(self) -> StartCheck | None:
        """Today under the rest-day rule; None until the log has been read."""
        return self.from_log.check if self.from_log is not None else None

    def import_runs_folder(self) -> None:
        from runstrength.screens.runs_folder import import_write

        # Through the log's writer: quitting waits for the import rather than cut it short.
        write = import_write(self.context.settings.runs_folder)
        hand_write(
            self.app,
            self.context.writer,
            write,
            reply_to=self,
            saved=self.RunsImported,
            title="Runs folder",
        )

    def on_home_screen_runs_imported(self, message: RunsImported) -> None:
        from runstrength.screens.runs_folder import say_imported

        say_imported(self, message.found)
        if message.found.added:
            self.load_last_session()

    def settings_changed(self, old: Settings, new: Settings) -> None:
        """New settings (or the first-run answers): the program shown follows the default
        program when that changed; its bands and warm-up come from the new values."""
        if (old.program, old.goal) != (new.program, new.goal):
            self.program = self.context.default_program()
        self.show_program()

    def on_screen_resume(self) -> None:
        self.call_after_refresh(self.load_last_session)
        if self._checked:  # back from a session or a question: is one still open?
            self.call_after_refresh(self.find_interrupted, False)

    def training_days(self) -> TrainingDays:
        from runstrength.core.settings import run_settings
        from runstrength.store.schedule import Schedule

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

        self.context.writer.settled()  # what was handed in before (a session's end) first
        try:
            last = self.context.log.last_session()
            days = self.training_days()
            check = can_start_today(days)
        except LogError as error:
            self.post_message(self.LogRead(LogOnHome(error=str(error))))
            return
        trained_today = days.today in days.logged
        run_today = days.runs.get(days.today)
        painted = threading.Event()
        self.post_message(
            self.LogRead(LogOnHome(last, None, check, trained_today, run_today), painted)
        )
        # What home is for is painted before the training load is worked out: it would
        # hold up that paint.
        painted.wait(timeout=PAINT_WAIT)
        self.post_message(self.LoadRead(load_warning(self.context, days.today)))

    def on_home_screen_log_read(self, message: LogRead) -> None:
        self.from_log = message.from_log
        # The program's length, like the load, waits for the day's status to be painted.
        self.call_after_refresh(message.painted.set)
        self.call_after_refresh(self.show_program)

    def on_home_screen_load_read(self, message: LoadRead) -> None:
        self.show_load(message.load)

    def on_home_screen_log_changed(self, _: LogChanged) -> None:
        self.load_last_session()

    def watch_from_log(self, from_log: LogOnHome | None) -> None:
        if from_log is None:
            return
        self.show_last(from_log.last, from_log.error)
        if from_log.check is not None:
            self.show_day_status(from_log.check, from_log.trained_today, from_log.run_today)

    def show_load(self, text: str) -> None:
        widget = self.query_one("#load", Static)
        widget.update(text)
        widget.display = bool(text)  # no empty line on home when all is well

    def show_day_status(
        self, check: StartCheck, trained_today: bool = False, run_today: RunMark | None = None
    ) -> None:
        from runstrength.core.restdays import format_day
        from runstrength.core.runrules import run_headline

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
        self.app.push_screen(screens.session(self.context, self.program, kind="recovery"))

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
        self.app.push_screen(screens.session(self.context, self.program))

    # --- a session still open: offered at start, and before a new one -----------------

    @work(thread=True, group="resume")
    def find_interrupted(self, offer: bool = True) -> None:
        try:
            interrupted = self.context.log.interrupted_sessions()
        except LogError:
            interrupted = []  # load_last_session shows what is wrong
        self.post_message(self.OpenSessionsFound(interrupted, offer))

    def on_home_screen_open_sessions_found(self, message: OpenSessionsFound) -> None:
        # A recovery routine has no set to go on from: one cut off is closed as it stands.
        for record in message.sessions:
            if record.info.is_recovery:
                self.close_as_partial(record)
        waiting = [r for r in message.sessions if not r.info.is_recovery]
        self.interrupted_found(waiting[-1] if waiting else None, message.offer)

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
                self.waiting = None  # under way again: never offered twice
                self.app.push_screen(screens.session(self.context, program, resume=record))
            elif choice == "close":
                self.waiting = None
                self.close_interrupted(record)

        self.app.push_screen(ResumeDialog(record, name, why_not), chosen)

    def close_interrupted(self, record: SessionRecord) -> None:
        self.close_as_partial(record)

    def close_as_partial(self, record: SessionRecord) -> None:
        """End an interrupted session as partial, at the last thing it logged."""
        done = [r.completed_at for r in record.sets]
        if record.info.is_recovery:
            done = [r.completed_at for r in record.stretches]
        ended = max(done, default=record.info.started_at)
        hand_write(
            self.app,
            self.context.writer,
            lambda log: log.finish_session(record.info, "partial", ended),
            reply_to=self,
            saved=lambda _: self.LogChanged(),
        )

    def action_history(self) -> None:
        self.app.push_screen(screens.history(self.context))

    def move_plan_and_start(self, tomorrow: date, to: date) -> None:
        """Move tomorrow's plan, then start today's session (once the plan is moved)."""
        from runstrength.store.schedule import DayTakenError, NotScheduledError, Schedule

        def move(log: TrainingLog) -> str | None:
            try:
                Schedule(log).move(tomorrow, to)
            except (DayTakenError, NotScheduledError) as error:
                return str(error)
            return None

        hand_write(
            self.app,
            self.context.writer,
            move,
            reply_to=self,
            saved=lambda problem: self.PlanMoved(to, problem),
            failed=lambda reason: self.PlanMoved(to, reason),
        )

    def on_home_screen_plan_moved(self, message: PlanMoved) -> None:
        from runstrength.core.restdays import format_day

        if message.problem is not None:
            self.notify(escape(f"The plan was not moved: {message.problem}"), severity="error")
            return
        self.notify(f"Tomorrow's session moved to {format_day(message.to)}.", timeout=4)
        self.start_session()

    def action_calendar(self) -> None:
        self.app.push_screen(screens.calendar(self.context))

    async def action_quit_app(self) -> None:
        await self.app.run_action("app.quit")
