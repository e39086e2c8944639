"""What the session screen shows for the engine's current step, as plain text and numbers."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from runstrength.core.plan import (
    IntroStep,
    RestStep,
    SetStep,
    StretchStep,
    SummaryStep,
    WarmupStep,
    warmup_position,
)
from runstrength.core.programs import amount_text, target_text
from runstrength.core.recovery import recovery_view
from runstrength.core.summary import plural
from runstrength.core.timer import format_clock

if TYPE_CHECKING:  # home shows targets without loading the engine
    from runstrength.core.engine import SessionEngine


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


def _muscles(muscles: tuple[str, ...]) -> str:
    return ", ".join(m.replace("-", " ") for m in muscles)


def _side_text(side: str | None) -> str:
    return f" · {side.capitalize()} side" if side else ""


def _set_where(step: SetStep, count: int) -> str:
    return f"Exercise {step.number} of {count} · Set {step.set_number} of {step.entry.sets}" + (
        _side_text(step.side)
    )


def describe(engine: SessionEngine) -> StepView:
    view = _describe(engine)
    if engine.kind == "recovery":
        view = recovery_view(engine, view)
    if engine.paused:
        return replace(view, big_caption=f"paused · {view.big_caption}")
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

    if isinstance(step, WarmupStep):
        moves = step.moves
        index, move_left = warmup_position(
            moves, countdown.total if countdown else 0, engine.elapsed()
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
        )
    if isinstance(step, SetStep):
        entry = step.entry
        where = _set_where(step, count)
        if entry.exercise.is_hold:
            ready = engine.getting_ready
            return StepView(
                "hold",
                entry.exercise.name,
                where,
                big=clock,
                big_caption="get ready" if ready else "hold",
                target=f"then hold {entry.seconds} s" if ready else f"Hold {entry.seconds} s",
                progress=timer_progress,
                lines=entry.exercise.cues,
                prompt="start the hold now" if ready else "end the hold now",
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
        )
    if isinstance(step, StretchStep):
        return StepView(
            "stretch",
            f"Stretch: {step.stretch.name}",
            f"After {step.entry.exercise.name} · exercise {step.number} of {count}"
            + _side_text(step.side),
            big=clock,
            big_caption=step.side or "hold",
            target=f"Hold {step.seconds} s" + (" each side" if step.side else ""),
            progress=timer_progress,
            lines=step.stretch.cues,
            prompt="other side" if step.side == "left" else "done stretching",
        )
    assert isinstance(step, SummaryStep)
    title = "Session complete" if engine.status == "completed" else "Session stopped"
    return StepView("summary", title, engine.program.title, prompt="back to home")


def status_line(engine: SessionEngine, *, sound_off: bool, last_saved: str = "") -> str:
    """The line under a step: paused, tempo, band, sound off, then the engine's notice
    or else what was last saved."""
    parts = []
    if engine.paused:
        parts.append("[reverse] PAUSED [/reverse]")
    if engine.tempo:
        parts.append(f"tempo {engine.settings.tempo_seconds:g} s")
    entry = engine.entry
    band = engine.band_for(entry.exercise) if entry is not None else None
    if band:
        parts.append(f"band: {band}")
    if sound_off:
        parts.append("sound off")
    if engine.notice:
        parts.append(f"[b]{engine.notice}[/b]")
    elif last_saved:
        parts.append(last_saved)
    return " · ".join(parts)
