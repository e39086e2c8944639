"""The one way in for writes: one thread that applies domain writes to the log, in order.

Screens and commands hand the writer a write (a function of the log, such as
`session_write(event)` or `lambda log: log.set_effort(...)`) and get back what it made
of it: `Saved(value)` or `Failed(reason)`, to a callback on the writer's thread (the UI
turns it into a message, see runstrength/writes.py) or, for a command, by waiting
(`run`). The writer owns the order (first handed in, first applied), the thread (its
own, never the caller's) and the lock (one write at a time, so a reader that calls
`settled()` first sees every write handed in before it).

A refused write (LogError: disk full, read-only folder, damaged file) is reported as
Failed with its message; any other exception is a fault in the program: its traceback
goes to the log file, and it is reported as Failed too. A write handed in with
`keep=True` (a session's sets, warm-up, ends: each depends on the one before) is kept
when refused and tried again, first, before the next write; `close()` tries once more
and says whether everything kept has landed.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar

from runstrength.store.errors import LogError

if TYPE_CHECKING:
    from runstrength.core.events import LogWrite
    from runstrength.store.log import TrainingLog

logger = logging.getLogger(__name__)

T = TypeVar("T")

Write = Callable[["TrainingLog"], T]
"""A domain write: a change made through the log's own methods."""


class Saved(NamedTuple, Generic[T]):
    """The write is on disk; `value` is what it returned."""

    value: T


class Failed(NamedTuple):
    """The write was refused (or failed on a fault in the program); `reason` says why."""

    reason: str
    kept: bool = False
    """True: it is tried again before the next write."""


Outcome = Saved[T] | Failed


def _ignore(_: object) -> None:
    return None


class _Job:
    __slots__ = ("future", "keep", "on_done", "refused", "what", "write")

    def __init__(
        self,
        write: Write[Any],
        future: Future[Outcome[Any]],
        on_done: Callable[[Outcome[Any]], object],
        keep: bool,
        what: str,
    ) -> None:
        self.write = write
        self.future = future
        self.on_done = on_done
        self.keep = keep
        self.what = what
        self.refused = ""
        """Why it was refused when last tried (a kept write)."""


def session_write(event: LogWrite) -> Write[None]:
    """The write that puts a session's event (a set, a routine, an end) in the log."""
    from runstrength.core.events import (
        BandPicked,
        RoutineDone,
        SessionResumed,
        SessionSetAside,
        SetCompleted,
    )

    def write(log: TrainingLog) -> None:
        if isinstance(event, SetCompleted):
            log.log_set(event.session, event.record)
        elif isinstance(event, RoutineDone):
            log.log_routine(event.session, event.record)
        elif isinstance(event, SessionResumed):
            log.keep_resume_point(event.session, event.resume_at, event.breaks)
        elif isinstance(event, BandPicked):
            log.keep_resume_point(event.session, event.resume_at)
        # A session's end is durable in the journal on return; the writer folds it into
        # the year's file once nothing else waits (`LogWriter._tidy`).
        elif isinstance(event, SessionSetAside):
            log.set_aside(event.session, event.at, event.skipped, event.resume_at, fold=False)
        else:
            log.finish_session(
                event.session,
                event.status,
                event.ended_at,
                event.skipped,
                fold=False,
                breaks=event.breaks,
            )

    return write


class LogWriter:
    """Applies writes to `log` one at a time, in order, on one thread of its own (started
    on the first write; a daemon, so a process that forgets to `close` still exits)."""

    def __init__(self, log: TrainingLog) -> None:
        self.log = log
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._kept: deque[_Job] = deque()
        """Refused writes that are tried again (only touched on the writer's thread)."""
        self._thread: threading.Thread | None = None
        self._start = threading.Lock()

    def submit(
        self,
        write: Write[T],
        on_done: Callable[[Outcome[T]], object] = _ignore,
        *,
        keep: bool = False,
        what: str = "a change to the log",
    ) -> Future[Outcome[T]]:
        """Queue `write`; `on_done` hears how it went (on the writer's thread), and so
        does the future, once it was tried (a kept write's later success only reaches
        `on_done`). `what` names it to the runner, should it be left unsaved."""
        future: Future[Outcome[T]] = Future()
        with self._start:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="log-writer", daemon=True)
                self._thread.start()
        self._jobs.put(_Job(write, future, on_done, keep, what))
        return future

    def run(self, write: Write[T]) -> T:
        """Apply `write` and wait for it (for commands): its value, or the exception it
        raised (LogError, or a refusal of the domain such as a day already planned)."""

        def caught(log: TrainingLog) -> tuple[T | None, Exception | None]:
            try:
                return write(log), None
            except Exception as error:
                return None, error

        outcome = self.submit(caught).result()
        if isinstance(outcome, Failed):  # only when the writer itself failed
            raise LogError(outcome.reason)
        value, error = outcome.value
        if error is not None:
            raise error
        return value  # type: ignore[return-value]

    def settled(self) -> None:
        """Block until every write handed in so far has been tried (for a reader that must
        see them). On the writer's own thread it returns at once: those come first anyway."""
        if threading.current_thread() is self._thread or self._idle():
            return
        self.submit(_ignore).result()

    def _idle(self) -> bool:
        """Nothing handed in waits to be tried, nor to be tried again: a reader need not
        wait for the writer's thread (at start it is not even running yet)."""
        if self._thread is None:
            return True
        with self._jobs.mutex:
            return self._jobs.unfinished_tasks == 0 and not self._kept

    @property
    def kept(self) -> int:
        """How many refused writes wait to be tried again."""
        return len(self._kept)

    @property
    def unsaved(self) -> list[str]:
        """What the refused writes waiting to be tried again are, each named once, in order."""
        return list(dict.fromkeys(job.what for job in self._kept))

    @property
    def refusal(self) -> str | None:
        """Why the first write waiting to be tried again (the one the others wait behind)
        was refused; None when none waits."""
        return self._kept[0].refused if self._kept else None

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            try:
                if job is None:
                    self._retry_kept()
                    return
                self._apply(job)
            finally:
                self._jobs.task_done()
            if self._jobs.empty():
                # Housekeeping off every write's path: a session's end is durable in the
                # journal already; moving it into the year's file can wait for a quiet moment.
                self._tidy()

    def _tidy(self) -> None:
        try:
            self.log.fold_if_due()
        except Exception:
            logger.exception("folding the journal failed on a fault in the program")

    def _apply(self, job: _Job) -> None:
        blocked = self._retry_kept()
        if job.keep and blocked is not None:
            # It depends on a write that is still refused: it waits behind it.
            self._kept.append(job)
            self._finish(job, Failed(blocked, kept=True))
            return
        outcome = self._try(job)
        if isinstance(outcome, Failed) and job.keep:
            job.refused = outcome.reason
            self._kept.append(job)
            outcome = Failed(outcome.reason, kept=True)
        self._finish(job, outcome)

    def _retry_kept(self) -> str | None:
        """Try the kept writes again, oldest first; the reason the first one is still
        refused, or None when all have landed."""
        while self._kept:
            job = self._kept[0]
            outcome = self._try(job)
            if isinstance(outcome, Failed):
                job.refused = outcome.reason
                return outcome.reason
            self._kept.popleft()
            self._report(job.on_done, outcome)
        return None

    def _try(self, job: _Job) -> Outcome[Any]:
        try:
            return Saved(job.write(self.log))
        except LogError as error:
            return Failed(str(error))
        except Exception as error:
            logger.exception("a write failed on a fault in the program")
            return Failed(f"Not saved: an unexpected error ({error!r}).")

    def _finish(self, job: _Job, outcome: Outcome[Any]) -> None:
        # Told first, then resolved: whoever waits on the future finds the outcome said.
        self._report(job.on_done, outcome)
        if not job.future.done():
            job.future.set_result(outcome)

    @staticmethod
    def _report(callback: Callable[[Any], object], value: Any) -> None:
        try:
            callback(value)
        except Exception:
            logger.exception("reporting a write's outcome failed")

    def close(self) -> bool:
        """Apply what is queued (kept writes tried once more), then stop the thread.
        True when nothing is left unsaved."""
        with self._start:
            thread = self._thread
            self._thread = None
        if thread is not None:
            self._jobs.put(None)
            thread.join()
        return not self._kept
