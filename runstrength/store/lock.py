"""One writer per data folder: an advisory lock file (fcntl.flock) naming its holder.

A process may open the same log more than once (the app and a test, say); the lock
is taken once per process and folder and released with the last user.
"""

from __future__ import annotations

import errno
import fcntl
import os
import threading
from pathlib import Path

from runstrength.store.errors import LockHeldError, LogWriteError

LOCK_NAME = "log.lock"

_held: dict[Path, tuple[int, int]] = {}
_guard = threading.Lock()


def lock_holder(lock_file: Path) -> str:
    """Who holds the lock, as the holder wrote it ("pid 1234"), or "unknown process"."""
    try:
        text = lock_file.read_text(encoding="utf-8").strip()
    except OSError:
        text = ""
    return f"pid {text}" if text.isdigit() else "unknown process"


class DataDirLock:
    """The write lock of one data folder, held from `acquire()` to `release()`."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir.absolute() / LOCK_NAME
        self.held = False

    def acquire(self) -> None:
        """Take the lock; LockHeldError names the other holder, LogWriteError a bad folder."""
        with _guard:
            if self.held:
                return
            if self.path in _held:
                fd, count = _held[self.path]
                _held[self.path] = (fd, count + 1)
                self.held = True
                return
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as error:
                raise LogWriteError(self.path, error) from error
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as error:
                os.close(fd)
                if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise LockHeldError(self.path, lock_holder(self.path)) from None
                raise LogWriteError(self.path, error) from error
            try:
                os.ftruncate(fd, 0)
                os.write(fd, str(os.getpid()).encode())
            except OSError:
                pass  # the pid is only a courtesy to the user
            _held[self.path] = (fd, 1)
            self.held = True

    def release(self) -> None:
        with _guard:
            if not self.held:
                return
            self.held = False
            fd, count = _held[self.path]
            if count > 1:
                _held[self.path] = (fd, count - 1)
                return
            del _held[self.path]
            os.close(fd)  # closing drops the flock
