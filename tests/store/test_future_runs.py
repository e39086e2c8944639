"""Completed activities dated later than the log's clock are not stored, whichever way
they come in (`RunLog.add`, the runs folder read at start); the others still are, and
nothing already logged changes."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from runstrength.core.run_data import activity_to_data
from runstrength.core.runs import Activity
from runstrength.store import TrainingLog
from runstrength.store.runs import RunLog
from runstrength.store.runs_folder import import_new_files
from tests.activity_files import fit_bytes, gpx_text
from tests.doubles import FakeClock

NOW = FakeClock().now()  # Mon 23 Nov 2026 07:02 (+01:00)


def done(start: datetime, minutes: float = 40, title: str = "") -> Activity:
    return Activity(
        id="", day=start.date(), start=start, duration_s=minutes * 60, title=title, source=title
    )


def test_add_refuses_what_is_dated_later_than_the_log_clock_and_keeps_the_rest(
    tmp_path: Path,
) -> None:
    clock = FakeClock()
    path = tmp_path / "log.json"
    log = TrainingLog(path, clock=clock)
    runs = RunLog(log)
    runs.add([done(NOW - timedelta(days=3), title="Logged before")])
    before = path.read_bytes()
    only_future = runs.add([done(NOW + timedelta(days=9), title="Next week")])
    assert only_future.added == []
    assert [(a.title, "2026-12-02 07:02" in why) for a, why in only_future.refused] == [
        ("Next week", True)
    ]
    assert path.read_bytes() == before  # nothing written at all
    mixed = runs.add(
        [done(NOW + timedelta(hours=2), title="Wrong clock"), done(NOW - timedelta(days=1))]
    )
    assert [a.day for a in mixed.added] == [(NOW - timedelta(days=1)).date()]
    assert [a.title for a, _ in mixed.refused] == ["Wrong clock"]
    assert [a.title for a in runs.between()] == ["Logged before", ""]
    # The rule follows the log's clock (the machine's is days past these dates): a day
    # later on it, the run two hours ahead is a past run.
    clock.advance(24 * 3600)
    later = runs.add([done(NOW + timedelta(hours=2), title="Wrong clock")])
    assert [a.title for a in later.added] == ["Wrong clock"]
    assert list(later.refused) == []


def test_the_runs_folder_names_a_file_dated_in_the_future_once(tmp_path: Path) -> None:
    folder = tmp_path / "watch"
    folder.mkdir()
    (folder / "past.fit").write_bytes(fit_bytes(NOW - timedelta(days=1), 2400, 8000))
    (folder / "ahead.gpx").write_text(gpx_text(NOW + timedelta(days=30), 1800))
    log = TrainingLog(tmp_path / "log.json", clock=FakeClock())
    found = import_new_files(log, folder)
    assert [a.day for a in found.added] == [(NOW - timedelta(days=1)).date()]
    [(path, why)] = found.failed
    assert path == folder / "ahead.gpx"
    assert why.startswith("is dated 2026-12-23 07:02, later than now (2026-11-23 07:02)")
    assert len(RunLog(log).between()) == 1
    # Reported once, like a file that cannot be read: the next start says nothing of it.
    again = import_new_files(log, folder)
    assert (again.added, again.failed) == ([], [])


def test_merge_refuses_what_is_dated_later_than_the_log_clock_and_skips_what_is_there(
    tmp_path: Path,
) -> None:
    """An export merged in: its runs keep their ids; one ahead of the clock is refused,
    unless the log already holds it (an export read back into its own log refuses
    nothing and changes nothing)."""
    log = TrainingLog(tmp_path / "log.json", clock=FakeClock())
    runs = RunLog(log)
    held = done(NOW + timedelta(days=2), title="Held")._replace(id="held")
    log.change_documents("runs", lambda docs: docs.append(activity_to_data(held)))
    past = done(NOW - timedelta(days=1), title="Past")._replace(id="past")
    ahead = done(NOW + timedelta(hours=1), title="Ahead")._replace(id="ahead")
    merged = runs.merge([past, ahead, held])
    assert [a.id for a in merged.added] == ["past"]
    assert [a.id for a in merged.duplicates] == ["held"]
    assert [(a.id, why.startswith("is dated 2026-11-23 08:02")) for a, why in merged.refused] == [
        ("ahead", True)
    ]
    assert [a.id for a in runs.between()] == ["past", "held"]
