"""Home's way into a session: the start checks (a session still open, the rest-day and
running rules, tomorrow's plan), the dialogs that ask, and closing or resuming a session
left open."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from textual import work
from textual.widgets import Static

from runstrength.screens import registry as screens
from runstrength.screens.home_reads import LogChanged, OpenSessionsFound, PlanMoved, training_days
from runstrength.screens.parts import ScreenPart
from runstrength.screens.plain import escape
from runstrength.store import LogError
from runstrength.writes import hand_write

if TYPE_CHECKING:
    from runstrength.context import AppContext
    from runstrength.core.programs import Program
    from runstrength.core.records import SessionRecord
    from runstrength.core.restdays import StartCheck
    from runstrength.screens.resume import ResumeChoice
    from runstrength.screens.start_dialogs import StartChoice
    from runstrength.store import TrainingLog


def _to_go_on_with(left_open: list[SessionRecord]) -> SessionRecord | None:
    """The newest session left open that can be gone on with (a recovery routine cannot:
    one cut off is closed as it stands)."""
    waiting = [r for r in left_open if not r.info.is_recovery]
    return waiting[-1] if waiting else None


DAY_ACTIONS = ("start", "start_refused", "recovery")
"""The actions home offers or not by the day's status (see `check_action`)."""


class StartFlow(ScreenPart):
    """The start of a session from home, the screen made with it."""

    context: AppContext
    program: Program
    waiting: SessionRecord | None
    """A session still open (set aside or interrupted), offered before a new one starts."""
    _checked: bool
    """Whether the log has been asked for a session still open."""
    _start_asked: bool
    """A start asked for before that answer came: it follows the answer."""
    _put_off: str | None = None
    """The id of a session left open on an earlier day that the runner put off closing
    (escape on the offer): enter no longer asks about it (x still does)."""

    if TYPE_CHECKING:  # home holds it: today under the rest-day rule, once read

        @property
        def check(self) -> StartCheck | None: ...

    def day_keys(self) -> tuple[bool | None, ...]:
        """Which of the keys that follow the day's status the footer shows."""
        return tuple(self.check_action(action, ()) for action in DAY_ACTIONS)

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
        if action == "left_open":
            return self.waiting is not None
        return True

    def start_hint(self) -> str:
        """What enter does on a day a session may start: a session of today still open
        (set aside, or cut off) is gone on with before a new one starts."""
        waiting = self.waiting
        if waiting is None:
            return "[b]enter[/b]  start the session"
        from runstrength.core.resume import can_resume  # the session model: only when one waits

        if not can_resume(waiting, self.context.clock.now().date()):
            how = "set aside" if waiting.set_aside_at is not None else "cut off"
            return (
                "[b]enter[/b]  start the session\n"
                f"[b]x[/b]      close the session {how} on {waiting.date:%A %-d %B}"
            )
        how = "set aside" if waiting.set_aside_at is not None else "cut off"
        program = escape(waiting.info.program)
        return f"[b]enter[/b]  go on with today's {program} session ({how})"

    def askable(self, check: StartCheck) -> bool:
        """Refused by a run only, with the running rules set to ask rather than refuse."""
        return (
            not check.allowed and check.verdict.by_run and self.context.settings.run_rules == "warn"
        )

    async def action_start(self) -> None:
        if not self._checked:
            self._start_asked = True  # once we know whether a session waits to be resumed
            return
        self._start_asked = False
        await self.start_checked()

    async def action_start_refused(self) -> None:
        await self.action_start()

    async def start_at_launch(self) -> None:
        """`runstrength start`: at once, as enter does once home has read the log. A
        session of today left open is offered first; the new one follows once it is
        closed."""
        try:
            interrupted = self.context.log.interrupted_sessions()
        except LogError:
            interrupted = []  # start_checked names what is wrong
        self._checked = True
        self.waiting = _to_go_on_with(interrupted)
        await self.start_checked(then_start=True)

    async def start_checked(self, then_start: bool = False) -> None:
        """Start a session unless today is a rest day; ask first when tomorrow is planned.
        A session of today left open is offered instead (`then_start`: the new one
        follows once it is closed)."""
        from runstrength.core.restdays import can_start_today
        from runstrength.core.resume import can_resume

        waiting = self.waiting
        if waiting is not None and can_resume(waiting, self.context.clock.now().date()):
            if self.app.screen is self:  # one session a day at a time: go on or close it
                self.offer_resume(waiting, then_start=then_start)
            return
        if waiting is not None and waiting.info.id != self._put_off and self.app.screen is self:
            # One of an earlier day cannot go on: offered to be closed, then today's starts.
            self.offer_resume(waiting, then_start=True)
            return
        check = self.check
        if check is None:  # the worker has not read the log yet: ask it now
            try:
                check = can_start_today(training_days(self.context))
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

    def action_recovery(self) -> None:
        self.start_recovery()

    def start_recovery(self) -> None:
        """A recovery routine of the program shown: never a strength session, so allowed
        on any day, rest days included."""
        self.app.push_screen(screens.session(self.context, self.program, kind="recovery"))

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
            saved=lambda problem: PlanMoved(to, problem),
            failed=lambda reason: PlanMoved(to, reason),
        )

    def on_home_screen_plan_moved(self, message: PlanMoved) -> None:
        from runstrength.core.restdays import format_day

        if message.problem is not None:
            self.notify(escape(f"The plan was not moved: {message.problem}"), severity="error")
            return
        self.notify(f"Tomorrow's session moved to {format_day(message.to)}.", timeout=4)
        self.start_session()

    # --- a session still open: offered at start, and before a new one -----------------

    @work(thread=True, group="resume")
    def find_interrupted(self, offer: bool = True) -> None:
        try:
            interrupted = self.context.log.interrupted_sessions()
        except LogError:
            interrupted = []  # load_last_session shows what is wrong
        self.post_message(OpenSessionsFound(interrupted, offer))

    def on_home_screen_open_sessions_found(self, message: OpenSessionsFound) -> None:
        # A recovery routine has no set to go on from: one cut off is closed as it stands.
        for record in message.sessions:
            if record.info.is_recovery:
                self.close_as_partial(record)
        self.interrupted_found(_to_go_on_with(message.sessions), message.offer)

    def action_left_open(self) -> None:
        """x: the session left open, offered again (to go on with, or close)."""
        if self.waiting is not None and self.app.screen is self:
            self.offer_resume(self.waiting)

    def interrupted_found(self, record: SessionRecord | None, offer: bool = True) -> None:
        self._checked = True
        self.waiting = record
        self.refresh_bindings()  # x shows while a session waits
        if self.check is not None and self.check.allowed:
            self.query_one("#start-hint", Static).update(self.start_hint())
        if offer and record is not None and self.app.screen is self:
            # Rather than a new session asked for meanwhile: that follows once it is closed.
            asked, self._start_asked = self._start_asked, False
            self.offer_resume(record, then_start=asked)
        elif self._start_asked:
            self.call_later(self.action_start)

    def offer_resume(self, record: SessionRecord, then_start: bool = False) -> None:
        """Resume it or close it as partial; `then_start`: a new session was asked for
        (enter before the log was read, `runstrength start`), which starts once it is
        closed."""
        from runstrength.core.fields import shown
        from runstrength.core.resume import can_resume
        from runstrength.screens.resume import ResumeDialog

        last = record.sets[-1].exercise if record.sets else ""
        name = self.context.catalogue.exercise_name(last) if last else ""
        program = self.context.programs.get(record.info.program)
        why_not = None
        late = not can_resume(record, self.context.clock.now().date())
        if late:
            why_not = (
                f"It started on {record.date:%A %-d %B}: a session goes on only the day it "
                "started (the rest-day rule counts it then)."
            )
        elif program is None:
            why_not = f"The program {shown(record.info.program)} is gone, so it cannot be resumed."

        def chosen(choice: ResumeChoice) -> None:
            if choice == "resume" and why_not is None and program is not None:
                self.waiting = None  # under way again: never offered twice
                self.refresh_bindings()
                self.app.push_screen(screens.session(self.context, program, resume=record))
            elif choice == "close":
                self.waiting = None
                self.refresh_bindings()
                self.close_as_partial(record)
                if then_start:
                    self.call_later(self.action_start)
            elif late:  # put off: it does not stand in the way of today's session
                self._put_off = record.info.id
                if then_start:
                    self.call_later(self.action_start)

        dialog = ResumeDialog(record, name, why_not, late=late, then_start=then_start)
        self.app.push_screen(dialog, chosen)

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
            saved=lambda _: LogChanged(),
        )
