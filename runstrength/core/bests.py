"""Personal bests: what a session did better than every earlier one in the log.

A best is per exercise and band (bodyweight counts as its own level): more reps on the
same band, or more seconds held. A first time on an exercise or band is not a best yet:
there is nothing in the log to beat.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from runstrength.core.records import SessionRecord, SetRecord
from runstrength.core.stats import amount


@dataclass(frozen=True)
class NewBest:
    exercise: str
    band: str | None
    done: int
    before: int
    held: bool
    """Seconds held (a timed hold) rather than reps."""

    def describe(self, name: str) -> str:
        unit = "s" if self.held else "reps"
        band = f" on {self.band}" if self.band else ""
        return f"{name} {self.done} {unit}{band} (best was {self.before})"


def _best_per_level(records: Iterable[SetRecord]) -> dict[tuple[str, str | None], SetRecord]:
    best: dict[tuple[str, str | None], SetRecord] = {}
    for record in records:
        key = (record.exercise, record.band)
        if key not in best or amount(record) > amount(best[key]):
            best[key] = record
    return best


def new_bests(done: Iterable[SetRecord], earlier: Iterable[SessionRecord]) -> list[NewBest]:
    """This session's bests against the log, in the order the exercises were done."""
    before = _best_per_level(record for session in earlier for record in session.sets)
    found = []
    for key, record in _best_per_level(done).items():
        previous = before.get(key)
        if previous is not None and amount(record) > amount(previous):
            found.append(
                NewBest(
                    exercise=record.exercise,
                    band=record.band,
                    done=amount(record),
                    before=amount(previous),
                    held=record.reps is None,
                )
            )
    return found


def bests_line(bests: list[NewBest], name_of: Callable[[str], str], most: int | None = None) -> str:
    """'New bests: Glute bridge 22 reps (best was 20) · …', or '' when there are none.
    `most`: how many are named (a short terminal), the rest counted ("and 4 more")."""
    if not bests:
        return ""
    title = "New best" if len(bests) == 1 else "New bests"
    named = bests if most is None or len(bests) <= most else bests[:most]
    parts = [best.describe(name_of(best.exercise)) for best in named]
    if len(named) < len(bests):
        parts.append(f"and {len(bests) - len(named)} more")
    return f"{title}: " + " · ".join(parts)
