"""`runs import | plan | list | show | mark`, `plan suggest`, and the running rules in
`status`, `schedule add` and `start`, through the installed command.

Files are written relative to the real today: the command reads the real clock.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from tests.activity_files import fit_bytes, gpx_text, gz, strava_export, tcx_text

COMMAND = str(Path(sys.executable).with_name("runstrength"))
TODAY = date.today()


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


def at(offset: int, hour: int = 7) -> datetime:
    return datetime.combine(day(offset), time(hour)).astimezone().astimezone(UTC)


def run(data: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [COMMAND, "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        input=stdin,
    )


def ics(*events: tuple[str, str, str]) -> str:
    """A calendar of (uid, DTSTART value, summary) events."""
    body = "".join(
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T000000Z\r\n"
        f"DTSTART{';VALUE=DATE' if len(start) == 8 else ''}:{start}\r\nSUMMARY:{title}\r\n"
        "END:VEVENT\r\n"
        for uid, start, title in events
    )
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//coach//EN\r\n{body}END:VCALENDAR\r\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    files = tmp_path / "watch"
    files.mkdir()
    (files / "long.fit").write_bytes(fit_bytes(at(-4), 7300, 24000, avg_hr=150))
    # The phone recorded the same run: a GPX a few seconds behind the watch.
    (files / "long.gpx").write_text(gpx_text(at(-4) + timedelta(seconds=6), 7290))
    (files / "ride.fit.gz").write_bytes(gz(fit_bytes(at(-3), 3600, 30000, sport="cycling")))
    (files / "tempo.tcx").write_text(tcx_text(at(-2), 2400, 8000, hr=170))
    (files / "cut.fit").write_bytes(fit_bytes(at(-1), 600, 2000)[:-25])
    (files / "timeless.gpx").write_text(gpx_text(None, 0))
    return files


def test_import_names_damaged_files_keeps_the_rest_and_is_idempotent(
    tmp_path: Path, folder: Path
) -> None:
    data = tmp_path / "data"
    first = run(data, "runs", "import", str(folder))
    assert first.returncode == 1
    assert "Imported 2 runs and 1 other activity from 6 files; 1 already" in first.stdout
    assert f"{folder / 'cut.fit'} is cut short" in first.stderr
    assert f"{folder / 'timeless.gpx'} has no times" in first.stderr
    again = run(data, "runs", "import", str(folder / "long.fit"), str(folder / "tempo.tcx"))
    assert again.returncode == 0
    assert "Imported 0 runs and 0 other activities from 2 files; 2 already" in again.stdout
    listed = json.loads(run(data, "runs", "list", "--json").stdout)
    assert [(a["sport"], a["run_kind"]) for a in listed] == [
        ("running", "long"),
        ("cycling", None),
        ("running", "easy"),
    ]
    assert listed[0]["distance_m"] == pytest.approx(24000)
    assert datetime.fromisoformat(listed[0]["start"]) == at(-4)
    table = run(data, "runs", "list").stdout
    assert "24 km" in table
    assert "2 h 02 min" in table


def test_a_strava_export_imports(tmp_path: Path) -> None:
    export = strava_export(
        tmp_path / "export",
        [
            ("Saturday parkrun", "Run", at(-1, 9), 1500, 5000, "activities/1.gpx.gz"),
            ("Pool", "Swim", at(-2), 1800, 1500, ""),
        ],
    )
    (export / "activities" / "1.gpx.gz").write_bytes(gz(gpx_text(at(-1, 9), 1500).encode()))
    result = run(tmp_path / "data", "runs", "import", str(export))
    assert result.returncode == 0, result.stderr
    listed = json.loads(run(tmp_path / "data", "runs", "list", "--json").stdout)
    assert [(a["title"], a["sport"], a["run_kind"]) for a in listed] == [
        ("Pool", "swimming", None),
        ("Saturday parkrun", "running", "race"),
    ]


def test_mark_corrects_a_kind_and_bad_input_is_refused(tmp_path: Path, folder: Path) -> None:
    data = tmp_path / "data"
    run(data, "runs", "import", str(folder / "tempo.tcx"))
    [tempo] = json.loads(run(data, "runs", "list", "--json").stdout)
    marked = run(data, "runs", "mark", tempo["id"], "hard")
    assert marked.returncode == 0
    assert "is now a hard run" in marked.stdout
    shown = run(data, "runs", "show", tempo["id"]).stdout
    assert "Kind: hard (set by hand)" in shown
    assert run(data, "runs", "mark", tempo["id"], "auto").returncode == 0
    assert "Kind: easy" in run(data, "runs", "show", tempo["id"]).stdout
    unknown = run(data, "runs", "mark", "nope", "easy")
    assert unknown.returncode == 1
    assert 'no run or activity with id "nope"' in unknown.stderr
    assert run(data, "runs", "mark", tempo["id"], "medium").returncode == 2
    removed = run(data, "runs", "remove", tempo["id"])
    assert removed.returncode == 0
    assert f"({tempo['id']})" in removed.stdout
    assert json.loads(run(data, "runs", "list", "--json").stdout) == []
    assert run(data, "runs", "remove", tempo["id"]).returncode == 1
    assert run(data, "runs", "list", "--from", "yesterday").returncode == 2


def test_a_plan_from_a_calendar_blocks_days_and_is_replaced_on_import(tmp_path: Path) -> None:
    data = tmp_path / "data"
    plan = tmp_path / "plan.ics"
    tomorrow = day(1).strftime("%Y%m%d")
    plan.write_text(
        ics(
            ("long@coach", tomorrow, "Long run 24 km"),
            ("rest@coach", day(2).strftime("%Y%m%d"), "Rest day"),
            ("old@coach", day(-3).strftime("%Y%m%d"), "Intervals"),
        )
    )
    first = run(data, "runs", "plan", str(plan))
    assert first.returncode == 0, first.stderr
    assert "Planned 1 run" in first.stdout
    assert "left out: 1 past event." in first.stdout
    status = json.loads(run(data, "status", "--json").stdout)
    assert status["training_day"] is False
    assert status["blocking_run"] == {
        "date": day(1).isoformat(),
        "kind": "long",
        "title": "Long run 24 km",
        "distance_m": 24000.0,
        "planned": True,
        "rule": "run-before",
    }
    refused = run(data, "schedule", "add", TODAY.isoformat())
    assert refused.returncode == 1
    assert "the day before your planned long run" in refused.stderr
    assert f"Next session possible: {day(3):%a} {day(3).day}" in refused.stderr
    started = run(data, "start")
    assert started.returncode == 1
    assert "no session today" in started.stderr
    # The coach moved the long run: importing again replaces it.
    plan.write_text(ics(("long@coach", day(5).strftime("%Y%m%d"), "Long run 26 km")))
    assert "in place of 1 from before" in run(data, "runs", "plan", str(plan)).stdout
    planned = json.loads(run(data, "runs", "list", "--json").stdout)
    assert [(a["day"], a["distance_m"]) for a in planned] == [(day(5).isoformat(), 26000.0)]
    assert json.loads(run(data, "status", "--json").stdout)["blocking_run"] is None
    bad = tmp_path / "bad.ics"
    bad.write_text("not a calendar")
    refused_file = run(data, "runs", "plan", str(bad))
    assert refused_file.returncode == 2
    assert "not an iCalendar file" in refused_file.stderr


def test_warn_turns_the_running_rules_into_a_question(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "config.toml").write_text('run_rules = "warn"\n')
    plan = tmp_path / "plan.ics"
    plan.write_text(ics(("race@coach", day(1).strftime("%Y%m%d"), "Parkrun")))
    run(data, "runs", "plan", str(plan))
    asked = run(data, "schedule", "add", TODAY.isoformat())
    assert asked.returncode == 1
    assert "--yes schedules it anyway" in asked.stderr
    anyway = run(data, "schedule", "add", TODAY.isoformat(), "--yes")
    assert anyway.returncode == 0, anyway.stderr
    assert "Warning:" in anyway.stdout
    # The rest day after that session is never a question.
    rest = run(data, "schedule", "add", day(1).isoformat(), "--yes")
    assert rest.returncode == 1
    assert "rest day" in rest.stderr


def test_plan_suggest_keeps_the_rules_and_apply_schedules(tmp_path: Path) -> None:
    data = tmp_path / "data"
    plan = tmp_path / "plan.ics"
    plan.write_text(
        ics(
            ("long@coach", day(3).strftime("%Y%m%d"), "Long run"),
            ("tempo@coach", day(5).strftime("%Y%m%d"), "Tempo"),
        )
    )
    run(data, "runs", "plan", str(plan))
    shown = run(data, "plan", "suggest", "--weeks", "1")
    assert shown.returncode == 0, shown.stderr
    assert "--apply" in shown.stdout
    applied = run(data, "plan", "suggest", "--weeks", "1", "--apply")
    assert "Scheduled 2 endurance sessions." in applied.stdout
    planned = json.loads(run(data, "schedule", "list", "--json").stdout)
    days = [date.fromisoformat(p["date"]) for p in planned]
    assert day(5) in days  # the hard-run day is preferred
    for blocked in (day(2), day(3), day(4)):  # before, on and after the long run
        assert blocked not in days
    assert run(data, "plan", "suggest", "--weeks", "0").returncode == 2
    race = tmp_path / "race.ics"
    race.write_text(ics(("race@coach", day(12).strftime("%Y%m%d"), "Half marathon")))
    run(data, "runs", "plan", str(race))
    short = run(data, "plan", "suggest", "--weeks", "2").stdout
    assert "the rules leave no more days" in short


def test_runs_travel_in_export_and_import_exactly(tmp_path: Path, folder: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    run(first, "runs", "import", str(folder))
    plan = tmp_path / "plan.ics"
    plan.write_text(ics(("race@coach", day(9).strftime("%Y%m%d"), "City 10k race")))
    run(first, "runs", "plan", str(plan))
    listed = json.loads(run(first, "runs", "list", "--json").stdout)
    run(first, "runs", "mark", listed[0]["id"], "race")
    exported = run(first, "export")
    assert exported.returncode == 0
    document = json.loads(exported.stdout)
    assert len(document["runs"]) == 4
    out = tmp_path / "out.json"
    out.write_text(exported.stdout)
    imported = run(second, "import", str(out))
    assert imported.returncode == 0, imported.stderr
    assert "Imported 4 of 4 runs" in imported.stdout
    assert run(second, "export").stdout == exported.stdout
    assert "Imported 0 of 4 runs" in run(second, "import", str(out)).stdout
    document["runs"][0]["start"] = "soon"
    out.write_text(json.dumps(document))
    broken = run(tmp_path / "c", "import", str(out))
    assert broken.returncode == 2
    assert "runs[0].start" in broken.stderr


def test_a_repeating_event_plans_each_run(tmp_path: Path) -> None:
    data = tmp_path / "data"
    start = day(-14)
    skipped = day(7)
    plan = tmp_path / "weekly.ics"
    plan.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//me//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:sunday@me\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:{start:%Y%m%d}\r\n"
        f"RRULE:FREQ=WEEKLY;COUNT=6\r\nEXDATE;VALUE=DATE:{skipped:%Y%m%d}\r\n"
        "SUMMARY:Long run 20 km\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    result = run(data, "runs", "plan", str(plan))
    assert result.returncode == 0, result.stderr
    listed = json.loads(run(data, "runs", "list", "--json").stdout)
    assert [a["day"] for a in listed] == [day(n).isoformat() for n in (0, 14, 21)]
    assert {a["run_kind"] for a in listed} == {"long"}


def test_import_of_only_missing_files_is_one_line_each_and_changes_nothing(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    result = run(data, "runs", "import", str(tmp_path / "nope.gpx"))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"runstrength: {tmp_path / 'nope.gpx'} does not exist"]
    assert result.stdout == ""
    assert not (data / "log.json").exists()


def test_a_file_dated_in_the_future_is_named_and_not_imported(tmp_path: Path, folder: Path) -> None:
    """A finished run cannot be later than now: a watch with a wrong clock. Its file is
    named with its date, the other files are imported, and what was logged stays."""
    data = tmp_path / "data"
    assert run(data, "runs", "import", str(folder / "tempo.tcx")).returncode == 0
    logged = run(data, "runs", "list", "--json").stdout
    ahead = tmp_path / "ahead.fit"
    ahead.write_bytes(fit_bytes(at(3), 3000, 10000))
    alone = run(data, "runs", "import", str(ahead))
    assert alone.returncode == 1
    named, total = alone.stderr.splitlines()
    assert named.startswith(
        f"runstrength: {ahead} is dated {day(3).isoformat()} 07:00, later than now ({TODAY}"
    )
    assert named.endswith(
        "): a finished activity cannot be in the future; is the device's clock right?"
    )
    assert total == "runstrength: 1 activity dated in the future not imported (see above)"
    assert "Imported 0 runs and 0 other activities from 1 file" in alone.stdout
    assert run(data, "runs", "list", "--json").stdout == logged
    # Among other files: those are imported, the one ahead is not, and the exit says so.
    mixed = run(data, "runs", "import", str(ahead), str(folder / "long.fit"))
    assert mixed.returncode == 1
    assert "Imported 1 run and 0 other activities from 2 files" in mixed.stdout
    assert f"{ahead} is dated {day(3).isoformat()} 07:00" in mixed.stderr
    listed = json.loads(run(data, "runs", "list", "--json").stdout)
    assert [a["day"] for a in listed] == [day(-4).isoformat(), day(-2).isoformat()]


def test_a_strava_export_names_the_line_of_an_activity_dated_in_the_future(
    tmp_path: Path,
) -> None:
    export = strava_export(
        tmp_path / "export",
        [
            ("Morning run", "Run", at(-1), 1800, 5000, ""),
            ("Run from the future", "Run", at(40), 1800, 5000, ""),
        ],
    )
    result = run(tmp_path / "data", "runs", "import", str(export))
    assert result.returncode == 1
    assert f"activities.csv:3 is dated {day(40).isoformat()} 07:00, later than now" in (
        result.stderr
    )
    listed = json.loads(run(tmp_path / "data", "runs", "list", "--json").stdout)
    assert [a["title"] for a in listed] == ["Morning run"]
