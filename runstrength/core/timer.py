"""A countdown computed from a deadline on a monotonic clock, never by decrementing a counter."""

from __future__ import annotations

import math


class Countdown:
    """A countdown that can be paused, resumed and lengthened or shortened while it runs.

    All methods take the current monotonic time, so the countdown itself holds no clock.
    """

    def __init__(self, seconds: float, now: float, paused: bool = False) -> None:
        """`paused`: it starts standing still, until `resume`."""
        self.total = float(seconds)
        self._deadline: float | None = None if paused else now + seconds
        self._left_when_paused = float(seconds)
        self.skipped = 0.0  # jumped over with `skip`: counted as elapsed, never spent

    @property
    def paused(self) -> bool:
        return self._deadline is None

    def remaining(self, now: float) -> float:
        if self._deadline is None:
            return self._left_when_paused
        return max(0.0, self._deadline - now)

    def overdue(self, now: float) -> float:
        """How long ago the deadline passed (0 while it is ahead or paused)."""
        return 0.0 if self._deadline is None else max(0.0, now - self._deadline)

    def elapsed(self, now: float) -> float:
        return self.total - self.remaining(now)

    def spent(self, now: float) -> float:
        """Time that really went by while it ran: elapsed, less what `skip` jumped over."""
        return max(0.0, self.elapsed(now) - self.skipped)

    def pause(self, now: float) -> None:
        if self._deadline is not None:
            self._left_when_paused = self.remaining(now)
            self._deadline = None

    def resume(self, now: float) -> None:
        if self._deadline is None:
            self._deadline = now + self._left_when_paused

    def adjust(self, seconds: float, now: float) -> None:
        """Add (or with a negative number take away) time; never below zero."""
        change = max(seconds, -self.remaining(now))
        self.total += change
        if self._deadline is None:
            self._left_when_paused += change
        else:
            self._deadline += change

    def skip(self, seconds: float, now: float) -> None:
        """Move on `seconds` as if they had passed (never past the deadline)."""
        change = max(0.0, min(seconds, self.remaining(now)))
        self.skipped += change
        if self._deadline is None:
            self._left_when_paused -= change
        else:
            self._deadline -= change

    def until_next_second(self, now: float) -> float:
        """Seconds until the shown whole second changes (or the deadline, if sooner)."""
        remaining = self.remaining(now)
        fraction = remaining - math.floor(remaining)
        return fraction if fraction > 1e-9 else min(1.0, remaining)


class RepClock:
    """When tempo mode's next rep is due: like a countdown, it stands still while paused."""

    def __init__(self) -> None:
        self.due_at: float | None = None
        self._left_when_paused: float | None = None

    def start(self, now: float, seconds: float, *, paused: bool = False) -> None:
        self.stop()
        if paused:
            self._left_when_paused = seconds
        else:
            self.due_at = now + seconds

    def stop(self) -> None:
        self.due_at = None
        self._left_when_paused = None

    def pause(self, now: float) -> None:
        if self.due_at is not None:
            self._left_when_paused = max(0.0, self.due_at - now)
            self.due_at = None

    def resume(self, now: float) -> None:
        if self._left_when_paused is not None:
            self.due_at = now + self._left_when_paused
            self._left_when_paused = None


def format_clock(seconds: float) -> str:
    """m:ss for a number of seconds (rounded up, never negative)."""
    whole = max(0, math.ceil(seconds - 1e-9))
    return f"{whole // 60}:{whole % 60:02d}"


MAX_CARRY_SECONDS = 1.0
"""A timer noticed this late hands the lateness on; a longer gap (a sleeping laptop) does not."""


def carried(overdue: float) -> float:
    """What of a timer's lateness the next timer starts early by (see MAX_CARRY_SECONDS)."""
    return overdue if overdue <= MAX_CARRY_SECONDS else 0.0
