"""The kinds of planned and completed runs as a runner meets them through the installed
command: titles that only speak of a race, marks kept over a calendar imported again,
a completed run standing in for the plan of its day, calendar events that are not runs."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.activity_files import gpx_text
from tests.test_cli_runs import TODAY, at, day, ics, run


def test_workout_titles_that_speak_of_a_race_do_not_block_strength(tmp_path: Path) -> None:
    data = tmp_path / "data"
    plan = tmp_path / "mp.ics"
    plan.write_text(
        ics(
            ("a@coach", f"{day(6):%Y%m%d}", "Pre-race shakeout"),
            ("b@coach", f"{day(11):%Y%m%d}", "12 km at marathon pace"),
            ("c@coach", f"{day(14):%Y%m%d}", "Long run 30 km with 15 km at marathon pace"),
        )
    )
    assert run(data, "runs", "plan", str(plan)).returncode == 0
    listed = json.loads(run(data, "runs", "list", "--json").stdout)
    assert [a["run_kind"] for a in listed] == ["easy", "hard", "long"]
    # The day before the shakeout is free for strength: no race is planned.
    added = run(data, "schedule", "add", day(5).isoformat())
    assert added.returncode == 0, added.stderr
    assert "race" not in added.stdout + added.stderr
    shown = run(data, "runs", "show", listed[1]["id"]).stdout
    assert 'Kind: hard (its title says "marathon pace")' in shown


def test_completed_runs_are_judged_by_what_their_titles_really_name(tmp_path: Path) -> None:
    data = tmp_path / "data"
    files = tmp_path / "watch"
    files.mkdir()
    titles = {
        "Recovery jog after marathon": 30 * 60,
        "Not a long run": 40 * 60,
        "Cool-down jog with a very long title": 25 * 60,
        "Warm-up jog before parkrun": 15 * 60,
        "Saturday parkrun": 25 * 60,
    }
    for offset, (title, seconds) in enumerate(titles.items()):
        (files / f"{offset}.gpx").write_text(gpx_text(at(-offset - 1), seconds, name=title))
    assert run(data, "runs", "import", str(files)).returncode == 0
    listed = json.loads(run(data, "runs", "list", "--json").stdout)
    kinds = {a["title"]: a["run_kind"] for a in listed}
    assert kinds == {
        "Recovery jog after marathon": "easy",
        "Not a long run": "easy",
        "Cool-down jog with a very long title": "easy",
        "Warm-up jog before parkrun": "easy",
        "Saturday parkrun": "race",
    }
    parkrun = next(a for a in listed if a["title"] == "Saturday parkrun")
    assert (
        'Kind: race (its title says "parkrun")' in run(data, "runs", "show", parkrun["id"]).stdout
    )
    jog = next(a for a in listed if a["title"] == "Not a long run")
    assert (
        "Kind: easy (nothing in its title, length or heart rate makes it more)"
        in run(data, "runs", "show", jog["id"]).stdout
    )


def test_importing_the_calendar_again_keeps_the_kinds_set_by_hand(tmp_path: Path) -> None:
    data = tmp_path / "data"
    plan = tmp_path / "coach.ics"
    events = [
        ("a@coach", f"{day(3):%Y%m%d}", "Club 10K"),
        ("b@coach", f"{day(5):%Y%m%d}", "Easy 8 km"),
    ]
    plan.write_text(ics(*events))
    assert run(data, "runs", "plan", str(plan)).returncode == 0
    first = json.loads(run(data, "runs", "list", "--json").stdout)
    assert run(data, "runs", "mark", first[0]["id"], "race").returncode == 0
    # The coach moves the 10K a day later: the same event, updated.
    plan.write_text(ics(("a@coach", f"{day(4):%Y%m%d}", "Club 10K"), events[1]))
    again = run(data, "runs", "plan", str(plan))
    assert again.returncode == 0, again.stderr
    assert "kept your kind for 1" in again.stdout
    listed = json.loads(run(data, "runs", "list", "--json").stdout)
    assert [(a["day"], a["kind"], a["run_kind"]) for a in listed] == [
        (day(4).isoformat(), "race", "race"),
        (day(5).isoformat(), None, "easy"),
    ]


def test_the_run_done_on_a_planned_day_stands_in_for_the_plan(tmp_path: Path) -> None:
    start = datetime.now(UTC) - timedelta(minutes=20)
    if start.astimezone().date() != TODAY:
        pytest.skip("just after midnight: no run of today can have ended yet")
    data = tmp_path / "data"
    plan = tmp_path / "coach.ics"
    plan.write_text(ics(("long@coach", f"{TODAY:%Y%m%d}", "Long run 24 km")))
    assert run(data, "runs", "plan", str(plan)).returncode == 0
    gpx = tmp_path / "today.gpx"
    gpx.write_text(gpx_text(start, 15 * 60, name="Morning Run"))
    assert run(data, "runs", "import", str(gpx)).returncode == 0
    listed = json.loads(run(data, "runs", "list", "--json").stdout)
    [done] = [a for a in listed if not a["planned"]]
    [planned] = [a for a in listed if a["planned"]]
    assert planned["done_by"] == done["id"]
    # The run takes the plan's kind; the rules name it, not the plan.
    assert done["run_kind"] == "long"
    status = json.loads(run(data, "status", "--json").stdout)
    assert status["blocking_run"]["title"] == "Morning Run"
    assert status["blocking_run"]["planned"] is False
    table = run(data, "runs", "list").stdout
    assert "planned (done): Long run 24 km" in table
    shown = run(data, "runs", "show", planned["id"]).stdout
    assert f"Done: Morning Run ({done['id']}) counts in its place" in shown
    shown_run = run(data, "runs", "show", done["id"]).stdout
    assert 'Kind: long (planned as a long run "Long run 24 km")' in shown_run


def test_calendar_events_that_are_not_runs_are_not_counted_as_runs(tmp_path: Path) -> None:
    data = tmp_path / "data"
    plan = tmp_path / "week.ics"
    plan.write_text(
        ics(
            ("a@coach", f"{day(2):%Y%m%d}", "Easy 8 km"),
            ("b@coach", f"{day(3):%Y%m%d}", "Bike 60 min"),
            ("c@coach", f"{day(4):%Y%m%d}", "Swim 2 km"),
            ("d@coach", f"{day(5):%Y%m%d}", "Strength & mobility"),
            (
                f"{day(6).isoformat()}@runstrength",
                f"{day(6):%Y%m%d}",
                "Strength session: endurance",
            ),
            ("e@coach", f"{day(-2):%Y%m%d}", "Tempo"),
        )
    )
    result = run(data, "runs", "plan", str(plan))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        f"Planned 1 run and 2 other activities from {plan}; left out: 1 past event, "
        "1 event that is not a run, 1 strength session exported by runstrength."
    )
    listed = json.loads(run(data, "runs", "list", "--json").stdout)
    assert [(a["title"], a["sport"]) for a in listed] == [
        ("Easy 8 km", "running"),
        ("Bike 60 min", "cycling"),
        ("Swim 2 km", "swimming"),
    ]


def test_runstrengths_own_calendar_read_as_a_plan_plans_no_run(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run(data, "schedule", "add", day(2).isoformat()).returncode == 0
    exported = tmp_path / "strength.ics"
    done = run(data, "schedule", "export", "--ics", str(exported))
    assert done.returncode == 0, done.stderr
    result = run(data, "runs", "plan", str(exported))
    assert result.returncode == 0, result.stderr
    assert "Planned 0 runs" in result.stdout
    assert "1 strength session exported by runstrength" in result.stdout
    assert json.loads(run(data, "runs", "list", "--json").stdout) == []
