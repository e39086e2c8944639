"""The writes of a session in progress: each set, warm-up and stretch appended to the
journal (one fsynced line, fast at any size of history), and the journal folded into the
log file, with a backup of the previous file, when the session ends: at once, or (from
the app's writer) once the writer has nothing else to do (see `TrainingLog`)."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from runstrength.store.backups import take_backup
from runstrength.store.errors import LogError, ReadOnlyLogError
from runstrength.store.journal import Journal, overlay
from runstrength.store.log_reads import LogReads
from runstrength.store.migrations import SCHEMA_VERSION

# The records and their conversion (codec) load with the first write: opening the log
# at start does not need them.
if TYPE_CHECKING:
    from tinydb import TinyDB

    from runstrength.core.records import (
        Break,
        ResumePoint,
        SessionInfo,
        SetRecord,
        StretchRecord,
        WarmupRecord,
    )

logger = logging.getLogger("runstrength.store.log")

Doc = dict[str, Any]


class LogWrites(LogReads):
    """The writes of a session in progress, each under the log's lock."""

    read_only: bool
    _fold_due: bool = False
    """A session has ended since the last fold: the journal is folded at the next chance."""
    _db: TinyDB
    _journal: Journal
    _seq: Counter[str] | None
    _backed_up = False
    """True while a change rewrites the log file a second time (an import's move of past
    years to their files): its one backup, of the file before the change, is taken."""

    def _writable(self) -> None:
        if self.read_only:
            raise ReadOnlyLogError(self.path)

    def _next_seq(self, session_id: str) -> int:
        if self._seq is None:
            data = self._storage.read() or {}
            seq: Counter[str] = Counter(doc["session"] for doc in data.get("sets", {}).values())
            seq.update(entry["session"]["id"] for entry in self._pending if "set" in entry)
            self._seq = seq
        self._seq[session_id] += 1
        return self._seq[session_id]

    def _journalled(self, entry: Doc) -> None:
        """`entry` durable in the journal on return, and seen by every read from then on
        (the caller holds the lock and has found the log writable)."""
        self._journal.append(entry)
        self._pending.append(entry)

    def log_set(self, session: SessionInfo, record: SetRecord) -> None:
        """Save one completed set; the session record is created with its first set."""
        from runstrength.core import codec

        with self._lock:
            self._writable()
            seq = self._next_seq(session.id)
            entry = {
                "session": codec.session_to_doc(session),
                "set": codec.set_to_doc(session.id, record, seq),
            }
            try:
                self._journalled(entry)
            except LogError:
                assert self._seq is not None
                self._seq[session.id] -= 1
                raise

    def log_routine(self, session: SessionInfo, record: WarmupRecord | StretchRecord) -> None:
        """Save how the warm-up or a stretch went, with its session (durable on return)."""
        from runstrength.core import codec
        from runstrength.core.records import WarmupRecord

        if isinstance(record, WarmupRecord):
            entry = {
                "session": codec.session_to_doc(session),
                "warmup": codec.warmup_to_data(record),
            }
        else:
            entry = {
                "session": codec.session_to_doc(session),
                "stretch": codec.stretch_to_data(record),
            }
        with self._lock:
            self._writable()
            self._journalled(entry)

    def finish_session(
        self,
        session: SessionInfo,
        status: str,
        ended_at: datetime,
        skipped: Sequence[str] = (),
        *,
        fold: bool = True,
        breaks: Sequence[Break] = (),
    ) -> None:
        """Close a session as completed or partial (creating its record if no set has yet);
        `skipped`: the exercises passed over without a set, by id; `breaks`: the spans it
        was set aside. `fold=False`: durable in the journal on return, folded into the
        log file later (`fold_if_due`)."""
        from runstrength.core.codec import breaks_to_data, iso

        end: Doc = {"status": status, "ended_at": iso(ended_at), "skipped": list(skipped)}
        if breaks:
            end["breaks"] = breaks_to_data(breaks)
        self._end(session, {"finish": end}, fold)

    def set_aside(
        self,
        session: SessionInfo,
        at: datetime,
        skipped: Sequence[str],
        resume_at: ResumePoint | None,
        *,
        fold: bool = True,
    ) -> None:
        """Keep a session open to continue later, the same day, at `resume_at` (`fold` as
        for `finish_session`)."""
        from runstrength.core import codec

        self._end(session, {"aside": codec.aside_to_doc(at, skipped, resume_at)}, fold)

    def keep_resume_point(
        self,
        session: SessionInfo,
        resume_at: ResumePoint,
        breaks: Sequence[Break] = (),
    ) -> None:
        """Where a session in progress goes on (resumed, or with the band just picked for
        it): one line in the journal (durable on return), so a session cut off goes on
        there, with that band, and is no longer taken for one set aside. `breaks`: on
        going on after being set aside, every span it was (its time leaves them out)."""
        from runstrength.core import codec

        entry: Doc = {
            "session": codec.session_to_doc(session),
            "resume": codec.point_to_doc(resume_at),
        }
        if breaks:
            entry["breaks"] = codec.breaks_to_data(breaks)
        with self._lock:
            self._writable()
            self._journalled(entry)

    def _end(self, session: SessionInfo, change: Doc, fold: bool) -> None:
        """How a session ended, durable on return. `fold`: straight into the log file's
        one atomic write (with the journal; if that fails, journalled, and the next start
        folds it). Otherwise journalled, in one sync to disk whatever the size of the
        year's file, and folded by `fold_if_due`: the writer calls it once it has nothing
        else to do, `close` calls it, and the next start folds what is left."""
        from runstrength.core import codec

        with self._lock:
            self._writable()
            entry = {"session": codec.session_to_doc(session), **change}
            if not fold:
                self._journalled(entry)
                self._fold_due = True
                return
            self._pending.append(entry)
            try:
                self._fold()
            except LogError as error:
                logger.warning("could not fold the journal: %s", error)
                try:
                    self._journal.append(entry)
                except LogError:
                    self._pending.remove(entry)
                    raise

    def fold_if_due(self) -> None:
        """Fold the journal into the log file if a session has ended since the last fold.
        A fold that fails leaves everything in the journal (reads see it there) and is
        tried again at the next session's end or start."""
        with self._lock:
            if not self._fold_due or self.read_only:
                return
            self._fold_due = False
            try:
                self._fold()
            except LogError as error:
                logger.warning("could not fold the journal: %s", error)

    def fold(self) -> None:
        """Move the journal into the log file now (with a backup of the previous file)."""
        with self._lock:
            self._writable()
            self._fold()

    def _fold(self) -> None:
        if not self._pending:
            return
        self._back_up("fold")
        sessions = self._db.table("sessions")
        touched = {entry["session"]["id"] for entry in self._pending}
        known = {doc["id"]: doc for doc in sessions.all() if doc["id"] in touched}
        merged: dict[str, Doc] = {key: dict(doc) for key, doc in known.items()}
        new_sets: list[Doc] = []
        overlay(merged, new_sets, self._pending)
        with self._storage.batch():
            self._ensure_meta()
            sessions.insert_multiple(doc for key, doc in merged.items() if key not in known)
            for key, doc in merged.items():
                if key in known and doc != known[key]:
                    sessions.update(doc, doc_ids=[known[key].doc_id])
            self._db.table("sets").insert_multiple(new_sets)
            self._db.table("meta").update({"folded_journal": self._journal.id}, doc_ids=[1])
        self._pending = []
        self._journal.discard()

    def _back_up(self, reason: str) -> None:
        """Before the log file is rewritten: every record it holds checked (once per
        opening: BadRecordError names a malformed one), then a backup of it (unless the
        change under way took one already: one change, one backup)."""
        self._storage.check_now()
        if not self._backed_up:
            take_backup(self.path, reason)

    def _ensure_meta(self) -> None:
        meta = self._db.table("meta")
        if not meta.contains(doc_id=1):
            meta.insert({"schema": SCHEMA_VERSION})
