"""What the session screen shows for the engine's current step, as plain text and numbers."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from runstrength.core.keys import exercise_at_hand
from runstrength.core.plan import (
    IntroStep,
    RestStep,
    SetStep,
    Step,
    StretchStep,
    SummaryStep,
    WarmupStep,
    warmup_position,
)
from runstrength.core.programs import amount_text, target_text
from runstrength.core.recovery import recovery_view
from runstrength.core.styled import Piece, Styled, joined, strong
from runstrength.core.timer import format_clock
from runstrength.core.wording import plural

if TYPE_CHECKING:  # home shows targets without loading the engine
    from runstrength.core.engine import SessionEngine
    from runstrength.core.events import Event


@dataclass(frozen=True)
class StepView:
    stage: str
    """warmup, intro, set, hold, rest, stretch or summary."""
    heading: str
    where: str
    big: str = ""
    """The number to show in large type: a rep count or a time."""
    big_caption: str = ""
    target: str = ""
    progress: tuple[float, float] | None = None
    """(done, total) for the progress bar."""
    lines: tuple[str, ...] = ()
    highlight: int | None = None
    prompt: str = ""
    """What enter does now."""
    # What the floor layout shows, large enough to read from across the room.
    phase: str = ""
    """WARM-UP, UP NEXT, WORK, GET READY, HOLD, REST, STRETCH, PAUSED or DONE."""
    band: str = ""
    """The phase's colour: warmup, intro, work, ready, hold, rest, stretch or summary."""
    side: str = ""
    """LEFT or RIGHT while one side is worked or stretched."""
    title: str = ""
    """The exercise, warm-up move or stretch under way (for a rest: the one coming up)."""
    set_text: str = ""
    """Where in the session: "Exercise 2 of 5 · Set 2 of 3"."""
    goal: str = ""
    """The target next to the big number: "of 20", "of 30 s"."""
    coming: str = ""
    """What comes after this step: "Next: rest 0:45, then set 3 of 3 · 15 reps"."""
    cues: tuple[str, ...] = ()
    """Form cues (for the intro: what the exercise is and works)."""


def _muscles(muscles: tuple[str, ...]) -> str:
    return ", ".join(m.replace("-", " ") for m in muscles)


def _side_text(side: str | None) -> str:
    return f" · {side.capitalize()} side" if side else ""


def _set_where(step: SetStep, count: int) -> str:
    return f"Exercise {step.number} of {count} · Set {step.set_number} of {step.entry.sets}" + (
        _side_text(step.side)
    )


def _seconds(seconds: float) -> str:
    """45 s, or 1:30 from a minute on."""
    return f"{round(seconds)} s" if seconds < 60 else format_clock(seconds)


def _side_word(side: str | None) -> str:
    return side.upper() if side else ""


def _step_text(step: Step, current: Step) -> str:
    """A later step in a few words, for "Next: …"."""
    if isinstance(step, SetStep):
        text = f"set {step.set_number} of {step.entry.sets} · {amount_text(step.entry)}"
        if not isinstance(current, SetStep | RestStep | IntroStep):
            text = f"{step.entry.exercise.name} · {text}"
        return text + (f" · {step.side} side" if step.side else "")
    if isinstance(step, IntroStep):
        return (
            f"{step.entry.exercise.name} · exercise {step.number} of {step.count}"
            f" · {target_text(step.entry)}"
        )
    if isinstance(step, StretchStep):
        if isinstance(current, StretchStep) and current.stretch == step.stretch:
            return f"{step.side} side" if step.side else "the same stretch"
        side = f" · {step.side} side" if step.side else ""
        return f"{step.stretch.name}{side}"
    return "end of the session"


def coming_next(engine: SessionEngine) -> str:
    """What the runner will do after the current step, rests included."""
    current = engine.step
    if isinstance(current, SummaryStep):
        return ""
    move = engine.warmup_move()
    if isinstance(current, WarmupStep) and current.moves and move is not None:
        index, _ = move
        if index + 1 < len(current.moves):
            return f"Next: {current.moves[index + 1].name}"
    rest: float | None = None
    for step in engine.plan[engine.index + 1 :]:
        if isinstance(step, RestStep):
            rest = step.seconds
            continue
        text = _step_text(step, current)
        if isinstance(step, SummaryStep) and engine.kind == "recovery":
            text = "end of the routine"
        return f"Next: rest {_seconds(rest)}, then {text}" if rest else f"Next: {text}"
    return ""


def describe(engine: SessionEngine) -> StepView:
    view = replace(_describe(engine), coming=coming_next(engine))
    if engine.kind == "recovery":
        view = recovery_view(engine, view)
    if engine.paused:
        return replace(view, big_caption=f"paused · {view.big_caption}", phase="PAUSED")
    return view


def _describe(engine: SessionEngine) -> StepView:
    step = engine.step
    count = len(engine.program.entries)
    remaining = engine.remaining()
    clock = format_clock(remaining) if remaining is not None else ""
    countdown = engine.countdown
    timer_progress = (
        (countdown.elapsed(engine.clock.monotonic()), countdown.total) if countdown else None
    )
    # The running timer's length as + and - left it (the get-ready's is its own).
    total = round(countdown.total) if countdown and not engine.getting_ready else None

    def length(planned: int) -> int:
        return planned if total is None else total

    if isinstance(step, WarmupStep):
        moves = step.moves
        index, move_left = warmup_position(
            moves, countdown.total if countdown else 0, engine.elapsed(), engine.warmup_extra
        )
        lines = tuple(f"{move.name}{' (both sides)' if move.per_side else ''}" for move in moves)
        current = moves[index] if moves else None
        target = f"{current.name}: {format_clock(move_left)} more" if current else ""
        return StepView(
            "warmup",
            "Warm-up",
            f"Before exercise 1 of {count} · {engine.program.title}",
            big=clock,
            big_caption="warm-up",
            target=target,
            progress=timer_progress,
            lines=lines,
            highlight=index if moves else None,
            prompt="start the first exercise",
            phase="WARM-UP",
            band="warmup",
            title=current.name + (" (both sides)" if current.per_side else "") if current else "",
            set_text=f"Warm-up · move {index + 1} of {len(moves)} · {format_clock(move_left)} more"
            if current
            else "",
            goal=f"of {_seconds(length(step.seconds))}",
            cues=current.cues if current else (),
        )
    if isinstance(step, IntroStep):
        exercise = step.entry.exercise
        equipment = "resistance band" if exercise.uses_band else "bodyweight"
        band = engine.band_for(exercise)
        if band:
            equipment += f" · band: {band}"
        elif exercise.uses_band:
            equipment = "no band in your settings: do it without"
        return StepView(
            "intro",
            exercise.name,
            f"Exercise {step.number} of {step.count} · {target_text(step.entry)}",
            big=str(step.entry.seconds or step.entry.reps),
            big_caption="seconds" if exercise.is_hold else "reps",
            target=f"× {plural(step.entry.sets, 'set')}"
            + (" each side" if exercise.per_side else ""),
            lines=(
                exercise.summary,
                f"Works: {_muscles(exercise.muscles)}",
                f"With: {equipment}",
                *exercise.cues,
            ),
            prompt="begin the first set",
            phase="UP NEXT",
            band="intro",
            title=exercise.name,
            set_text=f"Exercise {step.number} of {step.count} · {target_text(step.entry)}",
            goal=("seconds" if exercise.is_hold else "reps")
            + f" × {plural(step.entry.sets, 'set')}"
            + (" each side" if exercise.per_side else ""),
            cues=(exercise.summary, f"With: {equipment}"),
        )
    if isinstance(step, SetStep):
        entry = step.entry
        where = _set_where(step, count)
        side = _side_word(step.side)
        set_text = f"Exercise {step.number} of {count} · Set {step.set_number} of {entry.sets}"
        if entry.exercise.is_hold:
            ready = engine.getting_ready
            held = length(entry.seconds or 0)
            return StepView(
                "hold",
                entry.exercise.name,
                where,
                big=clock,
                big_caption="get ready" if ready else "hold",
                target=f"then hold {entry.seconds} s" if ready else f"Hold {held} s",
                progress=timer_progress,
                lines=entry.exercise.cues,
                prompt="start the hold now" if ready else "end the hold now",
                phase="GET READY" if ready else "HOLD",
                band="ready" if ready else "hold",
                goal=f"then hold {entry.seconds} s" if ready else f"of {held} s",
                side=side,
                title=entry.exercise.name,
                set_text=set_text,
                cues=entry.exercise.cues,
            )
        goal = entry.reps or 0
        return StepView(
            "set",
            entry.exercise.name,
            where,
            big=str(engine.reps),
            big_caption="reps",
            target=f"of {goal}",
            progress=(float(min(engine.reps, goal)), float(goal)),
            lines=entry.exercise.cues,
            prompt="set done",
            phase="WORK",
            band="work",
            goal=f"of {goal}",
            side=side,
            title=entry.exercise.name,
            set_text=set_text,
            cues=entry.exercise.cues,
        )
    if isinstance(step, RestStep):
        upcoming = step.upcoming
        amount = amount_text(upcoming.entry)
        return StepView(
            "rest",
            "Rest",
            f"Exercise {upcoming.number} of {count} · {upcoming.entry.exercise.name}",
            big=clock,
            big_caption="rest",
            target=f"Next: set {upcoming.set_number}/{upcoming.entry.sets}, {amount}"
            + (f", {upcoming.side}" if upcoming.side else ""),
            progress=timer_progress,
            lines=upcoming.entry.exercise.cues,
            prompt="start the next set now",
            phase="REST",
            band="rest",
            title=upcoming.entry.exercise.name,
            set_text=f"Exercise {upcoming.number} of {count} · "
            f"Set {upcoming.set_number - 1} of {upcoming.entry.sets} done",
            goal=f"of {_seconds(length(step.seconds))}",
            cues=upcoming.entry.exercise.cues,
        )
    if isinstance(step, StretchStep):
        # A side lengthened with + says its own length; the other starts as planned.
        hold = f"{length(step.seconds)} s" + (
            " each side" if step.side and length(step.seconds) == step.seconds else ""
        )
        return StepView(
            "stretch",
            f"Stretch: {step.stretch.name}",
            f"After {step.entry.exercise.name} · exercise {step.number} of {count}"
            + _side_text(step.side),
            big=clock,
            big_caption=step.side or "hold",
            target=f"Hold {hold}",
            progress=timer_progress,
            lines=step.stretch.cues,
            prompt="other side" if step.side == "left" else "done stretching",
            phase="STRETCH",
            band="stretch",
            side=_side_word(step.side),
            title=step.stretch.name,
            set_text=f"After {step.entry.exercise.name} · exercise {step.number} of {count}",
            goal=f"of {hold}",
            cues=step.stretch.cues,
        )
    assert isinstance(step, SummaryStep)
    title = "Session complete" if engine.status == "completed" else "Session stopped"
    return StepView(
        "summary",
        title,
        engine.program.title,
        prompt="back to home",
        phase="DONE" if engine.status == "completed" else "STOPPED",
        band="summary",
        title=title,
    )


def status_line(engine: SessionEngine, *, sound_off: bool, last_saved: Styled = ()) -> Styled:
    """The line under a step: paused, tempo, band, sound off, then the engine's notice
    or else what was last saved."""
    parts: list[Styled] = []
    if engine.paused:
        parts.append((Piece(" PAUSED ", "paused"),))
    if engine.tempo:
        parts.append((Piece(f"tempo {engine.settings.tempo_seconds:g} s"),))
    entry = exercise_at_hand(engine)  # where b changes it: not on the stretch after
    band = engine.band_for(entry.exercise) if entry is not None else None
    if band:
        parts.append((Piece(f"band: {band}"),))
    if sound_off:
        parts.append((Piece("sound off"),))
    if engine.notice:
        parts.append((strong(engine.notice),))
    elif last_saved:
        parts.append(last_saved)
    return joined(parts, " · ")


def flash_for(engine: SessionEngine, events: list[Event]) -> tuple[str, str] | None:
    """The phase and detail to flash for these events when no sound is heard, or None.

    A step change flashes its phase ("rest"); a timed hold flashes "ready" when its
    get-ready begins and "work" (GO) when the hold itself starts.
    """
    from runstrength.core.cues import phase_of
    from runstrength.core.events import Cue, CueEvent, StepChanged

    changes = [event.step for event in events if isinstance(event, StepChanged)]
    go = any(isinstance(event, CueEvent) and event.cue is Cue.GO for event in events)
    if not changes and go and isinstance(engine.step, SetStep):
        changes = [engine.step]
    if not changes:
        return None
    step = changes[-1]
    phase: str = phase_of(step)
    if phase == "work" and engine.getting_ready:
        return "ready", describe(engine).heading
    if isinstance(step, StretchStep):
        return phase, step.stretch.name
    if phase == "done":
        return ("done" if engine.status == "completed" else "stopped"), ""
    return phase, describe(engine).heading
