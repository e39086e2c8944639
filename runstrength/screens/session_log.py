"""What the live session reads from the log (earlier results, bands last used, hints to
progress) and the messages that carry it, and its writes' outcomes, back to the screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from runstrength.core.events import (
    BandPicked,
    LogWrite,
    RoutineDone,
    SessionResumed,
    SessionSetAside,
    SetCompleted,
)
from runstrength.core.plan import IntroStep, SetStep
from runstrength.core.stats import (
    PastResults,
    best_today,
    past_results,
    past_text,
    progression_hint,
)
from runstrength.store import LogError

if TYPE_CHECKING:
    from runstrength.context import AppContext
    from runstrength.core.catalogue import Catalogue
    from runstrength.core.engine import SessionEngine
    from runstrength.core.records import SessionRecord

# The messages keep the session screen's namespace: handlers stay `on_session_screen_…`.
SESSION = "session_screen"


class SetSaved(Message, namespace=SESSION):
    """A set is on disk."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label


class SaveFailed(Message, namespace=SESSION):
    """A set could not be written; the message says why."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class PastRead(Message, namespace=SESSION):
    """Earlier sessions, read on a worker: results per set, bands last used, hints."""

    def __init__(
        self,
        past: PastResults,
        bands: dict[str, str],
        hints: dict[str, str | None],
        earlier: list[SessionRecord],
    ) -> None:
        super().__init__()
        self.past = past
        self.bands = bands
        self.hints = hints
        self.earlier = earlier
        """The log before this session: bests are named against it at the summary."""


def read_past(context: AppContext, engine: SessionEngine) -> PastRead | None:
    """Earlier sessions, for "last time … · best …" on the set screen, and the band each
    exercise was last done with; None when the log cannot be read."""
    try:
        bands = context.log.last_bands()
        past = context.log.sessions()
    except LogError:
        return None
    # Indexed here, off the UI thread: a set then looks its numbers up, never scans.
    earlier = [s for s in past if s.id != engine.info.id]
    results = past_results(earlier)
    hints = {
        entry.exercise.id: progression_hint(
            earlier, entry.exercise.id, context.catalogue, context.settings.bands
        )
        for entry in engine.program.entries
    }
    return PastRead(results, bands, hints, earlier)


def last_time_text(
    engine: SessionEngine, past: PastResults | None, hints: dict[str, str | None]
) -> str:
    """Under a set, what it came to last time; on an exercise's card, the next step."""
    step = engine.step
    if isinstance(step, SetStep) and past is not None:
        exercise = step.entry.exercise
        band = engine.band_for(exercise)
        found = past.find(exercise.id, step.set_number, step.side, band)
        today = best_today(engine.completed, exercise.id, band)
        return past_text(found, is_hold=exercise.is_hold, band=band, today=today)
    if isinstance(step, IntroStep) and hints.get(step.entry.exercise.id):
        return f"Next step: {hints[step.entry.exercise.id]}"
    return ""


def write_what(event: LogWrite) -> str:
    """What a session's write is, as said should it still be unsaved when the app closes."""
    if isinstance(event, SetCompleted):
        return "finished sets"
    if isinstance(event, RoutineDone):
        return "the warm-up or stretches"
    if isinstance(event, SessionSetAside):
        return "where the session set aside goes on"
    if isinstance(event, BandPicked):
        return "the band picked"
    if isinstance(event, SessionResumed):
        return "that the session was resumed"
    return "the session's end"


def saved_label(catalogue: Catalogue, event: SetCompleted) -> str:
    """The status line's word that a set is on disk."""
    record = event.record
    name = catalogue.exercise_name(record.exercise)
    side = f" ({record.side})" if record.side else ""
    return f"✓ {name} set {record.set}{side} saved"
