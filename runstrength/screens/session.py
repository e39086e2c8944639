"""The live session: renders the engine's current step and forwards every key to it.

What it reads from the log, and the messages its reads and writes come back as, are in
`session_log.py`; how it ends (summary, effort, q's question) in `session_end.py`."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, ProgressBar, Static

from runstrength.context import AppContext
from runstrength.core.cues import sounds_for
from runstrength.core.engine import SessionEngine
from runstrength.core.events import (
    BandPicked,
    Cue,
    CueEvent,
    Event,
    LogWrite,
    RoutineDone,
    SessionEnded,
    SessionResumed,
    SessionSetAside,
    SetCompleted,
    StepChanged,
)
from runstrength.core.keys import offered, skip_kind
from runstrength.core.plan import IntroStep, SetStep
from runstrength.core.programs import Program
from runstrength.core.records import SessionKind, SessionRecord
from runstrength.core.resume import breaks_until
from runstrength.core.stats import PastResults
from runstrength.core.styled import Piece, Styled
from runstrength.core.ticking import MIN_TICK_SECONDS, PROGRESS_STEPS, TICK_SECONDS, next_tick_delay
from runstrength.core.view import StepView, describe, flash_for, status_line
from runstrength.messages import SoundSwitched
from runstrength.screens import registry as screens
from runstrength.screens.plain import escape
from runstrength.screens.session_end import ON_SUMMARY, SCROLL, SessionEnd, live_keys
from runstrength.screens.session_keys import SESSION_KEYS
from runstrength.screens.session_log import (
    PastRead,
    SaveFailed,
    SetSaved,
    last_time_text,
    read_past,
    saved_label,
    write_what,
)
from runstrength.store.writer import session_write
from runstrength.widgets.flash_band import FlashBand
from runstrength.widgets.floor import FloorLayout
from runstrength.widgets.key_footer import KeyFooter
from runstrength.widgets.line_list import LineList
from runstrength.widgets.readout import Readout
from runstrength.widgets.styled_text import styled_content
from runstrength.widgets.summary_table import SummaryTable
from runstrength.widgets.text_line import TextLine
from runstrength.writes import hand_write, remember_setting

BEAT_SECONDS = 0.4
"""How long the count lights up for each tempo beat."""

STAGES = ("warmup", "intro", "set", "hold", "rest", "stretch", "summary")
"""One class each on the screen, for the stage shown."""


class SessionScreen(SessionEnd, Screen[None]):
    """One session from warm-up to summary."""

    CSS_PATH = ["shared.tcss", "session.tcss"]
    MIN_SIZE = screens.SESSION_MIN_SIZE
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]
    """`-short` below the 24 lines the other screens need: the summary closes up."""
    KEYS = SESSION_KEYS
    BINDINGS = KEYS.bindings

    # The watchers update the widgets that show these, and each widget repaints only
    # itself: a repaint of the whole screen at every tick would redraw every line of it.
    step_view: reactive[StepView | None] = reactive(None, init=False, repaint=False)
    """What the screen shows of the engine's state (core/view.py)."""
    status_text: reactive[Styled] = reactive((), init=False, repaint=False)
    """The status line: paused, tempo, band, sound, what was saved last."""
    last_saved: reactive[Styled] = reactive((), init=False, repaint=False)
    """The set saved last ("✓ … saved"), or that one could not be; empty at a new set."""
    skip_offered: reactive[str | None] = reactive(None, init=False, repaint=False, bindings=True)
    """What s skips now (core/keys.py): the footer shows the binding that applies."""

    def __init__(
        self,
        context: AppContext,
        program: Program,
        tick_seconds: float = TICK_SECONDS,
        resume: SessionRecord | None = None,
        kind: SessionKind = "strength",
    ):
        """kind="recovery": a rest day's routine of the program's stretches."""
        super().__init__()
        self.context = context
        self.resuming = resume
        self.tick_seconds = tick_seconds
        catalogue = context.catalogue
        self.engine = SessionEngine(
            program.for_bands(context.settings.bands),
            context.settings,
            context.clock,
            context.new_id(),
            warmup_moves=catalogue.mobility if kind == "recovery" else catalogue.warmup,
            kind=kind,
        )
        self.past: PastResults | None = None
        self.earlier: list[SessionRecord] = []
        """The log before this session: bests are named against it at the summary."""
        self.hints: dict[str, str | None] = {}
        """Per exercise, the nudge to progress earned in the last sessions (intro card)."""
        self._timer: Timer | None = None
        self._beat_until: float | None = None
        self.KEYS = live_keys(type(self).KEYS)  # for `?`: the summary names its own

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="session"):
            yield TextLine(id="where")
            yield TextLine(id="heading")
            with Horizontal(id="main"):
                yield Readout(id="readout")
                yield LineList(id="lines")
            yield TextLine(id="last-time")
            yield ProgressBar(id="progress", show_eta=False, show_percentage=False)
            yield SummaryTable(id="summary")
            yield Static("", id="totals")
            yield TextLine(id="prompt")
            yield TextLine(id="status")
        yield FloorLayout(id="floor")
        yield KeyFooter(type(self).KEYS)
        yield FlashBand(id="flash")

    def on_mount(self) -> None:
        self.set_class(self.context.settings.session_layout == "floor", "-floor")
        if self.resuming is not None:
            resuming = self.resuming
            breaks = breaks_until(resuming, self.engine.clock.now())
            self.apply(self.engine.resume(resuming.info, resuming.sets, resuming.resume_at, breaks))
        else:
            self.apply(self.engine.start())
        self._schedule_tick()
        self.load_past()

    @work(thread=True, group="history")
    def load_past(self) -> None:
        read = read_past(self.context, self.engine)
        if read is not None:
            self.post_message(read)

    def on_session_screen_past_read(self, message: PastRead) -> None:
        self.past = message.past
        self.hints = message.hints
        self.earlier = message.earlier
        if message.bands:
            self.engine.bands.learn(message.bands)
            self.render_view()
        self.show_last_time()

    def show_last_time(self) -> None:
        text = last_time_text(self.engine, self.past, self.hints)
        self.query_one("#last-time", TextLine).text = Text(text)
        self.query_one(FloorLayout).show_past(text)

    # --- engine in, screen out -------------------------------------------------------

    def tick(self) -> None:
        self.apply(self.engine.tick())
        now = self.context.clock.monotonic()
        self.query_one(FlashBand).expire(now)
        if self._beat_until is not None and now >= self._beat_until:
            self._beat_until = None
            self.remove_class("-beat")

    def beat(self) -> None:
        """A tempo rep: the count lights up for a moment, to be seen as well as heard."""
        self._beat_until = self.context.clock.monotonic() + BEAT_SECONDS
        self.add_class("-beat")

    def announce(self, events: list[Event]) -> None:
        """Play the cues for these events; when nothing can be heard, show the phase change."""
        sounds = sounds_for(events, self.context.settings.voice, self.engine.remaining())
        heard = self.context.sound.play(sounds)
        flash = None if heard else flash_for(self.engine, events)
        if flash is not None:
            phase, detail = flash
            self.query_one(FlashBand).flash(phase, self.context.clock.monotonic(), detail)
            if self.context.settings.bell:
                self.app.bell()

    def _schedule_tick(self) -> None:
        # One timer at a time, re-armed after every change: a 60 s rest costs a few
        # wake-ups a second instead of twenty, and a deadline is met within a few ms.
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        delay = next_tick_delay(self.engine, self.tick_seconds)
        hides = (self.query_one(FlashBand).hide_at, self._beat_until)
        hide_at = min((at for at in hides if at is not None), default=None)
        if hide_at is not None:  # the flash band and a beat end on a tick: make sure one comes
            until_hidden = max(hide_at - self.context.clock.monotonic(), MIN_TICK_SECONDS)
            delay = until_hidden if delay is None else min(delay, until_hidden)
        if delay is not None:
            self._timer = self.set_timer(delay, self.tick)

    def apply(self, events: list[Event]) -> None:
        if any(isinstance(event, CueEvent | StepChanged) for event in events):
            self.announce(events)
        if any(isinstance(event, CueEvent) and event.cue is Cue.TICK for event in events):
            self.beat()
        for event in events:
            if isinstance(
                event, SetCompleted | RoutineDone | SessionSetAside | BandPicked | SessionResumed
            ):
                self._hand_write(event)
            elif isinstance(event, SessionEnded):
                if event.sets_logged:
                    self._hand_write(event)
                self.show_summary()
            elif isinstance(event, StepChanged):
                if isinstance(event.step, SetStep | IntroStep):
                    self.last_saved = ()
                self.refresh_bindings()
                self.show_last_time()
        self.render_view()
        if self.is_mounted:
            self._schedule_tick()

    def render_view(self) -> None:
        """The engine's state, drawn by the watchers below (only what changed)."""
        self.step_view = describe(self.engine)
        self.show_status()
        self.skip_offered = skip_kind(self.engine)

    def watch_step_view(self, old: StepView | None, view: StepView | None) -> None:
        if view is None:
            return
        if old is None or old.stage != view.stage:
            for stage in STAGES:
                self.set_class(view.stage == stage, f"-{stage}")
        self.query_one("#where", TextLine).text = Text(view.where)
        self.query_one("#heading", TextLine).text = Text(view.heading)
        self.query_one(Readout).show(view.big, view.big_caption, view.target)
        self.query_one(LineList).show(view.lines, view.highlight)
        if view.progress:
            done, total = view.progress
            total = max(total, 0.001)
            step = total / PROGRESS_STEPS  # finer than the bar can show is not drawn
            for bar in self.query(ProgressBar):  # a bar redraws only what changed
                bar.update(total=total, progress=round(done / step) * step)
        self.query_one("#prompt", TextLine).text = (
            f"[b]enter[/b] {escape(view.prompt)}" if view.prompt else ""
        )
        self.query_one(FloorLayout).show(view)

    def show_status(self) -> None:
        sound_off = self.context.sound.silence_reason() is not None
        self.status_text = status_line(self.engine, sound_off=sound_off, last_saved=self.last_saved)

    def watch_status_text(self, status: Styled) -> None:
        self.query_one("#status", TextLine).text = styled_content(status)
        self.query_one(FloorLayout).show_status(status)

    def watch_last_saved(self) -> None:
        self.show_status()

    def on_sound_switched(self, _: SoundSwitched) -> None:
        self.show_status()

    # --- writes, off the UI thread ---------------------------------------------------

    def _hand_write(self, event: LogWrite) -> None:
        label = None
        if isinstance(event, SetCompleted):
            label = saved_label(self.context.catalogue, event)
        # Kept when refused and tried again first with the next one: each of a session's
        # writes depends on those before it. It lands even after this screen has closed.
        hand_write(
            self.app,
            self.context.writer,
            session_write(event),
            reply_to=self,
            saved=lambda _: None if label is None else SetSaved(label),
            failed=SaveFailed,
            keep=True,
            what=write_what(event),
        )

    def on_session_screen_set_saved(self, message: SetSaved) -> None:
        self.last_saved = (Piece(message.label),)

    def on_session_screen_save_failed(self, message: SaveFailed) -> None:
        self.last_saved = (Piece("NOT SAVED: retried with the next set", "alert"),)
        self.notify(escape(message.reason), title="Not saved", severity="error", timeout=15)

    # --- keys -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only keys that do something in the step under way are offered (core/keys.py)."""
        engine = self.engine
        if action == SCROLL:
            return self.summary_scrolls()
        if engine.finished:
            return action in ON_SUMMARY
        if action == "home":
            return False
        if action == "skip":
            return parameters == (skip_kind(engine),)
        return offered(engine, action, parameters)

    def action_count(self, delta: int) -> None:
        self.apply(self.engine.count(delta))

    def action_enter(self) -> None:
        if self.engine.finished:
            self.leave()
            return
        self.apply(self.engine.proceed())

    def action_home(self) -> None:
        """enter on the summary: back to home, the effort typed kept."""
        self.leave()

    def action_skip(self, kind: str) -> None:
        self.apply(self.engine.skip())

    def action_skip_warmup(self, _routine: str = "") -> None:
        self.apply(self.engine.skip_warmup())

    def action_pause(self, _now: str = "") -> None:
        self.apply(self.engine.toggle_pause())
        self.refresh_bindings()

    def action_adjust(self, seconds: int) -> None:
        self.apply(self.engine.adjust(seconds))

    def action_tempo(self) -> None:
        self.apply(self.engine.toggle_tempo())
        self.refresh_bindings()

    def action_band(self) -> None:
        self.apply(self.engine.next_band())
        self.show_last_time()

    def action_layout(self) -> None:
        """f: floor or compact layout; the choice is kept in the settings for next time."""
        layout = "compact" if self.has_class("-floor") else "floor"
        self.set_class(layout == "floor", "-floor")
        remember_setting(self.app, self.context, "session_layout", layout)
