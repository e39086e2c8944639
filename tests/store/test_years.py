"""The log laid out by year: past years in their own files, an index of their totals,
the current year in the log file; a migration from the single file that keeps every
record; reads and edits that reach the past years."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from runstrength.core.records import SessionRecord
from runstrength.store import TrainingLog
from runstrength.store.schedule import Schedule
from tests.old_format import history, write_single_file

ZONE = timezone(timedelta(hours=1))
TODAY = date.today()


def plain(record: SessionRecord) -> SessionRecord:
    """A session without the log's handles on its sets."""
    return replace(record, sets=[s._replace(key=None) for s in record.sets])


@pytest.fixture(scope="module")
def ten_years() -> list[SessionRecord]:
    return history(520)


def test_a_ten_year_log_is_migrated_keeping_every_session_and_set(
    tmp_path: Path, ten_years: list[SessionRecord]
) -> None:
    path = tmp_path / "log.json"
    write_single_file(path, ten_years)
    before = TrainingLog(path, read_only=True)
    summaries_before = before.session_summaries()
    before.close()

    log = TrainingLog(path)
    after = log.sessions()
    assert [plain(r) for r in after] == [plain(r) for r in sorted(ten_years, key=_start)]
    assert sum(len(r.sets) for r in after) == sum(len(r.sets) for r in ten_years)
    assert log.session_summaries() == summaries_before
    assert Schedule(log).between()  # the plans stay in the log file
    log.close()

    stored = json.loads(path.read_text())
    assert stored["meta"]["1"]["schema"] == 3
    assert {doc["date"][:4] for doc in stored["sessions"].values()} <= {str(TODAY.year)}
    years = sorted(p.stem for p in (tmp_path / "years").glob("[0-9]*.json"))
    assert years == [str(y) for y in range(ten_years[0].date.year, TODAY.year)]
    reopened = TrainingLog(path, read_only=True)
    assert [plain(r) for r in reopened.sessions()] == [plain(r) for r in after]
    reopened.close()


def _start(record: SessionRecord) -> datetime:
    return record.info.started_at


def test_a_migration_cut_short_reads_each_session_once_and_finishes_next_time(
    tmp_path: Path, ten_years: list[SessionRecord]
) -> None:
    """The year files were written, the log file not yet: it is still the old format."""
    path = tmp_path / "log.json"
    write_single_file(path, ten_years)
    TrainingLog(path).close()
    write_single_file(path, ten_years)  # as if the last write never happened
    reader = TrainingLog(path, read_only=True)
    assert len(reader.sessions()) == len(ten_years)
    assert len(reader.session_summaries()) == len(ten_years)
    reader.close()
    log = TrainingLog(path)
    assert len(log.sessions()) == len(ten_years)
    log.close()
    assert json.loads(path.read_text())["meta"]["1"]["schema"] == 3


def test_past_years_are_read_edited_and_deleted_through_the_log(tmp_path: Path) -> None:
    sessions = history(60)
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    assert log.add_sessions(sessions) == (len(sessions), 0)
    assert log.add_sessions(sessions) == (0, len(sessions))
    old = next(r for r in sessions if r.date.year < TODAY.year)
    assert (tmp_path / "years" / f"{old.date.year}.json").exists()
    record = log.session(old.id)
    assert record is not None
    first = record.sets[0]
    assert first.key is not None
    assert ":" in first.key
    log.correct_set(first.key, reps=99, seconds=None, band="black", when=datetime.now(ZONE))
    again = log.session(old.id)
    assert again is not None
    assert (again.sets[0].reps, again.sets[0].band) == (99, "black")
    [summary] = [s for s in log.session_summaries() if s.id == old.id]
    assert summary.reps == sum(s.reps or 0 for s in again.sets)
    log.delete_set(again.sets[-1].key or "")
    shorter = log.session(old.id)
    assert shorter is not None
    assert len(shorter.sets) == len(record.sets) - 1
    log.delete_session(old.id)
    assert log.session(old.id) is None
    assert old.id not in {s.id for s in log.session_summaries()}
    log.close()
    reopened = TrainingLog(path, read_only=True)
    assert old.id not in {s.id for s in reopened.sessions()}
    assert len(reopened.sessions()) == len(sessions) - 1
    reopened.close()


def test_the_day_before_new_year_counts_for_the_rest_day_rule(tmp_path: Path) -> None:
    """Yesterday in a past year's file: read from the index, not the year's sets."""
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    sessions = history(60)
    log.add_sessions(sessions)
    days = {d.day for d in Schedule(log).logged_days()}
    assert days == {r.date for r in sessions if r.sets}
    new_year = date(TODAY.year, 1, 1)
    last_year = {r.date for r in sessions if r.sets and r.date < new_year}
    assert last_year
    assert max(last_year) in Schedule(log).training_days(max(last_year) + timedelta(1)).logged
    log.close()


def test_a_stale_index_is_counted_again_from_the_year_file(
    tmp_path: Path, ten_years: list[SessionRecord]
) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.add_sessions(ten_years[:400])
    expected = log.session_summaries()
    log.close()
    (tmp_path / "years" / "index.json").write_text("{}")
    reopened = TrainingLog(path)
    assert reopened.session_summaries() == expected
    reopened.close()
    assert json.loads((tmp_path / "years" / "index.json").read_text())["years"]


def test_an_index_counted_by_another_version_is_counted_again(
    tmp_path: Path, ten_years: list[SessionRecord]
) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    log.add_sessions(ten_years[:400])
    expected = log.session_summaries()
    log.close()
    index_file = tmp_path / "years" / "index.json"
    index = json.loads(index_file.read_text())
    index["fields"] = [*index["fields"], "something-newer"]
    for entry in index["years"].values():
        for row in entry["rows"]:
            row["reps"] = -1
    index_file.write_text(json.dumps(index))
    reopened = TrainingLog(path)
    assert reopened.session_summaries() == expected
    reopened.close()


class _Clock:
    """Only the wall clock matters to the log: which year it is now."""

    def __init__(self, now: datetime) -> None:
        self.at = now

    def monotonic(self) -> float:
        return 0.0

    def now(self) -> datetime:
        return self.at


def _year_files(folder: Path) -> list[int]:
    return sorted(int(p.stem) for p in (folder / "years").glob("[0-9]*.json"))


def test_the_current_year_comes_from_the_clock_not_the_system_date(tmp_path: Path) -> None:
    """Around a New Year of the clock's (far from the machine's date): the year that has
    just ended moves to its own file at the first start after midnight, and every read
    sees each session once, before and after."""
    sessions = history(80, until=date(2041, 1, 1))
    assert {r.date.year for r in sessions} == {2039, 2040}
    path = tmp_path / "log.json"
    eve = _Clock(datetime(2040, 12, 31, 23, 59, tzinfo=ZONE))
    log = TrainingLog(path, clock=eve)
    log.add_sessions(sessions)
    assert log.current_year() == 2040
    log.close()
    assert _year_files(tmp_path) == [2039]
    in_file = json.loads(path.read_text())["sessions"].values()
    assert {doc["date"][:4] for doc in in_file} == {"2040"}

    reader = TrainingLog(
        path, read_only=True, clock=_Clock(datetime(2041, 1, 1, 0, 1, tzinfo=ZONE))
    )
    assert len(reader.sessions()) == len(sessions)  # a reader moves nothing
    reader.close()
    assert _year_files(tmp_path) == [2039]

    morning = _Clock(datetime(2041, 1, 1, 0, 1, tzinfo=ZONE))
    log = TrainingLog(path, clock=morning)
    assert log.current_year() == 2041
    assert _year_files(tmp_path) == [2039, 2040]
    assert json.loads(path.read_text())["sessions"] == {}
    assert [plain(r) for r in log.sessions()] == [plain(r) for r in sorted(sessions, key=_start)]
    assert len(log.session_summaries(since=date(2040, 12, 1))) == len(
        [r for r in sessions if r.date >= date(2040, 12, 1)]
    )
    log.close()


def test_an_import_puts_the_clocks_past_years_in_their_files(tmp_path: Path) -> None:
    sessions = history(30, until=date(2041, 3, 1))
    path = tmp_path / "log.json"
    log = TrainingLog(path, clock=_Clock(datetime(2041, 3, 1, 8, 0, tzinfo=ZONE)))
    log.add_sessions(sessions)
    log.close()
    assert _year_files(tmp_path) == [2040]
    in_file = json.loads(path.read_text())["sessions"].values()
    assert {doc["date"][:4] for doc in in_file} == {"2041"}


def test_the_first_day_is_kept_apart_and_follows_the_edits(tmp_path: Path) -> None:
    """Found without reading a year's sets once kept; a deletion in the oldest year (or a
    year file changed from outside) moves it."""
    sessions = history(120, until=date(2041, 3, 1))
    clock = _Clock(datetime(2041, 3, 1, 8, 0, tzinfo=ZONE))
    path = tmp_path / "log.json"
    log = TrainingLog(path, clock=clock)
    log.add_sessions(sessions)
    assert log.first_day() == sessions[0].date
    log.delete_session(sessions[0].id)
    assert log.first_day() == sessions[1].date
    log.close()
    assert json.loads((tmp_path / "years" / "first.json").read_text())["first"] == str(
        sessions[1].date
    )

    kept = tmp_path / "years" / "first.json"
    stored = json.loads(kept.read_text())
    kept.write_text(json.dumps({**stored, "first": "2038-01-02"}))
    reader = TrainingLog(path, read_only=True, clock=clock)
    assert reader.first_day() == date(2038, 1, 2)  # the kept day, no year file read
    reader.close()

    oldest = tmp_path / "years" / f"{sessions[0].date.year}.json"
    data = json.loads(oldest.read_text())
    data["sessions"] = {
        key: doc for key, doc in data["sessions"].items() if doc["id"] != sessions[1].id
    }
    oldest.write_text(json.dumps(data))
    reader = TrainingLog(path, read_only=True, clock=clock)
    assert reader.first_day() == sessions[2].date
    reader.close()
