"""Checking the log files record by record, repairing a damaged log from its newest
readable backup, and setting malformed records aside (kept in a file of their own)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson

from runstrength.core.wording import plural
from runstrength.store.backups import (
    describe,
    is_readable,
    list_backups,
    newest_readable,
    take_backup,
)
from runstrength.store.errors import (
    BadRecord,
    CorruptLogError,
    LogError,
    LogWriteError,
    UnreadableLogError,
    unreadable,
)
from runstrength.store.journal import journal_path, read_journal
from runstrength.store.lock import DataDirLock, in_use
from runstrength.store.migrations import SCHEMA_VERSION, schema_of
from runstrength.store.private import copy_private
from runstrength.store.schema import bad_records
from runstrength.store.storage import encode_log, parse_log, write_atomically
from runstrength.store.years import FOLDER, ClosedYears


@dataclass
class Report:
    """What was found: lines to show, and the files that are damaged."""

    lines: list[str] = field(default_factory=list)
    damaged: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    bad: list[BadRecord] = field(default_factory=list)
    """Records that parse but are malformed, each named: `repair` sets them aside."""

    def found_bad(self, bad: list[BadRecord]) -> None:
        self.bad += bad
        self.problems += [f"malformed record: {record}" for record in bad]

    @property
    def healthy(self) -> bool:
        return not self.problems


def _read(report: Report, label: str, path: Path) -> dict[str, Any] | None:
    """A file of the log parsed, or None with why it cannot be (damaged: kept in
    `report.damaged` for a repair)."""
    try:
        return parse_log(path, path.read_bytes())
    except CorruptLogError as error:
        report.problems.append(f"{label}: {path} is damaged: {error.detail}")
        report.damaged.append(path)
    except OSError as error:
        report.problems.append(f"{label}: {path} cannot be read: {unreadable(error)}")
    return None


def check(log_file: Path) -> Report:
    """Read every file of the log without changing any."""
    report = Report()
    if not log_file.exists():
        report.lines.append(f"log: {log_file} does not exist yet (nothing logged)")
    else:
        data = _read(report, "log", log_file)
        if data is not None:
            version = schema_of(data)
            bad: list[BadRecord] = []
            if version is not None and 0 <= version <= SCHEMA_VERSION:
                bad = bad_records(log_file, data)
                report.found_bad(bad)
            sessions = len(data.get("sessions", {}))
            sets = len(data.get("sets", {}))
            if version is not None and version > SCHEMA_VERSION:
                report.problems.append(
                    f"log: {log_file} is log format {version}, newer than this runstrength "
                    f"reads ({SCHEMA_VERSION}); update runstrength"
                )
            elif version is not None and version < 0:
                report.problems.append(f"log: {log_file} has an unreadable format version")
                report.damaged.append(log_file)
            else:
                note = (
                    f" (format {version}: brought up to {SCHEMA_VERSION} at the next start)"
                    if version is not None and version < SCHEMA_VERSION
                    else ""
                )
                # The verdict agrees with the records: "readable" only when each one is.
                verdict = (
                    f"holds {plural(len(bad), 'malformed record')} (named below);"
                    if bad
                    else "is readable:"
                )
                report.lines.append(
                    f"log: {log_file} {verdict} {plural(sessions, 'session')}, "
                    f"{plural(sets, 'set')}{note}"
                )
    _check_years(log_file, report)
    journal = journal_path(log_file)
    try:
        contents = read_journal(journal)
    except CorruptLogError as error:
        report.problems.append(f"journal: {journal} is damaged: {error.detail}")
        report.damaged.append(journal)
    except UnreadableLogError as error:
        report.problems.append(f"journal: {journal} cannot be read: {error.reason}")
    else:
        report.found_bad(contents.bad)
        if contents.entries:
            report.lines.append(
                f"journal: {len(contents.entries)} entries not yet folded into the log "
                "(they are safe; folded at the next start)"
            )
        if contents.torn:
            report.lines.append("journal: ends in a write that never finished (it is dropped)")
    backups = list_backups(log_file)
    good = newest_readable(log_file)
    if not backups:
        report.lines.append("backups: none yet (one is taken before each change to the log)")
    else:
        report.lines.append(
            f"backups: {len(backups)} in {backups[0].parent}; newest readable: {good or 'none'}"
            + (f" ({describe(good)})" if good else "")
        )
    holder = in_use(log_file.parent)
    if holder:
        report.lines.append(f"in use: another runstrength ({holder}) has the log open")
    return report


def _check_years(log_file: Path, report: Report) -> None:
    """The past years' files beside the log."""
    years = ClosedYears(log_file, read_only=True)
    found = years.on_disk()
    if not found:
        return
    sessions = sets = 0
    wrong: list[str] = []
    for year in found:
        path = years.path(year)
        data = _read(report, "years", path)
        if data is None:
            wrong.append(str(year))
            continue
        bad = bad_records(path, data)
        report.found_bad(bad)
        if bad:
            wrong.append(str(year))
        sessions += len(data.get("sessions", {}))
        sets += len(data.get("sets", {}))
    counted = f"{plural(sessions, 'session')}, {plural(sets, 'set')}"
    # The verdict agrees with the files: "readable" only when every one of them is.
    verdict = f"{counted} readable"
    if wrong:
        verdict = f"{counted}; {'a problem' if len(wrong) == 1 else 'problems'} in "
        verdict += f"{', '.join(wrong)} (named below)"
    report.lines.append(
        f"years: {plural(len(found), 'past year')} ({found[0]}–{found[-1]}) in {years.folder}: "
        + verdict
    )


def _keep_copy(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    copy = path.with_name(f"{path.name}.damaged-{stamp}")
    copy_private(path, copy)
    return copy


def repair(log_file: Path) -> list[str]:
    """Restore a damaged log from its newest readable backup, keeping the damaged files.

    Raises LogError when it cannot: another runstrength holds the log, no readable
    backup exists, or a file cannot be written. Nothing is changed then.
    """
    report = check(log_file)
    if not report.damaged and not report.bad:
        if report.problems:  # nothing a backup or setting records aside would mend
            raise LogError(f"{report.problems[0]}; nothing was changed")
        return ["nothing to repair"]
    lock = DataDirLock(log_file.parent)
    lock.acquire()
    done: list[str] = []
    try:
        journal = journal_path(log_file)
        backup = newest_readable(log_file) if log_file in report.damaged else None
        if log_file in report.damaged and backup is None:
            raise CorruptLogError(log_file, "no readable backup to restore from")
        try:
            if backup is not None:
                copy = _keep_copy(log_file)
                write_atomically(log_file, backup.read_bytes())
                assert is_readable(log_file)
                done.append(f"kept the damaged log as {copy}")
                done.append(f"restored {log_file} from {backup}")
                done.append(f"that backup was {describe(backup)}")
                done.append(
                    "what was written to the log after it is not in it: check your last "
                    "sessions and plans (a session it holds as unfinished is offered for "
                    "resuming or closing at the next start)"
                )
            for path in report.damaged:
                if path.parent.name != FOLDER:
                    continue
                good = newest_readable(path)
                if good is None:
                    raise CorruptLogError(path, "no readable backup of this year to restore from")
                copy = _keep_copy(path)
                write_atomically(path, good.read_bytes())
                done.append(f"kept the damaged year as {copy}; restored {path} from {good}")
            if journal in report.damaged:
                copy = _keep_copy(journal)
                kept = [line for line in journal.read_bytes().splitlines() if _parses(line)]
                write_atomically(journal, b"".join(line + b"\n" for line in kept))
                done.append(f"kept the damaged journal as {copy}")
                done.append(f"kept the {len(kept)} readable lines of {journal}")
            if report.damaged:
                report = check(log_file)  # the files restored may hold malformed records
            if report.bad:
                done += set_aside(log_file, report.bad)
        except OSError as error:
            raise LogWriteError(log_file, error) from error
    finally:
        lock.release()
    return done


def _parses(line: bytes) -> bool:
    try:
        return isinstance(orjson.loads(line), dict)
    except orjson.JSONDecodeError:
        return False


def _with_their_sets(log_file: Path, bad: list[BadRecord]) -> list[BadRecord]:
    """`bad`, and the sets of each session among them (in the same file): a set is kept
    with its session."""
    found = list(bad)
    for record in bad:
        if record.table != "sessions" or not isinstance(record.record, dict):
            continue
        session_id = record.record.get("id")
        taken = {b.id for b in found if b.file == record.file and b.table == "sets"}
        data = parse_log(record.file, record.file.read_bytes())
        for key, doc in data.get("sets", {}).items():
            if isinstance(doc, dict) and doc.get("session") == session_id and key not in taken:
                reason = f"its session ({record.where}) is set aside"
                found.append(BadRecord(record.file, "sets", key, reason, doc))
    return found


def set_aside(log_file: Path, bad: list[BadRecord]) -> list[str]:
    """Move malformed records out of the log's files into `set-aside-<time>.json` in the
    data folder (written first, never deleted), so the rest of the log can be used. Each
    file changed is backed up first; a crash between leaves a record in both places,
    never in neither. The caller holds the data folder's lock."""
    bad = _with_their_sets(log_file, bad)
    stamp = datetime.now().astimezone()
    kept = log_file.parent / f"set-aside-{stamp:%Y%m%d-%H%M%S-%f}.json"
    document = {
        "set_aside_at": stamp.isoformat(timespec="seconds"),
        "why": "records that could not be read; the rest of the log is used without them",
        "records": [
            {
                "file": str(b.file),
                "table": b.table,
                "id": b.id,
                "reason": b.reason,
                "record": b.record,
            }
            for b in bad
        ],
    }
    write_atomically(kept, orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n")
    journal = journal_path(log_file)
    for path in dict.fromkeys(b.file for b in bad):
        mine = [b for b in bad if b.file == path]
        if path == journal:
            raw = path.read_bytes().splitlines(keepends=True)
            drop = {int(b.id) - 1 for b in mine}
            write_atomically(path, b"".join(x for n, x in enumerate(raw) if n not in drop))
            continue
        data = parse_log(path, path.read_bytes())
        for b in mine:
            data.get(b.table, {}).pop(b.id, None)
        take_backup(path, "aside")
        write_atomically(path, encode_log(data))
    lines = [f"set aside {plural(len(bad), 'malformed record')} into {kept} (kept there):"]
    return lines + [f"  {b}" for b in bad]
