"""Runs and other activities in the log's `runs` table, completed and planned.

Each document is an activity as `core.run_data` writes it. Every change is one write
through the log (`TrainingLog.change_documents`), as durable as a logged set, with a backup of the
file before it. Adding is idempotent: an activity already there (the same one read
from another file, see `core.runs.same_activity`) is not stored twice, and a completed
one dated later than the log's clock says it is now is not stored at all, whether it
comes from an activity file or from an export (`merge`). Planned runs
from a calendar are replaced by the next import of that calendar; completed runs are
never touched by it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, NamedTuple

from runstrength.core.run_data import activity_from_data, activity_to_data
from runstrength.core.runs import Activity, ActivityIndex, RunKind, activity_id, future_reason
from runstrength.store.errors import BadRecord, BadRecordError
from runstrength.store.log import TrainingLog

TABLE = "runs"


class UnknownRunError(Exception):
    """No activity of that id is in the log."""


class Added(NamedTuple):
    added: list[Activity]
    duplicates: list[Activity]
    """Activities already in the log (or twice in what was added): not stored again."""
    refused: Sequence[tuple[Activity, str]] = ()
    """Completed activities dated later than the log clock's now, each with why: not stored."""


class Replaced(NamedTuple):
    added: list[Activity]
    removed: list[Activity]
    kept_kinds: int = 0
    """Planned runs given again whose kind the runner had set by hand: the kind is kept."""


class RunLog:
    """Domain operations on the activities of one training log."""

    def __init__(self, log: TrainingLog) -> None:
        self.log = log

    def _read(self, docs: Iterable[dict[str, Any]]) -> list[Activity]:
        problems: list[str] = []
        found = [activity_from_data(dict(doc), TABLE, problems) for doc in docs]
        if problems:
            raise self._damaged(problems[0].removeprefix(TABLE).lstrip(".: "))
        return [a for a in found if a is not None]

    def _damaged(self, problem: str) -> BadRecordError:
        """The malformed runs records named as the log's other damage is: each by its id
        in the table, with `doctor --repair` to set them aside."""
        found = self.log.malformed()
        bad = [record for record in found.bad if record.table == TABLE] if found else []
        # The log's check and this reader share their rules; should they ever differ,
        # the record is still named as well as it can be.
        return BadRecordError(self.log.path, bad or [BadRecord(self.log.path, TABLE, "", problem)])

    def between(
        self, since: date | None = None, until: date | None = None, *, planned: bool | None = None
    ) -> list[Activity]:
        """Activities whose day is within [since, until], by day and start; `planned`
        picks only planned (True) or only completed (False) ones."""
        docs = self.log.documents(TABLE)
        low = since.isoformat() if since else ""
        high = until.isoformat() if until else "9999"
        chosen = [doc for doc in docs if low <= str(doc.get("day", "")) <= high]
        found = self._read(chosen)
        if planned is not None:
            found = [a for a in found if a.planned == planned]
        return sorted(found, key=lambda a: (a.day, a.start is None, a.start or a.day, a.id))

    def first_day(self) -> date | None:
        """The day of the oldest completed activity; None when there is none."""
        docs = self.log.documents(TABLE)
        days = [str(doc.get("day")) for doc in docs if not doc.get("planned")]
        try:
            return date.fromisoformat(min(days)) if days else None
        except ValueError as error:
            raise self._damaged(f"day: {error}") from None

    def _append(self, activities: list[Activity]) -> None:
        self.log.change_documents(
            TABLE, lambda docs: docs.extend(activity_to_data(a) for a in activities)
        )

    def get(self, ident: str) -> Activity:
        docs = [doc for doc in self.log.documents(TABLE) if doc.get("id") == ident]
        if not docs:
            raise UnknownRunError(f'no run or activity with id "{ident}" (see `runs list`)')
        return self._read(docs)[0]

    def add(self, activities: Sequence[Activity]) -> Added:
        """Store completed activities not yet in the log, in one write; ids are given here.
        One that ends later than the log clock's now cannot have been done: it is refused
        (`core.runs.future_reason` says why), the others are stored."""
        now = self.log.clock.now()
        present = self._read(self.log.documents(TABLE))
        taken = {a.id for a in present}
        known = ActivityIndex(present)
        added: list[Activity] = []
        duplicates: list[Activity] = []
        refused: list[tuple[Activity, str]] = []
        for activity in sorted(activities, key=lambda a: (a.start is None, a.start or a.day)):
            reason = future_reason(activity, now)
            if reason is not None:
                refused.append((activity, reason))
                continue
            if activity.start is None or known.holds(activity):
                duplicates.append(activity)
                continue
            stored = activity._replace(id=activity_id(activity.start, taken))
            taken.add(stored.id)
            known.add(stored)
            added.append(stored)
        if added:
            self._append(added)
        return Added(added, duplicates, refused)

    def merge(self, activities: Sequence[Activity]) -> Added:
        """Store activities as they are (ids and all, from an export); those whose id or
        whose completed activity is already there are skipped, and completed ones dated
        later than the log clock's now are refused, as `add` refuses them."""
        found = self.new_of(activities)
        if found.added:
            self._append(found.added)
        return found

    def new_of(self, activities: Sequence[Activity]) -> Added:
        """Which of `activities` `merge` would store (nothing is written), which are
        already there, and which it refuses (with why). One already in the log is skipped
        before its date is judged: an export read back into the log it came from changes
        nothing and refuses nothing."""
        now = self.log.clock.now()
        present = self._read(self.log.documents(TABLE))
        ids = {a.id for a in present}
        known = ActivityIndex(present)
        added: list[Activity] = []
        duplicates: list[Activity] = []
        refused: list[tuple[Activity, str]] = []
        for activity in activities:
            if activity.id in ids or known.holds(activity):
                duplicates.append(activity)
                continue
            reason = future_reason(activity, now)
            if reason is not None:
                refused.append((activity, reason))
                continue
            ids.add(activity.id)
            known.add(activity)
            added.append(activity)
        return Added(added, duplicates, refused)

    def replace_planned(self, source: str, planned: Sequence[Activity], today: date) -> Replaced:
        """Put a calendar's planned runs in place of those it gave before (by its source
        and by event UID), in one write; past plans and completed runs stay. A kind set
        by hand (`mark`) on a planned run stays with its event UID, wherever the event
        has moved."""
        uids = {a.uid for a in planned if a.uid}
        present = self._read(self.log.documents(TABLE))
        gone = [
            a
            for a in present
            if a.planned and (a.uid in uids or (a.source == source and a.day >= today))
        ]
        gone_ids = {a.id for a in gone}
        marked = {a.uid: a.kind for a in gone if a.uid and a.kind}
        taken = {a.id for a in present if a.id not in gone_ids}
        added = []
        kept = 0
        for activity in planned:
            if activity.kind is None and activity.uid in marked:
                activity = activity._replace(kind=marked[activity.uid])
                kept += 1
            ident = "plan-" + activity_id(activity.start, taken) if activity.start else ""
            if not ident:
                base = f"plan-{activity.day:%Y%m%d}"
                ident, n = base, 1
                while ident in taken:
                    n += 1
                    ident = f"{base}-{n}"
            taken.add(ident)
            added.append(activity._replace(id=ident, planned=True, source=source))
        if gone or added:

            def edit(docs: list[dict[str, Any]]) -> None:
                docs[:] = [doc for doc in docs if doc.get("id") not in gone_ids]
                docs.extend(activity_to_data(a) for a in added)

            self.log.change_documents(TABLE, edit)
        return Replaced(added, gone, kept)

    def mark(self, ident: str, kind: RunKind | None) -> Activity:
        """Set (or clear, with None) the kind of one run by hand."""
        activity = self.get(ident)

        def edit(docs: list[dict[str, Any]]) -> None:
            for doc in docs:
                if doc.get("id") == ident:
                    doc["kind"] = kind

        self.log.change_documents(TABLE, edit)
        return activity._replace(kind=kind)

    def rate(self, ident: str, effort: int | None) -> Activity:
        """Set (or clear, with None) how hard a run was, on the CR-10 scale."""
        activity = self.get(ident)

        def edit(docs: list[dict[str, Any]]) -> None:
            for doc in docs:
                if doc.get("id") == ident:
                    doc["effort"] = effort

        self.log.change_documents(TABLE, edit)
        return activity._replace(effort=effort)

    def remove(self, ident: str) -> Activity:
        """Drop one activity (one that should not have been imported); returns it."""
        activity = self.get(ident)

        def edit(docs: list[dict[str, Any]]) -> None:
            docs[:] = [doc for doc in docs if doc.get("id") != ident]

        self.log.change_documents(TABLE, edit)
        return activity
