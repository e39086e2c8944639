"""Changes to what the log already holds: sessions imported, a set corrected or
deleted, a session rated or deleted (in the log file or a past year's file), and the
side tables (schedule, runs, ...) rewritten in one durable write (see `TrainingLog`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from runstrength.store.errors import BadRecordError, LogError
from runstrength.store.log_reads import JOURNALLED, logger
from runstrength.store.log_writes import LogWrites
from runstrength.store.years import numbered, split_key

if TYPE_CHECKING:
    from runstrength.core.records import SessionRecord

Doc = dict[str, Any]
SESSION_KEYS = frozenset({"id", "date", "program", "started_at", "ended_at", "status", "kind"})
"""What a journal entry holds of its session."""
T = TypeVar("T")


def _drop(key: str) -> Callable[[MutableMapping[Any, Any]], None]:
    def drop(doc: MutableMapping[Any, Any]) -> None:
        doc.pop(key, None)

    return drop


class LogEdits(LogWrites):
    """Changes to logged sessions, sets and side tables, each under the log's lock."""

    _close_years: Callable[[], None]

    def add_sessions(
        self, records: list[SessionRecord], side: Mapping[str, list[Doc]] | None = None
    ) -> tuple[int, int]:
        """Add whole sessions (those already present, same id, are skipped) and documents
        of side tables (`side`: plans, runs, as their tables hold them), all in one write
        of the log file after one backup: all or nothing. Sessions of past years then
        move to their years' files (or at the log's next opening, if that fails).

        Returns (added, skipped).
        """
        from runstrength.core import codec

        if any(name in JOURNALLED for name in side or {}):
            raise ValueError("only side tables (schedule, runs, ...) go in `side`")
        with self._lock:
            self._writable()
            self._fold()
            present = {doc["id"] for doc in self._db.table("sessions").all()}
            present |= {row["id"] for row in self.years.rows()}
            new: list[SessionRecord] = []
            for record in records:
                if record.id not in present:
                    present.add(record.id)
                    new.append(record)
            extra = {name: docs for name, docs in (side or {}).items() if docs}
            if not new and not extra:
                return 0, len(records)
            session_docs = [codec.record_to_doc(record) for record in new]
            set_docs = [
                codec.set_to_doc(record.id, s, seq)
                for record in new
                for seq, s in enumerate(record.sets, 1)
            ]
            self._back_up("import")
            with self._storage.batch():
                self._ensure_meta()
                self._db.table("sessions").insert_multiple(session_docs)
                self._db.table("sets").insert_multiple(set_docs)
                for name, docs in extra.items():
                    self._db.table(name).insert_multiple(docs)
            self._seq = None
            # What it does at every opening, crash-safe on its own; the backup above, of
            # the log before the import, covers this rewrite too.
            self._backed_up = True
            try:
                self._close_years()
            except LogError as error:
                logger.warning("could not move past years to their files: %s", error)
            finally:
                self._backed_up = False
            return len(new), len(records) - len(new)

    def _change_past_year(
        self, year: int, change: Callable[[list[Doc], list[Doc]], None], reason: str = "edit"
    ) -> None:
        """Change a past year's sessions and sets (copies) and write its file once."""
        tables = self.years.tables(year)
        sessions = [dict(doc) for doc in tables.get("sessions", {}).values()]
        sets = [dict(doc) for doc in tables.get("sets", {}).values()]
        change(sessions, sets)
        self.years.write(year, numbered(sessions, sets), reason)

    def correct_set(
        self, key: str, *, reps: int | None, seconds: int | None, band: str | None, when: datetime
    ) -> None:
        """Change a logged set's reps (or seconds held) and band by hand; marked as edited."""
        from runstrength.core.codec import iso

        changes = {"reps": reps, "seconds": seconds, "band": band, "edited_at": iso(when)}
        year, doc_id = split_key(key)
        with self._lock:
            self._writable()
            if year is not None:
                wanted = self.years.tables(year).get("sets", {}).get(doc_id)

                def correct(_: list[Doc], sets: list[Doc]) -> None:
                    for doc in sets:
                        if doc == wanted:
                            doc.update(changes)
                            return

                self._change_past_year(year, correct)
                return
            self._back_up("edit")
            self._db.table("sets").update(changes, doc_ids=[int(doc_id)])

    def set_effort(self, session_id: str, effort: int | None) -> bool:
        """Rate how hard a session was (CR-10), or clear the rating with None; False when
        the log holds no session of that id."""
        with self._lock:
            self._writable()
            try:
                self._fold()
            except BadRecordError as error:
                # The log file cannot be rewritten until it is repaired: the rating waits
                # in the journal with the session's sets, folded in at the first start after.
                return self._journal_effort(session_id, effort, error)
            year = self.years.year_of_session(session_id) if self.years.on_disk() else None
            if year is not None:

                def rate(sessions: list[Doc], _: list[Doc]) -> None:
                    for doc in sessions:
                        if doc["id"] == session_id and effort is None:
                            doc.pop("effort", None)
                        elif doc["id"] == session_id:
                            doc["effort"] = effort

                self._change_past_year(year, rate, "effort")
                return True
            sessions = self._db.table("sessions")
            if not sessions.contains(lambda doc: doc.get("id") == session_id):
                return False
            try:
                self._back_up("effort")
            except BadRecordError as error:
                return self._journal_effort(session_id, effort, error)
            if effort is None:
                sessions.update(_drop("effort"), lambda doc: doc.get("id") == session_id)
            else:
                sessions.update({"effort": effort}, lambda doc: doc.get("id") == session_id)
            return True

    def _journal_effort(self, session_id: str, effort: int | None, error: LogError) -> bool:
        """The rating as a journal entry (durable on return), for a session the journal
        or the log file holds (`error` when it cannot be: the session is in neither, say
        in a past year's file, or its own record is malformed)."""
        from runstrength.store.schema import entry_problem

        found = [e["session"] for e in self._pending if e["session"]["id"] == session_id]
        if not found:
            docs = self._db.table("sessions").search(lambda doc: doc.get("id") == session_id)
            found = [{k: v for k, v in doc.items() if k in SESSION_KEYS} for doc in docs]
        if not found:
            raise error
        entry = {"session": found[0], "effort": effort}
        if entry_problem(entry) is not None:
            raise error
        self._journalled(entry)
        return True

    def delete_set(self, key: str) -> None:
        year, doc_id = split_key(key)
        with self._lock:
            self._writable()
            if year is not None:
                wanted = self.years.tables(year).get("sets", {}).get(doc_id)

                def delete(_: list[Doc], sets: list[Doc]) -> None:
                    sets.remove(wanted)

                self._change_past_year(year, delete)
                return
            self._back_up("edit")
            self._db.table("sets").remove(doc_ids=[int(doc_id)])

    def delete_session(self, session_id: str) -> None:
        """Remove a session and all its sets, in one write."""
        with self._lock:
            self._writable()
            self._fold()
            year = self.years.year_of_session(session_id) if self.years.on_disk() else None
            if year is not None:

                def delete(sessions: list[Doc], sets: list[Doc]) -> None:
                    sessions[:] = [doc for doc in sessions if doc["id"] != session_id]
                    sets[:] = [doc for doc in sets if doc["session"] != session_id]

                self._change_past_year(year, delete)
            self._back_up("delete")
            with self._storage.batch():
                self._db.table("sessions").remove(lambda doc: doc.get("id") == session_id)
                self._db.table("sets").remove(lambda doc: doc.get("session") == session_id)

    def change_documents(self, name: str, edit: Callable[[list[Doc]], T]) -> T:
        """Change one of the log's side tables (schedule, runs, ...) in one durable write.

        `edit` gets copies of the table's documents, as plain dicts, and changes the list
        in place; the table then holds what the list holds, written at once with a backup
        of the file first. Nothing is written (and no backup taken) if `edit` raises or
        changes nothing. The log's lock is held
        while `edit` runs, so it must not call the log.
        """
        if name in JOURNALLED:
            raise ValueError(f"the {name} table is written only through the log's own methods")
        with self._lock:
            self._writable()
            self._storage.check_now()
            data = self._storage.read() or {}
            docs = [dict(doc) for doc in data.get(name, {}).values()]
            result = edit(docs)
            if docs == list(data.get(name, {}).values()):
                return result  # nothing changed: no backup, no write
            self._back_up(name)
            # Every change lands in one atomic write of the file.
            with self._storage.batch():
                self._ensure_meta()
                table = self._db.table(name)
                table.truncate()
                table.insert_multiple(docs)
            return result
