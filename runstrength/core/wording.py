"""Small pieces of wording that screens and commands share: a count with its noun, and
how a session ended. Kept apart from the summaries and the history they serve, so that
home's first look at the log loads neither."""

from __future__ import annotations

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
