"""The journal: one JSON line per logged set, appended and fsynced, folded into the log later.

Appending a line costs a fraction of a millisecond however long the history is, while
rewriting the whole log grows with it; so a set goes to the journal the moment it is done,
and the journal is folded into the TinyDB file when the session ends (or at the next start).

The first line names the journal (a random id); the log records the id of the last journal
folded into it, so a crash between the fold and the journal's removal never folds twice.
A last line without its newline is a write that never finished (it was never reported
saved) and is dropped; any other line that does not parse means the journal is damaged.
"""

from __future__ import annotations

import contextlib
import errno
import os
import uuid
from pathlib import Path
from typing import Any

import orjson

from runstrength.store.errors import (
    BadRecord,
    CorruptLogError,
    LogWriteError,
    UnreadableLogError,
)
from runstrength.store.private import open_private
from runstrength.store.storage import fsync_directory


class JournalContents:
    """What a journal file holds (`read_journal`); empty until read."""

    def __init__(self) -> None:
        self.id: str | None = None
        self.entries: list[dict[str, Any]] = []
        self.bad: list[BadRecord] = []
        """Entries that parse but are malformed (by line): never folded (see `store.schema`)."""
        self.good_size = 0
        """Bytes up to the end of the last complete line."""
        self.torn = False


def read_journal(path: Path) -> JournalContents:
    """What a journal file holds; CorruptLogError when a complete line does not parse."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return JournalContents()
    except OSError as error:
        raise UnreadableLogError(path, error) from None
    contents = JournalContents()
    end = raw.rfind(b"\n") + 1
    contents.good_size = end
    contents.torn = end < len(raw)
    for number, line in enumerate(raw[:end].splitlines(), start=1):
        try:
            item = orjson.loads(line)
        except orjson.JSONDecodeError:
            raise CorruptLogError(path, f"line {number} is not valid JSON") from None
        if not isinstance(item, dict):
            raise CorruptLogError(path, f"line {number} is not a journal entry")
        if number == 1:
            if not isinstance(item.get("journal"), str):
                raise CorruptLogError(path, "it does not start with a journal id")
            contents.id = item["journal"]
        elif any(kind in item for kind in ENTRY_KINDS):
            problem = _entry_problem(item)
            if problem is None:
                contents.entries.append(item)
            else:
                contents.bad.append(BadRecord(path, "journal", str(number), problem, item))
        else:
            raise CorruptLogError(path, f"line {number} is not a journal entry")
    return contents


Doc = dict[str, Any]


def _entry_problem(entry: Doc) -> str | None:
    # The rules load with the first entry read: a start without a journal needs none.
    from runstrength.store.schema import entry_problem

    return entry_problem(entry)


def journal_path(log_file: Path) -> Path:
    return log_file.with_name(f"{log_file.stem}.journal")


def overlay(
    sessions: dict[str, dict[str, Any]], sets: list[dict[str, Any]], entries: list[dict[str, Any]]
) -> None:
    """Apply journal entries to session documents (by id) and set documents.

    A session document that changes is replaced by a changed copy, never edited in place:
    the documents passed in may be the storage's own.
    """
    for entry in entries:
        key = entry["session"]["id"]
        doc = sessions.setdefault(key, dict(entry["session"]))
        if "set" in entry:
            sets.append(entry["set"])
        elif "warmup" in entry:
            sessions[key] = {**doc, "warmup": entry["warmup"]}
        elif "stretch" in entry:
            sessions[key] = {**doc, "stretches": [*(doc.get("stretches") or ()), entry["stretch"]]}
        elif "aside" in entry:  # still in progress: only where it goes on changes
            sessions[key] = {**doc, **entry["aside"]}
        elif "resume" in entry:  # under way (resumed, or a band picked): where it goes on
            # None, not left out: a fold updates the stored document, which keeps any field
            # the change lacks.
            sessions[key] = {**doc, "resume_at": entry["resume"], "set_aside_at": None}
            if "breaks" in entry:  # resumed: every span it was set aside, the last included
                sessions[key]["breaks"] = entry["breaks"]
        elif "effort" in entry:  # rated while the log file could not be rewritten
            rated = {k: v for k, v in doc.items() if k != "effort"}
            effort = entry["effort"]
            sessions[key] = rated if effort is None else {**rated, "effort": effort}
        else:
            end = entry["finish"]
            sessions[key] = {**doc, "status": end["status"], "ended_at": end["ended_at"]}
            if end.get("skipped"):
                sessions[key]["skipped"] = end["skipped"]
            if end.get("breaks"):
                sessions[key]["breaks"] = end["breaks"]


ENTRY_KINDS = ("set", "finish", "warmup", "stretch", "aside", "resume", "effort")


class Journal:
    """Appends entries to one journal file, each durable before `append` returns."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.id: str | None = None
        self._size = 0
        self._fd: int | None = None

    def adopt(self, contents: JournalContents) -> None:
        """Continue the journal found on disk (cutting off a torn last line first)."""
        if contents.id is None:
            self.discard()
            return
        if contents.torn:
            try:
                os.truncate(self.path, contents.good_size)
            except OSError as error:
                raise LogWriteError(self.path, error) from error
        self.id = contents.id
        self._size = contents.good_size

    def append(self, entry: dict[str, Any]) -> None:
        payload = orjson.dumps(entry) + b"\n"
        new_file = self.id is None
        if new_file:
            journal_id = uuid.uuid4().hex
            payload = orjson.dumps({"journal": journal_id}) + b"\n" + payload
        try:
            if self._fd is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._fd = open_private(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
            try:
                written = os.write(self._fd, payload)
                if written != len(payload):
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                # The file's size is data here, so fdatasync covers the appended line.
                os.fdatasync(self._fd)
            except OSError:
                # Leave no half line behind: it would hide the next one.
                with contextlib.suppress(OSError):
                    os.ftruncate(self._fd, self._size)
                raise
            if new_file:
                fsync_directory(self.path.parent)
        except OSError as error:
            raise LogWriteError(self.path, error) from error
        if new_file:
            self.id = journal_id
        self._size += len(payload)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def discard(self) -> None:
        """Remove the journal (after it was folded into the log)."""
        self.close()
        try:
            # No fsync of the folder: a removal lost in a crash brings back a journal the
            # log names as folded already, which the next start then drops.
            self.path.unlink(missing_ok=True)
        except OSError as error:
            raise LogWriteError(self.path, error) from error
        self.id = None
        self._size = 0
