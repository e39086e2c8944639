"""The clock the core is driven by: a monotonic reading for timers, a wall clock for records."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    """What the engine needs to know about time."""

    def monotonic(self) -> float:
        """Seconds on a clock that never goes backwards (timers use this)."""
        ...

    def now(self) -> datetime:
        """The current local time, time-zone aware (records use this)."""
        ...


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now().astimezone()
