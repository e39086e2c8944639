"""A TinyDB storage that never leaves a half-written file: write aside, fsync, then rename."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from runstrength.store.errors import CorruptLogError, LogWriteError


def fsync_directory(path: Path) -> None:
    """Make a rename inside `path` durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, payload: bytes) -> None:
    """Replace `path` with `payload` so that a crash leaves either the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        fsync_directory(path.parent)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


class DurableJSONStorage(Storage):
    """JSON on disk, read once and kept in memory; every write is atomic and durable.

    A file that does not parse is never overwritten: reading it raises CorruptLogError.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._cache: dict[str, Any] | None = None

    def read(self) -> dict[str, Any] | None:
        if self._cache is None:
            try:
                raw = self.path.read_bytes()
            except FileNotFoundError:
                return None
            try:
                data = json.loads(raw)
            except (UnicodeDecodeError, ValueError) as error:
                detail = "the file is empty" if not raw.strip() else f"not valid JSON: {error}"
                raise CorruptLogError(self.path, detail) from None
            if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
                raise CorruptLogError(self.path, "not a runstrength log")
            self._cache = data
        return self._cache

    def write(self, data: dict[str, Any]) -> None:
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
        try:
            write_atomically(self.path, payload)
        except OSError as error:
            # TinyDB changed the cached dict in place before calling write: drop it so the
            # next read sees what is really on disk.
            self._cache = None
            raise LogWriteError(self.path, error) from error
        self._cache = data

    def close(self) -> None:
        self._cache = None
