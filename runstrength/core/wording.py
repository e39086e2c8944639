"""Small pieces of wording that screens and commands share: a count with its noun, and
how a session ended. Kept apart from the summaries and the history they serve, so that
home's first look at the log loads neither."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

Wording = Literal["full", "short", "word"]
"""How much a narrow table says: "partial · 2 exercises skipped", "partial · 2 skipped",
or the one word that matters most ("partial"; "2 skipped" for a finished session)."""


def plural(count: int, word: str) -> str:
    """'1 set', '2 sets'."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def status_text(
    status: str,
    skipped: int,
    set_aside: bool = False,
    wording: Wording = "full",
    cut_off: bool = False,
) -> str:
    """How a session ended, as the sessions table says it: "" for completed with nothing
    skipped, else e.g. "partial · 2 exercises skipped", "set aside" or, for one left
    open that is not under way now (`cut_off`), "cut off"."""
    shown = status
    if status == "in-progress" and (set_aside or cut_off):
        shown = "set aside" if set_aside else "cut off"
    parts = [] if status == "completed" else [shown]
    if skipped and not (parts and wording == "word"):
        parts.append(f"{plural(skipped, 'exercise') if wording == 'full' else skipped} skipped")
    return " · ".join(parts)


def km_number(metres: float) -> str:
    """A distance in km as a runner says it: to a tenth, rounded half up, and without the
    tenth when it is naught ("8", "21.1" for a half marathon, "42.2" for a marathon)."""
    tenths = (Decimal(repr(metres)) / 100).quantize(Decimal(1), ROUND_HALF_UP)
    whole, tenth = divmod(int(tenths), 10)
    return f"{whole}" if tenth == 0 else f"{whole}.{tenth}"


def format_distance(metres: float | None) -> str:
    """ "8 km", "21.1 km"; empty when unknown. Every place that shows a distance in words
    (the command line, the calendar, the status) says it so."""
    if metres is None or metres <= 0:
        return ""
    return f"{km_number(metres)} km"
