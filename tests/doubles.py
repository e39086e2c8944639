"""Test doubles for the app's seams: a clock that moves only when told, a player that
plays nothing. The tests' fixtures hand them in; the benchmarks use them too."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta, timezone

START = datetime(2026, 11, 23, 7, 2, 11, tzinfo=timezone(timedelta(hours=1)))


class FakeClock:
    """A clock that only moves when told to; wall time and monotonic time move together."""

    def __init__(self, start: datetime = START) -> None:
        self.start = start
        self.seconds = 1000.0

    def monotonic(self) -> float:
        return self.seconds

    def now(self) -> datetime:
        return self.start + timedelta(seconds=self.seconds - 1000.0)

    def advance(self, seconds: float) -> None:
        self.seconds += seconds


class SilentPlayer:
    """Plays nothing; remembers what it was asked to play (tests read `played`).

    With `available=False` it stands for a machine where no sound can play.
    """

    def __init__(self, available: bool | None = None, reason: str = "") -> None:
        self.available = available
        self.reason = reason
        self.played: list[str] = []
        """Every sound asked for, in order."""
        self.sequences: list[tuple[str, ...]] = []
        """Every play() call."""

    def play(self, sounds: Sequence[str]) -> None:
        if self.available is False:
            return
        sequence = (sounds,) if isinstance(sounds, str) else tuple(sounds)
        self.sequences.append(sequence)
        self.played.extend(sequence)

    def prepare(self) -> None:
        pass

    def close(self) -> None:
        pass
