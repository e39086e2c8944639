"""A rest day's recovery routine as the session screen shows it.

The routine runs on the session engine with the same steps (the mobility moves as one
timed block, like the warm-up, then each stretch held), so it gets the same timers,
cues and keys; only the words differ: where the runner is, what enter does, and what
the routine added up to.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from runstrength.core.catalogue import Catalogue
from runstrength.core.plan import StretchStep, SummaryStep, WarmupStep
from runstrength.core.records import StretchRecord, WarmupRecord
from runstrength.core.styled import Piece, Styled, strong
from runstrength.core.summary import format_duration
from runstrength.core.timer import format_clock

if TYPE_CHECKING:
    from runstrength.core.engine import SessionEngine
    from runstrength.core.view import StepView

RoutineRecord = WarmupRecord | StretchRecord


def stretches_text(count: int) -> str:
    """'1 stretch', '6 stretches'."""
    return f"{count} stretch{'' if count == 1 else 'es'}"


def _stretch_ids(engine: SessionEngine) -> list[str]:
    """The routine's stretches in order, each once (both sides of one are one stretch)."""
    ids: list[str] = []
    for step in engine.plan:
        if isinstance(step, StretchStep) and step.stretch.id not in ids:
            ids.append(step.stretch.id)
    return ids


def recovery_view(engine: SessionEngine, view: StepView) -> StepView:
    """The session screen's view of a step, in the routine's own words."""
    step = engine.step
    stretches = _stretch_ids(engine)
    if isinstance(step, WarmupStep):
        return replace(
            view,
            heading="Mobility: easy moves",
            where=f"Recovery routine · {engine.program.title} · "
            f"then {stretches_text(len(stretches))}",
            big_caption="mobility",
            prompt="on to the stretches",
            phase="MOBILITY",
            set_text=f"Mobility · {view.set_text.removeprefix('Warm-up · ')}",
        )
    if isinstance(step, StretchStep):
        number = stretches.index(step.stretch.id) + 1
        side = f" · {step.side.capitalize()} side" if step.side else ""
        last = number == len(stretches)
        prompt = "next stretch" if not last else "finish the routine"
        return replace(
            view,
            where=f"Recovery routine · stretch {number} of {len(stretches)}{side}",
            prompt="other side" if step.side == "left" else prompt,
            set_text=f"Recovery routine · stretch {number} of {len(stretches)}{side}",
        )
    if isinstance(step, SummaryStep):
        done = "done" if engine.status == "completed" else "stopped"
        return replace(
            view,
            heading=f"Recovery routine {done}",
            # Taken on any day (the palette offers it on training days too): the engine
            # does not know which the day was, so the words claim neither.
            where=f"{engine.program.title} · not counted as training",
        )
    return view


def routine_rows(records: list[RoutineRecord], catalogue: Catalogue) -> list[tuple[str, str, str]]:
    """(what, how, done / target) for each move block and stretch, in the order done."""
    rows = []
    for record in records:
        if isinstance(record, WarmupRecord):
            short = record.seconds < record.target_seconds
            rows.append(
                (
                    "Mobility moves",
                    "cut short" if short else "done",
                    f"{format_clock(record.seconds)}/{format_clock(record.target_seconds)}",
                )
            )
            continue
        stretch = catalogue.stretches.get(record.stretch)
        name = stretch.name if stretch else record.stretch
        side = f" ({record.side})" if record.side else ""
        rows.append(
            (
                name + side,
                "skipped" if record.skipped else "held",
                f"{record.seconds}/{record.target_seconds} s",
            )
        )
    return rows


def routine_totals(records: list[RoutineRecord]) -> str:
    """'6 stretches held, 1 skipped · mobility 5:00', or '' when nothing was done."""
    stretches = [r for r in records if isinstance(r, StretchRecord)]
    skipped = sum(1 for r in stretches if r.skipped)
    parts = []
    if stretches:
        held = stretches_text(len(stretches) - skipped)
        parts.append(f"{held} held" + (f", {skipped} skipped" if skipped else ""))
    moved = sum(r.seconds for r in records if isinstance(r, WarmupRecord))
    if any(isinstance(r, WarmupRecord) for r in records):
        parts.append(f"mobility {format_clock(moved)}")
    return " · ".join(parts)


def summary_line(engine: SessionEngine) -> Styled:
    """The line under the routine's summary: what was done and how long it took."""
    if not engine.routine.logged:
        return (Piece("Nothing was logged: no move or stretch was finished."),)
    duration = format_duration(engine.ended_at - engine.info.started_at)
    text: Styled = (
        strong(routine_totals(engine.routine.records)),
        Piece(" · time "),
        strong(duration),
    )
    if engine.status == "partial":
        text += (Piece(" · "), strong("partial"), Piece(": what you did is kept"))
    return text
