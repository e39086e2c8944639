"""Runs in the log: stored once, durable at once, planned runs replaced by calendar."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from runstrength.core.run_data import activities_from_list, activity_to_data
from runstrength.core.runrules import run_cause
from runstrength.core.runs import Activity, RunSettings
from runstrength.store import CorruptLogError, TrainingLog
from runstrength.store.errors import BadRecordError
from runstrength.store.runs import RunLog, UnknownRunError
from runstrength.store.schedule import Schedule

HOME = timezone(timedelta(hours=1))
START = datetime(2026, 11, 22, 8, 30, tzinfo=HOME)


def completed(start: datetime = START, minutes: float = 125, **fields: object) -> Activity:
    return Activity(
        id="",
        day=start.date(),
        start=start,
        title=str(fields.pop("title", "Sunday long")),
        duration_s=minutes * 60,
        distance_m=24000.0,
        source=str(fields.pop("source", "/watch/a.fit")),
        **fields,  # type: ignore[arg-type]
    )


def test_an_activity_is_stored_once_whatever_file_it_comes_from(tmp_path: Path) -> None:
    log = TrainingLog(tmp_path / "log.json")
    runs = RunLog(log)
    first = runs.add([completed()])
    assert [a.id for a in first.added] == ["20261122-0830"]
    again = runs.add([completed()])
    assert again.added == []
    assert len(again.duplicates) == 1
    # The phone's GPX of the same run starts a few seconds later and lasts a little less.
    gpx = completed(START + timedelta(seconds=7), 124, source="/phone/a.gpx")
    assert runs.add([gpx]).added == []
    # Another run the same morning, an hour later, is another run.
    later = runs.add([completed(START + timedelta(hours=3), 30, title="Shakeout")])
    assert len(later.added) == 1
    assert [a.title for a in runs.between()] == ["Sunday long", "Shakeout"]


def test_runs_are_on_disk_when_add_returns(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    RunLog(log).add([completed(avg_hr=151.5)])
    on_disk = list(json.loads(path.read_text())["runs"].values())
    assert on_disk[0]["start"] == "2026-11-22T08:30:00+01:00"
    assert on_disk[0]["avg_hr"] == 151.5
    log.close()
    reopened = RunLog(TrainingLog(path, read_only=True)).between()
    assert reopened[0].start == START
    assert reopened[0].start.utcoffset() == timedelta(hours=1)


def test_mark_sets_the_kind_and_an_unknown_id_is_named(tmp_path: Path) -> None:
    runs = RunLog(TrainingLog(tmp_path / "log.json"))
    stored = runs.add([completed()]).added[0]
    assert runs.mark(stored.id, "race").kind == "race"
    assert runs.get(stored.id).kind == "race"
    with pytest.raises(UnknownRunError, match="nope"):
        runs.mark("nope", "easy")


def planned(day: date, uid: str, title: str = "Long run 24 km") -> Activity:
    return Activity(id="", day=day, title=title, uid=uid, planned=True)


def test_a_calendar_imported_again_replaces_its_plans_not_the_runs(tmp_path: Path) -> None:
    today = date(2026, 11, 25)
    runs = RunLog(TrainingLog(tmp_path / "log.json"))
    runs.add([completed()])
    first = runs.replace_planned(
        "/plans/coach.ics",
        [planned(date(2026, 11, 29), "a"), planned(date(2026, 12, 6), "b")],
        today,
    )
    assert len(first.added) == 2
    second = runs.replace_planned(
        "/plans/coach.ics", [planned(date(2026, 11, 29), "a", "Race: parkrun")], today
    )
    assert len(second.removed) == 2
    assert [a.title for a in runs.between(planned=True)] == ["Race: parkrun"]
    assert [a.title for a in runs.between(planned=False)] == ["Sunday long"]
    # The same events saved under another name still replace by UID.
    runs.replace_planned("/tmp/renamed.ics", [planned(date(2026, 11, 29), "a", "Long")], today)
    assert [a.title for a in runs.between(planned=True)] == ["Long"]


def test_a_kind_set_by_hand_on_a_plan_stays_when_the_calendar_is_imported_again(
    tmp_path: Path,
) -> None:
    today = date(2026, 11, 25)
    runs = RunLog(TrainingLog(tmp_path / "log.json"))
    first = runs.replace_planned(
        "/plans/coach.ics",
        [planned(date(2026, 11, 29), "a", "Marathon"), planned(date(2026, 12, 6), "b")],
        today,
    )
    runs.mark(first.added[0].id, "hard")
    # The coach moved the session a day and renamed the other one.
    again = runs.replace_planned(
        "/plans/coach.ics",
        [planned(date(2026, 11, 30), "a", "Marathon"), planned(date(2026, 12, 6), "b", "Long")],
        today,
    )
    assert again.kept_kinds == 1
    assert [(a.uid, a.day, a.kind) for a in runs.between(planned=True)] == [
        ("a", date(2026, 11, 30), "hard"),
        ("b", date(2026, 12, 6), None),
    ]


def test_a_damaged_run_record_is_reported_as_a_damaged_log(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    RunLog(log).add([completed()])
    log.close()
    data = json.loads(path.read_text())
    data["runs"]["1"]["start"] = "yesterday"
    path.write_text(json.dumps(data))
    with pytest.raises(BadRecordError) as raised:
        RunLog(TrainingLog(path, read_only=True)).between()
    # Which part of the log, which record, and what to do, as for any malformed record.
    assert [(bad.table, bad.id) for bad in raised.value.bad] == [("runs", "1")]
    assert "runs record 1: start: 'yesterday'" in str(raised.value)
    assert "runstrength doctor --repair" in str(raised.value)


def test_activity_data_round_trip_and_problems_by_path() -> None:
    original = completed(avg_hr=150.0, kind="hard", effort=6)._replace(id="20261122-0830")
    plan = planned(date(2026, 12, 1), "x")._replace(id="plan-1")
    data = [activity_to_data(original), activity_to_data(plan)]
    back, problems = activities_from_list(json.loads(json.dumps(data)))
    assert problems == []
    assert back[0] == original
    broken = [{**data[0], "sport": "rowing", "kind": "medium", "effort": 11}, {"id": "x"}]
    _, problems = activities_from_list(broken)
    assert any(p.startswith("runs[0].effort") for p in problems)
    older = {k: v for k, v in data[0].items() if k != "effort"}  # files before effort
    assert activities_from_list([older])[0][0].effort is None
    assert any(p.startswith("runs[0].sport") for p in problems)
    assert any(p.startswith("runs[0].kind") for p in problems)
    assert any(p.startswith("runs[1].day") for p in problems)


def test_a_run_record_missing_a_field_is_refused_when_the_log_opens(tmp_path: Path) -> None:
    path = tmp_path / "log.json"
    log = TrainingLog(path)
    RunLog(log).add([completed()])
    log.close()
    data = json.loads(path.read_text())
    del data["runs"]["1"]["sport"]
    path.write_text(json.dumps(data))
    with pytest.raises(CorruptLogError, match="runs record 1: lacks sport"):
        TrainingLog(path, read_only=True)


def test_the_rules_read_a_planned_run_done_skipped_or_not_yet_imported(tmp_path: Path) -> None:
    log = TrainingLog(tmp_path / "log.json")
    runs = RunLog(log)
    sunday, monday = date(2026, 11, 22), date(2026, 11, 23)
    runs.replace_planned("/plans/coach.ics", [planned(sunday, "long")], date(2026, 11, 20))

    def cause_on_monday() -> str | None:
        days = Schedule(log).training_days(monday, runs=RunSettings())
        cause = run_cause(days.runs, monday)
        return None if cause is None else cause.short()

    # Nothing imported since: the long run may just not be imported yet; it still counts.
    assert cause_on_monday() == 'the day after your planned long run "Long run 24 km"'
    # A jog on Monday is logged, none on Sunday: the long run was skipped.
    runs.add([completed(datetime(2026, 11, 23, 7, 0, tzinfo=HOME), 30, title="Morning Run")])
    assert cause_on_monday() is None
    # The Sunday run imported late: it stands in for the plan, named as itself.
    runs.add([completed(START, 70, title="Sunday")])
    assert cause_on_monday() == 'the day after your long run "Sunday" (24 km)'
