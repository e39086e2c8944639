"""The live session as a state machine: the screens show its state and forward keys to it.

Every method returns the events it caused (cues to play, sets to log, step changes), so
the engine itself has no side effects and is driven entirely by its injected clock.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from runstrength.core.bands import BandChoice
from runstrength.core.catalogue import WarmupMove
from runstrength.core.clock import Clock
from runstrength.core.events import (
    BandPicked,
    Cue,
    CueEvent,
    EndStatus,
    Event,
    SessionEnded,
    SessionResumed,
    SessionSetAside,
    SetCompleted,
    StepChanged,
)
from runstrength.core.keys import (
    SKIP_NOTICES,
    exercise_at_hand,
    offered,
    routine_word,
    skip_kind,
    warmup_kind,
)
from runstrength.core.plan import (
    IntroStep,
    RestStep,
    SetStep,
    Step,
    StretchStep,
    SummaryStep,
    WarmupStep,
    build_plan,
    build_recovery_plan,
)
from runstrength.core.programs import Program
from runstrength.core.records import Break, ResumePoint, SessionInfo, SessionKind, SetRecord
from runstrength.core.resume import exercises_done, resume_position
from runstrength.core.routine import RoutineLog
from runstrength.core.session_state import Note, SessionState
from runstrength.core.settings import Settings
from runstrength.core.skips import ExerciseTally, exercises_behind
from runstrength.core.timer import Countdown, RepClock, carried
from runstrength.core.wording import plural

ADJUST_SECONDS = 15
BEEP_SECONDS = (3, 2, 1)
READY_SECONDS = 5
"""A timed hold starts with this long to get into position."""


class SessionEngine(SessionState):
    """One session of one program, from warm-up to summary (what it reads: SessionState)."""

    def __init__(
        self,
        program: Program,
        settings: Settings,
        clock: Clock,
        session_id: str,
        warmup_moves: tuple[WarmupMove, ...] = (),
        bands: dict[str, str | None] | None = None,
        kind: SessionKind = "strength",
    ) -> None:
        """kind="recovery": a rest day's routine, `warmup_moves` its mobility moves."""
        self.program = program
        self.settings = settings
        self.clock = clock
        self.kind: SessionKind = kind
        build = build_recovery_plan if kind == "recovery" else build_plan
        self.plan: tuple[Step, ...] = build(program, settings, warmup_moves)
        self.index = 0
        self.info = SessionInfo(session_id, program.name, clock.now(), kind)
        self.countdown: Countdown | None = None
        self.reps = 0
        self.tempo = False
        self.paused = False
        self.getting_ready = False  # the few seconds before a timed hold starts
        self.note = Note()  # e.g. why enter did nothing, or that a rest was skipped
        self.warmup_extra = {}
        self.completed: list[SetRecord] = []
        self.routine = RoutineLog()
        self.status: EndStatus | None = None
        self.ended_at = self.info.started_at
        self.breaks: tuple[Break, ...] = ()  # spans set aside before it went on
        self.bands = BandChoice(settings.bands, bands)
        self.tally = ExerciseTally(program)
        self._beeped: set[int] = set()
        self._reps_clock = RepClock()
        self._set_started_at = self.info.started_at
        self._carry = 0.0

    def start(self) -> list[Event]:
        return self._go_to(0)

    def resume(
        self,
        info: SessionInfo,
        done: Sequence[SetRecord],
        at: ResumePoint | None = None,
        breaks: Sequence[Break] = (),
    ) -> list[Event]:
        """Continue an interrupted or set-aside session (`done`: its logged sets, `breaks`:
        the spans it was away) where it was set aside (`at`), else after its last set, each
        exercise on its band last used or picked with b; the log is told it goes on."""
        self.info = info
        self.breaks = tuple(breaks)
        self.completed = list(done)
        if done:
            self.routine.set_logged()
        self.bands.go_on_from(done, at)
        for number in exercises_done(self.plan, done):
            self.tally.set_done(number)
        events = self._go_to(resume_position(self.plan, done, at))
        point = self.goes_on_at() if done and not self.finished else None
        return events if point is None else [SessionResumed(info, point, self.breaks), *events]

    def tick(self) -> list[Event]:
        """Advance time: beeps, tempo reps, a timer run out, a note about the last step gone."""
        now = self.clock.monotonic()
        self.note.expire(now)
        if self.paused or self.finished:
            return []
        events: list[Event] = []
        if self.countdown is not None:
            remaining = self.countdown.remaining(now)
            due = [s for s in BEEP_SECONDS if remaining <= s and s not in self._beeped]
            if due and remaining > 0:
                self._beeped.update(s for s in BEEP_SECONDS if s >= min(due))
                events.append(CueEvent(Cue.BEEP))
            if remaining <= 0:
                events += self._late(self.countdown.overdue(now), self._timer_done)
        elif self._reps_clock.due_at is not None and isinstance(self.step, SetStep):
            target = self.step.entry.reps or 0
            clock = self._reps_clock
            while clock.due_at is not None and now >= clock.due_at:
                if self.reps >= target:
                    events += self._complete_set()
                    break
                due_at = clock.due_at
                self.reps += 1
                clock.due_at += self.settings.tempo_seconds
                events.append(CueEvent(Cue.TICK))
                if self.reps >= target:
                    events += self._late(now - due_at, self._complete_set)
                    break
        return events

    def proceed(self) -> list[Event]:
        """Enter: begin the exercise, finish the set, or move on from a timer (its step done)."""
        step = self.step
        if isinstance(step, IntroStep):
            return self._go_to(self.index + 1)
        if isinstance(step, SetStep):
            if self.getting_ready:
                return self._start_hold()
            if not step.entry.exercise.is_hold and self.reps == 0:
                self.note.say("Count your reps with space first, or press s to skip the set.")
                return []
            if step.entry.exercise.is_hold and self.elapsed() < 1:
                return []
            return self._complete_set()
        if isinstance(step, WarmupStep | RestStep | StretchStep):
            return self._leave(skipped=False) + self._advance(cue=None)
        return []

    def skip(self) -> list[Event]:
        """s: skip the thing under way (see core/keys.py) and say what became of it: a
        warm-up's next move, the whole exercise from its intro, a hold's get-ready; a hold
        or a counted set cut short keeps what was held or counted, as enter would."""
        kind, left = skip_kind(self), self.step
        if kind is None:
            return []
        if kind == "ready":  # a moment after it ran out by itself, s leaves the hold be
            return self._start_hold() if self.getting_ready else []
        if kind == "move":
            assert self.countdown is not None
            self.countdown.skip(self.next_move_in() or 0, self.clock.monotonic())
            self.note.say(f"Next move (S skips the whole {routine_word(self)})")
            return []
        if kind == "exercise":
            later = range(self.index + 1, len(self.plan))
            events = self._go_to(
                next(i for i in later if isinstance(self.plan[i], IntroStep | SummaryStep))
            )
        elif kind in ("hold", "end-set") and (self.reps or self.elapsed() >= 1):
            held = round(self.elapsed())
            events = self._complete_set()
            unit = f"{held} s" if kind == "hold" else plural(self.completed[-1].reps or 0, "rep")
            self._said(f"{'Hold' if kind == 'hold' else 'Set'} ended at {unit}: kept")
            return events
        else:
            events = self._leave(skipped=True) + self._advance(cue=None)
        side = f" ({left.side} side)" if isinstance(left, StretchStep) and left.side else ""
        self._said(SKIP_NOTICES.get(kind, SKIP_NOTICES["set"]) + side)
        return events

    def skip_warmup(self) -> list[Event]:
        """S: the whole warm-up is over; on to the first exercise."""
        if not isinstance(self.step, WarmupStep):
            return []
        events = self._leave(skipped=True) + self._advance(cue=None)
        self._said(SKIP_NOTICES[warmup_kind(self)])
        return events

    def count(self, delta: int) -> list[Event]:
        """space / backspace: one rep more or less on a counted set."""
        step = self.step
        if isinstance(step, SetStep) and not step.entry.exercise.is_hold:
            self.note.say("")
            self.reps = max(0, self.reps + delta)
            if delta > 0 and self.reps == step.entry.reps:
                return [CueEvent(Cue.SET_DONE)]
        return []

    def toggle_pause(self) -> list[Event]:
        if self.finished:
            return []
        # Count what fell due since the last tick before the clock stops.
        events = [] if self.paused else self.tick()
        if any(isinstance(event, SessionEnded) for event in events):
            return events
        now = self.clock.monotonic()
        self.paused = not self.paused
        for clock in (self.countdown, self._reps_clock):
            if clock is not None:
                (clock.pause if self.paused else clock.resume)(now)
        return events

    def adjust(self, seconds: int = ADJUST_SECONDS) -> list[Event]:
        """+ / -: change the running timer; a beep already played may play again."""
        if self.countdown is None:
            return []
        self.lengthen(seconds)
        left = self.countdown.remaining(self.clock.monotonic())
        self._beeped = {s for s in self._beeped if s >= left}
        return []

    def toggle_tempo(self) -> list[Event]:
        """t: tempo mode counts one rep per cadence on counted sets."""
        self.tempo = not self.tempo
        self._reps_clock.stop()
        if self.tempo and offered(self, "count"):
            cadence = self.settings.tempo_seconds
            self._reps_clock.start(self.clock.monotonic(), cadence, paused=self.paused)
        return []

    def next_band(self) -> list[Event]:
        """b: the next band for the exercise at hand (not its stretch), wrapping to the
        lightest; kept in the log at once, should the session be cut off."""
        entry = exercise_at_hand(self)
        if entry is None or not entry.exercise.uses_band:
            return []
        if self.bands.next(entry.exercise):
            point = self.goes_on_at()
            return [BandPicked(self.info, point)] if self.completed and point else []
        self.note.say("No bands in your settings (, on home): this one goes without.")
        return []

    def quit(self) -> list[Event]:
        """Stop now: what was done is kept (reps counted on this set too); partial."""
        if self.finished:
            return []
        events = self._log_set() if self.reps_in_progress else self._leave(skipped=True)
        return events + self._go_to(len(self.plan) - 1, status="partial")

    def set_aside(self) -> list[Event]:
        """Continue later (once a set is logged): the session stays open in the log, to go
        on at the set under way (its count is not kept) or the next one."""
        if self.finished or not self.completed:
            return []
        self.tally.passed(exercises_behind(self.step, len(self.program.entries)))
        point = self.goes_on_at()
        return [SessionSetAside(self.info, self.clock.now(), self.tally.skipped, point)]

    def _said(self, text: str) -> None:
        """Word of the step just left, on the next step (the summary has its own account)."""
        if not self.finished:
            self.note.say_after(text, self.clock.monotonic())

    def _late(self, overdue: float, then: Callable[[], list[Event]]) -> list[Event]:
        """`then`, for a timer or tempo rep due `overdue` seconds ago: the next timer starts
        at that deadline, so timers in a row do not drift (see `carried`)."""
        self._carry = carried(overdue)
        try:
            return then()
        finally:
            self._carry = 0.0

    def _advance(self, cue: Cue | None) -> list[Event]:
        return self._go_to(self.index + 1, cue=cue)

    def _timer_done(self) -> list[Event]:
        step = self.step
        if isinstance(step, SetStep):
            return self._start_hold(by_itself=True) if self.getting_ready else self._complete_set()
        if isinstance(step, RestStep):
            return self._advance(cue=Cue.REST_OVER)
        return self._leave(skipped=False) + self._advance(cue=None)

    def _leave(self, skipped: bool) -> list[Event]:
        """The warm-up or a stretch is over: how long it ran goes to the log."""
        now = self.clock.now()
        spent = self.countdown.spent(self.clock.monotonic()) if self.countdown else 0.0
        events = self.routine.left(self.info, self.step, spent, skipped, now)
        if self.kind == "recovery" and not skipped:
            # A routine has no sets: it enters the log with its first move or stretch done.
            events += self.routine.set_logged()
        return events

    def _start_hold(self, by_itself: bool = False) -> list[Event]:
        step = self.step
        assert isinstance(step, SetStep)
        self.getting_ready = False
        self.hold_ran_in_at = self.clock.monotonic() if by_itself else None
        self._beeped = set()
        self.countdown = Countdown(step.entry.seconds or 0, self.clock.monotonic(), self.paused)
        self._set_started_at = self.clock.now()
        return [CueEvent(Cue.GO)]

    def _complete_set(self) -> list[Event]:
        return [*self._log_set(), CueEvent(Cue.SET_DONE), *self._advance(cue=None)]

    def _log_set(self) -> list[Event]:
        step = self.step
        assert isinstance(step, SetStep)
        exercise = step.entry.exercise
        held = round(self.elapsed()) if exercise.is_hold else None
        record = SetRecord(
            exercise=exercise.id,
            set=step.set_number,
            side=step.side,
            target_reps=step.entry.reps,
            reps=None if exercise.is_hold else self.reps,
            band=self.band_for(exercise),
            seconds=held,
            completed_at=self.clock.now(),
            started_at=self._set_started_at,
            target_seconds=step.entry.seconds,
        )
        self.completed.append(record)
        self.tally.set_done(step.number)
        return [SetCompleted(self.info, record), *self.routine.set_logged()]

    def _go_to(
        self, index: int, cue: Cue | None = None, status: EndStatus = "completed"
    ) -> list[Event]:
        """Go to step `index`; at the summary, `status` is partial when the session was stopped."""
        stopped_at = self.step
        self.index = index
        self.paused = False
        self.getting_ready = False
        self.note.say("")
        self.countdown = None
        self._beeped = set()
        self._reps_clock.stop()
        now = self.clock.monotonic() - self._carry
        step = self.step
        # A stopped session has passed only the exercises before the one it stopped in.
        behind = stopped_at if status == "partial" else step
        if self.kind == "strength":  # a recovery routine has no exercises to skip
            self.tally.passed(exercises_behind(behind, len(self.program.entries)))
        events: list[Event] = [CueEvent(cue)] if cue else []
        if isinstance(step, WarmupStep | RestStep | StretchStep):
            self.countdown = Countdown(step.seconds, now)
            if isinstance(step, StretchStep) and not cue:
                events.append(CueEvent(Cue.SWITCH_SIDES if step.side == "right" else Cue.STRETCH))
        elif isinstance(step, SetStep):
            self.reps = 0
            self._set_started_at = self.clock.now()
            if step.entry.exercise.is_hold:
                self.getting_ready = True
                self.countdown = Countdown(READY_SECONDS, now)
                if step.side == "right" and not cue:
                    events.append(CueEvent(Cue.SWITCH_SIDES))
            else:
                if self.tempo:
                    self._reps_clock.start(now, self.settings.tempo_seconds)
                if not cue:
                    events.append(CueEvent(Cue.SWITCH_SIDES if step.side == "right" else Cue.GO))
        elif isinstance(step, SummaryStep):
            # Reaching the summary completes a session, whatever was skipped on the way.
            self.status = status
            self.ended_at = self.clock.now()
            logged = len(self.completed) or self.routine.logged  # a routine has no sets
            skipped = self.tally.skipped
            ended = SessionEnded(self.info, status, self.ended_at, logged, skipped, self.breaks)
            events += [CueEvent(Cue.SESSION_DONE), ended]
        events.append(StepChanged(step))
        return events
