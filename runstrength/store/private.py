"""Private files: what runstrength writes is made 0600 in 0700 folders whatever the umask,
and never through a symbolic link planted where one of its files or folders belongs.

A folder the user names (the data folder, an export folder) may be a link: it is their
choice. The files and folders runstrength makes inside it may not: a link there is
refused (an OSError with errno ELOOP naming it), and nothing is written or removed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
from pathlib import Path
from typing import TextIO

FILE_MODE = 0o600
DIR_MODE = 0o700
LINK_REFUSAL = "it is a symbolic link, and runstrength never writes through one"
_OPEN_FLAGS = os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK


def link_error(path: Path | str) -> OSError:
    return OSError(errno.ELOOP, LINK_REFUSAL, str(path))


def is_link(path: Path) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        return False


def refuse_link(path: Path) -> None:
    """Raise (ELOOP) when `path` is a symbolic link."""
    if is_link(path):
        raise link_error(path)


def _tighten(path: Path | int, info: os.stat_result, private: int) -> None:
    """Take group and others' access from a file or folder of ours (an older runstrength
    made them under the umask); silently, and only what this user owns."""
    if info.st_uid != os.getuid() or not stat.S_IMODE(info.st_mode) & 0o077:
        return
    try:
        if isinstance(path, int):
            os.fchmod(path, stat.S_IMODE(info.st_mode) & private)
        else:
            os.chmod(path, stat.S_IMODE(info.st_mode) & private)
    except OSError:
        pass  # a folder we may use but not change: it stays as its owner made it


def tighten_file(path: Path) -> None:
    """Take group and others' access from a file of ours, if it is one (not a link)."""
    with contextlib.suppress(OSError):
        info = os.lstat(path)
        if stat.S_ISREG(info.st_mode):
            _tighten(path, info, FILE_MODE)


def private_dir(path: Path, *, user_chosen: bool = False) -> None:
    """Make `path` a 0700 folder (the folders above it as the umask says), or tighten the
    one there. `user_chosen`: a folder the user named (the data folder, an export folder),
    which may be a link and, when it is already there, keeps the mode its owner gave it
    (it may be their home or a shared folder). ELOOP for a link planted anywhere else."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.mkdir(path, DIR_MODE)
            os.chmod(path, DIR_MODE)  # exactly, whatever the umask took away
        except FileExistsError:
            pass
        info = os.lstat(path)
    else:
        if user_chosen:
            if not path.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path))
            return
    if stat.S_ISLNK(info.st_mode):
        if not user_chosen:
            raise link_error(path)
        info = os.stat(path)
    if not stat.S_ISDIR(info.st_mode):
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path))
    _tighten(path, info, DIR_MODE)


def open_private(path: Path, flags: int) -> int:
    """os.open of a regular file that is never a link; one it creates is 0600 exactly, one
    found looser is tightened."""
    try:
        fd = os.open(path, flags | _OPEN_FLAGS, FILE_MODE)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise link_error(path) from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "it is not a regular file", str(path))
        if flags & os.O_EXCL:
            os.fchmod(fd, FILE_MODE)  # new: exactly, whatever the umask took away
        elif flags & os.O_CREAT:
            _tighten(fd, info, FILE_MODE)
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def append_text(path: Path) -> TextIO:
    """A private file opened to add lines at its end (the app's log file)."""
    private_dir(path.parent, user_chosen=True)
    fd = open_private(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    return os.fdopen(fd, "a", encoding="utf-8")


def copy_private(source: Path, target: Path) -> None:
    """Copy `source` to a new private file `target` (never through a link), durably."""
    with (
        os.fdopen(open_private(source, os.O_RDONLY), "rb") as reader,
        os.fdopen(open_private(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL), "wb") as writer,
    ):
        shutil.copyfileobj(reader, writer)
        writer.flush()
        os.fsync(writer.fileno())


def read_private(path: Path) -> bytes:
    """The bytes of `path`, refused (ELOOP) when it is a link."""
    with os.fdopen(open_private(path, os.O_RDONLY), "rb") as reader:
        return reader.read()


def tighten_log_folder(folder: Path, prefix: str) -> None:
    """Make private what an older runstrength left under the umask in the data folder:
    the log's files (their names start with `prefix`) and every file in its backups and
    past years' folders. Links are left alone; nothing is said."""

    def files(path: Path, chosen: str = "") -> None:
        try:
            entries = list(os.scandir(path))
        except OSError:
            return
        for entry in entries:
            ours = entry.name.removeprefix(".").startswith(chosen)  # .log.json.checked too
            if ours and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    _tighten(Path(entry.path), entry.stat(follow_symlinks=False), FILE_MODE)
            elif not chosen and entry.name == "backups" and entry.is_dir(follow_symlinks=False):
                folders(Path(entry.path))

    def folders(path: Path) -> None:
        with contextlib.suppress(OSError):
            _tighten(path, os.lstat(path), DIR_MODE)
        files(path)

    files(folder, prefix)
    for name in ("backups", "years"):
        if not is_link(folder / name) and (folder / name).is_dir():
            folders(folder / name)
