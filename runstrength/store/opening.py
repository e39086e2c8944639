"""The log's own lock, which can open the log for its first holder.

The app's start opens the log later than it makes it (`TrainingLog(open_later=True)`):
reading this year's file is most of what the log costs at a start, and the first frame
does not need it. The first read or write, whatever its thread, opens the log under this
lock, so no one sees it half open.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class OpeningLock:
    """A lock whose first holder runs `opening` (if given) before going on. An opening
    that fails is tried again by the next holder; its error goes to each one."""

    def __init__(self) -> None:
        self.plain = threading.Lock()
        """The lock itself, for what must not open the log (closing it)."""
        self._opening: Callable[[], None] | None = None

    @property
    def opened(self) -> bool:
        return self._opening is None

    def open_on_first_use(self, opening: Callable[[], None]) -> None:
        self._opening = opening

    def __enter__(self) -> None:
        self.plain.acquire()
        if self._opening is None:
            return
        try:
            self._opening()
        except BaseException:
            self.plain.release()
            raise
        self._opening = None

    def __exit__(self, *_: object) -> None:
        self.plain.release()
