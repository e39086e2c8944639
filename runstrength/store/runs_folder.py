"""The runs folder (a watch's USB folder, an app's auto-export folder): new files in it
are imported at each start.

The files already read are remembered in the log's `run_files` table by path, size and
modification time, so a start reads only what is new or changed: a folder of years of
activities costs one listing, not one read per file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from runstrength.core.runs import Activity
from runstrength.store.log import TrainingLog
from runstrength.store.runs import RunLog

TABLE = "run_files"


@dataclass
class FolderImport:
    added: list[Activity] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    """New files that could not be read or are dated in the future, with why (each is
    reported once)."""
    read: int = 0
    """New or changed files read this time."""
    problem: str = ""
    """Why the folder itself could not be looked at (empty when it could)."""


def folder_problem(text: str) -> str | None:
    """What is wrong with `text` as the runs folder setting, in words that follow its
    value ("does not exist"); None when it is a folder that can be read, or "" (none)."""
    if not text.strip():
        return None
    folder = Path(text).expanduser()
    if not folder.is_absolute():
        return "is a relative path, read from wherever the app starts: give the whole path"
    try:
        if not folder.exists():
            return "does not exist"
        if not folder.is_dir():
            return "is a file, not a folder"
        os.listdir(folder)
    except OSError as problem:
        return f"cannot be read ({problem.strerror or problem})"
    return None


def _stamp(path: Path) -> list[int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return [info.st_size, info.st_mtime_ns]


def import_new_files(log: TrainingLog, folder: Path) -> FolderImport:
    """Read the files in `folder` not read before and add their activities to the log."""
    from runstrength.store.activities import format_of, read_file
    from runstrength.store.activities.common import NotAnActivity, UnreadableFile

    result = FolderImport()
    if not folder.is_dir():
        result.problem = f"the runs folder {folder} is not a folder that can be read"
        return result
    try:
        candidates = sorted(p for p in folder.rglob("*") if format_of(p) is not None)
    except OSError as error:
        result.problem = f"the runs folder {folder} cannot be listed ({error.strerror or error})"
        return result
    seen = {str(doc.get("path")): doc.get("stamp") for doc in log.documents(TABLE)}
    fresh: list[tuple[Path, list[int]]] = []
    for path in candidates:
        stamp = _stamp(path)
        if stamp is not None and seen.get(str(path)) != stamp and path.is_file():
            fresh.append((path, stamp))
    if not fresh:
        return result
    found: list[Activity] = []
    for path, _stamp_now in fresh:
        try:
            found += read_file(path)
        except NotAnActivity:
            continue  # a watch's settings, course or health file
        except UnreadableFile as error:
            result.failed.append((path, str(error)))
    result.read = len(fresh)
    stored = RunLog(log).add(found)
    result.added = stored.added
    result.failed += [(Path(activity.source), why) for activity, why in stored.refused]
    names = {str(path) for path, _ in fresh}

    def edit(docs: list[dict[str, Any]]) -> None:
        docs[:] = [doc for doc in docs if doc.get("path") not in names]
        docs.extend({"path": str(path), "stamp": stamp} for path, stamp in fresh)

    log.change_documents(TABLE, edit)
    return result
