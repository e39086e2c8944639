"""One writer per data folder: an advisory lock (fcntl.flock) on the folder itself.

The lock is held on the data folder's own directory, which cannot be removed from under
it while the log is in it: deleting `log.lock` does not let a second writer in. The
`log.lock` file is locked too (an older runstrength locks only that) and names its
holder's pid for the message a second writer gets.

A process may open the same log more than once (the app and a test, say); the lock
is taken once per process and folder and released with the last user.
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

from runstrength.store.errors import LockHeldError, LogWriteError
from runstrength.store.private import open_private, private_dir, tighten_log_folder

LOCK_NAME = "log.lock"

logger = logging.getLogger(__name__)

_held: dict[Path, tuple[int, int, int]] = {}
_guard = threading.Lock()
_BUSY = (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES)


def _pid_holding(folder: Path) -> int | None:
    """The process holding a flock on `folder`, from /proc/locks (Linux), if any."""
    try:
        info = os.stat(folder)
        wanted = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
        with open("/proc/locks", encoding="ascii") as locks:
            for line in locks:
                fields = line.split()
                if len(fields) > 5 and fields[1] == "FLOCK" and fields[5] == wanted:
                    return int(fields[4])
    except (OSError, ValueError):
        pass
    return None


def lock_holder(lock_file: Path) -> str:
    """Who holds the lock: "pid 1234" as the holder wrote it (or as the system knows it
    when the file is gone), else "unknown process"."""
    try:
        fd = open_private(lock_file, os.O_RDONLY)
        try:
            text = os.read(fd, 32).decode("ascii", "replace").strip()
        finally:
            os.close(fd)
    except OSError:
        text = ""
    if text.isdigit():
        return f"pid {text}"
    pid = _pid_holding(lock_file.parent)
    return f"pid {pid}" if pid is not None else "unknown process"


def _flock(fd: int, mode: int) -> bool:
    """True when the lock was taken, False when another process holds it."""
    try:
        fcntl.flock(fd, mode | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno in _BUSY:
            return False
        raise
    return True


def in_use(data_dir: Path) -> str | None:
    """Who writes to the log in `data_dir` now (see lock_holder), or None; changes nothing."""
    folder = data_dir.absolute()
    locked: tuple[Callable[[], int], ...] = (
        lambda: os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC),
        lambda: open_private(folder / LOCK_NAME, os.O_RDONLY),  # an older runstrength's
    )
    for open_locked in locked:
        try:
            fd = open_locked()
        except OSError:
            return None
        try:
            busy = not _flock(fd, fcntl.LOCK_SH)
        except OSError:
            busy = False
        finally:
            os.close(fd)
        if busy:
            return lock_holder(folder / LOCK_NAME)
    return None


class DataDirLock:
    """The write lock of one data folder, held from `acquire()` to `release()`."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir.absolute()
        self.path = self.folder / LOCK_NAME
        self.held = False

    def acquire(self) -> None:
        """Take the lock; LockHeldError names the other holder, LogWriteError a bad folder
        (or a link in place of log.lock)."""
        with _guard:
            if self.held:
                return
            if self.folder in _held:
                folder_fd, file_fd, count = _held[self.folder]
                _held[self.folder] = (folder_fd, file_fd, count + 1)
                self.held = True
                return
            try:
                private_dir(self.folder, user_chosen=True)
                folder_fd = os.open(self.folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
            except OSError as error:
                raise LogWriteError(self.path, error) from error
            file_fd = -1
            try:
                if not self._lock_folder(folder_fd):
                    raise LockHeldError(self.path, lock_holder(self.path))
                file_fd = open_private(self.path, os.O_RDWR | os.O_CREAT)
                if not _flock(file_fd, fcntl.LOCK_EX):  # an older runstrength holds it
                    raise LockHeldError(self.path, lock_holder(self.path))
            except BaseException as error:
                for fd in (file_fd, folder_fd):
                    if fd >= 0:
                        os.close(fd)
                if isinstance(error, OSError):
                    raise LogWriteError(self.path, error) from error
                raise
            try:
                os.ftruncate(file_fd, 0)
                os.write(file_fd, str(os.getpid()).encode())
            except OSError:
                pass  # the pid is only a courtesy to the user
            tighten_log_folder(self.folder, "log.")
            _held[self.folder] = (folder_fd, file_fd, 1)
            self.held = True

    def _lock_folder(self, folder_fd: int) -> bool:
        """Lock the folder; False when another process holds it. A file system that
        cannot lock a folder (some network ones) leaves the lock file alone to guard it."""
        try:
            return _flock(folder_fd, fcntl.LOCK_EX)
        except OSError as error:
            logger.warning(
                "cannot lock the folder %s (%s): log.lock alone guards it",
                self.folder,
                error.strerror,
            )
            return True

    def release(self) -> None:
        with _guard:
            if not self.held:
                return
            self.held = False
            folder_fd, file_fd, count = _held[self.folder]
            if count > 1:
                _held[self.folder] = (folder_fd, file_fd, count - 1)
                return
            del _held[self.folder]
            os.close(file_fd)  # closing drops the flocks
            os.close(folder_fd)
