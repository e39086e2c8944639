"""The one way in for writes: a single thread that applies them in the order they came.

Screens and commands hand it a domain write (a function that calls the log) and get
back a future; the write runs on the writer's own thread, never on the caller's, one at
a time and in the order given, whatever happens to the screen that asked for it.
A refused write (LogError: disk full, read-only folder, damaged file) is reported to
`on_failed` with its message; any other exception is a fault in the program: its
traceback goes to the log file and the future carries it.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from runstrength.store.errors import LogError

logger = logging.getLogger(__name__)

T = TypeVar("T")

_Job = tuple[Callable[[], Any], Future[Any], Callable[[Any], object], Callable[[str], object]]


def _ignore(_: object) -> None:
    return None


class LogWriter:
    """Applies writes one at a time, in order, on one thread of its own (started on the
    first write; a daemon, so a process that forgets to `wait` still exits)."""

    def __init__(self) -> None:
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._start = threading.Lock()

    def submit(
        self,
        write: Callable[[], T],
        on_saved: Callable[[T], object] = _ignore,
        on_failed: Callable[[str], object] = _ignore,
    ) -> Future[T | None]:
        """Queue `write`; its future holds what it returned (None when it was refused)."""
        future: Future[T | None] = Future()
        with self._start:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="log-writer", daemon=True)
                self._thread.start()
        self._jobs.put((write, future, on_saved, on_failed))
        return future

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            try:
                if job is None:
                    return
                write, future, on_saved, on_failed = job
                if not future.set_running_or_notify_cancel():
                    continue
                try:
                    result = write()
                except LogError as error:
                    future.set_result(None)
                    self._report(on_failed, str(error))
                except BaseException as error:
                    logger.exception("a write failed on a fault in the program")
                    future.set_exception(error)
                    self._report(on_failed, f"Not saved: an unexpected error ({error!r}).")
                else:
                    future.set_result(result)
                    self._report(on_saved, result)
            finally:
                self._jobs.task_done()

    @staticmethod
    def _report(callback: Callable[[Any], object], value: Any) -> None:
        try:
            callback(value)
        except Exception:
            logger.exception("reporting a write's outcome failed")

    def wait(self) -> None:
        """Block until every write queued so far has been applied (or refused)."""
        self._jobs.join()

    def close(self) -> None:
        """Apply what is queued, then stop the thread."""
        with self._start:
            thread = self._thread
            self._thread = None
        if thread is not None:
            self._jobs.put(None)
            thread.join()
