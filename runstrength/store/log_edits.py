"""Changes to what the log already holds: sessions imported, a set corrected or
deleted, a session rated or deleted (in the log file or a past year's file), and the
side tables (schedule, runs, ...) rewritten in one durable write (see `TrainingLog`)."""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from runstrength.store.backups import take_backup
from runstrength.store.log_reads import JOURNALLED
from runstrength.store.log_writes import LogWrites, _iso
from runstrength.store.years import numbered, split_key, year_of

if TYPE_CHECKING:
    from runstrength.core.records import SessionRecord

Doc = dict[str, Any]
T = TypeVar("T")


def _drop(key: str) -> Callable[[MutableMapping[Any, Any]], None]:
    def drop(doc: MutableMapping[Any, Any]) -> None:
        doc.pop(key, None)

    return drop


class LogEdits(LogWrites):
    """Changes to logged sessions, sets and side tables, each under the log's lock."""

    def add_sessions(self, records: list[SessionRecord]) -> tuple[int, int]:
        """Add whole sessions; those already present (same id) are skipped. The log file
        and each past year's file touched are written once each.

        Returns (added, skipped).
        """
        from runstrength.store import codec

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
            boundary = self.current_year()
            by_year: dict[int, tuple[list[Doc], list[Doc]]] = {}
            for record in new:
                doc = codec.record_to_doc(record)
                sets = [codec.set_to_doc(record.id, s, seq) for seq, s in enumerate(record.sets, 1)]
                year = year_of(doc) if record.status != "in-progress" else boundary
                part = by_year.setdefault(min(year, boundary), ([], []))
                part[0].append(doc)
                part[1].extend(sets)
            for year, (session_docs, set_docs) in sorted(by_year.items()):
                if year < boundary:
                    self.years.merge(year, session_docs, set_docs, "import")
                    continue
                take_backup(self.path, "import")
                with self._storage.batch():
                    self._ensure_meta()
                    self._db.table("sessions").insert_multiple(session_docs)
                    self._db.table("sets").insert_multiple(set_docs)
                self._seq = None
            return len(new), len(records) - len(new)

    def _change_past_year(self, year: int, change: Callable[[list[Doc], list[Doc]], None]) -> None:
        """Change a past year's sessions and sets (copies) and write its file once."""
        tables = self.years.tables(year)
        sessions = [dict(doc) for doc in tables.get("sessions", {}).values()]
        sets = [dict(doc) for doc in tables.get("sets", {}).values()]
        change(sessions, sets)
        self.years.write(year, numbered(sessions, sets), "edit")

    def correct_set(
        self, key: str, *, reps: int | None, seconds: int | None, band: str | None, when: datetime
    ) -> None:
        """Change a logged set's reps (or seconds held) and band by hand; marked as edited."""
        changes = {"reps": reps, "seconds": seconds, "band": band, "edited_at": _iso(when)}
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
            take_backup(self.path, "edit")
            self._db.table("sets").update(changes, doc_ids=[int(doc_id)])

    def set_effort(self, session_id: str, effort: int | None) -> bool:
        """Rate how hard a session was (CR-10), or clear the rating with None; False when
        the log holds no session of that id."""
        with self._lock:
            self._writable()
            self._fold()
            year = self.years.year_of_session(session_id) if self.years.on_disk() else None
            if year is not None:

                def rate(sessions: list[Doc], _: list[Doc]) -> None:
                    for doc in sessions:
                        if doc["id"] == session_id and effort is None:
                            doc.pop("effort", None)
                        elif doc["id"] == session_id:
                            doc["effort"] = effort

                self._change_past_year(year, rate)
                return True
            sessions = self._db.table("sessions")
            if not sessions.contains(lambda doc: doc.get("id") == session_id):
                return False
            take_backup(self.path, "edit")
            if effort is None:
                sessions.update(_drop("effort"), lambda doc: doc.get("id") == session_id)
            else:
                sessions.update({"effort": effort}, lambda doc: doc.get("id") == session_id)
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
            take_backup(self.path, "edit")
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
            take_backup(self.path, "delete")
            with self._storage.batch():
                self._db.table("sessions").remove(lambda doc: doc.get("id") == session_id)
                self._db.table("sets").remove(lambda doc: doc.get("session") == session_id)

    def change_documents(self, name: str, edit: Callable[[list[Doc]], T]) -> T:
        """Change one of the log's side tables (schedule, runs, ...) in one durable write.

        `edit` gets copies of the table's documents, as plain dicts, and changes the list
        in place; the table then holds what the list holds, written at once with a backup
        of the file first. Nothing is written if `edit` raises. The log's lock is held
        while `edit` runs, so it must not call the log.
        """
        if name in JOURNALLED:
            raise ValueError(f"the {name} table is written only through the log's own methods")
        with self._lock:
            self._writable()
            data = self._storage.read() or {}
            docs = [dict(doc) for doc in data.get(name, {}).values()]
            take_backup(self.path, name)
            result = edit(docs)
            # Every change lands in one atomic write of the file.
            with self._storage.batch():
                self._ensure_meta()
                table = self._db.table(name)
                table.truncate()
                table.insert_multiple(docs)
            return result
