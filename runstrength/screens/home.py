"""Home: today, the chosen program, the last session, and the way into a new one.

What home reads from the log is in `home_reads.py`, the way into a session (its checks
and dialogs) in `home_start.py`, the text of each part in `home_display.py`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Static

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
from runstrength.core.programs import Program
from runstrength.messages import HomeShown
from runstrength.screens import registry as screens
from runstrength.screens.home_display import (
    damage_text,
    last_text,
    program_text,
    recovery_length,
    rest_day_text,
    run_day_text,
    training_day_text,
)
from runstrength.screens.home_reads import (
    DamageFound,
    LoadRead,
    LogChanged,
    LogOnHome,
    LogRead,
    RunsImported,
    read_home,
)
from runstrength.screens.home_start import StartFlow
from runstrength.screens.plain import escape
from runstrength.store import LogError
from runstrength.widgets.key_footer import KeyFooter
from runstrength.widgets.title_bar import TitleBar
from runstrength.writes import hand_write

if TYPE_CHECKING:
    from datetime import date

    from runstrength.core.records import SessionRecord
    from runstrength.core.restdays import StartCheck
    from runstrength.core.runs import RunMark
    from runstrength.core.settings import Settings

# What home needs only after its first frame is imported where it is used.

SOUND_CHECK_DELAY = 1.0
"""Seconds after home first shows: late enough to stay out of the start-up's way."""
PAINT_WAIT = 0.25
"""Seconds home waits for the day's status to be painted before it goes on reading."""
NOTICES = ("load", "damage", "start-hint", "problems")
"""Home's notices (and the way into a session between them), in their order on screen."""


class HomeScreen(StartFlow, Screen[None]):
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
            "scroll (PgUp / PgDn a page), when the screen holds more than fits",
            "scroll_lines(-1)",
            "More",
            key_display="↑↓",
            help_keys="↑ / ↓",
            gives_way=1,  # shown only while home holds more than fits (`check_action`)
            more=(
                Binding("down", "scroll_lines(1)", "Scroll", show=False),
                Binding("pageup", "scroll_lines(-10)", "Scroll", show=False),
                Binding("pagedown", "scroll_lines(10)", "Scroll", show=False),
            ),
        ),
        Command(
            "x",
            "while a session is left open (set aside or cut off): go on with it or close it",
            "left_open",
            "Left open",
        ),
        HISTORY,
        CALENDAR,
        BROWSE._replace(gives_way=2),  # in the palette too; the footer may need its room
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
        self.program = program or context.default_program()
        self._checked = False
        self._start_asked = False
        self._resumed = False
        self._keys_shown: tuple[bool | None, ...] | None = None
        self._problems: list[str] = []
        self._reading = 0
        """The latest read of the log asked for (see `load_last_session`)."""
        self.waiting = None

    from_log: reactive[LogOnHome | None] = reactive(None, init=False)
    """The log as home last read it; None until then."""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        # The way into a session comes before any list of file problems, so it stays in
        # sight; a long list scrolls. Not focusable: ← → stay the program keys.
        with VerticalScroll(id="home", can_focus=False):
            yield Static("", id="day-status")
            yield Static("", id="program")
            yield Static("", id="last")
            # The load, a damaged log and the problems found in files are mounted once
            # there is something to say (see `notice`): most starts have none of them.
            yield Static("[b]enter[/b]  start the session", id="start-hint")
        yield KeyFooter(type(self).KEYS)

    def on_mount(self) -> None:
        self.watch(self.app, "settings", self.settings_changed, init=False)
        self.watch_from_log(None)  # the date; what the log holds once it is read
        scrolls = self.query_one("#home", VerticalScroll)
        self.watch(scrolls, "show_vertical_scrollbar", self.refresh_bindings, init=False)
        self.show_program(with_length=False)  # the length follows the day's status
        self._keys_shown = self.day_keys()  # as the footer shows them before the log is read
        self._problems = self.context.problems
        self.show_problems()
        self.context.problems = []
        # The log is read as soon as the first frame is up, not once the screen is idle:
        # what home shows first; sessions left open are looked for once it is idle.
        self.call_later(self.first_read)
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
            saved=RunsImported,
            title="Runs folder",
        )

    def on_home_screen_runs_imported(self, message: RunsImported) -> None:
        from runstrength.screens.runs_folder import say_imported

        say_imported(self, message.found)
        if message.found.added:
            self.load_last_session()

    def settings_changed(self, old: Settings, new: Settings) -> None:
        """New settings (or the first-run answers): the program shown follows the default
        program when that changed; its bands and warm-up come from the new values; a
        problem with the old theme goes once a known theme is picked."""
        if (old.program, old.goal) != (new.program, new.goal):
            self.program = self.context.default_program()
        self.show_program()
        if old.theme != new.theme and new.theme in self.app.available_themes:
            from runstrength.config import unknown_theme

            stale = unknown_theme(self.context.config_file, old, self.app.available_themes)
            self._problems = [problem for problem in self._problems if problem != stale]
            self.show_problems()

    def notice(self, name: str, text: str) -> None:
        """One of home's notices (`NOTICES`) shown with `text`, or hidden when it is empty;
        mounted in its place the first time it has something to say."""
        found = self.query(f"#{name}")
        if not found and text:  # before the next one on screen; the last goes at the end
            later = [f"#{n}" for n in NOTICES[NOTICES.index(name) + 1 :] if self.query(f"#{n}")]
            self.query_one("#home").mount(Static(text, id=name), before=next(iter(later), None))
        if not found:
            return
        widget = found.first(Static)
        widget.update(text)
        widget.display = bool(text)  # no empty line on home when all is well

    def show_problems(self) -> None:
        """The problems found in the user's files at start, still standing."""
        self.notice(
            "problems",
            "[b]Some of your files have problems[/b] (defaults are used):\n"
            + "\n".join(escape(problem) for problem in self._problems)
            if self._problems
            else "",
        )

    def on_screen_resume(self) -> None:
        if not self._resumed:  # first shown: on_mount has asked for the reading
            self._resumed = True
            return
        self.call_after_refresh(self.load_last_session)
        if self._checked:  # back from a session or a question: is one still open?
            self.call_after_refresh(self.find_interrupted, False)

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
        """The program shown; `with_length=False` leaves out its estimated length."""
        text = program_text(self.context, self.program, with_length=with_length)
        self.query_one("#program", Static).update(text)
        if self.check is not None and not self.check.allowed:
            self.show_day_status(self.check)  # the recovery routine follows the program shown

    def load_last_session(self) -> None:
        """Read what home shows from the log (again), on a worker. The read asked for
        last is the one shown: one still running from before goes on to its end unseen
        (a thread cannot be stopped halfway, and cancelling it would only hide it)."""
        self._reading += 1
        self._read_log(self._reading)

    @work(thread=True, group="home")
    def _read_log(self, reading: int) -> None:
        self.context.writer.settled()  # what was handed in before (a session's end) first
        try:
            from_log, today = read_home(self.context)
        except LogError as error:
            self.post_message(LogRead(LogOnHome(error=str(error)), reading))
            return
        read = LogRead(from_log, reading)
        self.post_message(read)
        # What home is for is painted before the training load is worked out: it would
        # hold up that paint.
        read.painted.wait(timeout=PAINT_WAIT)
        self._read_more(reading, today)

    def first_read(self) -> None:
        """What home is for, read as soon as the first frame is up, here on the UI thread:
        it takes milliseconds (this year's file, which the app's start leaves unread, see
        `build_context`, is read here, and only read: no write waits on it), while a thread
        would only wait its turn as Textual finishes the screen. The training load and
        the look for malformed records follow on a worker."""
        self._reading += 1
        try:
            from_log, today = read_home(self.context)
        except LogError as error:
            self.from_log = LogOnHome(error=str(error))
            return
        self.from_log = from_log
        self.call_after_refresh(self.show_program)
        self.call_after_refresh(self._read_more_apart, self._reading, today)
        self.call_after_refresh(self.post_message, HomeShown())

    @work(thread=True, group="home")
    def _read_more_apart(self, reading: int, today: date) -> None:
        self._read_more(reading, today)

    def _read_more(self, reading: int, today: date) -> None:
        """The training load and the log's malformed records, worked out on a worker once
        what home is for is on screen (the second may read every record)."""
        from runstrength.screens.load_warning import load_warning

        self.post_message(LoadRead(load_warning(self.context, today), reading))
        try:
            damage = self.context.log.malformed()
        except LogError:
            return
        if damage is not None:
            self.post_message(DamageFound(damage.detail))

    def on_home_screen_log_read(self, message: LogRead) -> None:
        if message.reading != self._reading:  # a read asked for since will show
            message.painted.set()
            return
        self.from_log = message.from_log
        # The program's length, like the load, waits for the day's status to be painted.
        self.call_after_refresh(message.painted.set)
        self.call_after_refresh(self.show_program)

    def on_home_screen_load_read(self, message: LoadRead) -> None:
        if message.reading == self._reading:
            self.show_load(message.load)

    def on_home_screen_damage_found(self, message: DamageFound) -> None:
        self.notice("damage", damage_text(message.detail))

    def on_home_screen_log_changed(self, _: LogChanged) -> None:
        self.load_last_session()

    def watch_from_log(self, from_log: LogOnHome | None) -> None:
        # Today's date, again at each read: after midnight it follows.
        self.query_one(TitleBar).right = f"{self.context.clock.now():%A %-d %B %Y}"
        if from_log is None:
            return
        self.show_last(from_log.last, from_log.error)
        if from_log.check is not None:
            self.show_day_status(from_log.check, from_log.trained_today, from_log.run_today)

    def show_load(self, text: str) -> None:
        self.notice("load", text)

    def show_day_status(
        self, check: StartCheck, trained_today: bool = False, run_today: RunMark | None = None
    ) -> None:
        keys = self.day_keys()
        if keys != self._keys_shown:  # the footer is laid out again only when it changes
            self._keys_shown = keys
            self.refresh_bindings()
        verdict = check.verdict
        status = self.query_one("#day-status", Static)
        hint = self.query_one("#start-hint", Static)
        status.set_class(not verdict.allowed, "rest")
        hint.set_class(not verdict.allowed, "rest")
        if verdict.allowed:
            status.update(training_day_text(check, trained_today, run_today))
            hint.update(self.start_hint())
            return
        if verdict.by_run:
            text, hint_text = run_day_text(check, warn=self.context.settings.run_rules == "warn")
        else:
            text, hint_text = rest_day_text(check, recovery_length(self.context, self.program))
        status.update(text)
        hint.update(hint_text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "scroll_lines":
            return self.query_one("#home", VerticalScroll).show_vertical_scrollbar
        return super().check_action(action, parameters)

    def show_last(self, last: SessionRecord | None, error: str | None) -> None:
        widget = self.query_one("#last", Static)
        widget.update(last_text(last, error, this_year=self.context.clock.now().year))
        # Laid out again after the paint: when home scrolls, the update's height was lost.
        self.call_after_refresh(widget.refresh, layout=True)

    def action_history(self) -> None:
        self.app.push_screen(screens.history(self.context))

    def action_calendar(self) -> None:
        self.app.push_screen(screens.calendar(self.context))

    async def action_quit_app(self) -> None:
        await self.app.run_action("app.quit")
