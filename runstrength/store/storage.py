"""A TinyDB storage that never leaves a half-written file: write aside, fsync, then rename."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson

from runstrength.store.checked import file_as_is
from runstrength.store.errors import CorruptLogError, LogWriteError, UnsafeFileError
from runstrength.store.private import open_private, private_dir, read_private, refuse_link


def fsync_directory(path: Path) -> None:
    """Make a rename inside `path` durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, payload: bytes, *, make_folder: bool = True) -> None:
    """Replace `path` with `payload` so that a crash leaves either the old or the new file.

    The file is private (0600) and never a link: a link at `path` is refused (ELOOP), not
    replaced. A missing folder is made private (0700) unless `make_folder` is False."""
    refuse_link(path)
    if make_folder and not path.parent.exists():
        private_dir(path.parent, user_chosen=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)  # left by a write cut short (or planted): never opened
    try:
        with os.fdopen(open_private(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL), "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        refuse_link(path)
        os.replace(tmp, path)
        fsync_directory(path.parent)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


def write_export(path: Path, payload: bytes) -> None:
    """A file the user asked for (an export): private (0600) and whole, written aside and
    renamed, when it is new or a file; a device, pipe or link they named is written to
    as it is. Its folder must exist."""
    try:
        regular = stat.S_ISREG(os.lstat(path).st_mode)
    except FileNotFoundError:
        regular = True
    if regular:
        write_atomically(path, payload, make_folder=False)
        return
    with open(path, "wb") as handle:
        handle.write(payload)


def parse_log(path: Path, raw: bytes) -> dict[str, Any]:
    """The tables in a log file's bytes; CorruptLogError when they are not a log."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        detail = "the file is empty" if not raw.strip() else f"not valid JSON: {error}"
        raise CorruptLogError(path, detail) from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise CorruptLogError(path, "not a runstrength log")
    return data


def encode_log(data: dict[str, Any]) -> bytes:
    return orjson.dumps(data)


class DurableJSONStorage:
    """JSON on disk, read once and kept in memory; every write is atomic and durable.

    TinyDB's storage (read, write, close) without TinyDB's base class: the app's start
    makes one without loading TinyDB, which comes with the first read (`TrainingLog`).

    A file that does not parse is never overwritten: reading it raises CorruptLogError.
    Inside `batch()` TinyDB's writes only change the memory copy, and the file is
    written once at the end (all or nothing).
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        check: Callable[[dict[str, Any]], None] | None = None,
        written: Callable[[], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self._cache: dict[str, Any] | None = None
        self._batching = False
        self._check = check
        """Run on the tables before the first write (it raises to refuse them)."""
        self._written = written
        """Run after each write of the file."""
        self.as_read: list[int] | None = None
        """The file as it was read or last written (`checked.file_as_is`); None when it
        changed while it was read."""

    def read(self) -> dict[str, Any] | None:
        if self._cache is None:
            before = file_as_is(self.path)
            try:
                raw = read_private(self.path)
            except FileNotFoundError:
                return None
            except OSError as error:
                if error.errno in (errno.ELOOP, errno.EINVAL):
                    raise UnsafeFileError(self.path, error) from None
                raise
            self._cache = parse_log(self.path, raw)
            self.as_read = before if file_as_is(self.path) == before else None
        return self._cache

    def write(self, data: dict[str, Any]) -> None:
        if self._batching:
            self._cache = data
            return
        self._flush(data)

    def check_now(self) -> None:
        """Run the check on the tables as they are (once): before a backup and a write."""
        data = self.read()
        if self._check is not None and data is not None:
            self._check(data)
            self._check = None

    def _flush(self, data: dict[str, Any]) -> None:
        if self._check is not None:
            try:
                self._check(data)
            except BaseException:
                self._cache = None  # TinyDB changed it in place; the file is as it was
                raise
            self._check = None
        try:
            write_atomically(self.path, encode_log(data))
        except OSError as error:
            # TinyDB changed the cached dict in place before calling write: drop it so the
            # next read sees what is really on disk.
            self._cache = None
            raise LogWriteError(self.path, error) from error
        self._cache = data
        self.as_read = file_as_is(self.path)
        if self._written is not None:
            self._written()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Gather every write inside into one atomic write of the file."""
        self._batching = True
        try:
            yield
        except BaseException:
            self._cache = None
            raise
        finally:
            self._batching = False
        if self._cache is not None:
            self._flush(self._cache)

    def replace_memory(self, data: dict[str, Any]) -> None:
        """Use `data` in memory without writing it (a read-only view of a migrated log)."""
        self._cache = data
        self.as_read = None  # what is in memory is no longer the file as it is

    def close(self) -> None:
        self._cache = None
